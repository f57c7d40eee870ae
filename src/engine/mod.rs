//! Runs the rules: every file in parallel (fixing it first when asked), then the site-wide
//! rules once per site, then suppressions, then sorts. The library's entry points for the CLI,
//! stdin and the language server.

mod consult;
mod site_fixes;
mod site_wide;

use foldhash::{HashMap, HashMapExt};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::atomic_write::write_atomically;
use crate::config::{Config, FileSchema};
use crate::diagnostic::{Diagnostic, Finding, RelatedLocation, Severity};
use crate::fix::{self, FixMode};
use crate::post::Post;
use crate::rename_file::rename_no_clobber;
use crate::rule::Context;
use crate::rules::{unknown_field, unused_suppression};
use crate::site::DocFacts;
use crate::site::cache::{SiteCache, Stamp};

use crate::site::index::IndexedDoc;
use crate::source::Source;
use crate::suppress::Suppressions;
use consult::{config_key, consult_target, load_caches, store_caches};

/// The rule that reports suppressions that suppress nothing.
const UNUSED_SUPPRESSION: &str = "FL904";
/// The rule whose near-misses the summaries of reported files carry.
const UNKNOWN_FIELD: &str = "FL207";

/// One file to lint: where to read it, how to show its path, and the config that applies.
#[derive(Clone)]
pub struct Target {
    pub path: PathBuf,
    /// The path as the user gave it (relative stays relative).
    pub display: String,
    /// The path relative to the config's site root, `/`-separated.
    pub site_path: String,
    pub config: Arc<Config>,
    /// Report on this file. `false`: it is only read so that site-wide rules can compare the
    /// reported files with it (a run that names a few files of a site).
    pub reported: bool,
    /// Lint it only if it starts with front matter: a post, draft or collection document that
    /// is not Markdown is a document for Jekyll only then (else a file it copies as is).
    pub needs_front_matter: bool,
    /// Why it cannot be read at all, when that is known before reading (a path behind a
    /// folder that cannot be searched).
    pub unreadable: Option<Arc<str>>,
    /// It is a folder the walk could not list (the reason).
    pub unlisted_folder: Option<Arc<str>>,
}

impl Target {
    /// Is this a file to lint? Only a file that needs front matter can fail: it is then read
    /// up to its first line, as Jekyll's `has_yaml_header?` does.
    pub fn is_document(&self) -> bool {
        !self.needs_front_matter || crate::site::facts::file_has_yaml_header(&self.path)
    }
}

/// The diagnostics of one file, with its source when a reporter needs to show it.
pub struct FileReport {
    pub path: Arc<str>,
    pub source: Option<Source>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Default)]
pub struct Report {
    /// Only the files that have diagnostics, sorted by path.
    pub files: Vec<FileReport>,
    pub files_checked: usize,
    pub elapsed: Duration,
    /// What `--fix` / `--diff` did, per changed file, sorted by path.
    pub fixes: Vec<FileFix>,
}

/// The fixes applied (or, with `--diff`, proposed) to one file.
pub struct FileFix {
    /// The file's path before any rename.
    pub path: Arc<str>,
    /// Number of fixes applied.
    pub applied: usize,
    /// The unified diff, when fixes are shown instead of written.
    pub diff: Option<String>,
    /// Why the fixed text could not be written (or the file renamed), if it could not.
    pub write_error: Option<String>,
    /// The file's new path, when a fix renamed it (with `--diff`: would rename it).
    pub renamed_to: Option<Arc<str>>,
    /// Paths a fix wanted to rename the file to that another file already has.
    pub refused_renames: Vec<Arc<str>>,
    /// The text before and after the fixes, for the site-wide rules' fixes to build on.
    pub texts: Option<Box<FixTexts>>,
}

/// A file's text before any fix, and after the fixes so far.
pub struct FixTexts {
    pub before: Arc<str>,
    pub after: Arc<str>,
}

impl Report {
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.files.iter().flat_map(|file| file.diagnostics.iter())
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics()
            .filter(|d| d.severity == severity)
            .count()
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct RunOptions {
    /// Keep each file's text with its diagnostics (the pretty reporter shows snippets).
    pub keep_sources: bool,
    /// Apply fixes (`--fix`) or show them (`--diff`).
    pub fix: Option<FixRequest>,
    /// Read and write the site index cache (`site::cache`) for site-wide rules.
    pub cache: bool,
    /// The process ends soon after this run: the site's file summaries (one per file, each
    /// holding several strings) are left to the exit instead of being freed one by one,
    /// which was 7% of a pre-commit run's instructions.
    pub exit_after: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct FixRequest {
    pub mode: FixMode,
    /// Write the fixed files (`--fix`), or only show diffs (`--diff`).
    pub write: bool,
}

/// What linting one file leaves for the site-wide pass. One is kept per file of the site
/// until the end of the run, so the parts most files lack are boxed: a site of 20,000 posts
/// keeps 20,000 of these.
struct Linted {
    report: Option<Box<FileReport>>,
    fix: Option<Box<FileFix>>,
    doc: IndexedDoc,
    /// The file's size and time as read, when its summary may be cached.
    stamp: Option<Stamp>,
    /// The summary is the site index cache's, unchanged.
    from_cache: bool,
    /// Only for files with suppression comments (rare): site-wide diagnostics may still be
    /// suppressed, and unused comments are reported once everything is known.
    suppressions: Option<Box<(Suppressions, Source)>>,
    /// Not a file to lint after all (see `Target::is_document`).
    skipped: bool,
}

/// A target that turned out not to be a document: nothing to report. A collection's file
/// without front matter is copied to the site as it is (links may lead to it); a file in
/// `_posts/` without front matter that is not Markdown is not.
fn not_a_document(target: &Target) -> Linted {
    let post = Post::new(
        Source::new(target.display.as_str(), ""),
        target.site_path.clone(),
        None,
    );
    let mut facts = DocFacts::outside();
    if let Some(source) = target.config.source_path(&target.site_path) {
        let role = crate::jekyll::reader::source_role(&target.config.site.config, &source);
        if matches!(role, crate::jekyll::reader::SourceRole::Document { .. }) {
            facts.kind = crate::site::DocKind::StaticFile;
        }
        facts.source_path = Some(source);
    }
    Linted {
        report: None,
        fix: None,
        doc: IndexedDoc::new(&post, &facts, target.path.clone(), false),
        stamp: None,
        from_cache: false,
        suppressions: None,
        skipped: true,
    }
}

/// Lint every target in parallel, then run the site-wide rules once per site.
pub fn run(targets: &[Target], options: RunOptions) -> Report {
    let started = Instant::now();
    let caches = if options.cache {
        load_caches(targets)
    } else {
        HashMap::new()
    };
    let linted: Vec<Linted> = targets
        .par_iter()
        .map(|target| match (target.is_document(), target.reported) {
            (false, _) => not_a_document(target),
            (true, true) => lint_target(target, options, &caches),
            (true, false) => consult_target(target, caches.get(&config_key(&target.config))),
        })
        .collect();
    let files_checked = targets
        .iter()
        .zip(&linted)
        .filter(|(target, linted)| target.reported && !linted.skipped)
        .count();
    if options.cache {
        store_caches(targets, &linted, caches);
    }
    let mut files = Vec::new();
    let mut fixes = Vec::new();
    let mut docs = Vec::with_capacity(linted.len());
    let mut suppressed: HashMap<Arc<str>, (Suppressions, Source, &Config)> = HashMap::new();
    for (linted, target) in linted.into_iter().zip(targets) {
        files.extend(linted.report.map(|report| *report));
        fixes.extend(linted.fix.map(|fix| *fix));
        if let Some((suppressions, source)) = linted.suppressions.map(|boxed| *boxed) {
            suppressed.insert(
                linted.doc.path.clone(),
                (suppressions, source, &target.config),
            );
        }
        docs.push(linted.doc);
    }
    // Where each file is, to show the lines of files that only site-wide rules report on, and
    // to apply their fixes.
    let on_disk: HashMap<Arc<str>, PathBuf> = if options.keep_sources || options.fix.is_some() {
        docs.iter()
            .map(|doc| (doc.path.clone(), doc.file.clone()))
            .collect()
    } else {
        HashMap::new()
    };
    let mut site_diagnostics = site_wide::site_wide(targets, docs, options.exit_after);
    site_diagnostics.retain_mut(
        |(diagnostic, _)| match suppressed.get_mut(&diagnostic.path) {
            Some((suppressions, _, _)) => !suppressions.suppresses(diagnostic),
            None => true,
        },
    );
    if let Some(request) = options.fix {
        site_fixes::apply(&mut site_diagnostics, &mut fixes, request, &on_disk);
    }
    site_wide::merge_site_diagnostics(&mut files, site_diagnostics, &on_disk, options);
    report_unused_suppressions(&mut files, suppressed, options);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    fixes.sort_by(|a, b| a.path.cmp(&b.path));
    Report {
        files,
        files_checked,
        elapsed: started.elapsed(),
        fixes,
    }
}

/// Lint one file, fixing it first when asked. A file whose bytes are not exactly its text
/// (invalid UTF-8, UTF-16) is never fixed.
fn lint_target(target: &Target, options: RunOptions, caches: &HashMap<usize, SiteCache>) -> Linted {
    // Taken before reading: a change made while the file is read shows as a new stamp.
    let stamp = caches
        .contains_key(&config_key(&target.config))
        .then(|| Stamp::of(&target.path))
        .flatten();
    let mut post = read_post(target);
    let mut fix = None;
    let mut file = target.path.clone();
    if let Some(request) = options.fix.filter(|_| post.read_problem.is_none()) {
        let (fixed, file_fix) = fix_target(target, post, request);
        if let Some(name) = fixed.renamed.as_ref().filter(|_| request.write) {
            file = target.path.with_file_name(name);
        }
        post = fixed.post;
        fix = file_fix;
    }
    let facts = facts_for(&post, &target.config);
    // With fixes the summary is of the fixed text, not of the file as stamped: not cached.
    let stamp = stamp.filter(|_| options.fix.is_none() && !facts.depends_on_the_clock());
    // The schema once for both: matching a path against every collection glob is not free.
    let schema = target.config.schema_for(&post.site_path);
    let mut diagnostics = check_post_with(&post, &target.config, &facts, &schema);
    let mut suppressions = post.suppressions().clone();
    suppressions.filter(&mut diagnostics);
    let doc = summarise_with(&post, &facts, &target.config, &schema, file);
    let suppressions =
        (!suppressions.is_empty()).then(|| Box::new((suppressions, post.source.clone())));
    let report = (!diagnostics.is_empty()).then(|| {
        Box::new(FileReport {
            path: post.source.path.clone(),
            source: options.keep_sources.then_some(post.source),
            diagnostics,
        })
    });
    Linted {
        report,
        fix: fix.map(Box::new),
        doc,
        stamp,
        from_cache: false,
        suppressions,
        skipped: false,
    }
}

/// Fix one file: in memory, then (`--fix`) write the text atomically and rename the file
/// without replacing another, or (`--diff`) describe it. The post returned is what is on
/// disk afterwards (or would be), under its final name.
fn fix_target(target: &Target, post: Post, request: FixRequest) -> (fix::Fixed, Option<FileFix>) {
    let original = post.source.text.clone();
    let folder = target.path.parent().map(std::path::Path::to_path_buf);
    let free = |name: &str| {
        let candidate = folder
            .as_deref()
            .map_or_else(|| PathBuf::from(name), |f| f.join(name));
        std::fs::symlink_metadata(candidate).is_err()
    };
    let mut fixed =
        fix::fix_until_stable_with(post, &target.config, request.mode, fix::Renames::To(&free));
    let refused_renames: Vec<Arc<str>> = fixed
        .refused_renames
        .iter()
        .map(|name| Arc::from(fix::renamed_path(&target.display, name)))
        .collect();
    if fixed.applied == 0 && refused_renames.is_empty() {
        return (fixed, None);
    }
    let mut renamed_to: Option<Arc<str>> = fixed
        .renamed
        .as_ref()
        .map(|name| Arc::from(fix::renamed_path(&target.display, name)));
    let text_changed = *fixed.post.source.text != *original;
    let mut diff = None;
    let mut write_error = None;
    let mut refused_renames = refused_renames;
    if request.write {
        if text_changed {
            let text = &fixed.post.source.text;
            write_error = write_atomically(&target.path, |out| out.write_all(text.as_bytes()))
                .err()
                .map(|e| e.to_string());
        }
        if let Some(name) = fixed.renamed.clone() {
            // Renamed only once the text is safely written.
            let renamed = match &write_error {
                Some(_) => Err(None),
                None => rename_no_clobber(&target.path, &target.path.with_file_name(&name))
                    .map_err(Some),
            };
            if let Err(error) = renamed {
                let new_path = renamed_to.take().expect("a rename has a path");
                match error {
                    Some(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                        refused_renames.push(new_path);
                    }
                    Some(error) => {
                        write_error = Some(format!("cannot rename it to {new_path}: {error}"));
                    }
                    None => {}
                }
                // The file stays where it is, with whatever text it has: lint it under its
                // old name.
                let source = Source::new(target.display.as_str(), fixed.post.source.text.clone());
                fixed.post = Post::new(source, target.site_path.clone(), None);
                fixed.renamed = None;
                fixed.applied = fixed.applied.saturating_sub(1);
            }
        }
    } else {
        diff = Some(match &renamed_to {
            Some(new_path) => fix::rename_diff(
                &target.display,
                new_path,
                &original,
                &fixed.post.source.text,
            ),
            None => fix::unified_diff(&target.display, &original, &fixed.post.source.text),
        })
        .filter(|_| fixed.applied > 0);
    }
    let texts = Some(Box::new(FixTexts {
        before: original.clone(),
        after: fixed.post.source.text.clone(),
    }));
    let file_fix = FileFix {
        path: Arc::from(target.display.as_str()),
        applied: fixed.applied,
        diff,
        write_error,
        renamed_to,
        refused_renames,
        texts,
    };
    (fixed, Some(file_fix))
}

/// Once every rule ran (site-wide ones included): the suppression comments that suppressed
/// nothing.
fn report_unused_suppressions(
    files: &mut Vec<FileReport>,
    suppressed: HashMap<Arc<str>, (Suppressions, Source, &Config)>,
    options: RunOptions,
) {
    for (path, (suppressions, source, config)) in suppressed {
        let unused = unused_diagnostics(&suppressions, &source, config);
        if unused.is_empty() {
            continue;
        }
        match files.iter_mut().find(|file| file.path == path) {
            Some(file) => {
                file.diagnostics.extend(unused);
                file.diagnostics
                    .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            }
            None => files.push(FileReport {
                path,
                source: options.keep_sources.then_some(source),
                diagnostics: unused,
            }),
        }
    }
}

fn unused_diagnostics(
    suppressions: &Suppressions,
    source: &Source,
    config: &Config,
) -> Vec<Diagnostic> {
    let Some(active) = config.rules.get(UNUSED_SUPPRESSION) else {
        return Vec::new();
    };
    unused_suppression::unused_findings(suppressions, &source.text, config)
        .into_iter()
        .map(|finding| {
            place(
                source,
                active.meta.code,
                active.meta.name,
                active.severity,
                finding,
            )
        })
        .collect()
}

/// Lint a post that is one of `site_docs`, the summaries of its site's files (its own up to
/// date): its per-post rules, what the site-wide rules find in it, and its suppressions, as
/// `run` lints each file. For the language server, which keeps the summaries between edits.
pub fn lint_in_site(
    post: &Post,
    config: &Config,
    facts: &DocFacts,
    site_docs: &[IndexedDoc],
) -> Vec<Diagnostic> {
    let mut diagnostics = check_post(post, config, facts);
    diagnostics.extend(
        site_wide::check_site(config, site_docs)
            .into_iter()
            .map(|(diagnostic, _)| diagnostic)
            .filter(|diagnostic| diagnostic.path == post.source.path),
    );
    let mut suppressions = post.suppressions().clone();
    if !suppressions.is_empty() {
        suppressions.filter(&mut diagnostics);
        diagnostics.extend(unused_diagnostics(&suppressions, &post.source, config));
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
    diagnostics
}

/// Read a target into a post; a file that cannot be read becomes a post with that problem.
pub fn read_post(target: &Target) -> Post {
    if let Some(reason) = &target.unlisted_folder {
        let reason = reason.to_string();
        return Post::unreadable_folder(&target.display, target.site_path.clone(), reason);
    }
    if let Some(reason) = &target.unreadable {
        return Post::unreadable(
            &target.display,
            target.site_path.clone(),
            reason.to_string(),
        );
    }
    match read_file(&target.path) {
        Ok(bytes) => Post::from_bytes(&target.display, target.site_path.clone(), bytes),
        Err(reason) => Post::unreadable(&target.display, target.site_path.clone(), reason),
    }
}

/// Files larger than this are not Markdown posts anyone edits; reading them would only cost
/// memory (`--fix` would hold two copies).
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// Read a file's bytes, refusing what is not a regular file (a FIFO would block forever, a
/// device never ends) and what is absurdly large.
fn read_file(path: &std::path::Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    // Look before opening: opening a FIFO for reading blocks until someone writes to it.
    let metadata = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !metadata.is_file() {
        return Err("it is not a regular file".to_owned());
    }
    if metadata.len() > MAX_FILE_SIZE {
        return Err(format!(
            "it is {} MiB; frontlint skips files over {} MiB",
            metadata.len() / (1024 * 1024),
            MAX_FILE_SIZE / (1024 * 1024)
        ));
    }
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // `take`: a file that grows while being read still stops at the limit.
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// The site-wide rules' summary of a reported file (see `IndexedDoc`), with what only
/// reported files need.
pub fn summarise(post: &Post, facts: &DocFacts, config: &Config, file: PathBuf) -> IndexedDoc {
    let schema = config.schema_for(&post.site_path);
    summarise_with(post, facts, config, &schema, file)
}

fn summarise_with(
    post: &Post,
    facts: &DocFacts,
    config: &Config,
    schema: &FileSchema,
    file: PathBuf,
) -> IndexedDoc {
    let mut doc = with_links(
        IndexedDoc::new(post, facts, file, true),
        post,
        facts,
        config,
        schema,
    );
    if config.rules.get(UNKNOWN_FIELD).is_some() {
        doc = doc.with_near_misses(unknown_field::near_misses(post, schema));
    }
    doc
}

/// The file's links and its page's IDs, when a rule of the link graph is on.
pub(crate) fn with_links(
    doc: IndexedDoc,
    post: &Post,
    facts: &DocFacts,
    config: &Config,
    schema: &FileSchema,
) -> IndexedDoc {
    if !crate::rules::LINK_GRAPH_RULES
        .iter()
        .any(|code| config.rules.get(code).is_some())
    {
        return doc;
    }
    let links = crate::links::extract::judged(crate::links::extract::links_of(
        post,
        facts,
        &config.site,
        schema,
    ));
    let ids = (facts.is_markdown && facts.built().is_some())
        .then(|| crate::markdown::page_ids(post.markdown(), &config.site.config.header_ids))
        .flatten();
    doc.with_links(links, ids)
}

/// Lint text that is not (or not yet) on disk, as if it were at `display` / `site_path`.
pub fn lint_text(
    display: &str,
    site_path: &str,
    text: &str,
    config: &Config,
) -> (Post, Vec<Diagnostic>) {
    let post = Post::new(Source::new(display, text), site_path.to_owned(), None);
    let diagnostics = lint_post(&post, config);
    (post, diagnostics)
}

/// Everything the rules say about one post alone, suppressions applied (unused ones
/// reported); sorted. The site-wide rules see only this post: comparing it with the rest of
/// its site takes the whole site (see `run`).
pub fn lint_post(post: &Post, config: &Config) -> Vec<Diagnostic> {
    let facts = facts_for(post, config);
    let mut diagnostics = check_post(post, config, &facts);
    let alone = [summarise(post, &facts, config, PathBuf::new())];
    diagnostics.extend(
        site_wide::check_site(config, &alone)
            .into_iter()
            .map(|(diagnostic, _)| diagnostic)
            .filter(|diagnostic| diagnostic.path == post.source.path),
    );
    let mut suppressions = post.suppressions().clone();
    if !suppressions.is_empty() {
        suppressions.filter(&mut diagnostics);
        diagnostics.extend(unused_diagnostics(&suppressions, &post.source, config));
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics
}

/// What Jekyll makes of a post under this config's site.
pub fn facts_for(post: &Post, config: &Config) -> DocFacts {
    DocFacts::compute(
        post,
        &config.site,
        config.source_path(&post.site_path).as_deref(),
    )
}

/// Run every active per-file rule on one post whose facts are known; no suppressions.
pub fn check_post(post: &Post, config: &Config, facts: &DocFacts) -> Vec<Diagnostic> {
    check_post_with(post, config, facts, &config.schema_for(&post.site_path))
}

/// [`check_post`] with the post's schema already known.
fn check_post_with(
    post: &Post,
    config: &Config,
    facts: &DocFacts,
    schema: &FileSchema,
) -> Vec<Diagnostic> {
    let cx = Context {
        post,
        schema,
        site: &config.site,
        facts,
    };
    let mut diagnostics = Vec::new();
    let mut findings = Vec::new();
    for active in &config.rules.active {
        active.rule.check(&cx, &mut findings);
        for finding in findings.drain(..) {
            diagnostics.push(place(
                &post.source,
                active.meta.code,
                active.meta.name,
                active.severity,
                finding,
            ));
        }
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics
}

/// Turn a rule's finding into a diagnostic with positions.
fn place(
    source: &Source,
    code: &'static str,
    rule: &'static str,
    severity: Severity,
    finding: Finding,
) -> Diagnostic {
    let related = finding
        .related
        .into_iter()
        .map(|related| {
            let position = source.position(related.range.start);
            RelatedLocation {
                path: related.path.unwrap_or_else(|| source.path.clone()),
                range: related.range,
                line: position.line,
                column: position.column,
                message: related.message,
            }
        })
        .collect();
    Diagnostic {
        path: source.path.clone(),
        start: source.position(finding.range.start),
        end: source.position(finding.range.end),
        range: finding.range,
        code,
        rule,
        severity,
        message: finding.message,
        help: finding.help,
        related,
        fix: finding.fix,
    }
}
