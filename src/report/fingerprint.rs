//! Fingerprints: an identity for each diagnostic that survives edits elsewhere in the file, so
//! that GitLab's merge request widget (and SARIF consumers) can tell a new problem from an old
//! one that merely moved down a line.
//!
//! A fingerprint is a 128-bit hash, written as 32 hex digits, of:
//!
//! 1. the file's path as the report gives it (relative to the base folder, `/`-separated);
//! 2. the rule code;
//! 3. the message with every run of digits replaced by `#` — messages can mention a line
//!    number ("indented under line 4"), which moves when lines are added above;
//! 4. the offending text: the diagnostic's source range with runs of whitespace collapsed
//!    (so CRLF and LF files agree), or the text of its line when the range is empty;
//! 5. the occurrence index: how many diagnostics with the same 1–4 come before it in the file.
//!
//! No line or column goes in, so adding or removing unrelated lines keeps every fingerprint.
//! Items 1–5 are distinct for distinct diagnostics by construction (5 tells apart the ones 1–4
//! cannot), and the final hashes are checked for uniqueness within the report: in the
//! astronomically unlikely case of a collision the later one is re-hashed with a salt. So two
//! diagnostics never share a fingerprint.
//!
//! The hash is FNV-1a/128 (Fowler–Noll–Vo), written out here: it is fixed by its published
//! constants, so fingerprints do not change with the Rust version or a dependency's update
//! (std's `DefaultHasher` promises neither). It is not a cryptographic hash; nothing here
//! needs one.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::Diagnostic;
use crate::engine::Report;
use crate::source::Source;

use super::paths::PathBase;

/// One fingerprint per diagnostic, in `report.diagnostics()` order.
pub fn fingerprints(report: &Report, paths: &PathBase) -> Vec<String> {
    let identities = report.files.iter().flat_map(|file| {
        let path = paths.path(&file.path);
        file.diagnostics
            .iter()
            .map(move |diagnostic| identity(&path, diagnostic, file.source.as_ref()).finish())
    });
    assign(identities, |identity, occurrence, salt| {
        let mut hash = Fnv128::with_state(identity);
        hash.write_u64(occurrence);
        if salt > 0 {
            hash.write_u64(salt);
        }
        hash.finish()
    })
}

/// The hash of items 1–4 of a diagnostic's identity.
fn identity(path: &str, diagnostic: &Diagnostic, source: Option<&Source>) -> Fnv128 {
    let mut hash = Fnv128::new();
    hash.write_str(path);
    hash.write_str(diagnostic.code);
    hash.write_str(&mask_digits(&diagnostic.message));
    hash.write_str(&offending_text(diagnostic, source));
    hash
}

/// Give each identity its occurrence index and a hash that no earlier diagnostic has.
/// `finish(identity, occurrence, salt)` makes the final hash; salt 0 is the normal case.
fn assign(
    identities: impl IntoIterator<Item = u128>,
    finish: impl Fn(u128, u64, u64) -> u128,
) -> Vec<String> {
    let mut occurrences: HashMap<u128, u64> = HashMap::new();
    let mut used: HashSet<u128> = HashSet::new();
    identities
        .into_iter()
        .map(|identity| {
            let occurrence = occurrences.entry(identity).or_insert(0);
            let index = *occurrence;
            *occurrence += 1;
            let mut salt = 0;
            let mut hash = finish(identity, index, salt);
            while !used.insert(hash) {
                salt += 1;
                hash = finish(identity, index, salt);
            }
            format!("{hash:032x}")
        })
        .collect()
}

fn mask_digits(message: &str) -> String {
    let mut masked = String::with_capacity(message.len());
    let mut in_digits = false;
    for c in message.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                masked.push('#');
            }
            in_digits = true;
        } else {
            masked.push(c);
            in_digits = false;
        }
    }
    masked
}

/// The diagnostic's text with whitespace runs collapsed; its line's text when the range is
/// empty; nothing when the source was not kept or the range does not fit it.
fn offending_text(diagnostic: &Diagnostic, source: Option<&Source>) -> String {
    let Some(source) = source else {
        return String::new();
    };
    let text = &*source.text;
    let range = diagnostic.range.clone();
    let Some(slice) = text.get(range.clone()) else {
        return String::new();
    };
    let slice = if slice.trim().is_empty() {
        let line = source.lines().line_of(range.start.min(text.len()));
        &text[source.lines().line_range(text, line)]
    } else {
        slice
    };
    slice.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// FNV-1a with the 128-bit parameters (offset basis and prime from the FNV specification,
/// draft-eastlake-fnv). Strings are length-prefixed so that field boundaries count.
struct Fnv128(u128);

impl Fnv128 {
    const OFFSET_BASIS: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013b;

    fn new() -> Self {
        Fnv128(Self::OFFSET_BASIS)
    }

    fn with_state(state: u128) -> Self {
        Fnv128(state)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u128::from(byte);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.write(&value.to_le_bytes());
    }

    fn write_str(&mut self, text: &str) {
        self.write_u64(text.len() as u64);
        self.write(text.as_bytes());
    }

    fn finish(&self) -> u128 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_128_matches_the_published_test_vectors() {
        // Test vectors from the FNV reference (draft-eastlake-fnv, fnv128a of "" and "a").
        let mut empty = Fnv128::new();
        empty.write(b"");
        assert_eq!(empty.finish(), 0x6c62272e07bb014262b821756295c58d);
        let mut a = Fnv128::new();
        a.write(b"a");
        assert_eq!(a.finish(), 0xd228cb696f1a8caf78912b704e4a8964);
    }

    #[test]
    fn equal_identities_are_told_apart_by_occurrence() {
        let hashes = assign([7, 7, 8, 7], |identity, occurrence, salt| {
            let mut hash = Fnv128::with_state(identity);
            hash.write_u64(occurrence);
            hash.write_u64(salt);
            hash.finish()
        });
        let unique: HashSet<&String> = hashes.iter().collect();
        assert_eq!(unique.len(), 4, "{hashes:?}");
    }

    #[test]
    fn hash_collisions_are_resolved_with_a_salt() {
        // A "hash" that collides for everything unsalted: uniqueness must still hold.
        let hashes = assign([1, 2, 3, 1], |_, _, salt| u128::from(salt));
        assert_eq!(
            hashes,
            [
                format!("{:032x}", 0),
                format!("{:032x}", 1),
                format!("{:032x}", 2),
                format!("{:032x}", 3)
            ]
        );
    }

    #[test]
    fn digits_in_messages_are_masked() {
        assert_eq!(
            mask_digits("indented under line 12, col 3"),
            "indented under line #, col #"
        );
    }
}
