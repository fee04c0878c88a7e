//! Conversation sessions: server-generated ids, the [`SessionRecord`] kept
//! between requests, and the [`SessionStore`]s that keep it: in this
//! process's memory ([`MemorySessionStore`], the default) or in Redis
//! ([`RedisSessionStore`], shared by replicas).
//!
//! Ids are 128 bits from the operating system's CSPRNG, written as 32
//! lowercase hex characters; a client never chooses its id.
//!
//! Concurrency: a handler loads a *copy* of the record, runs the turn on it
//! and saves the copy back (last writer wins). Two requests racing on one
//! session id can therefore lose one message's effect, but never corrupt the
//! session or mix two sessions, in memory and in Redis alike.
//!
//! The dialog's [`Session`] is opaque here: the stores hold it through its
//! `Serialize`/`Deserialize` implementation ([`codec`]) and know none of
//! its fields. Depends on `dialog` (the session type) only.

pub mod codec;
mod memory;
mod redis;

pub use memory::MemorySessionStore;
pub use redis::RedisSessionStore;

use crate::dialog::Session;
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::pin::Pin;

/// A new unguessable session id: 128 random bits as 32 lowercase hex characters.
///
/// Fails only when the operating system cannot supply randomness.
pub fn new_session_id() -> Result<String, getrandom::Error> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    let mut id = String::with_capacity(32);
    for b in bytes {
        id.push(char::from(HEX[usize::from(b >> 4)]));
        id.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    Ok(id)
}

/// What is stored under a session id: the conversation and the session's
/// own turn budget (so the per-session turn limit holds across replicas).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// The conversation state.
    pub session: Session,
    /// The turns this session has taken recently (see [`TurnBudget`]).
    #[serde(default)]
    pub budget: TurnBudget,
}

/// A leaky bucket of turns: `level` turns taken, draining at the
/// configured rate since `at_ms` (Unix time in milliseconds, comparable
/// between replicas). The default is an empty bucket.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct TurnBudget {
    /// Turns counted, before draining since `at_ms`.
    pub level: f32,
    /// When `level` was last updated, in Unix milliseconds.
    pub at_ms: u64,
}

impl TurnBudget {
    /// Counts one turn at `now_ms` against `per_minute` turns a minute (with
    /// bursts of as many); on refusal, the seconds until one is allowed.
    pub fn take(&mut self, per_minute: u32, now_ms: u64) -> Result<(), u64> {
        let capacity = per_minute.max(1) as f32;
        let per_ms = capacity / 60_000.0;
        let elapsed = now_ms.saturating_sub(self.at_ms) as f32;
        let level = (self.level - elapsed * per_ms).max(0.0);
        if level + 1.0 > capacity + 1e-3 {
            self.level = level;
            self.at_ms = now_ms;
            let wait_ms = (level + 1.0 - capacity) / per_ms;
            return Err(((wait_ms / 1000.0).ceil() as u64).max(1));
        }
        self.level = level + 1.0;
        self.at_ms = now_ms;
        Ok(())
    }
}

/// Why a session store could not answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The store did not answer in time or the connection to it failed.
    #[error("the session store is unavailable: {0}")]
    Unavailable(String),
}

/// A store operation in flight.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

/// Where sessions live between requests. Shared by every request handler;
/// calls are cheap for the memory store and one network round trip for
/// Redis. A record that no longer decodes (stored by an older version) is
/// reported as absent, so the conversation starts afresh.
pub trait SessionStore: Send + Sync + std::fmt::Debug {
    /// The record stored under `id`, if it exists and has not expired.
    fn load<'a>(&'a self, id: &'a str) -> StoreFuture<'a, Option<SessionRecord>>;
    /// Stores `record` under `id`, replacing any previous value; its idle
    /// timer starts again.
    fn save<'a>(&'a self, id: &'a str, record: SessionRecord) -> StoreFuture<'a, ()>;
    /// Forgets the record stored under `id`.
    fn remove<'a>(&'a self, id: &'a str) -> StoreFuture<'a, ()>;
    /// Answers when the store is reachable (a `PING` for Redis).
    fn check(&self) -> StoreFuture<'_, ()>;
    /// `memory` or `redis`, for `/api/health` and the logs.
    fn kind(&self) -> &'static str;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_32_hex_chars_and_distinct() {
        let a = new_session_id().unwrap();
        let b = new_session_id().unwrap();
        assert_eq!(a.len(), 32);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        assert_ne!(a, b);
    }

    #[test]
    fn turn_budget_allows_a_burst_then_one_per_interval() {
        let mut budget = TurnBudget::default();
        let t0 = 1_700_000_000_000;
        for _ in 0..3 {
            assert_eq!(budget.take(3, t0), Ok(()));
        }
        assert_eq!(budget.take(3, t0), Err(20));
        // 20 s later one turn has drained, not two.
        assert_eq!(budget.take(3, t0 + 20_000), Ok(()));
        assert!(budget.take(3, t0 + 20_000).is_err());
        // A clock that went back (another replica) never adds turns.
        let mut budget = TurnBudget {
            level: 3.0,
            at_ms: t0,
        };
        assert!(budget.take(3, t0 - 5_000).is_err());
    }
}
