//! Installs the tools the build and tests need, skipping whatever is already present.
//!
//! Every installer is idempotent and non-interactive, so `cargo xtask serve` and `cargo xtask test`
//! work on a fresh machine and start in seconds on a ready one.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::project_root;

/// The wasm-bindgen version pinned in Cargo.toml; the CLI must match it exactly.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
/// Trunk 0.22 needs a newer rustc than this machine has; 0.21.14 builds and works.
pub const TRUNK_VERSION: &str = "0.21.14";

/// Runs a command, failing with its name when it cannot start or exits non-zero.
pub fn run(command: &mut Command) -> Result<()> {
    let status = command
        .status()
        .with_context(|| format!("could not start {command:?}"))?;
    if !status.success() {
        bail!("{command:?} failed with {status}");
    }
    Ok(())
}

/// Returns the first line a command prints, or `None` when it cannot run.
fn version_of(program: &str, flag: &str) -> Option<String> {
    let output = Command::new(program).arg(flag).output().ok()?;
    output.status.success().then(|| {
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    })
}

/// Adds the wasm32 target through rustup unless it is already installed.
pub fn ensure_wasm_target() -> Result<()> {
    let output = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .context("rustup is needed to add the wasm32 target")?;
    if String::from_utf8_lossy(&output.stdout).contains("wasm32-unknown-unknown") {
        return Ok(());
    }
    eprintln!("xtask: adding the wasm32-unknown-unknown target");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// Installs a cargo binary at an exact version unless that version already answers.
fn ensure_cargo_binary(
    binary: &str,
    krate: &str,
    version: &str,
    locked: bool,
    minutes: u32,
) -> Result<()> {
    if version_of(binary, "--version").is_some_and(|line| line.contains(version)) {
        return Ok(());
    }
    eprintln!("xtask: installing {krate} {version} (about {minutes} min, once per machine)");
    let mut command = Command::new("cargo");
    command.args(["install", krate, "--version", version]);
    if locked {
        command.arg("--locked");
    }
    run(&mut command)
}

/// Installs wasm-bindgen-cli matching Cargo.lock and trunk.
pub fn ensure_rust_tools() -> Result<()> {
    ensure_wasm_target()?;
    // `--locked` fails for wasm-bindgen-cli here: its lock names a version the registry no longer serves.
    ensure_cargo_binary(
        "wasm-bindgen",
        "wasm-bindgen-cli",
        WASM_BINDGEN_VERSION,
        false,
        2,
    )?;
    ensure_cargo_binary("trunk", "trunk", TRUNK_VERSION, true, 8)
}

/// Installs the npm packages from package-lock.json unless node_modules already matches it.
pub fn ensure_npm_packages() -> Result<()> {
    let root = project_root();
    let stamp = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    if is_newer_or_same(&stamp, &lock) {
        return Ok(());
    }
    eprintln!("xtask: installing npm packages from package-lock.json");
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&root))
}

fn is_newer_or_same(file: &Path, reference: &Path) -> bool {
    let modified = |path: &Path| {
        std::fs::metadata(path)
            .and_then(|meta| meta.modified())
            .ok()
    };
    match (modified(file), modified(reference)) {
        (Some(file_time), Some(reference_time)) => file_time >= reference_time,
        _ => false,
    }
}

/// The folder holding npm's binaries (wasm-opt from binaryen, playwright, sass).
pub fn npm_bin() -> PathBuf {
    project_root().join("node_modules/.bin")
}

/// PATH with npm's binaries first, so trunk finds the wasm-opt whose version it expects.
pub fn path_with_npm_bin() -> String {
    let current = std::env::var("PATH").unwrap_or_default();
    format!("{}:{current}", npm_bin().display())
}

/// Installs Debian's Chromium and ChromeDriver for the browser tests unless present.
pub fn ensure_chromium() -> Result<()> {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    eprintln!("xtask: installing chromium and chromium-driver from Debian packages");
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args([
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}
