//! Debouncing re-lints while the author types, with no timer thread and no async runtime.
//!
//! Every `didChange` is applied to the document at once (edits are ordered and incremental,
//! so none may be skipped) and pushes the document's lint deadline to `DELAY` from now. The
//! main loop waits for the next message *or* the earliest deadline (`recv_deadline`), so a
//! burst of keystrokes costs one lint, `DELAY` after the last of them. Opening and saving lint
//! at once and cancel the pending deadline; a code action or hover on a document with a
//! pending lint lints it first, so answers always match the text.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use lsp_types::Uri;

/// Long enough to coalesce a typing burst, short enough to feel immediate.
pub const DELAY: Duration = Duration::from_millis(150);

#[derive(Default)]
pub struct Debouncer {
    due: HashMap<Uri, Instant>,
}

impl Debouncer {
    /// (Re)start the document's countdown.
    pub fn schedule(&mut self, uri: Uri, now: Instant) {
        self.due.insert(uri, now + DELAY);
    }

    /// Forget the document's pending lint (it was linted, or closed). Was one pending?
    pub fn cancel(&mut self, uri: &Uri) -> bool {
        self.due.remove(uri).is_some()
    }

    pub fn next_deadline(&self) -> Option<Instant> {
        self.due.values().min().copied()
    }

    /// The documents whose deadline has passed, removed from the schedule, in URI order.
    pub fn take_due(&mut self, now: Instant) -> Vec<Uri> {
        let mut due: Vec<Uri> = self
            .due
            .iter()
            .filter(|(_, deadline)| **deadline <= now)
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in &due {
            self.due.remove(uri);
        }
        due.sort();
        due
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    #[test]
    fn a_burst_of_changes_is_due_once_after_the_last() {
        let uri = Uri::from_str("file:///a.md").unwrap();
        let start = Instant::now();
        let mut debouncer = Debouncer::default();
        debouncer.schedule(uri.clone(), start);
        debouncer.schedule(uri.clone(), start + Duration::from_millis(100));
        assert_eq!(
            debouncer.next_deadline(),
            Some(start + Duration::from_millis(100) + DELAY)
        );
        assert!(debouncer.take_due(start + DELAY).is_empty());
        assert_eq!(
            debouncer.take_due(start + Duration::from_millis(100) + DELAY),
            vec![uri]
        );
        assert_eq!(debouncer.next_deadline(), None);
    }

    #[test]
    fn cancel_drops_the_pending_lint() {
        let uri = Uri::from_str("file:///a.md").unwrap();
        let mut debouncer = Debouncer::default();
        debouncer.schedule(uri.clone(), Instant::now());
        assert!(debouncer.cancel(&uri));
        assert!(!debouncer.cancel(&uri));
        assert_eq!(debouncer.next_deadline(), None);
    }
}
