//! Between the engine and the insights: the facts of a [`Turn`] the demand
//! log keeps ([`turn_facts`]), and the insights report of some logs
//! measured against the engine's live catalog ([`insights_report`]), for
//! the admin page and `vitrine insights` alike.

use crate::engine::{Engine, Turn, TurnKind};
use crate::error::Result;
use crate::insights::{self, Answered, Catalog, Measure, Report, ReportOptions, TurnFacts};
use crate::model::{Constraints, Lang};
use std::path::PathBuf;

/// What the demand log keeps of a turn.
pub fn turn_facts(turn: &Turn) -> TurnFacts {
    let answered = match turn.kind {
        TurnKind::Results if turn.total == 0 => Answered::Empty,
        TurnKind::Results if !turn.relaxed.is_empty() => Answered::Relaxed,
        TurnKind::Results => Answered::Exact,
        TurnKind::Details => Answered::Details,
        TurnKind::Chat => Answered::Chat,
    };
    TurnFacts {
        lang: turn.lang,
        answered,
        asked: turn.filters.clone(),
        total: turn.total,
        relaxed: turn.relaxed.iter().map(|r| r.constraint.clone()).collect(),
        unknown: turn.unknown.clone(),
    }
}

/// What to report on.
#[derive(Debug, Clone)]
pub struct InsightsQuery {
    /// Log files or directories.
    pub logs: Vec<PathBuf>,
    /// Start of the period (Unix ms), `None`: everything.
    pub since: Option<u64>,
    /// The language of the labels; `None`: the catalog's.
    pub lang: Option<Lang>,
    /// Rows per list.
    pub top: usize,
    /// Now (Unix ms).
    pub now: u64,
}

/// The insights of the logs, measured against `engine`'s catalog.
pub fn insights_report(engine: &Engine, query: &InsightsQuery) -> Result<Report> {
    let set = insights::read_logs(&query.logs, query.since)?;
    let info = engine.info();
    let catalog = Catalog::new(&engine.vocabulary(), info.language, info.version);
    let probe = |c: &Constraints| {
        engine.measure(c).map(|found| Measure {
            count: found.total,
            lowest: found.price_span.map(|s| s.0),
            highest: found.price_span.map(|s| s.1),
        })
    };
    let options = ReportOptions {
        lang: query.lang.unwrap_or(info.language),
        top: query.top,
        since: query.since,
        now: query.now,
    };
    insights::build(&set, &catalog, &probe, &options)
}
