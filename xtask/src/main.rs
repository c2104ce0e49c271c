//! `cargo xtask <verb>`: the project's commands (build, serve, test, size, content, replay).

mod content_cmd;
mod replay;

use anyhow::{Result, bail};

const USAGE: &str = "usage: cargo xtask <verb>

verbs:
  serve             install missing tools, build the release bundle into dist/ and serve it
  test              the whole suite: fmt, clippy, native, wasm and browser tests, budgets
  build             build the release bundle into dist/
  size              print every file in dist/ with raw, gzip and brotli sizes
  dev               trunk serve with live reload (developer convenience)
  content check     validate content/ and report every problem
  content stats     lessons, items, minutes and sources per module [--json]
  replay FILE.csv   evaluate the engine's predictions on a review history";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(verb) = args.first() else {
        println!("{USAGE}");
        return Ok(());
    };
    let rest = &args[1..];
    match verb.as_str() {
        "content" => content_cmd::run(rest),
        "replay" => replay::run(rest),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown verb `{other}`\n\n{USAGE}"),
    }
}
