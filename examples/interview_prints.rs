//! Dumps, for each recording given, the transcript's words and a voice print every 0.5 s
//! (JSON lines), for studying how to tell an interviewer's voice from a candidate's.
//! `cargo run --release --example interview_prints -- FILE...`
use starcoach::audio::{self, voiceprint::VoicePrints};
use starcoach::transcriber::{TranscribeOptions, Transcriber};

fn main() {
    let env = starcoach::env::init().expect("environment");
    let model = starcoach::model::resolve(env.model.as_deref()).expect("model");
    let tr = Transcriber::load(&model).expect("load");
    for path in std::env::args().skip(1) {
        let audio = audio::load(std::path::Path::new(&path)).expect("decode");
        let t = tr
            .transcribe(&audio, &path, &TranscribeOptions::default())
            .expect("transcribe");
        let prints = VoicePrints::analyze(&audio.samples);
        let words: Vec<_> = t.words().cloned().collect();
        let windows: Vec<_> = (0..(audio.duration_s * 2.0) as usize)
            .map(|i| {
                let a = i as f64 * 0.5;
                (a, prints.print(a, a + 0.5))
            })
            .collect();
        println!(
            "{}",
            serde_json::json!({"file": path, "words": words, "windows": windows})
        );
    }
}
