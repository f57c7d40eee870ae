//! kramdown itself, as Jekyll configures it, for the differential tests: render Markdown
//! documents to HTML in one Ruby process, and read the attributes of a tag in that HTML.

use std::io::Write;
use std::process::{Command, Stdio};

const RUBY: &str = r#"
require 'jekyll'
require 'json'
config = Jekyll::Utils.deep_merge_hashes(Jekyll::Configuration::DEFAULTS, {})
converter = Jekyll::Converters::Markdown::KramdownParser.new(config)
docs = STDIN.read.split("\0", -1)
puts JSON.generate(docs.map { |d| converter.convert(d) })
"#;

/// The HTML Jekyll's kramdown makes of each document, in order; `None` (after saying why on
/// standard error) when Ruby or Jekyll is missing or fails.
pub fn render<S: AsRef<str>>(docs: &[S]) -> Option<Vec<String>> {
    let mut child = Command::new("ruby")
        .arg("-e")
        .arg(RUBY)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    let input: Vec<&str> = docs.iter().map(AsRef::as_ref).collect();
    let input = input.join("\0").into_bytes();
    // A writer thread: Ruby may fill its output pipe before reading all of its input.
    let mut stdin = child.stdin.take()?;
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    if !output.status.success() {
        eprintln!("ruby failed: {}", String::from_utf8_lossy(&output.stderr));
        return None;
    }
    serde_json::from_slice(&output.stdout).ok()
}

/// The `name="value"` attributes of one HTML start tag as kramdown writes them (always
/// double-quoted), entities in values decoded, in order.
pub fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut attrs = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq]
            .rsplit([' ', '<'])
            .next()
            .unwrap_or("")
            .to_string();
        let value_end = rest[eq + 2..].find('"').map_or(rest.len(), |e| eq + 2 + e);
        let value = rest[eq + 2..value_end]
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        attrs.push((name, value));
        rest = &rest[(value_end + 1).min(rest.len())..];
    }
    attrs
}
