//! The scanner stays linear on input that makes kramdown itself quadratic: unclosed openers
//! it retries from every position. Work is measured in scanner steps, not time, so the test
//! does not depend on the machine: doubling the input may at most about double the work.

use frontlint::markdown::{scan, scan_counting};

fn steps(unit: &str, times: usize) -> usize {
    scan_counting(&unit.repeat(times), 0).1
}

fn assert_linear(unit: &str) {
    let small = steps(unit, 2_000).max(1);
    let large = steps(unit, 8_000);
    assert!(
        large <= small * 5,
        "{unit:?}: {small} steps for 2000 copies but {large} for 8000"
    );
}

#[test]
fn pathological_openers_stay_linear() {
    for unit in [
        "[",
        "![",
        "[a](",
        "[a]",
        "[a] ",
        "*a [",
        "**",
        "_a ",
        "`` a ` ",
        "{:",
        "{:x=\"",
        "<a x=\"",
        "<span>",
        "$$ ",
        "~~a ",
        "[a](u \"t ",
        "[a](<u ",
        "\"",
        "(",
        "[[a]]",
        "*[",
        "{target=\"_blank\" ",
        "<https://x ",
    ] {
        assert_linear(unit);
    }
}

#[test]
fn a_hundred_thousand_links_on_one_line() {
    let text = "[a](https://x.y){:target=\"_blank\"} ".repeat(100_000);
    let result = scan(&text, 0);
    assert_eq!(result.links.len(), 100_000);
    assert_eq!(result.ials.len(), 100_000);
    assert!(result.links.iter().all(|l| l.ials.len() == 1));
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    for unit in ["![", "<span>", "[*", "~~a"] {
        let _ = scan(&unit.repeat(100_000), 0);
    }
}
