//! The engine's own CPU per turn on the load run's conversations, measured
//! in this process (thread CPU time, which time spent waiting for a core
//! does not inflate), so the server's CPU per turn can be compared with it
//! on the same machine, in the same run.

use super::{Fallible, Script};
use std::path::Path;
use vitrine::{Engine, Session};

/// CPU time of the calling thread, in seconds.
fn thread_cpu() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes only the struct passed.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}

/// Thread-CPU µs per `Engine::turn` in each of `rounds` rounds of
/// `turns` turns of `scripts`, replayed as the load workers do (4-turn
/// conversations, 10 products per answer), after one warm-up pass.
pub fn micros_per_turn(
    index: &Path,
    scripts: &[Script],
    turns: usize,
    rounds: usize,
) -> Fallible<Vec<f64>> {
    let engine = Engine::open(index)?;
    let run = |n: usize| -> Fallible<f64> {
        let t0 = thread_cpu();
        let mut done = 0;
        let mut script = 0;
        while done < n {
            let mut session = Session::default();
            for message in &scripts[script % scripts.len()].turns {
                engine.turn(&mut session, message, 10)?;
                done += 1;
            }
            script += 7;
        }
        Ok((thread_cpu() - t0) * 1e6 / done as f64)
    };
    run(turns.min(400))?;
    (0..rounds.max(1)).map(|_| run(turns)).collect()
}

/// The median of `values` (0 when empty).
pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}
