#!/usr/bin/env bash
# Puts real human speech with reference transcripts into fixtures/cache/real/ (gitignored):
# one <name>.wav + <name>.txt per clip, from Debian packages downloaded (not installed):
#   pocketsphinx-testdata         LibriVox read speech, 16 kHz mono (BSD; audio public domain)
#   asterisk-core-sounds-en-wav   demo-instruct.wav, 8 kHz, 73 s (CC-BY-SA-3.0)
#   asterisk-core-sounds-en       its transcript, in core-sounds-en.txt.gz
# Idempotent: does nothing once the clips are there. Needs apt-get (and `apt-get update` run).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cache="$root/fixtures/cache"
real="$cache/real"
debs="$cache/debs"

if [ -f "$real/.done" ]; then
  exit 0
fi
mkdir -p "$real" "$debs"
cd "$debs"
for pkg in pocketsphinx-testdata asterisk-core-sounds-en-wav asterisk-core-sounds-en; do
  if ! ls "$pkg"_*.deb >/dev/null 2>&1; then
    apt-get download -o APT::Sandbox::User=root "$pkg" >/dev/null
  fi
  rm -rf "x-$pkg"
  dpkg-deb -x "$pkg"_*.deb "x-$pkg"
done

# LibriVox clips: `transcription` lines look like "<s> words </s> (name)" or "words (name)".
lib=$(find x-pocketsphinx-testdata -type d -name librivox | head -n1)
while IFS= read -r line; do
  name=$(sed -E 's/.*\(([^)]*)\)[[:space:]]*$/\1/' <<<"$line")
  text=$(sed -E 's/\([^)]*\)[[:space:]]*$//; s#</?s>##g; s/^[[:space:]]+//; s/[[:space:]]+$//' <<<"$line")
  if [ -f "$lib/$name.wav" ]; then
    cp "$lib/$name.wav" "$real/$name.wav"
    printf '%s\n' "$text" > "$real/$name.txt"
  fi
done < "$lib/transcription"

# Asterisk's demo-instruct: "demo-instruct: <text>" in core-sounds-en.txt.gz.
wav=$(find x-asterisk-core-sounds-en-wav -name demo-instruct.wav | head -n1)
txt=$(find x-asterisk-core-sounds-en -name 'core-sounds-en.txt*' | head -n1)
cp "$wav" "$real/demo-instruct.wav"
zcat -f "$txt" | sed -n 's/^demo-instruct:[[:space:]]*//p' > "$real/demo-instruct.txt"

rm -rf x-*
touch "$real/.done"
ls "$real"
