//! Embeds the shipped skills: every file under `skills/<name>/` becomes an entry of
//! `$OUT_DIR/shipped_skills.rs`, so `skillsmith install NAME` works from any folder and a new
//! file (a scenario, a reference) is picked up without touching the code.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("skills");
    println!("cargo:rerun-if-changed=skills");
    println!("cargo:rerun-if-changed=build.rs");
    let mut skills: Vec<PathBuf> = match std::fs::read_dir(&root) {
        Ok(entries) => entries.flatten().map(|e| e.path()).filter(|p| p.is_dir() && !hidden(p)).collect(),
        Err(_) => Vec::new(),
    };
    skills.sort();
    let mut out = String::from("/// A file of a shipped skill: its path (with `/`) and bytes.\n");
    out.push_str("pub type ShippedFile = (&'static str, &'static [u8]);\n");
    out.push_str("/// Every shipped skill: its name and files.\n");
    out.push_str("pub static SHIPPED: &[(&str, &[ShippedFile])] = &[\n");
    for skill in &skills {
        let name = skill.file_name().unwrap().to_string_lossy().into_owned();
        let mut files = Vec::new();
        collect(skill, skill, &mut files);
        files.sort();
        writeln!(out, "    ({name:?}, &[").unwrap();
        for (relative, absolute) in files {
            writeln!(out, "        ({relative:?}, include_bytes!({:?})),", absolute.display().to_string()).unwrap();
        }
        out.push_str("    ]),\n");
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("shipped_skills.rs");
    std::fs::write(target, out).unwrap();
}

fn hidden(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

fn collect(base: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if hidden(&path) {
            continue;
        }
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            collect(base, &path, files);
        } else if kind.is_file() {
            let relative: Vec<String> = path
                .strip_prefix(base)
                .unwrap()
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            files.push((relative.join("/"), path));
        }
    }
}
