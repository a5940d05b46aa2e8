//! Near-duplicate articles: syndicated copy counted once.
//!
//! Wire copy is republished by many outlets, often with a new headline, a
//! byline or other page furniture, a trimmed last paragraph, an added
//! sentence or small copy edits. Rules that count independent sources must
//! count such a group once; [`near_duplicates`] finds the groups.
//!
//! # Measure
//!
//! A body is normalised to its words (lowercased, split on every character
//! that is not [`char::is_alphanumeric`], so punctuation, markup and spacing
//! do not matter) and reduced to the set of its *shingles*: runs of
//! [`DupeConfig::shingle`] consecutive words, each hashed with 64-bit FNV-1a
//! over the words' UTF-8 bytes, each word followed by the byte `0xff` (a
//! fixed, specified hash: results are the same on every run and platform).
//!
//! For shingle sets `A` and `B` with `m = min(|A|, |B|)` and
//! `M = max(|A|, |B|)`, the [`similarity`] is
//!
//! ```text
//! |A ∩ B| / max(m, M / 2)
//! ```
//!
//! * When the two sizes are within a factor of two this is plain
//!   *containment*, `|A ∩ B| / m`: a copy with its last paragraph trimmed, or
//!   with a sentence or page furniture added, still scores near 1, where
//!   Jaccard similarity would be pulled down by the extra text.
//! * The smaller set is never counted as less than half the larger, so an
//!   excerpt cannot be "fully contained" in a much longer article: a
//!   fully-contained text must hold at least `threshold / 2` of the longer
//!   one's shingles (30% at the default threshold of 0.6) to match, so a
//!   quoted paragraph or teaser inside a long article does not.
//! * A text with fewer than [`MIN_SHINGLES`] shingles (a one-line teaser, a
//!   caption) is too short to tell a copy from a quotation, and never matches
//!   anything except an identical shingle set (a syndicated one-line brief
//!   is still one source). A text with fewer words than a shingle has no
//!   shingles and never matches.
//!
//! Independently written articles about the same event share names, places
//! and numbers, but rarely five words in a row, so their score stays low (a
//! few percent at most); copies score well above 0.8 unless heavily edited.
//! The default threshold, 0.6, sits between the two, and a group is the
//! transitive closure of matching pairs (single linkage), so chains of
//! partial copies end up in one group.
//!
//! # Candidates and complexity
//!
//! Comparing all pairs would be quadratic, so candidates come from MinHash
//! with LSH banding: each set gets a signature of [`PERMUTATIONS`] minima
//! under a seeded hash family (`fmix64(x ^ seed_i)`, seeds from a fixed
//! SplitMix64 stream), cut into bands of `r` rows; two articles whose
//! signatures agree on a whole band are candidates, and every candidate is
//! verified with the exact measure above, so LSH can only miss pairs, never
//! add false ones.
//!
//! MinHash estimates Jaccard similarity `J`, not the measure, so bands are
//! sized for the lowest `J` a matching pair can have: `J ≥ t·f / (1 + f −
//! t·f)` for threshold `t` and size floor `f = 1/2` (0.25 at `t = 0.6`). The
//! rows per band are the largest `r` in {8, 4, 2, 1} for which such a pair is
//! a candidate with probability `1 − (1 − J^r)^(128 / r)` of at least 98%;
//! at the default that is `r = 2` (64 bands), which finds the hardest
//! matching pair with probability 0.984 and any matching pair with `J ≥ 0.35`
//! with probability above 0.9999.
//!
//! For `n` articles with `S` shingles in all, shingling is O(S·k), signatures
//! O(S·P) for `P = 128` permutations, banding O(n·P) expected (hash maps),
//! and verification O(C·s) for `C` candidate pairs of at most `s` shingles
//! each, skipping pairs already in one group. `C` is the number of similar
//! pairs plus a small share of unrelated ones (a pair with `J = 0.05`, typical
//! for two articles on the same event, is a candidate about 15% of the time
//! at the default; unrelated articles almost never), so the total is
//! sub-quadratic in practice. It degrades towards O(n²) only when a large
//! share of the corpus is copies of one text, as every LSH scheme does.
//!
//! # Determinism
//!
//! Hashes are fixed; articles are processed in index order; buckets are hash
//! maps that are only looked up, never iterated; candidates are sorted. The
//! groups are the connected components of the verified pairs, which do not
//! depend on input order, and each article maps to its group's lowest index.

use petgraph::unionfind::UnionFind;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Settings for near-duplicate detection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DupeConfig {
    /// Words per shingle (values below 1 are treated as 1).
    pub shingle: usize,
    /// Two articles whose [`similarity`] is at least this are duplicates.
    pub threshold: f64,
}

impl Default for DupeConfig {
    fn default() -> Self {
        DupeConfig {
            shingle: 5,
            threshold: 0.6,
        }
    }
}

/// A text with fewer shingles than this matches only an identical set.
pub const MIN_SHINGLES: usize = 20;

/// The smaller shingle set counts as at least this share of the larger.
const SIZE_FLOOR: f64 = 0.5;

/// MinHash signature length.
pub const PERMUTATIONS: usize = 128;

/// Minimum candidate probability for the hardest pair that can still match.
const RECALL_TARGET: f64 = 0.98;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
const SEED_STREAM: u64 = 0x6475_7065_735f_7631; // "dupes_v1"

/// For each article, the index of the earliest article (lowest index) it is
/// a near-duplicate of, or `None` if it is an original.
///
/// Chains resolve to the group's first member: if 2 duplicates 1 and 1
/// duplicates 0, both map to `Some(0)`.
pub fn near_duplicates(bodies: &[&str], cfg: &DupeConfig) -> Vec<Option<usize>> {
    let n = bodies.len();
    let rows = rows_per_band(cfg.threshold);
    let bands = PERMUTATIONS / rows;
    let seeds = seeds();
    // Shingles and signatures per article, in parallel (order kept).
    let (sets, sigs): (Vec<Vec<u64>>, Vec<[u64; PERMUTATIONS]>) = bodies
        .par_iter()
        .map(|b| {
            let set = shingles(b, cfg.shingle);
            let sig = signature(&set, &seeds);
            (set, sig)
        })
        .unzip();

    let mut buckets: Vec<FxHashMap<u64, Vec<usize>>> =
        (0..bands).map(|_| FxHashMap::default()).collect();
    let mut groups = UnionFind::<usize>::new(n);
    let mut candidates = Vec::new();
    for (i, set) in sets.iter().enumerate() {
        if set.is_empty() {
            continue;
        }
        let sig = &sigs[i];
        candidates.clear();
        for (bucket, band) in buckets.iter().zip(sig.chunks_exact(rows)) {
            if let Some(members) = bucket.get(&band_key(band)) {
                candidates.extend_from_slice(members);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for &j in &candidates {
            if !groups.equiv(i, j) && set_similarity(&sets[j], set) >= cfg.threshold {
                groups.union(i, j);
            }
        }
        // A bucket keeps one member per group: a copy of a copy already
        // there adds nothing to find, and the buckets of a much-syndicated
        // story stay small (without this, n copies of one story cost n²).
        for (bucket, band) in buckets.iter_mut().zip(sig.chunks_exact(rows)) {
            let members = bucket.entry(band_key(band)).or_default();
            if !members.iter().any(|&m| groups.equiv(m, i)) {
                members.push(i);
            }
        }
    }

    // Indices are visited in order, so the first member seen of each group
    // is its lowest index.
    let mut first = vec![usize::MAX; n];
    (0..n)
        .map(|i| {
            let root = groups.find_mut(i);
            if first[root] == usize::MAX {
                first[root] = i;
                None
            } else {
                Some(first[root])
            }
        })
        .collect()
}

/// The measure [`near_duplicates`] decides on: `|A ∩ B| / max(m, M / 2)` on
/// the shingle sets (see the module documentation), in `[0, 1]`; 1 for
/// identical non-empty sets, 0 when either text is shorter than
/// [`MIN_SHINGLES`] shingles and the sets differ.
pub fn similarity(a: &str, b: &str, cfg: &DupeConfig) -> f64 {
    set_similarity(&shingles(a, cfg.shingle), &shingles(b, cfg.shingle))
}

fn set_similarity(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let (small, large) = if a.len() <= b.len() {
        (a.len(), b.len())
    } else {
        (b.len(), a.len())
    };
    if small < MIN_SHINGLES {
        return 0.0;
    }
    let common = intersection_len(a, b);
    common as f64 / (small as f64).max(large as f64 * SIZE_FLOOR)
}

/// Size of the intersection of two sorted, deduplicated slices.
fn intersection_len(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Sorted, deduplicated FNV-1a hashes of every run of `k` consecutive
/// normalised words.
fn shingles(text: &str, k: usize) -> Vec<u64> {
    let k = k.max(1);
    let mut buf = String::with_capacity(text.len());
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for c in text.chars() {
        if c.is_alphanumeric() {
            start.get_or_insert(buf.len());
            buf.extend(c.to_lowercase());
        } else if let Some(s) = start.take() {
            words.push((s, buf.len()));
        }
    }
    if let Some(s) = start {
        words.push((s, buf.len()));
    }

    let bytes = buf.as_bytes();
    let mut out: Vec<u64> = words
        .windows(k)
        .map(|window| {
            let mut h = FNV_OFFSET;
            for &(s, e) in window {
                for &b in &bytes[s..e] {
                    h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
                }
                h = (h ^ 0xff).wrapping_mul(FNV_PRIME);
            }
            h
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Rows per LSH band: the largest of 8, 4, 2, 1 that makes the hardest
/// matching pair a candidate with probability at least [`RECALL_TARGET`].
fn rows_per_band(threshold: f64) -> usize {
    let t = threshold.clamp(0.0, 1.0);
    let j_min = t * SIZE_FLOOR / (1.0 + SIZE_FLOOR - t * SIZE_FLOOR);
    [8, 4, 2]
        .into_iter()
        .find(|&r| {
            let bands = (PERMUTATIONS / r) as i32;
            let miss = (1.0 - j_min.powi(r as i32)).powi(bands);
            1.0 - miss >= RECALL_TARGET
        })
        .unwrap_or(1)
}

/// SplitMix64 step: advances `state` and returns the next output.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    fmix64(*state)
}

/// A bijective 64-bit mixer (the SplitMix64 finaliser).
fn fmix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn seeds() -> [u64; PERMUTATIONS] {
    let mut state = SEED_STREAM;
    std::array::from_fn(|_| splitmix64(&mut state))
}

fn signature(set: &[u64], seeds: &[u64; PERMUTATIONS]) -> [u64; PERMUTATIONS] {
    let mut sig = [u64::MAX; PERMUTATIONS];
    for &x in set {
        for (slot, &seed) in sig.iter_mut().zip(seeds) {
            *slot = (*slot).min(fmix64(x ^ seed));
        }
    }
    sig
}

/// FNV-1a over a band's values; a collision only adds a candidate.
fn band_key(band: &[u64]) -> u64 {
    band.iter()
        .flat_map(|v| v.to_le_bytes())
        .fold(FNV_OFFSET, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
        })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    // A fictional event, written for these tests: eight paragraphs of wire
    // copy of roughly equal length.
    const P: [&str; 8] = [
        "At least 23 people were killed and nine others remain missing after a \
         passenger ferry capsized on the Velan River near the town of Port Ardis \
         early on Tuesday, provincial officials said, in the worst accident on the \
         waterway in more than a decade.",
        "The vessel, the Northern Star, was carrying 73 passengers and crew when it \
         overturned in strong currents about two kilometres from the eastern \
         landing, according to a statement from the regional coast guard. Rescuers \
         pulled 41 survivors from the water before nightfall.",
        "Coast guard spokesman Tomas Rell told reporters that divers would resume \
         searching the riverbed at first light, but warned that the murky water and \
         a sudden rise in the river level after days of heavy rain were hampering \
         the operation.",
        "Governor Ilse Maren said the ferry had been licensed to carry no more than \
         50 people and that investigators would examine why so many passengers had \
         been allowed to board. She declared three days of mourning across the \
         province and promised compensation for the families.",
        "Relatives gathered throughout the day at the small hospital in Port Ardis, \
         where a list of the injured was pinned to a noticeboard near the entrance. \
         Several survivors were being treated for hypothermia and two were in a \
         serious condition, a doctor at the hospital said.",
        "Ferries are the main means of transport for thousands of villagers who live \
         along the river, where few bridges have been built. Safety campaigners have \
         long complained that boats are routinely overloaded during the market \
         season and that inspections are rare.",
        "The operator of the Northern Star, a family-run company based in the \
         provincial capital, could not be reached for comment. Its offices were \
         closed on Tuesday afternoon and a notice on the door said staff had \
         travelled to the scene to assist the authorities.",
        "A similar accident on the same stretch of river in 2013 killed 17 people, \
         prompting a government review that recommended life jackets be made \
         compulsory on all passenger boats. Campaigners say the rule has never been \
         properly enforced.",
    ];

    // The same event, written independently: same names, places and numbers,
    // different sentences.
    const INDEPENDENT: &str = "Ferry disaster on the Velan River\n\n\
        The death toll from the sinking of a ferry near Port Ardis rose to 23 on \
        Tuesday evening, with 9 people still unaccounted for and 41 rescued, the \
        coast guard said. The Northern Star, which officials say had 73 people on \
        board despite a licensed limit of 50, flipped over in fast water roughly two \
        kilometres short of the eastern landing. Governor Ilse Maren, who visited \
        the riverbank in the afternoon, announced a period of mourning lasting three \
        days and said the owners would be held to account. \"We will find out who \
        let these people on board,\" she told a crowd of residents. Tomas Rell, a \
        spokesman for the coast guard, said divers had been forced to stop at dusk \
        because visibility under the surface was close to zero. Heavy rain over the \
        weekend had swollen the river, local fishermen said. Survivors described a \
        sudden lurch as passengers rushed to one side of the deck when water began \
        to pour over the bow. Residents of riverside villages rely on the boats to \
        reach markets and schools, and many said they had no alternative but to keep \
        using them.";

    // An unrelated story, also written for these tests.
    const RATES: &str = "The central bank of Velanta raised its main interest rate \
        by half a percentage point to 6.25 percent on Thursday, its third increase \
        this year, as policymakers sought to curb inflation that has climbed to its \
        highest level since 2009. Governor Anton Keel said price pressures had \
        broadened from food and fuel to services and rents, and that the bank was \
        prepared to act again if necessary. Most economists surveyed before the \
        decision had expected a smaller move of a quarter point. The currency \
        strengthened after the announcement, while shares of the country's largest \
        lenders fell. Business groups warned that higher borrowing costs would weigh \
        on investment at a time when exports were already slowing, and called on \
        the government to do more to bring down energy prices.";

    fn cfg() -> DupeConfig {
        DupeConfig::default()
    }

    fn body(headline: &str, paras: &[&str]) -> String {
        format!("# {headline}\n\n{}\n", paras.join("\n\n"))
    }

    fn wire() -> String {
        body("Ferry capsizes on Velan River, 23 dead", &P[..6])
    }

    fn groups(bodies: &[&str], dupes: &[Option<usize>]) -> BTreeSet<BTreeSet<String>> {
        let mut by_first: std::collections::BTreeMap<usize, BTreeSet<String>> = Default::default();
        for (i, d) in dupes.iter().enumerate() {
            by_first
                .entry(d.unwrap_or(i))
                .or_default()
                .insert(bodies[i].to_string());
        }
        by_first.into_values().collect()
    }

    #[test]
    fn copy_with_other_headline_and_furniture_is_a_duplicate() {
        let original = wire();
        // Bodies arrive as text (HTML is converted on input); the copy has
        // its own headline, byline, caption, emphasis, line wrapping and
        // sharing links.
        let copy = format!(
            "Northern Star ferry disaster: at least 23 killed\n\
             By Staff Reporter | Updated 14:32 | 4 min read\n\
             Photo: Rescuers search the Velan River (coast guard handout)\n\n\
             **{}**\n\nShare this article. Follow us for more regional news.\n",
            P[..6].join("\n\n").replace(", ", ",\n")
        );
        let s = similarity(&original, &copy, &cfg());
        assert!(s > 0.9, "similarity {s}");
        let bodies = [original.as_str(), RATES, copy.as_str()];
        assert_eq!(near_duplicates(&bodies, &cfg()), vec![None, None, Some(0)]);
    }

    #[test]
    fn trimmed_and_extended_copy_matches() {
        let original = wire();
        // Last paragraph cut, one sentence added, two small copy edits.
        let mut paras: Vec<String> = P[..5].iter().map(|p| p.to_string()).collect();
        paras[2] = paras[2].replace("told reporters", "told journalists");
        paras[3] = paras[3].replace("compensation", "financial support");
        paras.push(
            "The coast guard later said it had recovered the ferry's registration \
             papers from the wreck."
                .to_string(),
        );
        let refs: Vec<&str> = paras.iter().map(String::as_str).collect();
        let edited = body("Dozens feared dead as ferry overturns", &refs);
        let s = similarity(&original, &edited, &cfg());
        assert!(s > 0.8, "similarity {s}");
        let bodies = [edited.as_str(), original.as_str()];
        assert_eq!(near_duplicates(&bodies, &cfg()), vec![None, Some(0)]);
    }

    #[test]
    fn independent_reports_of_one_event_do_not_match() {
        let original = wire();
        let s = similarity(&original, INDEPENDENT, &cfg());
        assert!(s < 0.1, "similarity {s}");
        let bodies = [original.as_str(), INDEPENDENT];
        assert_eq!(near_duplicates(&bodies, &cfg()), vec![None, None]);
    }

    #[test]
    fn teaser_inside_a_long_article_is_not_a_duplicate() {
        let long = body("Ferry capsizes on Velan River, 23 dead", &P);
        // One line: below MIN_SHINGLES.
        let one_line = "Ferry capsizes near Port Ardis: at least 23 people were killed.";
        // A paragraph-long teaser: enough shingles, but a small excerpt.
        let teaser = format!("Ferry capsizes near Port Ardis\n\n{} Read more.", P[0]);
        assert_eq!(similarity(&long, one_line, &cfg()), 0.0);
        let s = similarity(&long, &teaser, &cfg());
        assert!(s < 0.3, "similarity {s}");
        let bodies = [long.as_str(), one_line, teaser.as_str()];
        assert_eq!(near_duplicates(&bodies, &cfg()), vec![None, None, None]);
    }

    #[test]
    fn chains_map_to_the_first_member() {
        // Overlapping windows of the story: 0~1 and 1~2 match, 0~2 do not.
        let a = body("Ferry capsizes", &P[0..4]);
        let b = body("Ferry disaster", &P[1..5]);
        let c = body("Ferry victims mourned", &P[2..6]);
        let (ab, bc, ac) = (
            similarity(&a, &b, &cfg()),
            similarity(&b, &c, &cfg()),
            similarity(&a, &c, &cfg()),
        );
        assert!(ab >= 0.6 && bc >= 0.6 && ac < 0.6, "{ab} {bc} {ac}");
        let bodies = [a.as_str(), RATES, b.as_str(), c.as_str()];
        assert_eq!(
            near_duplicates(&bodies, &cfg()),
            vec![None, None, Some(0), Some(0)]
        );
        // The link from the last to the first goes through the middle one.
        let bodies = [c.as_str(), a.as_str(), b.as_str()];
        assert_eq!(
            near_duplicates(&bodies, &cfg()),
            vec![None, Some(0), Some(0)]
        );
    }

    fn corpus() -> Vec<String> {
        let rates_copy = format!("Rates decision\nBy our economics desk\n{RATES}\nAdvertisement");
        vec![
            wire(),
            INDEPENDENT.to_string(),
            RATES.to_string(),
            body("Northern Star: 23 dead", &P[..5]),
            body("Ferry capsizes", &P[0..4]),
            rates_copy,
            body("Ferry victims mourned", &P[2..6]),
            format!("Ferry capsizes near Port Ardis\n\n{}", P[0]),
            body("Velan River ferry", &P),
            String::new(),
            "Short note.".to_string(),
        ]
    }

    #[test]
    fn deterministic_and_independent_of_order() {
        let owned = corpus();
        let bodies: Vec<&str> = owned.iter().map(String::as_str).collect();
        let first = near_duplicates(&bodies, &cfg());
        assert_eq!(first, near_duplicates(&bodies, &cfg()));
        let expected = groups(&bodies, &first);
        // The ferry copies form one group, the rates copies another.
        assert_eq!(expected.len(), 6, "{first:?}");

        let mut reversed = bodies.clone();
        reversed.reverse();
        assert_eq!(
            groups(&reversed, &near_duplicates(&reversed, &cfg())),
            expected
        );
        let mut rotated = bodies.clone();
        rotated.rotate_left(4);
        assert_eq!(
            groups(&rotated, &near_duplicates(&rotated, &cfg())),
            expected
        );
    }

    #[test]
    fn lsh_agrees_with_all_pairs() {
        let owned = corpus();
        let bodies: Vec<&str> = owned.iter().map(String::as_str).collect();
        let mut uf = UnionFind::<usize>::new(bodies.len());
        for i in 0..bodies.len() {
            for j in 0..i {
                if similarity(bodies[i], bodies[j], &cfg()) >= cfg().threshold {
                    uf.union(i, j);
                }
            }
        }
        let mut first = vec![usize::MAX; bodies.len()];
        let brute: Vec<Option<usize>> = (0..bodies.len())
            .map(|i| {
                let r = uf.find_mut(i);
                if first[r] == usize::MAX {
                    first[r] = i;
                    None
                } else {
                    Some(first[r])
                }
            })
            .collect();
        assert_eq!(near_duplicates(&bodies, &cfg()), brute);
    }

    #[test]
    fn empty_and_tiny_bodies_do_not_panic() {
        let bodies = ["", "   ", "!!!", "Hi.", "Police said.", "", "Hi."];
        assert_eq!(near_duplicates(&bodies, &cfg()), vec![None; bodies.len()]);
        assert!(near_duplicates(&[], &cfg()).is_empty());
        assert_eq!(similarity("", "", &cfg()), 0.0);
        // An identical syndicated one-line brief is still one source.
        let brief = "At least 14 people were killed in Haifa on Friday, police said.";
        let bodies = [brief, "Other news.", brief];
        assert_eq!(near_duplicates(&bodies, &cfg()), vec![None, None, Some(0)]);
        // Degenerate settings.
        let odd = DupeConfig {
            shingle: 0,
            threshold: 0.0,
        };
        let _ = near_duplicates(&bodies, &odd);
        let big = DupeConfig {
            shingle: 1000,
            threshold: 2.0,
        };
        assert_eq!(near_duplicates(&bodies, &big), vec![None; 3]);
    }

    #[test]
    fn normalisation_ignores_case_punctuation_and_spacing() {
        let a = wire();
        let b = a.to_uppercase().replace(' ', "  \n").replace('.', " ; ");
        assert_eq!(similarity(&a, &b, &cfg()), 1.0);
        assert_eq!(
            shingles("Ünïcode Wörds, ÄND more!", 2),
            shingles("ünïcode wörds änd MORE", 2)
        );
    }

    #[test]
    fn similarity_is_symmetric_and_bounded() {
        let owned = corpus();
        for a in &owned {
            for b in &owned {
                let (x, y) = (similarity(a, b, &cfg()), similarity(b, a, &cfg()));
                assert_eq!(x, y);
                assert!((0.0..=1.0).contains(&x));
            }
        }
    }

    #[test]
    fn default_bands_have_two_rows() {
        assert_eq!(rows_per_band(0.6), 2);
        assert_eq!(rows_per_band(0.0), 1);
        assert!(PERMUTATIONS.is_multiple_of(rows_per_band(0.9)));
    }
}
