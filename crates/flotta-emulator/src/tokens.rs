//! Bearer tokens the emulator has issued, with their expiry.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Default)]
pub(crate) struct Tokens {
    issued: Mutex<HashMap<String, Instant>>,
    counter: Mutex<u64>,
}

impl Tokens {
    pub(crate) fn issue(&self, lifetime: Duration) -> String {
        let mut counter = self
            .counter
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *counter += 1;
        let token = format!("emulated-token-{}-{}", *counter, fastrand::u64(..));
        self.issued
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(token.clone(), Instant::now() + lifetime);
        token
    }

    pub(crate) fn is_valid(&self, token: &str) -> bool {
        self.issued
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(token)
            .is_some_and(|expiry| *expiry > Instant::now())
    }

    /// Every token expires at once: the next call with any of them is refused.
    pub(crate) fn expire_all(&self) {
        self.issued
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clear();
    }

    pub(crate) fn revoke(&self, token: &str) {
        self.issued
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(token);
    }
}
