//! Microlearn's adaptive engine: memory model, session planner, placement and personal parameters.
//!
//! Architecture invariant: this crate is pure. It depends on no browser crate (yew, web-sys,
//! gloo, wasm-bindgen), performs no I/O, and never reads the clock or a random source: time and
//! randomness are arguments, so every decision is deterministic and tests run natively.

/// The version of the engine's decision rules, recorded so saved data can say which rules made it.
pub const ENGINE_VERSION: u32 = 1;

#[cfg(test)]
mod tests {
    #[test]
    fn engine_version_is_positive() {
        assert!(super::ENGINE_VERSION >= 1);
    }
}
