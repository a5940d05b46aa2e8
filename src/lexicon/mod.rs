//! Lexicons: the words the extractor knows, as data.
//!
//! Number words, qualifiers, metric triggers, groups, places, source aliases
//! and page-furniture markers live in YAML files under `data/lexicon/`. They
//! are embedded in the binary as defaults; a user folder with files of the
//! same names replaces them one file at a time. Each file is read into strict
//! raw structs (unknown keys are errors, located by line and column) and then
//! compiled into phrase tables.

mod phrases;
mod raw;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;
use std::sync::{Arc, LazyLock};

pub use phrases::{PhraseTable, phrase_tokens};

use crate::model::{Qualifier, Sym};

/// A problem in a lexicon file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {message}{}", location(.line, .column), help_line(.help))]
pub struct LexiconError {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}

fn location(line: &Option<usize>, column: &Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(":{l}:{c}"),
        (Some(l), None) => format!(":{l}"),
        _ => String::new(),
    }
}

fn help_line(help: &Option<String>) -> String {
    help.as_ref()
        .map(|h| format!("\n  help: {h}"))
        .unwrap_or_default()
}

/// The lexicon files, in load order, with their embedded defaults.
pub const FILES: &[(&str, &str)] = &[
    (
        "numbers.yaml",
        include_str!("../../data/lexicon/numbers.yaml"),
    ),
    (
        "metrics.yaml",
        include_str!("../../data/lexicon/metrics.yaml"),
    ),
    (
        "groups.yaml",
        include_str!("../../data/lexicon/groups.yaml"),
    ),
    (
        "language.yaml",
        include_str!("../../data/lexicon/language.yaml"),
    ),
    (
        "furniture.yaml",
        include_str!("../../data/lexicon/furniture.yaml"),
    ),
    (
        "places.yaml",
        include_str!("../../data/lexicon/places.yaml"),
    ),
    (
        "sources.yaml",
        include_str!("../../data/lexicon/sources.yaml"),
    ),
];

/// A vague quantity ("dozens") or vague multiplier ("several" hundred).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vague {
    pub min: u64,
    pub max: u64,
    pub needs_of: bool,
}

/// A fraction word: "third" and "thirds" are 1/3 of something.
#[derive(Debug, Clone, PartialEq)]
pub struct Denominator {
    /// 3 for "third".
    pub value: f64,
    /// The plural form ("thirds"), which follows numerators above one.
    pub plural: bool,
    /// Also an ordinal ("a third time"): "a third" is a fraction only
    /// before "of" or where nothing countable follows.
    pub ordinal: bool,
    /// A fraction on its own, with no numerator ("half").
    pub alone: bool,
    /// Words before the fraction (or its numerator) that make it another
    /// word: "the past two quarters", "the first half".
    pub not_after: HashSet<Box<str>>,
    /// Words after it that make it another word: "half past three".
    pub not_before: HashSet<Box<str>>,
}

/// Number words.
#[derive(Debug, Clone, Default)]
pub struct Numbers {
    pub units: HashMap<Box<str>, u64>,
    pub tens: HashMap<Box<str>, u64>,
    pub scales: HashMap<Box<str>, u64>,
    pub scale_suffixes: HashMap<Box<str>, u64>,
    pub multiples: HashMap<Box<str>, u64>,
    pub fractions: HashMap<Box<str>, f64>,
    /// Fraction words, singular and plural ("third", "thirds").
    pub denominators: HashMap<Box<str>, Denominator>,
    /// Words that make a figure negative ("minus", "negative", "-").
    pub negative_words: HashSet<Box<str>>,
    /// Words joining parts of one number ("two hundred and five").
    pub and_words: HashSet<Box<str>>,
    /// Words between the ends of a range ("10 to 20", "10-20").
    pub range_joiners: HashSet<Box<str>>,
    /// Words joining a lower and an upper bound into a range
    /// ("more than 10 and fewer than 40").
    pub bound_joiners: HashSet<Box<str>>,
    /// Words after a strict bound that make it inclusive ("less than 5 or equal").
    pub or_equal: PhraseTable<()>,
    /// Words after which "one" is a pronoun ("the one", "which one").
    pub one_pronoun_after: HashSet<Box<str>>,
    /// The words a spelled-out number can start with (derived from the
    /// tables above), so that other words are passed over at once.
    pub cardinal_starts: HashSet<Box<str>>,
    pub vague: PhraseTable<Vague>,
    pub vague_multipliers: PhraseTable<Vague>,
    pub approx_low: f64,
    pub approx_high: f64,
}

/// A metric the extractor can name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetricDef {
    pub name: Sym,
    /// The contract metric it reports as (its own name for the contract's metrics).
    pub family: Sym,
    /// A running toll: later, higher figures update earlier ones.
    pub running_count: bool,
    /// The group counted when the text names none.
    pub default_group: usize,
    /// A state doing this does it at home: "Saudi Arabia executed 345".
    pub actor_is_place: bool,
}

/// A group of people or things, and the larger group it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDef {
    pub name: Sym,
    pub parent: Option<usize>,
}

/// What a pronoun may refer back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    Organisation,
    Person,
    Any,
}

/// A country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub name: Sym,
    /// The adjective used to fold sources: "Iranian" officials.
    pub demonym: Option<Sym>,
    /// Index of its capital in `Places::places`, for metonymy ("Tehran says").
    pub capital: Option<usize>,
}

/// A place within a country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub name: Sym,
    pub country: usize,
    pub within: Option<usize>,
    /// It is its country's capital.
    pub capital: bool,
    /// A territory that stands for a country in reporting (the Gaza Strip).
    pub territory: bool,
}

/// A name text may use for a place or a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceRef {
    Country(usize),
    Place(usize),
}

#[derive(Debug, Clone, Default)]
pub struct Places {
    pub countries: Vec<Country>,
    pub places: Vec<Place>,
    /// Names and aliases of countries and places.
    pub names: PhraseTable<PlaceRef>,
    /// Demonym adjectives ("Israeli") → country.
    pub demonyms: PhraseTable<usize>,
    /// People nouns ("Israelis") → country.
    pub people: PhraseTable<usize>,
}

impl Places {
    pub fn country_of(&self, r: PlaceRef) -> usize {
        match r {
            PlaceRef::Country(c) => c,
            PlaceRef::Place(p) => self.places[p].country,
        }
    }

    pub fn name_of(&self, r: PlaceRef) -> &Sym {
        match r {
            PlaceRef::Country(c) => &self.countries[c].name,
            PlaceRef::Place(p) => &self.places[p].name,
        }
    }

    /// Is `inner` the same as or inside `outer`?
    pub fn contains(&self, outer: PlaceRef, inner: PlaceRef) -> bool {
        match (outer, inner) {
            (a, b) if a == b => true,
            (PlaceRef::Country(c), b) => self.country_of(b) == c,
            (PlaceRef::Place(_), PlaceRef::Country(_)) => false,
            (PlaceRef::Place(o), PlaceRef::Place(mut i)) => {
                while let Some(up) = self.places[i].within {
                    if up == o {
                        return true;
                    }
                    i = up;
                }
                false
            }
        }
    }

    pub fn find_country(&self, name: &str) -> Option<usize> {
        self.countries.iter().position(|c| &*c.name == name)
    }
}

/// What kind of speaker a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Organisation,
    Agency,
    Government,
    Military,
    Person,
    ArmedGroup,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDef {
    pub canonical: Sym,
    pub kind: SourceKind,
    pub country: Option<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub entries: Vec<SourceDef>,
    /// Canonical names and aliases → entry.
    pub aliases: PhraseTable<usize>,
    /// Generic source nouns ("reports", "authorities") → descriptor class ("media", "officials").
    pub descriptors: PhraseTable<Sym>,
}

/// The small words around figures (see `language.yaml`).
#[derive(Debug, Clone, Default)]
pub struct Language {
    pub right_fillers: HashSet<Box<str>>,
    pub left_fillers: PhraseTable<()>,
    pub clause_breaks: HashSet<Box<str>>,
    pub part_markers: PhraseTable<()>,
    pub reporting_verbs: HashSet<Box<str>>,
    pub source_prepositions: PhraseTable<()>,
    pub source_strip: PhraseTable<()>,
    pub pronouns: PhraseTable<PronounKind>,
    pub hedges: PhraseTable<()>,
    pub location_nouns: HashSet<Box<str>>,
    pub actor_nouns: PhraseTable<()>,
    pub place_prepositions: HashSet<Box<str>>,
    /// Verbs whose object is a place: "Russia hit Kyiv".
    pub attack_verbs: HashSet<Box<str>>,
    /// "worldwide", "globally".
    pub world_places: PhraseTable<()>,
    /// "the war has killed", "nationwide", "in total": a country-wide figure.
    pub aggregate_markers: PhraseTable<()>,
    /// Nouns naming events ("earthquake", "shooting"), for date claims.
    pub event_nouns: PhraseTable<()>,
    /// Nouns naming one incident ("strike", "blast"), singular.
    pub incident_nouns: PhraseTable<()>,
    /// Words before an incident noun that make it one incident ("the", "Friday's").
    pub incident_determiners: HashSet<Box<str>>,
    /// Verbs that make a date the start of a counted period ("began").
    pub start_verbs: PhraseTable<()>,
    /// Words skipped after "since" when naming a period's anchor.
    pub since_skip: HashSet<Box<str>>,
    /// Verbs that make a date background ("founded in 2006").
    pub background_date_verbs: PhraseTable<()>,
    /// Words that make a figure an update ("now says", "rose to").
    pub update_markers: PhraseTable<()>,
    /// Capitalized words after "in" that are not places ("in English").
    pub not_places: HashSet<Box<str>>,
    pub percent_words: PhraseTable<()>,
    pub currency_symbols: PhraseTable<()>,
    pub currency_words: HashSet<Box<str>>,
    pub time_units: HashSet<Box<str>>,
    pub measure_units: PhraseTable<()>,
    pub age_words: PhraseTable<()>,
    pub age_prefixes: HashSet<Box<str>>,
    pub time_words: PhraseTable<()>,
    pub identifier_prefixes: PhraseTable<()>,
}

/// Page-furniture markers (see `furniture.yaml`).
#[derive(Debug, Clone, Default)]
pub struct Furniture {
    pub line_starts: Vec<String>,
    pub section_headers: HashSet<String>,
    pub teaser_endings: Vec<String>,
    pub byline_starts: Vec<String>,
}

/// Everything the extractor knows about words, compiled for lookup.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub numbers: Numbers,
    pub qualifiers_before: PhraseTable<Qualifier>,
    pub qualifiers_after: PhraseTable<Qualifier>,
    pub metrics: Vec<MetricDef>,
    /// Words after a figure naming its metric → metric index.
    pub metric_after: PhraseTable<usize>,
    /// Words before a figure naming its metric → metric index.
    pub metric_before: PhraseTable<usize>,
    pub review_markers: PhraseTable<()>,
    pub review_metric: Sym,
    pub review_label: Sym,
    pub groups: Vec<GroupDef>,
    pub group_forms: PhraseTable<usize>,
    pub language: Language,
    pub furniture: Furniture,
    pub places: Places,
    pub sources: Sources,
}

static DEFAULT: LazyLock<Arc<Lexicon>> = LazyLock::new(|| {
    Arc::new(
        Lexicon::from_files(FILES.iter().map(|(n, t)| (n.to_string(), t.to_string())))
            .unwrap_or_else(|e| panic!("the embedded lexicon is invalid: {e}")),
    )
});

impl Lexicon {
    /// The embedded default lexicon, compiled once per process.
    pub fn builtin() -> Arc<Lexicon> {
        DEFAULT.clone()
    }

    /// The defaults, with any file of the same name in `dir` used instead.
    pub fn load_dir(dir: &Path) -> Result<Lexicon, LexiconError> {
        if !dir.is_dir() {
            return Err(LexiconError {
                file: dir.display().to_string(),
                line: None,
                column: None,
                message: "not a folder".into(),
                help: Some("--lexicon takes a folder holding files such as metrics.yaml".into()),
            });
        }
        let mut files = Vec::new();
        for (name, default) in FILES {
            let path = dir.join(name);
            if path.exists() {
                let text = std::fs::read_to_string(&path).map_err(|e| LexiconError {
                    file: path.display().to_string(),
                    line: None,
                    column: None,
                    message: format!("cannot read: {e}"),
                    help: None,
                })?;
                files.push((path.display().to_string(), text));
            } else {
                files.push((name.to_string(), default.to_string()));
            }
        }
        Lexicon::from_files(files)
    }

    /// Compiles lexicon files given as (name, text), in the order of [`FILES`].
    pub fn from_files(
        files: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        let mut by_name: HashMap<String, (String, String)> = HashMap::default();
        for (name, text) in files {
            let base = Path::new(&name)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| name.clone());
            by_name.insert(base, (name, text));
        }
        let get = |f: &str| -> Result<&(String, String), LexiconError> {
            by_name.get(f).ok_or_else(|| LexiconError {
                file: f.to_string(),
                line: None,
                column: None,
                message: "lexicon file missing".into(),
                help: None,
            })
        };
        let (n, t) = get("numbers.yaml")?;
        raw::compile_numbers(&mut lex, n, t)?;
        let (n, t) = get("places.yaml")?;
        raw::compile_places(&mut lex, n, t)?;
        let (n, t) = get("groups.yaml")?;
        raw::compile_groups(&mut lex, n, t)?;
        let (n, t) = get("metrics.yaml")?;
        raw::compile_metrics(&mut lex, n, t)?;
        let (n, t) = get("language.yaml")?;
        raw::compile_language(&mut lex, n, t)?;
        let (n, t) = get("furniture.yaml")?;
        raw::compile_furniture(&mut lex, n, t)?;
        let (n, t) = get("sources.yaml")?;
        raw::compile_sources(&mut lex, n, t)?;
        Ok(lex)
    }

    /// The word put before a source for a country: its demonym when it
    /// reads as the country's ("Iranian", "Israeli", "Afghan"), else the
    /// country's name ("Myanmar", not "Burmese"; "United States").
    pub fn country_adjective(&self, c: usize) -> Sym {
        let country = &self.places.countries[c];
        match &country.demonym {
            Some(d)
                if d.len() >= 4
                    && country.name.len() >= 4
                    && d[..4].eq_ignore_ascii_case(&country.name[..4]) =>
            {
                d.clone()
            }
            _ => country.name.clone(),
        }
    }

    /// The JSON contract's metric for a metric name ("hospitalised" → "injured").
    pub fn metric_family(&self, name: &str) -> Sym {
        match self.metric(name) {
            Some(m) => self.metrics[m].family.clone(),
            None => Arc::from(name),
        }
    }

    pub fn metric(&self, name: &str) -> Option<usize> {
        self.metrics.iter().position(|m| &*m.name == name)
    }

    pub fn group(&self, name: &str) -> Option<usize> {
        self.groups.iter().position(|g| &*g.name == name)
    }

    /// Is group `part` a (strict or equal) subgroup of `whole`?
    pub fn group_within(&self, part: usize, whole: usize) -> bool {
        let mut g = Some(part);
        let mut steps = 0;
        while let Some(i) = g {
            if i == whole {
                return true;
            }
            g = self.groups[i].parent;
            steps += 1;
            if steps > self.groups.len() {
                return false;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_lexicon_compiles() {
        let lex = Lexicon::builtin();
        assert!(lex.metric("killed").is_some());
        assert!(lex.metric("injured").is_some());
        let children = lex.group("children").unwrap();
        let civilians = lex.group("civilians").unwrap();
        let people = lex.group("people").unwrap();
        assert!(lex.group_within(children, civilians));
        assert!(lex.group_within(children, people));
        assert!(!lex.group_within(people, children));
    }

    #[test]
    fn places_nest_cities_in_countries() {
        let lex = Lexicon::builtin();
        let p = &lex.places;
        let israel = PlaceRef::Country(p.find_country("Israel").unwrap());
        let mut toks = crate::extract::text::Tokens::new();
        toks.tokenize("Beersheba", 0);
        let (_, &beersheba) = p.names.match_at(&toks, 0).unwrap();
        assert!(p.contains(israel, beersheba));
        assert!(!p.contains(beersheba, israel));
    }

    #[test]
    fn unknown_keys_are_located_errors() {
        let mut files: Vec<(String, String)> = FILES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        files[1].1 = "metrics:\n  - name: killed\n    afterr: [dead]\n".into();
        let err = Lexicon::from_files(files).unwrap_err();
        assert_eq!(err.file, "metrics.yaml");
        assert_eq!(err.line, Some(3), "{err}");
        assert!(err.message.contains("afterr"), "{err}");
    }
}
