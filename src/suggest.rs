//! "Did you mean …?" suggestions by edit distance.

/// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring characters each cost 1 (`permlink` → `permalink` is 1, `titel` → `title` is 1).
pub fn edit_distance(a: &str, b: &str) -> usize {
    // Field and attribute names are short and ASCII: compare bytes with the rows on the stack.
    const SHORT: usize = 32;
    if a.is_ascii() && b.is_ascii() && b.len() < SHORT {
        let mut rows = [0usize; 3 * SHORT];
        return osa(a.as_bytes(), b.as_bytes(), &mut rows);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    osa(&a, &b, &mut vec![0usize; 3 * (b.len() + 1)])
}

/// The distance with three rolling rows (`scratch` holds at least `3 * (b.len() + 1)`): the
/// swap of two neighbours looks two rows back.
fn osa<T: PartialEq>(a: &[T], b: &[T], scratch: &mut [usize]) -> usize {
    let width = b.len() + 1;
    let (older, rest) = scratch.split_at_mut(width);
    let (previous, rest) = rest.split_at_mut(width);
    let current = &mut rest[..width];
    let (mut older, mut previous, mut current) = (older, previous, current);
    for (j, cell) in previous.iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(older[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut older, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
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
            let distance =
                if candidate.bytes().any(|c| c.is_ascii_uppercase()) || !candidate.is_ascii() {
                    edit_distance(&lower, &candidate.to_lowercase())
                } else {
                    edit_distance(&lower, candidate)
                };
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
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("abc", ""), 3);
        // Non-ASCII and long words take the general path and agree with the short one.
        assert_eq!(edit_distance("çatégories", "catégories"), 1);
        let long = "a".repeat(40);
        assert_eq!(edit_distance(&long, &format!("{long}b")), 1);
        assert_eq!(edit_distance("Kategorien", "categories"), 2);
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
