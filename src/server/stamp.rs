//! [`StampLayer`]: what every request and response gets, in one layer
//! instead of five: a request id (the client's `X-Request-Id`, or one of
//! ours), the id echoed on the response, the two security headers, and
//! the response counted for the summary line.
//!
//! One hand-written layer because it runs on every request: tower-http's
//! request-id layers make a random UUID per request (a `getrandom` system
//! call each), and axum's `from_fn` middleware boxes its future and clones
//! the whole inner service per call (BENCHMARKS.md, "HTTP path, session 7").

use super::error::ErrorCode;
use super::summary::Summary;
use axum::http::{HeaderName, HeaderValue, Request, Response, header};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use tower::{Layer, Service};

/// The request id header, read from the client and echoed on the response.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Request ids of this process: a random prefix drawn once (so replicas'
/// ids do not collide) and a counter, e.g. `3f9c2a7be1d04c85-2a`.
#[derive(Debug)]
struct RequestIds {
    prefix: String,
    next: AtomicU64,
}

impl RequestIds {
    fn new() -> Self {
        let mut bytes = [0u8; 8];
        // Without the OS's randomness the clock still tells processes apart.
        if getrandom::fill(&mut bytes).is_err() {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            bytes = (nanos as u64 ^ u64::from(std::process::id())).to_le_bytes();
        }
        RequestIds {
            prefix: format!("{:016x}", u64::from_le_bytes(bytes)),
            next: AtomicU64::new(1),
        }
    }

    fn make(&self) -> HeaderValue {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let id = format!("{}-{n:x}", self.prefix);
        // Hex digits and a dash are always a valid header value.
        HeaderValue::from_str(&id).unwrap_or(HeaderValue::from_static("-"))
    }
}

/// Stamps requests and responses (see the module docs).
#[derive(Debug, Clone)]
pub struct StampLayer {
    summary: Arc<Summary>,
    ids: Arc<RequestIds>,
}

impl StampLayer {
    /// A layer counting responses in `summary`.
    pub fn new(summary: Arc<Summary>) -> Self {
        StampLayer {
            summary,
            ids: Arc::new(RequestIds::new()),
        }
    }
}

impl<S> Layer<S> for StampLayer {
    type Service = Stamp<S>;

    fn layer(&self, inner: S) -> Stamp<S> {
        Stamp {
            inner,
            layer: self.clone(),
        }
    }
}

/// The service of [`StampLayer`].
#[derive(Debug, Clone)]
pub struct Stamp<S> {
    inner: S,
    layer: StampLayer,
}

impl<S, B, R> Service<Request<B>> for Stamp<S>
where
    S: Service<Request<B>, Response = Response<R>>,
{
    type Response = Response<R>;
    type Error = S::Error;
    type Future = Stamped<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<B>) -> Self::Future {
        let id = match request.headers().get(&REQUEST_ID) {
            Some(given) => given.clone(),
            None => {
                let id = self.layer.ids.make();
                request.headers_mut().insert(REQUEST_ID, id.clone());
                id
            }
        };
        Stamped {
            inner: self.inner.call(request),
            id: Some(id),
            summary: Arc::clone(&self.layer.summary),
        }
    }
}

pin_project_lite::pin_project! {
    /// The response future of [`Stamp`].
    pub struct Stamped<F> {
        #[pin]
        inner: F,
        id: Option<HeaderValue>,
        summary: Arc<Summary>,
    }
}

impl<F, R, E> Future for Stamped<F>
where
    F: Future<Output = Result<Response<R>, E>>,
{
    type Output = Result<Response<R>, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let mut response = match this.inner.poll(cx) {
            Poll::Ready(Ok(response)) => response,
            other => return other,
        };
        let code = response.extensions().get::<ErrorCode>().map(|c| c.0);
        this.summary.count_response(code);
        let headers = response.headers_mut();
        if let Some(id) = this.id.take() {
            headers.entry(REQUEST_ID).or_insert(id);
        }
        headers
            .entry(header::X_CONTENT_TYPE_OPTIONS)
            .or_insert(HeaderValue::from_static("nosniff"));
        headers
            .entry(header::REFERRER_POLICY)
            .or_insert(HeaderValue::from_static("strict-origin-when-cross-origin"));
        Poll::Ready(Ok(response))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_distinct_and_share_the_process_prefix() {
        let ids = RequestIds::new();
        let a = ids.make();
        let b = ids.make();
        assert_ne!(a, b);
        let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
        assert_eq!(a.split('-').next(), b.split('-').next());
        assert_eq!(a.split('-').next().map(str::len), Some(16));
        // Another process (another prefix) does not repeat them.
        let other = RequestIds::new().make();
        assert_ne!(other.to_str().unwrap(), a);
    }
}
