//! hyper's own error answers in our JSON error shape.
//!
//! When an HTTP/1 request cannot be parsed, hyper answers by itself, before
//! any of our code runs: `400` (malformed request line or header), `414`
//! (request target over 65,534 bytes) or `431` (headers over the read
//! buffer, or more than 100 of them), each with an empty body and the
//! connection closed. [`JsonErrors`] wraps a connection's stream and
//! rewrites exactly those answers, recognised by their status line and
//! `content-length: 0` with no `content-type` (our own responses always
//! carry one), into the `{"error": {"code", "message"}}` body every other
//! error has. Everything else passes through untouched.
//!
//! Depends on the error type only.

use super::error::ApiError;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// A stream whose hyper-generated bodiless error answers become JSON.
#[derive(Debug)]
pub struct JsonErrors<S> {
    inner: S,
    /// Replacement bytes still to write, and how far they are written.
    pending: Option<(Vec<u8>, usize)>,
}

impl<S> JsonErrors<S> {
    /// Wraps `inner`.
    pub fn new(inner: S) -> Self {
        JsonErrors {
            inner,
            pending: None,
        }
    }
}

/// The error for a bodiless hyper answer starting `head`, if it is one.
fn hyper_error(head: &[u8]) -> Option<ApiError> {
    let rest = head
        .strip_prefix(b"HTTP/1.1 ")
        .or_else(|| head.strip_prefix(b"HTTP/1.0 "))?;
    let error = match rest.get(..4)? {
        b"400 " => ApiError::BadRequest,
        b"414 " => ApiError::UriTooLong,
        b"431 " => ApiError::HeaderFieldsTooLarge,
        _ => return None,
    };
    let end = memchr::memmem::find(head, b"\r\n\r\n")?;
    let lower = head[..end].to_ascii_lowercase();
    let bodiless = memchr::memmem::find(&lower, b"\r\ncontent-length: 0\r\n").is_some()
        || lower.ends_with(b"\r\ncontent-length: 0");
    let typed = memchr::memmem::find(&lower, b"\r\ncontent-type:").is_some();
    (bodiless && !typed && end + 4 == head.len()).then_some(error)
}

/// The JSON answer replacing hyper's `head`: the same status line and
/// headers, with a JSON content type and length, and the body.
fn json_answer(head: &[u8], error: &ApiError) -> Vec<u8> {
    let body = serde_json::to_vec(&error.body()).unwrap_or_default();
    let end = head.len() - 4;
    let mut out = Vec::with_capacity(head.len() + body.len() + 64);
    for line in head[..end].split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.to_ascii_lowercase().starts_with(b"content-length:") {
            continue;
        }
        out.extend_from_slice(line);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"content-type: application/json\r\ncontent-length: ");
    out.extend_from_slice(body.len().to_string().as_bytes());
    out.extend_from_slice(b"\r\n\r\n");
    out.extend_from_slice(&body);
    out
}

impl<S: AsyncWrite + Unpin> JsonErrors<S> {
    /// Writes what is pending; ready when nothing is.
    fn poll_pending(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while let Some((bytes, done)) = &mut self.pending {
            if *done == bytes.len() {
                self.pending = None;
                break;
            }
            let n = ready!(Pin::new(&mut self.inner).poll_write(cx, &bytes[*done..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            *done += n;
        }
        Poll::Ready(Ok(()))
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for JsonErrors<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for JsonErrors<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        ready!(this.poll_pending(cx))?;
        if let Some(error) = hyper_error(buf) {
            this.pending = Some((json_answer(buf, &error), 0));
            // Report hyper's bytes as written; ours go out now or on the
            // next write, flush or shutdown.
            let _ = this.poll_pending(cx)?;
            return Poll::Ready(Ok(buf.len()));
        }
        Pin::new(&mut this.inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        ready!(this.poll_pending(cx))?;
        // hyper's error answers are one head with no body: a single slice.
        if let [only] = bufs
            && hyper_error(only).is_some()
        {
            return Pin::new(this).poll_write(cx, only);
        }
        Pin::new(&mut this.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_pending(cx))?;
        Pin::new(&mut this.inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_pending(cx))?;
        Pin::new(&mut this.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HYPER_431: &[u8] = b"HTTP/1.1 431 Request Header Fields Too Large\r\nconnection: close\r\ncontent-length: 0\r\ndate: Wed, 25 Nov 2026 21:00:00 GMT\r\n\r\n";

    #[test]
    fn hyper_answers_are_recognised_and_ours_are_not() {
        assert_eq!(hyper_error(HYPER_431), Some(ApiError::HeaderFieldsTooLarge));
        let bad = b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n";
        assert_eq!(hyper_error(bad), Some(ApiError::BadRequest));
        let ours = b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: 0\r\n\r\n";
        assert_eq!(hyper_error(ours), None);
        let with_body = b"HTTP/1.1 400 Bad Request\r\ncontent-length: 2\r\n\r\n{}";
        assert_eq!(hyper_error(with_body), None);
        assert_eq!(
            hyper_error(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n"),
            None
        );
        assert_eq!(hyper_error(b"HTTP/1.1 4"), None);
        assert_eq!(hyper_error(b"{\"title\": \"HTTP/1.1 400 \"}"), None);
    }

    #[tokio::test]
    async fn the_rewritten_answer_is_json_with_its_length() {
        use tokio::io::AsyncWriteExt;
        let mut out = JsonErrors::new(Vec::new());
        out.write_all(HYPER_431).await.unwrap();
        out.flush().await.unwrap();
        let text = String::from_utf8(out.inner).unwrap();
        let body = r#"{"error":{"code":"header_fields_too_large","message":"The request headers are too large or too many."}}"#;
        assert_eq!(
            text,
            format!(
                "HTTP/1.1 431 Request Header Fields Too Large\r\nconnection: close\r\ndate: Wed, 25 Nov 2026 21:00:00 GMT\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                body.len()
            )
        );
        // Anything else is written as is.
        let mut out = JsonErrors::new(Vec::new());
        out.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n")
            .await
            .unwrap();
        assert_eq!(out.inner, b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n");
    }
}
