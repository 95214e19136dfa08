//! The page step: from where a listing stands and the facts of one page, what happens next.
//! A pure function: the engine (`fetch.rs`) gathers the facts, sends and records; everything it
//! decides after a page is decided here, and tested here against the guard table of the crate's
//! docs, case by case.

use crate::guard::{GuardPolicy, Guards};

/// Where a listing stands before a page, as far as the step is concerned.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Standing {
    /// Items still to yield under `max_items`.
    pub(crate) items_left: Option<u64>,
    /// Pages still to fetch under `max_pages`.
    pub(crate) pages_left: Option<u64>,
    pub(crate) guards: Guards,
    /// What the declaration says a repeated token means (`duplicate_token`).
    pub(crate) declared_duplicate: GuardPolicy,
}

/// The facts of one page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Facts {
    /// Items of the page already yielded (a resume inside it).
    pub(crate) skip: usize,
    /// Items the page holds.
    pub(crate) total: usize,
    /// The declared "more results" flag, if any.
    pub(crate) flag: Option<bool>,
    /// The page gave no token.
    pub(crate) no_token: bool,
    /// The page's tokens are the ones it was requested with.
    pub(crate) same_token: bool,
    /// The page's tokens were sent earlier in the listing.
    pub(crate) seen_before: bool,
}

/// A guard of the listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Guard {
    MissingToken,
    DuplicateToken,
    TokenCycle,
}

impl Guard {
    /// Its name in traces.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Guard::MissingToken => "missing token",
            Guard::DuplicateToken => "duplicate token",
            Guard::TokenCycle => "token cycle",
        }
    }
}

/// An error yielded after the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Failure {
    Guard(Guard),
    PageLimit,
}

/// A position a cursor can point at after the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    /// After the page's kept items: asking for this page again skips what was yielded.
    PageEnd,
    /// The start of the next page.
    Next,
}

/// What happens after a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Step {
    /// Items of the page to yield.
    pub(crate) kept: usize,
    /// The listing requests no further page.
    pub(crate) ends: bool,
    /// The listing ended and is complete: no cursor after it.
    pub(crate) complete: bool,
    /// A guard that decided the step, and its policy (for traces).
    pub(crate) guard: Option<(Guard, GuardPolicy)>,
    /// An error to yield after the page, with where its cursor points.
    pub(crate) failure: Option<(Failure, Position)>,
    /// Where the listing's cursor points after the page; `None` once it is complete.
    pub(crate) after: Option<Position>,
}

/// The page holds fewer items than a resume skips: the listing changed since the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OffsetOutOfRange;

/// The step after one page.
///
/// More pages follow when the flag says so, or without a flag when there is a token. Then the
/// first guard that trips on where the service points decides, unless a limit ends the listing
/// first (`max_items` reached: no fault of the listing; `max_pages` reached: its own policy).
/// Where a guard refuses the next request, every cursor points after this page's items, not at a
/// next page that would restart the listing or repeat items.
pub(crate) fn step(standing: &Standing, facts: &Facts) -> Result<Step, OffsetOutOfRange> {
    if facts.skip > facts.total {
        return Err(OffsetOutOfRange);
    }
    let budget = budget(standing.items_left);
    let kept = (facts.total - facts.skip).min(budget);
    let items_left = standing.items_left.map(|left| left - kept as u64);
    let pages_left = standing.pages_left.map(|left| left.saturating_sub(1));

    let more = facts.flag.unwrap_or(!facts.no_token);
    let tripped = if more { tripped(standing, facts) } else { None };
    let next = match tripped {
        Some((_, policy)) if policy != GuardPolicy::Continue => Position::PageEnd,
        _ => Position::Next,
    };

    let mut complete = !more;
    let mut ends = !more;
    let mut stuck = false;
    let mut guard = None;
    let mut failure = None;
    let guards = &standing.guards;
    if more && items_left == Some(0) {
        ends = true;
    } else if more && pages_left == Some(0) && guards.page_limit != GuardPolicy::Continue {
        ends = true;
        if guards.page_limit == GuardPolicy::Error {
            failure = Some((Failure::PageLimit, next));
        }
    } else if let Some((tripped, policy)) = tripped {
        guard = Some((tripped, policy));
        match policy {
            GuardPolicy::Stop => (complete, ends) = (true, true),
            GuardPolicy::Error => {
                (ends, stuck) = (true, true);
                failure = Some((Failure::Guard(tripped), Position::PageEnd));
            }
            GuardPolicy::Continue => {}
        }
    }
    let after = if facts.skip + kept < facts.total || stuck {
        Some(Position::PageEnd)
    } else if complete {
        None
    } else {
        Some(next)
    };
    Ok(Step {
        kept,
        ends,
        complete,
        guard,
        failure,
        after,
    })
}

/// How many items of a page may be yielded under `max_items`.
#[inline]
pub(crate) fn budget(items_left: Option<u64>) -> usize {
    items_left.map_or(usize::MAX, |left| {
        usize::try_from(left).unwrap_or(usize::MAX)
    })
}

/// The first guard that trips on where the service points, with its policy. A guard set to
/// `Continue` lets the next one look, except that a repeated token the user chose to follow is
/// not then called a cycle.
fn tripped(standing: &Standing, facts: &Facts) -> Option<(Guard, GuardPolicy)> {
    let guards = &standing.guards;
    if facts.no_token && guards.missing_token != GuardPolicy::Continue {
        return Some((Guard::MissingToken, guards.missing_token));
    }
    if facts.same_token {
        let flagged = facts.flag == Some(true);
        let policy = guards.duplicate_token_policy(standing.declared_duplicate, flagged);
        return Some((Guard::DuplicateToken, policy));
    }
    if facts.seen_before {
        return Some((Guard::TokenCycle, guards.token_cycle));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICIES: [GuardPolicy; 3] =
        [GuardPolicy::Stop, GuardPolicy::Error, GuardPolicy::Continue];

    fn standing() -> Standing {
        Standing {
            items_left: None,
            pages_left: None,
            guards: Guards::default(),
            declared_duplicate: GuardPolicy::Error,
        }
    }

    fn facts() -> Facts {
        Facts {
            skip: 0,
            total: 10,
            flag: None,
            no_token: false,
            same_token: false,
            seen_before: false,
        }
    }

    /// Every combination of the facts and the guards' policies.
    fn every_case() -> Vec<(Standing, Facts)> {
        let mut cases = Vec::new();
        for flag in [None, Some(false), Some(true)] {
            for (no_token, same_token, seen_before) in [
                (false, false, false),
                (true, false, false),
                (false, true, false),
                (false, false, true),
                (false, true, true),
                (true, true, false),
            ] {
                for duplicate in [
                    None,
                    Some(GuardPolicy::Stop),
                    Some(GuardPolicy::Error),
                    Some(GuardPolicy::Continue),
                ] {
                    for declared in [GuardPolicy::Error, GuardPolicy::Stop] {
                        for token_cycle in POLICIES {
                            for missing_token in POLICIES {
                                for page_limit in POLICIES {
                                    for (items_left, pages_left, skip) in [
                                        (None, None, 0),
                                        (Some(10), None, 0),
                                        (Some(4), None, 3),
                                        (None, Some(1), 0),
                                        (None, Some(5), 10),
                                    ] {
                                        cases.push((
                                            Standing {
                                                items_left,
                                                pages_left,
                                                guards: Guards {
                                                    duplicate_token: duplicate,
                                                    token_cycle,
                                                    missing_token,
                                                    page_limit,
                                                },
                                                declared_duplicate: declared,
                                            },
                                            Facts {
                                                skip,
                                                total: 10,
                                                flag,
                                                no_token,
                                                same_token,
                                                seen_before,
                                            },
                                        ));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        cases
    }

    #[test]
    fn the_defaults_never_loop_and_never_end_a_listing_that_goes_on_as_complete() {
        let cases = every_case();
        assert!(cases.len() > 10_000, "{}", cases.len());
        for (standing, facts) in cases {
            let step = step(&standing, &facts).unwrap();
            let more = facts.flag.unwrap_or(!facts.no_token);
            let context = format!("{standing:?} {facts:?} -> {step:?}");
            // The kept items never exceed the page nor the items left.
            assert!(facts.skip + step.kept <= facts.total, "{context}");
            if let Some(left) = standing.items_left {
                assert!(step.kept as u64 <= left, "{context}");
            }
            // A listing the service says goes on is complete only where a guard set to stop
            // decided so.
            if step.complete && more {
                assert!(
                    matches!(step.guard, Some((_, GuardPolicy::Stop))),
                    "{context}"
                );
            }
            // No cursor only once complete; complete with the page yielded whole, no cursor;
            // and nothing more requested once complete.
            if step.after.is_none() {
                assert!(step.complete, "{context}");
            }
            if step.complete && facts.skip + step.kept == facts.total {
                assert_eq!(step.after, None, "{context}");
            }
            assert!(!step.complete || step.ends, "{context}");
            // An error always ends the listing, and a guard's error points after the page.
            if let Some((failure, position)) = step.failure {
                assert!(step.ends, "{context}");
                if let Failure::Guard(_) = failure {
                    assert_eq!(position, Position::PageEnd, "{context}");
                    assert_eq!(step.after, Some(Position::PageEnd), "{context}");
                }
            }
            // Where a guard refuses the next page, no cursor points at it.
            if let Some((_, policy)) = step.guard {
                if policy != GuardPolicy::Continue {
                    assert_ne!(step.after, Some(Position::Next), "{context}");
                }
            }
            // A page cut by `max_items` resumes after what was yielded.
            if facts.skip + step.kept < facts.total {
                assert_eq!(step.after, Some(Position::PageEnd), "{context}");
            }
        }
    }

    #[test]
    fn a_repeated_token_is_an_error_unless_declared_or_chosen_otherwise() {
        let repeated = Facts {
            same_token: true,
            ..facts()
        };
        let failure = Some((Failure::Guard(Guard::DuplicateToken), Position::PageEnd));
        // The default, with or without a flag that says more.
        for flag in [None, Some(true)] {
            let step = step(&standing(), &Facts { flag, ..repeated }).unwrap();
            assert_eq!(step.failure, failure, "flag {flag:?}");
            assert!(step.ends && !step.complete);
        }
        // Declared `stop`: a quiet end, but not where the flag says more.
        let declared = Standing {
            declared_duplicate: GuardPolicy::Stop,
            ..standing()
        };
        let quiet = step(&declared, &repeated).unwrap();
        assert!(quiet.complete && quiet.failure.is_none());
        let flagged = step(
            &declared,
            &Facts {
                flag: Some(true),
                ..repeated
            },
        )
        .unwrap();
        assert_eq!(flagged.failure, failure);
        // The user's choice wins over the declaration's either way.
        for (chosen, declared_duplicate) in [
            (GuardPolicy::Stop, GuardPolicy::Error),
            (GuardPolicy::Error, GuardPolicy::Stop),
        ] {
            let standing = Standing {
                guards: Guards {
                    duplicate_token: Some(chosen),
                    ..Guards::default()
                },
                declared_duplicate,
                ..standing()
            };
            let step = step(&standing, &repeated).unwrap();
            assert_eq!(step.guard, Some((Guard::DuplicateToken, chosen)));
        }
        // Followed, it is not then called a cycle, and the next page is requested.
        let follow = Standing {
            guards: Guards {
                duplicate_token: Some(GuardPolicy::Continue),
                ..Guards::default()
            },
            ..standing()
        };
        let step = step(
            &follow,
            &Facts {
                seen_before: true,
                ..repeated
            },
        )
        .unwrap();
        assert_eq!(
            step.guard,
            Some((Guard::DuplicateToken, GuardPolicy::Continue))
        );
        assert_eq!((step.ends, step.after), (false, Some(Position::Next)));
    }

    #[test]
    fn a_cycle_and_a_missing_token_are_errors_by_default() {
        let cycle = step(
            &standing(),
            &Facts {
                seen_before: true,
                ..facts()
            },
        )
        .unwrap();
        assert_eq!(
            cycle.failure,
            Some((Failure::Guard(Guard::TokenCycle), Position::PageEnd))
        );
        let missing = Facts {
            flag: Some(true),
            no_token: true,
            ..facts()
        };
        let step = step(&standing(), &missing).unwrap();
        assert_eq!(
            step.failure,
            Some((Failure::Guard(Guard::MissingToken), Position::PageEnd))
        );
        // Without a flag, no token is the end.
        let end = super::step(
            &standing(),
            &Facts {
                no_token: true,
                ..facts()
            },
        )
        .unwrap();
        assert!(end.complete && end.guard.is_none());
    }

    #[test]
    fn limits_end_before_the_guards_look() {
        // `max_items` reached on a page whose token repeats: no fault of the listing.
        let repeated = Facts {
            same_token: true,
            ..facts()
        };
        let limited = Standing {
            items_left: Some(10),
            ..standing()
        };
        let step = step(&limited, &repeated).unwrap();
        assert!(step.ends && !step.complete && step.failure.is_none());
        assert_eq!(step.after, Some(Position::PageEnd));
        // The page limit: a stop by default, with the cursor at the next page.
        let last_page = Standing {
            pages_left: Some(1),
            ..standing()
        };
        let stop = super::step(&last_page, &facts()).unwrap();
        assert!(stop.ends && !stop.complete && stop.failure.is_none());
        assert_eq!(stop.after, Some(Position::Next));
        let error = Standing {
            guards: Guards {
                page_limit: GuardPolicy::Error,
                ..Guards::default()
            },
            ..last_page
        };
        let step = super::step(&error, &facts()).unwrap();
        assert_eq!(step.failure, Some((Failure::PageLimit, Position::Next)));
    }

    #[test]
    fn a_resume_past_the_page_is_refused() {
        let facts = Facts {
            skip: 11,
            ..facts()
        };
        assert_eq!(step(&standing(), &facts), Err(OffsetOutOfRange));
    }
}
