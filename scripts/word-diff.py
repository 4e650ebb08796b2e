#!/usr/bin/env python3
"""Word-level edit distance between two transcripts, for comparing builds.

usage: word-diff.py A.txt B.txt MAX [LABEL]
Both are lowercased, punctuation dropped; prints the distance and both texts where they
differ, and exits 1 when the distance is above MAX.
"""

import re
import sys
from pathlib import Path


def words(path: str) -> list[str]:
    text = Path(path).read_text().lower().replace("’", "'")
    return re.sub(r"[^a-z0-9' ]", " ", text).replace("'", "").split()


def distance(a: list[str], b: list[str]) -> int:
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def main() -> int:
    a_path, b_path, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
    label = sys.argv[4] if len(sys.argv) > 4 else f"{a_path} vs {b_path}"
    a, b = words(a_path), words(b_path)
    if not a:
        print(f"FAIL: {label}: {a_path} holds no words")
        return 1
    d = distance(a, b)
    verdict = "PASS" if d <= limit else "FAIL"
    print(f"{verdict}: {label}: {d} word(s) differ of {len(a)} (at most {limit} allowed)")
    if d:
        print(f"  A: {' '.join(a)}\n  B: {' '.join(b)}")
    return 0 if d <= limit else 1


if __name__ == "__main__":
    sys.exit(main())
