//! SARIF 2.1.0 (OASIS), for GitHub code scanning, Azure DevOps and SARIF viewers. One run:
//! `tool.driver` describes frontlint and the rules that fired (id = code, with the rule's doc
//! as help), and each diagnostic is a `result` with its location, related locations, fix and
//! fingerprint. A test validates the output against the official schema.
//!
//! Positions: lines and columns are 1-based and `endColumn` is exclusive (the column after
//! the region), exactly like ours. SARIF has no default column unit — §3.14.27 requires
//! `run.columnKind` whenever there are results — so we state `unicodeCodePoints`: our columns
//! count Unicode scalar values (a Rust `char`), which are code points.
//!
//! Paths: `artifactLocation.uri` is relative to `%SRCROOT%`, the base folder (the working
//! directory), given in `originalUriBaseIds`; a file outside it gets an absolute `file://` URI.
//!
//! Fixes: a SARIF `fix` (§3.55) is a set of `artifactChange`s (§3.56), each a non-empty list
//! of `replacement`s of regions in an existing artifact; nothing in 2.1.0 creates, deletes or
//! moves a file. A fix that renames the file (and any edits that go with it) is therefore left
//! out of `fixes`: offering only its edits would be half a fix. The result's message still
//! carries the help text that names the new file name.
//!
//! Help URIs are `RuleMeta::doc_url`: the rule's doc in the repository at the tag of the
//! running version (the language server links the same page).

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::engine::{FileReport, Report};
use crate::registry::{self, RuleMeta};
use crate::source::{Position, Source};

use super::ReportOptions;
use super::fingerprint::fingerprints;
use super::levels::sarif_level;
use super::paths::PathBase;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");
const SRCROOT: &str = "%SRCROOT%";
/// The key of our fingerprint in `result.fingerprints`; the version changes if the scheme does.
const FINGERPRINT_KEY: &str = "frontlint/v1";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    original_uri_base_ids: BTreeMap<&'static str, BaseUri>,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct BaseUri {
    uri: String,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

/// A `reportingDescriptor`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    help_uri: String,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: &'static str,
    markdown: &'static str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix<'a>>,
    fingerprints: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize, Clone)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

/// A text region by line and column, or — when the file's text was not kept, so lines cannot
/// be found — by byte offset (§3.30.2 allows either for a text artifact).
#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct Region {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_offset: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_length: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix<'a> {
    description: Text,
    artifact_changes: [ArtifactChange<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: InsertedContent<'a>,
}

#[derive(Serialize)]
struct InsertedContent<'a> {
    text: &'a str,
}

pub fn write(report: &Report, options: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let paths = &options.paths;
    let rules = fired_rules(report);
    let mut fingerprints = fingerprints(report, paths).into_iter();
    let mut results = Vec::new();
    for file in &report.files {
        for diagnostic in &file.diagnostics {
            let fingerprint = fingerprints.next().unwrap_or_default();
            results.push(result(file, diagnostic, &rules, paths, fingerprint));
        }
    }
    let original_uri_base_ids = paths
        .base_uri()
        .map(|uri| (SRCROOT, BaseUri { uri }))
        .into_iter()
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "frontlint",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: REPOSITORY,
                    rules: rules.iter().map(|rule| descriptor(rule)).collect(),
                },
            },
            original_uri_base_ids,
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// The registry entries of the rules that reported something, by code: `ruleIndex` points
/// into this list. Listing only these keeps the log small and stable as rules are added.
fn fired_rules(report: &Report) -> Vec<&'static RuleMeta> {
    let mut rules: Vec<&'static RuleMeta> = Vec::new();
    for diagnostic in report.diagnostics() {
        if rules.iter().all(|rule| rule.code != diagnostic.code)
            && let Some(rule) = registry::find(diagnostic.code)
        {
            rules.push(rule);
        }
    }
    rules.sort_by_key(|rule| rule.code);
    rules
}

fn descriptor(rule: &'static RuleMeta) -> Rule {
    let body = rule.doc_body().trim();
    Rule {
        id: rule.code,
        name: rule.name,
        short_description: Text {
            text: rule.summary().to_owned(),
        },
        full_description: Text {
            text: what_it_does(body).unwrap_or_else(|| rule.summary().to_owned()),
        },
        help: Help {
            text: body,
            markdown: body,
        },
        help_uri: rule.doc_url(),
        default_configuration: Configuration {
            level: sarif_level(rule.default_severity),
        },
    }
}

/// The doc's "What it does" section as one paragraph of plain text.
fn what_it_does(body: &str) -> Option<String> {
    let section = body.split("## What it does").nth(1)?;
    let section = section.split("\n## ").next()?;
    let text = section.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

fn result<'a>(
    file: &FileReport,
    d: &'a Diagnostic,
    rules: &[&'static RuleMeta],
    paths: &PathBase,
    fingerprint: String,
) -> SarifResult<'a> {
    let source = file.source.as_ref();
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related_locations = d
        .related
        .iter()
        .map(|related| {
            // The source we have is the diagnostic's file; another file's end is unknown.
            let same_file = related.path == d.path;
            let start = Position {
                line: related.line,
                column: related.column,
            };
            Location {
                physical_location: PhysicalLocation {
                    artifact_location: artifact(paths, &related.path),
                    region: region(start, source.filter(|_| same_file), related.range.clone()),
                },
                message: Some(Text {
                    text: related.message.clone(),
                }),
            }
        })
        .collect();
    let fixes = d
        .fix
        .iter()
        // See the module comment: SARIF cannot move a file, and half a fix is no fix.
        .filter(|fix| fix.rename.is_none())
        .map(|fix| Fix {
            description: Text {
                text: fix.title.clone(),
            },
            artifact_changes: [ArtifactChange {
                artifact_location: artifact(paths, &d.path),
                replacements: fix
                    .edits
                    .iter()
                    .map(|edit| Replacement {
                        deleted_region: edit_region(source, edit.range.clone()),
                        inserted_content: InsertedContent {
                            text: &edit.replacement,
                        },
                    })
                    .collect(),
            }],
        })
        .collect();
    SarifResult {
        rule_id: d.code,
        rule_index: rules
            .iter()
            .position(|rule| rule.code == d.code)
            .unwrap_or_default(),
        level: sarif_level(d.severity),
        message: Text { text: message },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: artifact(paths, &d.path),
                region: Region {
                    start_line: Some(d.start.line),
                    start_column: Some(d.start.column),
                    end_line: Some(d.end.line),
                    end_column: Some(d.end.column),
                    ..Region::default()
                },
            },
            message: None,
        }],
        related_locations,
        fixes,
        fingerprints: BTreeMap::from([(FINGERPRINT_KEY, fingerprint)]),
    }
}

fn artifact(paths: &PathBase, display: &str) -> ArtifactLocation {
    let located = paths.locate(display);
    ArtifactLocation {
        uri: located.uri(),
        uri_base_id: located.is_relative().then_some(SRCROOT),
    }
}

/// A region from a known start; the end comes from the source when we have it.
fn region(start: Position, source: Option<&Source>, range: Range<usize>) -> Region {
    let end = source.map(|source| source.position(range.end));
    Region {
        start_line: Some(start.line),
        start_column: Some(start.column),
        end_line: end.map(|end| end.line),
        end_column: end.map(|end| end.column),
        ..Region::default()
    }
}

/// The region a fix edit replaces: lines and columns from the source, or bytes without it.
fn edit_region(source: Option<&Source>, range: Range<usize>) -> Region {
    match source {
        Some(source) => {
            let start = source.position(range.start);
            region(start, Some(source), range)
        }
        None => Region {
            byte_offset: Some(range.start),
            byte_length: Some(range.len()),
            ..Region::default()
        },
    }
}
