#!/usr/bin/env python3
"""Check fixtures/interviews/: label consistency, and labels against the audio.

Needs only python3 and sox (with Ogg Vorbis support). Exit 1 on any failure.

    python3 scripts/check-interview-set.py [--dir DIR ...]

--dir (repeatable; default fixtures/interviews) names the folders to check together, e.g.
`--dir fixtures/interviews --dir /work/baseline/s25/set14`, as for held-out set 14 while it is
staged there (sets 10, 11, 12 and 13 were checked the same way from /work/baseline/s22/set10,
/work/baseline/s23/set11, /work/baseline/s24/set12 and /work/baseline/s24/set13 before each
was run once and moved into fixtures/interviews). The set-level checks that need the tuning files run only when tuning
files are among them.

Labels (per NAME.json):
  * NAME.ogg exists, is 16 kHz mono, and its duration matches duration_s (within 50 ms);
  * turns: known speaker/role, start < end, ordered and non-overlapping, inside
    [0, duration]; q on every non-small-talk turn; one-voice files have only the candidate;
    the candidate never asks the question in a two-voice file;
  * questions: q = 1..N in order; kind known; question_start/end = first/last question
    turn of that q before its first answer turn; answer_start/end = first/last answer turn;
    candidate_spans = the answer turns; every follow-up lies inside the answer span;
    fillers_candidate = the number of "um"/"uh" words in the answer turns' text;
  * held_out_set: present exactly on held-out files (1 to 14); a degradation, if any, is
    a known kind with its parameters (video_call, noisy_room, and speakerphone, which only
    sets 11 and 14 use);
  * the set: >= 13 files; held-out set 1 and set 2 have exactly 3 files each, each set has
    a one-voice file and a voice in no tuning file, set 2 has a voice in no other file
    (neither tuning nor set 1) and a degraded (video-call) file; >= 8 two-voice and >= 2
    one-voice files, a 6-question interview, follow-ups in >= 3 files, rephrases in >= 2.
    Held-out sets 3 (i14-i18) and 4 (i19-i23), both now in fixtures/interviews/, and 5
    (i24-i28, staged outside it) are each checked when present: exactly 5 files, a one-voice file, a degraded
    file, two-voice pairs female->male, male->female and male/male (from the
    "(female)"/"(male)" in `voices`), 4-6 questions per file, and (with the tuning files)
    a voice in no tuning file and a voice in no file outside that set.
    Held-out set 6 (i29-i34, now in fixtures/interviews/) is checked when present:
    >= 5 files, >= 22 questions, 3-8 questions per file, >= 2 one-voice files, a video-call
    and a noisy-room file, two-voice pairs female->male, male->female, female/female and
    male/male, follow-ups in >= 2 files and a rephrase, and (with the tuning files) a voice
    in no file outside set 6. Held-out sets 7 (i35-i40), 8 (i41-i46), 9 (i47-i52), 10
    (i53-i58), 11 (i59-i64), 12 (i65-i70) and 13 (i71-i76), all now in fixtures/interviews/,
    and 14 (i77-i82; staged in /work/baseline/s25/set14 until its one run) are checked the
    same way, each with >= 6 files, >= 28 questions and follow-ups in >= 3 files
    (LARGE_SETS); a set may have other degradations besides the video call and the noisy
    room (sets 11 and 14: a speakerphone).

Audio: with `sox FILE -n trim A =B stat`, the RMS of every turn is compared with the RMS
of every silent gap between turns (>= 0.25 s, 50 ms away from both turns): each turn must
be at least 25 dB above the loudest gap of its file; in a degraded file (steady noise at
`degradation.snr_db` below speech) at least snr_db - 10 dB, and the gaps must sit at the
labelled noise level (`degradation.noise_dbfs`, within 2 dB). In a noisy_room or
speakerphone file the reverb tail follows each turn, so a gap is measured from
`degradation.reverb_tail_s` after the turn's end (and must still be >= 0.25 s).
"""
import argparse
import json
import math
import re
import subprocess
import sys
from pathlib import Path

D = Path(__file__).resolve().parent.parent / "fixtures" / "interviews"  # --dir
HELD_SETS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)
STAGED_STYLE_SETS = (3, 4, 5)  # 5 files each, checked when present
LARGE_SETS = {6: (5, 22, 2), 7: (6, 28, 3), 8: (6, 28, 3), 9: (6, 28, 3),
              10: (6, 28, 3), 11: (6, 28, 3), 12: (6, 28, 3), 13: (6, 28, 3),
              14: (6, 28, 3)}
#   set: (min files, min questions, min files with a follow-up); 3-8 questions per file, the
#   rest as for set 6 (see the module doc)
SPEAKERS = {"interviewer", "candidate"}
ROLES = {"question", "answer", "followup", "small_talk"}
KINDS = {"behavioral", "case", "technical", "closing", "motivation", "intro"}
FILLERS = {"um", "uh"}
EPS = 1e-6

fails = []


def fail(name, msg):
    fails.append(f"{name}: {msg}")


def rms_db(path, a, b):
    r = subprocess.run(["sox", str(path), "-n", "trim", f"{a:.3f}", f"={b:.3f}", "stat"],
                       capture_output=True, text=True)
    for line in r.stderr.splitlines():
        if line.startswith("RMS     amplitude"):
            return 20 * math.log10(max(float(line.split(":")[1]), 1e-7))
    raise RuntimeError(r.stderr)


def soxi(path, flag):
    return subprocess.run(["soxi", flag, str(path)], capture_output=True, text=True,
                          check=True).stdout.strip()


def check_file(jf):
    d = json.loads(jf.read_text(encoding="utf-8"))
    name = d["name"]
    if name != jf.stem:
        fail(name, f"name differs from file name {jf.stem}")
    ogg = jf.with_suffix(".ogg")
    if not ogg.exists():
        fail(name, "no .ogg")
        return d, None
    dur = float(soxi(ogg, "-D"))
    if soxi(ogg, "-r") != "16000" or soxi(ogg, "-c") != "1":
        fail(name, "not 16 kHz mono")
    if abs(dur - d["duration_s"]) > 0.05:
        fail(name, f"duration {dur:.3f} vs label {d['duration_s']}")
    hs = d.get("held_out_set")
    if d["held_out"] != (hs is not None) or (hs is not None and hs not in HELD_SETS):
        fail(name, f"held_out {d['held_out']} with held_out_set {hs}")
    deg = d.get("degradation")
    if deg is not None and not (
            (deg.get("kind") == "video_call" and deg.get("band_hz") == [300, 3400]
             and deg.get("noise") == "pink" and "snr_db" in deg and "noise_dbfs" in deg)
            or (deg.get("kind") == "noisy_room" and deg.get("reverb", "").startswith("sox reverb")
                and deg.get("noise") == "brown" and "snr_db" in deg and "noise_dbfs" in deg
                and "reverb_tail_s" in deg)
            or (deg.get("kind") == "speakerphone" and deg.get("interviewer_band_hz")
                and deg.get("reverb", "").startswith("sox reverb") and deg.get("noise") == "brown"
                and "snr_db" in deg and "noise_dbfs" in deg and "reverb_tail_s" in deg)):
        fail(name, f"unknown degradation {deg}")
    turns = d["turns"]
    prev_end = 0.0
    for i, t in enumerate(turns):
        if t["speaker"] not in SPEAKERS or t["role"] not in ROLES:
            fail(name, f"turn {i}: bad speaker/role {t['speaker']}/{t['role']}")
        if not (t["start_s"] < t["end_s"]):
            fail(name, f"turn {i}: start >= end")
        if t["start_s"] < prev_end - EPS:
            fail(name, f"turn {i}: overlaps or out of order")
        if t["end_s"] > d["duration_s"] + EPS:
            fail(name, f"turn {i}: ends after the file")
        prev_end = t["end_s"]
        if (t["role"] != "small_talk") != ("q" in t):
            fail(name, f"turn {i}: q present iff not small talk")
        if d["one_voice"] and t["speaker"] != "candidate":
            fail(name, f"turn {i}: one-voice file with an interviewer turn")
        if not d["one_voice"] and t["role"] in ("question", "followup") and t["speaker"] != "interviewer":
            fail(name, f"turn {i}: question/follow-up by the candidate in a two-voice file")
        if t["role"] == "answer" and t["speaker"] != "candidate":
            fail(name, f"turn {i}: answer by the interviewer")
    qs = d["questions"]
    if [q["q"] for q in qs] != list(range(1, len(qs) + 1)):
        fail(name, "questions not numbered 1..N")
    for q in qs:
        n = q["q"]
        if q["kind"] not in KINDS:
            fail(name, f"q{n}: kind {q['kind']}")
        qt = [t for t in turns if t.get("q") == n and t["role"] == "question"]
        at = [t for t in turns if t.get("q") == n and t["role"] == "answer"]
        ft = [t for t in turns if t.get("q") == n and t["role"] == "followup"]
        if not qt or not at:
            fail(name, f"q{n}: no question or no answer turn")
            continue
        before = [t for t in qt if t["end_s"] <= at[0]["start_s"] + EPS]
        exp = dict(question_start_s=before[0]["start_s"], question_end_s=before[-1]["end_s"],
                   answer_start_s=at[0]["start_s"], answer_end_s=at[-1]["end_s"])
        for k, v in exp.items():
            if abs(q[k] - v) > EPS:
                fail(name, f"q{n}: {k} {q[k]} != {v}")
        spans = [[t["start_s"], t["end_s"]] for t in at]
        if q["candidate_spans"] != spans:
            fail(name, f"q{n}: candidate_spans differ from the answer turns")
        for t in ft:
            if not (q["answer_start_s"] < t["start_s"] and t["end_s"] < q["answer_end_s"]):
                fail(name, f"q{n}: follow-up outside the answer span")
        nf = sum(1 for t in at for w in re.findall(r"[A-Za-z]+", t["text"]) if w.lower() in FILLERS)
        if nf != q["fillers_candidate"]:
            fail(name, f"q{n}: fillers_candidate {q['fillers_candidate']} != {nf} in the text")
        # the next question starts after this answer ends
        nxt = [t for t in turns if t.get("q") == n + 1]
        if nxt and nxt[0]["start_s"] < q["answer_end_s"]:
            fail(name, f"q{n}: next question starts inside this answer")
    # audio
    tail = (deg or {}).get("reverb_tail_s", 0.0)
    gaps = [(a["end_s"] + max(0.05, tail), b["start_s"] - 0.05) for a, b in zip(turns, turns[1:])
            if b["start_s"] - a["end_s"] >= 0.25 + tail]
    gap_db = [rms_db(ogg, a, b) for a, b in gaps]
    turn_db = [rms_db(ogg, t["start_s"], t["end_s"]) for t in turns]
    worst_gap = max(gap_db) if gap_db else -120
    margin = 25 if deg is None else deg["snr_db"] - 10
    for i, x in enumerate(turn_db):
        if x < worst_gap + margin:
            fail(name, f"turn {i}: RMS {x:.1f} dB is not {margin:g} dB above the loudest gap {worst_gap:.1f}")
    if deg is not None:
        for x in gap_db:
            if abs(x - deg["noise_dbfs"]) > 2:
                fail(name, f"gap at {x:.1f} dB, labelled noise level {deg['noise_dbfs']} dB")
    return d, (min(turn_db), worst_gap, len(gaps))


def sexes(d):
    """('female'|'male'|None, same) for (interviewer, candidate), from the voice labels."""
    f = lambda v: "female" if "(female" in v else "male" if "(male" in v else None
    return f(d["voices"]["interviewer"]), f(d["voices"]["candidate"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", "--out-dir", dest="dirs", action="append", type=Path,
                    help="folder with NAME.json/NAME.ogg; repeatable (default fixtures/interviews)")
    args = ap.parse_args()
    dirs = args.dirs or [D]
    files = sorted((f for dd in dirs for f in dd.glob("*.json")), key=lambda f: f.name)
    if len({f.name for f in files}) != len(files):
        fail("set", "the same file name in more than one --dir")
    rows = []
    for jf in files:
        d, audio = check_file(jf)
        rows.append((d, audio))
        qs = d["questions"]
        fu = sum(1 for t in d["turns"] if t["role"] == "followup")
        st = sum(1 for t in d["turns"] if t["role"] == "small_talk")
        rp = sum(1 for t in d["turns"] if t.get("rephrase"))
        a = f"quietest turn {audio[0]:6.1f} dB, loudest gap {audio[1]:6.1f} dB ({audio[2]} gaps)" if audio else ""
        print(f"{d['name']:32s} {d['duration_s']:6.1f}s q={len(qs)} followups={fu} "
              f"rephrases={rp} small_talk={st} held_out={d.get('held_out_set', '-')} "
              f"{d['degradation']['kind'] + ' ' if d.get('degradation') else ''}{a}")
    ds = [d for d, _ in rows]
    held = [d for d in ds if d["held_out"]]
    tune = [d for d in ds if not d["held_out"]]
    voices = lambda d: {v for v in d["voice_ids"].values() if v}
    union = lambda dd: set().union(*map(voices, dd)) if dd else set()
    tune_voices = union(tune)
    full = bool(tune)  # the tuning files are among the checked ones
    if not full:
        print("(no tuning files among these: only the checks of the held-out sets present)")
    for k in STAGED_STYLE_SETS:  # sets 3, 4 and 5: same shape, each checked when present
        sk = [d for d in held if d.get("held_out_set") == k]
        if not sk:
            continue
        if len(sk) != 5:
            fail("set", f"held-out set {k}: {len(sk)} files, want 5")
        if not any(d["one_voice"] for d in sk):
            fail("set", f"held-out set {k}: no one-voice file")
        if not any(d.get("degradation") for d in sk):
            fail("set", f"held-out set {k}: no degraded file")
        pairs = {sexes(d) for d in sk if not d["one_voice"]}
        for p in (("female", "male"), ("male", "female"), ("male", "male")):
            if p not in pairs:
                fail("set", f"held-out set {k}: no two-voice file with interviewer/candidate {p}")
        for d in sk:
            if not 4 <= len(d["questions"]) <= 6:
                fail(d["name"], f"{len(d['questions'])} questions, set {k} wants 4-6")
        if full:
            if not any(voices(d) - tune_voices for d in sk):
                fail("set", f"held-out set {k}: every voice also appears in a tuning file")
            if not union(sk) - union([d for d in ds if d.get("held_out_set") != k]):
                fail("set", f"held-out set {k} has no voice that is new to it")
    for k, (n_files, n_q, n_fu) in LARGE_SETS.items():
        # held-out sets 6 to 14: more files, 3-8 questions each, a female pair too
        sk = [d for d in held if d.get("held_out_set") == k]
        if not sk:
            continue
        if len(sk) < n_files or sum(len(d["questions"]) for d in sk) < n_q:
            fail("set", f"held-out set {k}: want >= {n_files} files and >= {n_q} questions")
        if sum(d["one_voice"] for d in sk) < 2:
            fail("set", f"held-out set {k}: fewer than 2 one-voice files")
        kinds = {d["degradation"]["kind"] for d in sk if d.get("degradation")}
        if not {"video_call", "noisy_room"} <= kinds:
            fail("set", f"held-out set {k}: degradations {sorted(kinds)}")
        pairs = {sexes(d) for d in sk if not d["one_voice"]}
        for p in (("female", "male"), ("male", "female"), ("female", "female"), ("male", "male")):
            if p not in pairs:
                fail("set", f"held-out set {k}: no two-voice file with interviewer/candidate {p}")
        for d in sk:
            if not 3 <= len(d["questions"]) <= 8:
                fail(d["name"], f"{len(d['questions'])} questions, set {k} wants 3-8")
        if sum(any(t["role"] == "followup" for t in d["turns"]) for d in sk) < n_fu:
            fail("set", f"held-out set {k}: follow-ups in fewer than {n_fu} files")
        if not any(t.get("rephrase") for d in sk for t in d["turns"]):
            fail("set", f"held-out set {k}: no rephrase")
        if full and not union(sk) - union([d for d in ds if d.get("held_out_set") != k]):
            fail("set", f"held-out set {k} has no voice that is new to it")
    if not full:
        return report(ds, held, tune_voices)
    if len(ds) < 13:
        fail("set", f"only {len(ds)} interviews")
    for k in (1, 2):
        hk = [d for d in held if d.get("held_out_set") == k]
        if len(hk) != 3:
            fail("set", f"held-out set {k}: {len(hk)} files, want 3")
        if not any(d["one_voice"] for d in hk):
            fail("set", f"held-out set {k}: no one-voice file")
        if not any(voices(d) - tune_voices for d in hk):
            fail("set", f"held-out set {k}: every voice also appears in a tuning file")
    set2 = [d for d in held if d.get("held_out_set") == 2]
    if not union(set2) - union([d for d in ds if d.get("held_out_set") != 2]):
        fail("set", "held-out set 2 has no voice that is new to it")
    if not any(d.get("degradation") for d in set2):
        fail("set", "held-out set 2 has no degraded (video-call) file")
    if sum(not d["one_voice"] for d in ds) < 8 or sum(d["one_voice"] for d in ds) < 2:
        fail("set", "want >= 8 two-voice and >= 2 one-voice files")
    if not any(len(d["questions"]) >= 6 for d in ds):
        fail("set", "no interview with 6 questions")
    if sum(any(t["role"] == "followup" for t in d["turns"]) for d in ds) < 3:
        fail("set", "follow-ups in fewer than 3 files")
    if sum(any(t.get("rephrase") for t in d["turns"]) for d in ds) < 2:
        fail("set", "rephrases in fewer than 2 files")
    return report(ds, held, tune_voices)


def report(ds, held, tune_voices):
    voices = lambda d: {v for v in d["voice_ids"].values() if v}
    sets = sorted({d["held_out_set"] for d in held})
    tot = sum(d["duration_s"] for d in ds)
    nq = sum(len(d["questions"]) for d in ds)
    nf = sum(1 for d in ds for t in d["turns"] if t["role"] == "followup")
    ns = sum(1 for d in ds for t in d["turns"] if t["role"] == "small_talk")
    print(f"{len(ds)} files, {tot:.1f} s ({tot / 60:.1f} min), {nq} questions, {nf} follow-ups, "
          f"{ns} small-talk turns; held out: "
          f"{'; '.join(f'set {k}: ' + ', '.join(d['name'] for d in held if d.get('held_out_set') == k) for k in sets)}; "
          f"voices only in held-out files: {sorted(set().union(*map(voices, held)) - tune_voices)}"
          f"{'' if tune_voices else ' (no tuning files checked)'}")
    if fails:
        print("FAIL")
        for f in fails:
            print("  " + f)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
