//! [`RedisSessionStore`]: sessions in Redis, shared by every replica, so a
//! conversation survives restarts and may hop between replicas.
//!
//! One key per session, `vitrine:session:<id>`, holding the [`codec`]
//! bytes, written with `SET … EX ttl`: Redis expires idle sessions itself
//! (give Redis a `maxmemory` and an eviction policy for a hard bound). The
//! connection is redis-rs's `ConnectionManager`: one multiplexed
//! connection, reconnected in the background after a failure. Every
//! operation has a deadline; when Redis is down or slow the store answers
//! [`StoreError::Unavailable`] at once (the API turns that into `503
//! sessions_unavailable`) and serves again as soon as Redis is back,
//! without a restart.
//!
//! [`codec`]: super::codec

use super::{SessionRecord, SessionStore, StoreError, StoreFuture, codec};
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Prefix of every key this store writes.
const KEY_PREFIX: &str = "vitrine:session:";

/// Sessions in Redis with expiry by Redis TTL.
#[derive(Clone)]
pub struct RedisSessionStore {
    connection: ConnectionManager,
    ttl_secs: u64,
    timeout: Duration,
    url: String,
    undecodable: std::sync::Arc<AtomicU64>,
}

impl std::fmt::Debug for RedisSessionStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisSessionStore")
            .field("url", &self.url)
            .field("ttl_secs", &self.ttl_secs)
            .finish()
    }
}

/// A `redis://` URL with any password replaced, fit for logs.
fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://…@{}", &url[..scheme], &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

impl RedisSessionStore {
    /// A store for the Redis at `url` (`redis://HOST:PORT/DB`, or
    /// `redis://:PASSWORD@HOST:PORT/DB`), keeping sessions for `ttl` after
    /// their last turn, waiting at most `timeout` for any answer.
    ///
    /// Connects lazily: the server starts even while Redis is down, and
    /// answers `503 sessions_unavailable` until it is reachable. Must be
    /// called within a tokio runtime. Fails only on a malformed URL.
    pub fn open(url: &str, ttl: Duration, timeout: Duration) -> Result<Self, String> {
        let client = redis::Client::open(url)
            .map_err(|e| format!("`{}` is not a Redis URL: {e}", redacted(url)))?;
        // Short, bounded reconnection attempts: a request never waits for
        // more than `timeout`, and the next request after a failure starts
        // a new attempt, so service resumes within moments of Redis.
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(timeout))
            .set_response_timeout(Some(timeout))
            .set_number_of_retries(1)
            .set_min_delay(Duration::from_millis(50))
            .set_max_delay(Duration::from_millis(500));
        let connection = client
            .get_connection_manager_lazy(config)
            .map_err(|e| format!("cannot use Redis at {}: {e}", redacted(url)))?;
        Ok(RedisSessionStore {
            connection,
            ttl_secs: ttl.as_secs().max(1),
            timeout,
            url: redacted(url),
            undecodable: Default::default(),
        })
    }

    /// Number of stored values found undecodable (an older format) and
    /// treated as absent since the store was opened.
    pub fn undecodable(&self) -> u64 {
        self.undecodable.load(Ordering::Relaxed)
    }

    /// Runs `cmd` with the store's deadline.
    async fn run<T: redis::FromRedisValue>(&self, cmd: redis::Cmd) -> Result<T, StoreError> {
        let mut connection = self.connection.clone();
        match tokio::time::timeout(self.timeout, cmd.query_async::<T>(&mut connection)).await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(err)) => Err(StoreError::Unavailable(format!(
                "Redis at {}: {err}",
                self.url
            ))),
            Err(_) => Err(StoreError::Unavailable(format!(
                "Redis at {} did not answer within {} ms",
                self.url,
                self.timeout.as_millis()
            ))),
        }
    }
}

fn key(id: &str) -> String {
    let mut key = String::with_capacity(KEY_PREFIX.len() + id.len());
    key.push_str(KEY_PREFIX);
    key.push_str(id);
    key
}

impl SessionStore for RedisSessionStore {
    fn load<'a>(&'a self, id: &'a str) -> StoreFuture<'a, Option<SessionRecord>> {
        Box::pin(async move {
            let mut cmd = redis::cmd("GET");
            cmd.arg(key(id));
            let bytes: Option<Vec<u8>> = self.run(cmd).await?;
            let Some(bytes) = bytes else {
                return Ok(None);
            };
            match codec::decode(&bytes) {
                Ok(record) => Ok(Some(record)),
                Err(err) => {
                    self.undecodable.fetch_add(1, Ordering::Relaxed);
                    tracing::debug!(%err, "a stored session does not decode; starting a new one");
                    Ok(None)
                }
            }
        })
    }

    fn save<'a>(&'a self, id: &'a str, record: SessionRecord) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let mut cmd = redis::cmd("SET");
            cmd.arg(key(id))
                .arg(codec::encode(&record))
                .arg("EX")
                .arg(self.ttl_secs);
            self.run::<()>(cmd).await
        })
    }

    fn remove<'a>(&'a self, id: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let mut cmd = redis::cmd("DEL");
            cmd.arg(key(id));
            self.run::<()>(cmd).await
        })
    }

    fn check(&self) -> StoreFuture<'_, ()> {
        Box::pin(async move { self.run::<()>(redis::cmd("PING")).await })
    }

    fn kind(&self) -> &'static str {
        "redis"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_the_logs() {
        assert_eq!(
            redacted("redis://:hunter2@10.0.0.5:6379/2"),
            "redis://…@10.0.0.5:6379/2"
        );
        assert_eq!(
            redacted("redis://127.0.0.1:6379/0"),
            "redis://127.0.0.1:6379/0"
        );
    }

    #[tokio::test]
    async fn a_store_with_redis_down_answers_unavailable_quickly() {
        // A port nothing listens on: bind one, then close it.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let url = format!("redis://127.0.0.1:{port}/0");
        let store =
            RedisSessionStore::open(&url, Duration::from_secs(60), Duration::from_millis(300))
                .unwrap();
        let started = std::time::Instant::now();
        let err = store.load("abc").await.unwrap_err();
        assert!(matches!(err, StoreError::Unavailable(_)), "{err}");
        assert!(store.check().await.is_err());
        assert!(store.save("abc", SessionRecord::default()).await.is_err());
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(RedisSessionStore::open("http://x", Duration::ZERO, Duration::ZERO).is_err());
    }
}
