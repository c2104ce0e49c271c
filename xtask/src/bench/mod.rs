//! `cargo xtask bench`: how costs grow with the learner's log and the catalogue, written into
//! BENCHMARKS.md between markers so a re-run replaces its own section.
//!
//! It measures, natively with the engine: parsing the stored records plus replaying them (what
//! the app does on load) and planning a session, for 1k, 10k and 100k reviews; the bytes the
//! storage layer writes for those logs, with the bundled content's real item ids and event ids in
//! the app's own format (ids are most of a record's bytes); a fit of personal parameters on 25,000 reviews; and the
//! shell's size with the 3 bundled modules and with 50 more. Timings need an optimised build, so
//! when run from the usual debug `cargo xtask` it re-runs itself under the `bench` profile.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use engine::parameters::fit_parameters;
use engine::synthetic::{PlanWorkload, benchmark_log, plan_workload};
use engine::{EventId, LearnerState, ReviewEvent, ReviewLog, Scheduler, plan, replay};

use crate::{bundle, project_root, shell_scaling, size, tools};

mod realistic;
mod report;

use realistic::{as_the_app_writes_it, bundled_item_ids};
use report::{render, write_section};

/// Reviews per item in the simulated logs (10,000 items for 100,000 reviews, as the issue says).
const REVIEWS_PER_ITEM: usize = 10;

/// One row of the scale table.
#[derive(Debug)]
struct ScaleRow {
    reviews: usize,
    items: usize,
    parse_ms: f64,
    replay_ms: f64,
    plan_ms: f64,
    queued: usize,
    apply_ms: f64,
    copy_ms: f64,
    stored_bytes: usize,
    export_bytes: usize,
}

/// The shell's size for one content root.
#[derive(Debug)]
struct ShellSize {
    modules: usize,
    /// Shell files (outside `content/`) whose size differs from the first build's.
    changed: Vec<String>,
    first_screen_brotli: u64,
    shell_raw: u64,
    catalogue_raw: u64,
}

/// `cargo xtask bench [--dist DIR] [--no-shell]`.
pub fn run(args: &[String]) -> Result<()> {
    if cfg!(debug_assertions) {
        return rerun_optimised(args);
    }
    let item_ids = bundled_item_ids()?;
    let rows = [1_000, 10_000, 100_000]
        .into_iter()
        .map(|reviews| scale_row(reviews, &item_ids))
        .collect::<Vec<_>>();
    let fit_ms = fit_time_ms();
    let shells = if args.iter().any(|arg| arg == "--no-shell") {
        Vec::new()
    } else {
        shell_sizes(crate::flag_value(args, "--dist").map(PathBuf::from))?
    };
    let section = render(&rows, item_ids.len(), fit_ms, &shells)?;
    println!("{section}");
    write_section(&project_root().join("BENCHMARKS.md"), &section)?;
    println!("xtask bench: BENCHMARKS.md updated");
    Ok(())
}

/// Builds and runs this same command under the `bench` profile (opt-level 3), since timings of
/// a debug build would say nothing about a phone.
fn rerun_optimised(args: &[String]) -> Result<()> {
    eprintln!("xtask bench: building xtask with the bench profile for honest timings");
    tools::run(
        Command::new("cargo")
            .args([
                "run",
                "--quiet",
                "--profile",
                "bench",
                "--package",
                "xtask",
                "--",
                "bench",
            ])
            .args(args)
            .current_dir(project_root()),
    )
}

/// The median of `runs` timings of `work`, in milliseconds.
fn median_ms(runs: usize, mut work: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed().as_secs_f64() * 1_000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

/// More runs for small logs, fewer for large, so each row takes about a second.
fn runs_for(reviews: usize) -> usize {
    (2_000_000 / reviews).clamp(11, 101)
}

fn scale_row(reviews: usize, item_ids: &[String]) -> ScaleRow {
    let items = reviews / REVIEWS_PER_ITEM;
    let log = benchmark_log(items, reviews);
    let scheduler = Scheduler::default();
    let stored_log = as_the_app_writes_it(&log, item_ids);
    // The storage layer keeps one IndexedDB record per event: key = event id, value = its JSON.
    let records: Vec<(String, String)> = stored_log
        .events()
        .iter()
        .map(|event| {
            let text = serde_json::to_string(event).expect("events serialise");
            (event.id.0.clone(), text)
        })
        .collect();
    let stored_bytes = records
        .iter()
        .map(|(key, text)| key.len() + text.len())
        .sum();
    let export_bytes =
        persist::ExportFile::new(&stored_log, &persist::AppSettings::default(), vec![], 0)
            .to_json()
            .len();
    let runs = runs_for(reviews);
    let parse_ms = median_ms(runs, || {
        let events: Vec<ReviewEvent> = records
            .iter()
            .map(|(_, text)| serde_json::from_str(text).expect("stored events parse"))
            .collect();
        std::hint::black_box(ReviewLog::from_events(events));
    });
    let replay_ms = median_ms(runs, || {
        std::hint::black_box(replay(&log, &scheduler).expect("simulated logs replay"));
    });
    let state = replay(&log, &scheduler).expect("simulated logs replay");
    let PlanWorkload {
        catalogue,
        settings,
        now_ms: now,
    } = plan_workload(items, &log);
    let queued = plan(&state, &catalogue, &settings, &scheduler, now, 7)
        .queue
        .len();
    let plan_ms = median_ms(runs.max(51), || {
        std::hint::black_box(plan(&state, &catalogue, &settings, &scheduler, now, 7));
    });
    let (apply_ms, copy_ms) = answer_costs(&log, &state, &scheduler, runs);
    eprintln!("xtask bench: {reviews} reviews measured");
    ScaleRow {
        reviews,
        items,
        parse_ms,
        replay_ms,
        plan_ms,
        queued,
        apply_ms,
        copy_ms,
        stored_bytes,
        export_bytes,
    }
}

/// What one more answer costs the engine (one FSRS step into the learner state), and what a copy
/// of the whole log and learner state costs (what an app state that clones them per answer pays).
fn answer_costs(
    log: &ReviewLog,
    state: &LearnerState,
    scheduler: &Scheduler,
    runs: usize,
) -> (f64, f64) {
    let mut next = log
        .events()
        .last()
        .cloned()
        .expect("simulated logs have events");
    next.id = EventId::new("bench:next");
    next.at_ms += 86_400_000;
    let mut copies: Vec<LearnerState> = (0..runs).map(|_| state.clone()).collect();
    let mut times: Vec<f64> = copies
        .iter_mut()
        .map(|copy| {
            let started = Instant::now();
            copy.apply(scheduler, &next)
                .expect("the next review applies");
            started.elapsed().as_secs_f64() * 1_000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let copy_ms = median_ms(runs, || {
        std::hint::black_box((log.clone(), state.clone()));
    });
    (times[runs / 2], copy_ms)
}

/// A fit on the same 25,000-review workload as `cargo bench -p engine`.
fn fit_time_ms() -> f64 {
    let log = benchmark_log(2_500, 25_000);
    median_ms(5, || {
        std::hint::black_box(fit_parameters(&log, &[]).expect("simulated logs fit"));
    })
}

/// The shell with the bundled modules (built into `target/bench/dist` unless `--dist` names a
/// built bundle) and with 50 more (the shell-scaling check's build).
fn shell_sizes(dist: Option<PathBuf>) -> Result<Vec<ShellSize>> {
    let normal = match dist {
        Some(dist) => dist,
        None => {
            let options = bundle::BuildOptions {
                dist_dir: project_root().join("target/bench/dist"),
                ..bundle::BuildOptions::default()
            };
            bundle::build(&options)?;
            options.dist_dir
        }
    };
    // The check builds the 50-module bundle; its verdict is printed, and the table shows sizes
    // either way (a failed comparison is what the table should then explain).
    if let Err(error) = shell_scaling::check(&normal) {
        eprintln!("xtask bench: the shell-scaling check failed: {error:#}");
    }
    let scaled = project_root().join("target/shell-scaling/dist");
    let first = shell_size(&normal, bundled_module_count()?, &[])?;
    let files = size::measure(&normal)?;
    let more = shell_size(
        &scaled,
        bundled_module_count()? + shell_scaling::EXTRA_MODULES,
        &files,
    )?;
    Ok(vec![first, more])
}

fn bundled_module_count() -> Result<usize> {
    let site = std::fs::read_to_string(project_root().join("content/site.toml"))
        .context("content/site.toml")?;
    let line = site
        .lines()
        .find(|line| line.trim_start().starts_with("modules"))
        .context("site.toml lists no modules")?;
    Ok(line.matches('"').count() / 2)
}

fn shell_size(dist: &Path, modules: usize, baseline: &[size::FileSize]) -> Result<ShellSize> {
    let files = size::measure(dist)?;
    let changed = files
        .iter()
        .filter(|file| !file.path.starts_with("content/") && !baseline.is_empty())
        .filter(|file| {
            !baseline
                .iter()
                .any(|base| base.path == file.path && base.raw == file.raw)
        })
        .map(|file| file.path.clone())
        .collect();
    let first_screen_brotli = files
        .iter()
        .filter(|file| size::is_first_screen(&file.path))
        .map(|file| file.brotli)
        .sum();
    let shell_raw = files
        .iter()
        .filter(|file| !file.path.starts_with("content/"))
        .map(|file| file.raw)
        .sum();
    let catalogue_raw = files
        .iter()
        .find(|file| file.path == "content/catalogue.json")
        .map_or(0, |file| file.raw);
    Ok(ShellSize {
        modules,
        changed,
        first_screen_brotli,
        shell_raw,
        catalogue_raw,
    })
}

/// Facts about this machine that explain the figures.
fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, usize::from);
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split(':').nth(1))
                .map(|name| name.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into());
    let rustc = command_output("rustc", &["--version"]);
    let date = command_output("date", &["-u", "+%Y-%m-%d %H:%M UTC"]);
    format!(
        "{cpus} logical CPUs ({model}), load average {load} while measuring; {rustc}; measured {date}"
    )
}

fn command_output(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_string())
        .unwrap_or_else(|| format!("{program} unavailable"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_shrink_as_logs_grow() {
        assert_eq!(runs_for(1_000), 101);
        assert_eq!(runs_for(100_000), 20);
    }

    #[test]
    fn the_stored_log_has_real_ids_and_keeps_every_event() {
        let log = benchmark_log(30, 300);
        let real = [
            "cyber.phishing.a".to_string(),
            "nhs-app.login.b".to_string(),
        ];
        let stored = as_the_app_writes_it(&log, &real);
        assert_eq!(stored.len(), log.len());
        assert!(
            stored
                .events()
                .iter()
                .all(|event| real.contains(&event.item_id.0))
        );
        let first = &stored.events()[0];
        assert!(
            first
                .id
                .0
                .starts_with(&format!("d5f3a9c01b7e24d68:{}:", first.at_ms)),
            "{}",
            first.id.0
        );
    }

    #[test]
    fn the_bundled_content_has_item_ids() {
        let ids = bundled_item_ids().expect("content/ loads");
        assert!(ids.len() > 100, "{}", ids.len());
        assert!(ids.iter().all(|id| !id.is_empty()));
    }
}
