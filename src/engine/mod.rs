//! `Engine::turn`: the one entry point front ends call. Understands the
//! message, updates the session, searches, relaxes when nothing matches and
//! words the reply.

mod turn;

pub use turn::{Relaxation, Turn, TurnKind};
