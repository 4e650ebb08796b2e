use super::*;
use crate::kind::QuestionKind;

/// A transcript from lines of (speaker, text), words 0.3 s apart, `gap` seconds between lines;
/// and the speaker of each second, for a voice print that tells them apart.
fn interview(lines: &[(Speaker, &str)], gap: f64) -> (Transcript, Vec<(f64, f64, Speaker)>) {
    let paced: Vec<(Speaker, &str, f64)> = lines.iter().map(|&(s, l)| (s, l, gap)).collect();
    interview_paced(&paced)
}

/// As [`interview`], with the silence after each line given with it.
fn interview_paced(lines: &[(Speaker, &str, f64)]) -> (Transcript, Vec<(f64, f64, Speaker)>) {
    let mut t = 0.5;
    let mut segments = Vec::new();
    let mut spans = Vec::new();
    for (speaker, text, gap) in lines {
        let start = t;
        let words: Vec<Word> = text
            .split_whitespace()
            .map(|w| {
                let word = Word {
                    text: w.to_string(),
                    start_s: t,
                    end_s: t + 0.25,
                    probability: 0.9,
                };
                t += 0.3;
                word
            })
            .collect();
        spans.push((start, t, *speaker));
        segments.push(Segment {
            start_s: start,
            end_s: t,
            text: text.to_string(),
            words,
        });
        t += gap;
    }
    let text = lines.iter().map(|l| l.1).collect::<Vec<_>>().join(" ");
    (
        Transcript {
            source: Some("mock.wav".into()),
            duration_s: t + 0.5,
            text,
            segments,
            timing_estimated: false,
            cut_short: None,
        },
        spans,
    )
}

const I: Speaker = Speaker::Interviewer;
const C: Speaker = Speaker::Candidate;

const TWO_QUESTIONS: &[(Speaker, &str)] = &[
    (I, "Thanks for coming in. Let's get started."),
    (I, "Tell me about a time you had to manage a budget."),
    (
        C,
        "Sure. Last year I ran the offsite for our sales team of forty people.",
    ),
    (
        C,
        "The budget was twenty thousand dollars and the venue doubled its price.",
    ),
    (
        C,
        "So what did I do? I called three other venues and renegotiated catering.",
    ),
    (I, "Can you say more about the result?"),
    (
        C,
        "We came in twelve percent under budget and the team rated it the best offsite yet.",
    ),
    (I, "Great, thanks. Next one."),
    (I, "Um, why do you want to work here?"),
    (
        C,
        "I want to build products for small clinics, and your team does exactly that.",
    ),
    (
        C,
        "My last role taught me how much good software matters to nurses.",
    ),
];

#[test]
fn two_voices_two_questions() {
    let (t, spans) = interview(TWO_QUESTIONS, 0.8);
    let voice = voice_of(&spans);
    let s = split(&t, Some(&voice));
    assert_eq!(s.voices, Voices::Two, "{:?}", s.separation);
    assert_eq!(s.questions.len(), 2, "{:#?}", s.turns);
    assert_eq!(
        s.questions[0].text,
        "Tell me about a time you had to manage a budget."
    );
    assert_eq!(s.questions[1].text, "Why do you want to work here?");
    assert_eq!(
        s.questions[0].follow_ups,
        vec!["Can you say more about the result?".to_string()]
    );
    // The answers hold the candidate's words only, with the follow-up's gap closed.
    let a1 = &s.answers[0].transcript;
    assert!(a1.text.starts_with("Sure. Last year"), "{}", a1.text);
    assert!(a1.text.contains("So what did I do?"));
    assert!(!a1.text.contains("say more"));
    assert!(!a1.text.contains("Great, thanks"));
    let w: Vec<&Word> = a1.words().collect();
    let gaps = w.windows(2).map(|p| p[1].start_s - p[0].end_s);
    // Lines are 0.85 s apart; the follow-up's 3 s are closed to CLOSED_GAP_S.
    assert!(gaps.fold(0.0f64, f64::max) < 0.9);
    assert!((w[0].start_s - CUT_MARGIN_S).abs() < 1e-9);
    let a2 = &s.answers[1].transcript;
    assert!(
        !a2.text.contains("Um,"),
        "interviewer's um left out: {}",
        a2.text
    );
    assert!(a2.text.starts_with("I want to build"));
    // The timeline: small talk, question, answer, follow-up, answer, small talk, question, answer.
    let roles: Vec<Role> = s.turns.iter().map(|t| t.role).collect();
    use Role::*;
    assert_eq!(
        roles,
        vec![SmallTalk, Question, Answer, FollowUp, Answer, SmallTalk, Question, Answer]
    );

    let scored = score_interview(&t, &s, &ScoringConfig::default());
    assert_eq!(scored.answers.len(), 2);
    assert_eq!(
        scored.answers[0].score.question_type,
        QuestionKind::Behavioral
    );
    assert_eq!(
        scored.answers[1].score.question_type,
        QuestionKind::Motivation
    );
    assert!(!scored.next_step.is_empty());
}

#[test]
fn one_voice_reads_questions_aloud() {
    let lines: Vec<(Speaker, &str)> = vec![
        (C, "Question one. Tell me about yourself."),
        (
            C,
            "I am a nurse turned data analyst with six years in hospitals.",
        ),
        (
            C,
            "Tell me, what drives me? Making messy data useful to clinicians.",
        ),
        (
            C,
            "Question two. Describe a situation where you disagreed with your manager.",
        ),
        (
            C,
            "In my last job my manager wanted to cut the pilot short.",
        ),
        (
            C,
            "I showed her the first month of data and we extended it by two weeks.",
        ),
    ];
    let (t, _) = interview(&lines, 0.8);
    let s = split(&t, None);
    assert_eq!(s.voices, Voices::Unknown);
    let texts = question_texts(&s);
    assert_eq!(
        texts,
        vec![
            "Tell me about yourself.",
            "Describe a situation where you disagreed with your manager."
        ]
    );
    assert!(s.answers[0].transcript.text.contains("what drives me"));
}

#[test]
fn one_voice_question_run_on_into_its_answer_is_split_at_the_pause() {
    // Whisper wrote the question read aloud and the start of its answer as one sentence; the
    // reader paused 0.4 s after "did,".
    let lines: Vec<(Speaker, &str)> = vec![
        (C, "Question one. Tell me about yourself."),
        (
            C,
            "I am a site reliability engineer on a team of six, and I look after the alerts.",
        ),
        (C, "Next."),
        (
            C,
            "Describe an outage you were part of, and what you did, last March our booking \
             pages stopped loading and I was on call, so I rolled back the release.",
        ),
    ];
    let (mut t, _) = interview(&lines, 0.8);
    let seg = t.segments.last_mut().expect("four lines");
    let at = seg
        .words
        .iter()
        .position(|w| w.text == "last")
        .expect("the answer starts with last");
    for w in &mut seg.words[at..] {
        w.start_s += 0.35;
        w.end_s += 0.35;
    }
    seg.end_s += 0.35;
    let answer_start = seg.words[at].start_s;
    let s = split(&t, None);
    let texts = question_texts(&s);
    assert_eq!(
        texts,
        vec![
            "Tell me about yourself.",
            "Describe an outage you were part of, and what you did,"
        ],
        "{:#?}",
        s.turns
    );
    assert!((s.questions[1].answer_start_s - answer_start).abs() < 1e-9);
    assert!(s.answers[1].transcript.text.starts_with("last March"));
}

#[test]
fn a_marker_inside_a_sentence_opens_the_next_question() {
    let lines: Vec<(Speaker, &str)> = vec![
        (I, "Tell me about a time you had to manage a budget."),
        (
            C,
            "Last year I ran the offsite for our sales team and we came in under budget.",
        ),
        (
            I,
            "Sorry, I'm just writing that down, right, next one, has a contractor ever cut a corner",
        ),
        (
            C,
            "Yes, last summer a contractor wanted to skip a pressure test and I stopped the work.",
        ),
    ];
    let s = split_two_voices(&lines);
    let texts = question_texts(&s);
    assert_eq!(
        texts,
        vec![
            "Tell me about a time you had to manage a budget.",
            "Right, next one, has a contractor ever cut a corner"
        ],
        "{:#?}",
        s.turns
    );
}

#[test]
fn an_answer_heard_alone_is_narrowed_to_its_words() {
    // The first pass stretched the question's last word over the pause: the answer seemed to
    // start at 146.15 s. Heard alone, its first word is 2.6 s into the first run.
    let mut q = FoundQuestion {
        number: 1,
        text: "Anything you'd like to ask us before we wrap".into(),
        start_s: 143.4,
        end_s: 146.1,
        answer_start_s: 146.15,
        answer_end_s: 170.0,
        follow_ups: Vec::new(),
    };
    let mut cut = Cut {
        transcript: Transcript::from_plain_text("up? Yes, just one.", None),
        offset_s: 145.85,
        runs: vec![(145.85, 160.0), (162.0, 170.3)],
    };
    let word = |text: &str, start_s: f64, end_s: f64| Word {
        text: text.into(),
        start_s,
        end_s,
        probability: 0.9,
    };
    // Splice times: run 1 is 0-14.15 s, then 0.5 s of silence, run 2 from 14.65 s.
    let heard = Transcript {
        source: None,
        duration_s: 22.95,
        text: "Yes, just one. Thanks.".into(),
        segments: vec![Segment {
            start_s: 2.9,
            end_s: 22.0,
            text: "Yes, just one. Thanks.".into(),
            words: vec![
                word("Yes,", 2.9, 3.2),
                word("just", 3.2, 3.5),
                word("one.", 3.5, 3.8),
                word("Thanks.", 21.5, 22.0),
            ],
        }],
        timing_estimated: false,
        cut_short: None,
    };
    let heard = narrow_to_words_heard(&mut q, &mut cut, heard, CLOSED_GAP_S);
    assert!((q.answer_start_s - 148.75).abs() < 1e-9, "{q:?}");
    assert!((cut.runs[0].0 - 148.45).abs() < 1e-9, "{:?}", cut.runs);
    assert!((cut.offset_s - 148.45).abs() < 1e-9);
    // The words keep their place in the narrowed splice.
    let first = heard.words().next().expect("words");
    assert!((first.start_s - 0.3).abs() < 1e-9, "{first:?}");
    // 22.0 s in the old splice is 169.35 s in the recording, 0.65 s before the first pass's
    // end.
    assert!((q.answer_end_s - 169.35).abs() < 1e-9, "{q:?}");
    assert!((cut.runs[1].1 - 169.65).abs() < 1e-9, "{:?}", cut.runs);
}

#[test]
fn a_question_in_the_answers_own_words_is_a_follow_up() {
    let lines: Vec<(Speaker, &str)> = vec![
        (
            I,
            "What's the closest you've come to losing an animal in your care?",
        ),
        (
            C,
            "Last winter our old giraffe stopped eating properly, and her weight loss went on for \
             weeks before anyone noticed, by which point she could barely stand in the morning \
             and the vet had to come twice a day.",
        ),
        (I, "Why hadn't anybody picked up the weight loss sooner?"),
        (
            C,
            "Nobody weighed her because the scales were broken, so now every animal is weighed monthly.",
        ),
        (I, "What's a habit of yours that drives your colleagues mad?"),
        (
            C,
            "I label everything in the food store with dates and colours, even the spoons, and \
             I rewrite the rota on the whiteboard every single morning before anyone has had \
             a chance to read the old one.",
        ),
    ];
    let s = split_two_voices(&lines);
    assert_eq!(
        question_texts(&s),
        vec![
            "What's the closest you've come to losing an animal in your care?",
            "What's a habit of yours that drives your colleagues mad?"
        ],
        "{:#?}",
        s.turns
    );
    assert_eq!(
        s.questions[0].follow_ups,
        vec!["Why hadn't anybody picked up the weight loss sooner?".to_string()]
    );
}

#[test]
fn one_voice_unknown_question_after_a_long_pause() {
    // No cue knows "What's the hardest thing about working alone?", and it says no "you":
    // read after a long pause and answered at length, it is a question.
    let answer = "Nobody checks my ideas so I show a rough plan to two pupils and one \
                  teacher every week and last autumn that saved me from a bad idea with \
                  points and prizes which the pupils disliked at once.";
    let lines: Vec<(Speaker, &str)> = vec![
        (C, "Question one. Tell me about yourself."),
        (C, answer),
        (
            C,
            "What's the hardest thing about working alone in a school?",
        ),
        (C, answer),
    ];
    let (t, _) = interview(&lines, 1.2);
    let s = split(&t, None);
    let texts = question_texts(&s);
    assert_eq!(
        texts,
        vec![
            "Tell me about yourself.",
            "What's the hardest thing about working alone in a school?"
        ],
        "{:#?}",
        s.turns
    );
}

#[test]
fn one_voice_case_question_starts_with_its_scene() {
    // "Say ..." read after a long pause, then the question straight after: one question that
    // starts with the scene (not at "How would you...", nor inside the answer before). The
    // scene speaks of "I", as a reader's scene can ("Say I hired you to...").
    let answer = "I split the work with the venue team and we checked every supplier twice \
                  so the food arrived on time and the guests never noticed the change.";
    let lines: Vec<(Speaker, &str)> = vec![
        (C, "Question one. Tell me about yourself."),
        (C, answer),
        (
            C,
            "Say I asked you to plan a party for a thousand staff. How would you put a \
             rough budget together?",
        ),
        (C, answer),
    ];
    assert_read_alone_asks(
        &lines,
        &[
            "Tell me about yourself.",
            "Say I asked you to plan a party for a thousand staff. How would you put a rough \
             budget together?",
        ],
    );
}

#[test]
fn rhetorical_question_without_pause_is_not_a_new_question() {
    let lines: Vec<(Speaker, &str)> = vec![
        (C, "Tell me about a time you failed."),
        (C, "I missed a launch date by a month."),
    ];
    let (mut t, _) = interview(&lines, 0.8);
    // "Why do you think that happened?" said by the candidate with no pause before it.
    let last_end = t.segments[1].end_s;
    let words: Vec<Word> = ["Why", "do", "you", "think", "that", "happened?"]
        .iter()
        .enumerate()
        .map(|(i, w)| Word {
            text: w.to_string(),
            start_s: last_end + 0.05 + i as f64 * 0.3,
            end_s: last_end + 0.3 + i as f64 * 0.3,
            probability: 0.9,
        })
        .collect();
    t.segments[1].words.extend(words);
    let s = split(&t, None);
    assert_eq!(s.questions.len(), 1, "{:#?}", s.turns);
}

#[test]
fn nothing_to_find() {
    let (t, _) = interview(
        &[(C, "We shipped it on time and cut costs by ten percent.")],
        0.5,
    );
    let s = split(&t, None);
    assert!(s.questions.is_empty());
    let scored = score_interview(&t, &s, &ScoringConfig::default());
    assert!(scored.answers.is_empty());
    assert!(!scored.warnings.is_empty());
    let empty = Transcript::from_plain_text("", None);
    assert!(split(&empty, None).questions.is_empty());
}

#[test]
fn a_transcript_stuck_in_a_loop_is_told() {
    let stuck = Transcript::from_plain_text(
        "I think that's a big deal. I think that's a big deal. Uh, I think that's a big deal.",
        None,
    );
    assert!(loops(&stuck));
    let fine = Transcript::from_plain_text(
        "We shipped. We shipped. It took a week and we shipped it again.",
        None,
    );
    assert!(!loops(&fine));
}

/// A transcript of one segment with words 0.3 s apart from `from`.
fn said(text: &str, from: f64) -> Transcript {
    let (mut t, _) = interview(&[(I, text)], 0.0);
    t.segments.iter_mut().for_each(|s| s.shift(from - 0.5));
    t
}

#[test]
fn a_turn_heard_again_replaces_the_words_only_where_it_now_asks() {
    let (t, spans) = interview(
        &[
            (I, "Tell me about yourself."),
            (
                C,
                "I am a nurse and I have worked on a surgical ward for six years now.",
            ),
            (I, "me a lot about cues and the"),
            (
                C,
                "Last spring our ward ran short of beds and I had to find twelve more.",
            ),
        ],
        1.0,
    );
    let run = |k: usize| (spans[k].0 - 0.2, spans[k].1 + 0.2);
    let runs = [run(0), run(2)];
    // Heard alone (the two turns spliced with 0.5 s between them): the first reads as in the
    // whole recording, the second as the question it was.
    let second_at = runs[0].1 - runs[0].0 + 0.5;
    let mut heard = said("Tell me about yourself.", 0.2);
    heard.segments.extend(
        said(
            "Describe a time you had to find room quickly?",
            second_at + 0.2,
        )
        .segments,
    );
    let again = with_words_heard_again(&t, &runs, &heard, 0.5);
    let words: Vec<&Word> = again.words().collect();
    let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    assert!(!texts.contains(&"cues"), "{texts:?}");
    let describe = words.iter().find(|w| w.text == "Describe").unwrap();
    assert!(
        (describe.start_s - (runs[1].0 + 0.2)).abs() < 1e-6,
        "{describe:?}"
    );
    // In time order, and the first turn kept as the whole recording had it.
    assert!(words.windows(2).all(|p| p[0].start_s <= p[1].start_s));
    assert_eq!(texts.iter().filter(|w| **w == "yourself.").count(), 1);
    assert!((words[0].start_s - t.segments[0].words[0].start_s).abs() < 1e-9);
    // Read again, the second question is found.
    let split = split(&again, None);
    assert_eq!(split.questions.len(), 2, "{:?}", split.turns);
    // Heard alone as something that asks nothing, a turn keeps its first words.
    let mut vague = said("Tell me about yourself.", 0.2);
    vague
        .segments
        .extend(said("Mm, okay then.", second_at + 0.2).segments);
    let kept = with_words_heard_again(&t, &runs, &vague, 0.5);
    assert_eq!(kept.words().count(), t.words().count());
}

#[test]
fn a_question_said_again_in_the_same_turn_is_one_question() {
    let lines: &[(Speaker, &str)] = &[
        (I, "What's the worst day you've had at the port?"),
        (I, "They put another way."),
        (I, "The day things really fell apart on your watch."),
        (
            C,
            "Right, it was a Saturday in August and the ramp between the quay and the ship broke down.",
        ),
        (
            C,
            "I phoned the harbour master and moved the queue to the old freight berth within an hour.",
        ),
        (I, "Okay, thanks for that. Have you ever had to tell someone their work was not good enough?"),
        (
            C,
            "Yes, one of my marshals kept waving cars on too fast, so I showed him the numbers and we fixed it.",
        ),
    ];
    let (t, spans) = interview(lines, 0.8);
    let voice = |from: f64, to: f64| {
        let mid = (from + to) / 2.0;
        spans
            .iter()
            .find(|(a, b, _)| *a <= mid && mid <= *b)
            .map(|(_, _, s)| {
                if *s == I {
                    vec![3.0, 1.0]
                } else {
                    vec![0.0, 0.0]
                }
            })
    };
    let s = split(&t, Some(&voice));
    assert_eq!(s.voices, Voices::Two, "{:?}", s.separation);
    assert_eq!(s.questions.len(), 2, "{:#?}", s.turns);
    assert!(
        s.questions[0].text.contains("fell apart"),
        "{:?}",
        s.questions[0]
    );
}

/// Lines read in one voice, 1.2 s apart, with no voice print: the questions found are `expected`.
fn assert_read_alone_asks(lines: &[(Speaker, &str)], expected: &[&str]) {
    let (t, _) = interview(lines, 1.2);
    let s = split(&t, None);
    assert_eq!(question_texts(&s), expected, "{:#?}", s.turns);
}

/// The questions found, as text.
fn question_texts(s: &Split) -> Vec<&str> {
    s.questions.iter().map(|q| q.text.as_str()).collect()
}

/// A voice print that tells the two speakers of `spans` apart.
fn voice_of(spans: &[(f64, f64, Speaker)]) -> impl Fn(f64, f64) -> Option<Vec<f32>> + '_ {
    move |from: f64, to: f64| {
        let mid = (from + to) / 2.0;
        let who = spans
            .iter()
            .find(|s| s.0 <= mid && mid <= s.1)
            .map(|s| s.2)?;
        Some(match who {
            Speaker::Interviewer => vec![4.0, 1.0, -2.0],
            Speaker::Candidate => vec![0.0, 0.2, 0.5],
        })
    }
}

/// `lines` split with a voice print that tells the two speakers apart (0.8 s between lines).
fn split_two_voices(lines: &[(Speaker, &str)]) -> Split {
    let (t, spans) = interview(lines, 0.8);
    let voice = voice_of(&spans);
    split(&t, Some(&voice))
}

#[test]
fn a_question_announced_by_a_marker_is_new_however_it_reads() {
    // As Whisper heard it on the AVX2 kernels (i30): "do with that who is..." reads like a
    // question about the answer just given, but "next one" said it is a new one.
    let lines: Vec<(Speaker, &str)> = vec![
        (I, "Tell me about a change that made the clinic run better."),
        (
            C,
            "Our morning appointments always ran late, so I timed every visit for two weeks \
             and we moved vaccinations to their own slots, and after six months we finished \
             mornings on time on most days.",
        ),
        (I, "Great. Um, next one."),
        (
            I,
            "What would you do with that who is brilliant with animals but rude to the staff?",
        ),
        (
            C,
            "I have had that exact situation with one of our surgeons, and I talked to her \
             privately, started with the facts, and she apologised to the team herself.",
        ),
    ];
    let s = split_two_voices(&lines);
    assert_eq!(s.questions.len(), 2, "{:#?}", s.turns);
    assert!(s.questions[1].text.contains("brilliant with animals"));
    assert!(s.questions[0].follow_ups.is_empty());
}

#[test]
fn a_garbled_question_is_known_by_the_voice_and_the_long_reply() {
    // The interviewer's question as Whisper garbled it: no question mark, no "you", no cue;
    // the candidate then answers for 22 s. A short "Yes." of the candidate's that sounds like
    // the other voice does not cut that reply (14 s before it).
    let story = "We rebuilt the night shift rota from scratch over three weeks and the \
                 overtime bill fell by a third while nobody missed a single handover.";
    let lines: Vec<(Speaker, &str)> = vec![
        (I, "Tell me about a time you changed how your team works."),
        (C, story),
        (
            I,
            "What a memorable change of people who have been doing the job far longer",
        ),
        (
            C,
            "Yes, in my first management job I was twenty six and most of the pharmacists \
             had been there for more than a decade, so I asked each of them to show me one \
             thing they would change, and we changed two of those things in the first month.",
        ),
        (C, "Yes."),
        (
            C,
            "By the end of the year the team voted to keep the new rota and two of them \
             asked to train the next new manager with me.",
        ),
    ];
    let (t, spans) = interview(&lines, 0.8);
    // "Yes." sounds like the interviewer.
    let mut spans = spans;
    spans[4].2 = I;
    let voice = voice_of(&spans);
    let s = split(&t, Some(&voice));
    assert_eq!(s.questions.len(), 2, "{:#?}", s.turns);
    assert!(
        s.questions[1].text.contains("memorable change"),
        "{:#?}",
        s.turns
    );

    // The same turn before a 14 s reply stays small talk.
    let (t, spans) = interview(&lines[..4], 0.8);
    let voice = voice_of(&spans);
    let s = split(&t, Some(&voice));
    assert_eq!(s.questions.len(), 1, "{:#?}", s.turns);
}

#[test]
fn a_garbled_first_question_that_speaks_of_i_is_known_by_the_long_reply() {
    // The first question run into the interviewer's small talk about themselves, as Whisper
    // heard it over a video call: "I'm", no question mark. The candidate then answers for 24 s:
    // the interview has begun.
    let answer = "Sure, I am a people partner at a contact centre with about nine hundred \
                  people across two sites, and before that I spent six years on the phones \
                  myself, first as an agent and then as a team leader, which is why most of my \
                  work now is about the first ninety days, when new starters decide whether \
                  they will stay, so I look at who leaves, when they leave and what their team \
                  leaders were doing in those weeks, and then I change the induction with them.";
    let lines: Vec<(Speaker, &str)> = vec![
        (I, "Hello, can you hear me all right?"),
        (C, "Yes, loud and clear."),
        (I, "Good, thanks for making the time today."),
        (
            C,
            "Thanks for having me, I have been looking forward to it.",
        ),
        (
            I,
            "Right, so I'm pretending to be the operations director, so a few minutes on \
             where you've been and what you do today.",
        ),
        (C, answer),
    ];
    let s = split_two_voices(&lines);
    assert_eq!(s.questions.len(), 1, "{:#?}", s.turns);
    assert!(s.questions[0].text.contains("operations director"));
    assert!(s.answers[0].transcript.text.starts_with("Sure"));

    // Answered in a sentence, the same words stay small talk.
    let lines = [
        lines[0],
        lines[1],
        lines[2],
        lines[3],
        lines[4],
        (C, "Of course, happy to."),
    ];
    let (t, spans) = interview(&lines, 0.8);
    let voice = voice_of(&spans);
    assert!(split(&t, Some(&voice)).questions.is_empty());
}

#[test]
fn one_voice_readers_own_words_for_a_question_are_a_heading() {
    // A reader practising alone says what they will be asked, in their own words and in the
    // first person ("Then they'll probably ask about..."): said alone between long pauses and
    // answered at length, each is a question. A short sentence between pauses inside an
    // answer, followed by little speech, is not.
    let answer = "So I am a dietitian in a big teaching hospital and I mostly cover the \
                  surgical wards, which means ward rounds in the mornings and seeing patients \
                  who are not eating enough after an operation, and in the afternoons I run a \
                  clinic for people on dialysis, which is mostly about salt and fluid and \
                  potassium, and outside work I have helped my local rugby club with its \
                  nutrition for three seasons without being paid for it.";
    let lines: Vec<(Speaker, &str)> = vec![
        (
            C,
            "Right, let's start with where I am now and what my weeks are usually like.",
        ),
        (C, answer),
        (C, "And the lesson there?"),
        (C, "Always ask first."),
        (
            C,
            "Then they'll probably ask about a patient who wouldn't take my advice.",
        ),
        (C, answer),
    ];
    assert_read_alone_asks(
        &lines,
        &[
            "Right, let's start with where I am now and what my weeks are usually like.",
            "Then they'll probably ask about a patient who wouldn't take my advice.",
        ],
    );
}

/// A candidate's answer of about 25 s (words 0.3 s apart).
const NEGOTIATION: &str = "We had a producer in the south of France who wanted a fifteen \
    percent rise on a wine that was already our best seller, and I knew we could not pass \
    that on to customers before Christmas, so I flew down, walked the vineyard with the \
    owner, and offered a three year contract at seven percent with a bigger order in the \
    second year, which she took, and the line kept its shelf price and grew by a fifth.";

#[test]
fn a_scene_set_before_a_question_opens_it_even_when_it_reads_like_a_follow_up() {
    // As Whisper heard it over a video call: "Walk me through..." garbled into a sentence no
    // cue reads, then "How did it play out?", which reads like a follow-up. The scene's words
    // are new to the answer being given, and the candidate answers at length: a new question.
    let first = "Tell me how wine ended up being your career.";
    let career = "I grew up above a shop in Leeds and started on the tills at sixteen, then \
                  ran the stock room, then the wine aisle, and when the regional buyer left I \
                  applied for her job with a folder of the tastings I had organised for \
                  customers on Friday nights, and I have been buying for eight years now, the \
                  last three of them for the whole of the north of England.";
    let lines: Vec<(Speaker, &str)> = vec![
        (I, first),
        (C, career),
        (
            I,
            "Night walking through a negotiation with a producer that turned awkward.",
        ),
        (I, "How did it play out?"),
        (C, NEGOTIATION),
    ];
    let s = split_two_voices(&lines);
    assert_eq!(s.questions.len(), 2, "{:#?}", s.turns);
    assert!(s.questions[1].text.starts_with("Night walking"));
    assert!(s.answers[1]
        .transcript
        .text
        .starts_with("We had a producer"));

    // In the answer's own words, the same question follows up on it.
    let lines = [
        (I, first),
        (C, NEGOTIATION),
        (
            I,
            "So the producer wanted fifteen percent on the best seller.",
        ),
        (I, "How did it play out?"),
        (C, career),
    ];
    let s = split_two_voices(&lines);
    assert_eq!(s.questions.len(), 1, "{:#?}", s.turns);
    assert_eq!(s.questions[0].follow_ups.len(), 1);
}

#[test]
fn one_voice_reader_pauses_longest_before_the_question_not_before_an_aside() {
    // A reader's aside after an answer ("that was a bit long, but you get the idea"), then a
    // longer pause and the next question in their own words: the question is the heading,
    // not the aside, though both stand alone between pauses before a long stretch of speech.
    let heading = "So first they'll ask me to talk about myself, my background and how I \
                   ended up in news.";
    let scenario = "They'll probably give me a scenario, like a press release at four o'clock \
                    saying the bus company is cutting three routes.";
    let lines: Vec<(Speaker, &str, f64)> = vec![
        (C, heading, 1.5),
        (C, NEGOTIATION, 1.6),
        (C, "Hmm, that was a bit long, but you get the idea.", 3.0),
        (C, scenario, 0.3),
        // Shorter than a long pause: the aside's speech seems to run on into the answer.
        (C, "What do I do with it before the deadline?", 0.9),
        (C, NEGOTIATION, 1.0),
    ];
    let (t, _) = interview_paced(&lines);
    let s = split(&t, None);
    let found = question_texts(&s);
    assert_eq!(found.len(), 2, "{:#?}", s.turns);
    assert_eq!(found[0], heading);
    // Shown from where the question opens ("Give me a scenario...").
    assert!(found[1].ends_with("three routes. What do I do with it before the deadline?"));
}
