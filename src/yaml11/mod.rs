//! How Jekyll reads one plain (unquoted, untagged) YAML scalar.
//!
//! Jekyll 4.3 loads front matter with `Psych.safe_load(yaml, permitted_classes:
//! [Date, Time], aliases: true)` (`Jekyll::Utils.safe_load_yaml`). libyaml hands
//! every scalar to Psych's `ToRuby` visitor; a quoted scalar stays a String and a
//! tagged one follows its tag (both handled by the caller), and every other one
//! goes through `Psych::ScalarScanner#tokenize` — YAML 1.1 resolution as Psych
//! implements it, quirks included. This module is that method, check for check.
//! The specification is `psych/scalar_scanner.rb` of Psych 4.0.3 (Ruby 3.1);
//! comments name the branch each rule comes from.
//!
//! `resolve_plain` takes the scalar's value as libyaml delivers it (lines already
//! folded, so a multi-line plain scalar contains `\n` only where the source has
//! an empty line).

mod bignum;
mod inspect;
mod number;
mod quote;
mod time;

pub use number::RubyInt;
pub use quote::{quote_for_humans, quote_for_yaml};
pub use time::{Timestamp, YmdDate};

use regex::Regex;
use std::sync::LazyLock;

/// What Psych makes of one plain (unquoted) scalar.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolved {
    /// `nil`: empty, `~`, `null` in any letter case.
    Null,
    Bool(bool),
    Int(RubyInt),
    Float(f64),
    Date(YmdDate),
    Timestamp(Timestamp),
    /// `:name` makes a Symbol, which `safe_load` rejects (`Psych::DisallowedClass`):
    /// the whole front matter fails to load. Holds the symbol's name.
    Symbol(String),
    /// Psych raises an exception it does not rescue while converting the scalar
    /// (`0b_`, `.e+5`, a tab between date and time): the whole front matter fails
    /// to load.
    Error(RubyError),
    /// Psych keeps the text as a String (holds a copy of it).
    Str(String),
}

/// An exception Ruby raises while Psych converts a scalar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RubyError {
    /// The Ruby exception class, e.g. `ArgumentError`.
    pub class: &'static str,
    /// The first line of the exception message, as Ruby words it.
    pub message: String,
}

/// The kind of value, for messages ("is read as a boolean").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScalarKind {
    Null,
    Bool,
    Int,
    Float,
    Date,
    Timestamp,
    Symbol,
    Error,
    Str,
}

impl ScalarKind {
    /// A plain-English name: "null", "boolean", "integer", "float", "date",
    /// "timestamp", "symbol", "error", "string".
    pub fn name(self) -> &'static str {
        match self {
            ScalarKind::Null => "null",
            ScalarKind::Bool => "boolean",
            ScalarKind::Int => "integer",
            ScalarKind::Float => "float",
            ScalarKind::Date => "date",
            ScalarKind::Timestamp => "timestamp",
            ScalarKind::Symbol => "symbol",
            ScalarKind::Error => "error",
            ScalarKind::Str => "string",
        }
    }
}

impl Resolved {
    pub fn kind(&self) -> ScalarKind {
        match self {
            Resolved::Null => ScalarKind::Null,
            Resolved::Bool(_) => ScalarKind::Bool,
            Resolved::Int(_) => ScalarKind::Int,
            Resolved::Float(_) => ScalarKind::Float,
            Resolved::Date(_) => ScalarKind::Date,
            Resolved::Timestamp(_) => ScalarKind::Timestamp,
            Resolved::Symbol(_) => ScalarKind::Symbol,
            Resolved::Error(_) => ScalarKind::Error,
            Resolved::Str(_) => ScalarKind::Str,
        }
    }

    /// The Ruby class of the value (or of the exception), e.g. `FalseClass`, `Time`.
    pub fn ruby_class(&self) -> &'static str {
        match self {
            Resolved::Null => "NilClass",
            Resolved::Bool(true) => "TrueClass",
            Resolved::Bool(false) => "FalseClass",
            Resolved::Int(_) => "Integer",
            Resolved::Float(_) => "Float",
            Resolved::Date(_) => "Date",
            Resolved::Timestamp(_) => "Time",
            Resolved::Symbol(_) => "Symbol",
            Resolved::Error(e) => e.class,
            Resolved::Str(_) => "String",
        }
    }

    /// True when Jekyll cannot load the front matter at all because of this scalar.
    pub fn breaks_loading(&self) -> bool {
        matches!(self, Resolved::Symbol(_) | Resolved::Error(_))
    }

    /// How Ruby's `p` shows the value: `false`, `493`, `1.1`, `nil`, `"text"`,
    /// `:smile`, `2022-07-04 10:00:00 UTC`. Two deliberate differences: a Date is
    /// shown as `2022-07-04` (its `to_s`, not `#<Date: ...>`), and a timestamp
    /// without a zone is shown in UTC, where Ruby uses the local zone.
    /// Errors show as `#<ArgumentError: message>`.
    pub fn ruby_inspect(&self) -> String {
        match self {
            Resolved::Null => "nil".into(),
            Resolved::Bool(b) => b.to_string(),
            Resolved::Int(n) => n.to_string(),
            Resolved::Float(f) => inspect::inspect_float(*f),
            Resolved::Date(d) => d.to_string(),
            Resolved::Timestamp(t) => t.ruby_inspect(),
            Resolved::Symbol(name) => inspect::inspect_symbol(name),
            Resolved::Error(e) => format!("#<{}: {}>", e.class, e.message),
            Resolved::Str(text) => inspect::inspect_string(text),
        }
    }
}

/// The regexes of `ScalarScanner`, in Rust syntax. Ruby's `\d` and `\s` are
/// ASCII-only, so they are spelled `[0-9]` and `[ \t\n\x0B\x0C\r]` here. Ruby's
/// `^`/`$` are line anchors, but only strings without `\n` reach them.
fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

/// tokenize, first check: "a String type, being careful not to get caught by
/// hash keys, hex values, and special floats":
/// `/^[^\d.:-]?[[:alpha:]_\s!@#$%\^&*(){}<>|\/\\~;=]+/` (a prefix match).
/// By hand rather than as a regex: the Unicode class costs milliseconds to compile, and a
/// one-file run (pre-commit, an editor) would pay them every time.
fn string_like(text: &str) -> bool {
    // `[[:alpha:]]` is Unicode's Alphabetic property, as `char::is_alphabetic`.
    let in_class =
        |c: char| c.is_alphabetic() || "_ \t\n\x0B\x0C\r!@#$%^&*(){}<>|/\\~;=".contains(c);
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    // `X?Y+` at the start: either the first character is the optional one and the second
    // starts the run, or the run starts at the first.
    let optional = !matches!(first, '0'..='9' | '.' | ':' | '-');
    (optional && chars.next().is_some_and(in_class)) || in_class(first)
}

/// `TIME`, "taken from http://yaml.org/type/timestamp.html".
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^-?[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t\x0B\x0C\r]+)",
        r"[0-9]{1,2}:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?",
        r"(?:[ \t\x0B\x0C\r]*(?:Z|[-+][0-9]{1,2}:?(?:[0-9][0-9])?))?$",
    ))
});

/// tokenize, date check: `/^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$/`.
static DATE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[0-9]{4}-(?:1[012]|0[0-9]|[0-9])-(?:[12][0-9]|3[01]|0[0-9]|[0-9])$"));

/// `/^\+?\.inf$/i`, `/^-\.inf$/i`, `/^\.nan$/i`: any letter case (`.iNf`).
static POSITIVE_INFINITY: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?i-u:\+?\.inf)$"));
static NEGATIVE_INFINITY: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?i-u:-\.inf)$"));
static NOT_A_NUMBER: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?i-u:\.nan)$"));

/// tokenize, base-60 integer: `/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}$/`.
static SEXAGESIMAL_INT: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}$"));

/// tokenize, base-60 float: `/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}\.[0-9_]*$/`.
static SEXAGESIMAL_FLOAT: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}\.[0-9_]*$"));

/// `FLOAT`: a dot is required, an exponent needs a sign (`1.0e3` is a String).
static FLOAT: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?$"));

/// `INTEGER`: base 2, 8 (leading 0), 10, 16; `,` and `_` anywhere after the
/// prefix, but in base 10 only singly between digits (`1__2` is a String).
static INTEGER: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^(?:[-+]?0b[01_,]+",
        r"|[-+]?0[0-7_,]+",
        r"|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)",
        r"|[-+]?0x[0-9a-fA-F_,]+)$",
    ))
});

/// What Psych makes of one plain (unquoted) scalar: `ScalarScanner#tokenize`.
pub fn resolve_plain(text: &str) -> Resolved {
    // `return nil if string.empty?`
    if text.is_empty() {
        return Resolved::Null;
    }
    let string = || Resolved::Str(text.to_owned());
    // Anything word-like or multi-line: null, a boolean, or a String.
    if text.contains('\n') || string_like(text) {
        return resolve_word(text).unwrap_or_else(string);
    }
    if TIME.is_match(text) {
        // `parse_time` with `rescue ArgumentError` → the String.
        return match time::parse_time(text) {
            Ok(Some(timestamp)) => Resolved::Timestamp(timestamp),
            Ok(None) => string(),
            Err(error) => Resolved::Error(error),
        };
    }
    if DATE.is_match(text) {
        // `Date.strptime(string, '%Y-%m-%d')` with `rescue ArgumentError` → the String.
        return time::parse_date(text).map_or_else(string, Resolved::Date);
    }
    if POSITIVE_INFINITY.is_match(text) {
        return Resolved::Float(f64::INFINITY);
    }
    if NEGATIVE_INFINITY.is_match(text) {
        return Resolved::Float(f64::NEG_INFINITY);
    }
    if NOT_A_NUMBER.is_match(text) {
        return Resolved::Float(f64::NAN);
    }
    // `/^:./`: a Symbol (any character after the colon, `:1` and `::` too).
    if let Some(rest) = text.strip_prefix(':').filter(|rest| !rest.is_empty()) {
        return Resolved::Symbol(symbol_name(rest));
    }
    if SEXAGESIMAL_INT.is_match(text) {
        return Resolved::Int(number::sexagesimal_int(text));
    }
    if SEXAGESIMAL_FLOAT.is_match(text) {
        return Resolved::Float(number::sexagesimal_float(text));
    }
    if FLOAT.is_match(text) {
        // `/\A[-+]?\.\Z/`: a lone dot (with a sign) stays a String.
        if matches!(text, "." | "+." | "-.") {
            return string();
        }
        return number::parse_float(text).map_or_else(Resolved::Error, Resolved::Float);
    }
    if INTEGER.is_match(text) {
        return number::parse_int(text).map_or_else(Resolved::Error, Resolved::Int);
    }
    string()
}

/// The first branch of tokenize, for word-like or multi-line text; `None` means
/// the String.
///
/// ```ruby
/// return string if string.length > 5
/// if string.match?(/^[^ytonf~]/i) then string
/// elsif string == '~' || string.match?(/^null$/i) then nil
/// elsif string.match?(/^(yes|true|on)$/i) then true
/// elsif string.match?(/^(no|false|off)$/i) then false
/// ```
///
/// Quirks: every letter case counts (`nUlL`, `yEs`, `oFF`); `y`/`n` are Strings;
/// Ruby's `^`/`$` match at every line, so the short multi-line scalar `on\nno`
/// (written with an empty line between) is `true`; and `/i` uses Unicode case
/// folding, so `yeſ` (long s) is `true` and `oﬀ` (the ﬀ ligature) is `false`.
fn resolve_word(text: &str) -> Option<Resolved> {
    if text.chars().count() > 5 {
        return None;
    }
    // `/^[^ytonf~]/i`: some line starts with another character (an empty line
    // starts with `\n`, which is another character).
    let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
    let mut first_chars = line_starts.filter_map(|i| text[i..].chars().next());
    if first_chars.any(|c| !"ytonfYTONF~".contains(c)) {
        return None;
    }
    if text == "~" {
        return Some(Resolved::Null);
    }
    let some_line_is = |words: &[&str]| {
        text.split('\n')
            .any(|line| words.contains(&fold_case(line).as_str()))
    };
    if some_line_is(&["null"]) {
        Some(Resolved::Null)
    } else if some_line_is(&["yes", "true", "on"]) {
        Some(Resolved::Bool(true))
    } else if some_line_is(&["no", "false", "off"]) {
        Some(Resolved::Bool(false))
    } else {
        None
    }
}

/// Onigmo's case-insensitive matching folds the subject with Unicode case
/// folding, multi-character folds included. Only the folds that produce ASCII
/// letters can matter for the ASCII words above.
fn fold_case(line: &str) -> String {
    let mut folded = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            'ſ' => folded.push('s'),
            'K' => folded.push('k'), // KELVIN SIGN
            'ß' | 'ẞ' => folded.push_str("ss"),
            'ﬀ' => folded.push_str("ff"),
            'ﬁ' => folded.push_str("fi"),
            'ﬂ' => folded.push_str("fl"),
            'ﬃ' => folded.push_str("ffi"),
            'ﬄ' => folded.push_str("ffl"),
            'ﬅ' | 'ﬆ' => folded.push_str("st"),
            c => folded.push(c.to_ascii_lowercase()),
        }
    }
    folded
}

/// The symbol's name: `/^:(["'])(.*)\1/` takes what lies between the quote after
/// the colon and the *last* matching quote (the rest is dropped), else the text
/// after the colon; then `.sub(/^:/, '')` removes one more leading colon.
fn symbol_name(after_colon: &str) -> String {
    let quoted = after_colon
        .chars()
        .next()
        .filter(|q| matches!(q, '"' | '\''))
        .and_then(|q| {
            let inner = &after_colon[1..];
            inner.rfind(q).map(|end| &inner[..end])
        });
    match quoted {
        Some(inner) => inner.strip_prefix(':').unwrap_or(inner).to_owned(),
        None => after_colon.to_owned(),
    }
}

#[cfg(test)]
mod tests;
