//! The HTML report (`--format html`) as a user gets it: a snapshot of the
//! page for the example corpus, its structure read without a browser, and
//! its script driven in Debian's headless chromium.
//!
//! The browser tests skip, with a note, when no chromium is installed;
//! with `CROSSCHECK_REQUIRE_BROWSER=1` (set by `.ci/run` after it installs
//! chromium) they fail instead. `CROSSCHECK_CHROMIUM` names another binary.
//! `CROSSCHECK_UPDATE_SCREENSHOT=1` rewrites `docs/report.png`.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

const QUAKE: &str = "data/examples/quake";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The command, run from the repository root, never on a terminal.
fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").expect("binary built");
    cmd.current_dir(root());
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = crosscheck().args(args).output().expect("runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    }
}

/// `check --format html` of the example corpus (it has warnings: exit 1).
fn quake_html() -> String {
    let r = run(&["check", "--format", "html", QUAKE]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    r.stdout
}

fn quake_json() -> Value {
    let r = run(&["check", "--format", "json", QUAKE]);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", r.stderr))
}

fn flags(v: &Value) -> &Vec<Value> {
    v["flags"].as_array().expect("flags")
}

/// The page with the text of its `<style>` and `<script>` elements left
/// out: the markup, which the snapshot pins (the browser tests run the script).
fn without_assets(html: &str) -> String {
    let mut out = html.to_string();
    for (open, close) in [("<style>", "</style>"), ("<script>", "</script>")] {
        let start = out.find(open).expect(open) + open.len();
        let end = out[start..].find(close).expect(close) + start;
        out.replace_range(start..end, "…");
    }
    out
}

/// Escapes text as the report does.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Every opening tag named `name`, as its text between `<` and `>`.
fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    let mut v = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        let after = &rest[i + open.len()..];
        let end = after.find('>').expect("tag closed");
        if after.starts_with([' ', '>', '/']) {
            v.push(&after[..end]);
        }
        rest = &after[end..];
    }
    v
}

/// An attribute of a tag's text: `Some("")` for one without a value.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() || rest.starts_with('/') {
            return None;
        }
        let end = rest.find(['=', ' ']).unwrap_or(rest.len());
        let key = &rest[..end];
        rest = &rest[end..];
        let value = if let Some(r) = rest.strip_prefix("=\"") {
            let close = r.find('"').expect("attribute closed");
            rest = &r[close + 1..];
            &r[..close]
        } else {
            ""
        };
        if key == name {
            return Some(value);
        }
    }
}

/// The tag names opened and closed in `html`, outside comments and the
/// text of `<style>` and `<script>`: every element is closed, in order.
fn assert_well_formed(html: &str) {
    const VOID: &[&str] = &["meta", "br", "hr", "img", "input", "link", "col", "wbr"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        if rest.starts_with("<!--") {
            rest = &rest[rest.find("-->").expect("comment closed") + 3..];
            continue;
        }
        if rest.starts_with("<!") {
            rest = &rest[rest.find('>').unwrap() + 1..];
            continue;
        }
        let end = rest.find('>').expect("tag closed");
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack
                .pop()
                .unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(open, name, "<{open}> closed by </{name}>");
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        assert!(
            !name.is_empty(),
            "a stray `<` in text: {}",
            &tag[..tag.len().min(40)]
        );
        if tag.ends_with('/') || VOID.contains(&name.as_str()) {
            continue;
        }
        if name == "style" || name == "script" {
            let close = format!("</{name}>");
            rest = &rest[rest.find(&close).expect("asset closed") + close.len()..];
            continue;
        }
        stack.push(name);
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
}

#[test]
fn the_report_of_the_example_corpus_is_stable() {
    let html = quake_html();
    assert!(html.len() < 100_000, "{} bytes", html.len());
    insta::assert_snapshot!("check_quake_html", without_assets(&html));
}

#[test]
fn the_same_input_gives_the_same_bytes_on_stdout_and_in_a_file() {
    let first = quake_html();
    assert_eq!(first, quake_html());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.html");
    let r = run(&[
        "check",
        "--format",
        "html",
        "--output",
        file.to_str().unwrap(),
        QUAKE,
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), first);
}

#[test]
fn the_page_is_self_contained_and_holds_every_flag_with_its_evidence() {
    let html = quake_html();
    let v = quake_json();
    assert_well_formed(&html);

    // Nothing is loaded from elsewhere, and the browser is told so.
    let lower = html.to_ascii_lowercase();
    for remote in [
        "src=\"http",
        "src=\"//",
        "href=\"http",
        "href=\"//",
        "url(",
        "@import",
        "<link",
        "<img",
        "<iframe",
        "<object",
        "<embed",
        "fetch(",
        "xmlhttprequest",
    ] {
        assert!(!lower.contains(remote), "the page refers to `{remote}`");
    }
    assert!(
        html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
    );
    assert_eq!(html.matches("<style>").count(), 1);
    assert_eq!(html.matches("<script>").count(), 1);

    // The summary.
    let counts = [
        ("articles", v["articles"].as_array().unwrap().len()),
        ("claims", v["claims"].as_array().unwrap().len()),
        ("events", v["events"].as_array().unwrap().len()),
        ("flags", flags(&v).len()),
        ("open", flags(&v).len()),
        ("accepted", 0),
        ("dismissed", 0),
        ("set-aside", 0),
        ("hidden-dismissed", 0),
        ("stale", 0),
    ];
    for (key, n) in counts {
        assert!(
            html.contains(&format!("data-count=\"{key}\">{n}<")),
            "{key} = {n}"
        );
    }
    for sev in ["error", "warning", "info"] {
        let n = flags(&v).iter().filter(|f| f["severity"] == sev).count();
        assert!(
            html.contains(&format!("data-count=\"{sev}\">{n}<")),
            "{sev} = {n}"
        );
    }

    // Readable without the script: the controls wait for it, every flag's
    // evidence is in the page, in a closed <details>.
    let form = tags(&html, "form");
    assert_eq!(form.len(), 1);
    assert_eq!(attr(form[0], "hidden"), Some(""));
    let bodies: Vec<&str> = tags(&html, "tbody")
        .into_iter()
        .filter(|t| attr(t, "class").is_some_and(|c| c.starts_with("flag")))
        .collect();
    let details = tags(&html, "details");
    assert_eq!(bodies.len(), flags(&v).len());
    assert_eq!(details.len(), flags(&v).len(), "one <details> per flag");
    assert!(details.iter().all(|d| attr(d, "open").is_none()));
    for f in flags(&v) {
        let id = f["id"].as_str().unwrap();
        let body = bodies
            .iter()
            .find(|t| attr(t, "id") == Some(id))
            .unwrap_or_else(|| panic!("no row for flag {id}"));
        for key in ["rule", "severity", "kind", "status"] {
            assert_eq!(
                attr(body, &format!("data-{key}")),
                f[key].as_str(),
                "{id}: data-{key}"
            );
        }
        assert_eq!(
            attr(body, "data-event"),
            Some(f["event"].as_str().unwrap_or("")),
            "{id}: data-event"
        );
        assert!(
            html.contains(&escape(f["why"].as_str().unwrap())),
            "{id}: why"
        );
        for e in f["evidence"].as_array().unwrap() {
            let text = e["text"].as_str().unwrap();
            assert!(
                html.contains(&format!("<mark>{}</mark>", escape(text))),
                "{id}: evidence `{text}` highlighted"
            );
            let article = escape(e["article"].as_str().unwrap());
            assert!(
                html.contains(&format!("<code>{article}</code>")),
                "{id}: {article}"
            );
        }
    }

    // The events where something was compared, each with its chart.
    let compared: Vec<&Value> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            e["claims"].as_array().unwrap().len() > 1 || !e["parts"].as_array().unwrap().is_empty()
        })
        .collect();
    assert!(!compared.is_empty());
    assert_eq!(html.matches("<svg class=\"chart\"").count(), compared.len());
    for e in &compared {
        let id = e["id"].as_str().unwrap();
        assert!(html.contains(&format!("<tr id=\"{id}\">")), "event {id}");
    }
    // A source that gave two figures is a line; every figure a point with
    // a tooltip.
    let two = compared
        .iter()
        .flat_map(|e| e["series"].as_array().unwrap())
        .filter(|s| s["points"].as_array().unwrap().len() > 1)
        .count();
    assert!(two > 0);
    assert_eq!(html.matches("<polyline ").count(), two);
    let points: usize = compared
        .iter()
        .flat_map(|e| e["series"].as_array().unwrap())
        .map(|s| s["points"].as_array().unwrap().len())
        .sum();
    assert_eq!(html.matches("<circle").count(), points);
    assert_eq!(html.matches("</title></circle>").count(), points);

    // Every claim has a row to link to.
    for c in v["claims"].as_array().unwrap() {
        let id = c["id"].as_str().unwrap();
        assert!(html.contains(&format!("<tr id=\"{id}\">")), "claim {id}");
    }
}

#[test]
fn decisions_show_in_rows_in_the_summary_and_as_stale() {
    let v = quake_json();
    let ids: Vec<&str> = flags(&v)
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("decisions.yaml");
    std::fs::write(
        &file,
        format!(
            "version: 1\ndecisions:\n  - flag: {}\n    status: accepted\n    by: ana\n    at: \"2026-12-07T20:15:00Z\"\n  - flag: {}\n    status: dismissed\n    by: bo\n    at: \"2026-12-08T09:00:00Z\"\n    note: \"two counts: <province> & city\"\n  - flag: f-0000000000000000\n    status: accepted\n    by: ana\n    at: \"2026-12-01T10:00:00Z\"\n    rule: figures/gone\n    message: a flag that no longer fires\n",
            ids[0], ids[1]
        ),
    )
    .unwrap();
    let decisions = file.to_str().unwrap();
    let r = run(&["check", "--format", "html", "--decisions", decisions, QUAKE]);
    assert!(r.code <= 1, "{}", r.stderr);
    let html = r.stdout;
    assert_well_formed(&html);
    let status_of = |id: &str| {
        let body = tags(&html, "tbody")
            .into_iter()
            .find(|t| attr(t, "id") == Some(id))
            .unwrap();
        attr(body, "data-status").unwrap().to_string()
    };
    assert_eq!(status_of(ids[0]), "accepted");
    assert_eq!(status_of(ids[1]), "dismissed");
    assert_eq!(status_of(ids[2]), "open");
    assert!(html.contains("two counts: &lt;province&gt; &amp; city"));
    assert!(html.contains("<b>ana</b> at <span class=\"nowrap\">2026-12-07T20:15:00Z</span>"));
    let open = ids.len() - 2;
    for (key, n) in [
        ("open", open),
        ("accepted", 1),
        ("dismissed", 1),
        ("stale", 1),
    ] {
        assert!(
            html.contains(&format!("data-count=\"{key}\">{n}<")),
            "{key} = {n}"
        );
    }
    assert!(html.contains("<section id=\"stale\">"));
    assert!(html.contains("<code>f-0000000000000000</code>"));
    assert!(html.contains("a flag that no longer fires"));

    // Dismissed flags hidden: counted, not shown, and not taken for stale.
    let r = run(&[
        "check",
        "--format",
        "html",
        "--decisions",
        decisions,
        "--hide-dismissed",
        QUAKE,
    ]);
    let html = r.stdout;
    assert!(html.contains("data-count=\"hidden-dismissed\">1<"));
    assert!(html.contains("data-count=\"stale\">1<"));
    assert_eq!(tags(&html, "details").len(), ids.len() - 1);
    assert!(!html.contains(&format!("id=\"{}\"", ids[1])));
}

#[test]
fn extract_and_events_render_pages_too() {
    let r = run(&["extract", "--format", "html", "--all", QUAKE]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_well_formed(&r.stdout);
    assert!(
        r.stdout
            .contains("<title>crosscheck claims: 5 articles, 12 claims</title>")
    );
    assert_eq!(r.stdout.matches("<tr id=\"c-").count(), 12);
    assert!(
        r.stdout.contains("<tr class=\"mention\">"),
        "--all lists other mentions"
    );
    assert!(!r.stdout.contains("id=\"flags\""));

    let r = run(&["events", "--format", "html", QUAKE]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_well_formed(&r.stdout);
    let v: Value =
        serde_json::from_str(&run(&["events", "--format", "json", QUAKE]).stdout).unwrap();
    let events = v["events"].as_array().unwrap().len();
    assert_eq!(r.stdout.matches("<svg class=\"chart\"").count(), events);
    assert!(!r.stdout.contains("id=\"flags\""));

    // The bundled corpus: a denial, whose evidence is sentences, not figures.
    let r = run(&["check", "--format", "html"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_well_formed(&r.stdout);
    assert!(r.stdout.contains("data-rule=\"attribution/denial\""));
}

#[test]
fn article_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.md");
    std::fs::write(
        &path,
        "---\nid: x<1>\noutlet: \"O'Brien & <Sons>\"\npublished: 2025-06-20\ntitle: \"<script>alert('x')</script>\"\n---\nAt least 14 people were killed in Haifa & <b>nearby</b> towns, police said.\n",
    )
    .unwrap();
    let r = run(&["check", "--format", "html", path.to_str().unwrap()]);
    assert!(r.code <= 1, "{}", r.stderr);
    let html = r.stdout;
    assert_well_formed(&html);
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<b>nearby</b>"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("O&#39;Brien &amp; &lt;Sons&gt;"));
    assert!(html.contains("<code>x&lt;1&gt;</code>"));
    assert!(html.contains(
        "<mark>At least 14</mark> people were killed in Haifa &amp; &lt;b&gt;nearby&lt;/b&gt; towns"
    ));
}

// ------------------------------------------------------------ the browser

/// Debian's chromium (or `CROSSCHECK_CHROMIUM`), if installed. Without one
/// the browser tests skip, unless `CROSSCHECK_REQUIRE_BROWSER=1`.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CROSSCHECK_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    let found = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
    .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var("CROSSCHECK_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "CROSSCHECK_REQUIRE_BROWSER=1 but no chromium is installed (apt-get install chromium)"
        );
        eprintln!(
            "note: no chromium found: browser test skipped (apt-get install chromium to run it)"
        );
    }
    found
}

/// The example corpus's report, written to a temporary folder.
struct Page {
    dir: tempfile::TempDir,
    file: PathBuf,
}

impl Page {
    fn quake() -> Page {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("report.html");
        std::fs::write(&file, quake_html()).unwrap();
        Page { dir, file }
    }

    /// The page's address with `rest` (a query and/or a fragment) after it.
    fn url(&self, rest: &str) -> String {
        let path = self
            .file
            .display()
            .to_string()
            .replace('%', "%25")
            .replace(' ', "%20");
        format!("file://{path}{rest}")
    }
}

/// Runs headless chromium on `url` with `args`; returns what it printed
/// (the DOM, with `--dump-dom`). Fails after two minutes.
fn headless(bin: &Path, page: &Page, args: &[&str], url: &str) -> String {
    let profile = tempfile::tempdir_in(page.dir.path()).unwrap();
    let out_path = profile.path().join("stdout.txt");
    let mut child = Process::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(File::create(&out_path).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took more than two minutes on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "chromium failed ({status}) on {url}");
    std::fs::read_to_string(&out_path).unwrap()
}

fn dump_dom(bin: &Path, page: &Page, rest: &str) -> String {
    let dom = headless(
        bin,
        page,
        &["--dump-dom", "--virtual-time-budget=5000"],
        &page.url(rest),
    );
    assert!(dom.contains("</html>"), "no DOM: {dom}");
    dom
}

/// The flags in the DOM, in their order: (id, hidden, details open).
fn flag_rows(dom: &str) -> Vec<(String, bool, bool)> {
    dom.split("<tbody")
        .skip(1)
        .filter_map(|chunk| {
            let tag = &chunk[..chunk.find('>').unwrap()];
            if !attr(tag, "class").is_some_and(|c| c.starts_with("flag")) {
                return None;
            }
            let details = tags(chunk, "details");
            assert_eq!(details.len(), 1, "one <details> per flag");
            Some((
                attr(tag, "id").unwrap().to_string(),
                attr(tag, "hidden").is_some(),
                attr(details[0], "open").is_some(),
            ))
        })
        .collect()
}

#[test]
fn in_a_browser_a_link_filters_sorts_and_opens_flags() {
    let Some(bin) = chromium() else { return };
    let v = quake_json();
    let all: Vec<(&str, &str)> = flags(&v)
        .iter()
        .map(|f| (f["id"].as_str().unwrap(), f["rule"].as_str().unwrap()))
        .collect();
    // A rule with several flags: filter on it, open the last of them, and
    // sort the table by number, descending.
    let rule = all
        .iter()
        .map(|(_, r)| *r)
        .find(|r| all.iter().filter(|(_, x)| x == r).count() > 1)
        .expect("a rule with two flags");
    let wanted: Vec<&str> = all
        .iter()
        .filter(|(_, r)| *r == rule)
        .map(|(id, _)| *id)
        .collect();
    let open = *wanted.last().unwrap();
    let page = Page::quake();
    let dom = dump_dom(&bin, &page, &format!("#rule={rule}&open={open}&sort=-n"));

    assert!(
        dom.contains("<html lang=\"en\" class=\"js\">"),
        "the script ran"
    );
    let form = tags(&dom, "form");
    assert_eq!(attr(form[0], "hidden"), None, "the controls are shown");
    assert!(
        dom.contains(&format!(
            "{} of {} flags shown</output>",
            wanted.len(),
            all.len()
        )),
        "the count of shown flags"
    );
    let rows = flag_rows(&dom);
    assert_eq!(rows.len(), all.len());
    for (id, hidden, is_open) in &rows {
        assert_eq!(
            !hidden,
            wanted.contains(&id.as_str()),
            "{id}: shown iff its rule is {rule}"
        );
        assert_eq!(*is_open, id == open, "{id}: open iff asked");
    }
    // Sorted by number, descending: the display order reversed.
    let order: Vec<&str> = rows.iter().map(|(id, _, _)| id.as_str()).collect();
    let html = std::fs::read_to_string(&page.file).unwrap();
    let mut display: Vec<&str> = tags(&html, "tbody")
        .into_iter()
        .filter(|t| attr(t, "class").is_some_and(|c| c.starts_with("flag")))
        .map(|t| attr(t, "id").unwrap())
        .collect();
    display.reverse();
    assert_eq!(order, display);
    assert!(dom.contains("data-col=\"n\" data-sort=\"num\" aria-sort=\"descending\""));
    // The select shows the filter.
    let selected = tags(&dom, "select");
    assert!(selected.iter().any(|t| attr(t, "name") == Some("rule")));
}

#[test]
fn in_a_browser_search_and_a_flag_anchor_work_together() {
    let Some(bin) = chromium() else { return };
    let v = quake_json();
    // The words of a search must all appear in a flag: its evidence names
    // its articles.
    let article = "ngo-quake-0312";
    let matching: Vec<&str> = flags(&v)
        .iter()
        .filter(|f| {
            f["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["article"] == article)
        })
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(!matching.is_empty() && matching.len() < flags(&v).len());
    let target = matching[0];
    let page = Page::quake();
    // Filters in the query, a plain fragment naming a flag: it opens.
    let dom = dump_dom(&bin, &page, &format!("?q={article}&status=open#{target}"));
    for (id, hidden, open) in flag_rows(&dom) {
        assert_eq!(
            !hidden,
            matching.contains(&id.as_str()),
            "{id}: shown iff it mentions {article}"
        );
        assert_eq!(open, id == target, "{id}: open iff named");
    }
    assert!(dom.contains(&format!(
        "{} of {} flags shown</output>",
        matching.len(),
        flags(&v).len()
    )));
}

#[test]
fn in_a_browser_the_page_renders_to_a_screenshot() {
    let Some(bin) = chromium() else { return };
    let page = Page::quake();
    let v = quake_json();
    let first = flags(&v)[0]["id"].as_str().unwrap();
    let shot = page.dir.path().join("report.png");
    let printed = headless(
        &bin,
        &page,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,900",
            "--virtual-time-budget=5000",
        ],
        &page.url(&format!("#open={first}")),
    );
    let _ = printed;
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    assert!(png.len() > 20_000, "{} bytes: a blank page?", png.len());
    if std::env::var("CROSSCHECK_UPDATE_SCREENSHOT").as_deref() == Ok("1") {
        std::fs::create_dir_all(root().join("docs")).unwrap();
        std::fs::write(root().join("docs/report.png"), &png).unwrap();
    }
}
