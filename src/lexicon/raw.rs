//! Raw lexicon files as written (strict: unknown keys are errors), and
//! their compilation into [`Lexicon`] tables.

use std::collections::BTreeMap;

use rustc_hash::FxHashSet as HashSet;
use std::sync::Arc;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_saphyr::Spanned;

use super::*;

fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, LexiconError> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_events: 2_000_000,
            max_depth: 32,
        },
    };
    serde_saphyr::from_str_with_options(text, options).map_err(|e| {
        let loc = e.location();
        let msg = e.without_snippet().to_string();
        LexiconError {
            file: file.to_string(),
            line: loc.map(|l| l.line() as usize),
            column: loc.map(|l| l.column() as usize),
            message: msg
                .lines()
                .next()
                .unwrap_or("invalid YAML")
                .trim()
                .to_string(),
            help: Some("see the comments at the top of the default file in data/lexicon/".into()),
        }
    })
}

fn err_at<T>(file: &str, s: &Spanned<T>, message: String, help: &str) -> LexiconError {
    LexiconError {
        file: file.to_string(),
        line: Some(s.referenced.line() as usize),
        column: Some(s.referenced.column() as usize),
        message,
        help: Some(help.to_string()),
    }
}

fn words(list: &[String]) -> HashSet<Box<str>> {
    list.iter().flat_map(|p| phrase_tokens(p)).collect()
}

fn table(list: &[String]) -> PhraseTable<()> {
    let mut t = PhraseTable::new();
    for p in list {
        t.insert(p, ());
    }
    t
}

// ---------------------------------------------------------------- numbers

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNumbers {
    units: BTreeMap<String, u64>,
    tens: BTreeMap<String, u64>,
    scales: BTreeMap<String, u64>,
    scale_suffixes: BTreeMap<String, u64>,
    multiples: BTreeMap<String, u64>,
    fractions: BTreeMap<String, f64>,
    vague: Vec<RawVague>,
    vague_multipliers: Vec<RawVague>,
    approximation: RawApprox,
    qualifiers: Vec<RawQualifier>,
    // Added later: optional, so that older numbers.yaml files still load.
    #[serde(default)]
    denominators: Vec<RawDenominator>,
    #[serde(default)]
    negative_words: Vec<String>,
    #[serde(default = "default_and_words")]
    and_words: Vec<String>,
    #[serde(default = "default_range_joiners")]
    range_joiners: Vec<String>,
    #[serde(default)]
    bound_joiners: Vec<String>,
    #[serde(default)]
    or_equal: Vec<String>,
    #[serde(default)]
    one_pronoun_after: Vec<String>,
}

fn default_and_words() -> Vec<String> {
    vec!["and".into()]
}

fn default_range_joiners() -> Vec<String> {
    ["to", "-", "–", "or"].map(String::from).to_vec()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDenominator {
    singular: String,
    plural: String,
    value: f64,
    #[serde(default)]
    ordinal: bool,
    #[serde(default)]
    alone: bool,
    #[serde(default)]
    not_after: Vec<String>,
    #[serde(default)]
    not_before: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVague {
    phrase: String,
    min: u64,
    max: u64,
    #[serde(default)]
    needs_of: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawApprox {
    low: f64,
    high: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQualifier {
    phrase: String,
    kind: Spanned<String>,
    #[serde(default)]
    position: Option<Spanned<String>>,
}

pub(super) fn compile_numbers(
    lex: &mut Lexicon,
    file: &str,
    text: &str,
) -> Result<(), LexiconError> {
    let raw: RawNumbers = parse(file, text)?;
    let map = |m: BTreeMap<String, u64>| {
        m.into_iter()
            .map(|(k, v)| (k.to_lowercase().into(), v))
            .collect()
    };
    let n = &mut lex.numbers;
    n.units = map(raw.units);
    n.tens = map(raw.tens);
    n.scales = map(raw.scales);
    n.scale_suffixes = map(raw.scale_suffixes);
    n.multiples = map(raw.multiples);
    n.fractions = raw
        .fractions
        .into_iter()
        .map(|(k, v)| (k.to_lowercase().into(), v))
        .collect();
    for v in raw.vague {
        n.vague.insert(
            &v.phrase,
            Vague {
                min: v.min,
                max: v.max,
                needs_of: v.needs_of,
            },
        );
    }
    for v in raw.vague_multipliers {
        n.vague_multipliers.insert(
            &v.phrase,
            Vague {
                min: v.min,
                max: v.max,
                needs_of: v.needs_of,
            },
        );
    }
    n.approx_low = raw.approximation.low;
    n.approx_high = raw.approximation.high;
    for d in raw.denominators {
        for (word, plural) in [(&d.singular, false), (&d.plural, true)] {
            n.denominators.insert(
                word.to_lowercase().into(),
                Denominator {
                    value: d.value,
                    plural,
                    ordinal: d.ordinal,
                    alone: d.alone,
                    not_after: words(&d.not_after),
                    not_before: words(&d.not_before),
                },
            );
        }
    }
    n.negative_words = words(&raw.negative_words);
    n.and_words = words(&raw.and_words);
    n.range_joiners = words(&raw.range_joiners);
    n.bound_joiners = words(&raw.bound_joiners);
    n.or_equal = table(&raw.or_equal);
    n.one_pronoun_after = words(&raw.one_pronoun_after);
    n.cardinal_starts = (n.units.keys())
        .chain(n.tens.keys())
        .chain(n.scales.keys())
        .chain(n.fractions.keys())
        .chain(n.denominators.keys())
        .cloned()
        .chain(["a".into(), "an".into()])
        .collect();
    for q in raw.qualifiers {
        let kind = Qualifier::parse(&q.kind.value)
            .filter(|k| !matches!(k, Qualifier::Range | Qualifier::Vague))
            .ok_or_else(|| {
                err_at(
                    file,
                    &q.kind,
                    format!("unknown qualifier kind `{}`", q.kind.value),
                    "use one of: exact, at_least, more_than, at_most, less_than, approximately, nearly",
                )
            })?;
        match q.position.as_ref().map(|p| p.value.as_str()) {
            None | Some("before") => lex.qualifiers_before.insert(&q.phrase, kind),
            Some("after") => lex.qualifiers_after.insert(&q.phrase, kind),
            Some(other) => {
                let pos = q.position.as_ref().expect("matched Some");
                return Err(err_at(
                    file,
                    pos,
                    format!("unknown position `{other}`"),
                    "position is `before` (the default) or `after`",
                ));
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- metrics

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetrics {
    metrics: Vec<RawMetric>,
    under_review: RawReview,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetric {
    name: String,
    #[serde(default)]
    running_count: bool,
    #[serde(default)]
    subject: Option<Spanned<String>>,
    #[serde(default)]
    actor_is_place: bool,
    #[serde(default)]
    reports_as: Option<Spanned<String>>,
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    before: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReview {
    metric: String,
    label: String,
    markers: Vec<String>,
}

/// The metrics the JSON contract's `metric` field may hold.
pub const CONTRACT_METRICS: &[&str] = &[
    "killed",
    "injured",
    "arrested",
    "executed",
    "displaced",
    "missing",
    "launched",
    "destroyed",
    "other-count",
];

pub(super) fn compile_metrics(
    lex: &mut Lexicon,
    file: &str,
    text: &str,
) -> Result<(), LexiconError> {
    let raw: RawMetrics = parse(file, text)?;
    for m in raw.metrics {
        let default_group = match &m.subject {
            None => lex.group("people").unwrap_or(0),
            Some(s) => lex.group(&s.value).ok_or_else(|| {
                err_at(
                    file,
                    s,
                    format!("unknown group `{}`", s.value),
                    "`subject` must be the `name` of a group in groups.yaml",
                )
            })?,
        };
        let family: Sym = match &m.reports_as {
            None => Arc::from(m.name.as_str()),
            Some(r) => {
                if !CONTRACT_METRICS.contains(&r.value.as_str()) {
                    return Err(err_at(
                        file,
                        r,
                        format!(
                            "`reports_as: {}` is not a metric of the JSON contract",
                            r.value
                        ),
                        "use one of: killed, injured, arrested, executed, displaced, missing, launched, destroyed, other-count",
                    ));
                }
                Arc::from(r.value.as_str())
            }
        };
        let idx = lex.metrics.len();
        lex.metrics.push(MetricDef {
            family,
            name: Arc::from(m.name.as_str()),
            running_count: m.running_count,
            default_group,
            actor_is_place: m.actor_is_place,
        });
        for p in &m.after {
            lex.metric_after.insert(p, idx);
        }
        for p in &m.before {
            lex.metric_before.insert(p, idx);
        }
    }
    lex.review_metric = Arc::from(raw.under_review.metric.as_str());
    lex.review_label = Arc::from(raw.under_review.label.as_str());
    lex.review_markers = table(&raw.under_review.markers);
    Ok(())
}

// ---------------------------------------------------------------- groups

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroups {
    groups: Vec<RawGroup>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    name: String,
    #[serde(default)]
    parent: Option<Spanned<String>>,
    #[serde(default)]
    forms: Vec<String>,
}

pub(super) fn compile_groups(
    lex: &mut Lexicon,
    file: &str,
    text: &str,
) -> Result<(), LexiconError> {
    let raw: RawGroups = parse(file, text)?;
    let names: Vec<String> = raw.groups.iter().map(|g| g.name.clone()).collect();
    for g in &raw.groups {
        let parent = match &g.parent {
            None => None,
            Some(p) => Some(names.iter().position(|n| *n == p.value).ok_or_else(|| {
                err_at(
                    file,
                    p,
                    format!("unknown parent group `{}`", p.value),
                    "a parent must be the `name` of another group in this file",
                )
            })?),
        };
        let idx = lex.groups.len();
        lex.groups.push(GroupDef {
            name: Arc::from(g.name.as_str()),
            parent,
        });
        lex.group_forms.insert(&g.name, idx);
        for f in &g.forms {
            lex.group_forms.insert(f, idx);
        }
    }
    if lex.group("people").is_none() {
        return Err(LexiconError {
            file: file.to_string(),
            line: None,
            column: None,
            message: "no group named `people`".into(),
            help: Some("`people` is the group of figures that name no group (\"14 dead\")".into()),
        });
    }
    Ok(())
}

// ---------------------------------------------------------------- language

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    right_fillers: Vec<String>,
    left_fillers: Vec<String>,
    clause_breaks: Vec<String>,
    part_markers: Vec<String>,
    reporting_verbs: Vec<String>,
    source_prepositions: Vec<String>,
    source_strip: Vec<String>,
    pronouns: RawPronouns,
    hedges: Vec<String>,
    location_nouns: Vec<String>,
    actor_nouns: Vec<String>,
    place_prepositions: Vec<String>,
    world_places: Vec<String>,
    aggregate_markers: Vec<String>,
    event_nouns: Vec<String>,
    incident_nouns: Vec<String>,
    incident_determiners: Vec<String>,
    start_verbs: Vec<String>,
    since_skip: Vec<String>,
    background_date_verbs: Vec<String>,
    update_markers: Vec<String>,
    not_places: Vec<String>,
    attack_verbs: Vec<String>,
    percent_words: Vec<String>,
    currency_symbols: Vec<String>,
    currency_words: Vec<String>,
    time_units: Vec<String>,
    measure_units: Vec<String>,
    age_words: Vec<String>,
    age_prefixes: Vec<String>,
    time_words: Vec<String>,
    identifier_prefixes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPronouns {
    organisation: Vec<String>,
    person: Vec<String>,
    any: Vec<String>,
}

pub(super) fn compile_language(
    lex: &mut Lexicon,
    file: &str,
    text: &str,
) -> Result<(), LexiconError> {
    let r: RawLanguage = parse(file, text)?;
    let mut pronouns = PhraseTable::new();
    for (list, kind) in [
        (&r.pronouns.organisation, PronounKind::Organisation),
        (&r.pronouns.person, PronounKind::Person),
        (&r.pronouns.any, PronounKind::Any),
    ] {
        for p in list {
            pronouns.insert(p, kind);
        }
    }
    lex.language = Language {
        right_fillers: words(&r.right_fillers),
        left_fillers: table(&r.left_fillers),
        clause_breaks: words(&r.clause_breaks),
        part_markers: table(&r.part_markers),
        reporting_verbs: words(&r.reporting_verbs),
        source_prepositions: table(&r.source_prepositions),
        source_strip: table(&r.source_strip),
        pronouns,
        hedges: table(&r.hedges),
        location_nouns: words(&r.location_nouns),
        actor_nouns: table(&r.actor_nouns),
        place_prepositions: words(&r.place_prepositions),
        attack_verbs: words(&r.attack_verbs),
        world_places: table(&r.world_places),
        aggregate_markers: table(&r.aggregate_markers),
        event_nouns: table(&r.event_nouns),
        incident_nouns: table(&r.incident_nouns),
        incident_determiners: words(&r.incident_determiners),
        start_verbs: table(&r.start_verbs),
        since_skip: words(&r.since_skip),
        background_date_verbs: table(&r.background_date_verbs),
        update_markers: table(&r.update_markers),
        not_places: words(&r.not_places),
        percent_words: table(&r.percent_words),
        currency_symbols: table(&r.currency_symbols),
        currency_words: words(&r.currency_words),
        time_units: words(&r.time_units),
        measure_units: table(&r.measure_units),
        age_words: table(&r.age_words),
        age_prefixes: words(&r.age_prefixes),
        time_words: table(&r.time_words),
        identifier_prefixes: table(&r.identifier_prefixes),
    };
    Ok(())
}

// ---------------------------------------------------------------- furniture

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFurniture {
    line_starts: Vec<String>,
    section_headers: Vec<String>,
    teaser_endings: Vec<String>,
    byline_starts: Vec<String>,
}

pub(super) fn compile_furniture(
    lex: &mut Lexicon,
    file: &str,
    text: &str,
) -> Result<(), LexiconError> {
    let r: RawFurniture = parse(file, text)?;
    let lower = |v: Vec<String>| v.into_iter().map(|s| s.to_lowercase()).collect::<Vec<_>>();
    lex.furniture = Furniture {
        line_starts: lower(r.line_starts),
        section_headers: lower(r.section_headers).into_iter().collect(),
        teaser_endings: lower(r.teaser_endings),
        byline_starts: lower(r.byline_starts),
    };
    Ok(())
}

// ---------------------------------------------------------------- places

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlaces {
    countries: Vec<RawCountry>,
    places: Vec<RawPlace>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCountry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    people: Vec<String>,
    #[serde(default)]
    capital: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlace {
    name: String,
    country: Spanned<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    within: Option<Spanned<String>>,
}

pub(super) fn compile_places(
    lex: &mut Lexicon,
    file: &str,
    text: &str,
) -> Result<(), LexiconError> {
    let r: RawPlaces = parse(file, text)?;
    let p = &mut lex.places;
    for (i, c) in r.countries.iter().enumerate() {
        p.countries.push(Country {
            name: Arc::from(c.name.as_str()),
            demonym: c.demonyms.first().map(|d| Arc::from(d.as_str())),
            capital: None,
        });
        p.names.insert(&c.name, PlaceRef::Country(i));
        for a in &c.aliases {
            p.names.insert(a, PlaceRef::Country(i));
        }
        for d in &c.demonyms {
            p.demonyms.insert(d, i);
        }
        for d in &c.people {
            p.people.insert(d, i);
        }
    }
    for (i, pl) in r.places.iter().enumerate() {
        let country = p.find_country(&pl.country.value).ok_or_else(|| {
            err_at(
                file,
                &pl.country,
                format!("unknown country `{}`", pl.country.value),
                "`country` must be the `name` of an entry under `countries`",
            )
        })?;
        p.places.push(Place {
            name: Arc::from(pl.name.as_str()),
            country,
            within: None,
            capital: false,
            territory: pl.kind.as_deref() == Some("territory"),
        });
        // A place never shadows a country of the same name.
        if p.names.get(&pl.name).is_none() {
            p.names.insert(&pl.name, PlaceRef::Place(i));
        }
        for a in &pl.aliases {
            if p.names.get(a).is_none() {
                p.names.insert(a, PlaceRef::Place(i));
            }
        }
    }
    for (i, pl) in r.places.iter().enumerate() {
        if let Some(w) = &pl.within {
            let j = r
                .places
                .iter()
                .position(|q| q.name == w.value)
                .ok_or_else(|| {
                    err_at(
                        file,
                        w,
                        format!("unknown place `{}`", w.value),
                        "`within` must be the `name` of another entry under `places`",
                    )
                })?;
            p.places[i].within = Some(j);
        }
    }
    for (i, c) in r.countries.iter().enumerate() {
        if let Some(cap) = &c.capital {
            p.countries[i].capital = r.places.iter().position(|q| q.name == cap.value);
            if let Some(j) = p.countries[i].capital {
                p.places[j].capital = true;
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- sources

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSources {
    sources: Vec<RawSource>,
    descriptors: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    canonical: String,
    kind: Spanned<String>,
    #[serde(default)]
    country: Option<Spanned<String>>,
    #[serde(default)]
    aliases: Vec<String>,
}

pub(super) fn compile_sources(
    lex: &mut Lexicon,
    file: &str,
    text: &str,
) -> Result<(), LexiconError> {
    let r: RawSources = parse(file, text)?;
    for s in r.sources {
        let kind = match s.kind.value.as_str() {
            "organisation" | "organization" => SourceKind::Organisation,
            "agency" => SourceKind::Agency,
            "government" => SourceKind::Government,
            "military" => SourceKind::Military,
            "person" => SourceKind::Person,
            "armed-group" => SourceKind::ArmedGroup,
            other => {
                return Err(err_at(
                    file,
                    &s.kind,
                    format!("unknown source kind `{other}`"),
                    "use one of: organisation, agency, government, military, person, armed-group",
                ));
            }
        };
        let country = match &s.country {
            None => None,
            Some(c) => Some(lex.places.find_country(&c.value).ok_or_else(|| {
                err_at(
                    file,
                    c,
                    format!("unknown country `{}`", c.value),
                    "`country` must be a country `name` from places.yaml",
                )
            })?),
        };
        let idx = lex.sources.entries.len();
        lex.sources.entries.push(SourceDef {
            canonical: Arc::from(s.canonical.as_str()),
            kind,
            country,
        });
        lex.sources.aliases.insert(&s.canonical, idx);
        for a in &s.aliases {
            lex.sources.aliases.insert(a, idx);
        }
    }
    for (class, forms) in r.descriptors {
        let sym: Sym = Arc::from(class.as_str());
        for f in &forms {
            lex.sources.descriptors.insert(f, sym.clone());
        }
        lex.sources.descriptors.insert(&class, sym);
    }
    Ok(())
}
