//! The link rules' fixes, end to end through `frontlint check --fix`: every attribute list
//! editors break is rewritten the way kramdown reads it, detached lists are attached, broken
//! link syntax is repaired, and what is a guess waits for `--unsafe-fixes`.

mod support;

use support::{frontlint, site};

const FRONT: &str = "---\ntitle: Fixes\nlayout: post\n---\n\n";

const BROKEN: &str = r#"[a](https://www.gov.sg){:target=”_blank”}
[b](https://www.gov.sg){target="_blank"}
[c](https://www.gov.sg){:target=_blank"}
[d](https://www.gov.sg){: target="_blank}
[e](https://www.gov.sg){:target="_blank"rel="noopener"}
[f](https://www.gov.sg) {:target="_blank"}
[g](https://www.gov.sg) {target=“_blank”}
**[h](https://www.gov.sg)**{:target="_blank"}

[i](https://www.gov.sg)
{:target="_blank"}

{:start=“5”}
5. Fifth.

[j] (https://www.gov.sg/j)
[k](https://www.gov.sg/k]
[l]((https://www.gov.sg/l)
**[m]**(/files/m.pdf){:target="_blank"}
[n]](https://www.gov.sg/n)
<a href=“https://www.gov.sg/o” target=”_blank”>o</a>
[p](https:/www.gov.sg/p)
[q](https://www.gov.sg/files/q\_1.pdf)
<a href="mailto: info@example.gov.sg">r</a>
[s](www.gov.sg/s)
[t](https://www.gov.sg){:target="new"}
"#;

const SAFELY_FIXED: &str = r#"[a](https://www.gov.sg){:target="_blank"}
[b](https://www.gov.sg){:target="_blank"}
[c](https://www.gov.sg){:target="_blank"}
[d](https://www.gov.sg){:target="_blank"}
[e](https://www.gov.sg){:target="_blank" rel="noopener"}
[f](https://www.gov.sg){:target="_blank"}
[g](https://www.gov.sg){:target="_blank"}
**[h](https://www.gov.sg){:target="_blank"}**

[i](https://www.gov.sg){:target="_blank"}

{:start="5"}
5. Fifth.

[j](https://www.gov.sg/j)
[k](https://www.gov.sg/k)
[l](https://www.gov.sg/l)
**[m](/files/m.pdf){:target="_blank"}**
[n](https://www.gov.sg/n)
<a href="https://www.gov.sg/o" target="_blank">o</a>
[p](https://www.gov.sg/p)
[q](https://www.gov.sg/files/q_1.pdf)
<a href="mailto:info@example.gov.sg">r</a>
[s](www.gov.sg/s)
[t](https://www.gov.sg){:target="new"}
"#;

#[test]
fn fix_repairs_link_syntax_and_leaves_guesses_alone() {
    let post = format!("{FRONT}{BROKEN}");
    // The file the post links to exists: the test is about link syntax.
    let dir = site(
        "link-fixes",
        &[("_posts/2024-01-01-a.md", &post), ("files/m.pdf", "")],
    );
    let output = frontlint(&dir, &["check", "--fix", "--format", "concise"]);
    let fixed = std::fs::read_to_string(dir.join("_posts/2024-01-01-a.md")).unwrap();
    assert_eq!(fixed, format!("{FRONT}{SAFELY_FIXED}"));
    // What is left needs a person, or --unsafe-fixes: the scheme guess and the window name.
    let stdout = String::from_utf8_lossy(&output.stdout);
    let left: Vec<&str> = stdout
        .lines()
        .map(|l| l.split(": ").nth(1).unwrap_or(""))
        .collect();
    assert_eq!(left.len(), 2, "{stdout}");
    assert!(
        stdout.contains("FL505") && stdout.contains("FL503"),
        "{stdout}"
    );

    // A second run changes nothing.
    frontlint(&dir, &["check", "--fix"]);
    assert_eq!(
        std::fs::read_to_string(dir.join("_posts/2024-01-01-a.md")).unwrap(),
        fixed
    );

    let output = frontlint(&dir, &["check", "--fix", "--unsafe-fixes"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let fixed = std::fs::read_to_string(dir.join("_posts/2024-01-01-a.md")).unwrap();
    assert!(fixed.contains("[s](https://www.gov.sg/s)\n"), "{fixed}");
    assert!(
        fixed.contains("[t](https://www.gov.sg){:target=\"_blank\"}\n"),
        "{fixed}"
    );
}

#[test]
fn unsafe_fixes_apply_the_link_policies() {
    let post = format!(
        "{FRONT}[Other](https://www.mof.gov.sg/)\n[Other, list](https://www.mof.gov.sg/){{:.btn}}\n<a href=\"https://www.mof.gov.sg/\">Other HTML</a>\n[Own](/faq/){{:target=\"_blank\"}}\n[Own, list](/faq/){{:target=\"_blank\" .btn}}\n<a href=\"/faq/\" target=\"_blank\">Own HTML</a>\n[Plain](http://www.mof.gov.sg/x)\n[Own host](https://www.example.gov.sg/about/)\n"
    );
    let dir = site(
        "link-policy-fixes",
        &[
            (
                ".frontlint.yml",
                "extends: isomer\nrules:\n  target-blank-without-noopener: warning\n",
            ),
            ("_config.yml", "url: https://www.example.gov.sg\n"),
            ("_posts/2024-01-01-a.md", &post),
            // The pages it links to exist: the test is about the link policies.
            (
                "faq.md",
                "---\ntitle: FAQ\nlayout: page\npermalink: /faq/\n---\n",
            ),
            (
                "about.md",
                "---\ntitle: About\nlayout: page\npermalink: /about/\n---\n",
            ),
        ],
    );
    // The policies change what the page does: nothing moves without --unsafe-fixes.
    frontlint(&dir, &["check", "--fix"]);
    assert_eq!(
        std::fs::read_to_string(dir.join("_posts/2024-01-01-a.md")).unwrap(),
        post
    );
    let output = frontlint(&dir, &["check", "--fix", "--unsafe-fixes"]);
    let fixed = std::fs::read_to_string(dir.join("_posts/2024-01-01-a.md")).unwrap();
    assert_eq!(
        fixed,
        format!(
            "{FRONT}[Other](https://www.mof.gov.sg/){{:target=\"_blank\" rel=\"noopener\"}}\n[Other, list](https://www.mof.gov.sg/){{:.btn target=\"_blank\" rel=\"noopener\"}}\n<a href=\"https://www.mof.gov.sg/\" target=\"_blank\" rel=\"noopener\">Other HTML</a>\n[Own](/faq/)\n[Own, list](/faq/){{: .btn}}\n<a href=\"/faq/\">Own HTML</a>\n[Plain](https://www.mof.gov.sg/x){{:target=\"_blank\" rel=\"noopener\"}}\n[Own host](https://www.example.gov.sg/about/)\n"
        )
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}
