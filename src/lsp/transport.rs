//! JSON-RPC over a byte stream with LSP's `Content-Length` framing: a reader thread that turns
//! standard input into messages and a writer thread that frames replies onto standard output.
//!
//! Why not `lsp_server::Connection::stdio()`: its reader thread ends at the first message that
//! is not valid JSON-RPC, and the server with it. Here a broken message is answered as JSON-RPC
//! says — `-32700 Parse error` for text that is not JSON, `-32600 Invalid Request` for JSON that
//! is not a message — logged to standard error, and the next message is read as usual. The
//! message types are still `lsp_server`'s.

use std::io::{self, BufRead, Read, Write};
use std::thread::{self, JoinHandle};

use crossbeam_channel::{Receiver, Sender};
use lsp_server::{ErrorCode, Message};
use serde_json::{Value, json};

/// A body larger than this is read and dropped rather than held in memory: no post or
/// protocol message comes near it.
const MAX_BODY: usize = 64 * 1024 * 1024;

/// What the writer thread sends.
#[derive(Debug)]
pub enum Outbound {
    Message(Message),
    /// An error response whose request id is unknown (`"id": null`), which
    /// `lsp_server::Response` cannot express.
    ErrorWithoutId {
        code: ErrorCode,
        message: String,
    },
}

impl From<Message> for Outbound {
    fn from(message: Message) -> Outbound {
        Outbound::Message(message)
    }
}

pub struct Transport {
    /// Well-formed messages from the client; disconnected at end of input or after `exit`.
    pub incoming: Receiver<Message>,
    pub outgoing: Sender<Outbound>,
    pub writer: JoinHandle<()>,
}

/// Start the reader and writer threads over standard input and output.
pub fn stdio() -> Transport {
    spawn(io::BufReader::new(io::stdin()), io::stdout())
}

/// Start the threads over any reader and writer (tests use in-memory ones).
pub fn spawn(
    reader: impl BufRead + Send + 'static,
    writer: impl Write + Send + 'static,
) -> Transport {
    let (out_sender, out_receiver) = crossbeam_channel::unbounded::<Outbound>();
    let (in_sender, in_receiver) = crossbeam_channel::unbounded::<Message>();
    let errors = out_sender.clone();
    let writer = thread::Builder::new()
        .name("lsp-writer".to_owned())
        .spawn(move || write_loop(writer, &out_receiver))
        .expect("spawn the LSP writer thread");
    // The reader is never joined: it may be blocked on a client that keeps its end open after
    // `exit`, and the process ends without it.
    thread::Builder::new()
        .name("lsp-reader".to_owned())
        .spawn(move || read_loop(reader, &in_sender, &errors))
        .expect("spawn the LSP reader thread");
    Transport {
        incoming: in_receiver,
        outgoing: out_sender,
        writer,
    }
}

fn write_loop(mut writer: impl Write, outgoing: &Receiver<Outbound>) {
    for outbound in outgoing {
        let written = match outbound {
            Outbound::Message(message) => message.write(&mut writer),
            Outbound::ErrorWithoutId { code, message } => {
                let body = json!({
                    "jsonrpc": "2.0",
                    "id": null,
                    "error": { "code": code as i32, "message": message },
                });
                write_frame(&mut writer, &body.to_string())
            }
        };
        if let Err(error) = written {
            // The client is gone; nothing more can be said to it.
            eprintln!("frontlint lsp: cannot write to the client: {error}");
            return;
        }
    }
}

fn write_frame(writer: &mut impl Write, body: &str) -> io::Result<()> {
    write!(writer, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    writer.flush()
}

fn read_loop(mut reader: impl BufRead, incoming: &Sender<Message>, errors: &Sender<Outbound>) {
    loop {
        let body = match read_frame(&mut reader) {
            Ok(Frame::Body(body)) => body,
            Ok(Frame::Skipped(reason)) => {
                eprintln!("frontlint lsp: skipped a malformed message: {reason}");
                continue;
            }
            Ok(Frame::End) => return,
            Err(error) => {
                eprintln!("frontlint lsp: cannot read from the client: {error}");
                return;
            }
        };
        match decode(&body) {
            Ok(message) => {
                let is_exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if incoming.send(message).is_err() || is_exit {
                    return;
                }
            }
            Err(rejection) => {
                eprintln!("frontlint lsp: {}", rejection.message);
                let _ = errors.send(rejection.into_outbound());
            }
        }
    }
}

enum Frame {
    Body(Vec<u8>),
    /// A frame that could not be delimited (no or bad `Content-Length`, oversized), consumed.
    Skipped(String),
    End,
}

/// Read one `header\r\n…\r\n\r\nbody` frame. Headers other than `Content-Length` (such as
/// `Content-Type`) are ignored, and a bare `\n` is accepted as a line end.
fn read_frame(reader: &mut impl BufRead) -> io::Result<Frame> {
    let mut length: Result<Option<usize>, String> = Ok(None);
    let mut line = Vec::new();
    let mut saw_header = false;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(Frame::End);
        }
        let text = String::from_utf8_lossy(&line);
        let mut text = text.trim_end_matches(['\r', '\n']);
        // The tail of an undelimited body runs into the next header: start again there.
        if let Some(at) = text
            .to_ascii_lowercase()
            .find("content-length:")
            .filter(|&at| at > 0)
        {
            text = &text[at..];
            length = Ok(None);
        }
        if text.is_empty() {
            if saw_header {
                break;
            }
            // Blank lines between messages: tolerated.
            continue;
        }
        saw_header = true;
        let Some((name, value)) = text.split_once(':') else {
            length = Err(format!("a header line without `:`: {text:?}"));
            continue;
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            length = match (length, value.trim().parse::<usize>()) {
                (Err(earlier), _) => Err(earlier),
                (Ok(_), Ok(n)) => Ok(Some(n)),
                (Ok(_), Err(_)) => Err(format!("Content-Length is not a number: {value:?}")),
            };
        }
    }
    let length = match length {
        Ok(Some(length)) => length,
        Ok(None) => return Ok(Frame::Skipped("no Content-Length header".to_owned())),
        Err(reason) => return Ok(Frame::Skipped(reason)),
    };
    if length > MAX_BODY {
        io::copy(&mut reader.take(length as u64), &mut io::sink())?;
        return Ok(Frame::Skipped(format!(
            "a body of {length} bytes is too large"
        )));
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(Frame::Body(body))
}

/// Why a frame's body is not a message, as the JSON-RPC error to answer with.
struct Rejection {
    code: ErrorCode,
    id: Option<lsp_server::RequestId>,
    message: String,
}

impl Rejection {
    fn into_outbound(self) -> Outbound {
        match self.id {
            Some(id) => Outbound::Message(
                lsp_server::Response::new_err(id, self.code as i32, self.message).into(),
            ),
            None => Outbound::ErrorWithoutId {
                code: self.code,
                message: self.message,
            },
        }
    }
}

fn decode(body: &[u8]) -> Result<Message, Rejection> {
    let value: Value = serde_json::from_slice(body).map_err(|error| Rejection {
        code: ErrorCode::ParseError,
        id: None,
        message: format!("the message is not JSON: {error}"),
    })?;
    // The id, when the message has a usable one, so the error reaches the request it answers.
    let id = value
        .get("id")
        .and_then(|id| serde_json::from_value::<lsp_server::RequestId>(id.clone()).ok());
    if !value.is_object() {
        return Err(Rejection {
            code: ErrorCode::InvalidRequest,
            id: None,
            message: "the message is not a JSON object (batches are not used by LSP)".to_owned(),
        });
    }
    serde_json::from_value::<Message>(value).map_err(|error| Rejection {
        code: ErrorCode::InvalidRequest,
        id,
        message: format!(
            "the message is not a JSON-RPC request, response or notification: {error}"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<Result<Message, (i32, Option<String>)>> {
        let mut reader = io::Cursor::new(input.as_bytes().to_vec());
        let mut out = Vec::new();
        loop {
            match read_frame(&mut reader).unwrap() {
                Frame::Body(body) => out.push(
                    decode(&body).map_err(|r| (r.code as i32, r.id.map(|id| id.to_string()))),
                ),
                Frame::Skipped(_) => out.push(Err((0, None))),
                Frame::End => return out,
            }
        }
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn reads_messages_and_rejects_broken_ones_without_stopping() {
        let input = [
            frame(r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#),
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","id":7}"#),
            frame("[1,2]"),
            "Content-Length: x\r\n\r\n".to_owned(),
            format!(
                "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n{}",
                frame(r#"{"jsonrpc":"2.0","method":"exit"}"#)
            ),
        ]
        .concat();
        let got = frames(&input);
        assert_eq!(got.len(), 6);
        assert!(matches!(&got[0], Ok(Message::Request(r)) if r.method == "initialize"));
        assert_eq!(
            got[1].as_ref().unwrap_err(),
            &(ErrorCode::ParseError as i32, None)
        );
        assert_eq!(
            got[2].as_ref().unwrap_err(),
            &(ErrorCode::InvalidRequest as i32, Some("7".to_owned()))
        );
        assert_eq!(
            got[3].as_ref().unwrap_err(),
            &(ErrorCode::InvalidRequest as i32, None)
        );
        assert_eq!(got[4].as_ref().unwrap_err(), &(0, None));
        assert!(matches!(&got[5], Ok(Message::Notification(n)) if n.method == "exit"));
    }

    #[test]
    fn a_frame_without_length_does_not_swallow_the_next_one() {
        let input = format!(
            "Content-Length: many\r\n\r\n{{\"lost\": true}}{}",
            frame(r#"{"jsonrpc":"2.0","method":"next"}"#)
        );
        let got = frames(&input);
        assert!(got[0].is_err());
        assert!(matches!(&got[1], Ok(Message::Notification(n)) if n.method == "next"));
    }

    #[test]
    fn non_ascii_bodies_are_measured_in_bytes() {
        let body = r#"{"jsonrpc":"2.0","method":"x","params":{"t":"é🦀தமிழ்"}}"#;
        let got = frames(&frame(body));
        assert!(matches!(&got[..], [Ok(Message::Notification(n))] if n.params["t"] == "é🦀தமிழ்"));
    }

    #[test]
    fn error_without_id_is_framed_json_rpc() {
        let mut out = Vec::new();
        let (sender, receiver) = crossbeam_channel::unbounded();
        sender
            .send(Outbound::ErrorWithoutId {
                code: ErrorCode::ParseError,
                message: "bad".to_owned(),
            })
            .unwrap();
        drop(sender);
        write_loop(&mut out, &receiver);
        let text = String::from_utf8(out).unwrap();
        let (header, body) = text.split_once("\r\n\r\n").unwrap();
        assert_eq!(header, format!("Content-Length: {}", body.len()));
        let value: Value = serde_json::from_str(body).unwrap();
        assert_eq!(value["id"], Value::Null);
        assert_eq!(value["error"]["code"], -32700);
    }
}
