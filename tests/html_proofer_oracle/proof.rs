//! The html-proofer side: build every site and proof it in one Ruby process
//! (`build_and_proof.rb`), once per test binary, and read what html-proofer said.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::json;

use crate::ruby;
use crate::support;

const BUILD_AND_PROOF_RB: &str = include_str!("build_and_proof.rb");

/// One site, built and proofed.
#[derive(Debug, Deserialize)]
pub struct SiteProof {
    pub root: PathBuf,
    /// The site's `url`: its own host.
    pub url: Option<String>,
    /// Measured by the Ruby side, printed, never asserted.
    pub build_seconds: f64,
    pub proof_seconds: f64,
    /// CPU time of both (the machine may be shared: wall time says little).
    pub cpu_seconds: f64,
    /// How many HTML files html-proofer read.
    pub html_files: usize,
    /// Output file (relative to the destination) → source file (relative to the root).
    pub outputs: BTreeMap<String, String>,
    /// What html-proofer 3.19 reports, one record per file, line and message.
    pub failures: Vec<Failure>,
    /// What its own fragment check finds when every file's links are checked, and the runner
    /// does not report (see `FrontlintEveryInternalLink` in the Ruby script).
    pub hidden_by_fragment_bug: Vec<Failure>,
    /// Reported fragment failures the re-check did not find (must be none).
    pub recheck_missed: Vec<Failure>,
}

/// One html-proofer issue.
#[derive(Debug, Clone, Deserialize)]
pub struct Failure {
    /// The output file, relative to the destination.
    pub file: String,
    /// The line in the output file.
    pub line: Option<u32>,
    /// html-proofer's message.
    pub desc: String,
    /// The element (`a`, `img`, `link`, `source`, `script`).
    pub tag: Option<String>,
    /// The href/src/srcset attribute as the HTML holds it (entities decoded).
    pub written: Option<String>,
    /// Whether the file the link leads to exists in the build.
    pub target_exists: Option<bool>,
}

impl SiteProof {
    pub fn name(&self) -> String {
        self.root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Every failure: the reported ones, then the hidden ones (`true`).
    pub fn every_failure(&self) -> impl Iterator<Item = (&Failure, bool)> {
        let reported = self.failures.iter().map(|f| (f, false));
        reported.chain(self.hidden_by_fragment_bug.iter().map(|f| (f, true)))
    }
}

/// The small site next to this module, with one case of each blind spot.
pub fn fixture_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/html_proofer_oracle/site")
}

/// Every site built and proofed, computed once for all the tests of this binary: the fixture
/// first, then the real repositories. `None` after a visible skip when Ruby, Jekyll or
/// html-proofer is missing.
pub fn proofs() -> Option<&'static [SiteProof]> {
    // A failed build is kept as its message: every test fails with it, and none runs the
    // minute-long build again (a panic inside `get_or_init` would leave it to the next test).
    static PROOFS: OnceLock<Result<Option<Vec<SiteProof>>, String>> = OnceLock::new();
    let proofs = PROOFS.get_or_init(|| {
        std::panic::catch_unwind(build_and_proof).map_err(|panic| {
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default()
        })
    });
    match proofs {
        Ok(proofs) => proofs.as_deref(),
        Err(message) => panic!("building and proofing the sites failed: {message}"),
    }
}

fn build_and_proof() -> Option<Vec<SiteProof>> {
    const TEST: &str = "html_proofer_oracle";
    let has_proofer = Command::new("ruby")
        .args(["-e", "require 'html-proofer'"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_proofer {
        support::skip(
            TEST,
            "html-proofer is not installed (apt-get install ruby-html-proofer)",
        );
        return None;
    }
    let mut roots = vec![fixture_root()];
    let real = support::real_sites();
    if real.is_empty() {
        support::skip(
            "html_proofer_oracle (real repositories)",
            "the shared sites are not there (../shared/sites, or $FRONTLINT_SITES)",
        );
    }
    roots.extend(real);
    // Jekyll writes each site here; the sources are only read.
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-proofer-oracle");
    let sites: Vec<_> = roots
        .iter()
        .enumerate()
        .map(|(index, root)| {
            let name = root.file_name().expect("named").to_string_lossy();
            let destination = out.join(format!("{index}-{name}"));
            json!({ "root": root, "destination": destination })
        })
        .collect();
    let answers = ruby::run(TEST, BUILD_AND_PROOF_RB, &json!({ "sites": sites }))?;
    Some(serde_json::from_value(answers).expect("the Ruby side answers SiteProofs"))
}
