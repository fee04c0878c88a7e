//! [`MemorySessionStore`]: sessions in this process's memory, expired after
//! an idle TTL, the least recently used evicted when full, so memory is
//! bounded by `max_sessions` × the size of a session. Lost on restart; use
//! the Redis store to keep conversations across restarts and replicas.

use super::{SessionRecord, SessionStore, StoreFuture};
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::{Duration, Instant};

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
    record: SessionRecord,
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

impl MemorySessionStore {
    /// The record stored under `id`, if it has not expired; reading it
    /// counts as using it.
    pub fn get(&self, id: &str) -> Option<SessionRecord> {
        let now = Instant::now();
        let mut lru = self.lock();
        lru.expire(now, self.ttl);
        let record = lru.entries.get(id)?.record.clone();
        lru.touch(id, now);
        Some(record)
    }

    /// Stores `record` under `id`, evicting the least recently used record when full.
    pub fn put(&self, id: &str, record: SessionRecord) {
        let now = Instant::now();
        let mut lru = self.lock();
        lru.expire(now, self.ttl);
        if let Some(entry) = lru.entries.get_mut(id) {
            entry.record = record;
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
                record,
                last_used: now,
                stamp,
            },
        );
    }

    /// Forgets the record stored under `id`.
    pub fn forget(&self, id: &str) {
        self.lock().remove(id);
    }

    /// Number of live sessions.
    pub fn len(&self) -> usize {
        let mut lru = self.lock();
        lru.expire(Instant::now(), self.ttl);
        lru.entries.len()
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
