//! `cargo xtask <verb>`: the project's commands (build, serve, test, size, content, replay).

mod bench;
mod bundle;
mod compress;
mod content_cmd;
#[cfg(test)]
mod deploy_docs;
mod fuzz;
mod http;
mod loader;
mod minify;
mod nginx;
mod pwa;
mod replay;
mod scorm;
mod selectors;
mod serve;
mod shell_scaling;
mod size;
mod split;
mod test_suite;
mod tools;

use anyhow::{Result, bail};
use std::path::PathBuf;

const USAGE: &str = "usage: cargo xtask <verb>

verbs:
  serve             install missing tools, build the release bundle into dist/ and serve it
                    [--port N] [--dist DIR] [--content DIR] [--frame-ancestors SRC] [--no-build]
  test              the whole suite: fmt, clippy, native, wasm and browser tests, budgets
  build             build the release bundle into dist/
  size              print every file in dist/ with raw, gzip and brotli sizes
  dev               trunk serve with live reload (developer convenience)
  content check     validate content/ and report every problem
  content stats     lessons, items, minutes and sources per module [--json]
  replay FILE.csv   evaluate the engine's predictions on a review history
  fuzz              long fuzz run of the import parser and saved-data loader [--cases N]
  pwa --dist DIR    rewrite the manifest, icons and service worker of a built bundle
  scorm             build a SCORM 1.2 package [--module ID] [--content DIR] [--out FILE]
  nginx             serve a built bundle with nginx and the documented config [--dist DIR] [--port N]
  bench             scale table (load, plan, storage, shell size) into BENCHMARKS.md [--dist DIR] [--no-shell]";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(verb) = args.first() else {
        println!("{USAGE}");
        return Ok(());
    };
    let rest = &args[1..];
    match verb.as_str() {
        "serve" => serve::serve(rest),
        "test" => test_suite::run(rest),
        "build" => bundle::build(&bundle::BuildOptions::from_args(rest)),
        "size" => size::run(rest),
        "dev" => dev(),
        "content" => content_cmd::run(rest),
        "replay" => replay::run(rest),
        "fuzz" => fuzz::run(rest),
        "pwa" => pwa::run(rest),
        "scorm" => scorm::run(rest),
        "nginx" => nginx::run(rest),
        "bench" => bench::run(rest),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown verb `{other}`\n\n{USAGE}"),
    }
}

/// The repository root (xtask lives one folder below it).
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits inside the repository")
        .to_path_buf()
}

/// The value after `--flag` on the command line, if given.
pub fn flag_value<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    let position = args.iter().position(|arg| arg == flag)?;
    args.get(position + 1).map(String::as_str)
}

/// `cargo xtask dev`: trunk's live-reloading server, for working on the app.
fn dev() -> Result<()> {
    tools::ensure_rust_tools()?;
    tools::ensure_npm_packages()?;
    tools::run(
        std::process::Command::new("trunk")
            .args(["serve", "--offline", "--port", "8081"])
            .current_dir(project_root())
            .env("PATH", tools::path_with_npm_bin()),
    )
}
