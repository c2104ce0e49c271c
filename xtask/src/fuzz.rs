//! `cargo xtask fuzz [--cases N]`: a long fuzzing campaign over the import parser and the
//! saved-state loader (the proptest targets in crates/persist/tests/fuzz.rs), in release mode.
//! The normal test suite runs the same targets with a short budget (1,000 cases each). Each case
//! has a time limit (5 s, set in fuzz.rs), so a hang fails the campaign instead of stalling it.
//! Figures of past campaigns are in BENCHMARKS.md.

use anyhow::{Result, bail};
use std::process::Command;
use std::time::Instant;

use crate::{flag_value, project_root};

/// Cases per target when `--cases` is not given: about two and a half minutes on a busy 2-core
/// machine, release build included (139 s measured).
const DEFAULT_CASES: u64 = 200_000;

pub fn run(args: &[String]) -> Result<()> {
    let cases = match flag_value(args, "--cases") {
        Some(text) => text.parse::<u64>()?,
        None => DEFAULT_CASES,
    };
    println!("fuzzing the import parser and the saved-state loader: {cases} cases per target");
    let started = Instant::now();
    let status = Command::new("cargo")
        .args([
            "test",
            "--release",
            "--package",
            "persist",
            "--test",
            "fuzz",
        ])
        .env("FUZZ_CASES", cases.to_string())
        .current_dir(project_root())
        .status()?;
    println!("fuzzing took {:.0} s", started.elapsed().as_secs_f64());
    if !status.success() {
        bail!("a fuzz target failed; proptest printed the smallest input that fails");
    }
    Ok(())
}
