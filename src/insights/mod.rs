//! Demand insights for merchants: what shoppers ask for and do not find.
//!
//! - The **demand log** ([`DemandLog`]): one JSON line per turn ([`event`]),
//!   appended by a writer thread off the request path, synced about once a
//!   second, rotated within a size budget; session ids are replaced by a
//!   keyed hash ([`key`]). Front ends hand it each turn's [`TurnFacts`].
//! - **Reading** several replicas' logs back into one time-ordered list
//!   ([`read_logs`]), skipping and counting lines a crash tore.
//! - The **report** ([`build`]): unmet demand with the closest supply
//!   measured in the live catalog, vocabulary gaps with their likely
//!   meanings, demand against supply per attribute and price band,
//!   conversation health and a timeline; as a terminal table
//!   ([`render_table`]), JSON (the [`Report`] itself) or HTML with SVG
//!   charts ([`render_html`]); and synonyms suggested from the gaps
//!   ([`suggest_synonyms`]).
//!
//! Depends on `model` (and, for words shown to merchants, on `reply`'s
//! money formatter and constraint names, and the vocabulary type of
//! `index`); knows nothing of HTTP, tantivy or sessions: supply is counted
//! through a closure the front end hands in ([`Probe`]).

pub mod charts;
pub mod demand;
pub mod event;
pub mod gaps;
pub mod html;
pub mod key;
pub mod log;
mod log_file;
pub mod markup;
pub mod read;
pub mod report;
mod request;
pub mod shape;
pub mod supply;
pub mod table;
pub mod time;
pub mod words;
mod writer;

pub use event::{Answered, Asked, Record, TurnEvent, TurnFacts};
pub use gaps::suggest_synonyms;
pub use html::{AdminControls, Stylesheet, render_html, render_login};
pub use log::{DemandLog, DemandLogConfig, LogStats};
pub use read::{LogSet, read_logs};
pub use report::{ReportOptions, build};
pub use shape::Report;
pub use supply::{Catalog, Measure, Probe};
pub use table::render_table;
