//! Inputs for the differential tests: hand-picked forms people write, cross products of
//! them, and deterministic pseudo-random token soups (a fixed LCG, so runs are repeatable).

/// A tiny deterministic generator (no dependency, same sequence on every machine).
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Lcg(seed)
    }
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const DATES: &[&str] = &[
    "2022-01-05",
    "2022-1-5",
    "22-01-05",
    "2022/01/05",
    "05/01/2022",
    "1/5/2022",
    "05.01.2022",
    "2022.01.05",
    "5 Jan 2022",
    "Jan 5, 2022",
    "January 5 2022",
    "5th January 2022",
    "Wednesday, 5 January 2022",
    "20220105",
    "2022-02-29",
    "2024-02-29",
    "2022-02-30",
    "2022-04-31",
    "2022-13-01",
    "2022-00-10",
    "2022-01-00",
    "2022-01-32",
    "1999-12-31",
    "14-03-19",
    "022-11-09",
    "15-08-2019",
    "2022-W01-3",
    "2022-005",
    "Jan 2022",
    "2022",
    "'22",
    "5 May",
    "2022-03-13",
    "2022-11-06",
    "2022-03-27",
    "2022-10-30",
    "2021-12-31",
    "Sat, 31 Dec 2022",
    "31-Dec-2022",
    "Dec-31-2022",
    "h31.04.30",
];

const TIMES: &[&str] = &[
    " 10:00",
    " 10:00:00",
    "T10:00:00",
    " 9:05",
    " 23:59:60",
    " 24:00",
    " 24:30",
    " 25:00",
    " 10:00:00.5",
    " 10:00 pm",
    " 12:00 am",
    " 10am",
    " 00:30",
    " 01:30",
    " 02:30",
    " 23:30",
    " 10h30",
    "T235959",
];

const ZONES: &[&str] = &[
    "",
    " +0800",
    " +08:00",
    " +08",
    " +8",
    " -0500",
    " -05:00",
    "Z",
    " UTC",
    " GMT",
    " SGT",
    " PST",
    " EST",
    " BST",
    " IST",
    " UTC+8",
    " +05:30",
    " -00:00",
    " [+9]",
    " [-5:EST]",
    " +0800 (SGT)",
    " +13:45",
    " +14",
    " -12",
    " A",
];

/// Front matter date strings: single forms, date × time × zone, and token soups.
pub fn date_strings() -> Vec<String> {
    let mut out: Vec<String> = DATES.iter().map(|d| d.to_string()).collect();
    out.extend(TIMES.iter().map(|t| t.trim().to_string()));
    for d in DATES.iter().take(24) {
        for t in TIMES {
            for z in ZONES.iter().step_by(3) {
                out.push(format!("{d}{t}{z}"));
            }
        }
    }
    for z in ZONES {
        out.push(format!("2022-07-04 18:30:00{z}"));
        out.push(format!("2022-01-05 10:00{z}"));
    }
    let tokens = [
        "2022",
        "22",
        "5",
        "05",
        "31",
        "12",
        "-",
        "/",
        ".",
        ":",
        " ",
        "T",
        "Z",
        "am",
        "pm",
        "Jan",
        "may",
        "Sept",
        "Monday",
        "+08",
        "+0800",
        "-5",
        "UTC",
        "th",
        ",",
        "'",
        "00",
        "123",
        "h",
        "w",
        "1999",
        "[",
        "]",
        "bc",
        "ad",
        "2022-01-05",
        "10:30",
    ];
    let mut rng = Lcg::new(20240615);
    for _ in 0..3000 {
        let n = 1 + rng.below(7);
        out.push((0..n).map(|_| rng.pick(&tokens)).collect());
    }
    out
}

/// (titles, post filenames) from the corpus excerpt next to this file.
pub fn corpus_samples() -> (Vec<String>, Vec<String>) {
    let text = include_str!("corpus_samples.txt");
    let mut titles = Vec::new();
    let mut names = Vec::new();
    for line in text.lines() {
        if let Some(t) = line.strip_prefix("T ") {
            titles.push(t.to_string());
        } else if let Some(n) = line.strip_prefix("F ") {
            names.push(n.to_string());
        }
    }
    (titles, names)
}

/// Strings built from pieces that stress slugs and URL escaping.
pub fn tricky_strings(count: usize, seed: u64) -> Vec<String> {
    let pieces = [
        "a",
        "Z",
        "é",
        "É",
        "ß",
        "ŉ",
        "İ",
        "Σ",
        "ΣΑΣ",
        "日本",
        "தமிழ்",
        "🦀",
        "e\u{301}",
        "ǅ",
        " ",
        "  ",
        "\t",
        "\n",
        "-",
        "--",
        "_",
        ".",
        "..",
        "/",
        "//",
        "?",
        "#",
        "%",
        "%20",
        "&",
        "'",
        "\"",
        "(",
        ")",
        "+",
        ",",
        ";",
        "=",
        "@",
        "!",
        "$",
        "*",
        ":",
        "~",
        "[",
        "]",
        "{",
        "}",
        "<",
        ">",
        "|",
        "\\",
        "^",
        "`",
        "1",
        "2022",
        "½",
        "٣",
        "\u{a0}",
        "\u{200b}",
        "–",
        "’",
        "Ω",
        "ﬁ",
    ];
    let mut rng = Lcg::new(seed);
    (0..count)
        .map(|_| (0..1 + rng.below(6)).map(|_| rng.pick(&pieces)).collect())
        .collect()
}
