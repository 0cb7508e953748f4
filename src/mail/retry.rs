//! Pure retry policy for outgoing mail: exponential backoff with jitter, a cap, and a
//! point where a transient failure becomes a dead letter.

use crate::ticket::model::Timestamp;

/// What to do after a failed delivery attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Try again at this time.
    At(Timestamp),
    /// Stop: mark the mail failed with the reason.
    GiveUp,
}

/// Backoff settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    pub base_secs: i64,
    pub max_secs: i64,
    pub max_attempts: u32,
}

/// Decide the next attempt after `attempts` failures so far (this one included).
/// `jitter` in [0, 1) spreads retries so a recovering server is not hit all at once;
/// the delay is `base * 2^(attempts-1)`, capped, plus up to 25 % jitter.
pub fn next_attempt(
    policy: &RetryPolicy,
    attempts: u32,
    permanent: bool,
    now: Timestamp,
    jitter: f64,
) -> Retry {
    if permanent || attempts >= policy.max_attempts {
        return Retry::GiveUp;
    }
    let exp = attempts.saturating_sub(1).min(30);
    let delay = policy
        .base_secs
        .saturating_mul(1_i64 << exp)
        .min(policy.max_secs)
        .max(1);
    let spread = (delay as f64 * 0.25 * jitter.clamp(0.0, 1.0)) as i64;
    Retry::At(now + delay + spread)
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: RetryPolicy = RetryPolicy {
        base_secs: 30,
        max_secs: 3600,
        max_attempts: 5,
    };

    #[test]
    fn backoff_doubles_then_caps() {
        assert_eq!(next_attempt(&P, 1, false, 0, 0.0), Retry::At(30));
        assert_eq!(next_attempt(&P, 2, false, 0, 0.0), Retry::At(60));
        assert_eq!(next_attempt(&P, 4, false, 0, 0.0), Retry::At(240));
        let big = RetryPolicy {
            max_attempts: 100,
            ..P
        };
        assert_eq!(next_attempt(&big, 40, false, 0, 0.0), Retry::At(3600));
    }

    #[test]
    fn jitter_adds_at_most_a_quarter() {
        assert_eq!(
            next_attempt(&P, 1, false, 100, 0.999),
            Retry::At(100 + 30 + 7)
        );
    }

    #[test]
    fn permanent_failure_or_too_many_attempts_give_up() {
        assert_eq!(next_attempt(&P, 1, true, 0, 0.0), Retry::GiveUp);
        assert_eq!(next_attempt(&P, 5, false, 0, 0.0), Retry::GiveUp);
    }
}
