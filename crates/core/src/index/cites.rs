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
