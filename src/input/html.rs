//! HTML ingest: turn a scraped news web page into the text a reader sees.
//!
//! [`html_to_text`] is a small, forgiving, single-pass HTML tokenizer plus just
//! enough tree building (a stack of open elements with the common implied end
//! tags of the HTML parsing algorithm) to know which text is visible and where
//! blocks begin and end. It has no dependencies, runs in linear time and never
//! panics: every offset at which it slices a `&str` is the position of an ASCII
//! byte (`<`, `>`, `"`, `=`, `&`, `;`, ...) or the start/end of the input, and
//! those are always char boundaries in UTF-8.
//!
//! Output format of [`HtmlDocument::text`]:
//! - one block per line (paragraph, heading, list item, table row, a line ended
//!   by `<br>`, a `div` with text, ...), blocks separated by one blank line;
//! - inside a block, runs of whitespace (including U+00A0 and the other Unicode
//!   spaces) collapse to one space; inline elements add no space of their own;
//! - the cells of one table row are joined with `" | "`;
//! - control characters, U+FEFF (BOM) and soft hyphens (U+00AD) are dropped.
//!
//! Skipped (never in the text): comments, doctype, CDATA, processing
//! instructions, the contents of non-visible elements (script, style, head,
//! svg, iframe, ...), page chrome (nav, aside, footer, form, button, label,
//! ...) and elements marked `hidden`, `aria-hidden="true"` or
//! `style="display:none"`. One deliberate exception: a `<form>` that is a direct
//! child of `<body>`/`<html>` is treated as a plain container, because some CMSs
//! (ASP.NET WebForms) wrap the entire page, article included, in one form.
//! Controls inside it (button, select, textarea, label) are still skipped.
//!
//! Known simplifications compared with a browser: no adoption agency algorithm
//! for misnested formatting tags (irrelevant for text), implied end tags only
//! for the common cases (p, li, dt/dd, option, table parts, headings), and the
//! searches down the stack of open elements are bounded (see the `*_WALK`
//! constants) so that adversarial nesting cannot make the run time quadratic.

use std::borrow::Cow;
use std::collections::HashMap;

/// What a web page says, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlDocument {
    /// Text of <title>, entities decoded, whitespace collapsed, trimmed; None if absent or empty.
    pub title: Option<String>,
    /// The visible text. Each block (paragraph, heading, list item, table row, div with text...) on its own
    /// line; blocks separated by a blank line ("\n\n"). Inside a block runs of whitespace are collapsed to one space.
    /// No leading/trailing whitespace; never three newlines in a row.
    pub text: String,
    pub meta: HtmlMeta,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlMeta {
    /// Raw value of the first of: <meta property="article:published_time" content>, <meta name="pubdate"|"publish-date"|"date"|"dc.date"|"DC.date.issued" content>,
    /// "datePublished" in a <script type="application/ld+json"> (simple string scan for "datePublished":"..." is fine), <time datetime> inside the page.
    pub published: Option<String>,
    /// og:site_name, else application-name.
    pub site_name: Option<String>,
    /// <link rel="canonical" href>, else og:url.
    pub url: Option<String>,
}

/// Extracts the title, the visible text and a little metadata from an HTML page.
///
/// Meta values are entity-decoded and trimmed; for `<meta>` the key may be in
/// either `property` or `name` (compared case-insensitively). `published`
/// prefers, in this order: `article:published_time`, `pubdate`,
/// `publish-date`, `date`, `dc.date`, `dc.date.issued`, JSON-LD
/// `datePublished`, then the first `<time datetime>` in visible content.
/// Within one kind the first occurrence in the document wins.
pub fn html_to_text(html: &str) -> HtmlDocument {
    let mut converter = Converter::new(html);
    converter.run();
    converter.finish()
}

/// How far down the stack of open elements the implied-end-tag rules look.
const IMPLIED_END_WALK: usize = 64;
/// How far down the stack of open elements an end tag looks for its element.
/// An end tag whose element is deeper than this is ignored.
const END_TAG_WALK: usize = 512;

// Slots of `Converter::published`, in order of preference.
const PUB_ARTICLE: usize = 0;
const PUB_PUBDATE: usize = 1;
const PUB_PUBLISH_DATE: usize = 2;
const PUB_DATE: usize = 3;
const PUB_DC_DATE: usize = 4;
const PUB_DC_DATE_ISSUED: usize = 5;
const PUB_LD_JSON: usize = 6;
const PUB_TIME: usize = 7;

// ---------------------------------------------------------------------------
// Tree walker: consumes tokens, tracks open elements, writes text.
// ---------------------------------------------------------------------------

/// An element on the stack of open elements.
struct Open {
    /// Lowercased tag name.
    name: String,
    /// Whether this element hides its content (skipped kind or hidden attribute).
    skip: bool,
    /// `is_special(name)`, computed once: end-tag searches test it on every step.
    special: bool,
}

struct Converter<'a> {
    src: &'a str,
    out: TextOut,
    stack: Vec<Open>,
    /// How many elements of each name are on `stack`, so that end tags of
    /// elements that are not open are rejected in O(1).
    open_counts: HashMap<String, usize>,
    /// Number of elements on `stack` with `skip` set; text is emitted only at 0.
    skip_depth: usize,
    /// Body content has started: a later `<head>` is ignored.
    seen_body: bool,
    title: Option<String>,
    published: [Option<String>; 8],
    /// og:site_name, application-name.
    site_name: [Option<String>; 2],
    /// canonical link, og:url.
    url: [Option<String>; 2],
}

impl<'a> Converter<'a> {
    fn new(src: &'a str) -> Self {
        Converter {
            src,
            out: TextOut::default(),
            stack: Vec::new(),
            open_counts: HashMap::new(),
            skip_depth: 0,
            seen_body: false,
            title: None,
            published: Default::default(),
            site_name: Default::default(),
            url: Default::default(),
        }
    }

    fn finish(self) -> HtmlDocument {
        fn first<const N: usize>(slots: [Option<String>; N]) -> Option<String> {
            slots.into_iter().flatten().next()
        }
        HtmlDocument {
            title: self.title,
            text: self.out.finish(),
            meta: HtmlMeta {
                published: first(self.published),
                site_name: first(self.site_name),
                url: first(self.url),
            },
        }
    }

    /// The tokenizer loop: text runs between markup, markup dispatched.
    fn run(&mut self) {
        let src = self.src;
        let bytes = src.as_bytes();
        let mut text_start = 0;
        let mut pos = 0;
        while let Some(lt) = find_byte(bytes, pos, b'<') {
            let Some((markup, end)) = parse_markup(src, lt) else {
                // A '<' that does not start markup ("a < b") is literal text.
                pos = lt + 1;
                continue;
            };
            self.text(slice(src, text_start, lt));
            let resume = match markup {
                Markup::Nothing => end,
                Markup::Start(tag) => self.start_tag(&tag, end),
                Markup::End(name) => {
                    self.end_tag(&name);
                    end
                }
                // The input ends inside a tag: the partial tag is dropped.
                Markup::Truncated => return,
            };
            pos = resume;
            text_start = resume;
        }
        self.text(slice(src, text_start, src.len()));
    }

    fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        if !self.seen_body && raw.chars().any(is_visible_char) {
            // Text cannot live in <head>: like a browser, end the head here.
            self.seen_body = true;
            self.close_element("head");
        }
        if self.skip_depth == 0 {
            self.out.push_text(&decode_entities(raw, false));
        }
    }

    /// Handles a start tag whose markup ends at `end`; returns where to resume.
    fn start_tag(&mut self, tag: &Tag<'_>, end: usize) -> usize {
        let name = tag.name.as_str();
        match name {
            "meta" => self.read_meta(tag),
            "link" => self.read_link(tag),
            _ => {}
        }

        // <head> handling: anything that cannot be in the head ends it.
        if name == "head" && (self.seen_body || self.is_open("head")) {
            return end;
        }
        if leaves_head(name) {
            self.seen_body = true;
            self.close_element("head");
        }

        self.break_out_of_foreign(name);
        // Browsers ignore a <form> start tag inside an open form.
        if name == "form" && self.is_open("form") {
            return end;
        }
        self.close_implied(name);

        if name == "br" {
            self.block();
            return end;
        }
        if is_block(name) {
            self.block();
        }
        if matches!(name, "td" | "th") {
            self.cell();
        }
        if is_void(name) {
            return end;
        }

        let page_wrapper_form = name == "form"
            && self
                .stack
                .last()
                .is_none_or(|e| matches!(e.name.as_str(), "body" | "html"));
        let skip = (is_skipped(name) && !page_wrapper_form) || is_hidden(tag);
        let replaced = is_replaced(name);
        if replaced {
            self.space();
        }

        let foreign = self.in_foreign();
        // Raw-text elements end only at their own end tag. As in browsers, a
        // self-closing slash is honoured only in SVG/MathML content.
        if is_raw_text(name) && !(tag.self_closing && foreign) {
            let (content_end, resume) = find_raw_text_end(self.src, end, name);
            self.raw_text(tag, slice(self.src, end, content_end), foreign);
            if replaced {
                self.space();
            }
            return resume;
        }
        if tag.self_closing && (foreign || matches!(name, "svg" | "math")) {
            return end;
        }

        if name == "time"
            && !skip
            && self.skip_depth == 0
            && let Some(datetime) = tag.attr("datetime")
        {
            set_first(
                &mut self.published[PUB_TIME],
                &decode_entities(datetime, true),
            );
        }
        self.push(name, skip);
        end
    }

    fn end_tag(&mut self, name: &str) {
        // Browsers treat </br> as <br>.
        if name == "br" {
            self.block();
            return;
        }
        if let Some(index) = self.find_open(name) {
            self.pop_to(index);
        }
        // Also for an unmatched </p> etc.: a browser would render a boundary.
        if is_block(name) {
            self.block();
        }
    }

    /// Content of script, style, title, textarea, ...: never visible text,
    /// but the title and JSON-LD are read.
    fn raw_text(&mut self, tag: &Tag<'_>, content: &str, foreign: bool) {
        match tag.name.as_str() {
            // An SVG <title> is a tooltip, not the document title.
            "title" if !foreign && self.title.is_none() => {
                let title = collapse_whitespace(&decode_entities(content, false));
                if !title.is_empty() {
                    self.title = Some(title);
                }
            }
            "script"
                if self.published[PUB_LD_JSON].is_none()
                    && tag.attr("type").is_some_and(|t| {
                        t.trim()
                            .to_ascii_lowercase()
                            .starts_with("application/ld+json")
                    }) =>
            {
                if let Some(date) = json_date_published(content) {
                    set_first(&mut self.published[PUB_LD_JSON], &date);
                }
            }
            _ => {}
        }
    }

    fn read_meta(&mut self, tag: &Tag<'_>) {
        let Some(content) = tag.attr("content") else {
            return;
        };
        for key in [tag.attr("property"), tag.attr("name")]
            .into_iter()
            .flatten()
        {
            let slot = match decode_entities(key, true)
                .trim()
                .to_ascii_lowercase()
                .as_str()
            {
                "article:published_time" => &mut self.published[PUB_ARTICLE],
                "pubdate" => &mut self.published[PUB_PUBDATE],
                "publish-date" => &mut self.published[PUB_PUBLISH_DATE],
                "date" => &mut self.published[PUB_DATE],
                "dc.date" => &mut self.published[PUB_DC_DATE],
                "dc.date.issued" => &mut self.published[PUB_DC_DATE_ISSUED],
                "og:site_name" => &mut self.site_name[0],
                "application-name" => &mut self.site_name[1],
                "og:url" => &mut self.url[1],
                _ => continue,
            };
            set_first(slot, &decode_entities(content, true));
        }
    }

    fn read_link(&mut self, tag: &Tag<'_>) {
        let canonical = tag.attr("rel").is_some_and(|rel| {
            rel.split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case("canonical"))
        });
        if canonical && let Some(href) = tag.attr("href") {
            set_first(&mut self.url[0], &decode_entities(href, true));
        }
    }

    // --- output, only while nothing hides the content ---

    fn block(&mut self) {
        if self.skip_depth == 0 {
            self.out.separate(Sep::Block);
        }
    }

    fn space(&mut self) {
        if self.skip_depth == 0 {
            self.out.separate(Sep::Space);
        }
    }

    fn cell(&mut self) {
        if self.skip_depth == 0 {
            self.out.separate(Sep::Cell);
        }
    }

    // --- stack of open elements ---

    fn count(&self, name: &str) -> usize {
        self.open_counts.get(name).copied().unwrap_or(0)
    }

    fn is_open(&self, name: &str) -> bool {
        self.count(name) > 0
    }

    fn in_foreign(&self) -> bool {
        self.is_open("svg") || self.is_open("math")
    }

    fn push(&mut self, name: &str, skip: bool) {
        match self.open_counts.get_mut(name) {
            Some(count) => *count += 1,
            None => {
                self.open_counts.insert(name.to_string(), 1);
            }
        }
        if skip {
            self.skip_depth += 1;
        }
        self.stack.push(Open {
            name: name.to_string(),
            skip,
            special: is_special(name),
        });
    }

    /// Pops every element at `index` and above, emitting the boundaries that
    /// closing them implies.
    fn pop_to(&mut self, index: usize) {
        while self.stack.len() > index {
            let Some(open) = self.stack.pop() else { break };
            if let Some(count) = self.open_counts.get_mut(&open.name) {
                *count = count.saturating_sub(1);
            }
            if open.skip {
                self.skip_depth = self.skip_depth.saturating_sub(1);
            }
            if is_block(&open.name) {
                self.block();
            } else if is_replaced(&open.name) {
                self.space();
            }
        }
    }

    /// Closes the element `name` if an end tag for it would.
    fn close_element(&mut self, name: &str) {
        if let Some(index) = self.find_open(name) {
            self.pop_to(index);
        }
    }

    /// Where on the stack an end tag `</name>` finds its element, if anywhere.
    /// Follows the browser rules loosely: an end tag of an inline element does
    /// not close across a block/special element, and other end tags do not
    /// close across table cells, captions and the like.
    fn find_open(&self, name: &str) -> Option<usize> {
        if !self.is_open(name) {
            return None;
        }
        let special = is_special(name);
        for (steps, index) in (0..self.stack.len()).rev().enumerate() {
            if steps >= END_TAG_WALK {
                return None;
            }
            let open = &self.stack[index];
            if open.name == name {
                return Some(index);
            }
            // Only special elements are barriers, so test the cheap flag first.
            if open.special && (!special || is_scope_barrier(&open.name, name)) {
                return None;
            }
        }
        None
    }

    /// Applies the implied end tags that a start tag `name` causes, e.g. `<li>`
    /// closes an open `<li>` of the same list and a block closes an open `<p>`.
    fn close_implied(&mut self, name: &str) {
        if closes_p(name) {
            self.close_open(&["p"], is_button_scope_barrier);
        }
        match name {
            "li" => self.close_open(&["li"], is_list_item_barrier),
            "dt" | "dd" => self.close_open(&["dt", "dd"], is_list_item_barrier),
            "option" => self.close_open(&["option"], |e| e != "option"),
            "optgroup" => self.close_open(&["option", "optgroup"], |e| {
                !matches!(e, "option" | "optgroup")
            }),
            "tr" => self.close_open(&["tr", "td", "th"], is_table_barrier),
            "td" | "th" => self.close_open(&["td", "th"], |e| e == "tr" || is_table_barrier(e)),
            "thead" | "tbody" | "tfoot" => self.close_open(
                &["thead", "tbody", "tfoot", "tr", "td", "th", "caption"],
                is_table_barrier,
            ),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                // Only a heading that is the current element is closed.
                self.close_open(&["h1", "h2", "h3", "h4", "h5", "h6"], |e| !is_heading(e));
            }
            "button" => self.close_open(&["button"], is_button_scope_barrier),
            _ => {}
        }
    }

    /// Pops down to (and including) the deepest element named in `targets`
    /// found before a `barrier` element, looking at most `IMPLIED_END_WALK`
    /// elements down.
    fn close_open(&mut self, targets: &[&str], barrier: impl Fn(&str) -> bool) {
        if !targets.iter().any(|t| self.is_open(t)) {
            return;
        }
        let mut found = None;
        for (steps, index) in (0..self.stack.len()).rev().enumerate() {
            if steps >= IMPLIED_END_WALK {
                break;
            }
            let open = self.stack[index].name.as_str();
            if targets.contains(&open) {
                found = Some(index);
            } else if barrier(open) {
                break;
            }
        }
        if let Some(index) = found {
            self.pop_to(index);
        }
    }

    /// HTML tags such as `<p>` or `<div>` inside `<svg>`/`<math>` (outside an
    /// HTML integration point) close the foreign content, as in browsers. This
    /// keeps an unclosed `<svg>` from hiding the rest of the page.
    fn break_out_of_foreign(&mut self, name: &str) {
        if !breaks_out_of_foreign(name) || !self.in_foreign() {
            return;
        }
        for (steps, index) in (0..self.stack.len()).rev().enumerate() {
            if steps >= IMPLIED_END_WALK {
                return;
            }
            match self.stack.get(index).map(|e| e.name.as_str()) {
                Some("svg" | "math") => self.pop_to(index),
                Some(
                    "foreignobject" | "desc" | "mi" | "mo" | "mn" | "ms" | "mtext"
                    | "annotation-xml",
                ) => return,
                _ => {}
            }
        }
    }
}

/// Stores `value` (trimmed) in `slot` unless the slot is taken or the value empty.
fn set_first(slot: &mut Option<String>, value: &str) {
    let value = value.trim();
    if slot.is_none() && !value.is_empty() {
        *slot = Some(value.to_string());
    }
}

// ---------------------------------------------------------------------------
// Element classes.
// ---------------------------------------------------------------------------

/// Elements that never have content or an end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements whose content is raw text that ends only at the matching end tag.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "textarea" | "title" | "iframe" | "noembed" | "noframes"
    )
}

/// Elements whose content is never part of the text.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        // not rendered
        "script" | "style" | "noscript" | "template" | "head" | "title"
            | "noembed" | "noframes" | "datalist"
            // embedded / replaced content
            | "svg" | "math" | "canvas" | "iframe" | "object" | "video" | "audio"
            // page chrome and form controls
            | "nav" | "aside" | "footer" | "form" | "button" | "select" | "option"
            | "textarea" | "label"
    )
}

/// Skipped elements that take room on the line: they separate the words
/// around them by a space (`Share<button>..</button>this` gives "Share this").
fn is_replaced(name: &str) -> bool {
    matches!(
        name,
        "svg"
            | "math"
            | "canvas"
            | "iframe"
            | "object"
            | "video"
            | "audio"
            | "button"
            | "select"
            | "textarea"
            | "label"
    )
}

/// Elements that start and end a block of text.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hgroup"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "menu"
            | "dir"
            | "table"
            | "caption"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "blockquote"
            | "figure"
            | "figcaption"
            | "pre"
            | "listing"
            | "xmp"
            | "address"
            | "hr"
            | "details"
            | "summary"
            | "center"
            | "dialog"
            | "search"
            | "form"
            | "fieldset"
            | "legend"
            | "body"
            | "html"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Start tags that close an open `<p>` (HTML: "close a p element").
fn closes_p(name: &str) -> bool {
    is_block(name)
        && !matches!(
            name,
            "body" | "html" | "caption" | "legend" | "thead" | "tbody" | "tfoot" | "tr"
        )
}

/// Roughly the HTML "special" category: elements that inline end tags do not
/// close across.
fn is_special(name: &str) -> bool {
    is_block(name)
        || matches!(
            name,
            "applet"
                | "button"
                | "embed"
                | "frameset"
                | "head"
                | "iframe"
                | "img"
                | "marquee"
                | "math"
                | "noembed"
                | "noframes"
                | "noscript"
                | "object"
                | "script"
                | "select"
                | "style"
                | "svg"
                | "td"
                | "template"
                | "textarea"
                | "th"
                | "title"
        )
}

/// Whether `open` stops the search for the element of the end tag `</target>`.
fn is_scope_barrier(open: &str, target: &str) -> bool {
    match target {
        "table" => matches!(open, "html" | "template"),
        "thead" | "tbody" | "tfoot" | "tr" | "td" | "th" | "caption" => is_table_barrier(open),
        _ => {
            matches!(
                open,
                "applet"
                    | "caption"
                    | "html"
                    | "marquee"
                    | "object"
                    | "table"
                    | "td"
                    | "th"
                    | "template"
            ) || (target == "li" && matches!(open, "ul" | "ol"))
                || (target == "p" && open == "button")
        }
    }
}

fn is_table_barrier(open: &str) -> bool {
    matches!(open, "table" | "template" | "html")
}

fn is_button_scope_barrier(open: &str) -> bool {
    matches!(
        open,
        "applet"
            | "button"
            | "caption"
            | "html"
            | "marquee"
            | "object"
            | "table"
            | "td"
            | "th"
            | "template"
    )
}

fn is_list_item_barrier(open: &str) -> bool {
    is_special(open) && !matches!(open, "address" | "div" | "p")
}

/// Start tags that may appear inside `<head>`; any other one ends the head.
fn leaves_head(name: &str) -> bool {
    !matches!(
        name,
        "html"
            | "head"
            | "base"
            | "basefont"
            | "bgsound"
            | "link"
            | "meta"
            | "noscript"
            | "script"
            | "style"
            | "template"
            | "title"
    )
}

/// HTML start tags that end SVG/MathML content (HTML spec, "in foreign content").
fn breaks_out_of_foreign(name: &str) -> bool {
    matches!(
        name,
        "b" | "big"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "code"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "em"
            | "embed"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "hr"
            | "i"
            | "img"
            | "li"
            | "listing"
            | "menu"
            | "meta"
            | "nobr"
            | "ol"
            | "p"
            | "pre"
            | "ruby"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "strike"
            | "sub"
            | "sup"
            | "table"
            | "tt"
            | "u"
            | "ul"
            | "var"
    )
}

/// `hidden`, `aria-hidden="true"` or an inline `display:none`.
fn is_hidden(tag: &Tag<'_>) -> bool {
    if tag.attr("hidden").is_some() {
        return true;
    }
    if tag
        .attr("aria-hidden")
        .is_some_and(|v| decode_entities(v, true).trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    tag.attr("style").is_some_and(|style| {
        let compact: String = decode_entities(style, true)
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        compact.contains("display:none")
    })
}

// ---------------------------------------------------------------------------
// Tokenizer.
// ---------------------------------------------------------------------------

/// A start tag. Attribute names and values are raw slices of the input
/// (values not yet entity-decoded); the first of duplicate attributes wins.
struct Tag<'a> {
    /// Lowercased (ASCII) tag name.
    name: String,
    attrs: Vec<(&'a str, &'a str)>,
    /// Ends in `/>`.
    self_closing: bool,
}

impl<'a> Tag<'a> {
    /// Raw value of the first attribute called `name` (case-insensitive).
    fn attr(&self, name: &str) -> Option<&'a str> {
        self.attrs
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|&(_, v)| v)
    }
}

enum Markup<'a> {
    /// Comment, doctype, CDATA, processing instruction, `</>`, ...
    Nothing,
    Start(Tag<'a>),
    /// End tag, lowercased name.
    End(String),
    /// The input ended inside the tag.
    Truncated,
}

/// Parses the markup starting at the `<` at `lt`. Returns the markup and the
/// offset just after it, or `None` if this `<` is literal text.
fn parse_markup(src: &str, lt: usize) -> Option<(Markup<'_>, usize)> {
    let bytes = src.as_bytes();
    let len = bytes.len();
    match bytes.get(lt + 1)? {
        b'!' => {
            let rest = bytes.get(lt..).unwrap_or_default();
            let end = if rest.starts_with(b"<!--") {
                let body = lt + 4;
                let after = bytes.get(body..).unwrap_or_default();
                // "<!-->" and "<!--->" are complete (empty) comments.
                if after.starts_with(b">") {
                    body + 1
                } else if after.starts_with(b"->") {
                    body + 2
                } else {
                    // An unterminated comment runs to the end of the input.
                    find_seq(bytes, body, b"-->").map_or(len, |i| i + 3)
                }
            } else if rest.starts_with(b"<![CDATA[") {
                find_seq(bytes, lt + 9, b"]]>").map_or(len, |i| i + 3)
            } else {
                // <!DOCTYPE ...> and other bogus comments end at the first '>'.
                skip_past(bytes, lt + 2, b'>')
            };
            Some((Markup::Nothing, end))
        }
        b'?' => Some((Markup::Nothing, skip_past(bytes, lt + 2, b'>'))),
        b'/' => match bytes.get(lt + 2) {
            Some(c) if c.is_ascii_alphabetic() => Some(match parse_tag(src, lt + 2) {
                Some((tag, end)) => (Markup::End(tag.name), end),
                None => (Markup::Truncated, len),
            }),
            Some(b'>') => Some((Markup::Nothing, lt + 3)),
            Some(_) => Some((Markup::Nothing, skip_past(bytes, lt + 2, b'>'))),
            // "</" at the very end is text.
            None => None,
        },
        c if c.is_ascii_alphabetic() => Some(match parse_tag(src, lt + 1) {
            Some((tag, end)) => (Markup::Start(tag), end),
            None => (Markup::Truncated, len),
        }),
        _ => None,
    }
}

fn is_tag_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

/// Parses a tag whose name starts at `name_start` (just after `<` or `</`).
/// Returns the tag and the offset after its `>`, or `None` if the input ends
/// first. Attributes: `name="v"`, `name='v'`, `name=v`, bare `name`; a `>`
/// inside a quoted value does not end the tag.
fn parse_tag(src: &str, name_start: usize) -> Option<(Tag<'_>, usize)> {
    let bytes = src.as_bytes();
    let len = bytes.len();
    let mut i = name_start;
    while i < len && !is_tag_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    let mut tag = Tag {
        name: slice(src, name_start, i).to_ascii_lowercase(),
        attrs: Vec::new(),
        self_closing: false,
    };
    loop {
        while i < len && is_tag_space(bytes[i]) {
            i += 1;
        }
        match bytes.get(i)? {
            b'>' => return Some((tag, i + 1)),
            b'/' => {
                i += 1;
                tag.self_closing = bytes.get(i) == Some(&b'>');
                continue;
            }
            _ => tag.self_closing = false,
        }
        // Attribute name. Its first character may be anything not consumed
        // above (even '='), which also guarantees progress.
        let attr_start = i;
        i += 1;
        while i < len && !is_tag_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let attr_name = slice(src, attr_start, i);
        while i < len && is_tag_space(bytes[i]) {
            i += 1;
        }
        let mut value = "";
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < len && is_tag_space(bytes[i]) {
                i += 1;
            }
            match *bytes.get(i)? {
                quote @ (b'"' | b'\'') => {
                    let close = find_byte(bytes, i + 1, quote)?;
                    value = slice(src, i + 1, close);
                    i = close + 1;
                }
                // `name=>`: empty value; the '>' ends the tag next round.
                b'>' => {}
                _ => {
                    let value_start = i;
                    while i < len && !is_tag_space(bytes[i]) && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = slice(src, value_start, i);
                }
            }
        }
        tag.attrs.push((attr_name, value));
    }
}

/// Finds the end tag `</name` (any case, followed by space, `/`, `>` or the
/// end) of a raw-text element whose content starts at `from`. Returns the end
/// of the content and the offset after the end tag (both the input length if
/// there is no end tag).
fn find_raw_text_end(src: &str, from: usize, name: &str) -> (usize, usize) {
    let bytes = src.as_bytes();
    let name = name.as_bytes();
    let mut pos = from;
    while let Some(lt) = find_byte(bytes, pos, b'<') {
        let name_start = lt + 2;
        let name_end = name_start + name.len();
        if bytes.get(lt + 1) == Some(&b'/')
            && bytes
                .get(name_start..name_end)
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && bytes
                .get(name_end)
                .is_none_or(|&c| is_tag_space(c) || c == b'/' || c == b'>')
        {
            return (lt, skip_past(bytes, name_end, b'>'));
        }
        pos = lt + 1;
    }
    (bytes.len(), bytes.len())
}

/// Offset of the first `needle` at or after `from`.
fn find_byte(bytes: &[u8], from: usize, needle: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&c| c == needle)
        .map(|p| p + from)
}

/// Offset of the first occurrence of `needle` at or after `from`.
fn find_seq(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Offset just after the first `needle` at or after `from`, or the end.
fn skip_past(bytes: &[u8], from: usize, needle: u8) -> usize {
    find_byte(bytes, from, needle).map_or(bytes.len(), |i| i + 1)
}

/// `&s[start..end]`. Every caller passes offsets of ASCII bytes (or 0 / the
/// length), which are char boundaries, so the fallback is never taken; in
/// tests it panics instead, so that the fuzz tests would catch a mistake.
fn slice(s: &str, start: usize, end: usize) -> &str {
    match s.get(start..end) {
        Some(part) => part,
        #[cfg(test)]
        None => panic!("{start}..{end} is not a char range of the input"),
        #[cfg(not(test))]
        None => "",
    }
}

// ---------------------------------------------------------------------------
// Text output with whitespace collapsing.
// ---------------------------------------------------------------------------

/// Separator waiting to be written before the next visible character.
/// Ordered by strength: a stronger one replaces a weaker one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
enum Sep {
    #[default]
    None,
    Space,
    /// Between table cells of one row.
    Cell,
    /// Between blocks.
    Block,
}

#[derive(Default)]
struct TextOut {
    out: String,
    /// The current block has text (separators are only ever written between
    /// two pieces of text, so there is no leading or trailing whitespace).
    in_block: bool,
    pending: Sep,
}

impl TextOut {
    fn separate(&mut self, sep: Sep) {
        if self.in_block {
            self.pending = self.pending.max(sep);
            if sep == Sep::Block {
                self.in_block = false;
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.separate(Sep::Space);
            } else if is_visible_char(c) {
                self.out.push_str(match self.pending {
                    Sep::None => "",
                    Sep::Space => " ",
                    Sep::Cell => " | ",
                    Sep::Block => "\n\n",
                });
                self.pending = Sep::None;
                self.out.push(c);
                self.in_block = true;
            }
        }
    }

    fn finish(self) -> String {
        self.out
    }
}

/// Characters that show up as text: not whitespace, not control characters,
/// not the BOM / zero width no-break space, not soft hyphens.
fn is_visible_char(c: char) -> bool {
    !c.is_whitespace() && !c.is_control() && c != '\u{FEFF}' && c != '\u{AD}'
}

fn collapse_whitespace(text: &str) -> String {
    let mut out = TextOut::default();
    out.push_text(text);
    out.finish()
}

// ---------------------------------------------------------------------------
// Character references.
// ---------------------------------------------------------------------------

enum Decoded {
    Char(char),
    Str(&'static str),
}

/// Decodes character references (`&amp;`, `&#8217;`, `&#x2019;`, ...).
/// In attribute values a reference without `;` is decoded only if it is not
/// followed by a letter, digit or `=` (browser rule, keeps URLs intact).
fn decode_entities(s: &str, in_attribute: bool) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let Some(mut pos) = find_byte(bytes, 0, b'&') else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    loop {
        match decode_reference(s, pos, in_attribute) {
            Some((decoded, end)) => {
                out.push_str(slice(s, copied, pos));
                match decoded {
                    Decoded::Char(c) => out.push(c),
                    Decoded::Str(text) => out.push_str(text),
                }
                copied = end;
                pos = end;
            }
            None => pos += 1,
        }
        match find_byte(bytes, pos, b'&') {
            Some(next) => pos = next,
            None => break,
        }
    }
    out.push_str(slice(s, copied, s.len()));
    Cow::Owned(out)
}

/// Decodes the reference at the `&` at `amp`: what it stands for and where it
/// ends, or `None` if it is not a reference (the `&` is then literal).
fn decode_reference(s: &str, amp: usize, in_attribute: bool) -> Option<(Decoded, usize)> {
    let bytes = s.as_bytes();
    let mut i = amp + 1;
    if bytes.get(i) == Some(&b'#') {
        i += 1;
        let radix = if matches!(bytes.get(i), Some(b'x' | b'X')) {
            i += 1;
            16
        } else {
            10
        };
        let digits_start = i;
        let mut value: u32 = 0;
        while let Some(digit) = bytes.get(i).and_then(|&c| char::from(c).to_digit(radix)) {
            value = value.saturating_mul(radix).saturating_add(digit);
            i += 1;
        }
        if i == digits_start {
            return None;
        }
        if bytes.get(i) == Some(&b';') {
            i += 1;
        }
        return Some((Decoded::Char(numeric_reference(value)), i));
    }

    let name_start = i;
    while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    if i == name_start {
        return None;
    }
    let name = slice(s, name_start, i);
    if bytes.get(i) == Some(&b';')
        && let Some(text) = named_entity(name)
    {
        return Some((Decoded::Str(text), i + 1));
    }
    // Without ';' browsers still accept a few legacy names; in text even as a
    // prefix ("&ampx" is "&x"), in attributes only on their own.
    for legacy in ["amp", "lt", "gt", "quot", "nbsp", "AMP", "LT", "GT", "QUOT"] {
        let text = named_entity(legacy)?;
        if in_attribute {
            if name == legacy && bytes.get(i) != Some(&b'=') {
                return Some((Decoded::Str(text), i));
            }
        } else if name.starts_with(legacy) {
            return Some((Decoded::Str(text), name_start + legacy.len()));
        }
    }
    None
}

/// The character of a numeric reference. 0, surrogates and values past
/// U+10FFFF give U+FFFD; 0x80-0x9F are read as Windows-1252, as browsers do
/// (`&#146;` is a right single quote on many old pages).
fn numeric_reference(value: u32) -> char {
    const WINDOWS_1252: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    match value {
        0 => '\u{FFFD}',
        0x80..=0x9F => WINDOWS_1252[(value - 0x80) as usize],
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    }
}

/// Named character references. `nbsp` and the typographic spaces become a
/// plain space; `shy`, `zwj`, `zwnj`, `lrm` and `rlm` are removed.
fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" | "AMP" => "&",
        "lt" | "LT" => "<",
        "gt" | "GT" => ">",
        "quot" | "QUOT" => "\"",
        "apos" => "'",
        "nbsp" | "thinsp" | "ensp" | "emsp" => " ",
        "shy" | "zwj" | "zwnj" | "lrm" | "rlm" => "",
        "ndash" => "\u{2013}",
        "mdash" => "\u{2014}",
        "minus" => "\u{2212}",
        "lsquo" => "\u{2018}",
        "rsquo" => "\u{2019}",
        "sbquo" => "\u{201A}",
        "ldquo" => "\u{201C}",
        "rdquo" => "\u{201D}",
        "bdquo" => "\u{201E}",
        "lsaquo" => "\u{2039}",
        "rsaquo" => "\u{203A}",
        "laquo" => "\u{AB}",
        "raquo" => "\u{BB}",
        "hellip" => "\u{2026}",
        "bull" => "\u{2022}",
        "middot" => "\u{B7}",
        "dagger" => "\u{2020}",
        "Dagger" => "\u{2021}",
        "permil" => "\u{2030}",
        "prime" => "\u{2032}",
        "Prime" => "\u{2033}",
        "trade" => "\u{2122}",
        "euro" => "\u{20AC}",
        "larr" => "\u{2190}",
        "rarr" => "\u{2192}",
        // Latin-1 symbols
        "iexcl" => "¡",
        "cent" => "¢",
        "pound" => "£",
        "curren" => "¤",
        "yen" => "¥",
        "brvbar" => "¦",
        "sect" => "§",
        "uml" => "¨",
        "copy" => "©",
        "ordf" => "ª",
        "not" => "¬",
        "reg" => "®",
        "macr" => "¯",
        "deg" => "°",
        "plusmn" => "±",
        "sup2" => "²",
        "sup3" => "³",
        "acute" => "´",
        "micro" => "µ",
        "para" => "¶",
        "cedil" => "¸",
        "sup1" => "¹",
        "ordm" => "º",
        "frac14" => "¼",
        "frac12" => "½",
        "frac34" => "¾",
        "iquest" => "¿",
        "times" => "×",
        "divide" => "÷",
        // Latin-1 letters
        "Agrave" => "À",
        "Aacute" => "Á",
        "Acirc" => "Â",
        "Atilde" => "Ã",
        "Auml" => "Ä",
        "Aring" => "Å",
        "AElig" => "Æ",
        "Ccedil" => "Ç",
        "Egrave" => "È",
        "Eacute" => "É",
        "Ecirc" => "Ê",
        "Euml" => "Ë",
        "Igrave" => "Ì",
        "Iacute" => "Í",
        "Icirc" => "Î",
        "Iuml" => "Ï",
        "ETH" => "Ð",
        "Ntilde" => "Ñ",
        "Ograve" => "Ò",
        "Oacute" => "Ó",
        "Ocirc" => "Ô",
        "Otilde" => "Õ",
        "Ouml" => "Ö",
        "Oslash" => "Ø",
        "Ugrave" => "Ù",
        "Uacute" => "Ú",
        "Ucirc" => "Û",
        "Uuml" => "Ü",
        "Yacute" => "Ý",
        "THORN" => "Þ",
        "Yuml" => "Ÿ",
        "szlig" => "ß",
        "agrave" => "à",
        "aacute" => "á",
        "acirc" => "â",
        "atilde" => "ã",
        "auml" => "ä",
        "aring" => "å",
        "aelig" => "æ",
        "ccedil" => "ç",
        "egrave" => "è",
        "eacute" => "é",
        "ecirc" => "ê",
        "euml" => "ë",
        "igrave" => "ì",
        "iacute" => "í",
        "icirc" => "î",
        "iuml" => "ï",
        "eth" => "ð",
        "ntilde" => "ñ",
        "ograve" => "ò",
        "oacute" => "ó",
        "ocirc" => "ô",
        "otilde" => "õ",
        "ouml" => "ö",
        "oslash" => "ø",
        "ugrave" => "ù",
        "uacute" => "ú",
        "ucirc" => "û",
        "uuml" => "ü",
        "yacute" => "ý",
        "thorn" => "þ",
        "yuml" => "ÿ",
        "OElig" => "Œ",
        "oelig" => "œ",
        "Scaron" => "Š",
        "scaron" => "š",
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// JSON-LD.
// ---------------------------------------------------------------------------

/// The first non-empty string value of a `"datePublished"` key, found by a
/// plain text scan (no JSON parsing). Handles the simple JSON escapes.
fn json_date_published(json: &str) -> Option<String> {
    const KEY: &str = "\"datePublished\"";
    let mut from = 0;
    while let Some(found) = json.get(from..).and_then(|rest| rest.find(KEY)) {
        from += found + KEY.len();
        if let Some(value) = json_string_after_colon(json.get(from..).unwrap_or_default())
            && !value.trim().is_empty()
        {
            return Some(value);
        }
    }
    None
}

/// Reads `: "value"` at the start of `rest` (after optional whitespace).
fn json_string_after_colon(rest: &str) -> Option<String> {
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let mut chars = rest.strip_prefix('"')?.chars();
    let mut value = String::new();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(value),
            '\\' => match chars.next()? {
                'n' | 'r' | 't' | 'b' | 'f' => value.push(' '),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let code = u32::from_str_radix(&hex, 16).ok();
                    value.push(code.and_then(char::from_u32).unwrap_or('\u{FFFD}'));
                }
                other => value.push(other),
            },
            c => value.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        html_to_text(html).text
    }

    /// The invariants `HtmlDocument::text` promises, for any input.
    fn assert_well_formed(text: &str) {
        assert_eq!(text, text.trim(), "leading/trailing whitespace: {text:?}");
        assert!(!text.contains("\n\n\n"), "three newlines: {text:?}");
        assert!(!text.contains("  "), "double space: {text:?}");
        assert!(
            !text.contains(" \n") && !text.contains("\n "),
            "space at line edge: {text:?}"
        );
        assert!(
            text.chars()
                .all(|c| c == ' ' || c == '\n' || !c.is_whitespace()),
            "stray whitespace: {text:?}"
        );
        assert!(
            text.split("\n\n").all(|block| !block.contains('\n')),
            "lone newline: {text:?}"
        );
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "control char: {text:?}"
        );
    }

    // --- title ---

    #[test]
    fn title_is_extracted_decoded_and_collapsed() {
        let doc = html_to_text(
            "<html><head><TITLE>\n  Floods &amp; storms:\t14 dead &#8211; News  </TITLE></head>\
             <body><p>Body</p></body></html>",
        );
        assert_eq!(
            doc.title.as_deref(),
            Some("Floods & storms: 14 dead \u{2013} News")
        );
        assert_eq!(doc.text, "Body");
    }

    #[test]
    fn missing_or_empty_title_is_none() {
        assert_eq!(html_to_text("<p>x</p>").title, None);
        assert_eq!(html_to_text("<title>  &nbsp; </title><p>x</p>").title, None);
    }

    #[test]
    fn title_markup_is_raw_text_and_never_in_body_text() {
        let doc = html_to_text("<title>a <b>bold</b> title</title><p>text</p>");
        assert_eq!(doc.title.as_deref(), Some("a <b>bold</b> title"));
        assert_eq!(doc.text, "text");
    }

    #[test]
    fn svg_title_is_not_the_document_title() {
        let doc =
            html_to_text("<body><svg><title>Search icon</title><path d='M0 0'/></svg><p>Hi</p>");
        assert_eq!(doc.title, None);
        assert_eq!(doc.text, "Hi");
    }

    // --- skipped content ---

    #[test]
    fn script_style_noscript_contents_are_skipped() {
        let html = "<p>Before</p><script>var x = '<p>no</p>';</script>\
                    <style>p { color: red }</style>\
                    <noscript><p>Enable <b>JavaScript</b></p><img src=x></noscript><p>After</p>";
        assert_eq!(text(html), "Before\n\nAfter");
    }

    #[test]
    fn uppercase_script_end_tag_closes_the_script() {
        assert_eq!(
            text("<p>a</p><SCRIPT type=text/javascript>x()</SCRIPT ><p>b</p>"),
            "a\n\nb"
        );
        assert_eq!(text("<p>a</p><script>x()</sCrIpT><p>b</p>"), "a\n\nb");
    }

    #[test]
    fn lt_inside_script_does_not_end_it_early() {
        let html = "<script>if (a < b && c<d) { s = '</div><p>hidden</p>'; t = '</scripts>'; }</script><p>shown</p>";
        assert_eq!(text(html), "shown");
    }

    #[test]
    fn nav_footer_aside_with_nested_tags_are_skipped() {
        let html = "<header><a href=/>Site</a><nav><ul><li><a href=/a>World</a></li>\
                    <li><a href=/b>Sport <span>&amp; more</span></a></li></ul></nav></header>\
                    <article><p>Story</p><aside><h2>Related</h2><ul><li>Other</li></ul></aside>\
                    <p>More story</p></article><footer><p>&copy; 2024 <nav>x</nav> Site</p></footer>";
        assert_eq!(text(html), "Site\n\nStory\n\nMore story");
    }

    #[test]
    fn form_controls_and_embedded_content_are_skipped() {
        let html = "<div><form action=/s><label for=q>Search</label><input id=q>\
                    <select><option>One<option>Two</select><button>Go</button></form>\
                    <p>Share<button>Tweet</button>this</p><iframe src=x>fallback</iframe>\
                    <svg><path d='M0'/><text>icon</text></svg><p>end</p></div>";
        assert_eq!(text(html), "Share this\n\nend");
    }

    #[test]
    fn page_wrapping_form_is_kept_as_a_container() {
        let html = "<body><form id=aspnetForm><div><p>Article text</p><button>Submit</button></div></form></body>";
        assert_eq!(text(html), "Article text");
    }

    #[test]
    fn hidden_elements_are_skipped() {
        let html = "<p>a<span hidden>X</span>b</p>\
                    <div aria-hidden=\"TRUE\">Advert</div>\
                    <div aria-hidden=\"false\">kept</div>\
                    <div style=\"color:red; DISPLAY : none\"><div>nested</div><p>p</p></div>\
                    <div style='display:none'>also</div>\
                    <p>end</p>";
        assert_eq!(text(html), "ab\n\nkept\n\nend");
    }

    #[test]
    fn unclosed_skipped_element_skips_to_the_end() {
        assert_eq!(text("<p>a</p><aside><p>b</p><p>c</p>"), "a");
        assert_eq!(text("<p>a</p><script>never closed <p>b</p>"), "a");
    }

    #[test]
    fn skipped_element_closed_by_its_parent() {
        // The hidden <li> has no end tag; </ul> closes it.
        assert_eq!(text("<ul><li hidden>a<li>b</ul><p>c</p>"), "b\n\nc");
        // Unclosed <option>s in a <datalist>.
        assert_eq!(
            text("<datalist id=d><option value=x><option value=y></datalist><p>after</p>"),
            "after"
        );
        // An unclosed <svg> ends where HTML content resumes.
        assert_eq!(text("<p>a</p><svg><path d=M0><p>b</p>"), "a\n\nb");
    }

    #[test]
    fn unmatched_end_tags_are_ignored() {
        assert_eq!(text("</nav></aside>a</b></span> b</div>"), "a b");
        assert_eq!(text("<nav>menu</div></span>more menu</nav>text"), "text");
    }

    #[test]
    fn inline_end_tag_does_not_close_a_skipped_block() {
        // As in browsers, </span> does not close the <aside> opened inside it.
        assert_eq!(
            text("<p>a</p><span><aside>related</span> still aside</aside></span><p>b</p>"),
            "a\n\nb"
        );
    }

    #[test]
    fn void_elements_never_open_a_scope() {
        assert_eq!(
            text("<p>a<br>b<img src=x><hr>c<input hidden>d<wbr>e<meta content=x></p>"),
            "a\n\nb\n\ncde"
        );
    }

    // --- blocks and inline text ---

    #[test]
    fn paragraphs_are_separated_by_blank_lines() {
        let html = "<h1>Title</h1>\n<p>First\n   paragraph.</p><p>Second</p>\
                    <div>Div <div>inner</div> tail</div><ul><li>one</li><li>two</ul>";
        assert_eq!(
            text(html),
            "Title\n\nFirst paragraph.\n\nSecond\n\nDiv\n\ninner\n\ntail\n\none\n\ntwo"
        );
    }

    #[test]
    fn implied_paragraph_and_list_item_ends() {
        assert_eq!(text("<p>One<p>Two<div>Three</div>"), "One\n\nTwo\n\nThree");
        assert_eq!(text("<ul><li>a<li>b<li>c</ul>"), "a\n\nb\n\nc");
        assert_eq!(
            text("<dl><dt>Term<dd>Definition</dl>"),
            "Term\n\nDefinition"
        );
    }

    #[test]
    fn inline_tags_add_no_spaces() {
        assert_eq!(
            text("<p>The toll rose to <b>6,</b>221 people</p>"),
            "The toll rose to 6,221 people"
        );
        assert_eq!(
            text(
                "<p><a href=x>Reza</a> <i>Karimi</i><sup>1</sup> <em>said</em><strong>!</strong></p>"
            ),
            "Reza Karimi1 said!"
        );
        assert_eq!(text("6,<script>x</script>221"), "6,221");
    }

    #[test]
    fn br_starts_a_new_block() {
        assert_eq!(
            text("<p>Line one<br>Line two<br/><br />Line three</p>"),
            "Line one\n\nLine two\n\nLine three"
        );
        assert_eq!(text("a</br>b"), "a\n\nb");
    }

    #[test]
    fn table_cells_are_separated_by_pipes() {
        let html = "<table><thead><tr><th>Province</th><th>Deaths</th></tr></thead>\
                    <tbody><tr><td>North</td> <td>14</td></tr><tr><td>South<td><td>9</tbody></table>";
        assert_eq!(text(html), "Province | Deaths\n\nNorth | 14\n\nSouth | 9");
    }

    #[test]
    fn whitespace_variants_collapse() {
        assert_eq!(
            text("<p>\u{A0}a\u{A0}\u{A0}b\t\r\n\u{C}c\u{2009}d\u{202F}e </p>"),
            "a b c d e"
        );
        assert_eq!(text("\u{FEFF}<p>bom</p>"), "bom");
        assert_eq!(text("<p>so\u{AD}ft</p>"), "soft");
    }

    // --- character references ---

    #[test]
    fn numeric_and_hex_references_are_decoded() {
        assert_eq!(
            text("It&#8217;s &#x2019;x&#X2019; &#65;&#x42 &#146;"),
            "It\u{2019}s \u{2019}x\u{2019} AB \u{2019}"
        );
    }

    #[test]
    fn invalid_numeric_references_become_replacement_characters() {
        assert_eq!(
            text("a&#0;b&#xD800;c&#x110000;d&#99999999999999999999;e"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e"
        );
        assert_eq!(text("&#; &#x; &# x"), "&#; &#x; &# x");
    }

    #[test]
    fn named_references_are_decoded() {
        assert_eq!(
            text(
                "&ldquo;Hi&rdquo; &mdash; &lsquo;x&rsquo; 5&deg;C &euro;3 &frac12; caf&eacute; &Eacute;&Ntilde;&szlig; 3&times;4"
            ),
            "\u{201C}Hi\u{201D} \u{2014} \u{2018}x\u{2019} 5\u{B0}C \u{20AC}3 \u{BD} caf\u{E9} \u{C9}\u{D1}\u{DF} 3\u{D7}4"
        );
        assert_eq!(text("a&nbsp;&nbsp;b&thinsp;c"), "a b c");
        assert_eq!(text("in&shy;vis&zwnj;i&zwj;ble"), "invisible");
        assert_eq!(
            text("&lt;p&gt; is &quot;markup&quot; &amp; &apos;text&apos;"),
            "<p> is \"markup\" & 'text'"
        );
    }

    #[test]
    fn legacy_references_work_without_semicolon() {
        assert_eq!(
            text("AT&ampT &lt 5 &gt 3 &quot;q&quot a&nbspb"),
            "AT&T < 5 > 3 \"q\" a b"
        );
        // Others need the ';' and unknown names stay literal.
        assert_eq!(
            text("&copy 2024 &bogus; AT&T &#"),
            "&copy 2024 &bogus; AT&T &#"
        );
    }

    #[test]
    fn attribute_values_are_decoded() {
        let doc = html_to_text(
            "<link rel=canonical href='https://x.org/a?b=1&amp;c=2&lang=en'>\
             <meta property=og:site_name content=\"Caf&eacute; &amp; Co\">",
        );
        assert_eq!(
            doc.meta.url.as_deref(),
            Some("https://x.org/a?b=1&c=2&lang=en")
        );
        assert_eq!(doc.meta.site_name.as_deref(), Some("Caf\u{E9} & Co"));
    }

    // --- metadata ---

    #[test]
    fn published_prefers_article_published_time() {
        let doc = html_to_text(
            "<head><meta name=date content=2024-01-01>\
             <script type=\"application/ld+json\">{\"datePublished\": \"2024-01-02\"}</script>\
             <meta property=\"article:published_time\" content=\" 2024-01-03T10:00:00Z \"></head>\
             <body><time datetime=2024-01-04>4 Jan</time></body>",
        );
        assert_eq!(doc.meta.published.as_deref(), Some("2024-01-03T10:00:00Z"));
        assert_eq!(doc.text, "4 Jan");
    }

    #[test]
    fn published_from_meta_names_in_order() {
        let doc = html_to_text(
            "<meta name=date content=d1><META NAME=\"DC.date.issued\" CONTENT=d2><meta name=pubdate content=d3>",
        );
        assert_eq!(doc.meta.published.as_deref(), Some("d3"));
        let doc = html_to_text(
            "<meta name=\"DC.date.issued\" content=d2><meta name=\"publish-date\" content=\"\">",
        );
        assert_eq!(doc.meta.published.as_deref(), Some("d2"));
    }

    #[test]
    fn published_from_ld_json() {
        let doc = html_to_text(
            "<script type='application/ld+json'>{\"@graph\":[{\"headline\":\"x\",\
             \"datePublished\" : \"2023-11-05T09:30:00+03:30\"}]}</script><time datetime=2020-01-01>x</time>",
        );
        assert_eq!(
            doc.meta.published.as_deref(),
            Some("2023-11-05T09:30:00+03:30")
        );
        // A plain script is not JSON-LD.
        let doc = html_to_text("<script>{\"datePublished\":\"2023\"}</script>");
        assert_eq!(doc.meta.published, None);
    }

    #[test]
    fn published_from_time_datetime_in_visible_content() {
        let doc = html_to_text(
            "<aside><time datetime=2020-01-01>old</time></aside>\
             <article><time>no attribute</time><time datetime='2024-05-06'>6 May</time></article>",
        );
        assert_eq!(doc.meta.published.as_deref(), Some("2024-05-06"));
    }

    #[test]
    fn site_name_and_url_fallbacks() {
        let doc = html_to_text(
            "<meta name=application-name content=App><meta property=og:url content=https://og/\
             ><meta property=og:site_name content=Site><link rel=\"alternate canonical\" href=https://canon/>",
        );
        assert_eq!(doc.meta.site_name.as_deref(), Some("Site"));
        assert_eq!(doc.meta.url.as_deref(), Some("https://canon/"));
        let doc = html_to_text(
            "<meta name=application-name content=App><meta property=og:url content=https://og/>",
        );
        assert_eq!(doc.meta.site_name.as_deref(), Some("App"));
        assert_eq!(doc.meta.url.as_deref(), Some("https://og/"));
        assert_eq!(html_to_text("<p>x</p>").meta, HtmlMeta::default());
    }

    // --- malformed input ---

    #[test]
    fn empty_and_whitespace_inputs() {
        assert_eq!(html_to_text(""), HtmlDocument::default());
        assert_eq!(html_to_text(" \n\t\u{A0} "), HtmlDocument::default());
        assert_eq!(text("<p> </p><div>\n</div>"), "");
    }

    #[test]
    fn stray_lt_is_text() {
        assert_eq!(text("<p>a < b and 3<4, x<</p>"), "a < b and 3<4, x<");
        assert_eq!(text("<"), "<");
        assert_eq!(text("a </"), "a </");
        assert_eq!(text("a <!"), "a");
        assert_eq!(text("1 </ 2> 3"), "1 3");
    }

    #[test]
    fn comments_doctype_cdata_and_pis_are_skipped() {
        let html = "<!DOCTYPE html><?xml version=\"1.0\"?><!-- a <p>comment</p> -->\
                    <p>x<!---->y<!-->z<![CDATA[ data ]]></p>";
        assert_eq!(text(html), "xyz");
        assert_eq!(
            text("<p>before</p><!-- never closed <p>after</p>"),
            "before"
        );
    }

    #[test]
    fn truncated_tags_are_dropped() {
        assert_eq!(text("<p>Hello wor"), "Hello wor");
        assert_eq!(text("<p>Hello</p><p"), "Hello");
        assert_eq!(text("<p>Hello</p><p class=\"x"), "Hello");
        assert_eq!(text("<p>Hello</p><a href='x' title=y"), "Hello");
        assert_eq!(text("<p>Hello</p></di"), "Hello");
        assert_eq!(text("<p>Hello</p><p data-x="), "Hello");
    }

    #[test]
    fn attributes_with_gt_in_quotes_unquoted_and_bare() {
        let html = "<p title=\"a > b\" data-x='<p>' class=lead hidden-not=1 itemscope>Text</p>\
                    <div data-y = \"1\" / >more</div><P CLASS=x>up</P>";
        assert_eq!(text(html), "Text\n\nmore\n\nup");
        let doc = html_to_text("<META PROPERTY=og:site_name CONTENT='A > B'>");
        assert_eq!(doc.meta.site_name.as_deref(), Some("A > B"));
    }

    #[test]
    fn self_closing_tags() {
        assert_eq!(
            text("<p>a<span/>b</p><br/><svg viewBox='0 0 1 1'/><p>c</p>"),
            "ab\n\nc"
        );
    }

    #[test]
    fn text_in_head_ends_the_head() {
        let doc = html_to_text("<html><head><title>T</title>Stray text<p>para</p>");
        assert_eq!(doc.title.as_deref(), Some("T"));
        assert_eq!(doc.text, "Stray text\n\npara");
        assert_eq!(text("<head><meta charset=utf-8><body><p>x</p>"), "x");
    }

    // --- multi-byte text ---

    #[test]
    fn multibyte_text_is_preserved() {
        let html = "<title>گزارش — خبر</title><p>محمد رضا\u{200C}ای گفت «۱۴ نفر» کشته شدند.</p>\
                    <p>عبد الله said \u{201C}we\u{2019}re safe\u{201D} 🙏🏽 — 👨\u{200D}👩\u{200D}👧</p>\
                    <p data-ж='ü'>Zürich &amp; 東京</p><p>1 <é>x</é> 2</p>";
        let doc = html_to_text(html);
        assert_eq!(doc.title.as_deref(), Some("گزارش — خبر"));
        assert_eq!(
            doc.text,
            "محمد رضا\u{200C}ای گفت «۱۴ نفر» کشته شدند.\n\n\
             عبد الله said \u{201C}we\u{2019}re safe\u{201D} 🙏🏽 — 👨\u{200D}👩\u{200D}👧\n\nZürich & 東京\n\n1 <é>x 2"
        );
    }

    // --- a realistic page ---

    const NEWS_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Floods kill at least 14 in northern province &#8211; The Daily Ledger</title>
  <meta property="og:site_name" content="The Daily Ledger">
  <meta property="article:published_time" content="2024-03-05T08:30:00+00:00">
  <link rel="canonical" href="https://example.com/news/floods-kill-14">
  <style>body { font-family: sans-serif; } .lead > p { color: #333; }</style>
  <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-05T08:30:00Z"}</script>
</head>
<body>
<header class="site-header">
  <a href="/" class="logo">The Daily Ledger</a>
  <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
</header>
<main>
<article>
  <h1>Floods kill at least 14 in northern province</h1>
  <p class="byline">By <a href="/authors/sara">Sara Ahmadi</a> &middot; <time datetime="2024-03-05">5 March 2024</time></p>
  <p>Flash floods have killed <strong>at least 14 people</strong> and displaced
     thousands, officials said on Tuesday.</p>
  <p>The disaster management agency said <b>6,</b>221 homes were damaged&nbsp;and 38 bridges destroyed.</p>
  <div class="ad" aria-hidden="true">Advertisement</div>
  <p>&ldquo;We are doing everything we can,&rdquo; said governor Reza Karimi, adding that
     rescue teams were still searching for 9 missing people.</p>
  <p>Last year, similar floods killed 27 people in the same region.</p>
</article>
<aside class="related">
  <h2>Related Posts</h2>
  <ul><li><a href="/a">Storm hits coast, 3 dead</a></li><li><a href="/b">Dam breaks</a></li></ul>
</aside>
</main>
<footer><p>&copy; 2024 The Daily Ledger. All rights reserved.</p></footer>
<script>var cfg = {"items": [1, 2, 3], "html": "<p>not text</p>"}; if (a < b) { track(); }</script>
</body>
</html>
"#;

    #[test]
    fn realistic_news_page() {
        let doc = html_to_text(NEWS_PAGE);
        assert_eq!(
            doc.title.as_deref(),
            Some("Floods kill at least 14 in northern province \u{2013} The Daily Ledger")
        );
        assert_eq!(
            doc.text,
            "The Daily Ledger\n\n\
             Floods kill at least 14 in northern province\n\n\
             By Sara Ahmadi \u{B7} 5 March 2024\n\n\
             Flash floods have killed at least 14 people and displaced thousands, officials said on Tuesday.\n\n\
             The disaster management agency said 6,221 homes were damaged and 38 bridges destroyed.\n\n\
             \u{201C}We are doing everything we can,\u{201D} said governor Reza Karimi, adding that \
             rescue teams were still searching for 9 missing people.\n\n\
             Last year, similar floods killed 27 people in the same region."
        );
        assert_eq!(
            doc.meta,
            HtmlMeta {
                published: Some("2024-03-05T08:30:00+00:00".into()),
                site_name: Some("The Daily Ledger".into()),
                url: Some("https://example.com/news/floods-kill-14".into()),
            }
        );
    }

    // --- robustness ---

    #[test]
    fn every_prefix_of_the_news_page_is_handled() {
        for (i, _) in NEWS_PAGE.char_indices().chain([(NEWS_PAGE.len(), ' ')]) {
            let doc = html_to_text(&NEWS_PAGE[..i]);
            assert_well_formed(&doc.text);
        }
    }

    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[test]
    fn random_bytes_never_panic() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..3000 {
            let len = rng.below(300);
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    // Bias towards markup characters so that the tokenizer's
                    // paths are exercised, with plenty of non-ASCII bytes.
                    const MARKUP: &[u8] = b"<>/!-&#;=\"' \nabpx?[]";
                    if rng.below(2) == 0 {
                        MARKUP[rng.below(MARKUP.len())]
                    } else {
                        rng.next() as u8
                    }
                })
                .collect();
            let input = String::from_utf8_lossy(&bytes);
            assert_well_formed(&html_to_text(&input).text);
        }
    }

    #[test]
    fn random_markup_fragments_never_panic() {
        const FRAGMENTS: &[&str] = &[
            "<",
            ">",
            "</",
            "/>",
            "<!--",
            "-->",
            "<!",
            "<?",
            "<![CDATA[",
            "]]>",
            "&",
            "&#",
            "&#x",
            "&amp",
            ";",
            "&nbsp;",
            "\"",
            "'",
            "=",
            " ",
            "\n",
            "p",
            "div",
            "li",
            "ul",
            "td",
            "tr",
            "table",
            "script",
            "style",
            "title",
            "nav",
            "svg",
            "math",
            "head",
            "body",
            "form",
            "option",
            "select",
            "textarea",
            "br",
            "hidden",
            "aria-hidden=true",
            "style=display:none",
            "<p>",
            "</p>",
            "<li>",
            "<td>",
            "<tr>",
            "<svg>",
            "</svg>",
            "<head>",
            "<body>",
            "<script>",
            "</script>",
            "<title>",
            "</title>",
            "<nav>",
            "</nav>",
            "<form>",
            "</form>",
            "<div hidden>",
            "</div>",
            "<table>",
            "</table>",
            "<foreignObject>",
            "<meta property=og:site_name content=",
            "<time datetime=",
            "é",
            "🙂",
            "ی",
            "\u{A0}",
            "\u{FEFF}",
            "6,221",
            "text",
        ];
        let mut rng = XorShift(12345);
        for _ in 0..4000 {
            let count = rng.below(40);
            let input: String = (0..count)
                .map(|_| FRAGMENTS[rng.below(FRAGMENTS.len())])
                .collect();
            let doc = html_to_text(&input);
            assert_well_formed(&doc.text);
            if let Some(title) = &doc.title {
                assert!(!title.is_empty() && !title.contains('\n'));
            }
        }
    }

    #[test]
    fn pathological_inputs_finish_quickly() {
        let n = 50_000;
        let inputs = [
            "<div>".repeat(n) + &"</span>".repeat(n),
            "<b>".to_string() + &"<i>".repeat(n) + &"</b>".repeat(n),
            "<p><span>".repeat(n) + &"<div>x".repeat(n),
            "<table><tr><td>x".repeat(n / 10),
            "<li>".repeat(n) + &"</li>".repeat(n),
            "<svg>".repeat(n) + &"<p>x".repeat(n),
            "&".repeat(n) + &"&#".repeat(n) + &"&amp".repeat(n),
            "<!".repeat(n),
            "<a ".repeat(n),
            "<script>".repeat(n),
            "</".repeat(n) + &"<".repeat(n),
        ];
        for input in &inputs {
            assert_well_formed(&html_to_text(input).text);
        }
    }
}
