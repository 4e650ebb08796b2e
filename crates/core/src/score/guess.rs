//! Guessing the kind of question from the answer itself, for answers scored without their
//! question or a manifest.
//!
//! Each kind sounds different (DOMAIN.md): a behavioral answer tells one past occasion in the
//! first person; a case reasons about a market, prices and costs with assumed numbers; a
//! technical answer walks through a system, its parts and their trade-offs; a closing pitch
//! claims fit in a few sentences; a motivation answer speaks about the company and the role;
//! an intro goes from now, through the past, to this role. Cue phrases add evidence for a kind;
//! the kind with the most wins, and how far ahead it is gives the confidence reported.

use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

use super::doc::Doc;
use super::kind::QuestionKind;

/// Where the kind an answer was judged as came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KindSource {
    /// Given: `--type`, a manifest, or the session's question list.
    Given,
    /// Read from the question's wording (the bank or the phrase rules).
    #[default]
    Question,
    /// Guessed from the answer's own words (no question, or one no rule knows).
    Answer,
}

impl KindSource {
    pub fn as_str(self) -> &'static str {
        match self {
            KindSource::Given => "given",
            KindSource::Question => "question",
            KindSource::Answer => "answer",
        }
    }
}

/// A kind guessed from an answer, with how sure the guess is (0-1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guess {
    pub kind: QuestionKind,
    pub confidence: f64,
}

fn re(s: &str) -> Regex {
    Regex::new(s).unwrap()
}

struct Cue {
    kind: QuestionKind,
    re: Regex,
    weight: f64,
    /// Counted at every match (true) or once per answer (false).
    per_sentence: bool,
}

/// A sentence that tells what happened ("I profiled the service and added an index"): the
/// words of a system or a market in it belong to a story, not to reasoning out loud.
static PAST_STORY: Lazy<Regex> = Lazy::new(|| {
    re(
        r"\b(i|we) (\w+ed|did|made|took|went|got|had|was|were|built|wrote|ran|found|kept|saw|spent)\b",
    )
});
static CONDITIONAL: Lazy<Regex> =
    Lazy::new(|| re(r"\b(i'd|we'd|would|could|let's|assume|say|if)\b"));

static CUES: Lazy<Vec<Cue>> = Lazy::new(|| {
    use QuestionKind::*;
    let c = |kind, pattern: &str, weight, per_sentence| Cue {
        kind,
        re: re(pattern),
        weight,
        per_sentence,
    };
    vec![
        // Behavioral: one past occasion, told in the first person, with an outcome.
        c(
            Behavioral,
            r"\bi (decided|started|set up|wrote|built|called|asked|took|found|owned|spent|pulled|ran|moved|made|sent|went|talked|spoke|sat|stayed|tested|replaced|interviewed|collected|organi[sz]ed|drafted|negotiated|mapped|split|presented|noticed|traced|helped|joined|checked|picked|brought|proposed|stabili[sz]ed|tagged|radioed|gathered|cleaned|automated|hooked|reached|redrew|redesigned|rebuilt|rewrote|cut|showed|escalated)\b",
            1.0,
            true,
        ),
        c(
            Behavioral,
            r"\b(i|we) (\w+ed|did|made|took|went|got|had|was|were|built|wrote|ran|found|told|gave|sent|spent|led|met|kept|brought|began|chose|held|sold|taught|won|lost|saw|knew|thought|felt|said)\b",
            0.8,
            true,
        ),
        c(
            Behavioral,
            r"\b(as a result|in the end|by the end|ended up|the result was|it worked|we (launched|shipped|filed|finished|passed|hit|met|closed)|went (down|up|back)|(fell|dropped|rose|grew|doubled|halved|recovered)\b)",
            1.0,
            true,
        ),
        c(
            Behavioral,
            r"\b(i learned that|i learnt that|looking back|in hindsight|taught me|next time i|what i took from|i'd do differently|would do differently|if i did it again)\b",
            1.5,
            false,
        ),
        c(
            Behavioral,
            r"\b(my (role|job|task|goal|brief) was|the (goal|challenge|task|problem) was|i was (responsible|asked|tasked|in charge|supposed)|asked me to|it was (on me|my responsibility)|my manager|the partner|my boss)\b",
            1.0,
            false,
        ),
        c(
            Behavioral,
            r"\b(last (year|spring|summer|winter|fall|december|month|quarter)|years ago|one (day|night|weekend)|back when|at the time|when i was|early in my|in my (last|previous|current|first|old) (role|job|company|team|position)|at my (last|previous|old) (role|job|company))\b",
            1.0,
            false,
        ),
        // Case: a business problem reasoned with numbers.
        c(
            Case,
            r"\b(market|revenue|profit\w*|margin\w*|costs?|pric(e|es|ing)|demand|competitors?|competition|customers? (a|per)|per (year|month|day|ride|cup|user|store)|euros?|dollars?|pounds?|sales|segments?|break ?even|market share|rival)\b",
            1.0,
            true,
        ),
        c(
            Case,
            r"\b(assume|assuming|let's say|say roughly|roughly|about (one|two|three|half)|estimate|that gives us|so about|per cent|percent of (adults|people|households|residents|passengers|customers))\b",
            0.8,
            true,
        ),
        c(
            Case,
            r"\b(i'd recommend|i would recommend|my recommendation|so my (answer|estimate)|i'd (go with|check it|sanity)|a pilot|i'd structure|i'd break|three (things|parts|buckets|questions))\b",
            1.0,
            false,
        ),
        // Technical: a system, its parts and trade-offs, or a debugging walk-through.
        c(
            Technical,
            r"\b(databases?|cache|caching|servers?|services?|api|apis|quer(y|ies)|latency|requests?|shard\w*|partition\w*|queues?|load balancer|websockets?|heap|memory|index(es)?|tables?|storage|throughput|replica\w*|clients?|gateways?|workers?|threads?|logs|metrics|deploys?|endpoints?|schema|keys?|ttl|idempoten\w*|kafka|sql|hash\w*|lease|lock\w*|bug|leak|transaction\w*|planner|store)\b",
            1.0,
            true,
        ),
        c(
            Technical,
            r"\b(trade-?off|requirements|at least once|read to write|reads|writes|scale|scal(ing|able)|consisten\w*|availability|reproduce|heap dumps?|stack trace|root cause|fan(s)? (it )?out)\b",
            0.8,
            true,
        ),
        // Reasoning out loud is conditional and general: "I'd put...", "you can...".
        c(
            Technical,
            r"\b(i'd|i would|we'd|we would|you'd|i'll|we can|you can|it would|that would|would be|let's)\b",
            0.6,
            true,
        ),
        c(
            Case,
            r"\b(i'd|i would|we'd|we would|you'd|i'll|we can|you can|it would|that would|would be|let's)\b",
            0.6,
            true,
        ),
        // Closing: a short claim of fit with a proof.
        c(
            Closing,
            r"\b(hire me|right (fit|person|candidate)|great fit|strong fit|good fit|i'd bring|i would bring|i can bring|what i bring|i bring|you need someone|i'm confident i|i am confident i|from day one|that's what i've done|fill that gap|exactly the kind of)\b",
            2.0,
            true,
        ),
        c(
            Closing,
            r"\b(i'm the right|i am the right|why you should|i work hard|i learn fast|i'm (really )?motivated|i get along)\b",
            3.0,
            false,
        ),
        // Motivation: the company, its mission, and why this move.
        c(
            Motivation,
            r"\b(your (mission|product|products|app|platform|service|marketplace|work|company|customers|users|team's|plan|values|vision|approach|research|model|classes)|(is|being) remote|you (build|make|serve|do)|drew me|draws me|what drew|reason i applied|why i applied|i (want|would love|'d love) to (help|work|join|contribute|build|bring)|contribute to|the benefits|my commute|the location|step for me|help me grow|current (company|job|role)|leaving|i'm looking for a team)\b",
            1.5,
            true,
        ),
        // Intro: now, the path here, and this role.
        c(
            Intro,
            r"\b(i'm a|i am a|i'm an|i am an|my name is|currently|right now i|at the moment i|years of experience|i've been (a|an|at|in)|i studied|i trained|i started (at|in|as|out)|before that|since then i've|then i moved|my background|i was born|i went to university|i spent (\w+ )?years|i've (worked|spent)|for the (last|past) \w+ years)\b",
            1.2,
            true,
        ),
        c(
            Intro,
            r"\b((i'm|i am) looking for|(i'd|i would) like to move|i want to move|next i want|which is why i (applied|'m here|am here)|(that's|that is) why (i'm|i am) (interested|here|applying)|why (i'm|i am) interested|move (closer|into))\b",
            1.2,
            false,
        ),
    ]
});

/// Guesses the kind of question an answer responds to. With no cue at all the answer is taken
/// as behavioral, the most common kind, with low confidence.
pub fn guess(doc: &Doc) -> Guess {
    let mut score = [0.0f64; 6];
    let idx = |k: QuestionKind| QuestionKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    for cue in CUES.iter() {
        let reasoning = matches!(cue.kind, QuestionKind::Case | QuestionKind::Technical);
        let hits = if cue.per_sentence {
            doc.sentences
                .iter()
                .filter(|s| {
                    !reasoning || !PAST_STORY.is_match(&s.norm) || CONDITIONAL.is_match(&s.norm)
                })
                .map(|s| cue.re.find_iter(&s.norm).count())
                .sum::<usize>() as f64
        } else if doc.sentences.iter().any(|s| cue.re.is_match(&s.norm)) {
            1.0
        } else {
            0.0
        };
        score[idx(cue.kind)] += cue.weight * hits;
    }
    // Per-sentence cues grow with length; a closing pitch is short by nature (30-45 s).
    let words = doc.toks.len();
    if words > 0 && words < 80 {
        score[idx(QuestionKind::Closing)] += 0.5;
    }
    let mut order: Vec<usize> = (0..6).collect();
    order.sort_by(|&a, &b| score[b].total_cmp(&score[a]).then(a.cmp(&b)));
    let (best, second) = (order[0], order[1]);
    if score[best] <= 0.0 {
        return Guess {
            kind: QuestionKind::Behavioral,
            confidence: 0.2,
        };
    }
    // Softmax over the kinds' evidence: near 1 when one kind is far ahead.
    let total: f64 = score.iter().map(|s| (s - score[best]).exp()).sum();
    let confidence = (1.0 / total).clamp(0.0, 1.0);
    let _ = second;
    Guess {
        kind: QuestionKind::ALL[best],
        confidence: (confidence * 100.0).round() / 100.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::Transcript;

    fn g(text: &str) -> Guess {
        guess(&Doc::new(&Transcript::from_plain_text(text, None)))
    }

    #[test]
    fn each_kind_sounds_different() {
        use QuestionKind::*;
        assert_eq!(g("Last year I was the lead on our billing team and releases kept failing. I decided to add tests and I wrote a checklist. As a result failures dropped by half.").kind, Behavioral);
        assert_eq!(g("Let's say the city has two million people. Assume ten percent ride, so that gives us revenue of about a million euros a month. I'd recommend entering the market.").kind, Case);
        assert_eq!(g("I'd put a cache in front of the database. Writes go to a queue, and workers update the index. The trade-off is latency on reads.").kind, Technical);
        assert_eq!(g("You need someone who can run the team from day one, and I'm the right person for that.").kind, Closing);
        assert_eq!(g("Your mission to make energy affordable is what drew me in, and I want to help your customers.").kind, Motivation);
        assert_eq!(g("I'm a nurse, currently in an emergency department. Before that I trained in Manila. I'm looking for a teaching role.").kind, Intro);
        let none = g("");
        assert_eq!(none.kind, Behavioral);
        assert!(none.confidence < 0.5);
    }
}
