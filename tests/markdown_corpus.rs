//! Scans every Markdown file of the shared corpora (skipped when they are not there): no
//! panic, spans inside the file on char boundaries, and a summary for judging findings.
//! Run with `--nocapture` to see the counts and samples.

mod support;

use frontlint::markdown::{Effect, Scan, scan};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            markdown_files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "md" || e == "markdown")
        {
            out.push(path);
        }
    }
}

/// The body after Jekyll's front matter, and its offset.
fn body(text: &str) -> (usize, &str) {
    if let Some(rest) = text.strip_prefix("---\n")
        && let Some(end) = rest.find("\n---\n")
    {
        let offset = 4 + end + 5;
        return (offset, &text[offset..]);
    }
    (0, text)
}

fn check_spans(text: &str, scan: &Scan, path: &Path) {
    let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
    for link in &scan.links {
        spans.extend([link.span.clone(), link.text.clone()]);
        spans.extend(link.url.iter().map(|u| u.span.clone()));
    }
    for ial in &scan.ials {
        spans.extend([ial.span.clone(), ial.content.clone()]);
        spans.extend(ial.problems.iter().map(|p| p.span.clone()));
    }
    spans.extend(scan.broken.iter().map(|b| b.span.clone()));
    for s in spans {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "{}: span {s:?} outside the file",
            path.display()
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{}: span {s:?} off a char boundary",
            path.display()
        );
    }
}

#[test]
fn corpora_scan_cleanly() {
    let Some(corpora) = support::corpora_or_skip("corpora_scan_cleanly") else {
        return;
    };
    let mut files = Vec::new();
    markdown_files(&corpora, &mut files);
    assert!(!files.is_empty(), "no Markdown in {}", corpora.display());
    files.sort();
    let (mut links, mut ials, mut malformed, mut broken) = (0, 0, 0, 0);
    let mut samples: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut sample = |kind: String, line: String| {
        let list = samples.entry(kind).or_default();
        if list.len() < 4 {
            list.push(line);
        }
    };
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let (offset, body) = body(&text);
        let scan = scan(body, offset);
        check_spans(&text, &scan, path);
        links += scan.links.len();
        ials += scan.ials.len();
        let name = path
            .strip_prefix(&corpora)
            .unwrap_or(path)
            .display()
            .to_string();
        let line_of = |at: usize| text[..at].matches('\n').count() + 1;
        for ial in &scan.ials {
            let bad = !ial.problems.is_empty()
                || matches!(ial.effect(), Effect::Literal | Effect::Dropped);
            if bad {
                malformed += 1;
            }
            for problem in &ial.problems {
                let kind = format!("ial {:?}", problem.kind)
                    .split('(')
                    .next()
                    .unwrap_or("")
                    .to_string();
                sample(
                    kind,
                    format!(
                        "{name}:{} {}",
                        line_of(ial.span.start),
                        &text[ial.span.clone()]
                    ),
                );
            }
            if ial.problems.is_empty() && bad {
                sample(
                    format!("ial effect {:?} after {:?}", ial.effect(), ial.follows),
                    format!(
                        "{name}:{} {}",
                        line_of(ial.span.start),
                        &text[ial.span.clone()]
                    ),
                );
            }
        }
        for b in &scan.broken {
            broken += 1;
            let kind = format!("broken {:?}", b.kind)
                .split([' ', '{', '('])
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            let shown: String = text[b.span.clone()].chars().take(90).collect();
            sample(kind, format!("{name}:{} {shown}", line_of(b.span.start)));
        }
    }
    eprintln!(
        "corpora: {} files, {links} links, {ials} IALs, {malformed} IALs with problems or no effect, {broken} broken links",
        files.len()
    );
    for (kind, list) in &samples {
        eprintln!("{kind}:");
        for s in list {
            eprintln!("    {s}");
        }
    }
}
