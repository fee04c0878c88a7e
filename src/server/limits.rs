//! Protective limits: the per-client rate limiter and the translation of
//! tower's load-shedding and timeout errors into [`ApiError`]s.
//!
//! The layers themselves are assembled in [`super::router`]: a body limit,
//! a message length limit (in the chat handler), a per-IP token bucket, a
//! global concurrency limit that sheds load instead of queueing, and a
//! per-request timeout. Connection-level limits (header read timeout,
//! connection cap) live in [`super::serve`].

use super::AppState;
use super::error::ApiError;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Mutex;
use std::time::Instant;

/// How many clients the limiter tracks before it forgets idle ones.
const MAX_TRACKED_CLIENTS: usize = 100_000;

/// A token bucket per client IP: `per_minute` requests per minute, with
/// bursts of up to `per_minute` requests.
///
/// Clients are told apart by the TCP peer address: behind a reverse proxy
/// every shopper shares the proxy's bucket, so rate-limit at the proxy or
/// raise the limit there. Memory is bounded: past 100,000 tracked addresses,
/// full (idle) buckets are forgotten, and if that is not enough the table
/// is cleared.
#[derive(Debug)]
pub struct RateLimiter {
    per_minute: u32,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

impl RateLimiter {
    /// A limiter allowing `per_minute` requests a minute per client (at least 1).
    pub fn new(per_minute: u32) -> Self {
        RateLimiter {
            per_minute: per_minute.max(1),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// The configured rate.
    pub fn per_minute(&self) -> u32 {
        self.per_minute
    }

    /// Takes one token for `ip`; on refusal, the seconds until one is available.
    pub fn check(&self, ip: IpAddr) -> Result<(), u64> {
        self.check_at(ip, Instant::now())
    }

    fn check_at(&self, ip: IpAddr, now: Instant) -> Result<(), u64> {
        let capacity = f64::from(self.per_minute);
        let per_sec = capacity / 60.0;
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() >= MAX_TRACKED_CLIENTS && !buckets.contains_key(&ip) {
            buckets.retain(|_, b| {
                b.tokens + now.duration_since(b.updated).as_secs_f64() * per_sec < capacity
            });
            if buckets.len() >= MAX_TRACKED_CLIENTS {
                buckets.clear();
            }
        }
        let bucket = buckets.entry(ip).or_insert(Bucket {
            tokens: capacity,
            updated: now,
        });
        let elapsed = now.duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * per_sec).min(capacity);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = ((1.0 - bucket.tokens) / per_sec).ceil();
            // `wait` is finite and at most 60 (per_sec >= 1/60).
            Err((wait as u64).max(1))
        }
    }
}

/// Middleware: answers `429 rate_limited` with `Retry-After` when the
/// client's bucket is empty. Requests without a peer address (in-process
/// tests) share one bucket.
pub async fn rate_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if let Some(limiter) = &state.rate_limiter {
        let ip = request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip())
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        if let Err(retry_after) = limiter.check(ip) {
            tracing::info!(%ip, "rate limited");
            return ApiError::RateLimited { retry_after }.into_response();
        }
    }
    next.run(request).await
}

/// Maps the errors of tower's load-shed and timeout layers to API errors.
pub async fn layer_error(err: tower::BoxError) -> ApiError {
    if err.is::<tower::load_shed::error::Overloaded>() {
        tracing::warn!("overloaded: request shed");
        ApiError::Overloaded
    } else if err.is::<tower::timeout::error::Elapsed>() {
        tracing::warn!("request timed out");
        ApiError::Timeout
    } else {
        ApiError::Internal(err.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn bucket_allows_a_burst_then_refills() {
        let limiter = RateLimiter::new(3);
        let ip: IpAddr = "10.0.0.1".parse().unwrap();
        let other: IpAddr = "10.0.0.2".parse().unwrap();
        let t0 = Instant::now();
        assert!(limiter.check_at(ip, t0).is_ok());
        assert!(limiter.check_at(ip, t0).is_ok());
        assert!(limiter.check_at(ip, t0).is_ok());
        assert_eq!(limiter.check_at(ip, t0), Err(20));
        assert!(limiter.check_at(other, t0).is_ok());
        assert!(limiter.check_at(ip, t0 + Duration::from_secs(20)).is_ok());
        assert!(limiter.check_at(ip, t0 + Duration::from_secs(20)).is_err());
    }
}
