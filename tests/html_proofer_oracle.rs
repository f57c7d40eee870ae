//! Differential test of frontlint's link graph against html-proofer 3.19 (issue 16, "Proof
//! against the real thing").
//!
//! One Ruby process builds every site with Jekyll the way Isomer builds it (its `_config.yml`
//! and every `_*/collection.yml`; the remote theme and the plugins that are not installed left
//! out) with stub layouts that print only the content, and runs html-proofer on each output
//! with external links off (`proof.rs`, `build_and_proof.rb`). The sites: the fixture in
//! `html_proofer_oracle/site/` (one link of each kind, one of each blind spot, each marked with
//! what html-proofer and frontlint must say) and, when `../shared/sites` is there, the whole
//! Isomer repositories. Each failure is traced back to the source file Jekyll rendered and the
//! place its author wrote the link (`map_back.rs`).
//!
//! Without Ruby, Jekyll or html-proofer the tests print why and pass, unless
//! FRONTLINT_REQUIRE_ORACLE=1. Run with `--nocapture` for the counts, timings and the list of
//! broken links per site.

#[path = "html_proofer_oracle/kind.rs"]
mod kind;
#[path = "html_proofer_oracle/map_back.rs"]
mod map_back;
#[path = "html_proofer_oracle/markers.rs"]
mod markers;
#[path = "html_proofer_oracle/proof.rs"]
mod proof;
#[path = "html_proofer_oracle/report.rs"]
mod report;
// Shared with the model oracle; its tally is not used here.
#[allow(dead_code)]
#[path = "jekyll_model_oracle/ruby.rs"]
mod ruby;
mod support;

use std::collections::BTreeSet;

use kind::Kind;
use map_back::{Place, Sources, map_site};

/// Broken links the issue names (found by hand): html-proofer must fail each, and the trace
/// must land on the line the author wrote it on.
const FROM_THE_ISSUE: &[(&str, &str, &str, usize)] = &[
    (
        "mse",
        "pages/mse50.md",
        "/resource-room/category/2022-09-15-speech-by-minister-grace-fu-at-mse50-tree-planting/",
        583,
    ),
    ("mse", "_cos/1-cleaner.md", "/cos2021/", 37),
    (
        "mlaw",
        "pages/covid19-relief-faq.md",
        "/covid19-relief/faq/sme-loans",
        13,
    ),
    (
        "mlaw",
        "pages/covid19-relief-forms.md",
        "/files/covid19-forms/form-10.docx",
        28,
    ),
];

#[test]
fn html_proofer_failures_trace_back_to_written_links() {
    let Some(proofs) = proof::proofs() else {
        return;
    };
    let mut traced = 0;
    let mut problems = Vec::new();
    let mut from_the_issue = BTreeSet::new();
    for site in proofs {
        assert!(site.html_files > 0, "{}: nothing built", site.name());
        assert!(
            site.recheck_missed.is_empty(),
            "{}: the re-check of every page is not html-proofer's own check, it misses {:?}",
            site.name(),
            site.recheck_missed
        );
        problems.extend(
            site.every_failure()
                .filter(|(f, _)| Kind::of(f).is_none())
                .map(|(f, _)| {
                    format!("{}: unknown html-proofer message {:?}", site.name(), f.desc)
                }),
        );
        let mut sources = Sources::new(site);
        let mapped = map_site(site, &mut sources);
        report::print(site, &mapped);
        for m in &mapped {
            match m.place {
                Place::Found(_) => traced += 1,
                // Named reasons (see `map_back::Place`), listed by `report::print`.
                Place::Generated | Place::ComputedByLiquid => {}
                Place::NotFound => problems.push(format!(
                    "{}: {} line {:?}: <{}> {:?} is not written in {:?}",
                    site.name(),
                    m.failure.file,
                    m.failure.line,
                    m.failure.tag.as_deref().unwrap_or("?"),
                    m.failure.written,
                    m.source
                )),
            }
        }
        for (name, source, written, line) in FROM_THE_ISSUE {
            let found = mapped.iter().any(|m| {
                m.source == Some(*source)
                    && m.written() == *written
                    && m.occurrences().iter().any(|o| o.line == *line)
            });
            if site.name() == *name && found {
                from_the_issue.insert((*source, *line));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "html-proofer failures not traced to their source:\n{}",
        problems.join("\n")
    );
    assert!(traced > 0, "html-proofer found no link failure to trace");
    for (name, source, written, line) in FROM_THE_ISSUE {
        let present = proofs.iter().any(|s| s.name() == *name);
        assert!(
            !present || from_the_issue.contains(&(*source, *line)),
            "{name}: {source}:{line} {written:?} is not traced there"
        );
    }
}

#[test]
fn html_proofer_blind_spots_on_the_fixture() {
    let Some(proofs) = proof::proofs() else {
        return;
    };
    let fixture = &proofs[0];
    assert_eq!(fixture.root, proof::fixture_root());
    let mut sources = Sources::new(fixture);
    let mapped = map_site(fixture, &mut sources);
    // A computed link is written nowhere: it is placed on line 0.
    let said: BTreeSet<(String, usize, &str, bool)> = mapped
        .iter()
        .flat_map(|m| {
            let source = m.source.unwrap_or("?").to_owned();
            let lines: Vec<usize> = match &m.place {
                Place::ComputedByLiquid => vec![0],
                _ => m.occurrences().iter().map(|o| o.line).collect(),
            };
            lines
                .into_iter()
                .map(move |line| (source.clone(), line, m.kind.name(), m.hidden))
        })
        .collect();
    let markers = markers::markers(&fixture.root);
    let expected: BTreeSet<(String, usize, &str, bool)> = markers
        .iter()
        .filter_map(|m| {
            let (kind, hidden) = m.proofer.as_ref()?;
            let computed = m.differ.as_deref() == Some("computed-by-liquid");
            let line = if computed { 0 } else { m.line };
            Some((m.source.clone(), line, kind.as_str(), *hidden))
        })
        .collect();
    assert!(expected.len() >= 10, "the fixture lost its markers");
    assert_eq!(
        said, expected,
        "html-proofer 3.19 on the fixture (source, line, kind, hidden) differs from its markers"
    );
}
