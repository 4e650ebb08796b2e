#!/usr/bin/env python3
"""faster-whisper counterpart of `starcoach transcribe`, for scripts/bench-vs-faster-whisper.sh.

Loads the CTranslate2 model once and transcribes every FILE in one process, greedy
(beam_size=1, best_of=1, temperature 0 only), timestamps on, like starcoach's plain pass.
Prints one transcript per file, as `starcoach transcribe` does ("== FILE" before each when
there are several files).
"""

import argparse
import sys

from faster_whisper import WhisperModel


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--model", required=True, help="CTranslate2 model directory")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--compute-type", default="int8", help="int8, float32, ...")
    ap.add_argument("--no-word-timestamps", action="store_true")
    args = ap.parse_args()

    model = WhisperModel(
        args.model, device="cpu", compute_type=args.compute_type, cpu_threads=args.threads, num_workers=1
    )
    for f in args.files:
        segments, _info = model.transcribe(
            f,
            language="en",
            beam_size=1,
            best_of=1,
            temperature=0.0,
            without_timestamps=False,
            word_timestamps=not args.no_word_timestamps,
            condition_on_previous_text=True,
            vad_filter=False,
        )
        text = " ".join(s.text.strip() for s in segments if s.text.strip())
        if len(args.files) > 1:
            print(f"== {f}")
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
