//! What the words of one sentence say about who is speaking and why: an interview question
//! ("Tell me about a time you..."), a follow-up to the current question ("Can you say more
//! about the result?"), a marker read aloud ("Question two."), or neither.

use crate::kind::guess_from_phrases;
use crate::questions;

/// The words of a sentence, lowercased, apostrophes kept, other punctuation dropped.
pub(crate) fn words_of(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '\u{2019}')
                .map(|c| if c == '\u{2019}' { '\'' } else { c })
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// How an interviewer opens a question, as the sentence's first words (after "so", "okay",
/// "and", "now"...). Matched on whole words.
const OPENERS: &[&str] = &[
    "tell me about",
    "tell me a",
    "tell us about",
    "talk me through",
    "talk to me about",
    "walk me through",
    "describe a",
    "describe an",
    "describe the",
    "describe your",
    "describe how",
    "give me an example",
    "give me a",
    "share an example",
    "share a time",
    "can you tell me about",
    "could you tell me about",
    "can you describe",
    "could you describe",
    "can you walk me",
    "could you walk me",
    "can you give me an example",
    "could you give me an example",
    "what is your",
    "what's your",
    "what are your",
    "what would you",
    "what do you",
    "what makes you",
    "what interests you",
    "what attracts you",
    "what motivates you",
    "why do you",
    "why did you",
    "why should",
    "why are you",
    "why this",
    "why our",
    "why us",
    "how would you",
    "how do you",
    "how many",
    "where do you see",
    "have you ever",
    "estimate",
    "imagine",
    "suppose",
    "let's say",
    "say a",
    "say we",
    "say you",
    "say your",
    "design a",
    "explain how",
    "explain what",
];

/// How an interviewer hands the last turn over: the candidate's own questions. Said anywhere in
/// the sentence, with or without "I" ("That's all from me, what questions do you have for
/// me?", "I'd love to hear anything you want to ask").
const CLOSINGS: &[&str] = &[
    "questions for me",
    "questions for us",
    "questions do you have",
    "anything you'd like to ask",
    "anything you want to ask",
    "anything you would like to ask",
    "anything you'd like to know",
    "what would you like to ask",
];

/// Words that may come before an opener without changing it ("So, tell me about...").
const LEAD_INS: &[&str] = &[
    "so", "okay", "ok", "alright", "all", "right", "and", "now", "next", "great", "good", "well",
    "um", "uh", "then", "finally", "lastly", "first", "firstly", "i'd", "like", "to", "let's",
    "start", "with", "question", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "last", "i", "want", "you", "thanks", "thank",
];

/// Phrases of a follow-up to the current answer.
const FOLLOW_UPS: &[&str] = &[
    "say more",
    "tell me more",
    "more about",
    "more on",
    "elaborate",
    "expand on",
    "go on",
    "what happened",
    "happened next",
    "happened after",
    "after that",
    "and then",
    "how did your",
    "how did the",
    "how did they",
    "how did he",
    "how did she",
    "how did that",
    "how did it",
    "react",
    "what was the result",
    "what was the outcome",
    "what did you learn",
    "what would you do differently",
    "looking back",
    "why did you choose",
    "walk me through that",
    "what was your role",
    "who else",
    "stop you there",
    "jump in",
    "hang on",
    "interrupt",
];

/// Words said before a marker ("Okay, here's the next one.").
const MARKER_LEAD_INS: &[&str] = &[
    "okay", "ok", "so", "and", "alright", "right", "now", "well", "um", "uh", "here's", "here",
    "is", "let's", "begin", "start", "starting", "with",
];

/// Also said before "two more" or "moving on" ("Good, I'm moving along").
const ANNOUNCE_LEAD_INS: &[&str] = &[
    "good", "great", "lovely", "perfect", "thanks", "i'm", "we're", "let's", "just", "only", "a",
    "an", "we", "i", "have", "got", "then", "do", "try",
];

/// What an interviewer calls the next question ("a quick practical one"), and the words that
/// may describe it.
const ANNOUNCED: &[&str] = &["question", "one", "puzzle", "hypothetical", "scenario"];
const DESCRIBING: &[&str] = &[
    "different",
    "another",
    "practical",
    "hypothetical",
    "quick",
    "tricky",
    "slightly",
    "kind",
    "sort",
    "of",
    "little",
    "bit",
    "more",
    "open",
    "technical",
    "fun",
    "last",
    "next",
    "final",
    "new",
    "harder",
    "easy",
    "easier",
];

/// Ordinals a reader says before a question ("Question two.", "Next question.").
const MARKERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "1", "2", "3",
    "4", "5", "6", "7", "8", "9", "10", "next", "last", "final", "first",
];

/// What a sentence's words suggest.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Cues {
    /// Reads like an interview question that opens a new topic.
    pub opener: bool,
    /// The bank or the kind rules know this wording.
    pub known: bool,
    /// Reads like a follow-up to the answer being given.
    pub follow_up: bool,
    /// Ends with a question mark.
    pub asks: bool,
    /// Addresses the listener ("you", "your") and says nothing of "I", "me", "my", "we".
    pub second_person: bool,
    /// Says "you" or "your", whatever else it says ("That's my list, over to you now").
    pub you: bool,
    /// Says "I", "my", "we", "our": the speaker's own story ("me" is also the asker's: "tell
    /// me about...").
    pub first_person: bool,
    /// "Question two.", "Next question." and nothing else.
    pub marker: bool,
    /// Starts with such a marker, then goes on ("Question three: why...").
    pub marker_lead: bool,
    /// Opens like a question ("what", "how", "why"... after any lead-in words).
    pub wh: bool,
    /// Starts with "and" after a question, going on with it ("And how would you...?").
    pub and_start: bool,
    /// Opens a topic of its own ("tell me about", "describe", "next", "a time"...).
    pub topic_opener: bool,
    /// Ends with such a marker after the speaker's own words ("...what it is like, and the
    /// last one."): a reader who ran on into the next question's marker.
    pub marker_tail: bool,
    /// A clause says the next question is coming ("two more", "moving along", "on to the next
    /// one", "a quick practical one"). Where it is used, the turn must also put something to
    /// "you"; and in one voice the sentence must not speak of "I" (a candidate's story says
    /// "we were moving on" too).
    pub announces: bool,
    /// Sets a scene for a case ("Say a company asked us...", "Imagine...", "Suppose...").
    pub supposes: bool,
}

impl Cues {
    /// Reads like the start of a new interview question.
    pub fn new_question(&self) -> bool {
        (self.opener || self.known) && !self.first_person && !self.follow_up
    }
}

pub(crate) fn cues(text: &str) -> Cues {
    let words = words_of(text);
    let joined = words.join(" ");
    let second_person = names_you(&words);
    // An interviewer's "we" is the company's ("Why should we hire you?").
    // "Say we opened a second site...": the asker's "we" in a case put to the listener.
    let body = strip_lead_ins(&words);
    let supposing = {
        let w = |i: usize| body.get(i).map_or("", String::as_str);
        matches!(w(0), "say" | "suppose" | "imagine") || (w(0) == "let's" && w(1) == "say")
    };
    let first_person = words.iter().any(|w| {
        matches!(w.as_str(), "i" | "i'm" | "i've" | "i'd" | "i'll" | "my")
            || (!second_person
                && !supposing
                && matches!(w.as_str(), "we" | "we're" | "we've" | "our"))
    }) && !starts_with_lead_in_i(&words);
    let closing = CLOSINGS.iter().any(|c| contains_words(&joined, c));
    // The interviewer speaks of "I" and "my" here ("That's my list, over to you").
    let first_person = first_person && !closing;
    let body_text = body.join(" ");
    let opener = closing
        || OPENERS
            .iter()
            .any(|o| body_text == *o || body_text.starts_with(&format!("{o} ")))
        || (second_person && OPENERS.iter().any(|o| contains_words(&joined, o)));
    let known = !questions::normalize(text).is_empty()
        && (questions::find(&questions::bank(), text).is_some()
            || (second_person && guess_from_phrases(&joined).is_some()));
    let asks = text
        .trim_end()
        .trim_end_matches(['"', '\'', ')'])
        .ends_with('?');
    // "And how would you handle...?" goes on with the question being answered; "And finally,
    // tell me..." moves on to the next one.
    let mut spoken = words.iter().filter(|w| {
        !matches!(
            w.as_str(),
            "um" | "uh" | "hm" | "hmm" | "mm" | "okay" | "ok"
        )
    });
    let starts_with_and = spoken.next().is_some_and(|w| w == "and")
        && !spoken
            .next()
            .is_some_and(|w| MOVING_ON.contains(&w.as_str()));
    let follow_up = FOLLOW_UPS.iter().any(|f| contains_words(&joined, f))
        || (starts_with_and && (asks || opener) && guess_from_phrases(&joined).is_none())
        || (second_person && refers_back(&words) && !opens_a_topic(&words));
    // "Question two.", "Okay, last question.", "And the last one." — alone, or leading the
    // question ("Question three: why...").
    let after_lead: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .skip_while(|w| MARKER_LEAD_INS.contains(w))
        .collect();
    let wh = body.first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "what" | "what's" | "how" | "why" | "when" | "where" | "which" | "who"
        )
    });
    let marker_len = marker_prefix(&after_lead);
    // An ordinal alone is a marker only as a sentence of its own ("Fourth."): "First," then a
    // pause is an answer's first point.
    let ordinal_alone = after_lead.len() == 1 && !matches!(after_lead[0], "next" | "last");
    let marker = marker_len > 0
        && marker_len == after_lead.len()
        && (!ordinal_alone || text.trim_end().ends_with('.'));
    let marker_lead = marker_len > 0 && marker_len < after_lead.len();
    // The last clause alone ("..., and the last one.").
    let last_clause: Vec<String> = text
        .rsplit([',', ';', '\u{2014}'])
        .next()
        .map(words_of)
        .unwrap_or_default();
    let tail: Vec<&str> = last_clause
        .iter()
        .map(String::as_str)
        .skip_while(|w| matches!(*w, "and" | "okay" | "ok" | "so" | "now" | "um" | "uh"))
        .collect();
    let marker_tail = !marker
        && !marker_lead
        && !tail.is_empty()
        && tail.len() < words.len()
        && marker_prefix(&tail) == tail.len();
    Cues {
        opener,
        known,
        follow_up,
        asks,
        second_person: second_person && !first_person,
        you: second_person,
        first_person,
        marker,
        marker_lead,
        wh,
        marker_tail,
        announces: announces(text),
        supposes: supposing,
        and_start: starts_with_and,
        topic_opener: opens_a_topic(&words),
    }
}

/// Words a question, or a reader's note of one, is said with ("Then a case one.", "They'll ask
/// about...", "Describe...", "...and what you changed"): for a stretch that stands alone between
/// pauses, where a sentence of an answer rarely does.
pub(crate) fn may_ask(text: &str) -> bool {
    const ASKING: &[&str] = &[
        "question",
        "questions",
        "answer",
        "ask",
        "asked",
        "asking",
        "next",
        "last",
        "finally",
        "case",
        "describe",
        "tell",
        "explain",
        "walk",
        "give",
        "talk",
        "you",
        "your",
        "what",
        "what's",
        "how",
        "why",
        "when",
        "which",
        "who",
    ];
    words_of(text).iter().any(|w| ASKING.contains(&w.as_str()))
}

/// The words of `text` that carry its topic: four letters or more, not a function word or
/// the interview's own vocabulary, cut to five letters ("chairs" and "chair" agree).
pub(crate) fn topic_words(text: &str) -> std::collections::HashSet<String> {
    #[rustfmt::skip]
    const COMMON: &[&str] = &[
        "that", "this", "what", "with", "have", "your", "about", "would", "there", "their",
        "they", "them", "were", "been", "when", "where", "which", "because", "more", "most",
        "some", "into", "from", "then", "than", "just", "like", "really", "very", "also",
        "only", "much", "many", "does", "doing", "done", "make", "made", "take", "took",
        "tell", "said", "know", "think", "thing", "things", "time", "times", "work", "team",
        "role", "job", "company", "well", "good", "great", "okay", "right", "sorry", "first",
        "last", "next", "year", "years", "people", "could", "should", "will", "want",
        "wanted", "need", "needed", "going", "actually", "still", "even", "back", "after",
        "before", "other", "each", "every", "here", "these", "those", "while", "over",
        "again", "being", "didn't", "don't", "it's", "that's", "what's", "you're", "i'm",
        "we're", "they're", "there's", "yourself", "something", "anything", "someone",
        "anyone", "anybody", "somebody", "happened", "happen", "thanks", "thank", "question",
        "answer", "example", "let's", "maybe", "sure", "kind", "sort", "little", "bit",
    ];
    words_of(text)
        .into_iter()
        .filter(|w| w.len() >= 4 && !COMMON.contains(&w.as_str()))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

/// `text` from where its question opens: "Great, thanks, um, next one, describe a
/// situation..." gives "describe a situation...". The text before an opener is dropped when it
/// is short (at most six words) and asks nothing itself; otherwise `text` is kept whole.
pub(crate) fn from_opener(text: &str) -> &str {
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || text[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
        .collect();
    for (n, &at) in starts.iter().enumerate().skip(1).take(6) {
        let before = &text[..at];
        if before.contains('?') {
            break;
        }
        let rest = words_of(&text[at..]).join(" ");
        if OPENERS
            .iter()
            .any(|o| rest == *o || rest.starts_with(&format!("{o} ")))
            && n <= 6
        {
            return &text[at..];
        }
    }
    text
}

/// Words after "and" that move on to a new question ("And finally, tell me...").
const MOVING_ON: &[&str] = &["finally", "lastly", "next", "now", "last", "to"];

/// The sentence points back at the answer being given: "that" or "this" after a verb or a
/// preposition ("What did that cost you?", "Why did you pick that approach?", "What do you do
/// about that?"), "it" asked about ("Did it work?"), "afterwards", or what someone in the story did ("What did your manager
/// say?"). A relative "that" ("a time that you...") does not count.
fn refers_back(words: &[String]) -> bool {
    const BEFORE: &[&str] = &[
        "did", "does", "do", "was", "is", "about", "with", "pick", "picked", "choose", "chose",
        "after", "from", "of", "by", "cost", "say", "like",
    ];
    // "...a decision you made that you'd take back?" (relative), "what do you like about this
    // role?" (the job being interviewed for).
    #[rustfmt::skip]
    const NOT_AFTER: &[&str] = &[
        "you", "you'd", "you've", "you're", "i", "we", "they", "he", "she", "role", "job",
        "company", "position", "team", "industry", "field", "work", "place", "organisation",
        "organization", "career",
    ];
    const PEOPLE: &[&str] = &[
        "manager",
        "boss",
        "team",
        "client",
        "clients",
        "customer",
        "customers",
        "colleague",
        "colleagues",
        "lead",
        "director",
        "teammate",
        "teammates",
    ];
    words.iter().enumerate().any(|(i, w)| {
        let prev = i.checked_sub(1).map_or("", |p| words[p].as_str());
        let next = words.get(i + 1).map_or("", String::as_str);
        match w.as_str() {
            "afterwards" | "afterward" => true,
            "that" | "this" => BEFORE.contains(&prev) && !NOT_AFTER.contains(&next),
            // "Did it get to you in time?", "Was it worth it?" (not "what does it involve?")
            "it" => matches!(prev, "did" | "was"),
            "your" => prev == "did" && PEOPLE.contains(&next),
            _ => false,
        }
    })
}

/// The sentence opens a topic of its own ("tell me about a time...", "describe...", "next",
/// "switching gears"): whatever it refers to, it is not a follow-up.
fn opens_a_topic(words: &[String]) -> bool {
    let joined = words.join(" ");
    [
        "tell me about",
        "talk to me about",
        "describe",
        "walk me through",
        "give me an example",
        "a time",
        "next",
        "switching",
        "moving on",
        "last one",
        "final",
        "finally",
        "lastly",
    ]
    .iter()
    .any(|p| contains_words(&joined, p))
}

/// Says "you" or "your" (whatever else it says).
fn names_you(words: &[String]) -> bool {
    words.iter().any(|w| {
        matches!(
            w.as_str(),
            "you" | "your" | "you're" | "you've" | "you'd" | "yourself"
        )
    })
}

/// A clause of `text` says that the next question is coming: "two more", "just a couple more
/// questions", "moving along", "let's move on", "on to the next one". The clause must be
/// that and nothing else (lead-ins such as "good", "um", "I'm", "let's" aside), so a story's
/// "we hired two more people" does not count.
fn announces(text: &str) -> bool {
    const COUNTS: &[&str] = &["one", "two", "three", "couple", "few", "1", "2", "3"];
    text.split([',', '.', ';', ':', '!', '?', '\u{2014}'])
        .map(words_of)
        .any(|clause| {
            let w: Vec<&str> = clause
                .iter()
                .map(String::as_str)
                .skip_while(|w| MARKER_LEAD_INS.contains(w) || ANNOUNCE_LEAD_INS.contains(w))
                .collect();
            let rest = |from: usize| &w[from.min(w.len())..];
            let counted_more = w.first().is_some_and(|c| COUNTS.contains(c))
                && w.get(1).is_some_and(|m| *m == "more")
                && matches!(
                    rest(2),
                    [] | ["question"]
                        | ["questions"]
                        | ["to", "go"]
                        | ["questions", "to", "go"]
                        | ["for", "you"]
                        | ["questions", "for", "you"]
                );
            // "A slightly different kind of question.", "Here's a puzzle for you.", "Let's do a
            // quick practical one."
            let kind_of = {
                let v = match w.as_slice() {
                    [head @ .., "for", "you"] => head,
                    all => all,
                };
                // "Good question." praises the last one: "question" and "one" need a word
                // that describes them.
                let head = v.last().copied().unwrap_or("");
                v.len() <= 6
                    && ANNOUNCED.contains(&head)
                    && (v.len() >= 2 || !matches!(head, "question" | "one"))
                    && v[..v.len() - 1].iter().all(|x| DESCRIBING.contains(x))
            };
            let moving = matches!(
                w.as_slice(),
                ["moving", "on" | "along"]
                    | ["move", "on" | "along"]
                    | ["moving", "on" | "along", "now"]
                    | ["on", "to", "the", "next", ..]
            );
            counted_more || moving || kind_of
        })
}

/// How many of `words` (lowercase, lead-ins dropped) announce a question: "question two",
/// "next question", "the last one", "first question"; 0 when they do not.
fn marker_prefix(words: &[&str]) -> usize {
    const ORDINALS: &[&str] = &[
        "next", "last", "final", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
        "eighth", "another",
    ];
    // What a reader calls the thing read from: "Question two.", "Card two.", "Third card.",
    // "Next prompt.", "Number two." ("topic" is left out: "Next topic was pricing." is an
    // answer's.)
    const NOUNS: &[&str] = &["question", "card", "prompt", "number"];
    let n = words.len();
    let w = |i: usize| words.get(i).copied().unwrap_or("");
    let skip_the = usize::from(w(0) == "the");
    let a = w(skip_the);
    let b = w(skip_the + 1);
    let len = if matches!((a, b), ("next", "") | ("next", "up") | ("moving", "on")) {
        // "Next." read alone.
        skip_the + if b.is_empty() { 1 } else { 2 }
    } else if NOUNS.contains(&a) && MARKERS.contains(&b) && (a != "number" || n == skip_the + 2) {
        // "Number two." only alone: "Number one, we cut costs." lists an answer's points.
        skip_the + 2
    } else if NOUNS.contains(&a) && b.is_empty() {
        skip_the + 1
    } else if ORDINALS.contains(&a) && (b == "one" || NOUNS.contains(&b)) {
        skip_the + 2
    } else if n == skip_the + 1 && (ORDINALS[3..].contains(&a) || is_count(a)) {
        // "Fourth." read alone, or "4." as Whisper writes it ("One." is an answer's too).
        skip_the + 1
    } else if n >= skip_the + 3
        && (ORDINALS.contains(&a) || is_count(a))
        && b == "and"
        && matches!(w(skip_the + 2), "last" | "final")
        && (n == skip_the + 3
            || matches!(
                w(skip_the + 3),
                "what" | "what's" | "how" | "why" | "which" | "tell" | "describe" | "walk" | "give"
            ))
    {
        // "Fourth and last.", "4. And last, what's one thing...?"
        skip_the + 3
    } else if a == "this" && b == "one" && n == skip_the + 2 {
        // "Let's begin with this one." read alone.
        skip_the + 2
    } else {
        0
    };
    len.min(n)
}

/// A count of questions a reader may say alone, as Whisper writes it ("4."): 2 to 10.
fn is_count(w: &str) -> bool {
    w.parse::<u8>().is_ok_and(|n| (2..=10).contains(&n))
}

/// "I'd like to start with..." / "I want you to tell me..." are the interviewer's framing, not
/// the speaker's own story.
fn starts_with_lead_in_i(words: &[String]) -> bool {
    let rest: Vec<&str> = words.iter().map(String::as_str).collect();
    let framing = [
        ["i'd", "like"],
        ["i", "want"],
        ["i'd", "love"],
        ["i", "wanted"],
    ];
    framing.iter().any(|f| rest.starts_with(f))
        && !words
            .iter()
            .skip(2)
            .any(|w| matches!(w.as_str(), "i" | "my" | "we" | "our" | "me"))
}

fn strip_lead_ins(words: &[String]) -> &[String] {
    let n = words
        .iter()
        .take_while(|w| LEAD_INS.contains(&w.as_str()))
        .count();
    // Keep an opener that itself starts with a lead-in word ("let's say", "tell me").
    let mut start = n;
    while start > 0 {
        let text = words[start - 1..].join(" ");
        if OPENERS.iter().any(|o| text.starts_with(o)) {
            start -= 1;
        } else {
            break;
        }
    }
    &words[start..]
}

/// `hay` contains `needle` starting and ending at word boundaries.
fn contains_words(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_reading_from_cards_or_prompts_marks_each_question() {
        assert!(cues("Card two.").marker);
        assert!(cues("Okay, last card.").marker);
        assert!(cues("Next prompt.").marker);
        let lead = cues("Okay, first card, give a quick tour of the jobs you've done.");
        assert!(lead.marker_lead, "{lead:?}");
        assert!(!cues("My first card was a library card.").marker_lead);
        assert!(!cues("Last year we moved.").marker_lead);
    }

    #[test]
    fn the_hand_over_to_the_candidates_questions_is_a_question() {
        for s in [
            "That's my list, over to you now, and the questions for me.",
            "Okay, I'm done. What questions do you have?",
            "Is there anything you'd like to ask before we wrap up?",
            "Do you have any questions for me?",
        ] {
            assert!(cues(s).new_question(), "{s}: {:?}", cues(s));
        }
        for s in [
            "I handed the whole thing over to you and your team.",
            "I asked my manager two questions.",
            "I always answer any questions you have about the bill.",
        ] {
            assert!(!cues(s).new_question(), "{s}: {:?}", cues(s));
        }
    }

    #[test]
    fn interview_questions() {
        for q in [
            "Tell me about a time you had to manage a budget.",
            "So, walk me through your resume.",
            "Why do you want to work here?",
            "Okay, next one. Describe a situation where you disagreed with your manager.",
            "How would you estimate the number of coffee shops in Chicago?",
            "What is your greatest weakness?",
            "Great. Why should we hire you?",
            "Give me an example of a goal you reached.",
        ] {
            assert!(cues(q).new_question(), "{q}: {:?}", cues(q));
        }
    }

    #[test]
    fn not_new_questions() {
        for s in [
            "So what did I do? I called the vendor.",
            "Tell me, what would I change? Probably the timeline.",
            "Can you say more about the result?",
            "How did your manager react?",
            "We cut costs by 20 percent.",
            "Great, thanks.",
        ] {
            assert!(!cues(s).new_question(), "{s}: {:?}", cues(s));
        }
        assert!(cues("Can you say more about the result?").follow_up);
        assert!(cues("And what happened after that?").follow_up);
        assert!(!cues("And then I shipped it.").new_question());
        let and = cues("And, uh, how would you handle analytics, like click counts?");
        assert!(and.follow_up && !and.new_question(), "{and:?}");
        assert!(cues("And why this role, uh, specifically?").new_question());
        for s in [
            "Why did you pick that approach over, say, a discount?",
            "What did your manager say?",
            "Were there any consequences for you afterwards?",
            "Hm, and what did that cost you, personally?",
            "What do you do about that?",
            "Why do you say that?",
            "Sorry, um, let me stop you there.",
            "Can I just jump in there, sorry.",
            "Did it get to you in time, in the end?",
        ] {
            let c = cues(s);
            assert!(c.follow_up && !c.new_question(), "{s}: {c:?}");
        }
        for s in [
            "What's your job at the moment, and what does it involve?",
            "Is there a decision you made that you'd take back?",
            "And why this company, at this point in your career?",
            "What would make this role a step forward for you rather than a sideways move?",
            "What do you like about this role?",
        ] {
            assert!(!cues(s).follow_up, "{s}: {:?}", cues(s));
        }
        for s in [
            "Next, say a town of about 50,000 people got a new garage, how many cars could it expect in a week?",
            "And finally, tell me about the decision you made with too little information.",
            "Tell me about a time that you changed your mind.",
            "Describe an outage you were part of.",
            "How do you handle it when a customer keeps changing their mind?",
        ] {
            let c = cues(s);
            assert!(c.new_question(), "{s}: {c:?}");
        }
    }

    #[test]
    fn question_from_its_opener() {
        assert_eq!(
            from_opener("Great thanks, um next one, describe a situation where you disagreed."),
            "describe a situation where you disagreed."
        );
        assert_eq!(
            from_opener("Why do you want to work here?"),
            "Why do you want to work here?"
        );
        assert_eq!(
            from_opener("We built a lot of things and then at the very end, tell me about it."),
            "We built a lot of things and then at the very end, tell me about it."
        );
    }

    #[test]
    fn markers() {
        assert!(cues("Question two.").marker);
        assert!(cues("Next question.").marker);
        assert!(cues("Last one.").marker);
        assert!(cues("Okay, first question.").marker);
        assert!(cues("And the last one.").marker);
        assert!(cues("Question three: why do you want this job?").marker_lead);
        assert!(cues("Next.").marker);
        assert!(cues("Okay, here's the next one.").marker);
        assert!(cues("I would still do a few shifts, and the last one.").marker_tail);
        assert!(!cues("And the last one.").marker_tail);
        assert!(!cues("Next, I called the vendor.").marker);
        assert!(!cues("It was the last one.").marker_tail);
        assert!(!cues("The last one was harder.").marker);
        assert!(!cues("One.").marker);
        assert!(!cues("Question everything.").marker);
        assert!(cues("Good, uh two more, and then you're free.").announces);
        assert!(cues("(Good, I'm moving along, how would you decide what to automate").announces);
        assert!(cues("Okay, let's move on.").announces);
        assert!(!cues("We hired two more people, and then we moved on.").announces);
        assert!(!cues("I'm moving on to a bigger team next year.").announces);
        assert!(cues("Um, painful, right, a slightly different kind of question. If we").announces);
        assert!(cues("Here's a puzzle for you.").announces);
        assert!(cues("Lovely, um, let's do a quick practical one.").announces);
        assert!(!cues("That was a tricky one.").announces);
        assert!(!cues("Good question, right, uh, thanks for your time today.").announces);
        assert!(!cues("It was a different question.").announces);
        assert!(cues("Let's begin with this one.").marker);
        assert!(!cues("This one is mine.").marker);
        assert!(!cues("Two of us.").marker);
        // A reader's own numbering: "Now number two.", "Fourth and last.", "4." alone; not an
        // answer's points. (text, marker, marker_lead)
        for (text, marker, lead) in [
            ("Now number two.", true, false),
            ("Number one, we cut the costs.", false, false),
            ("Fourth and last.", true, false),
            ("Fourth.", true, false),
            ("4.", true, false),
            ("4. And last, what's one thing you'd change?", false, true),
            ("2 and last year we grew.", false, false),
            ("First, I called the vendor.", false, false),
            ("First,", false, false),
            ("The number was wrong.", false, false),
            ("My number two was Sam.", false, false),
        ] {
            let c = cues(text);
            assert_eq!((c.marker, c.marker_lead), (marker, lead), "{text}");
        }
    }
}
