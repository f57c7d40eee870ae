//! `Date._parse` and `Jekyll::Utils.parse_date` against Ruby, in several site time zones.

use super::cases;
use super::ruby::{self, Tally};
use frontlint::jekyll::date::{DateContext, EffectiveDate, parse_date, site_time_zone};
use frontlint::jekyll::ruby_date::{DateHash, ParseLimit, date_parse};
use serde_json::json;

/// The build's "now" both sides use (Ruby's Time.now is stubbed to it).
const NOW: &str = "2024-06-15T12:34:56Z";
const ZONES: &[&str] = &[
    "Asia/Singapore",
    "UTC",
    "America/New_York",
    "Europe/London",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
];

fn hash_json(h: &DateHash) -> String {
    let mut fields = Vec::new();
    let mut put = |k: &str, v: Option<i64>| {
        if let Some(v) = v {
            fields.push(format!("{k}={v}"));
        }
    };
    put("year", h.year);
    put("mon", h.mon);
    put("mday", h.mday);
    put("yday", h.yday);
    put("hour", h.hour);
    put("min", h.min);
    put("sec", h.sec);
    put("wday", h.wday);
    put("cwyear", h.cwyear);
    put("cweek", h.cweek);
    put("cwday", h.cwday);
    if let Some(f) = &h.sec_fraction {
        let digits: String = f.chars().take(9).collect();
        fields.push(format!(
            "frac={}",
            format!("{digits:0<9}").parse::<u64>().unwrap_or(0)
        ));
    }
    if let Some(z) = &h.zone {
        fields.push(format!("zone={z}"));
    }
    fields.join(" ")
}

const DATE_PARSE_RB: &str = r##"
keys = %i[year mon mday yday hour min sec wday cwyear cweek cwday]
out = INPUT["cases"].map do |s|
  h = Date._parse(s)
  f = keys.filter_map { |k| "#{k}=#{h[k]}" if h.key?(k) }
  f << "frac=#{(h[:sec_fraction] * 10**9).floor}" if h.key?(:sec_fraction)
  f << "zone=#{h[:zone]}" if h.key?(:zone)
  f.join(" ")
rescue ArgumentError => e
  "ERR"
end
File.write(ARGV[1], JSON.generate(out))
"##;

#[test]
fn date_parse_agrees_with_ruby() {
    let cases = cases::date_strings();
    let Some(answers) = ruby::run("date_parse", DATE_PARSE_RB, &json!({ "cases": cases })) else {
        return;
    };
    let mut tally = Tally::default();
    for (case, theirs) in cases.iter().zip(answers.as_array().expect("array")) {
        let ours = match date_parse(case) {
            Ok(h) => hash_json(&h),
            Err(ParseLimit::TooLong) => "ERR".to_string(),
            Err(_) => {
                tally.unsupported += 1;
                continue;
            }
        };
        tally.check(case, &ours, theirs.as_str().unwrap_or_default());
    }
    tally.finish("date_parse");
}

const PARSE_DATE_RB: &str = r##"
now = Time.at(Rational(INPUT["now"]))
Time.singleton_class.send(:define_method, :now) { now.dup }
out = INPUT["zones"].map do |tz|
  ENV["TZ"] = tz
  INPUT["cases"].map do |s|
    Jekyll::Utils.instance_variable_set(:@parse_date_cache, {})
    # A document's date goes through parse_date three times (front matter, categories, tags).
    t = Jekyll::Utils.parse_date(s)
    2.times { t = Jekyll::Utils.parse_date(t.to_s) }
    t.to_s
  rescue StandardError => e # InvalidDateError, or RangeError for huge numbers: the build fails
    "build fails"
  end
end
File.write(ARGV[1], JSON.generate(out))
"##;

#[test]
fn parse_date_agrees_with_jekyll_in_many_zones() {
    let cases = cases::date_strings();
    let now: jiff::Timestamp = NOW.parse().expect("now");
    let input = json!({ "cases": cases, "zones": ZONES, "now": now.as_second().to_string() });
    let Some(answers) = ruby::run("parse_date", PARSE_DATE_RB, &input) else {
        return;
    };
    let mut tally = Tally::default();
    for (zone, per_zone) in ZONES.iter().zip(answers.as_array().expect("array")) {
        let ctx = DateContext {
            tz: site_time_zone(zone).expect("zone"),
            now,
        };
        for (case, theirs) in cases.iter().zip(per_zone.as_array().expect("array")) {
            let ours = match parse_date(case, &ctx) {
                EffectiveDate::Valid(d) => d.to_ruby_string(),
                EffectiveDate::Invalid { .. } => "build fails".to_string(),
                EffectiveDate::Unsupported { .. } => {
                    tally.unsupported += 1;
                    continue;
                }
            };
            tally.check(
                &format!("{case} @ {zone}"),
                &ours,
                theirs.as_str().unwrap_or(""),
            );
        }
    }
    tally.finish("parse_date");
}

const TZ_RB: &str = r##"
out = INPUT["names"].map do |name|
  ENV["TZ"] = name
  [Time.local(2022, 1, 1).utc_offset, Time.local(2022, 7, 1).utc_offset]
end
File.write(ARGV[1], JSON.generate(out))
"##;

#[test]
fn timezone_names_read_like_glibc() {
    use frontlint::jekyll::date::jekyll_time_zone;
    let names = [
        "Asia/Singapore",
        "UTC+8",
        "SGT-8",
        "Asia/Singapur",
        "Etc/GMT-8",
        "EST5EDT",
        "America/Sao_Paulo",
        "singapore",
        "UTC",
        "GMT+0",
        "CET-1CEST,M3.5.0,M10.5.0/3",
        "+08",
        "Asia/Kolkata",
    ];
    let Some(answers) = ruby::run("tz_names", TZ_RB, &json!({ "names": names })) else {
        return;
    };
    let mut tally = Tally::default();
    for (name, theirs) in names.iter().zip(answers.as_array().expect("array")) {
        let (tz, _) = jekyll_time_zone(name);
        let offset = |m: i8| {
            let dt = jiff::civil::date(2022, m, 1).at(0, 0, 0, 0);
            tz.to_ambiguous_timestamp(dt)
                .later()
                .map(|ts| tz.to_offset(ts).seconds())
                .unwrap_or(i32::MIN)
        };
        let ours = format!("[{},{}]", offset(1), offset(7));
        tally.check(name, &ours, &theirs.to_string());
    }
    tally.finish("tz_names");
}
