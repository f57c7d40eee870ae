//! The public data model of a scan. Every `Range<usize>` is a byte range into the scanned
//! file (0-based, `offset` already added), always on char boundaries.

use std::ops::Range;

/// A byte range into the file.
pub type Span = Range<usize>;

/// A value together with the byte range of the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// Everything the scanner found in one Markdown body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scan {
    /// Links kramdown renders: inline, reference, autolinks, images and HTML `<a>` tags, in
    /// document order.
    pub links: Vec<Link>,
    /// Every IAL and IAL look-alike (`{:…}`, `{key="v"}`), attached or not, in document order.
    pub ials: Vec<crate::markdown::Ial>,
    /// Link definitions `[id]: url "title"`.
    pub ref_defs: Vec<RefDef>,
    /// Link syntax that kramdown renders as plain text.
    pub broken: Vec<BrokenLink>,
    /// Regions the scanner did not look into (code, math, Liquid raw/comment/highlight).
    pub skipped: Vec<Skipped>,
    /// URLs in HTML other than `<a href>`: `<img src>`, `srcset`, `<source>`, `<iframe>`…
    pub resources: Vec<HtmlResource>,
    /// The element IDs of the page a `#fragment` can point to, in document order.
    pub ids: Vec<AnchorId>,
    /// Every ID of the page is known: no header or `id` attribute is computed by Liquid.
    pub ids_complete: bool,
    /// The headers, in document order: what their automatic IDs are made from.
    pub headers: Vec<Header>,
}

/// A header of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The header's line(s).
    pub span: Span,
    /// Its text as kramdown renders it (`None` when Liquid prints part of it).
    pub text: Option<String>,
    /// The ID it sets itself: `{#id}` after it, or `#id` in its block attribute list. It then
    /// gets no automatic ID.
    pub explicit_id: Option<String>,
}

/// A URL in an HTML attribute that loads or embeds something (not `<a href>`, a [`Link`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlResource {
    /// The lower-cased element name (`img`, `iframe`, `source`, `video`, `link`, `script`…).
    pub element: String,
    /// The lower-cased attribute (`src`, `srcset`, `href`, `poster`, `data`).
    pub attribute: String,
    /// One URL (a `srcset` gives one resource per candidate).
    pub url: Spanned<String>,
    /// The value contains Liquid: its URL is only known after Jekyll renders the page.
    pub has_liquid: bool,
}

/// An element ID on the rendered page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorId {
    pub id: String,
    /// Where it comes from: the header, the `#id` of an attribute list, the attribute.
    pub span: Span,
    pub source: IdSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdSource {
    /// kramdown's automatic header ID (`auto_ids`).
    Header,
    /// `{#id}` after a header, or `#id` in an attribute list.
    Explicit,
    /// `id="…"` (or `<a name="…">`) in HTML.
    Html,
    /// A footnote and its reference (`fn:1`, `fnref:1`).
    Footnote,
}

/// How a link was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// `[text](url "title")`
    Inline,
    /// `[text][id]`
    Reference,
    /// `[text][]`
    Collapsed,
    /// `[text]`
    Shortcut,
    /// `<https://example.com>` or `<me@example.com>`
    Autolink,
    /// `<a href="…">…</a>` written as HTML.
    HtmlAnchor,
}

/// One link or image.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub kind: LinkKind,
    /// `![alt](src)`: an image, not an anchor.
    pub image: bool,
    /// The whole construct, from `[`/`![`/`<` to the closing `)`/`]`/`>`/`</a>`, IALs excluded.
    pub span: Span,
    /// The link text (between the brackets, or the content of `<a>…</a>`).
    pub text: Span,
    /// The destination as kramdown reads it (trimmed, `<…>` removed). For reference links it
    /// comes from the definition and the span points into the definition. `None` for an HTML
    /// anchor without `href`.
    pub url: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    /// The reference id as written (`[text][id]`), or the text for collapsed/shortcut links.
    pub ref_id: Option<Spanned<String>>,
    /// Index into [`Scan::ref_defs`] for reference links.
    pub ref_def: Option<usize>,
    /// Indices into [`Scan::ials`] of the span IALs kramdown applies to this link.
    pub ials: Vec<usize>,
    /// Attributes of an HTML `<a>` tag.
    pub html_attrs: Vec<HtmlAttr>,
    /// The innermost span element around the link (`**[a](u)**` → `Strong`).
    pub enclosing: Option<ElementKind>,
    /// The destination contains Liquid (`{{ … }}`/`{% … %}`): its value is only known after
    /// Jekyll renders the page.
    pub url_has_liquid: bool,
}

/// One attribute of an HTML tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlAttr {
    /// Lower-cased name.
    pub name: Spanned<String>,
    /// `None` for a bare attribute (`<a download>`).
    pub value: Option<Spanned<String>>,
    /// The quote around the value, if any.
    pub quote: Option<char>,
}

/// A link definition `[id]: url "title"`.
#[derive(Debug, Clone, PartialEq)]
pub struct RefDef {
    pub span: Span,
    /// The id as written.
    pub id: Spanned<String>,
    /// kramdown's normalized id: whitespace runs collapsed, lower-cased.
    pub normalized_id: String,
    pub url: Spanned<String>,
    pub title: Option<Spanned<String>>,
    /// Indices into [`Scan::ials`] of block IALs on the following line(s); kramdown applies
    /// them to every link that uses this definition.
    pub ials: Vec<usize>,
}

/// Span elements other than links, as far as IAL attachment and nesting are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ElementKind {
    Strong,
    Emphasis,
    Strikethrough,
    CodeSpan,
    /// A `"`/`'` turned into a typographic quote.
    SmartQuote,
    /// An HTML tag in text (`<span>`, `<a>` is a [`LinkKind::HtmlAnchor`]).
    Html,
    /// `<!-- … -->` or `{::comment}`.
    Comment,
    /// `&nbsp;`, `&#8212;`.
    Entity,
    /// `--`, `---`, `...`, `<<`, `>>`.
    Typographic,
    LineBreak,
    Math,
    Footnote,
    /// `{::nomarkdown}…{:/}`.
    RawExtension,
}

/// Block elements a block IAL can apply to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Header,
    List,
    ListItem,
    Blockquote,
    CodeBlock,
    Table,
    HorizontalRule,
    Html,
    Math,
    LinkDefinition,
    Other,
}

/// A link-like construct that kramdown renders as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    pub kind: BrokenKind,
    /// The construct as written.
    pub span: Span,
    /// The text between the brackets, when there is one.
    pub text: Option<Span>,
    pub image: bool,
}

/// Why a link-like construct is not a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrokenKind {
    /// `[text] (url)`: whitespace between `]` and `(` (the span is the whitespace's).
    SpaceBeforeUrl { gap: Span },
    /// `[text](url` with no closing `)`.
    UnclosedUrl,
    /// `[text](url]`: the destination is closed with `]` (the span is the `]`'s).
    UrlClosedWithBracket { at: Span },
    /// `[` with no matching `]` before a link-like `](`/`(http` later on the line.
    UnmatchedOpenBracket,
    /// `[text]](url)`: one `]` too many.
    ExtraCloseBracket,
    /// `**[text]**(url)`: emphasis closed between `]` and `(` (the span is the marks').
    EmphasisBeforeUrl { marks: Span },
    /// `[text][id]` where no `[id]:` definition exists.
    UndefinedReference { id: String },
    /// `<a href=https://…>`: kramdown does not read it as an HTML tag and prints it as text.
    MalformedHtmlAnchor,
}

/// A region that was not scanned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub span: Span,
    pub kind: SkippedKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkippedKind {
    FencedCode,
    IndentedCode,
    Math,
    HtmlComment,
    /// `{% raw %}`, `{% highlight %}`, `{% comment %}` blocks.
    Liquid,
    /// `{::comment}`/`{::nomarkdown}` blocks.
    Extension,
}
