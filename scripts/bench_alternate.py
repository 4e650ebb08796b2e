#!/usr/bin/env python3
"""Runs several commands in alternation (A B C A B C ...) and prints a Markdown table.

Each command is a whole process timed by `/usr/bin/time -f "%e %U %S %M"`: wall seconds,
user and system CPU seconds, peak RSS (KiB). The first round is a warm-up and is dropped.
Ratios are per round (this command / the first command, same round), then the median of
those: the machine is shared, and rounds that ran side by side see the same load.

usage: bench_alternate.py --title T --runs 5 [--audio-seconds S] [--raw FILE] NAME=CMD ...
"""

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile


def run_once(cmd: str) -> tuple[float, float, int]:
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as tf:
        out = tf.name
    full = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", out, "bash", "-c", cmd]
    r = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr[-2000:])
        raise SystemExit(f"command failed ({r.returncode}): {cmd}")
    with open(out) as f:
        line = f.read().strip().splitlines()[-1]
    os.unlink(out)
    e, u, s, m = line.split()
    return float(e), float(u) + float(s), int(m)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--title", required=True)
    ap.add_argument("--runs", type=int, default=5, help="measured rounds after one warm-up")
    ap.add_argument("--audio-seconds", type=float, default=0.0, help="for real-time factors")
    ap.add_argument("--raw", help="append raw rows (title,name,round,wall,cpu,rss_kib) here")
    ap.add_argument("commands", nargs="+", help="NAME=COMMAND")
    args = ap.parse_args()

    cmds = []
    for c in args.commands:
        name, _, cmd = c.partition("=")
        cmds.append((name, cmd))
    res: dict[str, list[tuple[float, float, int]]] = {n: [] for n, _ in cmds}
    for rnd in range(args.runs + 1):
        for name, cmd in cmds:
            r = run_once(cmd)
            sys.stderr.write(f"[{args.title}] round {rnd} {name}: wall {r[0]:.2f} s cpu {r[1]:.2f} s rss {r[2] / 1024:.0f} MiB\n")
            if rnd > 0:
                res[name].append(r)
                if args.raw:
                    with open(args.raw, "a") as f:
                        f.write(f"{args.title},{name},{rnd},{r[0]},{r[1]},{r[2]}\n")

    base = cmds[0][0]
    print(f"\n### {args.title}\n")
    print(f"{args.runs} alternating rounds after a warm-up; ratios are per round vs `{base}`, median (min-max).\n")
    hdr = "| command | median wall s | median CPU s | peak RSS MiB | wall ratio | CPU ratio |"
    sep = "|---|---:|---:|---:|---:|---:|"
    if args.audio_seconds:
        hdr += " x real time |"
        sep += "---:|"
    print(hdr)
    print(sep)
    for name, cmd in cmds:
        rows = res[name]
        w = statistics.median(r[0] for r in rows)
        c = statistics.median(r[1] for r in rows)
        m = statistics.median(r[2] for r in rows) / 1024
        wr = [a[0] / b[0] for a, b in zip(rows, res[base])]
        cr = [a[1] / b[1] for a, b in zip(rows, res[base])]
        line = (
            f"| {name} | {w:.2f} | {c:.2f} | {m:.0f} | {statistics.median(wr):.2f} ({min(wr):.2f}-{max(wr):.2f}) "
            f"| {statistics.median(cr):.2f} ({min(cr):.2f}-{max(cr):.2f}) |"
        )
        if args.audio_seconds:
            line += f" {args.audio_seconds / w:.1f} |"
        print(line)
    print()
    for name, cmd in cmds:
        print(f"- `{name}`: `{cmd}`")
    print()
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
