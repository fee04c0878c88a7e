//! Requests: the search turns of the log that ask for something new. A
//! turn is a request when its combination of constraints differs from
//! its conversation's previous turn: paging through results, or asking for
//! a product's details, does not ask again. Depends on the log's events
//! only.

use super::event::TurnEvent;
use std::collections::HashMap;

/// A request: an event whose combination is new in its conversation.
pub(super) struct Request<'a> {
    pub event: &'a TurnEvent,
    pub key: String,
}

/// The requests among `events` (time-ordered).
pub(super) fn requests(events: &[TurnEvent]) -> Vec<Request<'_>> {
    let mut last: HashMap<&str, String> = HashMap::new();
    let mut out = Vec::new();
    for event in events {
        let key = if event.asked.is_empty() {
            String::new()
        } else {
            event.asked.key()
        };
        let previous = last.insert(event.session.as_str(), key.clone());
        if event.answer.is_search() && !key.is_empty() && previous.as_deref() != Some(&key) {
            out.push(Request { event, key });
        }
    }
    out
}
