//! frontlint over the real sites in `../shared/corpora/` (when this checkout sits next to
//! them): it must finish without a panic, and find the real defects we know are there.

mod support;

use std::collections::BTreeSet;

use frontlint::discover::{ConfigCache, discover};
use frontlint::engine::{self, RunOptions};

#[test]
fn lints_every_corpus_file_and_finds_known_defects() {
    let Some(corpora) = support::corpora_dir() else {
        eprintln!("skipped: ../shared/corpora not found");
        return;
    };
    let mut configs = ConfigCache::new(None).unwrap();
    let targets = discover(std::slice::from_ref(&corpora), &mut configs).unwrap();
    assert!(
        targets.len() > 5000,
        "all corpus files are found: {}",
        targets.len()
    );
    let report = engine::run(&targets, RunOptions::default());
    let found: BTreeSet<(String, &str)> = report
        .diagnostics()
        .map(|d| {
            let path = d
                .path
                .rsplit_once("corpora/")
                .map_or(d.path.to_string(), |(_, p)| p.to_owned());
            (path, d.rule)
        })
        .collect();
    // Real defects, each checked by hand against the file.
    let known = [
        // `title` and `date` written twice by a CMS migration.
        (
            "mlaw/news/parliamentary-speeches/_posts/2020-11-02-Second-Reading-Speech-by-2M-Edwin-Tong-on-Apostille-Bill.md",
            "duplicate-key",
        ),
        // An English title left above the Japanese one.
        (
            "ruby-lang/ja/news/_posts/2024-03-21-buffer-overread-cve-2024-27280.md",
            "duplicate-key",
        ),
        // Front matter without its opening `---`: published as text.
        (
            "mse/news/-parliament-Q-&-A/_posts/2022-01-10-written-reply-to-pq-on-cck-town-centre-hawker-centre.md",
            "missing-front-matter",
        ),
        ("mse/images/caw2022/upload.md", "empty-file"),
    ];
    for (path, rule) in known {
        assert!(
            found.contains(&(path.to_owned(), rule)),
            "{rule} not found in {path}"
        );
    }
}
