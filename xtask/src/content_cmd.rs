//! `cargo xtask content check|stats`: validate content and summarise modules.

use anyhow::{Result, bail};

pub fn run(_args: &[String]) -> Result<()> {
    bail!("content commands are being built (issue 4)")
}
