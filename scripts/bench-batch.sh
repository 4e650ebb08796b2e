#!/usr/bin/env bash
# Batch throughput: audio minutes scored per wall-clock minute on 20 answers (the five 19 s
# fixtures/answers files x 4 clients), with --jobs 1 and --jobs 2 (threads = cores / jobs).
# Usage: scripts/bench-batch.sh [JOBS...]   (default: 1 2). Needs a release build.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/target/release/starcoach"
model="${STARCOACH_MODEL:-$root/models/ggml-tiny.en.bin}"
[ -z "${STARCOACH_MODEL:-}" ] && grep -qw avx512_bf16 /proc/cpuinfo && model="$root/models/ggml-tiny.en-bf16.bin"
[ -x "$bin" ] || cargo build --release --manifest-path "$root/Cargo.toml"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for c in 1 2 3 4; do
  mkdir -p "$work/inbox/client$c"
  cp "$root"/fixtures/answers/answer.* "$work/inbox/client$c/"
done
n=$(find "$work/inbox" -type f | wc -l)
audio_s=$(python3 - "$work/inbox" <<'PY'
import sys, pathlib
# all five fixtures are the same 19.2 s recording
print(f"{19.2 * sum(1 for _ in pathlib.Path(sys.argv[1]).rglob('answer.*')):.1f}")
PY
)
echo "cores: $(nproc), answers: $n, audio: ${audio_s} s"
for jobs in "${@:-1 2}"; do
  for j in $jobs; do
    rm -rf "$work/out"
    echo "load before jobs $j: $(cut -d' ' -f1-3 /proc/loadavg)"
    start=$(date +%s.%N)
    "$bin" batch --no-history "$work/inbox" --out "$work/out" --jobs "$j" --model "$model" 2>"$work/log" || true
    end=$(date +%s.%N)
    tail -n 1 "$work/log"
    python3 -c "w=$end-$start; a=$audio_s; print(f'jobs {$j}: wall {w:.1f} s, {a/60:.2f} audio min / {w/60:.2f} wall min = {a/w:.2f} audio min per wall min')"
  done
done
