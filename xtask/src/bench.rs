//! `cargo xtask bench`: how costs grow with the learner's log and the catalogue, written into
//! BENCHMARKS.md between markers so a re-run replaces its own section.
//!
//! It measures, natively with the engine: parsing the stored records plus replaying them (what
//! the app does on load) and planning a session, for 1k, 10k and 100k reviews; the bytes the
//! storage layer writes for those logs; a fit of personal parameters on 25,000 reviews; and the
//! shell's size with the 3 bundled modules and with 50 more. Timings need an optimised build, so
//! when run from the usual debug `cargo xtask` it re-runs itself under the `bench` profile.

use anyhow::{Context, Result, bail};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use engine::parameters::fit_parameters;
use engine::synthetic::{PlanWorkload, benchmark_log, plan_workload};
use engine::{EventId, LearnerState, ReviewEvent, ReviewLog, Scheduler, plan, replay};

use crate::{bundle, project_root, shell_scaling, size, tools};

const BEGIN: &str = "<!-- cargo xtask bench: begin (generated; re-run the command to replace) -->";
const END: &str = "<!-- cargo xtask bench: end -->";
/// The engine benchmarks' first study day, so the workloads match `cargo bench -p engine`.
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
    let rows = [1_000, 10_000, 100_000]
        .into_iter()
        .map(scale_row)
        .collect::<Vec<_>>();
    let fit_ms = fit_time_ms();
    let shells = if args.iter().any(|arg| arg == "--no-shell") {
        Vec::new()
    } else {
        shell_sizes(crate::flag_value(args, "--dist").map(PathBuf::from))?
    };
    let section = render(&rows, fit_ms, &shells)?;
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

fn scale_row(reviews: usize) -> ScaleRow {
    let items = reviews / REVIEWS_PER_ITEM;
    let log = benchmark_log(items, reviews);
    let scheduler = Scheduler::default();
    // The storage layer keeps one IndexedDB record per event: key = event id, value = its JSON.
    let records: Vec<(String, String)> = log
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
    let export_bytes = persist::ExportFile::new(&log, &persist::AppSettings::default(), vec![], 0)
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

/// 100000 as "100,000".
fn thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// The generated section, markers included.
fn render(rows: &[ScaleRow], fit_ms: f64, shells: &[ShellSize]) -> Result<String> {
    let mut out = String::new();
    writeln!(out, "{BEGIN}")?;
    writeln!(out, "## Scale (`cargo xtask bench`)\n")?;
    writeln!(out, "Machine: {}.\n", machine())?;
    writeln!(
        out,
        "Native engine, `bench` profile (opt-level 3), median of repeated runs on simulated learners \
         (`engine::synthetic`, seed 1, {REVIEWS_PER_ITEM} reviews per item). *Load* is what the app does \
         on start: parse every stored record, then replay the log into memory states. *Stored* is the \
         JSON text `src/storage` writes (one IndexedDB record per event: key plus value); *export* is \
         the pretty-printed export file. *One answer: apply* is the engine's work to take one more review \
         into the learner state; *copy of log and state* is what cloning both costs, which an app state \
         that copies them on every answer pays on top.\n"
    )?;
    writeln!(
        out,
        "| reviews | items | load: parse | load: replay | plan a session | queued | one answer: apply | copy of log and state | stored | export |"
    )?;
    writeln!(
        out,
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )?;
    for row in rows {
        writeln!(
            out,
            "| {} | {} | {:.2} ms | {:.2} ms | {:.3} ms | {} | {:.4} ms | {:.2} ms | {} | {} |",
            thousands(row.reviews),
            thousands(row.items),
            row.parse_ms,
            row.replay_ms,
            row.plan_ms,
            row.queued,
            row.apply_ms,
            row.copy_ms,
            mb(row.stored_bytes),
            mb(row.export_bytes)
        )?;
    }
    writeln!(out)?;
    if !shells.is_empty() {
        writeln!(
            out,
            "Shell: the release bundle (`cargo xtask build`); the first screen is what `cargo xtask size` \
             marks `*`, brotli-compressed; the shell is every file outside `content/`, raw.\n"
        )?;
        writeln!(
            out,
            "| modules | first screen (brotli) | shell (raw) | catalogue (raw) | shell files that changed |"
        )?;
        writeln!(out, "| ---: | ---: | ---: | ---: | --- |")?;
        for shell in shells {
            let changed = if shell.changed.is_empty() {
                "none".to_string()
            } else {
                shell.changed.join(", ")
            };
            writeln!(
                out,
                "| {} | {} | {} | {} | {changed} |",
                shell.modules,
                kb(shell.first_screen_brotli),
                kb(shell.shell_raw),
                kb(shell.catalogue_raw)
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "Anchors, side by side:\n")?;
    writeln!(out, "| what | Microlearn | anchor |")?;
    writeln!(out, "| --- | --- | --- |")?;
    writeln!(
        out,
        "| fit personal parameters, about 25,000 reviews | {fit_ms:.0} ms native (25,000 reviews; the \
         browser figure, in the optimiser worker, is below) | fsrs-browser: 3.5 s for 24,394 reviews |"
    )?;
    if let Some(shell) = shells.first() {
        writeln!(
            out,
            "| first load | {} brotli for the first screen | a typical web learning platform: several \
             megabytes |",
            kb(shell.first_screen_brotli)
        )?;
    }
    writeln!(
        out,
        "\nCommands: `cargo xtask bench` (this section; `--dist DIR` reuses a built bundle, `--no-shell` \
         skips the two bundle builds); `cargo bench -p engine` (criterion, above)."
    )?;
    write!(out, "{END}")?;
    Ok(out)
}

/// Replaces the text between the markers, or appends the section when they are missing.
fn write_section(path: &Path, section: &str) -> Result<()> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    let updated = replace_section(&text, section)?;
    std::fs::write(path, updated)?;
    Ok(())
}

fn replace_section(text: &str, section: &str) -> Result<String> {
    match (text.find(BEGIN), text.find(END)) {
        (Some(begin), Some(end)) if begin < end => Ok(format!(
            "{}{section}{}",
            &text[..begin],
            &text[end + END.len()..]
        )),
        (None, None) => Ok(format!("{}\n\n{section}\n", text.trim_end())),
        _ => bail!("BENCHMARKS.md has a broken `cargo xtask bench` marker pair; fix it by hand"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rerun_replaces_only_its_own_section() {
        let first = replace_section(
            "# Benchmarks\n\nhand-written\n",
            &format!("{BEGIN}\nold\n{END}"),
        )
        .expect("appended");
        let second = replace_section(&format!("{first}after\n"), &format!("{BEGIN}\nnew\n{END}"))
            .expect("replaced");
        assert_eq!(
            second,
            format!("# Benchmarks\n\nhand-written\n\n{BEGIN}\nnew\n{END}\nafter\n")
        );
    }

    #[test]
    fn a_broken_marker_pair_is_refused() {
        assert!(replace_section(&format!("{END} then {BEGIN}"), "x").is_err());
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(
            [thousands(100), thousands(1_000), thousands(100_000)],
            ["100", "1,000", "100,000"]
        );
    }

    #[test]
    fn runs_shrink_as_logs_grow() {
        assert_eq!(runs_for(1_000), 101);
        assert_eq!(runs_for(100_000), 20);
    }
}
