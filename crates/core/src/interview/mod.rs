//! A whole mock interview in one recording: finding each question and the answer that
//! follows, then scoring every answer against its own question.
//!
//! [`split`] reads the transcript of the whole recording as sentences. Who says each sentence
//! comes from the voice (when the caller can measure a voice print per stretch of audio, see
//! [`voices`]) and from the words ([`cues`]): an interviewer asks "Tell me about a time
//! you..."; a candidate tells their own story in the first person. A new question opens a new
//! answer; a follow-up ("Can you say more about the result?") and the interviewer's small talk
//! ("Great, thanks. Next one.") are left out of the answer around them. With one voice (a
//! candidate reading each question aloud) the words and the pauses decide alone.
//!
//! [`score_interview`] cuts each answer's words out of the transcript, closes the gaps the
//! interviewer's words leave, scores it with [`crate::score::score_answer`] as if it had been
//! recorded alone, and reads the pattern across answers.

mod cues;
mod voices;

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

use crate::questions;
use crate::score::length::Verdict;
use crate::score::star::StarPart;
use crate::score::{score_answer, AnswerContext, AnswerScore, ScoringConfig};
use crate::transcript::{Segment, Transcript, Word};

/// Who speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Speaker {
    Interviewer,
    Candidate,
}

/// What a stretch of speech is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Greetings and transitions ("Great, thanks. Next one."), before any question too.
    SmallTalk,
    /// A question (with any rephrasing of it, and a "Question two." read before it).
    Question,
    /// The interviewer asking more about the answer being given.
    FollowUp,
    /// The candidate answering.
    Answer,
}

/// One stretch of one speaker with one role: the interview's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    pub speaker: Speaker,
    pub role: Role,
    /// The question (1-based) the turn belongs to; `None` for small talk before the first.
    pub question: Option<usize>,
    pub text: String,
    pub start_s: f64,
    pub end_s: f64,
}

/// How the speakers were told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Voices {
    /// Two voices heard: the interviewer's speech is left out of the answers.
    Two,
    /// One voice (the candidate reads each question): questions found from the words.
    One,
    /// No audio to listen to (a transcript): questions found from the words.
    Unknown,
}

/// One question found in the recording and where its answer lies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FoundQuestion {
    /// 1-based.
    pub number: usize,
    pub text: String,
    pub start_s: f64,
    pub end_s: f64,
    /// First and last word of the answer (times in the whole recording).
    pub answer_start_s: f64,
    pub answer_end_s: f64,
    /// Follow-ups the interviewer asked during the answer.
    pub follow_ups: Vec<String>,
}

/// The recording read as an interview, before scoring.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    pub voices: Voices,
    /// How far apart the two voices' sides sit (between-centre distance over spread);
    /// `None` without voice prints.
    pub separation: Option<f64>,
    pub turns: Vec<Turn>,
    pub questions: Vec<FoundQuestion>,
    /// Each question's answer, cut out and re-timed as if recorded alone (same order).
    pub answers: Vec<Cut>,
}

/// An answer cut out of the recording.
#[derive(Debug, Clone, PartialEq)]
pub struct Cut {
    pub transcript: Transcript,
    /// Recording time of the cut's time 0.
    pub offset_s: f64,
    /// The stretches of the recording the answer holds: each run of the candidate's
    /// sentences with no other speech between them, with up to [`CUT_MARGIN_S`] of the
    /// recording either side (never reaching halfway to the speech around it). Splicing
    /// these cuts the answer out of the recording as a person would by hand.
    pub runs: Vec<(f64, f64)>,
}

/// Silence kept before the first and after the last word of a cut answer, as when an
/// answer is cut out by hand.
pub const CUT_MARGIN_S: f64 = 0.3;
/// The gap left where the interviewer's words are taken out of an answer.
pub const CLOSED_GAP_S: f64 = 0.5;
/// A silence this long ends a sentence even without punctuation (speakers change there).
const SENTENCE_GAP_S: f64 = 0.7;

/// A sentence of the transcript: its words (indices into the flat word list) and times.
#[derive(Debug, Clone)]
struct Sentence {
    words: Vec<Word>,
    text: String,
    start_s: f64,
    end_s: f64,
    gap_before_s: f64,
    /// Starts a segment of the transcript (a line, in a plain-text transcript).
    starts_segment: bool,
}

fn sentences(t: &Transcript) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    let mut cur: Vec<Word> = Vec::new();
    let mut last_end = 0.0f64;
    let mut at_segment_start = false;
    let flush = |cur: &mut Vec<Word>, out: &mut Vec<Sentence>, seg_start: &mut bool| {
        if !cur.is_empty() {
            let prev_end = out.last().map_or(0.0, |s: &Sentence| s.end_s);
            out.push(Sentence::of(
                std::mem::take(cur),
                prev_end,
                std::mem::take(seg_start),
            ));
        }
    };
    for seg in &t.segments {
        for (i, w) in seg.words.iter().enumerate() {
            if !cur.is_empty() && w.start_s - last_end >= SENTENCE_GAP_S {
                flush(&mut cur, &mut out, &mut at_segment_start);
            }
            if i == 0 && cur.is_empty() {
                at_segment_start = true;
            }
            cur.push(w.clone());
            last_end = w.end_s;
            let end = w.text.trim_end_matches(['"', '\'', ')', '\u{201d}']);
            if end.ends_with(['.', '?', '!']) && !is_abbreviation(end) {
                flush(&mut cur, &mut out, &mut at_segment_start);
            }
        }
    }
    flush(&mut cur, &mut out, &mut at_segment_start);
    out
}

impl Sentence {
    /// A sentence of `words` (not empty), after speech that ended at `prev_end`.
    fn of(words: Vec<Word>, prev_end: f64, starts_segment: bool) -> Sentence {
        let start_s = words.first().map_or(prev_end, |w| w.start_s);
        let end_s = words.last().map_or(start_s, |w| w.end_s);
        Sentence {
            text: joined(&words),
            start_s,
            end_s,
            gap_before_s: (start_s - prev_end).max(0.0),
            starts_segment,
            words,
        }
    }
}

/// The words' text, one space between them.
fn joined<'a>(words: impl IntoIterator<Item = &'a Word>) -> String {
    words
        .into_iter()
        .map(|w| w.text.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where two sentences of different voices meet, the words on either side are put with the
/// voice they sound like: the transcriber's sentence ends do not always fall where the
/// speaker changed ("...saved us a month. Nice." said by two people). Each boundary moves by
/// at most [`MAX_SHIFT_WORDS`], and only when the moved words clearly sound like the other
/// side. Returns the new sentences and their sides.
fn refine_boundaries(
    sents: Vec<Sentence>,
    side: Vec<bool>,
    disc: &voices::Discriminant,
    voice: &dyn Fn(f64, f64) -> Option<Vec<f32>>,
) -> (Vec<Sentence>, Vec<bool>) {
    // Every word with its side, and where the sentences break.
    let mut words: Vec<(Word, bool, bool)> = Vec::new(); // (word, interviewer, starts a sentence)
    let mut seg_start: Vec<bool> = Vec::new();
    for (s, &i) in sents.iter().zip(&side) {
        for (k, w) in s.words.iter().enumerate() {
            words.push((w.clone(), i, k == 0));
            seg_start.push(k == 0 && s.starts_segment);
        }
    }
    let z: Vec<Option<f64>> = words
        .iter()
        .map(|(w, _, _)| voice(w.start_s, w.end_s).map(|p| disc.z(&p).clamp(-2.0, 2.0)))
        .collect();
    let n = words.len();
    let mut k = 1;
    while k < n {
        if words[k].1 == words[k - 1].1 {
            k += 1;
            continue;
        }
        // Boundary between k-1 and k: try moving it to k+d.
        let left = words[k - 1].1;
        let lo = k.saturating_sub(MAX_SHIFT_WORDS).max(1);
        let hi = (k + MAX_SHIFT_WORDS).min(n - 1);
        // Agreement of words lo-1..=hi with a cut at c (words before c on `left`'s side).
        let agree = |c: usize| -> f64 {
            (lo - 1..=hi)
                .filter_map(|j| {
                    let sign = if (j < c) == left { 1.0 } else { -1.0 };
                    z[j].map(|z| z * sign)
                })
                .sum()
        };
        let here = agree(k);
        let (best, score) =
            (lo..=hi)
                .map(|c| (c, agree(c)))
                .fold((k, here), |b, c| if c.1 > b.1 + 1e-9 { c } else { b });
        if best != k && score - here >= MIN_SHIFT_GAIN {
            for (j, w) in words.iter_mut().enumerate().take(hi + 1).skip(lo - 1) {
                w.1 = (j < best) == left;
            }
            words[best].2 = true;
        }
        k = hi.max(k) + 1;
    }
    // Sentences again: a break where a sentence began or the side changes.
    let mut out: Vec<Sentence> = Vec::new();
    let mut sides = Vec::new();
    let mut cur: Vec<Word> = Vec::new();
    let mut cur_side = false;
    let mut cur_seg = false;
    for (j, (w, s, starts)) in words.into_iter().enumerate() {
        if !cur.is_empty() && (starts || s != cur_side) {
            let prev_end = out.last().map_or(0.0, |s| s.end_s);
            out.push(Sentence::of(std::mem::take(&mut cur), prev_end, cur_seg));
            sides.push(cur_side);
        }
        if cur.is_empty() {
            cur_side = s;
            cur_seg = seg_start[j];
        }
        cur.push(w);
    }
    if !cur.is_empty() {
        let prev_end = out.last().map_or(0.0, |s| s.end_s);
        out.push(Sentence::of(cur, prev_end, cur_seg));
        sides.push(cur_side);
    }
    (out, sides)
}

/// A voice boundary moves by at most this many words.
const MAX_SHIFT_WORDS: usize = 3;
/// ...and only when the words' summed voice evidence gains this much (about one word that
/// clearly sounds like the other voice).
const MIN_SHIFT_GAIN: f64 = 1.5;

fn is_abbreviation(w: &str) -> bool {
    let l = w.trim().to_ascii_lowercase();
    matches!(
        l.as_str(),
        "mr." | "mrs." | "ms." | "dr." | "e.g." | "i.e." | "etc." | "vs."
    ) || (l.len() <= 2 && l.ends_with('.') && l.starts_with(|c: char| c.is_ascii_digit()))
}

/// Reads `t` (the whole recording) as an interview. `voice(from_s, to_s)` measures a voice
/// print of that stretch of the recording; pass `None` for a transcript without audio.
pub fn split(t: &Transcript, voice: Option<&dyn Fn(f64, f64) -> Option<Vec<f32>>>) -> Split {
    let sents = split_at_markers(sentences(t));
    let cues: Vec<cues::Cues> = sents.iter().map(|s| cues::cues(&s.text)).collect();
    let Some(f) = voice else {
        let (sents, cues) = split_run_on_questions(sents, &cues, t.timing_estimated);
        let roles = roles_one_voice(&sents, &cues, t.timing_estimated, Speaker::Interviewer);
        return build(t, &sents, &roles, Voices::Unknown, None);
    };
    let samples: Vec<voices::Sample> = sents
        .iter()
        .zip(&cues)
        .map(|(s, c)| voices::Sample {
            print: f(s.start_s, s.end_s),
            duration_s: s.end_s - s.start_s,
            question: c.new_question(),
        })
        .collect();
    match voices::sides(&samples) {
        Some(sides) if sides.separation >= voices::TWO_VOICES_MIN_SEPARATION => {
            let (sents, side) = refine_boundaries(sents, sides.interviewer, &sides.discriminant, f);
            let cues: Vec<cues::Cues> = sents.iter().map(|s| cues::cues(&s.text)).collect();
            let roles = roles_two_voices(&sents, &cues, &side);
            build(t, &sents, &roles, Voices::Two, Some(sides.separation))
        }
        other => {
            let (sents, cues) = split_run_on_questions(sents, &cues, t.timing_estimated);
            let roles = roles_one_voice(&sents, &cues, t.timing_estimated, Speaker::Candidate);
            build(t, &sents, &roles, Voices::One, other.map(|s| s.separation))
        }
    }
}

/// A sentence that runs on into a marker ("Sorry, I'm just writing that down, right, next one,
/// has a contractor ever..."), split where the marker starts: the marker opens the next
/// question whatever came before it.
fn split_at_markers(sents: Vec<Sentence>) -> Vec<Sentence> {
    const LEAD: &[&str] = &["right", "okay", "ok", "so", "alright", "now"];
    let mut out: Vec<Sentence> = Vec::with_capacity(sents.len());
    for s in sents {
        let words: Vec<String> = s
            .words
            .iter()
            .map(|w| cues::words_of(&w.text).join(" "))
            .collect();
        let at = (1..words.len().saturating_sub(1)).find(|&i| {
            let marker = matches!(
                (words[i].as_str(), words[i + 1].as_str()),
                ("next" | "last" | "final", "one" | "question")
            );
            let prev = s.words[i - 1].text.trim();
            marker
                && (prev.ends_with([',', '.', ';', ':']) || LEAD.contains(&words[i - 1].as_str()))
        });
        let Some(mut at) = at else {
            out.push(s);
            continue;
        };
        // "Right, next one" stays together.
        if LEAD.contains(&words[at - 1].as_str())
            && !s.words[at - 1].text.trim().ends_with('.')
            && at > 1
            && s.words[at - 2].text.trim().ends_with([',', '.', ';', ':'])
        {
            at -= 1;
        }
        push_split(&mut out, s, at);
    }
    out
}

/// Pushes `s` onto `out` as two sentences, split before its word `at` (inside the sentence).
fn push_split(out: &mut Vec<Sentence>, s: Sentence, at: usize) {
    let mut head = s.words;
    let tail = head.split_off(at);
    let prev_end = out.last().map_or(0.0, |p| p.end_s);
    let first = Sentence::of(head, prev_end, s.starts_segment);
    let first_end = first.end_s;
    out.push(first);
    out.push(Sentence::of(tail, first_end, false));
}

/// A pause before a sentence this long (as Whisper times it), in one voice, lets it open a
/// question.
const READ_PAUSE_S: f64 = 0.45;

/// The least pause at which a question read aloud can end inside a sentence Whisper ran on
/// into the answer.
const RUN_ON_PAUSE_S: f64 = 0.2;

/// One voice reading its own questions: Whisper sometimes runs a question read aloud into the
/// answer that follows it, as one sentence ("Describe an outage you were part of, and what
/// you did, last March, on a Monday morning, our pages slowed down..."). Such a sentence, after
/// a marker ("Next.") or a pause, that opens like a question put to "you" and goes on in the
/// speaker's own words, is split at the longest pause before those words where the part
/// before still reads as a question. (Times estimated from text have no pauses to go by.)
/// Returns the sentences with their cues.
fn split_run_on_questions(
    sents: Vec<Sentence>,
    cues: &[cues::Cues],
    timing_estimated: bool,
) -> (Vec<Sentence>, Vec<cues::Cues>) {
    if timing_estimated {
        return (sents, cues.to_vec());
    }
    let mut out: Vec<Sentence> = Vec::with_capacity(sents.len());
    for (k, s) in sents.into_iter().enumerate() {
        let c = &cues[k];
        let after_marker = k > 0 && (cues[k - 1].marker || cues[k - 1].marker_tail);
        let starts_asking = c.opener || after_marker;
        if !(c.first_person && starts_asking && (after_marker || s.gap_before_s >= READ_PAUSE_S)) {
            out.push(s);
            continue;
        }
        let own = s
            .words
            .iter()
            .position(|w| cues::cues(&w.text).first_person)
            .unwrap_or(s.words.len());
        let best = (3..own.min(s.words.len()))
            .map(|i| (i, s.words[i].start_s - s.words[i - 1].end_s))
            .filter(|&(i, gap)| {
                let head = cues::cues(&joined(&s.words[..i]));
                gap >= RUN_ON_PAUSE_S
                    && head.second_person
                    && !head.first_person
                    && (head.opener || after_marker)
            })
            .fold(None, |b: Option<(usize, f64)>, c| match b {
                Some(b) if b.1 >= c.1 => Some(b),
                _ => Some(c),
            });
        match best {
            Some((i, _)) => push_split(&mut out, s, i),
            None => out.push(s),
        }
    }
    let cues = out.iter().map(|s| cues::cues(&s.text)).collect();
    (out, cues)
}

/// Asks the listener something: a question mark, or "you" said by the interviewer with
/// nothing of their own ("Think of an incident where you...").
fn addresses(c: &cues::Cues) -> bool {
    c.asks || c.second_person
}

/// Topic words an interviewer's question shares with the answer being given for it to be a
/// follow-up on that answer.
const ECHOED_WORDS: usize = 2;

/// The least candidate speech after a question no cue recognises for it to count as one.
const MIN_REPLY_S: f64 = 8.0;

/// An interviewer turn no cue reads as a question (its words garbled, or run into the
/// interviewer's talk of themselves: "so I'm playing the director, so a few minutes on where
/// you've been") is one when it holds this many words over this many seconds and the
/// candidate then speaks this long: only a question gets a reply that long. Small talk is
/// followed by a short reply; follow-ups are told by their cue or their echo of the answer.
const MIN_UNHEARD_WORDS: usize = 6;
const MIN_UNHEARD_S: f64 = 2.5;
const MIN_UNHEARD_REPLY_S: f64 = 20.0;

/// A sentence too short to be a turn of its own: two words at most, under a second.
fn is_aside(s: &Sentence) -> bool {
    s.end_s - s.start_s < 1.0 && cues::words_of(&s.text).len() <= 2
}

/// Roles per sentence when the interviewer's sentences are known by voice.
fn roles_two_voices(
    sents: &[Sentence],
    cues: &[cues::Cues],
    side: &[bool],
) -> Vec<(Speaker, Role)> {
    let mut out = Vec::with_capacity(sents.len());
    let mut asked = false;
    // The topic words of the answer being given.
    let mut answer_topic: HashSet<String> = HashSet::new();
    let mut i = 0;
    while i < sents.len() {
        if !side[i] {
            if asked {
                answer_topic.extend(cues::topic_words(&sents[i].text));
            }
            out.push((
                Speaker::Candidate,
                if asked { Role::Answer } else { Role::SmallTalk },
            ));
            i += 1;
            continue;
        }
        // One interviewer turn: consecutive interviewer sentences.
        let mut j = i;
        while j < sents.len() && side[j] {
            j += 1;
        }
        let turn = i..j;
        // A question about what the answer just said, in its words ("Why hadn't anybody
        // picked up the weight loss sooner?" after an answer about an animal's weight loss),
        // that opens no topic of its own, follows up on it.
        let echoes: Vec<bool> = turn
            .clone()
            .map(|k| {
                let c = &cues[k];
                asked
                    && c.asks
                    && !c.topic_opener
                    && !c.known
                    && !c.marker_lead
                    && cues::topic_words(&sents[k].text)
                        .intersection(&answer_topic)
                        .count()
                        >= ECHOED_WORDS
            })
            .collect();
        let echo = |k: usize| echoes[k - i];
        // "Question three, has a contractor ever..." opens a question whatever follows it, and
        // so does "Next one." before a question, however that question reads ("What would
        // you do with that who is..." as Whisper heard "...with a vet who is...").
        // "Good, two more, and then you're free. What's a habit...", "I'm moving along, how
        // would you decide...": said of the interviewer only (a candidate's story can say
        // "we were moving on").
        let puts_to_you = |k: usize| cues[k].asks || cues[k].you;
        // After the announcement, the question may set a scene first ("A slightly different
        // kind of question. If we wanted to publish one translated novel... which would you
        // pick?"): it starts right after the announcement when the turn goes on to put
        // something to "you".
        let announced = |k: usize| {
            (k > i
                && (cues[k - 1].marker || cues[k - 1].marker_tail || cues[k - 1].announces)
                && (k..j).any(&puts_to_you))
                || (cues[k].announces && puts_to_you(k))
        };
        // How long the candidate speaks before the interviewer says more than a word or two
        // (a candidate's "Yes." can sound like the other voice).
        let reply_s: f64 = sents[j..]
            .iter()
            .zip(&side[j..])
            .take_while(|(s, i)| !**i || is_aside(s))
            .filter(|(_, i)| !**i)
            .map(|(s, _)| s.end_s - s.start_s)
            .sum();
        let first_new = turn
            .clone()
            .find(|&k| (cues[k].new_question() && !echo(k)) || cues[k].marker_lead || announced(k))
            .or_else(|| scene(sents, cues, turn.clone(), &answer_topic, reply_s));
        // "What's a show that went wrong? And how did you handle it?": an "and" after a
        // question in the same turn goes on with that question, not with the answer before.
        let follow_up = turn.clone().any(|k| {
            echo(k)
                || (cues[k].follow_up
                    && !(k > i && cues[k].and_start && cues[k - 1].asks && !cues[k - 1].follow_up))
        });
        let turn_words: usize = turn
            .clone()
            .map(|k| cues::words_of(&sents[k].text).len())
            .sum();
        let turn_s: f64 = turn
            .clone()
            .map(|k| sents[k].end_s - sents[k].start_s)
            .sum();
        let unheard_question = reply_s >= MIN_UNHEARD_REPLY_S
            && turn_words >= MIN_UNHEARD_WORDS
            && turn_s >= MIN_UNHEARD_S
            && !follow_up
            && turn.clone().all(|k| !cues[k].follow_up && !cues[k].marker)
            && turn
                .clone()
                .flat_map(|k| cues::topic_words(&sents[k].text))
                .filter(|w| answer_topic.contains(w))
                .count()
                < ECHOED_WORDS;
        // Once the turn asks its question, the rest of it is that question said again ("Uh,
        // put another way: a day when things fell apart on your watch."), whatever it reads
        // like alone: the candidate has not answered yet.
        let mut asking = false;
        for k in turn {
            let role = match first_new {
                _ if asking => Role::Question,
                // "Last question." read before the question belongs to it.
                Some(f) if k >= f || (k + 1 == f && cues[k].marker) => Role::Question,
                // A follow-up: asks more about the answer being given.
                None if asked && follow_up && (cues[k].follow_up || cues[k].asks || echo(k)) => {
                    Role::FollowUp
                }
                // A question no cue knows ("What drew you to this role?", "Think of an
                // incident where you..."), when a real answer follows ("Shall we start?",
                // "Did you find us all right?" get none).
                None if addresses(&cues[k]) && reply_s >= MIN_REPLY_S => Role::Question,
                // A question Whisper garbled past reading ("What a memorable change of people
                // who've been doing the job far longer" as it heard "Were you ever put in
                // charge of people who..."), known by the voice alone: a turn of some length
                // that no cue reads as small talk or a follow-up, after which the candidate
                // speaks at length.
                None if unheard_question && k + 1 == j => Role::Question,
                _ => Role::SmallTalk,
            };
            if role == Role::Question {
                asked = true;
                asking = true;
                answer_topic.clear();
            }
            out.push((Speaker::Interviewer, role));
        }
        i = j;
    }
    out
}

/// Topic words a scene set before a question brings that the answer being given does not hold.
const SCENE_NEW_WORDS: usize = 3;

/// The first sentence of a scene the interviewer sets before putting a question ("The site's
/// planning a two day shutdown at Christmas. You've got four electricians and thirty jobs,
/// where do you start?"), when no cue reads the turn as a question: a sentence that asks
/// nothing, follows nothing up ("Hang on, ...") and brings at least [`SCENE_NEW_WORDS`] topic
/// words of its own (one at most heard in the answer being given), a later sentence of the turn that asks or speaks to "you", and a
/// reply of [`MIN_UNHEARD_REPLY_S`] or more. The question may read like a follow-up ("How did it
/// play out?") or echo a word or two of the last answer; a follow-up about the answer speaks
/// in the answer's words ("You said the budget doubled. Who signed that off?").
fn scene(
    sents: &[Sentence],
    cues: &[cues::Cues],
    turn: std::ops::Range<usize>,
    answer_topic: &HashSet<String>,
    reply_s: f64,
) -> Option<usize> {
    if reply_s < MIN_UNHEARD_REPLY_S {
        return None;
    }
    let last = turn.end.checked_sub(1)?;
    turn.clone().find(|&k| {
        let c = &cues[k];
        let words = cues::topic_words(&sents[k].text);
        let heard = words.intersection(answer_topic).count();
        k < last
            && !c.asks
            && !c.first_person
            && !c.marker
            // "Hang on, ..." cuts into the answer to ask more about it.
            && !c.follow_up
            && !is_aside(&sents[k])
            && heard <= 1
            && words.len() - heard >= SCENE_NEW_WORDS
            && (k + 1..turn.end).any(|n| cues[n].asks || cues[n].you)
    })
}

/// Roles per sentence from the words and pauses alone (one voice, or no audio).
/// With times estimated from text there are no pauses: a new line stands for one.
/// `asker` says the questions: the candidate when one voice is heard, the interviewer when
/// nothing is known (a transcript).
fn roles_one_voice(
    sents: &[Sentence],
    cues: &[cues::Cues],
    timing_estimated: bool,
    asker: Speaker,
) -> Vec<(Speaker, Role)> {
    let mut out: Vec<(Speaker, Role)> = Vec::with_capacity(sents.len());
    let mut asked = false;
    let mut in_question = false;
    // The last sentence of a reader's heading being read.
    let mut heading_until: Option<usize> = None;
    for (k, s) in sents.iter().enumerate() {
        let c = &cues[k];
        if heading_until.is_some_and(|e| k <= e) {
            out.push((asker, Role::Question));
            continue;
        }
        heading_until = None;
        let after_marker = k > 0 && (cues[k - 1].marker || cues[k - 1].marker_tail);
        let paused = k == 0
            || s.gap_before_s >= READ_PAUSE_S
            || after_marker
            || (timing_estimated && s.starts_segment);
        // Whisper's word ends run on into the silence after them, so a pause of 0.7 s can
        // measure 0.4: a question the bank or the kind rules know, put to "you" with a
        // question mark, needs no pause before it.
        let plainly_asked = c.new_question() && c.known && c.asks && c.second_person;
        // A question no cue knows ("What's the hardest thing about working alone?"), read
        // after a long pause and answered at length; a rhetorical question inside an answer
        // follows its sentence closely, or speaks of "I".
        let bare = c.asks
            && c.wh
            && !c.first_person
            && !c.follow_up
            && s.gap_before_s >= LONG_PAUSE_S
            && spoken_after(sents, cues, k) >= MIN_REPLY_S;
        // "One more, what's the hardest feedback about yourself you've had lately."
        let announced = c.announces && !c.first_person && c.you;
        // A case's scene read after a long pause, then its question put to "you" straight
        // after ("Say a company asked us to plan a party for a thousand staff. How would you
        // put a budget together?"): the question starts with the scene.
        let sets_scene = c.supposes
            && s.gap_before_s >= LONG_PAUSE_S
            && sents
                .get(k + 1)
                .is_some_and(|n| n.gap_before_s < LONG_PAUSE_S)
            && cues
                .get(k + 1)
                .is_some_and(|n| n.new_question() && n.asks && n.second_person && !n.supposes);
        // A reader's own words for the next question, however they read ("Then they'll
        // probably ask about a patient who wouldn't take my advice."), known by where they
        // sit: said alone between long pauses, then answered at length.
        if !timing_estimated && !in_question {
            heading_until = heading_end(sents, cues, k);
        }
        let opens = heading_until.is_some()
            || (c.new_question() && (paused || in_question || plainly_asked))
            || (bare && !in_question)
            || c.marker_lead
            || announced
            || sets_scene
            // Whatever follows "Next question." is the question.
            || (after_marker && !c.first_person);
        let role = if (c.marker && k + 1 < sents.len()) || opens {
            in_question = true;
            asked = true;
            (asker, Role::Question)
        } else if in_question && c.second_person && !c.first_person && (c.asks || c.opener) {
            // A rephrasing that continues the question ("I mean, a time you disagreed...").
            (asker, Role::Question)
        } else if asked && paused && c.follow_up && c.second_person && c.asks {
            in_question = false;
            (asker, Role::FollowUp)
        } else {
            in_question = false;
            (
                Speaker::Candidate,
                if asked { Role::Answer } else { Role::SmallTalk },
            )
        };
        out.push(role);
    }
    out
}

/// A pause this long before a question-shaped sentence, in one voice, is the reader moving on
/// to the next question (Whisper's word ends make pauses read shorter than they are).
const LONG_PAUSE_S: f64 = 1.0;

/// A reader's heading: at most this long, in at most this many words (one or two sentences).
const HEADING_MAX_S: f64 = 12.0;
/// Twelve seconds at a brisk three words a second.
const HEADING_MAX_WORDS: usize = 36;
/// The pause after a heading (or an "Okay." of the reader's before the answer).
const HEADING_PAUSE_AFTER_S: f64 = 0.7;
/// The least speech after a heading, before the next long pause, for it to be a question.
const HEADING_REPLY_S: f64 = 20.0;

/// The last sentence of the heading that starts at sentence `k`, if one does: a stretch of one
/// or two sentences after a long pause (or opening the recording), at most [`HEADING_MAX_S`]
/// long, that may ask something (`cues::may_ask`), followed by a pause (or a word or two,
/// "Okay.") and then by at least [`HEADING_REPLY_S`] of speech before the next long pause,
/// which does not itself start with a question, nor with a heading after a longer pause.
/// Inside an answer, a sentence between long pauses is followed by little speech, or asks
/// nothing, or is the answer's last before the next question.
fn heading_end(sents: &[Sentence], cues: &[cues::Cues], k: usize) -> Option<usize> {
    if k > 0 && sents[k].gap_before_s < LONG_PAUSE_S {
        return None;
    }
    let mut e = k;
    loop {
        let words: usize = sents[k..=e]
            .iter()
            .map(|s| cues::words_of(&s.text).len())
            .sum();
        if sents[e].end_s - sents[k].start_s > HEADING_MAX_S || words > HEADING_MAX_WORDS {
            return None;
        }
        let next = sents.get(e + 1)?;
        if next.gap_before_s >= HEADING_PAUSE_AFTER_S || is_aside(next) {
            break;
        }
        e += 1;
    }
    if !(k..=e).any(|i| cues[i].asks || cues[i].wh || cues::may_ask(&sents[i].text)) {
        return None;
    }
    let mut j = e + 1;
    while sents.get(j).is_some_and(is_aside) {
        j += 1;
    }
    // The last words of an answer before the next question ("Also, your team tries new
    // things all the time. [pause] Question four..."): what follows is a question, not a reply.
    if cues
        .get(j)
        .is_some_and(|c| c.new_question() || c.marker || c.marker_lead || c.announces)
    {
        return None;
    }
    // A reader's aside before the question ("Hmm, that was a bit long. Fine, keep going.
    // [longer pause] They'll probably give me a scenario..."): a heading after a longer pause,
    // itself answered at length, is the question; the reader pauses longest before a question.
    if j < sents.len()
        && sents[j].gap_before_s > sents[k].gap_before_s
        && sents[j].gap_before_s >= LONG_PAUSE_S
        && heading_end(sents, cues, j).is_some()
    {
        return None;
    }
    let reply: f64 = sents[j..]
        .iter()
        .enumerate()
        .take_while(|(i, s)| *i == 0 || s.gap_before_s < LONG_PAUSE_S)
        .map(|(_, s)| s.end_s - s.start_s)
        .sum();
    (reply >= HEADING_REPLY_S).then_some(e)
}

/// Speech after sentence `k` before the next question-shaped sentence after a long pause.
fn spoken_after(sents: &[Sentence], cues: &[cues::Cues], k: usize) -> f64 {
    sents[k + 1..]
        .iter()
        .zip(&cues[k + 1..])
        .take_while(|(s, c)| !(c.asks && s.gap_before_s >= LONG_PAUSE_S))
        .map(|(s, _)| s.end_s - s.start_s)
        .sum()
}

fn build(
    t: &Transcript,
    sents: &[Sentence],
    roles: &[(Speaker, Role)],
    voices: Voices,
    separation: Option<f64>,
) -> Split {
    // Sentences grouped into turns; questions numbered where a question turn follows
    // anything but a question.
    let mut turns: Vec<Turn> = Vec::new();
    let mut number = 0usize;
    let mut q_of: Vec<Option<usize>> = Vec::with_capacity(sents.len());
    for (k, s) in sents.iter().enumerate() {
        let (speaker, role) = roles[k];
        let continues = turns
            .last()
            .is_some_and(|t| t.speaker == speaker && t.role == role);
        if role == Role::Question && !continues {
            number += 1;
        }
        let q = (number > 0).then_some(number);
        q_of.push(q);
        if continues {
            let last = turns.last_mut().expect("checked");
            last.text.push(' ');
            last.text.push_str(&s.text);
            last.end_s = s.end_s;
        } else {
            turns.push(Turn {
                speaker,
                role,
                question: q,
                text: s.text.clone(),
                start_s: s.start_s,
                end_s: s.end_s,
            });
        }
    }
    let mut questions = Vec::new();
    let mut answers = Vec::new();
    for n in 1..=number {
        let q_turns: Vec<&Turn> = turns
            .iter()
            .filter(|t| t.question == Some(n) && t.role == Role::Question)
            .collect();
        let answer_sents: Vec<usize> = (0..sents.len())
            .filter(|&k| q_of[k] == Some(n) && roles[k].1 == Role::Answer)
            .collect();
        let text = q_turns
            .iter()
            .map(|t| question_text(&t.text))
            .collect::<Vec<_>>()
            .join(" ");
        let (Some(first_q), Some(last_q)) = (q_turns.first(), q_turns.last()) else {
            continue;
        };
        let follow_ups = turns
            .iter()
            .filter(|t| t.question == Some(n) && t.role == Role::FollowUp)
            .map(|t| t.text.clone())
            .collect();
        let cut = cut_answer(t, sents, &answer_sents);
        questions.push(FoundQuestion {
            number: n,
            text,
            start_s: first_q.start_s,
            end_s: last_q.end_s,
            answer_start_s: answer_sents
                .first()
                .map_or(last_q.end_s, |&k| sents[k].start_s),
            answer_end_s: answer_sents
                .last()
                .map_or(last_q.end_s, |&k| sents[k].end_s),
            follow_ups,
        });
        answers.push(cut);
    }
    Split {
        voices,
        separation,
        turns,
        questions,
        answers,
    }
}

/// The question as asked, without a "Question two." read before it or a lead-in
/// ("Great. Next one.") in the same turn.
fn question_text(turn: &str) -> String {
    static MARKER: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(
            r"(?i)^((the )?(next|last|final) (question|one)|question (\w+))[.:,!]?\s+",
        )
        .expect("valid regex")
    });
    let text = MARKER.replace(turn.trim(), "");
    let text = cues::from_opener(text.trim());
    // "describe a situation..." cut out of a sentence starts with a capital again.
    let mut out = text.to_string();
    if let Some(first) = out.get(..1) {
        let up = first.to_uppercase();
        out.replace_range(..1, &up);
    }
    out
}

/// The words of `picked` sentences as a transcript of their own: time 0 is
/// [`CUT_MARGIN_S`] before the first word, and where other speech lay between two picked
/// sentences the gap is closed to at most [`CLOSED_GAP_S`].
fn cut_answer(t: &Transcript, sents: &[Sentence], picked: &[usize]) -> Cut {
    let Some(&first) = picked.first() else {
        return Cut {
            transcript: Transcript {
                source: t.source.clone(),
                duration_s: 0.0,
                text: String::new(),
                segments: Vec::new(),
                timing_estimated: t.timing_estimated,
                cut_short: None,
            },
            offset_s: 0.0,
            runs: Vec::new(),
        };
    };
    let offset_s = (sents[first].start_s - CUT_MARGIN_S).max(0.0);
    let mut shift = offset_s;
    let mut segments = Vec::new();
    let mut prev: Option<usize> = None;
    let mut end = 0.0f64;
    for &k in picked {
        let s = &sents[k];
        if let Some(p) = prev {
            if k != p + 1 {
                let gap = s.start_s - sents[p].end_s;
                shift += (gap - CLOSED_GAP_S).max(0.0);
                // The other voice broke in: what the candidate said before it ends there.
                end_sentence(segments.last_mut());
            }
        }
        let words: Vec<Word> = s
            .words
            .iter()
            .map(|w| Word {
                text: w.text.clone(),
                start_s: (w.start_s - shift).max(0.0),
                end_s: (w.end_s - shift).max(0.0),
                probability: w.probability,
            })
            .collect();
        end = words.last().map_or(end, |w| w.end_s);
        segments.push(Segment {
            start_s: words.first().map_or(0.0, |w| w.start_s),
            end_s: end,
            text: s.text.clone(),
            words,
        });
        prev = Some(k);
    }
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &k in picked {
        match runs.last_mut() {
            Some(r) if r.1 + 1 == k => r.1 = k,
            _ => runs.push((k, k)),
        }
    }
    let runs = runs
        .into_iter()
        .map(|(a, b)| {
            let before = a
                .checked_sub(1)
                .map_or(sents[a].start_s, |p| sents[a].start_s - sents[p].end_s);
            let after = sents
                .get(b + 1)
                .map_or(CUT_MARGIN_S * 2.0, |n| n.start_s - sents[b].end_s);
            let (start, end) = with_margins(sents[a].start_s, sents[b].end_s, before, after);
            (
                start,
                if t.duration_s > 0.0 {
                    end.min(t.duration_s)
                } else {
                    end
                },
            )
        })
        .collect();
    let text = segments
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Cut {
        transcript: Transcript {
            source: t.source.clone(),
            duration_s: if t.duration_s > 0.0 {
                end + CUT_MARGIN_S
            } else {
                0.0
            },
            text,
            segments,
            timing_estimated: t.timing_estimated,
            cut_short: None,
        },
        offset_s,
        runs,
    }
}

/// The interviewer's turns of `split` as stretches of the recording, each with up to
/// [`CUT_MARGIN_S`] of silence either side (never reaching halfway to the candidate's speech):
/// to be heard again on their own ([`with_words_heard_again`]). Empty unless two voices were
/// told apart.
pub fn interviewer_runs(split: &Split) -> Vec<(f64, f64)> {
    if split.voices != Voices::Two {
        return Vec::new();
    }
    let turns = &split.turns;
    let mut runs: Vec<(f64, f64, usize, usize)> = Vec::new();
    for (k, t) in turns.iter().enumerate() {
        if t.speaker != Speaker::Interviewer || t.end_s <= t.start_s {
            continue;
        }
        match runs.last_mut() {
            Some(r) if r.3 + 1 == k => {
                r.1 = t.end_s;
                r.3 = k;
            }
            _ => runs.push((t.start_s, t.end_s, k, k)),
        }
    }
    runs.into_iter()
        .map(|(a, b, first, last)| {
            let before = first.checked_sub(1).map_or(a * 2.0, |p| a - turns[p].end_s);
            let after = turns
                .get(last + 1)
                .map_or(CUT_MARGIN_S * 2.0, |n| n.start_s - b);
            with_margins(a, b, before, after)
        })
        .collect()
}

/// `start..end` widened by up to [`CUT_MARGIN_S`] either side, never reaching halfway across
/// the silence before (`gap_before`) or after (`gap_after`) it, nor before 0.
fn with_margins(start: f64, end: f64, gap_before: f64, gap_after: f64) -> (f64, f64) {
    (
        (start - CUT_MARGIN_S.min(gap_before / 2.0).max(0.0)).max(0.0),
        end + CUT_MARGIN_S.min(gap_after / 2.0).max(0.0),
    )
}

/// Where `x`, a time in the splice of `runs` with `gap_s` of silence between them
/// (`audio::splice`), lies in the recording: the run it falls in and the recording time (a time
/// in the silence after a run counts for that run, at its end).
fn in_recording(runs: &[(f64, f64)], gap_s: f64, x: f64) -> Option<(usize, f64)> {
    let mut start = 0.0;
    let mut found = None;
    for (k, (a, b)) in runs.iter().enumerate() {
        if start > x + 1e-9 {
            break;
        }
        found = Some((k, start));
        start += (b - a).max(0.0) + gap_s;
    }
    let (k, at) = found?;
    let (a, b) = runs[k];
    let y = a + (x - at);
    (y <= b + gap_s / 2.0).then_some((k, y.min(b)))
}

/// Heard alone, an answer that starts (ends) this much later (earlier) than the first pass
/// timed it had a word stretched over the silence beside it.
const STRETCHED_S: f64 = 0.5;

/// The first pass sometimes times a word across the silence around an answer (a question's
/// last word, "up?", stretched over the pause before "Yes, just one."): the answer then seems to
/// start seconds early. Heard alone (`heard`, the transcript of the splice of `cut.runs` with
/// `gap_s` between them), its first and last words say where it lies: the answer's first run
/// is narrowed to start [`CUT_MARGIN_S`] before its first word and its last run to end as much
/// after its last word (never widened), the transcript and its offset moved to match, and the
/// question's answer times set to those words where they lie more than [`STRETCHED_S`]
/// inside the first pass's.
pub fn narrow_to_words_heard(
    q: &mut FoundQuestion,
    cut: &mut Cut,
    mut heard: Transcript,
    gap_s: f64,
) -> Transcript {
    let (Some(first), Some(last)) = (heard.words().next(), heard.words().last()) else {
        return heard;
    };
    let (Some((k0, t0)), Some((k1, t1))) = (
        in_recording(&cut.runs, gap_s, first.start_s),
        in_recording(&cut.runs, gap_s, last.end_s),
    ) else {
        return heard;
    };
    let n = cut.runs.len();
    if k0 == 0 && t0 > q.answer_start_s + STRETCHED_S {
        let (a, b) = cut.runs[0];
        let start = (t0 - CUT_MARGIN_S).clamp(a, b);
        let by = start - a;
        cut.runs[0].0 = start;
        cut.offset_s += by;
        for seg in &mut heard.segments {
            seg.shift(-by);
        }
        heard.duration_s = (heard.duration_s - by).max(0.0);
        q.answer_start_s = t0;
    }
    if k1 + 1 == n && t1 < q.answer_end_s - STRETCHED_S {
        let (a, b) = cut.runs[n - 1];
        let end = (t1 + CUT_MARGIN_S).clamp(a, b);
        cut.runs[n - 1].1 = end;
        heard.duration_s = (heard.duration_s - (b - end)).max(0.0);
        q.answer_end_s = t1;
    }
    heard
}

/// Any sentence of `text` opens a question, follows up on an answer, or asks the listener
/// something ("Is there a decision you'd take back?").
fn asks_something(text: &str) -> bool {
    text.split_inclusive(['.', '?', '!']).any(|s| {
        let c = cues::cues(s);
        c.new_question() || c.follow_up || (c.asks && c.second_person)
    })
}

/// `t` with the words inside `runs` replaced by `heard`, the transcript of those runs spliced
/// together with `gap_s` of silence between them (`audio::splice`), its times mapped back into
/// the recording. Whisper, hearing a whole interview, sometimes skips a question and spreads
/// the candidate's words over it, or breaks a question across the speaker change; heard alone,
/// the question reads as asked.
pub fn with_words_heard_again(
    t: &Transcript,
    runs: &[(f64, f64)],
    heard: &Transcript,
    gap_s: f64,
) -> Transcript {
    let back = |x: f64| in_recording(runs, gap_s, x);
    // A run's words are replaced only where, heard alone, they ask something and in the
    // whole recording they did not: heard alone, a short turn can also come out worse.
    let mid = |w: &Word| (w.start_s + w.end_s) / 2.0;
    let take: Vec<bool> = runs
        .iter()
        .enumerate()
        .map(|(k, (a, b))| {
            let before = joined(t.words().filter(|w| (*a..=*b).contains(&mid(w))));
            let alone = joined(
                heard
                    .words()
                    .filter(|w| back(w.start_s).is_some_and(|(j, _)| j == k)),
            );
            asks_something(&alone) && !asks_something(&before)
        })
        .collect();
    let inside = |x: f64| {
        runs.iter()
            .zip(&take)
            .any(|((a, b), take)| *take && *a <= x && x <= *b)
    };
    let mut segments: Vec<Segment> = Vec::new();
    let mut keep = |words: Vec<Word>, text: Option<&str>| {
        if words.is_empty() {
            return;
        }
        let text = text.map_or_else(|| joined(&words), str::to_string);
        segments.push(Segment {
            start_s: words[0].start_s,
            end_s: words[words.len() - 1].end_s,
            text,
            words,
        });
    };
    for seg in &t.segments {
        if !seg.words.iter().any(|w| inside(mid(w))) {
            keep(seg.words.clone(), Some(seg.text.as_str()));
            continue;
        }
        // Split where words were taken out, so that every segment stays in time order.
        let mut run: Vec<Word> = Vec::new();
        for w in &seg.words {
            if inside(mid(w)) {
                keep(std::mem::take(&mut run), None);
            } else {
                run.push(w.clone());
            }
        }
        keep(run, None);
    }
    for seg in &heard.segments {
        // One segment per run: Whisper may carry a sentence across the silence between two.
        let mut run: Vec<Word> = Vec::new();
        let mut run_of = None;
        for w in &seg.words {
            let Some((k, start_s)) = back(w.start_s).filter(|(k, _)| take[*k]) else {
                continue;
            };
            let end_s = back(w.end_s)
                .filter(|(j, _)| *j == k)
                .map_or(runs[k].1, |(_, e)| e)
                .max(start_s);
            if run_of.is_some_and(|j| j != k) {
                keep(std::mem::take(&mut run), None);
            }
            run_of = Some(k);
            run.push(Word {
                start_s,
                end_s,
                ..w.clone()
            });
        }
        keep(run, None);
    }
    segments.sort_by(|x, y| x.start_s.total_cmp(&y.start_s));
    let text = segments
        .iter()
        .map(|s| s.text.trim())
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Transcript {
        text,
        segments,
        ..t.clone()
    }
}

/// True when the transcript repeats one sentence three times or more: Whisper stuck in a loop
/// ("I think that's a big deal. I think that's a big deal. ...").
pub fn loops(t: &Transcript) -> bool {
    let sents = sentences(t);
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    sents.iter().any(|s| {
        let key = questions::normalize(&s.text)
            .split_whitespace()
            .skip_while(|w| matches!(*w, "um" | "uh" | "so" | "and"))
            .collect::<Vec<_>>()
            .join(" ");
        if key.split_whitespace().count() < 3 {
            return false;
        }
        let n = counts.entry(key).or_insert(0);
        *n += 1;
        *n >= 3
    })
}

/// Ends the segment's last word with a full stop unless it ends a sentence already.
fn end_sentence(seg: Option<&mut Segment>) {
    let Some(seg) = seg else { return };
    let Some(w) = seg.words.last_mut() else {
        return;
    };
    let t = w.text.trim_end();
    if !t.ends_with(['.', '?', '!']) {
        let t = t.trim_end_matches([',', ';', ':', '-']).to_string();
        w.text = format!("{t}.");
        seg.text = seg
            .words
            .iter()
            .map(|w| w.text.trim())
            .collect::<Vec<_>>()
            .join(" ");
    }
}

/// One answer of the interview with its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterviewAnswer {
    pub question: FoundQuestion,
    /// Recording time of the answer report's time 0.
    pub offset_s: f64,
    /// The stretches of the recording scored as this answer (see [`Cut::runs`]).
    pub runs: Vec<(f64, f64)>,
    pub score: AnswerScore,
}

/// What the answers have in common.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Pattern {
    pub answers: usize,
    pub mean_score: f64,
    /// Question numbers of the answers that ran long / short.
    pub long: Vec<usize>,
    pub short: Vec<usize>,
    /// STAR parts missing, with how many of the story answers missed each, most first.
    pub missing: Vec<(StarPart, usize)>,
    /// Story answers (judged as STAR).
    pub stories: usize,
    /// Answers without a quantified result.
    pub no_number: Vec<usize>,
    /// Fillers per answer, in question order.
    pub fillers: Vec<usize>,
    /// The weakest answer's question number.
    pub weakest: Option<usize>,
}

/// The whole interview scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterviewScore {
    pub source: Option<String>,
    pub duration_s: f64,
    pub voices: Voices,
    /// How far apart the two voices sounded (see [`Split::separation`]).
    pub voice_separation: Option<f64>,
    pub turns: Vec<Turn>,
    pub answers: Vec<InterviewAnswer>,
    pub pattern: Pattern,
    /// One thing to do in the next mock.
    pub next_step: String,
    pub warnings: Vec<String>,
}

/// Scores every answer of a split interview against its own question.
pub fn score_interview(t: &Transcript, split: &Split, cfg: &ScoringConfig) -> InterviewScore {
    let answers: Vec<InterviewAnswer> = split
        .questions
        .iter()
        .zip(&split.answers)
        .map(|(q, cut)| {
            let mut a = score_answer(
                &cut.transcript,
                &AnswerContext::new(Some(&q.text), None),
                cfg,
            );
            a.source = t
                .source
                .as_ref()
                .map(|s| format!("{s} (question {})", q.number));
            InterviewAnswer {
                question: q.clone(),
                offset_s: cut.offset_s,
                runs: cut.runs.clone(),
                score: a,
            }
        })
        .collect();
    let pattern = pattern(&answers);
    let mut warnings = Vec::new();
    if answers.is_empty() {
        warnings.push(
            "No interview question was found: score the recording as one answer, or check \
             that each question is asked out loud."
                .to_string(),
        );
    }
    if let Some(note) = &t.cut_short {
        warnings.push(format!("{note}; the feedback covers only what is there."));
    }
    InterviewScore {
        source: t.source.clone(),
        duration_s: t.duration_s,
        voices: split.voices,
        voice_separation: split.separation,
        turns: split.turns.clone(),
        next_step: next_step(&answers, &pattern),
        answers,
        pattern,
        warnings,
    }
}

fn pattern(answers: &[InterviewAnswer]) -> Pattern {
    let mut p = Pattern {
        answers: answers.len(),
        ..Pattern::default()
    };
    if answers.is_empty() {
        return p;
    }
    p.mean_score = answers
        .iter()
        .map(|a| f64::from(a.score.score))
        .sum::<f64>()
        / answers.len() as f64;
    let mut missing: Vec<(StarPart, usize)> = Vec::new();
    for a in answers {
        let n = a.question.number;
        match a.score.length.verdict {
            Verdict::Long => p.long.push(n),
            Verdict::Short => p.short.push(n),
            Verdict::Ok => {}
        }
        if let Some(star) = &a.score.star {
            p.stories += 1;
            for part in &star.missing {
                match missing.iter_mut().find(|(q, _)| q == part) {
                    Some(m) => m.1 += 1,
                    None => missing.push((*part, 1)),
                }
            }
        }
        if a.score.quantified_results.is_empty() && a.score.question_type.uses_star() {
            p.no_number.push(n);
        }
        p.fillers.push(a.score.filler_stats.count);
    }
    missing.sort_by_key(|m| std::cmp::Reverse(m.1));
    p.missing = missing;
    p.weakest = answers
        .iter()
        .min_by_key(|a| a.score.score)
        .map(|a| a.question.number);
    p
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The one thing to change in the next mock: a habit seen in at least two answers, else the
/// weakest answer's own next step.
fn next_step(answers: &[InterviewAnswer], p: &Pattern) -> String {
    if answers.is_empty() {
        return "Ask each question out loud (or read it aloud before answering), then record \
                the mock again."
            .to_string();
    }
    let n = answers.len();
    if let Some((part, count)) = p.missing.first().filter(|(_, c)| *c >= 2) {
        let part = match part {
            StarPart::Situation => "the situation or task",
            other => other.as_str(),
        };
        return format!(
            "{count} of {} left out {part}: before the next mock, outline each story with all \
             four STAR parts and say {part} out loud.",
            plural(p.stories, "story", "stories"),
        );
    }
    if p.long.len() >= 2 && p.long.len() * 2 >= n {
        return format!(
            "{} of {n} answers ran long: aim for the target length and stop once the result \
             and what you learned are said.",
            p.long.len()
        );
    }
    if p.short.len() >= 2 && p.short.len() * 2 >= n {
        return format!(
            "{} of {n} answers were short: give each one a concrete example with what you did \
             and how it ended.",
            p.short.len()
        );
    }
    if p.no_number.len() >= 2 {
        return format!(
            "{} stories ended without a number: close each one with a measurable result.",
            p.no_number.len()
        );
    }
    match p
        .weakest
        .and_then(|w| answers.iter().find(|a| a.question.number == w))
    {
        Some(a) => format!(
            "Question {} (\"{}\") was your weakest: {}",
            a.question.number,
            short(&a.question.text, 60),
            a.score.next_step
        ),
        None => String::new(),
    }
}

/// `s` cut to about `max` characters at a word boundary, with an ellipsis.
pub fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for w in s.split_whitespace() {
        if out.chars().count() + w.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.push('\u{2026}');
    out
}

#[cfg(test)]
mod tests;
