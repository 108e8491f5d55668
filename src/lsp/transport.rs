//! JSON-RPC over standard input and output, framed by `Content-Length` headers, with bounds:
//! a header line, a message, and the headers of one message are limited; a message over the
//! limit is skipped unread, a malformed one is reported on standard error (the client's log)
//! and skipped, and the server goes on.

use std::io::{self, BufRead, Read, Write};
use std::thread::JoinHandle;

use crossbeam_channel::{Receiver, Sender};
use lsp_server::{Connection, Message};

/// Largest message read (a document of the size `lint` reads, as JSON, with room to spare).
pub const MAX_MESSAGE_BYTES: u64 = 64 << 20;
/// Longest header line read.
const MAX_HEADER_LINE: u64 = 8 << 10;
/// Most header lines in one message.
const MAX_HEADERS: usize = 32;

/// What reading one frame gave.
#[derive(Debug)]
pub enum Frame {
    /// A message.
    Message(Message),
    /// A frame that was read and dropped, and why.
    Skipped(String),
}

/// Reads the next frame of `input`; `Ok(None)` at the end of the input, `Err` when the framing
/// itself is broken (no way to find the next message).
pub fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut length: Option<u64> = None;
    let mut headers = 0;
    loop {
        let mut line = Vec::new();
        let read = input.by_ref().take(MAX_HEADER_LINE).read_until(b'\n', &mut line)?;
        if read == 0 {
            return if headers == 0 { Ok(None) } else { Err(broken("the input ended inside a message's headers")) };
        }
        if !line.ends_with(b"\n") {
            return Err(broken("a header line is too long or the input ended inside it"));
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if headers == 0 {
                continue;
            }
            break;
        }
        headers += 1;
        if headers > MAX_HEADERS {
            return Err(broken("too many header lines"));
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(broken(&format!("not a header line: {:?}", cut(line))));
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            let value = value.trim();
            length =
                Some(value.parse().map_err(|_| broken(&format!("Content-Length is not a number: {:?}", cut(value))))?);
        }
    }
    let Some(length) = length else { return Err(broken("a message has no Content-Length header")) };
    if length > MAX_MESSAGE_BYTES {
        let skipped = io::copy(&mut input.by_ref().take(length), &mut io::sink())?;
        if skipped < length {
            return Ok(None);
        }
        return Ok(Some(Frame::Skipped(format!(
            "skipped a message of {length} bytes; the limit is {MAX_MESSAGE_BYTES}"
        ))));
    }
    let mut body = Vec::with_capacity(length.min(1 << 20) as usize);
    input.by_ref().take(length).read_to_end(&mut body)?;
    if (body.len() as u64) < length {
        return Ok(None);
    }
    let skipped = |why: String| {
        Frame::Skipped(format!("skipped a malformed message ({why}): {:?}", cut(&String::from_utf8_lossy(&body))))
    };
    // Only a JSON object is a message (serde would read an array as a response's fields).
    let value = match serde_json::from_slice::<serde_json::Value>(&body) {
        Ok(value @ serde_json::Value::Object(_)) => value,
        Ok(_) => return Ok(Some(skipped("not a JSON object".into()))),
        Err(err) => return Ok(Some(skipped(err.to_string()))),
    };
    Ok(Some(match serde_json::from_value::<Message>(value) {
        Ok(message) => Frame::Message(message),
        Err(err) => skipped(err.to_string()),
    }))
}

fn broken(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

/// At most 80 characters of `text`, for messages.
fn cut(text: &str) -> String {
    let mut out: String = text.chars().take(80).collect();
    if out.len() < text.len() {
        out.push_str("...");
    }
    out
}

/// The threads that read standard input and write standard output.
pub struct IoThreads {
    writer: JoinHandle<io::Result<()>>,
}

impl IoThreads {
    /// Waits until every message sent has been written. (The reader is not waited for: it may
    /// be blocked on an input the client keeps open.)
    pub fn join(self) -> io::Result<()> {
        self.writer.join().unwrap_or_else(|_| Err(io::Error::other("the writer thread panicked")))
    }
}

/// A connection over standard input and output.
pub fn stdio() -> (Connection, IoThreads) {
    let (to_server, from_client): (Sender<Message>, Receiver<Message>) = crossbeam_channel::bounded(0);
    let (to_client, from_server): (Sender<Message>, Receiver<Message>) = crossbeam_channel::unbounded();
    std::thread::Builder::new()
        .name("lsp-reader".into())
        .spawn(move || {
            let stdin = io::stdin();
            let mut input = stdin.lock();
            loop {
                match read_frame(&mut input) {
                    Ok(Some(Frame::Message(message))) => {
                        if to_server.send(message).is_err() {
                            break;
                        }
                    }
                    Ok(Some(Frame::Skipped(why))) => eprintln!("skillsmith lsp: {why}"),
                    Ok(None) => break,
                    Err(err) => {
                        eprintln!("skillsmith lsp: cannot read the client's messages: {err}");
                        break;
                    }
                }
            }
        })
        .expect("a thread can be started");
    let writer = std::thread::Builder::new()
        .name("lsp-writer".into())
        .spawn(move || {
            let stdout = io::stdout();
            let mut out = stdout.lock();
            for message in from_server {
                message.write(&mut out)?;
                out.flush()?;
            }
            Ok(())
        })
        .expect("a thread can be started");
    (Connection { sender: to_client, receiver: from_client }, IoThreads { writer })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<String> {
        let mut reader = io::BufReader::new(input);
        let mut out = Vec::new();
        loop {
            match read_frame(&mut reader) {
                Ok(Some(Frame::Message(m))) => out.push(format!("message {}", serde_json::to_string(&m).unwrap())),
                Ok(Some(Frame::Skipped(why))) => {
                    out.push(format!("skipped {}", why.split(' ').take(4).collect::<Vec<_>>().join(" ")))
                }
                Ok(None) => break,
                Err(err) => {
                    out.push(format!("broken {err}"));
                    break;
                }
            }
        }
        out
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn malformed_messages_are_skipped_and_reading_goes_on() {
        let input =
            format!("{}{}{}", frame("{not json"), frame("[1, 2]"), frame(r#"{"jsonrpc":"2.0","method":"exit"}"#));
        let got = frames(input.as_bytes());
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].starts_with("skipped skipped a malformed"), "{got:?}");
        assert!(got[1].starts_with("skipped"), "{got:?}");
        assert!(got[2].contains("\"exit\""), "{got:?}");
    }

    #[test]
    fn a_huge_length_is_skipped_without_allocating_it() {
        let input = format!("Content-Length: {}\r\n\r\n", MAX_MESSAGE_BYTES + 1);
        // The input ends before the announced bytes: the end of input, not an allocation.
        assert!(frames(input.as_bytes()).is_empty());
        let input = "Content-Length: 99999999999999999999999\r\n\r\n";
        assert!(frames(input.as_bytes())[0].starts_with("broken Content-Length is not a number"));
    }

    #[test]
    fn broken_framing_stops_reading() {
        assert!(frames(b"hello\r\n\r\n")[0].starts_with("broken not a header line"));
        assert!(frames(b"X-Other: 1\r\n\r\n{}")[0].starts_with("broken a message has no Content-Length"));
        let long = format!("Content-Length: 1{}", "0".repeat(10_000));
        assert!(frames(long.as_bytes())[0].starts_with("broken a header line is too long"));
    }
}
