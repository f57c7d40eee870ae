//! "Did you mean …?" suggestions by edit distance.

/// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring characters each cost 1 (`permlink` → `permalink` is 1, `titel` → `title` is 1).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in rows.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = best;
        }
    }
    rows[a.len() * width + b.len()]
}

/// How far a word may be from a known word and still be called a typo of it: short words
/// are too easily one letter from another real word.
fn max_distance(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

/// The candidate closest to `word` (ignoring case) within the typo distance, if any. The word
/// itself is not a suggestion; a case-only difference (`Title` → `title`) is.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let word_length = lower.chars().count();
    candidates
        .into_iter()
        .filter(|candidate| *candidate != word)
        .filter_map(|candidate| {
            let length = candidate.chars().count();
            let limit = max_distance(word_length.min(length));
            // The distance is at least the difference in length: skip the hopeless ones.
            if word_length.abs_diff(length) > limit {
                return None;
            }
            let distance = edit_distance(&lower, &candidate.to_lowercase());
            (distance <= limit).then_some((distance, candidate))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("permlink", "permalink"), 1);
        assert_eq!(edit_distance("titel", "title"), 1);
        assert_eq!(edit_distance("layuot", "layout"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn suggests_only_plausible_typos() {
        let known = ["title", "permalink", "layout", "date", "tags", "categories"];
        assert_eq!(closest("permlink", known), Some("permalink"));
        assert_eq!(closest("Title", known), Some("title"));
        assert_eq!(closest("catgories", known), Some("categories"));
        // Too short to judge, or too far.
        assert_eq!(closest("data", known), None);
        assert_eq!(closest("tag", known), None);
        assert_eq!(closest("description", known), None);
        assert_eq!(closest("title", known), None);
    }
}
