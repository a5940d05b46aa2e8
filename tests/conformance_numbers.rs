//! Conformance of number recognition ([`find_numbers`]) against other
//! projects' test suites: Microsoft Recognizers-Text (number, range and
//! percent models), quantulum3, Duckling (numerals) and number-parser.
//!
//! The suites are read in place from `$CROSSCHECK_CONFORMANCE` (default:
//! `../shared/conformance` next to this repository); nothing of theirs is
//! copied here. When the folder is absent the test says so and passes. The
//! cases each suite's `SCOPE.json` marks `"scope": "in"` are counted, minus
//! the cases listed, with a reason, in `tests/conformance/numbers-skip.txt`;
//! the overall pass rate must be at least 97%. Cases marked `borderline`
//! (design decisions such as "10k" or "a few") are run and reported, not
//! counted.
//!
//! Each suite's conventions are adapted to, not counted as failures:
//!
//! * Recognizers-Text: values are strings; offsets count UTF-16 units with an
//!   inclusive `End`; ranges written with words ("between 20 and 30",
//!   "20 through 100", "1000-5000") resolve to half-open `[20,30)` where
//!   the wording (and crosscheck) includes the top; "equal to 20" is a
//!   range `[20,20]`. A mention matches an expected result when the values
//!   agree and the spans overlap (Recognizers-Text leaves qualifiers such
//!   as "about" out of some spans); every expected result must be matched
//!   and no other mention may be found.
//! * quantulum3: a range is a centre plus an uncertainty ("from 7 to 10" is
//!   8.5 ± 1.5); clock times are units, not dimensionless numbers, so
//!   mentions find_numbers marks as times of day are left out.
//! * Duckling: the input, taken alone, must be one mention over its full
//!   length (Duckling's quantifiers take a trailing "of": "a dozen of").
//! * number-parser: the whole input is one number.
//!
//! No suite has vague quantities ("several hundred", "dozens"), so mentions
//! find_numbers marks vague are left out everywhere.
//!
//! `cargo test --test conformance_numbers -- --nocapture` prints the pass
//! rate per suite and kind (numbers, ranges, percentages), overall, and
//! without the skip list; `CONFORMANCE_VERBOSE=1` also prints every failing
//! case.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crosscheck::extract::context::Reason;
use crosscheck::extract::numbers::{NumberMention, find_numbers};
use crosscheck::lexicon::Lexicon;
use crosscheck::model::Qualifier;

/// The overall in-scope pass rate the parser must reach.
const MIN_PASS_RATE: f64 = 0.97;

const SKIP_LIST: &str = include_str!("conformance/numbers-skip.txt");

fn root() -> PathBuf {
    std::env::var_os("CROSSCHECK_CONFORMANCE")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Numbers,
    Ranges,
    Percentages,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Numbers => "numbers",
            Kind::Ranges => "ranges",
            Kind::Percentages => "percentages",
        }
    }
}

/// One in-scope or borderline case and what became of it.
struct Outcome {
    suite: &'static str,
    /// SCOPE.json marks it borderline: reported, not counted.
    borderline: bool,
    /// `<suite>/<file>#<id>`, as in the skip list.
    key: String,
    kind: Kind,
    input: String,
    /// `None` when it passed, else what went wrong.
    failure: Option<String>,
}

/// The skip list: `<suite>/<file>#<id>  <category>` lines, and
/// `@<category>: <reason>` lines that say why.
struct SkipList {
    cases: HashMap<String, String>,
    reasons: BTreeMap<String, String>,
}

impl SkipList {
    fn parse(text: &str) -> SkipList {
        let mut cases = HashMap::new();
        let mut reasons = BTreeMap::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with("//") {
                continue;
            }
            if let Some(rest) = line.strip_prefix('@') {
                let (cat, why) = rest
                    .split_once(':')
                    .unwrap_or_else(|| panic!("skip list line {}: `@category: reason`", n + 1));
                reasons.insert(cat.trim().to_string(), why.trim().to_string());
                continue;
            }
            let (key, cat) = line
                .split_once(char::is_whitespace)
                .unwrap_or_else(|| panic!("skip list line {}: `suite/file#id category`", n + 1));
            let prev = cases.insert(key.to_string(), cat.trim().to_string());
            assert!(
                prev.is_none(),
                "skip list line {}: {key} listed twice",
                n + 1
            );
        }
        for (key, cat) in &cases {
            assert!(
                reasons.contains_key(cat),
                "skip list: {key} has category `{cat}`, which has no `@{cat}: reason` line"
            );
        }
        SkipList { cases, reasons }
    }
}

/// The ids of one file's in-scope and borderline cases, from the suite's
/// SCOPE.json, each with whether it is borderline.
fn scoped_cases(suite_dir: &Path, file: &str) -> HashMap<String, bool> {
    let scope: Value = read_json(&suite_dir.join("SCOPE.json"));
    scope["files"][file]["cases"]
        .as_array()
        .unwrap_or_else(|| panic!("SCOPE.json has no cases for {file}"))
        .iter()
        .filter(|c| c["scope"] == "in" || c["scope"] == "borderline")
        .map(|c| {
            let id = match &c["id"] {
                Value::String(s) => s.clone(),
                v => v.to_string(),
            };
            (id, c["scope"] == "borderline")
        })
        .collect()
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Byte offset → UTF-16 offset, the unit of Recognizers-Text's offsets.
fn utf16_offset(text: &str, byte: usize) -> usize {
    text[..byte].encode_utf16().count()
}

fn describe(text: &str, m: &NumberMention) -> String {
    let iv = m.interval;
    let interval = format!(
        "{}{},{}{}",
        if iv.lo_inclusive { '[' } else { '(' },
        if iv.lo.is_finite() {
            iv.lo.to_string()
        } else {
            String::new()
        },
        if iv.hi.is_finite() {
            iv.hi.to_string()
        } else {
            String::new()
        },
        if iv.hi_inclusive { ']' } else { ')' },
    );
    let mut s = format!("{:?} {interval}", &text[m.span.clone()]);
    if m.percent {
        s.push_str(" %");
    }
    if let Some(r) = m.reason {
        let _ = write!(s, " ({})", r.as_str());
    }
    s
}

fn describe_all(text: &str, ms: &[&NumberMention]) -> String {
    let v: Vec<String> = ms.iter().map(|m| describe(text, m)).collect();
    format!("[{}]", v.join("; "))
}

/// Matches expected items to mentions one to one (greedily, in order);
/// returns the failure message, if any, and the (expected, found) pairs.
fn match_all<E>(
    text: &str,
    expected: &[E],
    found: &[&NumberMention],
    fits: impl Fn(&E, &NumberMention) -> bool,
    show: impl Fn(&E) -> String,
) -> (Option<String>, Vec<(usize, usize)>) {
    let mut used = vec![false; found.len()];
    let mut missing = Vec::new();
    let mut pairs = Vec::new();
    for (i, e) in expected.iter().enumerate() {
        match (0..found.len()).find(|&k| !used[k] && fits(e, found[k])) {
            Some(k) => {
                used[k] = true;
                pairs.push((i, k));
            }
            None => missing.push(show(e)),
        }
    }
    let extra: Vec<&NumberMention> = found
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(m, _)| *m)
        .collect();
    if missing.is_empty() && extra.is_empty() {
        return (None, pairs);
    }
    let mut msg = String::new();
    if !missing.is_empty() {
        let _ = write!(msg, "missing {}", missing.join("; "));
    }
    if !extra.is_empty() {
        if !msg.is_empty() {
            msg.push_str("; ");
        }
        let _ = write!(msg, "unexpected {}", describe_all(text, &extra));
    }
    let _ = write!(msg, " (found {})", describe_all(text, found));
    (Some(msg), pairs)
}

// ------------------------------------------------------------ Recognizers-Text

/// A Recognizers-Text interval such as `(20,35]`, `[20,30)`, `(,700]`.
#[derive(Debug)]
struct RtInterval {
    lo: Option<f64>,
    lo_inclusive: bool,
    hi: Option<f64>,
    hi_inclusive: bool,
}

fn parse_rt_interval(s: &str) -> RtInterval {
    let lo_inclusive = s.starts_with('[');
    let hi_inclusive = s.ends_with(']');
    let inner = &s[1..s.len() - 1];
    let (a, b) = inner.split_once(',').expect("interval with a comma");
    let num = |x: &str| (!x.trim().is_empty()).then(|| x.trim().parse::<f64>().expect("number"));
    RtInterval {
        lo: num(a),
        lo_inclusive,
        hi: num(b),
        hi_inclusive,
    }
}

fn rt_interval_fits(e: &RtInterval, m: &NumberMention) -> bool {
    let iv = m.interval;
    let lo_ok = match e.lo {
        None => iv.lo == f64::NEG_INFINITY,
        Some(lo) => close(iv.lo, lo) && iv.lo_inclusive == e.lo_inclusive,
    };
    // "between 20 and 30" is `[20,30)` there and [20, 30] here.
    let half_open_range = m.qualifier == Qualifier::Range && e.lo.is_some() && !e.hi_inclusive;
    let hi_ok = match e.hi {
        None => iv.hi == f64::INFINITY,
        Some(hi) => close(iv.hi, hi) && (iv.hi_inclusive == e.hi_inclusive || half_open_range),
    };
    lo_ok && hi_ok
}

/// Is the mention a range in Recognizers-Text's sense: a range, a bound, or
/// a figure stated as equal ("equal to 20", `[20,20]`)?
fn rt_is_range(m: &NumberMention) -> bool {
    m.is_range() || (m.qualifier == Qualifier::Exact && m.span.start < m.core.start)
}

struct RtExpected {
    span: std::ops::Range<usize>,
    text: String,
    value: String,
}

/// Recognizers-Text results matched in passing cases, and how many of them
/// have the very span upstream gives (its `Text` is lower-cased).
#[derive(Default)]
struct SpanAgreement {
    matched: usize,
    identical: usize,
}

fn run_recognizers_text(
    dir: &Path,
    lex: &Lexicon,
    out: &mut Vec<Outcome>,
    spans: &mut SpanAgreement,
) {
    for (name, kind) in [
        ("NumberModel", Kind::Numbers),
        ("NumberRangeModel", Kind::Ranges),
        ("PercentModel", Kind::Percentages),
    ] {
        let file = format!("Specs/Number/English/{name}.json");
        let scope = scoped_cases(dir, &file);
        let cases = read_json(&dir.join(&file));
        for (idx, case) in cases.as_array().expect("array").iter().enumerate() {
            let Some(&borderline) = scope.get(&idx.to_string()) else {
                continue;
            };
            let input = case["Input"].as_str().expect("Input").to_string();
            let expected: Vec<RtExpected> = case["Results"]
                .as_array()
                .expect("Results")
                .iter()
                .map(|r| {
                    let start = r["Start"].as_u64().expect("Start") as usize;
                    let end = r["End"].as_u64().expect("End") as usize + 1;
                    RtExpected {
                        span: start..end,
                        text: r["Text"].as_str().unwrap_or("").to_string(),
                        value: r["Resolution"]["value"]
                            .as_str()
                            .expect("string value")
                            .to_string(),
                    }
                })
                .collect();
            let mentions = find_numbers(&input, lex);
            let to_utf16 = |r: &std::ops::Range<usize>| {
                utf16_offset(&input, r.start)..utf16_offset(&input, r.end)
            };
            let found: Vec<&NumberMention> = mentions
                .iter()
                .filter(|m| !m.vague)
                .filter(|m| match kind {
                    Kind::Numbers => true,
                    Kind::Ranges => rt_is_range(m),
                    Kind::Percentages => m.percent,
                })
                .collect();
            let show = |e: &RtExpected| format!("{:?} = {}", e.text, e.value);
            let (failure, pairs) = match kind {
                Kind::Numbers => match_all(
                    &input,
                    &expected,
                    &found,
                    |e, m| {
                        let v: f64 = e.value.parse().expect("number value");
                        overlaps(&to_utf16(&m.span), &e.span)
                            && m.value.is_some_and(|x| close(x, v))
                    },
                    show,
                ),
                Kind::Ranges => match_all(
                    &input,
                    &expected,
                    &found,
                    |e, m| {
                        overlaps(&to_utf16(&m.span), &e.span)
                            && rt_interval_fits(&parse_rt_interval(&e.value), m)
                    },
                    show,
                ),
                Kind::Percentages => match_all(
                    &input,
                    &expected,
                    &found,
                    |e, m| {
                        let v: f64 = e.value.trim_end_matches('%').parse().expect("percent");
                        overlaps(&to_utf16(&m.span), &e.span)
                            && m.value.is_some_and(|x| close(x, v))
                    },
                    show,
                ),
            };
            if failure.is_none() {
                for (e, m) in pairs {
                    spans.matched += 1;
                    let ours = input[found[m].span.clone()].to_lowercase();
                    spans.identical += usize::from(ours == expected[e].text);
                }
            }
            out.push(Outcome {
                suite: "recognizers-text",
                borderline,
                key: format!("recognizers-text/{file}#{idx}"),
                kind,
                input,
                failure,
            });
        }
    }
}

// ------------------------------------------------------------------ quantulum3

/// quantulum3 counts clock times as a unit, never as a dimensionless number.
fn quantulum_counts(m: &NumberMention) -> bool {
    !m.vague && m.reason != Some(Reason::Time)
}

fn run_quantulum(dir: &Path, lex: &Lexicon, out: &mut Vec<Outcome>) {
    let base = "quantulum3/_lang/en_US/tests";

    let file = format!("{base}/quantities.json");
    let scope = scoped_cases(dir, &file);
    let cases = read_json(&dir.join(&file));
    for (idx, case) in cases.as_array().expect("array").iter().enumerate() {
        let Some(&borderline) = scope.get(&idx.to_string()) else {
            continue;
        };
        let input = case["req"].as_str().expect("req").to_string();
        let expected: Vec<&Value> = case["res"].as_array().expect("res").iter().collect();
        let kind = if expected.iter().any(|q| q["unit"] == "percentage") {
            Kind::Percentages
        } else if expected.iter().any(|q| q["uncertainty"].as_f64().is_some()) {
            Kind::Ranges
        } else {
            Kind::Numbers
        };
        let mentions = find_numbers(&input, lex);
        let found: Vec<&NumberMention> = mentions.iter().filter(|m| quantulum_counts(m)).collect();
        let (failure, _) = match_all(
            &input,
            &expected,
            &found,
            |q, m| {
                let value = q["value"].as_f64().expect("value");
                let surface = q["surface"].as_str().expect("surface");
                let at = input.find(surface).expect("surface in the input");
                let percent = q["unit"] == "percentage";
                let value_ok = match q["uncertainty"].as_f64() {
                    Some(u) => {
                        m.qualifier == Qualifier::Range
                            && close(m.interval.lo, value - u)
                            && close(m.interval.hi, value + u)
                    }
                    None => m.value.is_some_and(|v| close(v, value)),
                };
                value_ok && m.percent == percent && overlaps(&m.span, &(at..at + surface.len()))
            },
            |q| format!("{} {:?}", q["value"], q["surface"].as_str().unwrap_or("")),
        );
        out.push(Outcome {
            suite: "quantulum3",
            borderline,
            key: format!("quantulum3/{file}#{idx}"),
            kind,
            input,
            failure,
        });
    }

    // Strings that must not make the parser fail.
    let file = format!("{base}/errors.json");
    let scope = scoped_cases(dir, &file);
    let cases = read_json(&dir.join(&file));
    for (idx, case) in cases.as_array().expect("array").iter().enumerate() {
        let Some(&borderline) = scope.get(&idx.to_string()) else {
            continue;
        };
        let input = case.as_str().expect("string").to_string();
        let failure = std::panic::catch_unwind(|| find_numbers(&input, lex))
            .err()
            .map(|_| "panicked".to_string());
        out.push(Outcome {
            suite: "quantulum3",
            borderline,
            key: format!("quantulum3/{file}#{idx}"),
            kind: Kind::Numbers,
            input,
            failure,
        });
    }

    // Spelled-out numbers: the values found, in order.
    let file = format!("{base}/extract_spellout_values.cases.json");
    let scope = scoped_cases(dir, &file);
    let cases = read_json(&dir.join(&file));
    for (idx, case) in cases["cases"].as_array().expect("cases").iter().enumerate() {
        let Some(&borderline) = scope.get(&idx.to_string()) else {
            continue;
        };
        let input = case["input"].as_str().expect("input").to_string();
        let expected: Vec<f64> = case["expected"]
            .as_array()
            .expect("expected")
            .iter()
            .map(|v| v.as_str().expect("string").parse().expect("number"))
            .collect();
        let mentions = find_numbers(&input, lex);
        let found: Vec<&NumberMention> = mentions.iter().filter(|m| quantulum_counts(m)).collect();
        let values: Vec<Option<f64>> = found.iter().map(|m| m.value).collect();
        let ok = values.len() == expected.len()
            && values
                .iter()
                .zip(&expected)
                .all(|(v, e)| v.is_some_and(|v| close(v, *e)));
        let failure = (!ok).then(|| {
            format!(
                "expected {expected:?}, found {}",
                describe_all(&input, &found)
            )
        });
        out.push(Outcome {
            suite: "quantulum3",
            borderline,
            key: format!("quantulum3/{file}#{idx}"),
            kind: Kind::Numbers,
            input,
            failure,
        });
    }
}

// -------------------------------------------------- Duckling and number-parser

/// The input, taken alone, is one number over its full length.
fn whole_input_failure(
    input: &str,
    value: f64,
    lex: &Lexicon,
    trailing_of: bool,
) -> Option<String> {
    let mentions = find_numbers(input, lex);
    let found: Vec<&NumberMention> = mentions.iter().filter(|m| !m.vague).collect();
    let trimmed = input.trim();
    let start = input.len() - input.trim_start().len();
    let mut end = start + trimmed.len();
    let ok = |end: usize| {
        found.len() == 1
            && found[0].span == (start..end)
            && found[0].value.is_some_and(|v| close(v, value))
    };
    if ok(end) {
        return None;
    }
    if trailing_of && trimmed.to_lowercase().ends_with(" of") {
        end -= 3;
        if ok(end) {
            return None;
        }
    }
    Some(format!(
        "expected one number {value} over the whole input, found {}",
        describe_all(input, &found)
    ))
}

fn run_duckling(dir: &Path, lex: &Lexicon, out: &mut Vec<Outcome>) {
    let file = "Duckling/Numeral/EN/Corpus.json";
    let scope = scoped_cases(dir, file);
    let corpus = read_json(&dir.join(file));
    for (g, group) in corpus["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .enumerate()
    {
        let value = group["expected"]["value"].as_f64().expect("numeric value");
        for (k, input) in group["inputs"]
            .as_array()
            .expect("inputs")
            .iter()
            .enumerate()
        {
            let id = format!("{g}.{k}");
            let Some(&borderline) = scope.get(&id) else {
                continue;
            };
            let input = input.as_str().expect("string").to_string();
            let failure = whole_input_failure(&input, value, lex, true);
            out.push(Outcome {
                suite: "duckling",
                borderline,
                key: format!("duckling/{file}#{id}"),
                kind: Kind::Numbers,
                input,
                failure,
            });
        }
    }
}

fn run_number_parser(dir: &Path, lex: &Lexicon, out: &mut Vec<Outcome>) {
    let scope: Value = read_json(&dir.join("SCOPE.json"));
    let mut files: Vec<&String> = scope["files"].as_object().expect("files").keys().collect();
    files.sort();
    for file in files {
        let ids = scoped_cases(dir, file);
        if ids.is_empty() {
            continue;
        }
        let text = std::fs::read_to_string(dir.join(file)).expect("csv");
        for (idx, row) in text.lines().skip(1).enumerate() {
            let Some(&borderline) = ids.get(&idx.to_string()) else {
                continue;
            };
            let (number, words) = row.split_once(',').expect("number,text");
            let value: f64 = number.trim().parse().expect("number");
            let failure = whole_input_failure(words, value, lex, false);
            out.push(Outcome {
                suite: "number-parser",
                borderline,
                key: format!("number-parser/{file}#{idx}"),
                kind: Kind::Numbers,
                input: words.to_string(),
                failure,
            });
        }
    }
}

// ------------------------------------------------------------------- the test

fn rate(pass: usize, total: usize) -> String {
    if total == 0 {
        return "-".into();
    }
    format!(
        "{pass}/{total} ({:.1}%)",
        100.0 * pass as f64 / total as f64
    )
}

#[test]
fn number_recognition_conforms_to_other_projects_suites() {
    let root = root();
    if !root.is_dir() {
        println!(
            "conformance suites not found at {} (set CROSSCHECK_CONFORMANCE): skipped",
            root.display()
        );
        return;
    }
    let lex = Lexicon::builtin();
    let skip = SkipList::parse(SKIP_LIST);
    let mut all = Vec::new();
    let mut spans = SpanAgreement::default();
    run_recognizers_text(&root.join("recognizers-text"), &lex, &mut all, &mut spans);
    run_quantulum(&root.join("quantulum3"), &lex, &mut all);
    run_duckling(&root.join("duckling"), &lex, &mut all);
    run_number_parser(&root.join("number-parser"), &lex, &mut all);

    for key in skip.cases.keys() {
        assert!(
            all.iter().any(|o| &o.key == key && !o.borderline),
            "skip list: {key} is not an in-scope case"
        );
        assert!(
            all.iter().any(|o| &o.key == key && o.failure.is_some()),
            "skip list: {key} passes now; remove it from tests/conformance/numbers-skip.txt"
        );
    }
    let verbose = std::env::var_os("CONFORMANCE_VERBOSE").is_some_and(|v| v != "0");
    let in_scope: Vec<&Outcome> = all.iter().filter(|o| !o.borderline).collect();
    let counted: Vec<&Outcome> = in_scope
        .iter()
        .copied()
        .filter(|o| !skip.cases.contains_key(&o.key))
        .collect();
    let tally = |of: &mut dyn Iterator<Item = &&Outcome>| {
        of.fold((0, 0), |(p, t), o| {
            (p + usize::from(o.failure.is_none()), t + 1)
        })
    };
    let mut suites: Vec<&str> = all.iter().map(|o| o.suite).collect();
    suites.dedup();
    let kinds = [Kind::Numbers, Kind::Ranges, Kind::Percentages];

    println!("number recognition conformance ({})", root.display());
    println!("in-scope cases, after the skip list:");
    println!("  {:<18} {:<12} {:>20}", "suite", "kind", "passed");
    for suite in &suites {
        for kind in kinds {
            let (p, t) = tally(
                &mut counted
                    .iter()
                    .filter(|o| o.suite == *suite && o.kind == kind),
            );
            if t > 0 {
                println!("  {suite:<18} {:<12} {:>20}", kind.as_str(), rate(p, t));
            }
        }
    }
    for suite in &suites {
        let (p, t) = tally(&mut counted.iter().filter(|o| o.suite == *suite));
        let s = in_scope.iter().filter(|o| o.suite == *suite).count() - t;
        println!(
            "  {suite:<18} {:<12} {:>20}   skipped {s}",
            "all",
            rate(p, t)
        );
    }
    for kind in kinds {
        let (p, t) = tally(&mut counted.iter().filter(|o| o.kind == kind));
        println!("  {:<18} {:<12} {:>20}", "all", kind.as_str(), rate(p, t));
    }
    let (pass, total) = tally(&mut counted.iter());
    println!(
        "  {:<18} {:<12} {:>20}",
        "overall",
        "all",
        rate(pass, total)
    );
    let (p, t) = tally(&mut in_scope.iter());
    println!(
        "  {:<18} {:<12} {:>20}",
        "without skip list",
        "all",
        rate(p, t)
    );
    let borderline: Vec<&Outcome> = all.iter().filter(|o| o.borderline).collect();
    let (p, t) = tally(&mut borderline.iter());
    println!(
        "borderline cases (design decisions; not counted): {}",
        rate(p, t)
    );
    println!(
        "recognizers-text results matched with upstream's exact span: {}",
        rate(spans.identical, spans.matched)
    );
    println!("skipped (tests/conformance/numbers-skip.txt):");
    let mut by_cat: BTreeMap<&str, usize> = BTreeMap::new();
    for o in &in_scope {
        if let Some(cat) = skip.cases.get(&o.key) {
            *by_cat.entry(cat.as_str()).or_default() += 1;
        }
    }
    for (cat, n) in &by_cat {
        println!("  {n:>3}  {cat}: {}", skip.reasons[*cat]);
    }
    let failing = |o: &&&Outcome| o.failure.is_some();
    let failures: Vec<&&Outcome> = counted.iter().filter(failing).collect();
    if verbose {
        println!("failing in-scope cases:");
        for o in &failures {
            println!(
                "  {} [{}] {:?}: {}",
                o.key,
                o.kind.as_str(),
                o.input,
                o.failure.as_deref().unwrap_or("")
            );
        }
        println!("failing borderline cases:");
        for o in borderline.iter().filter(failing) {
            println!(
                "  {} [{}] {:?}: {}",
                o.key,
                o.kind.as_str(),
                o.input,
                o.failure.as_deref().unwrap_or("")
            );
        }
    } else if !failures.is_empty() {
        println!(
            "{} failing cases (CONFORMANCE_VERBOSE=1 lists them)",
            failures.len()
        );
    }
    assert!(
        total > 0,
        "no in-scope cases found under {}",
        root.display()
    );
    let overall = pass as f64 / total as f64;
    assert!(
        overall >= MIN_PASS_RATE,
        "overall in-scope pass rate {:.1}% is below {:.0}%",
        100.0 * overall,
        100.0 * MIN_PASS_RATE
    );
}
