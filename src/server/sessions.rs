//! Conversation sessions: server-generated ids and the [`SessionStore`] that
//! keeps each shopper's [`Session`] between requests.
//!
//! Ids are 128 bits from the operating system's CSPRNG, written as 32
//! lowercase hex characters; a client never chooses its id. The in-memory
//! store expires sessions idle for longer than a TTL and evicts the least
//! recently used one when it is full, so its memory is bounded by
//! `max_sessions` × the size of a session.
//!
//! Concurrency: a handler takes a *copy* of the session, runs the turn on it
//! and puts the copy back (last writer wins). Two requests racing on one
//! session id can therefore lose one message's effect, but never corrupt the
//! session, and the semantics are the same for a shared store such as Redis.

use crate::dialog::Session;
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A new unguessable session id: 128 random bits as 32 lowercase hex characters.
///
/// Fails only when the operating system cannot supply randomness.
pub fn new_session_id() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Where sessions live between requests. Implementations are shared by all
/// request handlers and must be cheap to call from async code (no blocking
/// I/O longer than a lock).
pub trait SessionStore: Send + Sync + std::fmt::Debug {
    /// The session stored under `id`, if it exists and has not expired.
    /// Reading a session counts as using it (refreshes its idle timer).
    fn get(&self, id: &str) -> Option<Session>;
    /// Stores `session` under `id`, replacing any previous value.
    fn put(&self, id: &str, session: Session);
    /// Forgets the session stored under `id`.
    fn remove(&self, id: &str);
    /// Number of live sessions (an estimate for shared stores).
    fn len(&self) -> usize;
    /// True when no session is stored.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Sessions in this process's memory with idle expiry and LRU eviction.
#[derive(Debug)]
pub struct MemorySessionStore {
    ttl: Duration,
    max_sessions: usize,
    inner: Mutex<Lru>,
}

/// The map plus a use-order index: `order` maps a monotonically increasing
/// use stamp to the id, so the oldest entry is the first one.
#[derive(Debug, Default)]
struct Lru {
    entries: HashMap<String, Entry>,
    order: BTreeMap<u64, String>,
    clock: u64,
}

#[derive(Debug)]
struct Entry {
    session: Session,
    last_used: Instant,
    stamp: u64,
}

impl Lru {
    fn touch(&mut self, id: &str, now: Instant) {
        self.clock += 1;
        let stamp = self.clock;
        if let Some(entry) = self.entries.get_mut(id) {
            self.order.remove(&entry.stamp);
            entry.stamp = stamp;
            entry.last_used = now;
            self.order.insert(stamp, id.to_string());
        }
    }

    fn remove(&mut self, id: &str) {
        if let Some(entry) = self.entries.remove(id) {
            self.order.remove(&entry.stamp);
        }
    }

    /// Drops expired sessions, oldest first (they are all at the front).
    fn expire(&mut self, now: Instant, ttl: Duration) {
        while let Some((_, id)) = self.order.first_key_value() {
            let expired = self
                .entries
                .get(id)
                .is_none_or(|e| now.duration_since(e.last_used) > ttl);
            if !expired {
                break;
            }
            let id = id.clone();
            self.order.pop_first();
            self.entries.remove(&id);
        }
    }
}

impl MemorySessionStore {
    /// A store whose sessions expire after `ttl` without use and which holds
    /// at most `max_sessions` (at least 1), evicting the least recently used.
    pub fn new(ttl: Duration, max_sessions: usize) -> Self {
        MemorySessionStore {
            ttl,
            max_sessions: max_sessions.max(1),
            inner: Mutex::new(Lru::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Lru> {
        // A panic while holding the lock leaves the map consistent (every
        // mutation is a few infallible steps), so a poisoned lock is usable.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl SessionStore for MemorySessionStore {
    fn get(&self, id: &str) -> Option<Session> {
        let now = Instant::now();
        let mut lru = self.lock();
        lru.expire(now, self.ttl);
        let session = lru.entries.get(id)?.session.clone();
        lru.touch(id, now);
        Some(session)
    }

    fn put(&self, id: &str, session: Session) {
        let now = Instant::now();
        let mut lru = self.lock();
        lru.expire(now, self.ttl);
        if let Some(entry) = lru.entries.get_mut(id) {
            entry.session = session;
            lru.touch(id, now);
            return;
        }
        while lru.entries.len() >= self.max_sessions {
            let Some((_, oldest)) = lru.order.pop_first() else {
                break;
            };
            lru.entries.remove(&oldest);
        }
        lru.clock += 1;
        let stamp = lru.clock;
        lru.order.insert(stamp, id.to_string());
        lru.entries.insert(
            id.to_string(),
            Entry {
                session,
                last_used: now,
                stamp,
            },
        );
    }

    fn remove(&self, id: &str) {
        self.lock().remove(id);
    }

    fn len(&self) -> usize {
        let mut lru = self.lock();
        lru.expire(Instant::now(), self.ttl);
        lru.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(turns: u32) -> Session {
        Session {
            turns,
            ..Session::default()
        }
    }

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
    fn put_get_remove() {
        let store = MemorySessionStore::new(Duration::from_secs(60), 10);
        assert!(store.get("a").is_none());
        store.put("a", session(1));
        assert_eq!(store.get("a"), Some(session(1)));
        store.put("a", session(2));
        assert_eq!(store.get("a"), Some(session(2)));
        assert_eq!(store.len(), 1);
        store.remove("a");
        assert!(store.get("a").is_none());
        assert!(store.is_empty());
    }

    #[test]
    fn evicts_least_recently_used_when_full() {
        let store = MemorySessionStore::new(Duration::from_secs(60), 3);
        store.put("a", session(1));
        store.put("b", session(2));
        store.put("c", session(3));
        // Using "a" makes "b" the least recently used.
        assert!(store.get("a").is_some());
        store.put("d", session(4));
        assert_eq!(store.len(), 3);
        assert!(store.get("b").is_none());
        assert!(store.get("a").is_some());
        assert!(store.get("c").is_some());
        assert!(store.get("d").is_some());
    }

    #[test]
    fn memory_stays_bounded() {
        let store = MemorySessionStore::new(Duration::from_secs(60), 100);
        for i in 0..10_000 {
            store.put(&format!("s{i}"), session(i));
        }
        assert_eq!(store.len(), 100);
        let lru = store.lock();
        assert_eq!(lru.order.len(), 100);
        assert!(lru.entries.contains_key("s9999"));
        assert!(!lru.entries.contains_key("s9899"));
    }

    #[test]
    fn idle_sessions_expire() {
        let store = MemorySessionStore::new(Duration::from_millis(50), 10);
        store.put("a", session(1));
        std::thread::sleep(Duration::from_millis(120));
        assert!(store.get("a").is_none());
        assert!(store.is_empty());
    }
}
