//! `skillsmith lint --watch` driven through a real file change: the first report, an edit,
//! the new report (repository rules included), and a clean exit on SIGINT.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use crate::common;

/// How long to wait for one report (generous: no timing is asserted).
const WAIT: Duration = Duration::from_secs(90);

/// Lines of a child's stream, as they come.
fn lines(stream: impl std::io::Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Gathers lines until one satisfies `done`; returns all of them.
fn until(rx: &Receiver<String>, what: &str, done: impl Fn(&str) -> bool) -> Vec<String> {
    let deadline = Instant::now() + WAIT;
    let mut seen = Vec::new();
    loop {
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(line) => {
                let stop = done(&line);
                seen.push(line);
                if stop {
                    return seen;
                }
            }
            Err(_) => panic!("no {what} within {WAIT:?}; got {seen:?}"),
        }
    }
}

#[test]
#[cfg(unix)]
fn a_file_change_is_linted_again_and_sigint_exits_cleanly() {
    let tmp = common::repo();
    let root = tmp.path();
    let a = common::skill(root, ".claude/skills/alpha", "# Alpha\n\nBody.\n");
    common::skill(root, ".claude/skills/beta", "# Beta\n\nBody.\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_skillsmith"))
        .current_dir(root)
        .args(["lint", "--watch", "--format", "json-lines", ".claude/skills"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = lines(child.stdout.take().unwrap());
    let err = lines(child.stderr.take().unwrap());

    let first = until(&err, "first report", |l| l.contains("watching for changes"));
    assert!(first.last().unwrap().contains("2 skills linted"), "{first:?}");
    // Nothing is wrong yet: no finding was printed.
    let printed: Vec<String> = out.try_iter().collect();
    assert!(printed.iter().all(|l| !l.contains("\"code\":\"SK4")), "{printed:?}");

    // alpha now names a file it does not have, and takes beta's name (a repository rule).
    let text = std::fs::read_to_string(&a)
        .unwrap()
        .replace("name: alpha", "name: beta")
        .replace("Body.", "See references/gone.md.");
    std::fs::write(&a, text).unwrap();
    let second = until(&err, "second report", |l| l.contains("linted again"));
    assert!(second.last().unwrap().contains("of 2 skills linted again"), "{second:?}");
    // The report reaches standard output before the status line reaches standard error, but
    // the two are read by two threads: wait for the findings themselves.
    let has = |lines: &[String], path: &str, code: &str| {
        lines.iter().any(|l| l.contains(path) && l.contains(&format!("\"code\":\"{code}\"")))
    };
    let mut printed: Vec<String> = Vec::new();
    let deadline = Instant::now() + WAIT;
    // alpha's missing file, and the duplicate name found in beta too, though only alpha was
    // read again.
    while !(has(&printed, "alpha/SKILL.md", "SK400") && has(&printed, "beta/SKILL.md", "SK600")) {
        match out.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(line) => printed.push(line),
            Err(_) => panic!("the second report lacks SK400 in alpha or SK600 in beta: {printed:?}"),
        }
    }

    // SIGINT stops watching: exit code 0.
    let pid = child.id() as libc::pid_t;
    // SAFETY: sends a signal to the child this test started and still owns.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "lint --watch did not stop on SIGINT");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(status.code(), Some(0), "{status:?}");
    let rest: Vec<String> = err.try_iter().collect();
    assert!(rest.iter().any(|l| l.contains("stopped watching")), "{rest:?}");
}
