//! The server's log, summarised: counts of requests, error answers and
//! refused connections, written as one line per interval instead of one
//! line per event. A flood of refused connections or limited requests costs
//! a few atomic increments, not a log line each (issue 17 saw 91 MB of log
//! in two minutes of attack).
//!
//! Every [`ApiError`] response carries its code as a response extension
//! ([`super::error::ErrorCode`]); [`super::stamp`] tallies them.
//! Limits and the connection loop report [`Refusal`]s with the address
//! responsible. [`log_every`] writes the line: `info` when all is well,
//! `warn` when something was refused or failed. Depends on nothing of the
//! server but the error codes.

use super::error::ApiError;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Something refused before or instead of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A connection closed at once: the server holds its maximum.
    ConnectionCap,
    /// A connection closed at once: its address holds its maximum.
    AddressConnectionCap,
    /// A connection closed without a request within the header timeout.
    SilentConnection,
    /// A request over the per-address rate (`--rate-limit`).
    RateLimited,
    /// A new session over the per-address rate.
    NewSessionLimited,
    /// A turn over the per-session rate.
    SessionTurnLimited,
}

impl Refusal {
    const ALL: [Refusal; 6] = [
        Refusal::ConnectionCap,
        Refusal::AddressConnectionCap,
        Refusal::SilentConnection,
        Refusal::RateLimited,
        Refusal::NewSessionLimited,
        Refusal::SessionTurnLimited,
    ];

    fn describe(self) -> &'static str {
        match self {
            Refusal::ConnectionCap => "connections over the server's cap",
            Refusal::AddressConnectionCap => "connections over the per-address cap",
            Refusal::SilentConnection => "connections silent past the header timeout",
            Refusal::RateLimited => "requests over the per-address rate",
            Refusal::NewSessionLimited => "new sessions over the per-address rate",
            Refusal::SessionTurnLimited => "turns over the per-session rate",
        }
    }
}

/// Most addresses remembered per interval; the rest are counted as "others".
const MAX_ADDRESSES: usize = 1_000;

/// Counters since the last summary line.
#[derive(Debug, Default)]
pub struct Summary {
    requests: AtomicU64,
    errors: [AtomicU64; ApiError::CODES.len()],
    refusals: [AtomicU64; Refusal::ALL.len()],
    addresses: Mutex<HashMap<IpAddr, u64>>,
    last_store_error: Mutex<Option<String>>,
}

impl Summary {
    /// Counts a refusal, blaming `addr` when known.
    pub fn refused(&self, kind: Refusal, addr: Option<IpAddr>) {
        let i = Refusal::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        self.refusals[i].fetch_add(1, Ordering::Relaxed);
        if let Some(addr) = addr {
            let mut addresses = self.addresses.lock().unwrap_or_else(|p| p.into_inner());
            if addresses.len() < MAX_ADDRESSES || addresses.contains_key(&addr) {
                *addresses.entry(addr).or_default() += 1;
            }
        }
    }

    /// Remembers the latest session-store failure for the next line.
    pub fn store_failed(&self, detail: &str) {
        let mut last = self
            .last_store_error
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        *last = Some(detail.to_string());
    }

    pub fn count_response(&self, code: Option<&str>) {
        self.requests.fetch_add(1, Ordering::Relaxed);
        if let Some(i) = code.and_then(|c| ApiError::CODES.iter().position(|k| *k == c)) {
            self.errors[i].fetch_add(1, Ordering::Relaxed);
        }
    }

    /// The line for the interval just ended and whether it is a warning;
    /// `None` when nothing happened. Resets the counters.
    pub fn take_line(&self, interval: Duration) -> Option<(String, bool)> {
        let requests = self.requests.swap(0, Ordering::Relaxed);
        let errors: Vec<(&str, u64)> = ApiError::CODES
            .iter()
            .zip(&self.errors)
            .map(|(code, n)| (*code, n.swap(0, Ordering::Relaxed)))
            .filter(|(_, n)| *n > 0)
            .collect();
        let refusals: Vec<(Refusal, u64)> = Refusal::ALL
            .iter()
            .zip(&self.refusals)
            .map(|(kind, n)| (*kind, n.swap(0, Ordering::Relaxed)))
            .filter(|(_, n)| *n > 0)
            .collect();
        let mut addresses: Vec<(IpAddr, u64)> =
            std::mem::take(&mut *self.addresses.lock().unwrap_or_else(|p| p.into_inner()))
                .into_iter()
                .collect();
        let store_error = self
            .last_store_error
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        if requests == 0 && refusals.is_empty() {
            return None;
        }
        let mut line = format!("last {} s: {requests} requests", interval.as_secs());
        if !errors.is_empty() {
            let list: Vec<String> = errors.iter().map(|(c, n)| format!("{c} ×{n}")).collect();
            line.push_str(&format!("; error answers: {}", list.join(", ")));
        }
        if !refusals.is_empty() {
            let list: Vec<String> = refusals
                .iter()
                .map(|(k, n)| format!("{n} {}", k.describe()))
                .collect();
            line.push_str(&format!("; refused: {}", list.join(", ")));
        }
        if !addresses.is_empty() {
            addresses.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let top: Vec<String> = addresses
                .iter()
                .take(3)
                .map(|(a, n)| format!("{a} ×{n}"))
                .collect();
            line.push_str(&format!("; most refused: {}", top.join(", ")));
            if addresses.len() > 3 {
                line.push_str(&format!(" and {} other addresses", addresses.len() - 3));
            }
        }
        if let Some(detail) = store_error {
            line.push_str(&format!("; last session store error: {detail}"));
        }
        let warn = !refusals.is_empty()
            || errors.iter().any(|(c, _)| {
                matches!(
                    *c,
                    "overloaded" | "timeout" | "internal" | "sessions_unavailable"
                )
            });
        Some((line, warn))
    }
}

/// Writes the summary line every `every` until the task is aborted.
pub async fn log_every(summary: Arc<Summary>, every: Duration) {
    let every = every.max(Duration::from_secs(1));
    let mut ticker = tokio::time::interval(every);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    ticker.tick().await;
    loop {
        ticker.tick().await;
        match summary.take_line(every) {
            Some((line, true)) => tracing::warn!("{line}"),
            Some((line, false)) => tracing::info!("{line}"),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_per_interval_with_counts_and_the_worst_addresses() {
        let summary = Summary::default();
        assert_eq!(summary.take_line(Duration::from_secs(10)), None);
        let bad: IpAddr = "203.0.113.9".parse().unwrap();
        let other: IpAddr = "203.0.113.10".parse().unwrap();
        for _ in 0..1_000 {
            summary.refused(Refusal::AddressConnectionCap, Some(bad));
        }
        summary.refused(Refusal::NewSessionLimited, Some(other));
        summary.count_response(None);
        summary.count_response(Some("session_rate_limited"));
        let (line, warn) = summary.take_line(Duration::from_secs(10)).unwrap();
        assert!(warn);
        assert_eq!(
            line,
            "last 10 s: 2 requests; error answers: session_rate_limited ×1; \
refused: 1000 connections over the per-address cap, 1 new sessions over the per-address rate; \
most refused: 203.0.113.9 ×1000, 203.0.113.10 ×1"
        );
        // Counters start again.
        assert_eq!(summary.take_line(Duration::from_secs(10)), None);
        summary.count_response(None);
        let (line, warn) = summary.take_line(Duration::from_secs(10)).unwrap();
        assert_eq!((line.as_str(), warn), ("last 10 s: 1 requests", false));
    }
}
