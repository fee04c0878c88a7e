//! The stored form of a [`SessionRecord`]: one format byte, then the
//! record in CBOR (RFC 8949) with field names.
//!
//! CBOR is compact (binary numbers, no quoting) yet self-describing: a
//! record written before a field was added to the session decodes when the
//! field has a default, and one that no longer fits the session type fails
//! to decode instead of being misread, so the store treats it as absent
//! and the conversation starts afresh. The format byte leaves room for
//! another encoding later; a value with an unknown one is likewise absent.
//!
//! Depends on the record type only.

use super::SessionRecord;

/// The format byte of CBOR-encoded records.
const FORMAT_CBOR: u8 = 1;

/// Why stored bytes are not a record of this version.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// No bytes at all.
    #[error("empty value")]
    Empty,
    /// The format byte is not one this version writes.
    #[error("unknown format byte {0}")]
    UnknownFormat(u8),
    /// The bytes do not decode to a record of this version.
    #[error("the record does not decode: {0}")]
    Invalid(String),
}

/// The bytes stored for `record`.
pub fn encode(record: &SessionRecord) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(256);
    bytes.push(FORMAT_CBOR);
    // Writing into a Vec cannot fail, and a record holds only types CBOR
    // represents (strings, numbers, maps, sequences); should that ever
    // change, the bytes written so far fail to decode, which starts a new
    // session rather than erroring.
    if let Err(err) = ciborium::into_writer(record, &mut bytes) {
        tracing::error!(%err, "cannot encode a session record");
        bytes.truncate(1);
    }
    bytes
}

/// The record stored as `bytes`.
pub fn decode(bytes: &[u8]) -> Result<SessionRecord, DecodeError> {
    let (&format, body) = bytes.split_first().ok_or(DecodeError::Empty)?;
    if format != FORMAT_CBOR {
        return Err(DecodeError::UnknownFormat(format));
    }
    ciborium::from_reader(body).map_err(|e| DecodeError::Invalid(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialog::Session;
    use crate::server::sessions::TurnBudget;

    #[test]
    fn a_record_round_trips_compactly() {
        // The session is opaque here; conversations round-trip through
        // Redis in tests/replicas/.
        let record = SessionRecord {
            session: Session::default(),
            budget: TurnBudget {
                level: 2.5,
                at_ms: 1_700_000_000_000,
            },
        };
        let bytes = encode(&record);
        assert_eq!(bytes[0], FORMAT_CBOR);
        assert_eq!(decode(&bytes), Ok(record.clone()));
        let json = serde_json::to_vec(&record).unwrap();
        assert!(
            bytes.len() < json.len(),
            "{} vs {}",
            bytes.len(),
            json.len()
        );
    }

    #[test]
    fn bytes_of_another_version_are_errors_not_panics() {
        assert_eq!(decode(&[]), Err(DecodeError::Empty));
        assert_eq!(decode(&[9, 1, 2]), Err(DecodeError::UnknownFormat(9)));
        assert!(matches!(decode(&[1]), Err(DecodeError::Invalid(_))));
        assert!(matches!(
            decode(&[1, 0xff, 0x00]),
            Err(DecodeError::Invalid(_))
        ));
        // A CBOR map of another shape (a record of some other version).
        let mut other = vec![FORMAT_CBOR];
        ciborium::into_writer(
            &serde_json::json!({"session": 5, "budget": "x"}),
            &mut other,
        )
        .unwrap();
        assert!(matches!(decode(&other), Err(DecodeError::Invalid(_))));
        // The old JSON a store might hold.
        assert!(decode(br#"{"session":{}}"#).is_err());
    }
}
