//! The server's settings and their defaults, in one place: the request-level
//! [`ServerConfig`], the connection-level [`ConnectionLimits`], and the
//! [`defaults`] both (and `vitrine serve`'s flags) are built from.
//!
//! Plain data: depends on nothing of the server but the trusted-proxy list.

use super::client_addr::TrustedProxies;
use std::path::PathBuf;
use std::time::Duration;

/// Every default of the server. `vitrine serve`'s flags and the `Default`
/// implementations below read these, so a default is written once.
pub mod defaults {
    /// Longest accepted chat message, in characters.
    pub const MAX_MESSAGE_CHARS: usize = 2_000;
    /// Products per answer when the request names no `limit`.
    pub const PRODUCTS_PER_ANSWER: usize = 10;
    /// Largest `limit` a request may ask for (the smallest is 1).
    pub const MAX_PRODUCTS_PER_ANSWER: usize = 100;
    /// Largest request body, in bytes.
    pub const MAX_BODY_BYTES: usize = 16 * 1024;
    /// Engine requests served at once before new ones are shed with `503`.
    pub const MAX_CONCURRENT_REQUESTS: usize = 64;
    /// Longest time one engine request may take, body upload included, in seconds.
    pub const REQUEST_TIMEOUT_SECS: u64 = 10;
    /// Idle time after which a session is forgotten, in seconds (30 min).
    pub const SESSION_TTL_SECS: u64 = 30 * 60;
    /// Most sessions the in-memory store keeps (least recently used evicted).
    pub const MAX_SESSIONS: usize = 100_000;
    /// New sessions one client address may start per minute (bursts of as
    /// many). Over one session TTL an address can thus own at most
    /// 30 × 1,200 = 36,000 sessions, about a third of the default in-memory
    /// store: a flood from one address cannot push every shopper out. An
    /// API client starting 1,000 conversations at once stays within it.
    pub const NEW_SESSIONS_PER_ADDRESS_PER_MINUTE: u32 = 1_200;
    /// Turns one session may take per minute (bursts of as many): no person
    /// types 60 messages a minute, and an API client replaying a script of
    /// 20 turns per conversation at full speed stays within it.
    pub const TURNS_PER_SESSION_PER_MINUTE: u32 = 60;
    /// Time a client has to send a request's headers, and longest idle time
    /// of a connection between requests (HTTP/1 and HTTP/2), in seconds.
    pub const HEADER_TIMEOUT_SECS: u64 = 10;
    /// Most open connections in all.
    pub const MAX_CONNECTIONS: usize = 4_096;
    /// Most open connections from one client address (trusted proxies excepted).
    pub const MAX_CONNECTIONS_PER_ADDRESS: usize = 256;
    /// How long shutdown waits for requests in flight, in seconds.
    pub const SHUTDOWN_GRACE_SECS: u64 = 10;
    /// Interval of the traffic and refusal summaries in the log, in seconds.
    pub const LOG_SUMMARY_SECS: u64 = 60;
    /// Longest wait for the session store (Redis) before answering `503`, in milliseconds.
    pub const SESSION_STORE_TIMEOUT_MS: u64 = 1_000;
    /// The demand log's directory inside the index directory.
    pub const DEMAND_LOG_DIR: &str = "demand";
    /// The synonyms file `vitrine import --synonyms` installs in the index directory.
    pub const SYNONYMS_FILE: &str = "synonyms.txt";
    /// The period the admin insights page shows first.
    pub const INSIGHTS_PERIOD: &str = "7d";
    /// Rows per list of the insights.
    pub const INSIGHTS_TOP: usize = 20;
    /// How long an admin sign-in lasts, in seconds (12 hours).
    pub const ADMIN_SESSION_SECS: u64 = 12 * 3600;
}

/// Settings of the HTTP application (routes and request limits). Defaults
/// live in [`defaults`].
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Longest accepted chat message, in characters.
    pub max_message_chars: usize,
    /// Requests per minute per client address on the engine routes; `None`
    /// (the default) = unlimited: an API client is not throttled.
    pub rate_limit_per_minute: Option<u32>,
    /// New sessions per client address per minute; `None` = unlimited.
    pub new_sessions_per_minute: Option<u32>,
    /// Turns per session per minute; `None` = unlimited.
    pub turns_per_session_per_minute: Option<u32>,
    /// Engine requests served at once before new ones are shed with `503`.
    pub max_concurrent_requests: usize,
    /// Longest time one engine request may take, body upload included.
    pub request_timeout: Duration,
    /// Origins allowed to call the API from a browser (CORS); none by default.
    pub allowed_origins: Vec<String>,
    /// Idle time after which a session is forgotten (memory and Redis alike).
    pub session_ttl: Duration,
    /// Most sessions kept in memory; the least recently used is evicted.
    pub max_sessions: usize,
    /// Longest wait for the session store before answering `503 sessions_unavailable`.
    pub session_store_timeout: Duration,
    /// Proxies whose `X-Forwarded-For`/`Forwarded` headers are believed;
    /// none by default (the TCP peer is the client).
    pub trusted_proxies: TrustedProxies,
    /// Interval of the traffic and refusal summaries in the log.
    pub log_summary_interval: Duration,
    /// The admin insights page (`/admin/insights`); `None` (the default):
    /// the page does not exist.
    pub admin: Option<AdminConfig>,
}

/// Shortest admin token accepted.
pub const MIN_ADMIN_TOKEN_CHARS: usize = 16;

/// The settings of the admin insights page.
#[derive(Clone)]
pub struct AdminConfig {
    /// The token a merchant signs in with (at least
    /// [`MIN_ADMIN_TOKEN_CHARS`] characters; never logged).
    pub token: String,
    /// The demand logs the page reads: files or directories (every
    /// replica's files in a shared directory).
    pub logs: Vec<PathBuf>,
}

impl std::fmt::Debug for AdminConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AdminConfig")
            .field("token", &"…")
            .field("logs", &self.logs)
            .finish()
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            max_message_chars: defaults::MAX_MESSAGE_CHARS,
            rate_limit_per_minute: None,
            new_sessions_per_minute: Some(defaults::NEW_SESSIONS_PER_ADDRESS_PER_MINUTE),
            turns_per_session_per_minute: Some(defaults::TURNS_PER_SESSION_PER_MINUTE),
            max_concurrent_requests: defaults::MAX_CONCURRENT_REQUESTS,
            request_timeout: Duration::from_secs(defaults::REQUEST_TIMEOUT_SECS),
            allowed_origins: Vec::new(),
            session_ttl: Duration::from_secs(defaults::SESSION_TTL_SECS),
            max_sessions: defaults::MAX_SESSIONS,
            session_store_timeout: Duration::from_millis(defaults::SESSION_STORE_TIMEOUT_MS),
            trusted_proxies: TrustedProxies::default(),
            log_summary_interval: Duration::from_secs(defaults::LOG_SUMMARY_SECS),
            admin: None,
        }
    }
}

/// Connection-level limits of [`super::serve`]. Defaults live in [`defaults`].
#[derive(Debug, Clone)]
pub struct ConnectionLimits {
    /// Time a client has to send a request's headers, and longest idle time
    /// of a connection between requests, HTTP/1 and HTTP/2 alike (HTTP/2
    /// keep-alive pings go unanswered for at most as long). A new connection
    /// also has this long to send its first bytes. Defends against
    /// slow-header (slowloris), idle and half-open clients.
    pub header_read_timeout: Duration,
    /// Most open connections; more are accepted and closed at once, without
    /// a response. A slot is freed when its connection ends.
    pub max_connections: usize,
    /// Most open connections from one client address; more from that
    /// address are closed at once. Trusted proxies are exempt (they carry
    /// every shopper's traffic; limit at the proxy).
    pub max_connections_per_address: usize,
    /// How long shutdown waits for requests in flight.
    pub shutdown_grace: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits {
            header_read_timeout: Duration::from_secs(defaults::HEADER_TIMEOUT_SECS),
            max_connections: defaults::MAX_CONNECTIONS,
            max_connections_per_address: defaults::MAX_CONNECTIONS_PER_ADDRESS,
            shutdown_grace: Duration::from_secs(defaults::SHUTDOWN_GRACE_SECS),
        }
    }
}
