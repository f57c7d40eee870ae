//! Runs one Ruby process per test: cases go in as JSON through a temp file, answers come
//! back through another (Jekyll's logger writes to stdout, so stdout is not used).

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

/// Every test crate that uses this module has `mod support`.
fn skip(test: &str, why: &str) -> Option<Value> {
    crate::support::skip(test, why);
    None
}

fn temp_path(test: &str, suffix: &str) -> PathBuf {
    std::env::temp_dir().join(format!(
        "frontlint-oracle-{}-{test}-{suffix}.json",
        std::process::id()
    ))
}

/// Runs `script` with `ARGV[0]` = input JSON path and `ARGV[1]` = output JSON path.
/// `None` (after a visible message) when Ruby or the jekyll gem is missing.
pub fn run(test: &str, script: &str, input: &Value) -> Option<Value> {
    match Command::new("ruby")
        .arg("-e")
        .arg("require 'jekyll'")
        .output()
    {
        Err(_) => return skip(test, "ruby not found"),
        Ok(out) if !out.status.success() => return skip(test, "the jekyll gem is not installed"),
        Ok(_) => {}
    }
    let (in_path, out_path) = (temp_path(test, "in"), temp_path(test, "out"));
    std::fs::write(&in_path, serde_json::to_vec(input).expect("json")).expect("write input");
    let prelude = "require 'json'\nrequire 'jekyll'\nINPUT = JSON.parse(File.read(ARGV[0]))\n";
    let output = Command::new("ruby")
        .arg("-e")
        .arg(format!("{prelude}{script}"))
        .arg(&in_path)
        .arg(&out_path)
        .output()
        .expect("ruby runs");
    let _ = std::fs::remove_file(&in_path);
    assert!(
        output.status.success(),
        "{test}: ruby failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&out_path).expect("ruby wrote its answers");
    let _ = std::fs::remove_file(&out_path);
    Some(serde_json::from_str(&text).expect("answers are JSON"))
}

/// Collects disagreements and prints a summary; fails the test when there is any.
#[derive(Default)]
pub struct Tally {
    pub agreed: usize,
    pub unsupported: usize,
    pub mismatches: Vec<String>,
}

impl Tally {
    pub fn check(&mut self, case: &str, ours: &str, theirs: &str) {
        if ours == theirs {
            self.agreed += 1;
        } else {
            self.mismatches
                .push(format!("{case:?}: ours {ours:?}, jekyll {theirs:?}"));
        }
    }

    pub fn finish(self, test: &str) {
        eprintln!(
            "{test}: {} agree with Jekyll, {} unsupported, {} disagree",
            self.agreed,
            self.unsupported,
            self.mismatches.len()
        );
        let shown: Vec<_> = self.mismatches.iter().take(40).collect();
        assert!(
            self.mismatches.is_empty(),
            "{test} disagreements:\n{shown:#?}"
        );
        assert!(self.agreed > 0, "{test}: nothing compared");
    }
}
