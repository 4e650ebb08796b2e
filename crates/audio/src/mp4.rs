//! A guard in front of Symphonia's MP4 reader (m4a, the format phones and Zoom write).
//!
//! Symphonia 0.5 trusts the entry counts of an MP4's sample tables (`stsz`, `stts`, `stsc`,
//! `stco`, `co64`) and reserves memory for them before reading: a damaged count makes it ask for
//! gigabytes and the process aborts (found by `tests/fuzz.rs`: a flipped byte asked for 10.8 GB;
//! its source says "TODO: Apply a limit"). This walks the box tree down to the sample tables,
//! reading only box headers, and refuses a table whose count cannot fit in its own box.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};

/// Boxes whose children are boxes, on the way to the sample tables.
const CONTAINERS: [&[u8; 4]; 6] = [b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts"];
/// Top-level boxes an MP4 file may start with.
const FIRST: [&[u8; 4]; 6] = [b"ftyp", b"moov", b"wide", b"free", b"mdat", b"skip"];

/// Whether the file's first bytes look like an MP4 box.
pub fn looks_like_mp4(head: &[u8]) -> bool {
    head.len() >= 8 && FIRST.iter().any(|t| &head[4..8] == *t)
}

/// `Ok(None)` when the sample tables are consistent (or the file is not MP4 enough to say),
/// `Ok(Some(problem))` when a table claims more entries than its box holds.
pub fn check(file: &mut File) -> io::Result<Option<String>> {
    let len = file.metadata()?.len();
    let found = walk(file, 0, len, 0);
    file.seek(SeekFrom::Start(0))?;
    found
}

fn walk(file: &mut File, start: u64, end: u64, depth: usize) -> io::Result<Option<String>> {
    let mut at = start;
    while at + 8 <= end && depth < 16 {
        file.seek(SeekFrom::Start(at))?;
        let mut h = [0u8; 8];
        file.read_exact(&mut h)?;
        let size32 = u32::from_be_bytes([h[0], h[1], h[2], h[3]]);
        let kind = [h[4], h[5], h[6], h[7]];
        let (header, size) = match size32 {
            0 => (8, end - at),
            1 => {
                let mut big = [0u8; 8];
                file.read_exact(&mut big)?;
                (16, u64::from_be_bytes(big))
            }
            n => (8, u64::from(n)),
        };
        if size < header || at + size > end {
            // A broken box layout: Symphonia reports that itself, without big allocations.
            return Ok(None);
        }
        let body = at + header;
        if CONTAINERS.iter().any(|c| **c == kind) {
            if let Some(p) = walk(file, body, at + size, depth + 1)? {
                return Ok(Some(p));
            }
        } else if let Some(p) = check_table(file, &kind, body, size - header)? {
            return Ok(Some(p));
        }
        at += size;
    }
    Ok(None)
}

/// A sample table's entry count against its size.
fn check_table(file: &mut File, kind: &[u8; 4], body: u64, len: u64) -> io::Result<Option<String>> {
    let entry_bytes: u64 = match kind {
        b"stts" => 8,
        b"stsc" => 12,
        b"stco" => 4,
        b"co64" => 8,
        b"stsz" => 4,
        _ => return Ok(None),
    };
    // version and flags, then (stsz only) the constant sample size, then the count.
    let fixed = if kind == b"stsz" { 12 } else { 8 };
    if len < fixed {
        return Ok(None);
    }
    let mut b = vec![0u8; fixed as usize];
    file.seek(SeekFrom::Start(body))?;
    file.read_exact(&mut b)?;
    let count = u64::from(u32::from_be_bytes(
        b[b.len() - 4..].try_into().unwrap_or([0; 4]),
    ));
    if kind == b"stsz" && b[4..8] != [0, 0, 0, 0] {
        return Ok(None); // one size for every sample: no table follows
    }
    let room = (len - fixed) / entry_bytes;
    Ok((count > room).then(|| {
        format!(
            "its MP4 sample table '{}' claims {count} entries but has room for {room}",
            String::from_utf8_lossy(kind)
        )
    }))
}
