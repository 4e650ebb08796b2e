#!/usr/bin/env python3
"""Word error rate of `starcoach transcribe` / fw_transcribe.py output against references.

usage: wer.py HYP_OUTPUT REF_DIR
HYP_OUTPUT holds "== path/name.wav" lines each followed by that file's transcript; the
reference is REF_DIR/name.txt. Prints per-file and pooled WER (errors / reference words).

Normalisation (both sides): lowercase; hyphens and slashes become spaces; other punctuation
goes; a few abbreviations are spelled out (mr -> mister); numbers are compared digit by digit
("500", "five hundred" and "5 0 0" all become "5 0 0"; "1-2-3-4" and "1234" agree).
"""

import re
import sys
from pathlib import Path

ONES = "zero one two three four five six seven eight nine".split()
WORDS = {w: str(i) for i, w in enumerate(ONES)}
ABBREV = {"mr": "mister", "mrs": "missus", "dr": "doctor", "st": "saint", "ok": "okay"}


def normalise(text: str) -> list[str]:
    t = text.lower().replace("’", "'")
    t = re.sub(r"(\d),(\d)", r"\1\2", t)  # 1,000 -> 1000
    t = re.sub(r"[-/]", " ", t)
    t = re.sub(r"(\d)\.(\d)", r"\1 point \2", t)
    t = re.sub(r"[^a-z0-9' ]", " ", t)
    t = t.replace("'", "")
    out: list[str] = []
    for w in t.split():
        w = ABBREV.get(w, w)
        if w.isdigit():
            out.extend(w)
        elif w in WORDS:
            out.append(WORDS[w])
        elif w == "hundred" and out and out[-1].isdigit():
            out.extend(["0", "0"])
        elif w == "thousand" and out and out[-1].isdigit():
            out.extend(["0", "0", "0"])
        else:
            out.append(w)
    return out


def edits(ref: list[str], hyp: list[str]) -> int:
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1]


def parse(output: str) -> dict[str, str]:
    res: dict[str, str] = {}
    cur = None
    for line in output.splitlines():
        if line.startswith("== "):
            cur = Path(line[3:].strip()).stem
            res[cur] = ""
        elif cur is not None:
            res[cur] += " " + line
    return res


def main() -> int:
    hyp = parse(Path(sys.argv[1]).read_text())
    refdir = Path(sys.argv[2])
    tot_e = tot_n = 0
    for name in sorted(hyp):
        ref = normalise((refdir / f"{name}.txt").read_text())
        e = edits(ref, normalise(hyp[name]))
        tot_e += e
        tot_n += len(ref)
        print(f"{name}\t{e}/{len(ref)}\t{100 * e / len(ref):.1f}%")
    print(f"ALL\t{tot_e}/{tot_n}\t{100 * tot_e / max(tot_n, 1):.2f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
