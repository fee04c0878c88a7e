//! [`MemorySessionStore`]: sessions in this process's memory, expired after
//! an idle TTL, the least recently used evicted when full, so memory is
//! bounded by `max_sessions` × the size of a session. Lost on restart; use
//! the Redis store to keep conversations across restarts and replicas.

use super::{SessionRecord, SessionStore, StoreFuture};
use lru::LruCache;
use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Sessions in this process's memory with idle expiry and LRU eviction.
#[derive(Debug)]
pub struct MemorySessionStore {
    ttl: Duration,
    inner: Mutex<LruCache<String, Entry>>,
}

#[derive(Debug)]
struct Entry {
    record: SessionRecord,
    last_used: Instant,
}

/// Drops expired sessions, oldest first: the least recently used are the
/// ones idle longest, so the first one still live ends the walk.
fn expire(lru: &mut LruCache<String, Entry>, now: Instant, ttl: Duration) {
    while lru
        .peek_lru()
        .is_some_and(|(_, e)| now.duration_since(e.last_used) > ttl)
    {
        lru.pop_lru();
    }
}

impl MemorySessionStore {
    /// A store whose sessions expire after `ttl` without use and which holds
    /// at most `max_sessions` (at least 1), evicting the least recently used.
    pub fn new(ttl: Duration, max_sessions: usize) -> Self {
        MemorySessionStore {
            ttl,
            inner: Mutex::new(LruCache::new(
                NonZeroUsize::new(max_sessions).unwrap_or(NonZeroUsize::MIN),
            )),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LruCache<String, Entry>> {
        // A panic while holding the lock leaves the map consistent (every
        // mutation is a few infallible steps), so a poisoned lock is usable.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl MemorySessionStore {
    /// The record stored under `id`, if it has not expired; reading it
    /// counts as using it.
    pub fn get(&self, id: &str) -> Option<SessionRecord> {
        let now = Instant::now();
        let mut lru = self.lock();
        expire(&mut lru, now, self.ttl);
        let entry = lru.get_mut(id)?;
        entry.last_used = now;
        Some(entry.record.clone())
    }

    /// Stores `record` under `id`, evicting the least recently used record when full.
    pub fn put(&self, id: &str, record: SessionRecord) {
        let now = Instant::now();
        let mut lru = self.lock();
        expire(&mut lru, now, self.ttl);
        if let Some(entry) = lru.get_mut(id) {
            entry.record = record;
            entry.last_used = now;
            return;
        }
        lru.push(
            id.to_string(),
            Entry {
                record,
                last_used: now,
            },
        );
    }

    /// Forgets the record stored under `id`.
    pub fn forget(&self, id: &str) {
        self.lock().pop(id);
    }

    /// Number of live sessions.
    pub fn len(&self) -> usize {
        let mut lru = self.lock();
        expire(&mut lru, Instant::now(), self.ttl);
        lru.len()
    }

    /// True when no session is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl SessionStore for MemorySessionStore {
    fn load<'a>(&'a self, id: &'a str) -> StoreFuture<'a, Option<SessionRecord>> {
        let found = self.get(id);
        Box::pin(std::future::ready(Ok(found)))
    }

    fn save<'a>(&'a self, id: &'a str, record: SessionRecord) -> StoreFuture<'a, ()> {
        self.put(id, record);
        Box::pin(std::future::ready(Ok(())))
    }

    fn remove<'a>(&'a self, id: &'a str) -> StoreFuture<'a, ()> {
        self.forget(id);
        Box::pin(std::future::ready(Ok(())))
    }

    fn check(&self) -> StoreFuture<'_, ()> {
        Box::pin(std::future::ready(Ok(())))
    }

    fn kind(&self) -> &'static str {
        "memory"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record told apart from others by its turn budget (the session is opaque here).
    fn session(n: u32) -> SessionRecord {
        SessionRecord {
            budget: crate::server::sessions::TurnBudget {
                level: n as f32,
                at_ms: u64::from(n),
            },
            ..SessionRecord::default()
        }
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
        store.forget("a");
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
        assert!(lru.contains("s9999"));
        assert!(!lru.contains("s9899"));
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
