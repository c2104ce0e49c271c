//! `cargo xtask test`: the whole suite, ending with one line `N passed, N failed`.
//!
//! Order: formatting and lints, native tests, wasm tests in headless Chromium, the release build,
//! the size budget, then Playwright end-to-end tests against the built bundle served locally.
//! Every test counts once; a step that is a single check (fmt, clippy, build, budget) counts as one.

use anyhow::Result;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::{bundle, project_root, serve, shell_scaling, size, tools};

/// The running count of passed and failed tests, with the names of failed steps.
#[derive(Debug, Default)]
struct Tally {
    passed: u64,
    failed: u64,
    failed_steps: Vec<String>,
}

impl Tally {
    fn check(&mut self, name: &str, result: Result<()>) {
        match result {
            Ok(()) => self.passed += 1,
            Err(error) => {
                eprintln!("xtask test: {name} failed: {error:#}");
                self.fail(name);
            }
        }
    }

    fn fail(&mut self, name: &str) {
        self.failed += 1;
        self.failed_steps.push(name.to_string());
    }

    /// Adds a test runner's counts; a runner that failed without reporting a failure still fails.
    fn add_counts(&mut self, name: &str, succeeded: bool, counts: Counts) {
        self.passed += counts.passed;
        self.failed += counts.failed;
        if counts.failed > 0 || !succeeded {
            if counts.failed == 0 {
                self.failed += 1;
            }
            self.failed_steps.push(name.to_string());
        }
    }
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Counts {
    passed: u64,
    failed: u64,
}

/// Sums libtest's `test result: ok. 12 passed; 0 failed; ...` lines (also printed by
/// wasm-bindgen-test-runner).
fn parse_libtest(output: &str) -> Counts {
    let mut counts = Counts::default();
    for line in output
        .lines()
        .filter(|line| line.starts_with("test result:"))
    {
        counts.passed += number_before(line, " passed");
        counts.failed += number_before(line, " failed");
    }
    counts
}

fn number_before(line: &str, label: &str) -> u64 {
    line.find(label)
        .and_then(|end| line[..end].rsplit([' ', '.']).next())
        .and_then(|digits| digits.trim().parse().ok())
        .unwrap_or(0)
}

/// Runs a command, echoing its standard output while keeping a copy to count results from.
fn run_capturing(command: &mut Command) -> (bool, String) {
    let Ok(mut child) = command.stdout(Stdio::piped()).spawn() else {
        eprintln!("xtask test: could not start {command:?}");
        return (false, String::new());
    };
    let mut captured = String::new();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            captured.push_str(&line);
            captured.push('\n');
        }
    }
    let succeeded = child.wait().is_ok_and(|status| status.success());
    (succeeded, captured)
}

fn cargo() -> Command {
    let mut command = Command::new("cargo");
    command.current_dir(project_root());
    command
}

fn heading(title: &str) {
    println!("\n==== {title} ====");
}

pub fn run(_args: &[String]) -> Result<()> {
    tools::ensure_rust_tools()?;
    tools::ensure_npm_packages()?;
    tools::ensure_chromium()?;
    let mut tally = Tally::default();

    heading("cargo fmt --check");
    tally.check(
        "fmt",
        tools::run(cargo().args(["fmt", "--all", "--", "--check"])),
    );
    heading("cargo clippy");
    tally.check(
        "clippy",
        tools::run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])),
    );

    heading("native tests");
    let (succeeded, output) = run_capturing(cargo().args(["test", "--workspace"]));
    tally.add_counts("native tests", succeeded, parse_libtest(&output));

    heading("wasm tests in headless Chromium");
    let (succeeded, output) = run_capturing(&mut wasm_test_command());
    tally.add_counts("wasm tests", succeeded, parse_libtest(&output));

    heading("release build");
    let options = bundle::BuildOptions::default();
    let built = bundle::build(&options);
    let built_ok = built.is_ok();
    tally.check("build", built);
    if built_ok {
        heading("size budget");
        tally.check("size budget", size::check_budget(&options.dist_dir));
        heading("shell size with 50 more modules");
        tally.check("shell scaling", shell_scaling::check(&options.dist_dir));
        match serve::start(serve::ServeOptions::new(
            options.dist_dir.clone(),
            "127.0.0.1:0",
        )) {
            Ok(server) => {
                heading("end-to-end tests (Playwright, headless Chromium)");
                run_end_to_end(&mut tally, &server.url);
                heading("Lighthouse, mobile settings (median of 3 runs)");
                tally.check("lighthouse", run_lighthouse(&server.url));
            }
            Err(error) => tally.check("test server", Err(error)),
        }
    } else {
        tally.fail("end-to-end tests (no bundle)");
    }

    println!();
    if !tally.failed_steps.is_empty() {
        println!("failed: {}", tally.failed_steps.join(", "));
    }
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if tally.failed > 0 {
        std::process::exit(1);
    }
    Ok(())
}

/// wasm-bindgen tests run in headless Chromium through ChromeDriver; `webdriver.json` at the
/// project root passes the flags this machine needs.
fn wasm_test_command() -> Command {
    let mut command = cargo();
    command
        .args([
            "test",
            "--package",
            "microlearn",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "web",
            "--test",
            "storage_web",
        ])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    command
}

fn run_end_to_end(tally: &mut Tally, base_url: &str) {
    let report = project_root().join("target/playwright-report.json");
    let _ = std::fs::remove_file(&report);
    let (succeeded, _) = run_capturing(
        Command::new(tools::npm_bin().join("playwright"))
            .args(["test", "--config", "tests/e2e/playwright.config.mjs"])
            .current_dir(project_root())
            .env("BASE_URL", base_url)
            // The folder behind BASE_URL, for specs that copy the bundle to serve it elsewhere.
            .env("DIST_DIR", bundle::BuildOptions::default().dist_dir)
            .env("PLAYWRIGHT_JSON_OUTPUT_NAME", &report),
    );
    let counts = std::fs::read_to_string(&report)
        .map(|json| parse_playwright(&json))
        .unwrap_or_default();
    tally.add_counts("end-to-end tests", succeeded, counts);
}

/// Lighthouse against the served bundle; the script prints the figures and judges the budgets.
fn run_lighthouse(base_url: &str) -> Result<()> {
    tools::run(
        Command::new("node")
            .arg("tests/perf/lighthouse.mjs")
            .arg(base_url)
            .arg(project_root().join("target/lighthouse.json"))
            .current_dir(project_root())
            .env("CHROME_PATH", "/usr/bin/chromium"),
    )
}

/// Reads the `stats` of Playwright's JSON report: `expected` passed, `unexpected` and `flaky` failed
/// (a flaky test hides a real problem, so it does not count as a pass).
fn parse_playwright(json: &str) -> Counts {
    let Ok(report) = serde_json::from_str::<serde_json::Value>(json) else {
        return Counts::default();
    };
    let stat = |key: &str| report["stats"][key].as_u64().unwrap_or(0);
    Counts {
        passed: stat("expected"),
        failed: stat("unexpected") + stat("flaky"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libtest_lines_are_summed() {
        let output = "running 3 tests\n\
            test result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s\n\
            test result: FAILED. 5 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out\n";
        assert_eq!(
            parse_libtest(output),
            Counts {
                passed: 8,
                failed: 2
            }
        );
    }

    #[test]
    fn playwright_stats_are_read() {
        let json = r#"{"stats":{"expected":4,"unexpected":1,"flaky":1,"skipped":0}}"#;
        assert_eq!(
            parse_playwright(json),
            Counts {
                passed: 4,
                failed: 2
            }
        );
    }

    #[test]
    fn a_runner_that_fails_without_counts_still_fails() {
        let mut tally = Tally::default();
        tally.add_counts("native tests", false, Counts::default());
        assert_eq!((tally.passed, tally.failed), (0, 1));
    }
}
