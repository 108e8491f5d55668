//! The floor of `bench/run.sh`: the least any SKILL.md linter must do. It walks the given
//! folders on one thread (same filters as `skillsmith lint`), reads every SKILL.md and parses
//! it with pulldown-cmark (same options), and does nothing else.
//!
//! Run: `cargo bench --bench floor -- DIR...`

use std::time::Instant;

use ignore::WalkBuilder;
use pulldown_cmark::{Options, Parser};

fn main() {
    let dirs: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    if dirs.is_empty() {
        eprintln!("usage: floor DIR...");
        std::process::exit(2);
    }
    let start = Instant::now();
    let mut builder = WalkBuilder::new(&dirs[0]);
    for dir in &dirs[1..] {
        builder.add(dir);
    }
    builder.hidden(false).git_global(false).follow_links(true).threads(1);
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let (mut files, mut bytes, mut events) = (0usize, 0usize, 0usize);
    for entry in builder.build().flatten() {
        if !entry.file_name().eq_ignore_ascii_case("SKILL.md") || !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(entry.path()) else { continue };
        files += 1;
        bytes += text.len();
        events += Parser::new_ext(&text, options).into_offset_iter().count();
    }
    println!("floor: {files} files, {bytes} bytes, {events} events in {:.3} s", start.elapsed().as_secs_f64());
}
