//! [`serve`]: the accept loop and each connection's life, with the limits
//! that keep one client from holding the server.
//!
//! - A server-wide connection cap and a per-address one (trusted proxies
//!   exempt): over either, a new connection is closed at once.
//! - A new connection must send its first bytes within the header timeout;
//!   HTTP/1 headers must arrive within it (hyper's header read timeout);
//!   and a connection, HTTP/1 or HTTP/2, idle for as long with no request
//!   in flight is closed gracefully (HTTP/2 gets a `GOAWAY`). HTTP/2
//!   keep-alive pings unanswered for as long close it too.
//! - hyper's own bodiless `400`/`414`/`431` answers are rewritten as JSON
//!   ([`super::raw_errors`]).
//! - Refusals are counted for the periodic summary line, never logged one
//!   by one ([`super::summary`]).
//! - Graceful shutdown: stop accepting, let requests in flight finish (up
//!   to the grace period), close idle connections.
//!
//! Knows nothing of the routes: it serves the application [`super::router`] builds.

use super::config::ConnectionLimits;
use super::raw_errors::JsonErrors;
use super::summary::{Refusal, Summary, log_every};
use super::{AppState, router};
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// hyper's HTTP/1 read buffer: the largest request head accepted (431
/// beyond), big enough for hyper's 65,534-byte request target limit (414).
const MAX_HEAD_BYTES: usize = 80 * 1024;
/// Concurrent streams one HTTP/2 connection may open.
const H2_MAX_STREAMS: u32 = 64;

/// Open connections per client address.
#[derive(Debug)]
struct AddressSlots {
    per_address: usize,
    open: Mutex<HashMap<IpAddr, usize>>,
}

/// One connection's place in [`AddressSlots`], given back on drop.
struct AddressSlot {
    slots: Arc<AddressSlots>,
    ip: IpAddr,
}

impl AddressSlots {
    fn try_take(self: &Arc<Self>, ip: IpAddr) -> Option<AddressSlot> {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        let count = open.entry(ip).or_default();
        if *count >= self.per_address {
            return None;
        }
        *count += 1;
        Some(AddressSlot {
            slots: Arc::clone(self),
            ip,
        })
    }
}

impl Drop for AddressSlot {
    fn drop(&mut self) {
        let mut open = self.slots.open.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(count) = open.get_mut(&self.ip) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

/// Requests in flight on one connection and when the last one ended.
struct Activity {
    started: Instant,
    in_flight: AtomicUsize,
    last_ms: AtomicU64,
}

struct InFlight(Arc<Activity>);

impl Activity {
    fn begin(self: &Arc<Self>) -> InFlight {
        self.in_flight.fetch_add(1, Ordering::AcqRel);
        InFlight(Arc::clone(self))
    }

    /// When the connection will have been idle for `idle`, if nothing
    /// happens meanwhile; `None` while a request is in flight.
    fn idle_deadline(&self, idle: Duration) -> Option<Instant> {
        (self.in_flight.load(Ordering::Acquire) == 0).then(|| {
            self.started + Duration::from_millis(self.last_ms.load(Ordering::Acquire)) + idle
        })
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let since = u64::try_from(self.0.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.0.last_ms.store(since, Ordering::Release);
        self.0.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Serves the application of `state` on `listener` until `shutdown`
/// completes, then stops accepting, lets requests in flight finish (up to
/// the grace period) and returns.
///
/// Unlike `axum::serve`, this enforces the [`ConnectionLimits`], answers
/// hyper's parse errors in JSON and writes the periodic summary line.
/// Slow request *bodies* are cut by the per-request timeout of [`router`].
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use hyper_util::server::conn::auto::Builder;
    use tower::ServiceExt;

    let timeout = limits.header_read_timeout;
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(timeout)
        .max_buf_size(MAX_HEAD_BYTES);
    builder
        .http2()
        .timer(TokioTimer::new())
        .max_concurrent_streams(H2_MAX_STREAMS)
        .keep_alive_interval(Some(timeout))
        .keep_alive_timeout(timeout);
    let app = router(state.clone());
    let summary: Arc<Summary> = Arc::clone(&state.summary);
    let summaries = tokio::spawn(log_every(
        Arc::clone(&summary),
        state.config.log_summary_interval,
    ));
    let trusted = state.config.trusted_proxies.clone();
    let max_connections = limits.max_connections.max(1);
    let permits = Arc::new(tokio::sync::Semaphore::new(max_connections));
    let addresses = Arc::new(AddressSlots {
        per_address: limits.max_connections_per_address.max(1),
        open: Mutex::new(HashMap::new()),
    });
    // Tells every connection that shutdown began.
    let (stopping_tx, stopping_rx) = tokio::sync::watch::channel(false);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    // Out of file descriptors and the like: back off briefly.
                    tracing::warn!(%err, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let ip = peer.ip().to_canonical();
        let address_slot = if trusted.contains(ip) {
            None
        } else {
            match addresses.try_take(ip) {
                Some(slot) => Some(slot),
                None => {
                    summary.refused(Refusal::AddressConnectionCap, Some(ip));
                    continue;
                }
            }
        };
        let Ok(permit) = Arc::clone(&permits).try_acquire_owned() else {
            summary.refused(Refusal::ConnectionCap, Some(ip));
            continue;
        };
        let _ = stream.set_nodelay(true);
        let activity = Arc::new(Activity {
            started: Instant::now(),
            in_flight: AtomicUsize::new(0),
            last_ms: AtomicU64::new(0),
        });
        let tracked = Arc::clone(&activity);
        let app = app.clone();
        let service = tower::service_fn(move |mut req: Request<hyper::body::Incoming>| {
            req.extensions_mut().insert(ConnectInfo(peer));
            let in_flight = tracked.begin();
            let answer = app.clone().oneshot(req.map(Body::new));
            async move {
                let response = answer.await;
                drop(in_flight);
                response
            }
        });
        let service = hyper_util::service::TowerToHyperService::new(service);
        let builder = builder.clone();
        let mut stopping = stopping_rx.clone();
        let summary = Arc::clone(&summary);
        tokio::spawn(async move {
            let first_bytes = tokio::select! {
                arrived = tokio::time::timeout(timeout, protocol_bytes_arrived(&stream)) => {
                    match arrived {
                        Ok(arrived) => arrived,
                        // Silent for the whole timeout (a peer that closes
                        // at once, like a TCP health check, is not counted).
                        Err(_) => {
                            summary.refused(Refusal::SilentConnection, Some(ip));
                            false
                        }
                    }
                }
                _ = stopping.wait_for(|stop| *stop) => false,
            };
            if !first_bytes {
                drop((permit, address_slot));
                return;
            }
            let connection =
                builder.serve_connection(TokioIo::new(JsonErrors::new(stream)), service);
            let mut connection = std::pin::pin!(connection);
            let mut closing: Option<Instant> = None;
            loop {
                let idle = activity.idle_deadline(timeout);
                // While closing, give the connection as long again to finish.
                let deadline = match closing {
                    Some(since) => Some(since + timeout),
                    None => idle,
                };
                let wake = deadline.unwrap_or_else(|| Instant::now() + timeout);
                tokio::select! {
                    result = connection.as_mut() => {
                        if let Err(err) = result {
                            tracing::debug!(%peer, %err, "connection ended with an error");
                        }
                        break;
                    }
                    _ = stopping.wait_for(|stop| *stop), if closing.is_none() => {
                        connection.as_mut().graceful_shutdown();
                        closing = Some(Instant::now());
                    }
                    () = tokio::time::sleep_until(wake.into()) => {
                        match closing {
                            Some(since) if since.elapsed() >= timeout => break,
                            Some(_) => {}
                            None => {
                                if activity
                                    .idle_deadline(timeout)
                                    .is_some_and(|at| at <= Instant::now())
                                {
                                    connection.as_mut().graceful_shutdown();
                                    closing = Some(Instant::now());
                                }
                            }
                        }
                    }
                }
            }
            drop((permit, address_slot));
        });
    }
    drop(listener);
    let _ = stopping_tx.send(true);
    let all = u32::try_from(max_connections).unwrap_or(u32::MAX);
    tokio::select! {
        _ = permits.acquire_many(all) => tracing::info!("all connections closed"),
        () = tokio::time::sleep(limits.shutdown_grace) => {
            tracing::warn!("shutdown grace period over; closing remaining connections");
        }
    }
    summaries.abort();
    if let Some((line, _)) = summary.take_line(state.config.log_summary_interval) {
        tracing::info!("{line}");
    }
    Ok(())
}

/// The HTTP/2 connection preface (RFC 9113, section 3.4).
const H2_PREFACE: &[u8] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

/// Waits until `stream` has sent enough bytes to tell HTTP/1 from HTTP/2:
/// one byte that leaves the HTTP/2 preface, or the whole preface. False on
/// end of stream or error.
///
/// hyper-util's protocol detection reads these bytes with no timeout, and
/// hyper's header read timeout only starts after it, so without this wait
/// (under [`ConnectionLimits::header_read_timeout`]) a client that connects
/// and sends nothing would hold a connection slot forever.
async fn protocol_bytes_arrived(stream: &tokio::net::TcpStream) -> bool {
    let mut buf = [0u8; 24];
    loop {
        match stream.peek(&mut buf).await {
            Ok(0) | Err(_) => return false,
            Ok(n) if n >= H2_PREFACE.len() || buf[..n] != H2_PREFACE[..n] => return true,
            // A prefix of the HTTP/2 preface: `peek` would return at once
            // with the same bytes, so wait a little for the rest.
            Ok(_) => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_slots_are_counted_and_given_back() {
        let slots = Arc::new(AddressSlots {
            per_address: 2,
            open: Mutex::new(HashMap::new()),
        });
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        let first = slots.try_take(a).unwrap();
        let _second = slots.try_take(a).unwrap();
        assert!(slots.try_take(a).is_none());
        assert!(slots.try_take(b).is_some());
        drop(first);
        assert!(slots.try_take(a).is_some());
        drop(_second);
        // Addresses with no open connection are forgotten.
        assert!(slots.open.lock().unwrap().len() <= 2);
    }
}
