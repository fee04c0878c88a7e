//! Protective limits keyed to the right thing, and the translation of
//! tower's load-shedding and timeout errors into [`ApiError`]s.
//!
//! | limit | keyed by | default |
//! | --- | --- | --- |
//! | new sessions per minute | client address | 1,200 (bursts of as many) |
//! | turns per minute | session (stored with it, so across replicas) | 60 |
//! | requests per minute (opt-in `--rate-limit`) | client address | off |
//! | engine requests at once (load shedding) | the whole server | 64 |
//! | open connections | client address / the whole server | 256 / 4,096 |
//!
//! An API client running thousands of conversations from one address is
//! not throttled; one address cannot own the session store, one
//! conversation cannot be replayed at machine speed, and one address cannot
//! hold the connection slots (see [`super::serve`]). The client address is
//! the TCP peer unless it is a trusted proxy ([`super::client_addr`]).

use super::AppState;
use super::error::ApiError;
use super::summary::Refusal;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Mutex;
use std::time::Instant;

/// How many addresses a limiter tracks before it forgets idle ones.
const MAX_TRACKED_ADDRESSES: usize = 100_000;

/// A token bucket per client address: `per_minute` a minute, with bursts
/// of up to `per_minute`.
///
/// Memory is bounded: past 100,000 tracked addresses, full (idle) buckets
/// are forgotten, and if that is not enough the table is cleared.
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
    /// A limiter allowing `per_minute` a minute per address (at least 1).
    pub fn new(per_minute: u32) -> Self {
        RateLimiter {
            per_minute: per_minute.max(1),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token for `ip`; on refusal, the seconds until one is available.
    pub fn check(&self, ip: IpAddr) -> Result<(), u64> {
        self.check_at(ip, Instant::now())
    }

    fn check_at(&self, ip: IpAddr, now: Instant) -> Result<(), u64> {
        let capacity = f64::from(self.per_minute);
        let per_sec = capacity / 60.0;
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() >= MAX_TRACKED_ADDRESSES && !buckets.contains_key(&ip) {
            buckets.retain(|_, b| {
                b.tokens + now.duration_since(b.updated).as_secs_f64() * per_sec < capacity
            });
            if buckets.len() >= MAX_TRACKED_ADDRESSES {
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

/// The client's address: the TCP peer, or what a trusted proxy forwarded.
/// Requests without a peer address (in-process tests) are `0.0.0.0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(client_ip(parts, state))
    }
}

fn client_ip(parts: &Parts, state: &AppState) -> ClientIp {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    ClientIp(state.config.trusted_proxies.client_ip(peer, &parts.headers))
}

/// Middleware for the opt-in per-address request rate (`--rate-limit`):
/// answers `429 rate_limited` with `Retry-After` when the client's bucket
/// is empty.
/// [`super::router`] adds it only when the limiter is on.
pub async fn rate_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if let Some(limiter) = &state.rate_limiter {
        let (parts, body) = request.into_parts();
        let ClientIp(ip) = client_ip(&parts, &state);
        if let Err(retry_after) = limiter.check(ip) {
            state.summary.refused(Refusal::RateLimited, Some(ip));
            return ApiError::RateLimited { retry_after }.into_response();
        }
        return next.run(Request::from_parts(parts, body)).await;
    }
    next.run(request).await
}

/// Maps the errors of tower's load-shed and timeout layers to API errors.
pub async fn layer_error(err: tower::BoxError) -> ApiError {
    if err.is::<tower::load_shed::error::Overloaded>() {
        ApiError::Overloaded
    } else if err.is::<tower::timeout::error::Elapsed>() {
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
