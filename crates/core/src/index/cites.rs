//! The terms that let a query filter on citations: for each citation, every combination of its
//! title, one of its actions, its kind and done/planned, with `*` standing for "any". A query
//! `law:宪法 action:study` then needs one term, and finds only documents where the same citation
//! is both the constitution and studied.

use std::collections::BTreeSet;

use crate::cite::{Action, Citation, Kind, Resolution};

const ANY: &str = "*";
const SEP: char = '\u{1F}';

/// The filter term for a combination; `None` parts match anything.
pub fn cite_term(
    law: Option<&str>,
    action: Option<Action>,
    kind: Option<Kind>,
    planned: Option<bool>,
) -> String {
    let state = planned.map(|p| if p { "planned" } else { "done" });
    [
        law.unwrap_or(ANY),
        action.map_or(ANY, Action::name),
        kind.map_or(ANY, Kind::name),
        state.unwrap_or(ANY),
    ]
    .join(&SEP.to_string())
}

/// Every filter term of the explicit, resolved citations of a document.
pub fn cite_terms(citations: &[Citation]) -> BTreeSet<String> {
    let mut terms = BTreeSet::new();
    for c in citations.iter().filter(|c| indexed(c)) {
        let actions: Vec<Option<Action>> =
            c.actions.iter().copied().map(Some).chain([None]).collect();
        for law in [Some(c.title.as_str()), None] {
            for &action in &actions {
                for kind in [Some(c.kind), None] {
                    for planned in [Some(c.planned), None] {
                        if law.is_some() || action.is_some() || kind.is_some() || planned.is_some()
                        {
                            terms.insert(cite_term(law, action, kind, planned));
                        }
                    }
                }
            }
        }
    }
    terms
}

/// Whether a citation counts for filters and the laws table: written in marks, and resolved.
pub fn indexed(c: &Citation) -> bool {
    !c.inferred && c.resolution != Resolution::Unresolved
}

/// Whether a citation counts as a mention of its law for ranking: resolved, in marks or not.
pub fn mentions(c: &Citation) -> bool {
    c.resolution != Resolution::Unresolved
}

/// Thresholds of mention counts that the index records for each law a document mentions: a
/// document mentioning a law 5 times has the terms for 1, 2 and 4, so a query scoring each term
/// alike scores the document by the logarithm of its mentions (no saturation, no length norm).
pub const MENTION_STEPS: [usize; 7] = [1, 2, 4, 8, 16, 32, 64];

/// The term recording that a document mentions `title` at least `step` times.
pub fn mention_term(title: &str, step: usize) -> String {
    format!("{title}{SEP}{step}")
}

/// The mention terms of `citations`: for each law, one term per step its count reaches.
pub fn mention_terms(citations: &[Citation]) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for c in citations.iter().filter(|c| mentions(c)) {
        *counts.entry(c.title.as_str()).or_default() += 1;
    }
    counts
        .into_iter()
        .flat_map(|(title, n)| {
            MENTION_STEPS
                .iter()
                .take_while(move |&&step| step <= n)
                .map(move |&step| mention_term(title, step))
        })
        .collect()
}
