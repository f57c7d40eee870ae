//! Differential test of frontlint's link graph against html-proofer 3.19 (issue 16, "Proof
//! against the real thing").
//!
//! One Ruby process builds every site with Jekyll the way Isomer builds it (its `_config.yml`
//! and every `_*/collection.yml`; the remote theme and the plugins that are not installed left
//! out) with stub layouts that print only the content, and runs html-proofer on each output
//! (`--disable-external --assume-extension`; `proof.rs`, `build_and_proof.rb`). The sites: the
//! fixture in `html_proofer_oracle/site/` (one link of each kind, one of each blind spot, each
//! marked with what html-proofer and frontlint must say) and, when `../shared/sites` is there,
//! the whole Isomer repositories. Each failure is traced back to the source file Jekyll
//! rendered and the place its author wrote the link (`map_back.rs`); then
//! `frontlint links --format json` must report the same links (`compare.rs`), or differ for a
//! reason `differences.rs` names and verifies. Until that command exists, the comparison is
//! skipped visibly and exercised on the fixture's own expectations.
//!
//! Without Ruby, Jekyll or html-proofer the tests print why and pass, unless
//! FRONTLINT_REQUIRE_ORACLE=1. Run with `--nocapture` for the counts, timings and the list of
//! broken links per site.

#[path = "html_proofer_oracle/compare.rs"]
mod compare;
#[path = "html_proofer_oracle/differences.rs"]
mod differences;
#[path = "html_proofer_oracle/host_rules.rs"]
mod host_rules;
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

use compare::{FrontlintLink, compare};
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

#[test]
fn comparison_accepts_only_the_named_differences() {
    let Some(proofs) = proof::proofs() else {
        return;
    };
    let fixture = &proofs[0];
    let mut sources = Sources::new(fixture);
    let mapped = map_site(fixture, &mut sources);
    let markers = markers::markers(&fixture.root);
    // What frontlint must answer on the fixture, from its markers.
    let expected = markers::expected_links(&markers);
    let outcome = compare(fixture, &mapped, &expected, &mut sources);
    assert!(
        outcome.disagreements.is_empty(),
        "the fixture's own expectations disagree:\n{}",
        outcome.disagreements.join("\n")
    );
    let mut named: Vec<&str> = outcome.differences.iter().map(|(d, _)| d.name()).collect();
    let mut marked: Vec<&str> = markers.iter().filter_map(|m| m.differ.as_deref()).collect();
    named.sort_unstable();
    marked.sort_unstable();
    assert_eq!(named, marked, "differences found vs. marked");
    let plain = markers
        .iter()
        .filter(|m| matches!(&m.proofer, Some((_, false))) && m.differ.is_none())
        .count();
    assert_eq!(outcome.agreed, plain);

    // frontlint missing a broken link html-proofer finds is a disagreement.
    let without: Vec<FrontlintLink> = expected
        .iter()
        .filter(|l| l.written != "/nowhere/")
        .cloned()
        .collect();
    let outcome = compare(fixture, &mapped, &without, &mut sources);
    assert_eq!(
        outcome.disagreements.len(),
        1,
        "{:?}",
        outcome.disagreements
    );
    assert!(outcome.disagreements[0].contains("\"/nowhere/\""));

    // So is frontlint reporting a link that leads somewhere.
    let text = std::fs::read_to_string(fixture.root.join("pages/links.md")).expect("fixture");
    let offset = text.find("](/about/)").expect("an ok link") + 2;
    let mut extra = expected.clone();
    extra.push(FrontlintLink {
        line: 1 + text[..offset].matches('\n').count(),
        offset,
        end_offset: offset + "/about/".len(),
        written: "/about/".into(),
        url: Some("/about/".into()),
        status: "broken".into(),
        anchor: None,
        ..expected[0].clone()
    });
    let outcome = compare(fixture, &mapped, &extra, &mut sources);
    assert_eq!(
        outcome.disagreements.len(),
        1,
        "{:?}",
        outcome.disagreements
    );
    assert!(outcome.disagreements[0].contains("\"/about/\""));

    // A redirect is accepted only where a rule of the host catches it.
    let mut unruled = expected.clone();
    let moved = unruled
        .iter_mut()
        .find(|l| l.status == "redirected")
        .expect("the fixture has a redirected link");
    moved.url = Some("/no-rule-for-this/".into());
    let outcome = compare(fixture, &mapped, &unruled, &mut sources);
    assert_eq!(
        outcome.disagreements.len(),
        1,
        "{:?}",
        outcome.disagreements
    );

    // A status the comparison does not know is never taken for an answer.
    let mut unknown = expected;
    unknown[0].status = "fine-probably".into();
    let outcome = compare(fixture, &mapped, &unknown, &mut sources);
    assert!(
        outcome
            .disagreements
            .iter()
            .any(|d| d.contains("unknown status"))
    );
}

#[test]
fn frontlint_links_agree_with_html_proofer() {
    const TEST: &str = "frontlint_links_agree_with_html_proofer";
    let Some(proofs) = proof::proofs() else {
        return;
    };
    let Some(command) = compare::LinksCommand::find() else {
        support::skip(TEST, "`frontlint links` does not exist yet (issue 16)");
        return;
    };
    let mut disagreements = Vec::new();
    for site in proofs {
        let mut sources = Sources::new(site);
        let mapped = map_site(site, &mut sources);
        let links = command.run(&site.root);
        let outcome = compare(site, &mapped, &links, &mut sources);
        eprintln!(
            "html-proofer oracle: {}: html-proofer {} link failures, frontlint {} reported links; {} agree; named differences {:?}",
            site.name(),
            outcome.proofer_failures,
            outcome.frontlint_problems,
            outcome.agreed,
            outcome.classes()
        );
        for (difference, place) in &outcome.differences {
            eprintln!("    {}: {place}", difference.name());
        }
        disagreements.extend(
            outcome
                .disagreements
                .iter()
                .map(|d| format!("{}: {d}", site.name())),
        );
    }
    assert!(
        disagreements.is_empty(),
        "frontlint links and html-proofer disagree ({}):\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}
