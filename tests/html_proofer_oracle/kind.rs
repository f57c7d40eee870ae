//! What an html-proofer 3.19 failure is about, read from its message (the messages are those
//! of `lib/html-proofer/check/{links,images,scripts}.rb`). A message this does not know fails
//! the test: the classification must stay complete.

use crate::proof::Failure;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// `internally linking to X, which does not exist` — or a `#fragment` on a page that does
    /// not exist, which html-proofer words as a missing hash (it parses the missing path as
    /// HTML and finds no IDs in it).
    MissingFile,
    /// `internally linking to a directory X without trailing slash` (only without
    /// `followlocation`, which is on by default: never seen here).
    UnslashedDirectory,
    /// `internal image X does not exist`
    MissingImage,
    /// `linking to internal hash #x that does not exist`, the page being there.
    MissingFragment,
    /// `href="#"`: html-proofer looks for an element with an empty ID.
    Placeholder,
    /// `/page/#`: an empty fragment on another page (browsers go to the top).
    EmptyFragment,
    /// `image has no src or srcset attribute`
    ImageWithoutSource,
    /// `internal script X does not exist`
    MissingScript,
    /// `X is an invalid URL`
    InvalidUrl,
    /// Not about where a link leads: alt text, screenshot file names, empty scripts, mailto
    /// and tel without an address.
    NoAlt,
    ScreenshotName,
    EmptyScript,
    BadMailto,
    BadTel,
    NoHref,
}

impl Kind {
    pub fn of(failure: &Failure) -> Option<Kind> {
        let desc = failure.desc.as_str();
        let written = failure.written.as_deref().unwrap_or("");
        let kind = if desc.starts_with("internally linking to a directory ") {
            Kind::UnslashedDirectory
        } else if desc.starts_with("internally linking to ") {
            Kind::MissingFile
        } else if desc.starts_with("linking to internal hash #") {
            if failure.target_exists == Some(false) {
                Kind::MissingFile
            } else if written == "#" {
                Kind::Placeholder
            } else if written.ends_with('#') {
                Kind::EmptyFragment
            } else {
                Kind::MissingFragment
            }
        } else if desc.starts_with("internal image ") {
            Kind::MissingImage
        } else if desc == "image has no src or srcset attribute" {
            Kind::ImageWithoutSource
        } else if desc.ends_with("does not have an alt attribute") {
            Kind::NoAlt
        } else if desc.starts_with("image has a terrible filename") {
            Kind::ScreenshotName
        } else if desc.starts_with("internal script ") {
            Kind::MissingScript
        } else if desc == "script is empty and has no src attribute" {
            Kind::EmptyScript
        } else if desc.ends_with(" is an invalid URL") {
            Kind::InvalidUrl
        } else if desc.contains("email address") {
            Kind::BadMailto
        } else if desc.ends_with("contains no phone number") {
            Kind::BadTel
        } else if desc == "anchor has no href attribute" {
            Kind::NoHref
        } else {
            return None;
        };
        Some(kind)
    }

    /// Is it about where a link of the site leads — what frontlint's link graph judges?
    pub fn is_link(self) -> bool {
        matches!(
            self,
            Kind::MissingFile
                | Kind::UnslashedDirectory
                | Kind::MissingImage
                | Kind::MissingFragment
                | Kind::Placeholder
                | Kind::EmptyFragment
                | Kind::ImageWithoutSource
                | Kind::MissingScript
                | Kind::InvalidUrl
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::MissingFile => "missing-file",
            Kind::UnslashedDirectory => "unslashed-directory",
            Kind::MissingImage => "missing-image",
            Kind::MissingFragment => "missing-fragment",
            Kind::Placeholder => "placeholder",
            Kind::EmptyFragment => "empty-fragment",
            Kind::ImageWithoutSource => "image-without-source",
            Kind::MissingScript => "missing-script",
            Kind::InvalidUrl => "invalid-url",
            Kind::NoAlt => "no-alt",
            Kind::ScreenshotName => "screenshot-name",
            Kind::EmptyScript => "empty-script",
            Kind::BadMailto => "bad-mailto",
            Kind::BadTel => "bad-tel",
            Kind::NoHref => "no-href",
        }
    }
}
