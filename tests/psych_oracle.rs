//! Differential test: `yaml11::resolve_plain` and `quote_for_yaml` against the
//! real thing, Ruby's Psych as Jekyll calls it.
//!
//! One Ruby process loads every case as `v: <case>` with `Psych.safe_load(yaml,
//! permitted_classes: [Date, Time], aliases: true)` and prints what it got; the
//! test asserts that `resolve_plain` agrees on class, value and `inspect` for
//! every case that libyaml reads as one plain scalar, and that Psych reads
//! `quote_for_yaml(case)` back as exactly the case, in block and flow context.

mod support;

use frontlint::yaml11::{Resolved, quote_for_yaml, resolve_plain};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashSet};
use std::process::Command;

/// Ruby runs in a POSIX zone whose offset has seconds (UTC-03:17:13), which no
/// YAML timestamp can spell: a Time with this offset is one Psych built with
/// `Time.at`, i.e. one written without a zone.
const ODD_LOCAL_ZONE: &str = "FLX+3:17:13";
const ODD_LOCAL_OFFSET: i64 = -(3 * 3600 + 17 * 60 + 13);

const ORACLE: &str = r##"
require "json"
require "date"
require "psych"
$VERBOSE = nil # Float("1.0e+400") warns "out of range"

LOAD = ->(yaml, classes) { Psych.safe_load(yaml, permitted_classes: classes, aliases: true) }

def fraction_digits(r)
  digits = +""
  while r != 0
    r *= 10
    d = r.floor
    digits << d.to_s
    r -= d
  end
  digits
end

def classify(v, local_offset)
  case v
  when nil then { "kind" => "null" }
  when true, false then { "kind" => "bool", "value" => v }
  when Integer then { "kind" => "int", "value" => v.to_s }
  when Float then { "kind" => "float", "bits" => [v].pack("G").unpack1("H*"), "nan" => v.nan? }
  when Date then { "kind" => "date", "value" => [v.year, v.month, v.day], "inspect" => v.to_s }
  when Time
    local = !v.utc? && v.utc_offset == local_offset
    u = local ? v.getutc : v
    { "kind" => "time",
      "fields" => [u.year, u.month, u.day, u.hour, u.min, u.sec, u.nsec],
      "fraction" => fraction_digits(v.subsec), "unix" => v.to_i,
      "zone" => local ? "none" : (v.utc? ? "Z" : v.utc_offset), "inspect" => u.inspect }
  when String then { "kind" => "str", "value" => v }
  else { "kind" => "other", "class" => v.class.name }
  end
end

def resolve(s, local_offset)
  yaml = "v: " + s.gsub("\n", "\n\n  ")
  root = Psych.parse(yaml).root
  node = root.children[1] if root.is_a?(Psych::Nodes::Mapping) && root.children.size == 2
  unless node.is_a?(Psych::Nodes::Scalar) && node.style == Psych::Nodes::Scalar::PLAIN &&
         node.tag.nil? && node.value == s
    return { "kind" => "skip", "why" => "not one plain scalar" }
  end
  begin
    v = LOAD.(yaml, [Date, Time])["v"]
    classify(v, local_offset).merge("inspect" => v.inspect) { |_, mine, _| mine }
  rescue Psych::DisallowedClass => e
    raise unless e.message.include?("Symbol")
    sym = LOAD.(yaml, [Date, Time, Symbol])["v"]
    { "kind" => "symbol", "value" => sym.to_s, "inspect" => sym.inspect }
  rescue Psych::SyntaxError => e
    { "kind" => "skip", "why" => e.message }
  rescue StandardError => e
    message = e.message.lines.first.chomp
    { "kind" => "error", "class" => e.class.name, "message" => message,
      "inspect" => "#<#{e.class}: #{message}>" }
  end
rescue Psych::SyntaxError => e
  { "kind" => "skip", "why" => e.message }
end

def round_trip(s, quoted)
  { "block" => "v: #{quoted}", "flow" => "v: [#{quoted}]" }.to_h do |context, yaml|
    got = begin
      v = LOAD.(yaml, [Date, Time])["v"]
      context == "flow" && v.is_a?(Array) && v.size == 1 ? v[0] : v
    rescue Exception => e
      "#<#{e.class}: #{e.message}>"
    end
    [context, got.is_a?(String) && got == s ? "ok" : got.inspect]
  end
end

local_offset = Integer(ARGV[1])
JSON.parse(File.read(ARGV[0])).each do |item|
  s = item.fetch("s")
  puts JSON.generate("r" => resolve(s, local_offset), "rt" => round_trip(s, item.fetch("q")))
end
"##;

#[test]
fn psych_agrees_with_resolve_plain_and_quote_for_yaml() {
    if !support::ruby_available("psych_agrees_with_resolve_plain_and_quote_for_yaml") {
        return;
    }
    let cases = cases();
    assert!(cases.len() >= 400, "only {} cases", cases.len());
    let answers = run_oracle(&cases);
    assert_eq!(answers.len(), cases.len(), "one answer per case");

    let mut agreed: BTreeMap<String, usize> = BTreeMap::new();
    let mut skipped = 0;
    let mut failures = Vec::new();
    for (case, answer) in cases.iter().zip(&answers) {
        let ruby = &answer["r"];
        let kind = ruby["kind"].as_str().unwrap_or("?");
        if kind == "skip" {
            skipped += 1;
        } else {
            match compare(case, ruby) {
                Ok(()) => *agreed.entry(kind.to_owned()).or_default() += 1,
                Err(why) => failures.push(format!("resolve {case:?}: {why}")),
            }
        }
        for context in ["block", "flow"] {
            let verdict = &answer["rt"][context];
            if verdict != "ok" {
                let quoted = quote_for_yaml(case);
                failures.push(format!(
                    "round trip {case:?} as {quoted} ({context}): Psych read {verdict}"
                ));
            }
        }
    }
    let compared: usize = agreed.values().sum();
    eprintln!(
        "psych oracle: {} cases, {compared} plain scalars agree {agreed:?}, {skipped} not plain (skipped), \
         {} round trips checked, {} failures",
        cases.len(),
        cases.len() * 2,
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(compared >= 400, "only {compared} cases were compared");
}

/// Writes the cases to a temporary JSON file and runs the Ruby oracle once.
fn run_oracle(cases: &[String]) -> Vec<Value> {
    let items: Vec<Value> = cases
        .iter()
        .map(|s| json!({ "s": s, "q": quote_for_yaml(s) }))
        .collect();
    let path = std::env::temp_dir().join(format!(
        "frontlint-psych-oracle-{}.json",
        std::process::id()
    ));
    std::fs::write(&path, serde_json::to_vec(&items).expect("json")).expect("write cases");
    let output = Command::new("ruby")
        .args(["-e", ORACLE])
        .arg(&path)
        .arg(ODD_LOCAL_OFFSET.to_string())
        .env("TZ", ODD_LOCAL_ZONE)
        .output()
        .expect("run ruby");
    let _ = std::fs::remove_file(&path);
    assert!(
        output.status.success(),
        "ruby failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("utf-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("oracle line is JSON"))
        .collect()
}

/// Whether `resolve_plain(case)` is what Psych returned (`ruby`).
fn compare(case: &str, ruby: &Value) -> Result<(), String> {
    let resolved = resolve_plain(case);
    let value_agrees = match (ruby["kind"].as_str().unwrap_or("?"), &resolved) {
        ("null", Resolved::Null) => true,
        ("bool", Resolved::Bool(b)) => ruby["value"] == *b,
        ("int", Resolved::Int(n)) => ruby["value"] == n.to_string(),
        ("float", Resolved::Float(f)) => {
            if ruby["nan"] == true {
                f.is_nan()
            } else {
                ruby["bits"] == format!("{:016x}", f.to_bits())
            }
        }
        ("date", Resolved::Date(d)) => ruby["value"] == json!([d.year, d.month, d.day]),
        ("time", Resolved::Timestamp(t)) => {
            let zone = match (t.offset_seconds, t.zulu) {
                (None, _) => json!("none"),
                (Some(_), true) => json!("Z"),
                (Some(offset), false) => json!(offset),
            };
            ruby["fields"]
                == json!([
                    t.year,
                    t.month,
                    t.day,
                    t.hour,
                    t.minute,
                    t.second,
                    t.nanosecond
                ])
                && ruby["fraction"] == t.fraction.as_str()
                && ruby["unix"] == t.unix_seconds()
                && ruby["zone"] == zone
        }
        ("symbol", Resolved::Symbol(name)) => ruby["value"] == name.as_str(),
        ("error", Resolved::Error(e)) => ruby["class"] == e.class && ruby["message"] == e.message,
        ("str", Resolved::Str(text)) => ruby["value"] == text.as_str() && text == case,
        _ => false,
    };
    if !value_agrees {
        return Err(format!("Psych gave {ruby}, we say {resolved:?}"));
    }
    let inspect = resolved.ruby_inspect();
    if ruby["inspect"] != inspect.as_str() {
        return Err(format!("Ruby shows {}, we show {inspect}", ruby["inspect"]));
    }
    Ok(())
}

/// Hand-picked tricky scalars plus systematic combinations; duplicates removed.
fn cases() -> Vec<String> {
    let mut cases: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    let mut add = |s: String| {
        if seen.insert(s.clone()) {
            cases.push(s);
        }
    };

    for s in HAND_PICKED {
        add((*s).to_owned());
    }
    // Long numbers: bignums, Ruby's 60-digit strtod cut-off, its 60-byte to_f buffer.
    add(format!("0x{}", "fedcba9876543210".repeat(40)));
    add(format!("-0b{}", "10".repeat(200)));
    add(format!("0{}", "7".repeat(300)));
    add("9".repeat(500));
    add(format!("-{}:59:59", "9".repeat(60)));
    add(format!("1_{}.5", "0".repeat(100)));
    add(format!("1_{}:00.5", "0".repeat(100)));
    add(format!("1:00.{}", "3".repeat(100)));
    add(format!("1:00.5_{}", "3".repeat(100)));
    add(format!("0.{}", "142857".repeat(20)));
    add(format!("2022-07-04 10:00:00.{}Z", "1234567890".repeat(30)));
    add(format!("2022-07-04 10:00:00.{}5 +01", "0".repeat(40)));
    // Every letter case of the YAML 1.1 words.
    for word in [
        "yes", "no", "true", "false", "on", "off", "null", "y", "n", "nil",
    ] {
        for mask in 0..(1u32 << word.len()) {
            let variant: String = word
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if mask & (1 << i) != 0 {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
                .collect();
            add(variant);
        }
    }
    // Signs × number shapes.
    for sign in ["", "+", "-"] {
        for body in NUMBER_BODIES {
            add(format!("{sign}{body}"));
        }
    }
    // Base 60: first part × the rest, with and without a minus.
    for sign in ["", "-"] {
        for first in ["0", "1", "12", "1_0", "1__0", "190", "99999999999999999999"] {
            for rest in [
                ":00", ":5", ":59", ":60", ":5:30", ":59:59", ":1:2", ":00.5", ":5:30.25",
                ":30._5", ":30.5_5", ":1.", ":1:1:1", ":7.5e+1",
            ] {
                add(format!("{sign}{first}{rest}"));
            }
        }
    }
    // Date shapes.
    for year in [
        "2022", "0000", "1582", "1500", "1700", "2000", "2024", "-2022", "22", "99999",
    ] {
        for month_day in [
            "07-04", "7-4", "02-28", "02-29", "02-30", "02-31", "04-31", "13-01", "00-10", "01-00",
            "12-31", "10-04", "10-05", "10-14", "10-15", "1-1", "01-32",
        ] {
            add(format!("{year}-{month_day}"));
        }
    }
    // Timestamp shapes: clocks, zones, separators.
    for date in [
        "2022-07-04",
        "2022-02-30",
        "1500-02-29",
        "-0001-01-01",
        "9999-12-31",
        "2024-2-29",
    ] {
        for clock in [
            "10:00:00",
            "1:00:00",
            "24:00:00",
            "24:00:00.5",
            "24:00:01",
            "23:59:60",
            "10:60:00",
            "10:00:60",
            "25:00:00",
            "10:00:00.5",
            "10:00:00.123456789",
            "10:00:00.1234567891",
            "10:00:00.",
            "10:00:00.000",
            "10:0:00",
        ] {
            add(format!("{date} {clock}"));
        }
    }
    for zone in [
        "", "Z", " Z", "z", "+08", "+8", "-05:30", "+0530", "+800", "+123", "-00:30", "+24",
        "+23:59", " +08:00", "+08:99", "-5", "+08:", " -0000", "  +1", "+1:5", "UTC",
    ] {
        add(format!("2022-07-04 10:00:00{zone}"));
        add(format!("2022-02-30T10:00:00.5{zone}"));
    }
    for separator in [" ", "T", "t", "  ", "\t", "\t ", " \t", "_", "x"] {
        for zone in ["", "Z", " +08:00"] {
            add(format!("2022-07-04{separator}10:00:00{zone}"));
        }
    }
    // Every string of up to three characters over digits, signs and separators.
    let mut shorter = vec![String::new()];
    for _ in 0..3 {
        shorter = shorter
            .iter()
            .flat_map(|prefix| SHORT_ALPHABET.iter().map(move |c| format!("{prefix}{c}")))
            .collect();
        shorter.iter().cloned().for_each(&mut add);
    }
    // Longer pseudo-random strings from a fixed seed, so every run checks the same.
    let mut seed: u64 = 0x5EED_F00D;
    let mut next = |bound: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % bound
    };
    let long_alphabet: Vec<char> = LONG_ALPHABET.chars().collect();
    for _ in 0..1500 {
        let len = 4 + next(20);
        add((0..len)
            .map(|_| long_alphabet[next(long_alphabet.len())])
            .collect());
    }
    // Pseudo-random timestamps assembled from plausible and broken pieces.
    let pick = |pieces: &[&'static str], roll: usize| pieces[roll % pieces.len()];
    for _ in 0..600 {
        let year = pick(
            &["2022", "2024", "1900", "0000", "-0044", "1582", "2100"],
            next(7),
        );
        let month = pick(&["1", "01", "2", "02", "4", "12", "13", "00"], next(8));
        let day = pick(&["1", "01", "28", "29", "30", "31", "32", "0"], next(8));
        let separator = pick(&[" ", "T", "t", "  ", "\t", " \t"], next(6));
        let hour = pick(&["0", "00", "9", "23", "24", "31", "99"], next(7));
        let minute = pick(&["00", "30", "59", "60", "99"], next(5));
        let second = pick(&["00", "30", "59", "60", "61"], next(5));
        let fraction = pick(
            &[
                "",
                ".",
                ".5",
                ".000001",
                ".999999999",
                ".1234567890123",
                ".0000000001",
            ],
            next(7),
        );
        let zone = pick(
            &[
                "", "Z", " Z", "+0", "-0", "+09", "-09:30", "+0930", "+930", "-12:99", "+23",
                "+24", "  -1",
            ],
            next(13),
        );
        add(format!(
            "{year}-{month}-{day}{separator}{hour}:{minute}:{second}{fraction}{zone}"
        ));
    }
    cases
}

const SHORT_ALPHABET: &[char] = &[
    '0', '1', '7', '9', '_', ',', ':', '.', '-', '+', 'e', 'x', 'b',
];

/// Weighted towards digits and separators; letters for words, zones and hex.
const LONG_ALPHABET: &str = "000111223579______,,,::::....--++eExbZTt \tyYnNoOfl~é:";

const HAND_PICKED: &[&str] = &[
    // From the task and the Jekyll docs.
    "No",
    "0755",
    "1.10",
    "1:20",
    "1,000",
    "2022-02-30",
    "2022-07-04 10:00:00",
    ":smile",
    "",
    "~",
    "2022-07-04T10:00:00Z",
    "2022-07-04t10:00:00z",
    "2022-13-01",
    "2022-02-30 10:00:00",
    // Unicode case folding in /i.
    "yeſ",
    "YEſ",
    "falſe",
    "oﬀ",
    "Oﬀ",
    "ﬀ",
    "nuﬄ",
    "Kelvin K",
    "ſ",
    "ß",
    // Short multi-line plain scalars (folded from an empty line).
    "on\nno",
    "no\nx",
    "a\nb",
    "yes\n~",
    "~\nno",
    "y\nes",
    "on\nOFF",
    "no\nno",
    "n\no",
    "~\n~",
    "null\nx",
    // Symbols.
    ":'a b'",
    ":\"x\"y\"",
    ":':a'rest",
    "::",
    "::a",
    ":1",
    ":foo?",
    ":foo!",
    ":foo=",
    ":Foo",
    ":@x",
    ":@@x",
    ":$x",
    ":$1",
    ":$-w",
    ":+",
    ":[]",
    ":[]=",
    ":<=>",
    ":é",
    ":\"\"",
    ":'",
    ":a=b",
    ":@x=",
    ":foo?=",
    ":1.5",
    ":yes",
    ":~",
    // Special floats.
    ".inf",
    "-.inf",
    "+.inf",
    ".Inf",
    ".INF",
    "+.iNf",
    "-.INF",
    ".nan",
    ".NaN",
    ".NAN",
    "-.nan",
    "+.nan",
    "inf",
    "nan",
    "Infinity",
    ".infinity",
    // Words and punctuation.
    "y",
    "Y",
    "n",
    "N",
    "yes!",
    "+yes",
    "-yes",
    "_yes",
    "t",
    "f",
    "o",
    "nil",
    "None",
    "none",
    "é",
    "日本",
    "🦀",
    "naïve",
    "Ω",
    "x\u{a0}",
    "\u{a0}x",
    "Café",
    "Привет",
    "தமிழ்",
    "100%",
    "50 %",
    "$100",
    "1e",
    "e5",
    "-",
    "+",
    "=",
    "!x",
    "a=b",
    "<tag>",
    "<<",
    "a\\b",
    "#{x}",
    "a #{x}",
    "C:\\path",
    "10:30am",
    "12:30pm",
    "1:20pm",
    "http://example.com/a?b=c#d",
    "mailto:x@y.z",
    "a:b",
    "key: value",
    "a #b",
    "#x",
    "- x",
    "-x",
    "? x",
    "?x",
    "'q'",
    "\"dq\"",
    "a'b",
    "it's",
    "x ",
    " x",
    "tab\tin",
    "[a]",
    "{a}",
    "a,b",
    "a, b",
    "&anchor",
    "*alias",
    "!tag",
    "|",
    ">",
    "%x",
    "@x",
    "`x",
    "---",
    "...",
    "--- x",
    "a---",
    "a\u{2028}b",
    "\u{feff}x",
    "\u{7f}",
    "\u{1}",
    "\0",
    "\u{85}x",
    "\r",
    "a\rb",
    "x\u{1b}",
    "two\nlines",
    "a: b: c",
    "x:",
    "x: ",
    "a:?b",
    ":x:",
    "[x]:y",
    "a]b",
    "true story",
    "on hold",
    "no way",
    "null and void",
    "~/path",
    "~user",
    "yes\tno",
];

const NUMBER_BODIES: &[&str] = &[
    "0",
    "00",
    "000",
    "07",
    "08",
    "0755",
    "0_7",
    "0,7",
    "0_",
    "0,",
    "1",
    "12",
    "123456789",
    "1_000",
    "1,000",
    "1__0",
    "1_",
    "1,",
    "10_",
    "_1",
    ",1",
    "1_,0",
    "0b",
    "0b101",
    "0b_1",
    "0b_",
    "0b,",
    "0b2",
    "0B1",
    "0x",
    "0x1F",
    "0x_1f",
    "0xG",
    "0x,",
    "0X1F",
    "0o17",
    "1.5",
    "1.",
    "1.0",
    ".5",
    ".",
    "..",
    "1.5e+3",
    "1.5e3",
    "1.5E-3",
    "1.e+5",
    ".e+5",
    ".E-5",
    "1_0.5",
    "1,0.5",
    "1__0.5",
    "0.1_5",
    "1e+3",
    "1E+3",
    "1.5e+",
    "9223372036854775807",
    "9223372036854775808",
    "99999999999999999999",
    "0x7fffffffffffffff",
    "0x8000000000000000",
    "0xffffffffffffffffffff",
    "0777777777777777777777777",
    "0b1111111111111111111111111111111111111111111111111111111111111111",
    "1.7976931348623157e+308",
    "1.7976931348623159e+308",
    "1.0e+309",
    "4.9e-324",
    "2.4703282292062327e-324",
    "2.4703282292062328e-324",
    "0.1",
    "0.30000000000000004",
    "123456789.123456789",
    "1e15",
    "1.0e+15",
    "100000000000000.0",
    "1000000000000000.0",
    "0.0001",
    "0.00001",
    "0.0000009536743164062503176373552203626271506209377548657357692718505859375",
    "9007199254740993.00000000000000000000000000000000000000000000000001",
    "1:2",
    "1:2:3",
    "1:2:3.5",
    "1:60",
    "1:5.",
    "0:0",
    "00:00:00",
    "1.1.1",
    "1,2.3,4",
    "1_000_000.000_1",
];
