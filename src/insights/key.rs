//! The per-deployment secret that turns session ids into conversation
//! hashes (HMAC-SHA256, 128 bits kept): the log can tell one conversation
//! from another, and nobody without the key can link a hash to a session
//! id. The key is 32 random bytes in hex, kept beside the log
//! (`demand.key`, readable by its owner only) or in a file given by flag,
//! and created on first use by whichever process gets there first.

use crate::error::{Error, Result};
use hmac::{KeyInit, Mac};
use std::fs;
use std::io::Write;
use std::path::Path;

/// The key's file name in a log directory.
pub const KEY_FILE: &str = "demand.key";

type HmacSha256 = hmac::Hmac<sha2::Sha256>;

/// The key of session hashes.
#[derive(Clone)]
pub struct SessionKey {
    mac: HmacSha256,
}

impl std::fmt::Debug for SessionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionKey(…)")
    }
}

fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    out
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// A demand log key error.
fn key_error(path: Option<&Path>, detail: String) -> Error {
    Error::Config(crate::error::ConfigReason::DemandKey {
        path: path.map(|p| p.display().to_string()),
        detail,
    })
}

impl SessionKey {
    /// A key from its bytes (at least 16).
    pub fn from_bytes(bytes: &[u8]) -> Result<SessionKey> {
        if bytes.len() < 16 {
            return Err(key_error(
                None,
                "a demand log key needs at least 16 bytes (32 hex characters)".into(),
            ));
        }
        let mac = HmacSha256::new_from_slice(bytes)
            .map_err(|e| key_error(None, format!("bad demand log key: {e}")))?;
        Ok(SessionKey { mac })
    }

    /// Reads the key in `path`, creating it (32 random bytes, mode 0600)
    /// when there is none. Two processes starting at once agree on one key.
    pub fn load_or_create(path: &Path) -> Result<SessionKey> {
        match fs::read_to_string(path) {
            Ok(text) => return Self::parse(path, &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(path, e)),
        }
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes)
            .map_err(|e| key_error(None, format!("no randomness for the demand log key: {e}")))?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let tmp = dir.join(format!(".demand.key.{}", std::process::id()));
        let written = (|| {
            let mut options = fs::OpenOptions::new();
            options.write(true).create(true).truncate(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let mut file = options.open(&tmp)?;
            file.write_all(format!("{}\n", hex(&bytes)).as_bytes())?;
            file.sync_all()?;
            // A hard link fails when the key exists: the first one wins.
            fs::hard_link(&tmp, path)
        })();
        let _ = fs::remove_file(&tmp);
        match written {
            Ok(()) => Self::from_bytes(&bytes),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let text = fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
                Self::parse(path, &text)
            }
            Err(e) => Err(Error::io(path, e)),
        }
    }

    fn parse(path: &Path, text: &str) -> Result<SessionKey> {
        let bytes = unhex(text).ok_or_else(|| {
            key_error(
                Some(path),
                "not a demand log key (expected hex characters)".into(),
            )
        })?;
        Self::from_bytes(&bytes)
    }

    /// The conversation hash of a session id: 128 bits of its HMAC, in hex.
    pub fn hash(&self, session_id: &str) -> String {
        let mut mac = self.mac.clone();
        mac.update(session_id.as_bytes());
        let out = mac.finalize().into_bytes();
        hex(&out[..16])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_keyed() {
        let a = SessionKey::from_bytes(&[1; 32]).unwrap();
        let b = SessionKey::from_bytes(&[2; 32]).unwrap();
        assert_eq!(a.hash("x"), a.hash("x"));
        assert_ne!(a.hash("x"), a.hash("y"));
        assert_ne!(a.hash("x"), b.hash("x"));
        assert_eq!(a.hash("x").len(), 32);
        assert!(SessionKey::from_bytes(&[1; 8]).is_err());
    }

    #[test]
    fn a_key_is_created_once_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(KEY_FILE);
        let first = SessionKey::load_or_create(&path).unwrap();
        let again = SessionKey::load_or_create(&path).unwrap();
        assert_eq!(first.hash("s"), again.hash("s"));
        fs::write(&path, "zz").unwrap();
        let err = SessionKey::load_or_create(&path).unwrap_err();
        assert!(err.to_string().contains("not a demand log key"), "{err}");
    }
}
