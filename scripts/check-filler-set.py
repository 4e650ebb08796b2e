#!/usr/bin/env python3
"""Sanity-check fixtures/fillers/ labels against the audio, using sox to cut the audio.

For every labelled filler: cut [start, end] with `sox FILE -n trim START =END stat` and
read its RMS; do the same for 80 ms just before the start and 80 ms just after the end.
A standalone filler (run_in=false) was placed between silent gaps of >= 0.1 s, so its
neighbours must be near the noise floor; a run-in filler is only checked for being voiced.
Long pauses must be as quiet as the noise floor. Prints a table and a verdict; exit 1 on
failure. Needs only sox and python3.
"""
import json, math, subprocess, sys
from pathlib import Path

D = Path(__file__).resolve().parent.parent / "fixtures" / "fillers"
W = 0.08


def rms_db(ogg, a, b):
    a = max(a, 0.0)
    if b - a < 0.01:
        return None
    r = subprocess.run(["sox", str(ogg), "-n", "trim", f"{a:.3f}", f"={b:.3f}", "stat"],
                       capture_output=True, text=True)
    for line in r.stderr.splitlines():
        if line.startswith("RMS     amplitude"):
            v = float(line.split(":")[1])
            return 20 * math.log10(max(v, 1e-6))
    raise RuntimeError(r.stderr)


def main():
    bad, n = 0, 0
    print(f"{'file':28s} {'word':4s} {'run':3s} {'start':>7s} {'dur':>5s} {'fill dB':>7s} {'pre dB':>7s} {'post dB':>7s}  verdict")
    for js in sorted(D.glob("*.json")):
        lab = json.loads(js.read_text())
        ogg = js.with_suffix(".ogg")
        noisy = lab["noise_snr_db"] is not None
        floor_max = -35 if noisy else -45   # noise at 20 dB SNR sits near -40 dBFS; Vorbis pre-echo near -55
        for f in lab["fillers"]:
            n += 1
            s, e = f["start_s"], f["end_s"]
            fd = rms_db(ogg, s, e)
            pre = rms_db(ogg, s - W, s)
            post = rms_db(ogg, e, e + W)
            ok = fd > -30 and 0.05 <= e - s <= 0.8
            if not f["run_in"]:
                ok = ok and pre < floor_max and post < floor_max and fd - max(pre, post) > 15
            bad += not ok
            print(f"{js.stem:28s} {f['word']:4s} {'yes' if f['run_in'] else 'no':3s} {s:7.3f} {e - s:5.3f} "
                  f"{fd:7.1f} {pre:7.1f} {post:7.1f}  {'ok' if ok else 'FAIL'}")
        for p in lab["long_pauses"]:
            n += 1
            pd = rms_db(ogg, p["start_s"], p["end_s"])
            ok = pd < floor_max and p["end_s"] - p["start_s"] >= 1.5
            bad += not ok
            print(f"{js.stem:28s} {'PAUSE':4s} {'':3s} {p['start_s']:7.3f} {p['end_s'] - p['start_s']:5.3f} {pd:7.1f}  {'ok' if ok else 'FAIL'}")
    print(f"{n - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
