//! The HTML report: one self-contained page (`--format html`).
//!
//! Everything is rendered here, on the server side, so the page reads fully
//! without JavaScript: the summary counts, the flag table with each flag's
//! evidence, trace and decision in a `<details>` element, the events with
//! their figures over time as inline SVG charts, stale decisions, claims and
//! articles. A small script (`html/report.js`) adds sorting, filters and
//! shareable links; the styles are in `html/report.css`. Both are inlined,
//! and a content security policy forbids the page any network access.
//!
//! The output is deterministic: no timestamps or random ids, and every list
//! is written in a stable order, so the same input gives the same bytes.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::io::{self, Write};
use std::ops::Range;

use super::{
    Mention, RenderOptions, Scope, event_outlets, figure, flags_for_display, mentions, one_line,
    outlet, summary,
};
use crate::Analysis;
use crate::link::Change;
use crate::model::{Bounds, Event, Evidence, Flag, Severity};
use crate::review::Status;

const CSS: &str = include_str!("html/report.css");
const JS: &str = include_str!("html/report.js");

/// No network: styles and the script are inline, images only `data:`.
const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub(super) fn render(
    a: &Analysis,
    scope: Scope,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut s = String::with_capacity(64 * 1024);
    page(&mut s, a, scope, opts).map_err(|_| io::Error::other("cannot format the HTML report"))?;
    out.write_all(s.as_bytes())
}

fn page(s: &mut String, a: &Analysis, scope: Scope, opts: &RenderOptions) -> fmt::Result {
    let (title, scope_name) = match scope {
        Scope::Check => ("crosscheck report", "check"),
        Scope::Extract => ("crosscheck claims", "extract"),
        Scope::Events => ("crosscheck events", "events"),
    };
    let line = summary(a, scope);
    let stale = a.stale_decisions();
    let all_mentions = opts.all && scope == Scope::Extract;
    let mut toc: Vec<(&str, &str)> = Vec::new();
    if scope == Scope::Check {
        toc.push(("flags", "Flags"));
        if !stale.is_empty() {
            toc.push(("stale", "Stale decisions"));
        }
        if !a.suppressed.is_empty() {
            toc.push(("set-aside", "Set aside"));
        }
    }
    if scope != Scope::Extract {
        toc.push(("events", "Events"));
    }
    toc.push(("claims", "Claims"));
    toc.push(("articles", "Articles"));

    s.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    writeln!(
        s,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
    )?;
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    s.push_str("<meta name=\"color-scheme\" content=\"light dark\">\n");
    s.push_str("<meta name=\"generator\" content=\"crosscheck\">\n");
    writeln!(s, "<title>{title}: {}</title>", escape(&line))?;
    writeln!(s, "<style>\n{CSS}</style>")?;
    s.push_str("</head>\n");
    writeln!(
        s,
        "<body class=\"scope-{scope_name}\">\n<div class=\"page\">"
    )?;
    s.push_str("<header class=\"top\">\n<div>\n");
    writeln!(s, "<h1>{title}</h1>")?;
    writeln!(s, "<p class=\"lede\">{}.</p>", escape(&line))?;
    s.push_str("</div>\n<nav class=\"toc\" aria-label=\"Sections\">");
    for (id, name) in &toc {
        write!(s, "<a href=\"#{id}\">{name}</a>")?;
    }
    s.push_str("</nav>\n</header>\n<main>\n");

    summary_section(s, a, scope, all_mentions, stale.len())?;
    if scope == Scope::Check {
        flags_section(s, a)?;
        stale_section(s, &stale)?;
        set_aside_section(s, a)?;
    }
    if scope != Scope::Extract {
        events_section(s, a, scope)?;
    }
    claims_section(s, a, all_mentions)?;
    articles_section(s, a)?;

    s.push_str("</main>\n<footer>\n<p>Written by crosscheck. This file is self-contained: it loads nothing from the network, and reads in full without JavaScript.</p>\n</footer>\n</div>\n");
    writeln!(s, "<script>\n{JS}</script>")?;
    s.push_str("</body>\n</html>\n");
    Ok(())
}

// ---------------------------------------------------------------- summary

fn stat(s: &mut String, key: &str, name: &str, n: usize) -> fmt::Result {
    writeln!(
        s,
        "<div><dt>{name}</dt><dd data-count=\"{key}\">{n}</dd></div>"
    )
}

/// A count in the summary: a link that filters the flag table when the
/// count is not zero.
fn chip(
    s: &mut String,
    key: &str,
    label: &str,
    n: usize,
    href: Option<&str>,
    badge: &str,
) -> fmt::Result {
    let dot = if badge.is_empty() {
        String::new()
    } else {
        format!("<span class=\"dot {badge}\" aria-hidden=\"true\"></span>")
    };
    match href {
        Some(h) if n > 0 => write!(
            s,
            "<a class=\"chip\" href=\"{}\">{dot}{label} <b data-count=\"{key}\">{n}</b></a>",
            escape(h)
        ),
        _ => write!(
            s,
            "<span class=\"chip{}\">{dot}{label} <b data-count=\"{key}\">{n}</b></span>",
            if n == 0 { " zero" } else { "" }
        ),
    }
}

fn summary_section(
    s: &mut String,
    a: &Analysis,
    scope: Scope,
    all_mentions: bool,
    stale: usize,
) -> fmt::Result {
    s.push_str("<section id=\"summary\" aria-label=\"Summary\">\n<dl class=\"stats\">\n");
    stat(s, "articles", "Articles", a.articles.len())?;
    stat(s, "claims", "Claims", a.claims.len())?;
    match scope {
        Scope::Check => {
            stat(s, "events", "Events", a.events.len())?;
            stat(s, "flags", "Flags", a.flags.len())?;
        }
        Scope::Events => {
            stat(s, "events", "Events", a.events.len())?;
            stat(s, "links", "Links", a.linked.graph.link_count())?;
        }
        Scope::Extract if all_mentions => {
            stat(s, "mentions", "Other number mentions", a.skipped.len())?;
        }
        Scope::Extract => {}
    }
    s.push_str("</dl>\n");
    if scope == Scope::Check {
        s.push_str("<div class=\"facets\">\n<dl><dt>Flags by severity</dt><dd>");
        for sev in [Severity::Error, Severity::Warning, Severity::Info] {
            let n = a.flags.iter().filter(|f| f.severity == sev).count();
            let href = format!("#severity={sev}");
            chip(
                s,
                sev.as_str(),
                sev.as_str(),
                n,
                Some(&href),
                &format!("sev-{sev}"),
            )?;
        }
        s.push_str("</dd></dl>\n<dl><dt>Flags by decision</dt><dd>");
        for st in [Status::Open, Status::Accepted, Status::Dismissed] {
            let n = a.flags.iter().filter(|f| a.status(f) == st).count();
            let href = format!("#status={st}");
            chip(
                s,
                st.as_str(),
                st.as_str(),
                n,
                Some(&href),
                &format!("st-{st}"),
            )?;
        }
        s.push_str("</dd></dl>\n<dl><dt>Not in the table</dt><dd>");
        chip(
            s,
            "set-aside",
            "set aside",
            a.suppressed.len(),
            Some("#set-aside"),
            "",
        )?;
        chip(
            s,
            "hidden-dismissed",
            "hidden dismissed",
            a.hidden_dismissed,
            None,
            "",
        )?;
        chip(s, "stale", "stale decisions", stale, Some("#stale"), "")?;
        s.push_str("</dd></dl>\n</div>\n");
    }
    s.push_str("</section>\n");
    Ok(())
}

// ------------------------------------------------------------------ flags

fn severity_badge(sev: Severity) -> String {
    format!("<span class=\"badge sev-{sev}\">{sev}</span>")
}

fn status_badge(st: Status) -> String {
    format!("<span class=\"badge st-{st}\">{st}</span>")
}

fn status_rank(st: Status) -> u8 {
    match st {
        Status::Open => 0,
        Status::Accepted => 1,
        Status::Dismissed => 2,
    }
}

/// A rule id that wraps only after its slashes ("figures/" "toll-mismatch").
fn rule_code(rule: &str) -> String {
    let parts: Vec<String> = rule
        .split_inclusive('/')
        .map(|p| format!("<span class=\"nowrap\">{}</span>", escape(p)))
        .collect();
    format!("<code>{}</code>", parts.join("<wbr>"))
}

/// "A", "B", … for evidence passages (numbers past Z).
fn letter(k: usize) -> String {
    if k < 26 {
        char::from(b'A' + k as u8).to_string()
    } else {
        (k + 1).to_string()
    }
}

/// "killed · people · Herat".
fn event_label(e: &Event) -> String {
    format!(
        "{} · {} · {}",
        e.metric,
        e.subject,
        e.place.as_deref().unwrap_or("place unknown")
    )
}

/// A select of the flag table's filters: "all", then each (value, text).
fn select(s: &mut String, name: &str, label: &str, options: &[(String, String)]) -> fmt::Result {
    write!(
        s,
        "<label>{label}<select name=\"{name}\"><option value=\"\">all</option>"
    )?;
    for (value, text) in options {
        write!(
            s,
            "<option value=\"{}\">{}</option>",
            escape(value),
            escape(text)
        )?;
    }
    writeln!(s, "</select></label>")
}

fn flags_section(s: &mut String, a: &Analysis) -> fmt::Result {
    let flags = flags_for_display(a);
    writeln!(
        s,
        "<section id=\"flags\">\n<h2>Flags <span class=\"n\">({})</span></h2>",
        flags.len()
    )?;
    if flags.is_empty() {
        s.push_str("<p class=\"empty\">No flags: no figures contradict each other and no count is credited to differing sources.</p>\n</section>\n");
        return Ok(());
    }

    // Filter values: each once, sorted (severities and decisions in their order).
    let same = |v: &str| (v.to_string(), v.to_string());
    let mut rules = BTreeMap::new();
    let mut kinds = BTreeMap::new();
    let mut events = BTreeMap::new();
    for f in &flags {
        rules.insert(f.rule.as_str(), ());
        kinds.insert(f.kind.as_str(), ());
        if let Some(e) = f.event {
            let e = &a.events[e];
            events.insert(e.id.as_str(), format!("{} ({})", event_label(e), e.id));
        }
    }
    let rules: Vec<_> = rules.keys().map(|r| same(r)).collect();
    let kinds: Vec<_> = kinds.keys().map(|k| same(k)).collect();
    let events: Vec<_> = events
        .into_iter()
        .map(|(id, label)| (id.to_string(), label))
        .collect();
    let severities: Vec<_> = [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .filter(|&sev| flags.iter().any(|f| f.severity == sev))
        .map(|sev| same(sev.as_str()))
        .collect();
    let statuses: Vec<_> = [Status::Open, Status::Accepted, Status::Dismissed]
        .into_iter()
        .map(|st| same(st.as_str()))
        .collect();

    s.push_str("<form id=\"controls\" class=\"controls\" hidden aria-label=\"Filter flags\">\n");
    s.push_str("<label>Search<input type=\"search\" name=\"q\" placeholder=\"figure, source, outlet, article… (press /)\" autocomplete=\"off\"></label>\n");
    select(s, "rule", "Rule", &rules)?;
    select(s, "severity", "Severity", &severities)?;
    select(s, "kind", "Kind", &kinds)?;
    select(s, "status", "Decision", &statuses)?;
    if !events.is_empty() {
        select(s, "event", "Event", &events)?;
    }
    s.push_str("<button type=\"button\" data-action=\"expand\">Expand all</button>\n");
    s.push_str("<button type=\"button\" data-action=\"collapse\">Collapse all</button>\n");
    s.push_str("<button type=\"button\" data-action=\"reset\">Reset</button>\n");
    writeln!(
        s,
        "<output aria-live=\"polite\">{} flag{}</output>\n</form>",
        flags.len(),
        if flags.len() == 1 { "" } else { "s" }
    )?;

    s.push_str("<div class=\"scroll\">\n<table class=\"flags\" id=\"flag-table\">\n<thead><tr>");
    s.push_str("<th class=\"num\" data-col=\"n\" data-sort=\"num\">#</th>");
    s.push_str("<th data-col=\"severity\" data-sort=\"num\" data-first=\"desc\">Severity</th>");
    s.push_str("<th data-col=\"kind\" data-sort=\"text\">Kind</th>");
    s.push_str("<th data-col=\"rule\" data-sort=\"text\">Rule</th>");
    s.push_str("<th data-col=\"finding\">Finding</th>");
    s.push_str("<th data-col=\"event\" data-sort=\"text\">Event</th>");
    s.push_str("<th data-col=\"status\" data-sort=\"num\">Decision</th>");
    s.push_str("</tr></thead>\n");
    for (i, f) in flags.iter().enumerate() {
        flag_rows(s, a, f, i + 1)?;
    }
    s.push_str("<tbody class=\"none\" hidden><tr><td colspan=\"7\">No flag matches these filters.</td></tr></tbody>\n");
    s.push_str("</table>\n</div>\n</section>\n");
    Ok(())
}

fn flag_rows(s: &mut String, a: &Analysis, f: &Flag, n: usize) -> fmt::Result {
    let status = a.status(f);
    let event = f.event.map(|e| &a.events[e]);
    let id = escape(&f.id);
    writeln!(
        s,
        "<tbody class=\"flag {status}\" id=\"{id}\" data-n=\"{n}\" data-rule=\"{}\" data-severity=\"{}\" data-kind=\"{}\" data-status=\"{status}\" data-event=\"{}\">",
        escape(&f.rule),
        f.severity,
        f.kind,
        escape(event.map_or("", |e| e.id.as_str())),
    )?;
    s.push_str("<tr class=\"head\">");
    write!(s, "<td class=\"num\">{n}</td>")?;
    write!(
        s,
        "<td data-key=\"{}\">{}</td>",
        f.severity as u8,
        severity_badge(f.severity)
    )?;
    write!(s, "<td>{}</td>", f.kind)?;
    write!(s, "<td>{}</td>", rule_code(&f.rule))?;
    write!(
        s,
        "<td class=\"finding\">{}</td>",
        escape(&one_line(&f.message))
    )?;
    match event {
        Some(e) => write!(
            s,
            "<td data-key=\"{0}\"><a href=\"#{0}\"><code class=\"id\">{0}</code></a><span class=\"sub\">{1}</span></td>",
            escape(&e.id),
            escape(&event_label(e))
        )?,
        None => s.push_str("<td data-key=\"\"><span class=\"meta\">none</span></td>"),
    }
    let title = a
        .decision(f)
        .map(|d| {
            let mut t = format!("{} by {} at {}", d.status, d.by, d.at);
            if let Some(note) = &d.note {
                let _ = write!(t, ": {note}");
            }
            format!(" title=\"{}\"", escape(&t))
        })
        .unwrap_or_default();
    writeln!(
        s,
        "<td data-key=\"{}\"{title}>{}</td></tr>",
        status_rank(status),
        status_badge(status)
    )?;

    s.push_str("<tr class=\"more\"><td colspan=\"7\">\n");
    writeln!(
        s,
        "<details class=\"flag-details\"><summary><b>Why:</b> {}</summary>",
        escape(&one_line(&f.why.text))
    )?;
    s.push_str("<div class=\"detail-body\">\n");
    writeln!(
        s,
        "<h4>Evidence <span class=\"meta\">({} passage{})</span></h4>\n<ol class=\"evidence\">",
        f.evidence.len(),
        if f.evidence.len() == 1 { "" } else { "s" }
    )?;
    for (k, e) in f.evidence.iter().enumerate() {
        evidence(s, a, e, k)?;
    }
    s.push_str("</ol>\n");
    trace(s, a, f)?;
    decision(s, a, f)?;
    writeln!(
        s,
        "<p class=\"hint\">Flag <code>{id}</code> · <a href=\"#open={id}\">link to this flag</a></p>"
    )?;
    s.push_str("</div>\n</details>\n</td></tr>\n</tbody>\n");
    Ok(())
}

/// The sentence `sentence` of `body` with `span` in a `<mark>`; whitespace
/// at the ends trimmed. Falls back to the sentence alone when the span is
/// not inside it.
fn highlighted(body: &str, sentence: &Range<usize>, span: &Range<usize>) -> String {
    let inside = sentence.start <= span.start && span.end <= sentence.end && span.start <= span.end;
    match (
        body.get(sentence.start..span.start),
        body.get(span.clone()),
        body.get(span.end..sentence.end),
    ) {
        (Some(pre), Some(mid), Some(post)) if inside => format!(
            "{}<mark>{}</mark>{}",
            escape(pre.trim_start()),
            escape(mid),
            escape(post.trim_end())
        ),
        _ => escape(body.get(sentence.clone()).unwrap_or("").trim()),
    }
}

fn evidence(s: &mut String, a: &Analysis, e: &Evidence, k: usize) -> fmt::Result {
    let art = &a.articles[e.article];
    write!(
        s,
        "<li><span class=\"label\" aria-label=\"passage {0}\">{0}</span><blockquote class=\"passage\">{1}</blockquote>",
        letter(k),
        highlighted(&art.body, &e.sentence, &e.span)
    )?;
    let mut meta: Vec<String> = Vec::new();
    if let Some(c) = e.claim {
        meta.push(format!(
            "<a href=\"#{0}\" title=\"claim {0}\">{1}</a>",
            escape(&a.claims[c].id),
            escape(&figure(a, &a.claims[c]))
        ));
    } else {
        meta.push(escape(e.role));
    }
    meta.push(match &e.source {
        Some(src) => format!("<span class=\"who\">{}</span>", escape(src)),
        None => "unattributed".to_string(),
    });
    if let Some(o) = &art.outlet {
        meta.push(escape(o));
    }
    meta.push(format!(
        "article <a href=\"#article-{}\"><code>{}</code></a>",
        e.article,
        escape(&art.id)
    ));
    meta.push(match art.published {
        Some(d) => format!("published {d}"),
        None => "publication date unknown".to_string(),
    });
    if let Some(c) = e.claim
        && let Some(d) = a.claims[c].as_of
        && Some(d) != art.published
    {
        meta.push(format!("as of {d}"));
    }
    meta.push(format!("bytes {}–{}", e.span.start, e.span.end));
    writeln!(
        s,
        "<p class=\"passage-meta meta\">{}</p></li>",
        meta.join(" · ")
    )
}

/// A share as a percentage: 0.05 → "5%".
fn percent(t: f64) -> String {
    let p = t * 100.0;
    if (p - p.round()).abs() < 1e-9 {
        format!("{p:.0}%")
    } else {
        format!("{p:.1}%")
    }
}

fn trace(s: &mut String, a: &Analysis, f: &Flag) -> fmt::Result {
    let w = &f.why;
    s.push_str("<h4>Trace</h4>\n<dl class=\"trace\">\n");
    for (field, value) in &w.compared {
        writeln!(
            s,
            "<div><dt>{}</dt><dd>{}</dd></div>",
            escape(field),
            escape(value)
        )?;
    }
    if let Some(d) = w.days_apart {
        writeln!(s, "<div><dt>days apart</dt><dd>{d}</dd></div>")?;
    }
    if let Some(t) = w.tolerance {
        writeln!(s, "<div><dt>tolerance</dt><dd>{}</dd></div>", percent(t))?;
    }
    if let Some(n) = w.allowed {
        writeln!(s, "<div><dt>allowed</dt><dd>{}</dd></div>", thousands(n))?;
    }
    if let Some(n) = w.gap {
        writeln!(s, "<div><dt>gap</dt><dd>{}</dd></div>", thousands(n))?;
    }
    for (name, value) in &w.details {
        writeln!(
            s,
            "<div><dt>{}</dt><dd>{}</dd></div>",
            escape(name),
            escape(value)
        )?;
    }
    s.push_str("</dl>\n");
    if !w.figures.is_empty() {
        s.push_str("<table class=\"figures\"><thead><tr><th>Figure</th><th>Bounds</th><th>As of</th><th>Source</th><th>Outlet</th><th>Hedged</th></tr></thead><tbody>\n");
        for fig in &w.figures {
            let c = &a.claims[fig.claim];
            writeln!(
                s,
                "<tr><td><a href=\"#{}\">{}</a></td><td class=\"nowrap\">{}</td><td class=\"nowrap\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&c.id),
                escape(&one_line(c.text(&a.articles))),
                escape(&fig.value.to_string()),
                fig.as_of
                    .map_or_else(|| "undated".to_string(), |d| d.to_string()),
                escape(fig.source.as_deref().unwrap_or("unattributed")),
                escape(&outlet(a, c)),
                if fig.hedged { "yes" } else { "no" }
            )?;
        }
        s.push_str("</tbody></table>\n");
    }
    Ok(())
}

fn decision(s: &mut String, a: &Analysis, f: &Flag) -> fmt::Result {
    s.push_str("<h4>Decision</h4>\n");
    match a.decision(f) {
        Some(d) => {
            write!(
                s,
                "<p class=\"decision\">{} by <b>{}</b> at <span class=\"nowrap\">{}</span>",
                status_badge(d.status),
                escape(&d.by),
                escape(&d.at)
            )?;
            if let Some(note) = &d.note {
                write!(s, ": {}", escape(note))?;
            }
            s.push_str("</p>\n");
        }
        None => {
            let id = escape(&f.id);
            writeln!(
                s,
                "<p class=\"decision\">{} not reviewed yet.</p>\n<p class=\"hint\">To decide: <code>crosscheck review accept {id}</code> or <code>crosscheck review dismiss {id} --note &quot;…&quot;</code></p>",
                status_badge(Status::Open)
            )?;
        }
    }
    Ok(())
}

fn stale_section(s: &mut String, stale: &[&crate::review::Decision]) -> fmt::Result {
    if stale.is_empty() {
        return Ok(());
    }
    writeln!(
        s,
        "<section id=\"stale\">\n<h2>Stale decisions <span class=\"n\">({})</span></h2>\n<p class=\"note\">Reviewers decided on these flags, but they no longer fire: the articles, the rules or the figures changed.</p>",
        stale.len()
    )?;
    s.push_str("<div class=\"scroll\">\n<table class=\"stale\"><thead><tr><th>Flag</th><th>Rule</th><th>Decision</th><th>By</th><th>At</th><th>Note</th><th>What it was about</th></tr></thead><tbody>\n");
    for d in stale {
        writeln!(
            s,
            "<tr><td><code>{}</code></td><td><code>{}</code></td><td>{}</td><td>{}</td><td class=\"nowrap\">{}</td><td>{}</td><td>{}</td></tr>",
            escape(&d.flag),
            escape(&d.rule),
            status_badge(d.status),
            escape(&d.by),
            escape(&d.at),
            escape(d.note.as_deref().unwrap_or("")),
            escape(&one_line(&d.message))
        )?;
    }
    s.push_str("</tbody></table>\n</div>\n</section>\n");
    Ok(())
}

fn set_aside_section(s: &mut String, a: &Analysis) -> fmt::Result {
    if a.suppressed.is_empty() {
        return Ok(());
    }
    writeln!(
        s,
        "<section id=\"set-aside\">\n<h2>Set aside <span class=\"n\">({})</span></h2>\n<p class=\"note\">Flags a suppressions file or a baseline set aside; they are not in the table above.</p>",
        a.suppressed.len()
    )?;
    s.push_str("<div class=\"scroll\">\n<table class=\"set-aside\"><thead><tr><th>Flag</th><th>Severity</th><th>Rule</th><th>By</th><th>Reason</th><th>Finding</th></tr></thead><tbody>\n");
    for x in &a.suppressed {
        writeln!(
            s,
            "<tr><td><code>{}</code></td><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&x.flag.id),
            severity_badge(x.flag.severity),
            escape(&x.flag.rule),
            escape(x.by),
            escape(&x.reason),
            escape(&one_line(&x.flag.message))
        )?;
    }
    s.push_str("</tbody></table>\n</div>\n</section>\n");
    Ok(())
}

// ----------------------------------------------------------------- events

fn events_section(s: &mut String, a: &Analysis, scope: Scope) -> fmt::Result {
    // A check shows the events where something was compared; `events` all.
    let shown: Vec<(usize, &Event)> = a
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| scope == Scope::Events || e.claims.len() > 1 || !e.parts.is_empty())
        .collect();
    let heading = if scope == Scope::Events {
        "Events"
    } else {
        "Events with several claims or parts"
    };
    writeln!(
        s,
        "<section id=\"events\">\n<h2>{heading} <span class=\"n\">({})</span></h2>",
        shown.len()
    )?;
    if a.events.is_empty() {
        s.push_str("<p class=\"empty\">No events: no count claims were found.</p>\n</section>\n");
        return Ok(());
    }
    // Flags by event, linked to the flag table filtered on the event.
    let mut flags_on = vec![0usize; a.events.len()];
    if scope == Scope::Check {
        for e in a.flags.iter().filter_map(|f| f.event) {
            flags_on[e] += 1;
        }
    }
    if !shown.is_empty() {
        s.push_str("<p class=\"note\">Each source's figures over time: one line per source, x the date a figure holds for, y the figure (the middle of a range; dashed stubs mark open bounds such as “at least”; filled points are falls and conflicts). Hover a point for its wording.</p>\n");
        s.push_str("<div class=\"scroll\">\n<table class=\"events\"><thead><tr><th>Event</th><th>Count</th><th>Figures over time</th><th>Figures by source, in order</th></tr></thead><tbody>\n");
        for (i, e) in &shown {
            event_row(s, a, e, flags_on[*i])?;
        }
        s.push_str("</tbody></table>\n</div>\n");
    }
    let single = a.events.len() - shown.len();
    if single > 0 {
        writeln!(
            s,
            "<p class=\"note\">{single} more event{} with a single claim (see <code>crosscheck events --format html</code>).</p>",
            if single == 1 { "" } else { "s" }
        )?;
    }
    s.push_str("</section>\n");
    Ok(())
}

fn event_row(s: &mut String, a: &Analysis, e: &Event, flags: usize) -> fmt::Result {
    let id = escape(&e.id);
    writeln!(s, "<tr id=\"{id}\">")?;
    // The event, its flags and its relations.
    write!(s, "<td><code class=\"id\">{id}</code>")?;
    if flags > 0 {
        write!(
            s,
            "<span class=\"sub\"><a href=\"#event={id}\">{flags} flag{}</a></span>",
            if flags == 1 { "" } else { "s" }
        )?;
    }
    for &p in &e.parts {
        let p = &a.events[p];
        write!(
            s,
            "<span class=\"sub\">has part <a href=\"#{0}\"><code class=\"id\">{0}</code></a> {1}</span>",
            escape(&p.id),
            escape(&event_label(p))
        )?;
    }
    for &w in &e.part_of {
        let w = &a.events[w];
        write!(
            s,
            "<span class=\"sub\">part of <a href=\"#{0}\"><code class=\"id\">{0}</code></a> {1}</span>",
            escape(&w.id),
            escape(&event_label(w))
        )?;
    }
    s.push_str("</td>\n");
    // What it counts.
    write!(
        s,
        "<td><b>{}</b> · {}<span class=\"sub\">{}</span>",
        escape(&e.metric),
        escape(&e.subject),
        escape(e.place.as_deref().unwrap_or("place unknown"))
    )?;
    let scope = super::events::scope_label(e);
    if !scope.is_empty() {
        write!(s, "<span class=\"sub\">{scope}</span>")?;
    }
    let dates = match (e.first, e.last) {
        (Some(f), Some(l)) if f == l => f.to_string(),
        (Some(f), Some(l)) => format!("{f} – {l}"),
        _ => "undated".to_string(),
    };
    write!(s, "<span class=\"sub nowrap\">{dates}</span>")?;
    let n = e.articles.len();
    write!(
        s,
        "<span class=\"sub\">{} · {n} article{}{}</span>",
        escape(&event_outlets(a, e).join(", ")),
        if n == 1 { "" } else { "s" },
        if e.independent_articles < n {
            format!(", {} independent", e.independent_articles)
        } else {
            String::new()
        }
    )?;
    s.push_str("</td>\n<td class=\"chart-cell\">");
    chart(s, a, e)?;
    s.push_str("</td>\n<td><ul class=\"legend\">");
    for (k, series) in e.series.iter().enumerate() {
        write!(
            s,
            "<li class=\"s{}\"><span class=\"swatch\" aria-hidden=\"true\"></span><span><span class=\"who\">{}</span>",
            k % 8,
            escape(&super::events::series_who(series))
        )?;
        for (j, p) in series.points.iter().enumerate() {
            let c = &a.claims[p.claim];
            let date = p
                .as_of
                .map_or_else(|| "undated".to_string(), |d| d.to_string());
            write!(
                s,
                "<span class=\"point\">{}<a href=\"#{}\">{}</a> <span class=\"meta\"><span class=\"nowrap\">{date}</span> · {}",
                if j > 0 { "→ " } else { "" },
                escape(&c.id),
                escape(&figure(a, c)),
                escape(&outlet(a, c))
            )?;
            if p.change != Change::First {
                write!(
                    s,
                    " · <span class=\"change-{0}\">{0}</span>",
                    p.change.as_str()
                )?;
            }
            s.push_str("</span></span>");
        }
        s.push_str("</span></li>");
    }
    s.push_str("</ul></td>\n</tr>\n");
    Ok(())
}

/// Where a figure is drawn: the middle of a range, else its one bound.
fn plot_value(b: &Bounds) -> Option<u64> {
    match (b.min, b.max) {
        (Some(lo), Some(hi)) => Some(lo + (hi.saturating_sub(lo)) / 2),
        (Some(lo), None) => Some(lo),
        (None, Some(hi)) => Some(hi),
        (None, None) => None,
    }
}

/// A round number at or above `v` for the top of a chart (1, 1.2, 1.5,
/// 2, 2.5, 3, 4, 5, 6, 8 times a power of ten).
fn nice_ceil(v: u64) -> u64 {
    if v == 0 {
        return 1;
    }
    let mut p: u64 = 1;
    while p <= v / 10 {
        p *= 10;
    }
    for m in [10u64, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100] {
        let c = p.saturating_mul(m) / 10;
        if c >= v && c > 0 {
            return c;
        }
    }
    p.saturating_mul(10)
}

/// 1480 → "1,480".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Chart geometry, in SVG user units.
const W: f64 = 320.0;
const H: f64 = 150.0;
const LEFT: f64 = 46.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 26.0;

struct Plotted {
    series: usize,
    claim: usize,
    day: i64,
    value: u64,
    bounds: Bounds,
    change: Change,
}

/// The event's figures as an inline SVG: one polyline per source, x the
/// as-of date, y the figure; each point with a tooltip.
fn chart(s: &mut String, a: &Analysis, e: &Event) -> fmt::Result {
    let mut points: Vec<Plotted> = Vec::new();
    for (k, series) in e.series.iter().enumerate() {
        for p in &series.points {
            let c = &a.claims[p.claim];
            if c.is_date() {
                continue;
            }
            if let (Some(d), Some(v)) = (p.as_of, plot_value(&c.value)) {
                points.push(Plotted {
                    series: k,
                    claim: p.claim,
                    day: d.to_days(),
                    value: v,
                    bounds: c.value,
                    change: p.change,
                });
            }
        }
    }
    if points.is_empty() {
        s.push_str("<span class=\"meta\">No dated figures to plot.</span>");
        return Ok(());
    }
    let day0 = points.iter().map(|p| p.day).min().unwrap_or(0);
    let day1 = points.iter().map(|p| p.day).max().unwrap_or(0);
    let top_value = points
        .iter()
        .map(|p| p.bounds.max.unwrap_or(p.value).max(p.value))
        .max()
        .unwrap_or(0);
    let top = nice_ceil(top_value);
    let (x0, x1) = (LEFT + 12.0, W - RIGHT - 12.0);
    let (y0, y1) = (H - BOTTOM, TOP);
    let x = |day: i64| -> f64 {
        if day1 == day0 {
            (x0 + x1) / 2.0
        } else {
            x0 + (x1 - x0) * (day - day0) as f64 / (day1 - day0) as f64
        }
    };
    let y = |v: u64| -> f64 { y0 - (y0 - y1) * (v.min(top) as f64 / top as f64) };
    // Series side by side, so that equal figures on one day stay visible.
    let n_series = e.series.len();
    let dodge = |k: usize| -> f64 {
        if n_series < 2 {
            0.0
        } else {
            (k as f64 - (n_series - 1) as f64 / 2.0) * 4.0
        }
    };
    let label = format!("{}: figures by source over time", event_label(e));
    writeln!(
        s,
        "<svg class=\"chart\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\" aria-label=\"{}\">",
        escape(&label)
    )?;
    writeln!(s, "<title>{}</title>", escape(&label))?;
    // The value axis: 0, half and the top.
    for v in [0, top / 2, top] {
        let yy = y(v);
        writeln!(
            s,
            "<line class=\"grid\" x1=\"{LEFT}\" y1=\"{yy:.1}\" x2=\"{:.1}\" y2=\"{yy:.1}\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            W - RIGHT,
            LEFT - 6.0,
            yy + 3.5,
            thousands(v)
        )?;
    }
    // The date axis: a tick per date, labels where they fit.
    let mut days: Vec<i64> = points.iter().map(|p| p.day).collect();
    days.sort_unstable();
    days.dedup();
    writeln!(
        s,
        "<line class=\"axis\" x1=\"{LEFT}\" y1=\"{y0:.1}\" x2=\"{:.1}\" y2=\"{y0:.1}\"/>",
        W - RIGHT
    )?;
    let mut last_label = f64::NEG_INFINITY;
    for (j, &d) in days.iter().enumerate() {
        let xx = x(d);
        writeln!(
            s,
            "<line class=\"axis\" x1=\"{xx:.1}\" y1=\"{y0:.1}\" x2=\"{xx:.1}\" y2=\"{:.1}\"/>",
            y0 + 4.0
        )?;
        let room_after = days.get(j + 1).is_none_or(|&next| x(next) - xx >= 64.0);
        let is_last = j + 1 == days.len();
        if xx - last_label >= 64.0 && (room_after || is_last || j == 0) {
            writeln!(
                s,
                "<text x=\"{xx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                y0 + 16.0,
                crate::date::Date::from_days(d)
            )?;
            last_label = xx;
        }
    }
    for (k, series) in e.series.iter().enumerate() {
        let mine: Vec<&Plotted> = points.iter().filter(|p| p.series == k).collect();
        if mine.is_empty() {
            continue;
        }
        let who = super::events::series_who(series);
        writeln!(s, "<g class=\"series s{}\">", k % 8)?;
        if mine.len() > 1 {
            let coords: Vec<String> = mine
                .iter()
                .map(|p| format!("{:.1},{:.1}", x(p.day) + dodge(k), y(p.value)))
                .collect();
            writeln!(s, "<polyline points=\"{}\"/>", coords.join(" "))?;
        }
        for p in &mine {
            let (px, py) = (x(p.day) + dodge(k), y(p.value));
            match (p.bounds.min, p.bounds.max) {
                (Some(lo), Some(hi)) if lo != hi => writeln!(
                    s,
                    "<line class=\"range\" x1=\"{px:.1}\" y1=\"{:.1}\" x2=\"{px:.1}\" y2=\"{:.1}\"/>",
                    y(lo),
                    y(hi)
                )?,
                (Some(_), None) => writeln!(
                    s,
                    "<line class=\"open\" x1=\"{px:.1}\" y1=\"{py:.1}\" x2=\"{px:.1}\" y2=\"{:.1}\"/>",
                    (py - 14.0).max(y1)
                )?,
                (None, Some(_)) => writeln!(
                    s,
                    "<line class=\"open\" x1=\"{px:.1}\" y1=\"{py:.1}\" x2=\"{px:.1}\" y2=\"{:.1}\"/>",
                    (py + 14.0).min(y0)
                )?,
                _ => {}
            }
            let c = &a.claims[p.claim];
            let mut tip = format!(
                "{who}: {} on {} ({})",
                figure(a, c),
                crate::date::Date::from_days(p.day),
                outlet(a, c)
            );
            if p.change != Change::First {
                let _ = write!(tip, ", {}", p.change.as_str());
            }
            let alert = matches!(p.change, Change::Fall | Change::Conflict);
            writeln!(
                s,
                "<circle{} cx=\"{px:.1}\" cy=\"{py:.1}\" r=\"4\"><title>{}</title></circle>",
                if alert { " class=\"alert\"" } else { "" },
                escape(&tip)
            )?;
        }
        s.push_str("</g>\n");
    }
    s.push_str("</svg>");
    Ok(())
}

// ------------------------------------------------------- claims, articles

fn claims_section(s: &mut String, a: &Analysis, all: bool) -> fmt::Result {
    let rows = mentions(a, all);
    writeln!(
        s,
        "<section id=\"claims\">\n<h2>Claims <span class=\"n\">({})</span></h2>",
        a.claims.len()
    )?;
    if rows.is_empty() {
        s.push_str("<p class=\"empty\">No claims: no figures were found.</p>\n</section>\n");
        return Ok(());
    }
    s.push_str("<div class=\"scroll\">\n<table class=\"claims\"><thead><tr><th>Figure</th><th>Metric</th><th>Group</th><th>Place</th><th>Source</th><th>As of</th><th>Article</th><th>Sentence</th></tr></thead><tbody>\n");
    for m in rows {
        match m {
            Mention::Claim(c) => {
                let art = &a.articles[c.article];
                let mut source = escape(c.source.as_deref().unwrap_or("unattributed"));
                if c.hedged {
                    source.push_str(" <span class=\"meta\">(hedged)</span>");
                }
                writeln!(
                    s,
                    "<tr id=\"{}\"><td class=\"nowrap\"><b>{}</b><span class=\"sub\">{}</span></td><td>{}</td><td>{}</td><td>{}</td><td>{source}</td><td class=\"nowrap\">{}</td><td><a href=\"#article-{}\"><code class=\"id\">{}</code></a></td><td class=\"sentence\">{}</td></tr>",
                    escape(&c.id),
                    escape(&figure(a, c)),
                    escape(&c.id),
                    escape(&c.metric),
                    escape(&c.subject),
                    escape(c.place.as_deref().unwrap_or("")),
                    c.as_of.map(|d| d.to_string()).unwrap_or_default(),
                    c.article,
                    escape(&art.id),
                    highlighted(&art.body, &c.sentence, &c.span)
                )?;
            }
            Mention::Skipped(m) => {
                let art = &a.articles[m.article];
                writeln!(
                    s,
                    "<tr class=\"mention\"><td class=\"nowrap\">{}</td><td colspan=\"5\">not a claim: {}</td><td><a href=\"#article-{}\"><code class=\"id\">{}</code></a></td><td class=\"sentence\">{}</td></tr>",
                    escape(art.body.get(m.span.clone()).unwrap_or("")),
                    escape(m.reason.as_str()),
                    m.article,
                    escape(&art.id),
                    highlighted(&art.body, &m.sentence, &m.span)
                )?;
            }
        }
    }
    s.push_str("</tbody></table>\n</div>\n</section>\n");
    Ok(())
}

fn articles_section(s: &mut String, a: &Analysis) -> fmt::Result {
    writeln!(
        s,
        "<section id=\"articles\">\n<h2>Articles <span class=\"n\">({})</span></h2>",
        a.articles.len()
    )?;
    if a.articles.is_empty() {
        s.push_str("<p class=\"empty\">No articles were read.</p>\n</section>\n");
        return Ok(());
    }
    s.push_str("<div class=\"scroll\">\n<table class=\"articles\"><thead><tr><th>Article</th><th>Outlet</th><th>Published</th><th>Title</th><th>Claims</th><th>File and address</th></tr></thead><tbody>\n");
    let mut claims_in = vec![0usize; a.articles.len()];
    for c in &a.claims {
        claims_in[c.article] += 1;
    }
    for (i, art) in a.articles.iter().enumerate() {
        let claims = claims_in[i];
        let mut file = format!("<code>{}</code>", escape(&art.path));
        // The address is text, not a link: the page loads and links nothing outside it.
        if let Some(url) = &art.url {
            let _ = write!(file, "<span class=\"sub\">{}</span>", escape(url));
        }
        if let Some(Some(d)) = a.linked.duplicate_of.get(i) {
            let _ = write!(
                file,
                "<span class=\"sub\">near-identical copy of <a href=\"#article-{d}\"><code>{}</code></a></span>",
                escape(&a.articles[*d].id)
            );
        }
        writeln!(
            s,
            "<tr id=\"article-{i}\"><td><code>{}</code></td><td>{}</td><td class=\"nowrap\">{}</td><td>{}</td><td class=\"num\">{claims}</td><td>{file}</td></tr>",
            escape(&art.id),
            escape(art.outlet.as_deref().unwrap_or("")),
            art.published.map(|d| d.to_string()).unwrap_or_default(),
            escape(art.title.as_deref().unwrap_or(""))
        )?;
    }
    s.push_str("</tbody></table>\n</div>\n</section>\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assets_cannot_close_their_elements() {
        assert!(!CSS.to_ascii_lowercase().contains("</style"));
        assert!(!JS.to_ascii_lowercase().contains("</script"));
        assert!(!CSS.contains("url(") && !CSS.contains("@import"));
    }

    #[test]
    fn escaping_and_highlighting() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        let body = "  Some <b>14</b> died.\n";
        let sentence = 2..body.len() - 1;
        let span = body.find("14").unwrap()..body.find("14").unwrap() + 2;
        assert_eq!(
            highlighted(body, &sentence, &span),
            "Some &lt;b&gt;<mark>14</mark>&lt;/b&gt; died."
        );
        // A span outside its sentence: the sentence alone.
        assert_eq!(highlighted(body, &(2..6), &span), "Some");
    }

    #[test]
    fn chart_scales() {
        assert_eq!(nice_ceil(0), 1);
        assert_eq!(nice_ceil(7), 8);
        assert_eq!(nice_ceil(2200), 2500);
        assert_eq!(nice_ceil(3000), 3000);
        assert_eq!(nice_ceil(3001), 4000);
        assert_eq!(nice_ceil(u64::MAX), u64::MAX);
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(1480), "1,480");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(plot_value(&Bounds::new(Some(1800), Some(2200))), Some(2000));
        assert_eq!(plot_value(&Bounds::new(None, Some(3000))), Some(3000));
        assert_eq!(percent(0.05), "5%");
        assert_eq!(percent(0.125), "12.5%");
    }
}
