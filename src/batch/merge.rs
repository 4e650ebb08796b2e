//! `starcoach batch merge --out MERGED SHARD_OUT...`: one output folder from the folders of
//! `batch --shard I/N` runs (or of any batch runs): their answers' reports and records copied
//! in, one `summary.csv`, `index.html` and set of client pages over all of them, and every
//! answer kept in the practice history.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::run::{answer_page, interview_pages, Collector};
use super::{
    load_current, load_record, lock_out, save_current, save_record, Item, Outcome, Record,
};
use crate::fsutil::write_atomic;

/// What `batch merge` needs.
#[derive(Debug, Clone)]
pub struct MergeOptions {
    pub out: PathBuf,
    pub shards: Vec<PathBuf>,
    /// The practice history file (`None`: `--no-history`).
    pub history: Option<PathBuf>,
    pub themes: Vec<crate::themes::Theme>,
}

/// How a merge ended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeOutcome {
    pub answers: usize,
    pub failed: usize,
    pub folders: usize,
}

/// Report files of one answer, relative to its output folder.
fn report_files(r: &Record) -> [String; 3] {
    ["md", "json", "html"].map(|ext| format!("{}/{}.{ext}", r.client_dir, r.name))
}

fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Merges. The folders' current answers (what each one's summary shows) are taken in the
/// order given: an answer in two folders is taken from the last. Answers already in `out`
/// and in none of the folders stay.
pub fn merge(opts: &MergeOptions) -> Result<MergeOutcome> {
    if opts.shards.is_empty() {
        anyhow::bail!("batch merge: give the output folders of the shards to merge");
    }
    // Every folder is checked before anything is written.
    let mut sources: Vec<(PathBuf, Vec<String>)> = Vec::new();
    for dir in &opts.shards {
        sources.push((dir.clone(), load_current(dir)?));
    }
    std::fs::create_dir_all(&opts.out)
        .with_context(|| format!("{}: cannot create folder", opts.out.display()))?;
    let _lock = lock_out(&opts.out)?;
    crate::fsutil::remove_stale_temps(&opts.out);

    // rel -> (record, the folder it comes from, the recording's path)
    let mut merged: BTreeMap<String, (Record, PathBuf)> = BTreeMap::new();
    if let Ok(rels) = load_current(&opts.out) {
        for rel in rels {
            if let Some(r) = load_record(&opts.out, &rel) {
                merged.insert(rel, (r, opts.out.clone()));
            }
        }
    }
    for (dir, rels) in &sources {
        for rel in rels {
            match load_record(dir, rel) {
                Some(r) => {
                    if let Some((_, from)) = merged.get(rel) {
                        if !same_folder(from, &opts.out) && !same_folder(from, dir) {
                            crate::errln!(
                                "note: {rel} is in {} and {}: taking {}",
                                from.display(),
                                dir.display(),
                                dir.display()
                            );
                        }
                    }
                    merged.insert(rel.clone(), (r, dir.clone()));
                }
                None => crate::errln!(
                    "note: {}: {rel} was not finished there (interrupted?): left out; run that shard again",
                    dir.display()
                ),
            }
        }
    }

    let mut collector = Collector::new(&opts.out, opts.history.as_deref(), opts.themes.clone());
    let mut items = Vec::new();
    for (rel, (r, from)) in &merged {
        if let (Some(a), false) = (r.answer(), same_folder(from, &opts.out)) {
            let [md, json, html] = report_files(r);
            for f in [md, json] {
                let src = from.join(&f);
                let bytes = std::fs::read(&src)
                    .with_context(|| format!("{}: cannot read", src.display()))?;
                write_atomic(&opts.out.join(&f), &bytes)?;
            }
            // Rendered again, so its player links to the recording from here.
            let page = answer_page(
                &opts.out,
                a,
                &r.client,
                &r.client_dir,
                r.audio_path.as_deref().map(Path::new),
            );
            write_atomic(&opts.out.join(html), page.as_bytes())?;
        }
        if let (Outcome::Interview { interview }, false) =
            (&r.outcome, same_folder(from, &opts.out))
        {
            // Rendered again from the record, so the players link to the recording from here.
            interview_pages(
                &opts.out,
                interview,
                &r.client,
                &r.client_dir,
                &r.name,
                r.audio_path.as_deref().map(Path::new),
            )?;
        }
        // The recording as its shard found it (for the history's source path).
        let path = r
            .transcript
            .as_ref()
            .and_then(|t| t.source.clone())
            .or_else(|| r.audio_path.clone())
            .map_or_else(|| PathBuf::from(rel), PathBuf::from);
        save_record(&opts.out, r)?;
        collector.push(rel, &path, Some(r.clone()));
        items.push(Item {
            path,
            rel: rel.clone(),
            client: r.client.clone(),
            client_dir: r.client_dir.clone(),
            name: r.name.clone(),
            question: r.question.clone(),
            kind: r.kind,
            modified: r.recorded_at,
            interview: r.interview,
        });
    }
    save_current(&opts.out, &items)?;
    collector.sync_history();
    collector.write_pages()?;
    Ok(MergeOutcome {
        answers: collector.answers(),
        failed: collector.failed(),
        folders: sources.len(),
    })
}
