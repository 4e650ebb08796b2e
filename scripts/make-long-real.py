#!/usr/bin/env python3
"""Long real-speech recordings for WER across piece boundaries.

The real-speech fixtures (scripts/fetch-real-speech.sh, in fixtures/cache/real/) are 3-73 s
clips; most fit one Whisper window, so they never exercise how starcoach cuts a recording into
pieces. This joins all of them, 0.8 s of silence apart, in three orders (sorted, reversed,
rotated by two) into fixtures/cache/real-long/long{0,1,2}.wav (16 kHz mono, about 103 s each)
with the joined references as long{0,1,2}.txt. Needs ffmpeg (the asterisk clip is 8 kHz).

usage: scripts/make-long-real.py
then:  for f in fixtures/cache/real-long/*.wav; do echo "== $f"; starcoach transcribe $f; done \
         > hyp.txt; scripts/wer.py hyp.txt fixtures/cache/real-long
"""

import subprocess
import sys
import tempfile
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "fixtures" / "cache" / "real"
OUT = ROOT / "fixtures" / "cache" / "real-long"
GAP_S = 0.8


def main() -> int:
    clips = sorted(p.stem for p in SRC.glob("*.wav"))
    if not clips:
        print(f"no clips in {SRC}: run scripts/fetch-real-speech.sh", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pcm = {}
        for c in clips:
            dst = Path(tmp) / f"{c}.wav"
            subprocess.run(
                ["ffmpeg", "-v", "error", "-y", "-i", str(SRC / f"{c}.wav"),
                 "-ar", "16000", "-ac", "1", "-sample_fmt", "s16", str(dst)],
                check=True,
            )
            with wave.open(str(dst)) as w:
                pcm[c] = w.readframes(w.getnframes())
    orders = [clips, clips[::-1], clips[2:] + clips[:2]]
    gap = b"\0\0" * int(16000 * GAP_S)
    for n, order in enumerate(orders):
        frames = b"".join(pcm[c] + gap for c in order)
        with wave.open(str(OUT / f"long{n}.wav"), "wb") as o:
            o.setnchannels(1)
            o.setsampwidth(2)
            o.setframerate(16000)
            o.writeframes(frames)
        text = " ".join((SRC / f"{c}.txt").read_text().strip() for c in order)
        (OUT / f"long{n}.txt").write_text(text + "\n")
        print(f"{OUT / f'long{n}.wav'}: {len(frames) / 32000:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
