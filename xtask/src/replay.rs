//! `cargo xtask replay FILE.csv`: evaluate the engine's predictions on a review history.

use anyhow::{Result, bail};

pub fn run(_args: &[String]) -> Result<()> {
    bail!("replay is being built (issue 3)")
}
