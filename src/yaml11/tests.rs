//! One test per branch of `ScalarScanner#tokenize` and per quirk, each checked
//! against Ruby 3.1 / Psych 4.0.3 by hand (the differential test in
//! `tests/psych_oracle.rs` checks hundreds more).

use super::*;

fn inspect(text: &str) -> String {
    resolve_plain(text).ruby_inspect()
}

fn kind(text: &str) -> &'static str {
    resolve_plain(text).kind().name()
}

#[test]
fn empty_tilde_and_null_in_any_case_are_nil() {
    for text in ["", "~", "null", "Null", "NULL", "nUlL"] {
        assert_eq!(resolve_plain(text), Resolved::Null, "{text:?}");
    }
    assert_eq!(kind("~~"), "string");
    assert_eq!(kind("nulls"), "string");
}

#[test]
fn booleans_are_yes_true_on_no_false_off_in_any_case() {
    for text in ["yes", "Yes", "YES", "yEs", "true", "TrUe", "on", "oN"] {
        assert_eq!(resolve_plain(text), Resolved::Bool(true), "{text:?}");
    }
    for text in ["no", "No", "NO", "false", "FALSE", "off", "Off", "oFF"] {
        assert_eq!(resolve_plain(text), Resolved::Bool(false), "{text:?}");
    }
    assert_eq!(inspect("No"), "false");
}

#[test]
fn y_and_n_are_strings_in_psych() {
    for text in ["y", "Y", "n", "N", "yes!", "+yes", "t", "f"] {
        assert_eq!(resolve_plain(text), Resolved::Str(text.into()), "{text:?}");
    }
}

#[test]
fn case_folding_is_unicode_aware() {
    assert_eq!(resolve_plain("yeſ"), Resolved::Bool(true));
    assert_eq!(resolve_plain("FALſE"), Resolved::Bool(false));
    assert_eq!(resolve_plain("oﬀ"), Resolved::Bool(false));
    assert_eq!(kind("ﬀ"), "string");
}

#[test]
fn multi_line_words_match_per_line() {
    // `v: on\n\n  no` folds to "on\nno": `^(yes|true|on)$` matches the first line.
    assert_eq!(resolve_plain("on\nno"), Resolved::Bool(true));
    assert_eq!(resolve_plain("~\nno"), Resolved::Bool(false));
    assert_eq!(resolve_plain("yes\n"), Resolved::Bool(true));
    // A line starting with another letter, or an empty line, makes it a String.
    assert_eq!(kind("on\nx"), "string");
    assert_eq!(kind("on\n\nno"), "string");
    // Longer than five characters: always a String.
    assert_eq!(kind("on\nOFF"), "string");
}

#[test]
fn octal_hex_binary_and_separators() {
    assert_eq!(inspect("0755"), "493");
    assert_eq!(inspect("0x_1F"), "31");
    assert_eq!(inspect("0b101"), "5");
    assert_eq!(inspect("1,000"), "1000");
    assert_eq!(inspect("1,2,3"), "123");
    assert_eq!(inspect("-0"), "0");
    assert_eq!(inspect("+12"), "12");
    // Not integers to Psych.
    for text in [
        "0o17", "0X1F", "0B1", "09", "0_9", "1__2", "1_", ",5", "1e3",
    ] {
        assert_eq!(kind(text), "string", "{text:?}");
    }
}

#[test]
fn huge_integers_are_exact() {
    assert_eq!(
        resolve_plain("0x123456789abcdef0123456789"),
        Resolved::Int(RubyInt::Big("90144042682896311822508713865".into()))
    );
    assert_eq!(inspect("-99999999999999999999"), "-99999999999999999999");
}

#[test]
fn floats_need_a_dot_and_a_signed_exponent() {
    assert_eq!(inspect("1.10"), "1.1");
    assert_eq!(inspect("1."), "1.0");
    assert_eq!(inspect("+.5"), "0.5");
    assert_eq!(inspect("1_000.5"), "1000.5");
    assert_eq!(inspect("1.0e+3"), "1000.0");
    assert_eq!(inspect("-.5E-3"), "-0.0005");
    assert_eq!(inspect("1.5e+300"), "1.5e+300");
    assert_eq!(kind("1.0e3"), "string");
    assert_eq!(kind("1.2.3"), "string");
    assert_eq!(kind("1.2_3"), "string");
    for text in [".", "+.", "-."] {
        assert_eq!(kind(text), "string", "{text:?}");
    }
}

#[test]
fn special_floats() {
    assert_eq!(resolve_plain(".inf"), Resolved::Float(f64::INFINITY));
    assert_eq!(resolve_plain("+.INF"), Resolved::Float(f64::INFINITY));
    assert_eq!(resolve_plain("-.Inf"), Resolved::Float(f64::NEG_INFINITY));
    assert!(matches!(resolve_plain(".NaN"), Resolved::Float(f) if f.is_nan()));
    assert_eq!(kind("-.nan"), "string");
    assert_eq!(inspect(".nan"), "NaN");
    assert_eq!(inspect("1.0e+400"), "Infinity");
}

#[test]
fn base_60() {
    assert_eq!(inspect("1:20"), "4800");
    assert_eq!(inspect("12:30"), "45000");
    assert_eq!(inspect("190:20:30"), "685230");
    assert_eq!(inspect("-1:20"), "-2400");
    assert_eq!(inspect("-0:30"), "1800");
    assert_eq!(inspect("1:20.5"), "4830.0");
    assert_eq!(inspect("10:00:00"), "36000");
    for text in ["1:60", "1:1:1:1", "1:2:3.4.5"] {
        assert_eq!(kind(text), "string", "{text:?}");
    }
}

#[test]
fn dates() {
    assert_eq!(
        resolve_plain("2022-07-04"),
        Resolved::Date(YmdDate {
            year: 2022,
            month: 7,
            day: 4
        })
    );
    assert_eq!(inspect("2022-7-4"), "2022-07-04");
    for text in [
        "2022-02-30",
        "2022-13-01",
        "2022-00-01",
        "1582-10-10",
        "22-07-04",
        "2022-07-04x",
    ] {
        assert_eq!(resolve_plain(text), Resolved::Str(text.into()), "{text:?}");
    }
}

#[test]
fn timestamps() {
    let Resolved::Timestamp(t) = resolve_plain("2022-07-04 10:00:00") else {
        panic!("not a timestamp");
    };
    assert_eq!(t.offset_seconds, None);
    assert_eq!((t.hour, t.minute, t.second), (10, 0, 0));
    assert_eq!(
        inspect("2022-07-04T10:00:00+08:00"),
        "2022-07-04 10:00:00 +0800"
    );
    assert_eq!(
        inspect("2022-07-04 10:00:00.25 Z"),
        "2022-07-04 10:00:00.25 UTC"
    );
    assert_eq!(inspect("2022-02-30 10:00:00"), "2022-03-02 10:00:00 UTC");
    // Lowercase z is not a zone: the whole thing stays a String.
    assert_eq!(kind("2022-07-04t10:00:00z"), "string");
    assert_eq!(kind("2022-07-04 25:00:00"), "string");
}

#[test]
fn symbols_break_loading() {
    let smile = resolve_plain(":smile");
    assert_eq!(smile, Resolved::Symbol("smile".into()));
    assert!(smile.breaks_loading());
    assert_eq!(smile.ruby_inspect(), ":smile");
    assert_eq!(resolve_plain(":'a b'"), Resolved::Symbol("a b".into()));
    assert_eq!(
        resolve_plain(r#":"x"y""#),
        Resolved::Symbol(r#"x"y"#.into())
    );
    assert_eq!(resolve_plain(":':a'rest"), Resolved::Symbol("a".into()));
    assert_eq!(resolve_plain("::a"), Resolved::Symbol(":a".into()));
    assert_eq!(resolve_plain(":1"), Resolved::Symbol("1".into()));
    assert_eq!(kind(":"), "string");
}

#[test]
fn unrescued_errors_break_loading() {
    for (text, class, message) in [
        (
            "0b_",
            "ArgumentError",
            r#"invalid value for Integer(): "0b""#,
        ),
        (
            "+0x,",
            "ArgumentError",
            r#"invalid value for Integer(): "+0x""#,
        ),
        (
            ".e+5",
            "ArgumentError",
            r#"invalid value for Float(): "e+5""#,
        ),
        (
            "2022-07-04\t10:00:00",
            "NoMethodError",
            "undefined method `match' for nil:NilClass",
        ),
    ] {
        let resolved = resolve_plain(text);
        assert_eq!(
            resolved,
            Resolved::Error(RubyError {
                class,
                message: message.into()
            }),
            "{text:?}"
        );
        assert!(resolved.breaks_loading());
        assert_eq!(resolved.ruby_class(), class);
    }
}

#[test]
fn word_like_text_never_reaches_the_number_checks() {
    // `+` followed by a letter is word-like; a letter-first string is a String.
    assert_eq!(kind("+inf"), "string");
    assert_eq!(kind("_1"), "string");
    assert_eq!(kind("é"), "string");
    assert_eq!(inspect("Hello \"world\""), r#""Hello \"world\"""#);
}

#[test]
fn kinds_and_classes_have_names() {
    assert_eq!(kind("3"), "integer");
    assert_eq!(kind("3.5"), "float");
    assert_eq!(kind("yes"), "boolean");
    assert_eq!(kind("~"), "null");
    assert_eq!(kind("2022-07-04"), "date");
    assert_eq!(kind("2022-07-04 10:00:00"), "timestamp");
    assert_eq!(kind(":a"), "symbol");
    assert_eq!(kind("0b_"), "error");
    assert_eq!(resolve_plain("no").ruby_class(), "FalseClass");
    assert_eq!(resolve_plain("2022-07-04 1:00:00").ruby_class(), "Time");
    assert!(!resolve_plain("yes").breaks_loading());
}

#[test]
fn string_like_agrees_with_psychs_regex() {
    let regex =
        regex::Regex::new(r"^[^0-9.:\-]?[\p{Alphabetic}_ \t\n\x0B\x0C\r!@#$%^&*(){}<>|/\\~;=]+")
            .unwrap();
    let pieces = [
        "", "a", "1", ".", ":", "-", "é", "中", "_", " ", "\t", "!", "=", "0x1", "+", "?", "🦀",
        "٣", "\u{301}", "~", "\\", ",", "'",
    ];
    for a in pieces {
        for b in pieces {
            for c in ["", "x", "9"] {
                let text = format!("{a}{b}{c}");
                assert_eq!(super::string_like(&text), regex.is_match(&text), "{text:?}");
            }
        }
    }
}
