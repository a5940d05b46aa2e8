//! The `where` conditions of a `pattern` rule: a small language parsed
//! when the rule is loaded, evaluated against each regex match.
//!
//! ```text
//! condition := NAME OP VALUE | "exists" NAME | "missing" NAME
//! NAME      := capture | claim.FIELD | article.FIELD
//! OP        := == | != | < | <= | > | >= | ~ | !~ | in | not in
//! VALUE     := number | word | 'quoted text' | "quoted text"   (== != < <= > >=)
//!            | regex, optionally quoted                          (~ !~)
//!            | [item, item, ...]                                 (in, not in)
//! ```
//!
//! Text compares case-insensitively; a number compares as a number
//! ("1,200" == 1200). A condition on a capture that did not take part in
//! the match, or on a claim field the claim lacks, is false, except `!=`,
//! `!~`, `not in` and `missing`, which are true.

use std::borrow::Cow;
use std::fmt;

use regex::{CaptureLocations, Regex, RegexBuilder};

use crate::lexicon::Lexicon;
use crate::model::{Article, Claim, DATE_METRIC};
use crate::rules::kinds::ParamError;

const QUALIFIERS: &[&str] = &[
    "exact",
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "approximately",
    "nearly",
    "range",
    "vague",
];
const SCOPES: &[&str] = &["unspecified", "aggregate", "incident", "rate"];
const BOOLS: &[&str] = &["true", "false"];

/// A claim or article field a condition can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Value,
    Max,
    Metric,
    Subject,
    Group,
    Place,
    Country,
    Source,
    Hedged,
    Qualifier,
    Scope,
    Outlet,
    ArticleId,
}

/// What sort of values a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type {
    Number,
    Text,
    /// One of a fixed set of words.
    Enum(&'static [&'static str]),
}

impl Field {
    const ALL: &'static [Field] = &[
        Field::Value,
        Field::Max,
        Field::Metric,
        Field::Subject,
        Field::Group,
        Field::Place,
        Field::Country,
        Field::Source,
        Field::Hedged,
        Field::Qualifier,
        Field::Scope,
        Field::Outlet,
        Field::ArticleId,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Field::Value => "claim.value",
            Field::Max => "claim.max",
            Field::Metric => "claim.metric",
            Field::Subject => "claim.subject",
            Field::Group => "claim.group",
            Field::Place => "claim.place",
            Field::Country => "claim.country",
            Field::Source => "claim.source",
            Field::Hedged => "claim.hedged",
            Field::Qualifier => "claim.qualifier",
            Field::Scope => "claim.scope",
            Field::Outlet => "article.outlet",
            Field::ArticleId => "article.id",
        }
    }

    fn ty(self) -> Type {
        match self {
            Field::Value | Field::Max => Type::Number,
            Field::Hedged => Type::Enum(BOOLS),
            Field::Qualifier => Type::Enum(QUALIFIERS),
            Field::Scope => Type::Enum(SCOPES),
            _ => Type::Text,
        }
    }

    /// May a claim lack it (so `exists`/`missing` mean something)?
    fn optional(self) -> bool {
        matches!(
            self,
            Field::Max | Field::Place | Field::Country | Field::Source | Field::Outlet
        )
    }

    fn names() -> String {
        Field::ALL
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// What a condition tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    /// A named capture: its group index and name.
    Capture(usize, String),
    Field(Field),
}

impl Subject {
    pub(crate) fn name(&self) -> &str {
        match self {
            Subject::Capture(_, n) => n,
            Subject::Field(f) => f.name(),
        }
    }

    fn ty(&self) -> Option<Type> {
        match self {
            Subject::Capture(..) => None,
            Subject::Field(f) => Some(f.ty()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Match,
    NotMatch,
    In,
    NotIn,
    Exists,
    Missing,
}

impl Op {
    fn ordering(self) -> bool {
        matches!(self, Op::Lt | Op::Le | Op::Gt | Op::Ge)
    }

    /// Is the condition true when its subject is absent?
    fn holds_when_absent(self) -> bool {
        matches!(self, Op::Ne | Op::NotMatch | Op::NotIn | Op::Missing)
    }
}

/// A value written in a condition: a number, or text (lowercased).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    Num(f64),
    Text(String),
}

impl Val {
    fn read(s: &str) -> Val {
        let s = unquote(s.trim());
        match parse_number(s) {
            Some(n) => Val::Num(n),
            None => Val::Text(s.to_lowercase()),
        }
    }
}

impl fmt::Display for Val {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Val::Num(n) => write!(f, "{n}"),
            Val::Text(t) => f.write_str(t),
        }
    }
}

#[derive(Debug, Clone)]
enum Operand {
    None,
    Value(Val),
    List(Vec<Val>),
    Regex(Regex),
}

/// One parsed condition.
#[derive(Debug, Clone)]
pub(crate) struct Condition {
    /// As written (trimmed), for messages and traces.
    pub source: String,
    pub subject: Subject,
    pub op: Op,
    operand: Operand,
}

/// A value a condition looks at, as found on a claim or in a match.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Actual<'a> {
    Num(f64),
    Text(&'a str),
}

impl Actual<'_> {
    fn number(&self) -> Option<f64> {
        match self {
            Actual::Num(n) => Some(*n),
            Actual::Text(t) => parse_number(t),
        }
    }

    fn text(&self) -> Cow<'_, str> {
        match self {
            Actual::Num(n) => Cow::Owned(n.to_string()),
            Actual::Text(t) => Cow::Borrowed(t),
        }
    }

    fn equals(&self, v: &Val) -> bool {
        match v {
            Val::Num(x) => self.number() == Some(*x),
            Val::Text(x) => match self {
                Actual::Text(t) => eq_fold(t.trim(), x),
                Actual::Num(_) => false,
            },
        }
    }
}

impl fmt::Display for Actual<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// Case-insensitive equality without allocating (`lower` is lowercase).
fn eq_fold(a: &str, lower: &str) -> bool {
    a.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// What conditions are evaluated against: one claim, its article, and the
/// current match's capture positions in `hay` (the claim's sentence).
pub(crate) struct Env<'a> {
    pub claim: &'a Claim,
    pub article: &'a Article,
    pub hay: &'a str,
    pub locs: &'a CaptureLocations,
}

impl<'a> Env<'a> {
    pub(crate) fn get(&self, s: &Subject) -> Option<Actual<'a>> {
        let c = self.claim;
        match s {
            Subject::Capture(i, _) => self
                .locs
                .get(*i)
                .map(|(a, b)| Actual::Text(&self.hay[a..b])),
            Subject::Field(f) => match f {
                Field::Value => Some(Actual::Num(c.value.lo() as f64)),
                Field::Max => c.value.max.map(|m| Actual::Num(m as f64)),
                Field::Metric => Some(Actual::Text(&c.metric)),
                Field::Subject => Some(Actual::Text(&c.subject)),
                Field::Group => Some(Actual::Text(&c.group)),
                Field::Place => c.place.as_deref().map(Actual::Text),
                Field::Country => c.country.as_deref().map(Actual::Text),
                Field::Source => c.source.as_deref().map(Actual::Text),
                Field::Hedged => Some(Actual::Text(if c.hedged { "true" } else { "false" })),
                Field::Qualifier => Some(Actual::Text(c.qualifier.as_str())),
                Field::Scope => Some(Actual::Text(c.scope.as_str())),
                Field::Outlet => self.article.outlet.as_deref().map(Actual::Text),
                Field::ArticleId => Some(Actual::Text(&self.article.id)),
            },
        }
    }
}

impl Condition {
    /// Does the condition hold in `env`?
    pub(crate) fn holds(&self, env: &Env) -> bool {
        let Some(v) = env.get(&self.subject) else {
            return self.op.holds_when_absent();
        };
        match (&self.op, &self.operand) {
            (Op::Exists, _) => true,
            (Op::Missing, _) => false,
            (Op::Eq, Operand::Value(x)) => v.equals(x),
            (Op::Ne, Operand::Value(x)) => !v.equals(x),
            (Op::In, Operand::List(xs)) => xs.iter().any(|x| v.equals(x)),
            (Op::NotIn, Operand::List(xs)) => !xs.iter().any(|x| v.equals(x)),
            (Op::Match, Operand::Regex(r)) => r.is_match(&v.text()),
            (Op::NotMatch, Operand::Regex(r)) => !r.is_match(&v.text()),
            (op, Operand::Value(Val::Num(x))) => v.number().is_some_and(|n| match op {
                Op::Lt => n < *x,
                Op::Le => n <= *x,
                Op::Gt => n > *x,
                Op::Ge => n >= *x,
                _ => false,
            }),
            _ => false,
        }
    }
}

/// A named capture of the pattern's regex: its name and group index.
pub(crate) type CaptureName<'a> = (&'a str, usize);

/// Parses one condition, checking its names against the regex's captures
/// and the claim fields, and its values against the operator.
pub(crate) fn parse(
    src: &str,
    captures: &[CaptureName],
    lex: &Lexicon,
) -> Result<Condition, ParamError> {
    let s = src.trim();
    let err = |m: String| ParamError::at("where", m);
    let shape = "a condition is `NAME OP VALUE` (OP one of ==, !=, <, <=, >, >=, ~, !~, in, not in) or `exists NAME` / `missing NAME`";
    if s.is_empty() {
        return Err(err("empty condition".into()).help(shape));
    }
    for (word, op) in [("exists", Op::Exists), ("missing", Op::Missing)] {
        if let Some(rest) = s.strip_prefix(word)
            && rest.starts_with(char::is_whitespace)
        {
            let name = rest.trim();
            if name.is_empty() || !name.chars().all(is_name_char) {
                return Err(err(format!(
                    "`{s}`: `{word}` takes one name, such as `{word} rate`"
                ))
                .help(shape));
            }
            let subject = subject(name, s, captures)?;
            if let Subject::Field(f) = &subject
                && !f.optional()
            {
                return Err(err(format!(
                    "`{s}`: every claim has `{}`, so `{word}` cannot test it",
                    f.name()
                ))
                .help(
                    "`exists` and `missing` test optional captures and claim.max, claim.place, claim.country, claim.source, article.outlet",
                ));
            }
            return Ok(Condition {
                source: s.to_string(),
                subject,
                op,
                operand: Operand::None,
            });
        }
    }
    let name_len = s.find(|c: char| !is_name_char(c)).unwrap_or(s.len());
    let name = &s[..name_len];
    if name.is_empty() {
        return Err(err(format!("`{s}` does not start with a name")).help(shape));
    }
    let rest = s[name_len..].trim_start();
    let (op, value) = read_op(rest).ok_or_else(|| {
        let token = rest.split_whitespace().next().unwrap_or("");
        let msg = if token.is_empty() {
            format!("`{s}` has no operator")
        } else {
            format!("unknown operator `{token}` in `{s}`")
        };
        err(msg).help(shape)
    })?;
    let subject = subject(name, s, captures)?;
    let value = value.trim();
    if value.is_empty() {
        return Err(err(format!("`{s}` has no value after the operator")).help(shape));
    }
    let operand = match op {
        Op::Match | Op::NotMatch => Operand::Regex(
            RegexBuilder::new(unquote(value))
                .case_insensitive(true)
                .build()
                .map_err(|e| {
                    err(format!(
                        "`{s}`: invalid regex: {}",
                        regex_error(unquote(value), &e)
                    ))
                    .help(REGEX_HELP)
                })?,
        ),
        Op::In | Op::NotIn => {
            let inner = value
                .strip_prefix('[')
                .and_then(|v| v.strip_suffix(']'))
                .ok_or_else(|| {
                    err(format!("`{s}`: `in` takes a list, such as [day, week]"))
                        .help("write the values in brackets, separated by commas; quote a value with a comma: [\"1,200\", 1500]")
                })?;
            let items = split_list(inner);
            if items.is_empty() {
                return Err(err(format!("`{s}`: the list is empty"))
                    .help("give at least one value: `unit in [day, week]`"));
            }
            Operand::List(items.iter().map(|i| Val::read(i)).collect())
        }
        _ => Operand::Value(Val::read(value)),
    };
    let cond = Condition {
        source: s.to_string(),
        subject,
        op,
        operand,
    };
    check_types(&cond, lex)?;
    Ok(cond)
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '.'
}

/// The operator at the start of `rest`, and what follows it.
fn read_op(rest: &str) -> Option<(Op, &str)> {
    let word = |w: &str| {
        rest.strip_prefix(w)
            .filter(|r| r.is_empty() || r.starts_with(|c: char| c.is_whitespace() || c == '['))
    };
    if let Some(r) = rest.strip_prefix("not")
        && r.starts_with(char::is_whitespace)
        && let Some(r) = r.trim_start().strip_prefix("in")
        && (r.is_empty() || r.starts_with(|c: char| c.is_whitespace() || c == '['))
    {
        return Some((Op::NotIn, r));
    }
    if let Some(r) = word("in") {
        return Some((Op::In, r));
    }
    for (sym, op) in [
        ("==", Op::Eq),
        ("!=", Op::Ne),
        ("<=", Op::Le),
        (">=", Op::Ge),
        ("!~", Op::NotMatch),
        ("<", Op::Lt),
        (">", Op::Gt),
        ("~", Op::Match),
    ] {
        if let Some(r) = rest.strip_prefix(sym) {
            // `=<`, `<>`, `===`: not ours.
            if r.starts_with(['=', '<', '>', '!']) {
                return None;
            }
            return Some((op, r));
        }
    }
    None
}

/// Resolves a name to a capture or a claim/article field.
fn subject(name: &str, cond: &str, captures: &[CaptureName]) -> Result<Subject, ParamError> {
    if let Some((head, _)) = name.split_once('.') {
        if let Some(f) = Field::ALL.iter().find(|f| f.name() == name) {
            return Ok(Subject::Field(*f));
        }
        let what = match head {
            "claim" | "article" => format!("unknown {head} field `{name}` in `{cond}`"),
            _ => format!("unknown field `{name}` in `{cond}`"),
        };
        let near = closest(name, Field::ALL.iter().map(|f| f.name()));
        let mut help = format!("fields: {}", Field::names());
        if let Some(n) = near {
            help = format!("did you mean `{n}`? {help}");
        }
        return Err(ParamError::at("where", what).help(help));
    }
    if captures.is_empty() {
        return Err(ParamError::at(
            "where",
            format!("condition `{cond}` uses `{name}`, but the regex has no named captures"),
        )
        .help(format!(
            "name the part of the regex it tests, such as (?P<{name}>\\d[\\d,]*), or test a claim field ({})",
            Field::names()
        )));
    }
    if let Some(&(n, i)) = captures.iter().find(|(n, _)| *n == name) {
        return Ok(Subject::Capture(i, n.to_string()));
    }
    // List the captures closest to the name first.
    let mut names: Vec<(usize, usize, &str)> = captures
        .iter()
        .enumerate()
        .map(|(k, (n, _))| (edit_distance(name, n), k, *n))
        .collect();
    names.sort();
    let list: Vec<&str> = names.iter().map(|x| x.2).collect();
    Err(ParamError::at(
        "where",
        format!(
            "condition uses `{name}` but the regex has no capture named `{name}`; it has {}",
            list.join(", ")
        ),
    )
    .help(format!(
        "use one of the regex's captures, or name a group (?P<{name}>...), or a claim field ({})",
        Field::names()
    )))
}

/// Are the operator and the values right for the subject?
fn check_types(c: &Condition, lex: &Lexicon) -> Result<(), ParamError> {
    let s = &c.source;
    let name = c.subject.name();
    let ty = c.subject.ty();
    let err = |m: String| ParamError::at("where", m);
    if c.op.ordering() {
        if let Some(Type::Text | Type::Enum(_)) = ty {
            return Err(err(format!(
                "`{s}`: `{name}` is not a number, so `{}` cannot compare it",
                op_symbol(c.op)
            ))
            .help("compare text with ==, !=, in, not in, ~ or !~; numbers are claim.value, claim.max and captures"));
        }
        if let Operand::Value(Val::Text(t)) = &c.operand {
            return Err(err(format!(
                "`{s}` compares `{name}` with `{t}`, which is not a number"
            ))
            .help("<, <=, > and >= compare numbers: write one such as 10 or 1,200"));
        }
    }
    let values: &[Val] = match &c.operand {
        Operand::Value(v) => std::slice::from_ref(v),
        Operand::List(vs) => vs,
        _ => &[],
    };
    for v in values {
        match (ty, v) {
            (Some(Type::Number), Val::Text(t)) => {
                return Err(err(format!(
                    "`{s}` compares `{name}` with `{t}`, which is not a number"
                ))
                .help(format!(
                    "`{name}` is a number: write one such as 10 or 1,200"
                )));
            }
            (Some(Type::Enum(allowed)), v) => {
                let t = v.to_string();
                if !allowed.contains(&t.as_str()) {
                    return Err(err(format!(
                        "`{s}`: `{name}` is never `{t}`, so this condition never holds"
                    ))
                    .help(format!("`{name}` is one of: {}", allowed.join(", "))));
                }
            }
            _ => {}
        }
        if let (Subject::Field(f @ (Field::Metric | Field::Group)), Val::Text(t)) = (&c.subject, v)
            && matches!(c.op, Op::Eq | Op::In | Op::Ne | Op::NotIn)
        {
            let (known, names): (bool, Vec<&str>) = if *f == Field::Metric {
                (
                    lex.metric(t).is_some() || *t == *lex.review_metric || t == DATE_METRIC,
                    lex.metrics
                        .iter()
                        .map(|m| m.name.as_ref())
                        .chain([lex.review_metric.as_ref(), DATE_METRIC])
                        .collect(),
                )
            } else {
                (
                    lex.group(t).is_some(),
                    lex.groups.iter().map(|g| g.name.as_ref()).collect(),
                )
            };
            if !known {
                let kind = if *f == Field::Metric {
                    "metric"
                } else {
                    "group"
                };
                return Err(err(format!(
                    "`{s}`: unknown {kind} `{t}`, so this condition would never hold as meant"
                ))
                .help(format!("known {kind}s: {}", names.join(", "))));
            }
        }
    }
    Ok(())
}

fn op_symbol(op: Op) -> &'static str {
    match op {
        Op::Eq => "==",
        Op::Ne => "!=",
        Op::Lt => "<",
        Op::Le => "<=",
        Op::Gt => ">",
        Op::Ge => ">=",
        Op::Match => "~",
        Op::NotMatch => "!~",
        Op::In => "in",
        Op::NotIn => "not in",
        Op::Exists => "exists",
        Op::Missing => "missing",
    }
}

/// A regex error on one line: what the regex crate says is wrong and,
/// when it marks a place, where (its caret turned into a position).
pub(crate) fn regex_error(pattern: &str, e: &regex::Error) -> String {
    let text = e.to_string();
    let lines: Vec<&str> = text.lines().collect();
    let what = lines
        .iter()
        .rev()
        .find_map(|l| l.strip_prefix("error: "))
        .or_else(|| lines.first().copied())
        .unwrap_or("invalid regex");
    // A one-line pattern is shown indented by four spaces, the caret line below it.
    let caret = lines.iter().find_map(|l| {
        let t = l.trim_start();
        (!t.is_empty() && t.chars().all(|c| c == '^')).then(|| (l.len() - t.len(), t.len()))
    });
    match caret {
        Some((indent, len)) if !pattern.contains('\n') && indent >= 4 => {
            let marked: String = pattern.chars().skip(indent - 4).take(len).collect();
            format!("{what} (at character {}: `{marked}`)", indent - 3)
        }
        _ => what.to_string(),
    }
}

/// Where users read the regex syntax.
pub(crate) const REGEX_HELP: &str = "regex syntax: https://docs.rs/regex/latest/regex/#syntax; a named capture looks like (?P<n>\\d+)";

fn unquote(s: &str) -> &str {
    for q in ['"', '\''] {
        if s.len() >= 2
            && let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q))
        {
            return inner;
        }
    }
    s
}

/// Splits `a, "b, c", d` at commas outside quotes.
fn split_list(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut quote = None;
    let mut start = 0;
    for (i, ch) in s.char_indices() {
        match (quote, ch) {
            (None, '"' | '\'') => quote = Some(ch),
            (Some(q), _) if q == ch => quote = None,
            (None, ',') => {
                out.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(s[start..].trim());
    out.retain(|x| !x.is_empty());
    out
}

/// A number as written, with thousands separators ("1,200", "12 500") and
/// an optional sign and decimals.
pub(crate) fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let (sign, body) = match s.strip_prefix('-') {
        Some(r) => (-1.0, r),
        None => (1.0, s.strip_prefix('+').unwrap_or(s)),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let is_sep = |c: char| matches!(c, ',' | '_' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}');
    let groups: Vec<&str> = int.split(is_sep).collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if !groups.iter().all(|g| digits(g)) {
        return None;
    }
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return None;
    }
    if let Some(f) = frac
        && !digits(f)
    {
        return None;
    }
    let mut clean: String = groups.concat();
    if let Some(f) = frac {
        clean.push('.');
        clean.push_str(f);
    }
    clean.parse::<f64>().ok().map(|n| sign * n)
}

/// Edit distance counting a swap of two neighbouring letters as one edit
/// (optimal string alignment), for suggesting what a name was meant to be.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

fn closest<'a>(name: &str, options: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    options
        .map(|o| (edit_distance(name, o), o))
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, o)| o)
}

/// What the conditions on one subject allow.
#[derive(Default)]
struct Domain<'a> {
    lo: Option<(f64, bool)>,
    hi: Option<(f64, bool)>,
    allowed: Option<Vec<Val>>,
    excluded: Vec<Val>,
    matching: Vec<&'a Regex>,
    not_matching: Vec<&'a Regex>,
    /// Some condition needs the subject present (`==`, `<`, `in`, `~`, `exists`).
    present: bool,
    missing: bool,
    /// Some condition compares it as a number.
    numeric: bool,
}

impl Domain<'_> {
    fn allow(&mut self, vals: &[Val]) {
        self.allowed = Some(match self.allowed.take() {
            None => vals.to_vec(),
            Some(old) => old.into_iter().filter(|v| vals.contains(v)).collect(),
        });
    }

    fn in_range(&self, n: f64) -> bool {
        self.lo.is_none_or(|(l, inc)| n > l || (inc && n == l))
            && self.hi.is_none_or(|(h, inc)| n < h || (inc && n == h))
    }

    fn satisfiable(&self) -> bool {
        if self.missing && self.present {
            return false;
        }
        if self.missing {
            // Only conditions that hold when absent remain.
            return true;
        }
        if let (Some((l, li)), Some((h, hi))) = (self.lo, self.hi)
            && (l > h || (l == h && !(li && hi)))
        {
            return false;
        }
        if self
            .matching
            .iter()
            .any(|m| self.not_matching.iter().any(|n| n.as_str() == m.as_str()))
        {
            return false;
        }
        match &self.allowed {
            Some(vals) => vals.iter().any(|v| {
                !self.excluded.contains(v)
                    && match v {
                        Val::Num(n) => self.in_range(*n),
                        Val::Text(t) => {
                            !self.numeric
                                && self.matching.iter().all(|r| r.is_match(t))
                                && !self.not_matching.iter().any(|r| r.is_match(t))
                        }
                    }
            }),
            None => match (self.lo, self.hi) {
                (Some((l, true)), Some((h, true))) if l == h => {
                    !self.excluded.contains(&Val::Num(l))
                }
                _ => true,
            },
        }
    }
}

/// Checks that the conditions can all hold together; on failure returns
/// the conditions on the subject that cannot be satisfied.
pub(crate) fn check_satisfiable(conds: &[Condition]) -> Result<(), Vec<&Condition>> {
    let mut subjects: Vec<&Subject> = Vec::new();
    for c in conds {
        if !subjects.contains(&&c.subject) {
            subjects.push(&c.subject);
        }
    }
    for subject in subjects {
        let mine: Vec<&Condition> = conds.iter().filter(|c| &c.subject == subject).collect();
        let mut d = Domain::default();
        if let Some(Type::Enum(words)) = subject.ty() {
            d.allowed = Some(words.iter().map(|w| Val::Text(w.to_string())).collect());
        }
        for c in &mine {
            if !c.op.holds_when_absent() {
                d.present = true;
            }
            match (c.op, &c.operand) {
                (Op::Missing, _) => d.missing = true,
                (Op::Eq, Operand::Value(v)) => d.allow(std::slice::from_ref(v)),
                (Op::In, Operand::List(vs)) => d.allow(vs),
                (Op::Ne, Operand::Value(v)) => d.excluded.push(v.clone()),
                (Op::NotIn, Operand::List(vs)) => d.excluded.extend(vs.iter().cloned()),
                (Op::Match, Operand::Regex(r)) => d.matching.push(r),
                (Op::NotMatch, Operand::Regex(r)) => d.not_matching.push(r),
                (op, Operand::Value(Val::Num(n))) if op.ordering() => {
                    d.numeric = true;
                    let inclusive = matches!(op, Op::Le | Op::Ge);
                    if matches!(op, Op::Gt | Op::Ge) {
                        let tighter =
                            d.lo.is_none_or(|(l, li)| *n > l || (*n == l && li && !inclusive));
                        if tighter {
                            d.lo = Some((*n, inclusive));
                        }
                    } else {
                        let tighter =
                            d.hi.is_none_or(|(h, hi)| *n < h || (*n == h && hi && !inclusive));
                        if tighter {
                            d.hi = Some((*n, inclusive));
                        }
                    }
                }
                _ => {}
            }
        }
        if !d.satisfiable() {
            return Err(mine);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Qualifier;

    #[test]
    fn qualifier_words_are_the_models() {
        for q in QUALIFIERS {
            assert_eq!(Qualifier::parse(q).map(|q| q.as_str()), Some(*q));
        }
    }

    #[test]
    fn lists_split_outside_quotes() {
        assert_eq!(split_list("day, week"), vec!["day", "week"]);
        assert_eq!(
            split_list("\"1,200\", 'a, b' ,c"),
            vec!["\"1,200\"", "'a, b'", "c"]
        );
        assert_eq!(split_list(" "), Vec::<&str>::new());
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("cnt", "n"), 2);
        assert_eq!(edit_distance("unit", "unit"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("vlaue", "value"), 1);
    }
}
