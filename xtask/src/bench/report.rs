//! The generated BENCHMARKS.md section: the tables as Markdown, and replacing the section
//! between its markers so hand-written text around it stays.

use anyhow::{Context, Result, bail};
use std::fmt::Write as _;
use std::path::Path;

use super::{REVIEWS_PER_ITEM, ScaleRow, ShellSize, machine};

const BEGIN: &str = "<!-- cargo xtask bench: begin (generated; re-run the command to replace) -->";
const END: &str = "<!-- cargo xtask bench: end -->";

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

/// A total in MB with the bytes per review, e.g. "16.5 MB (173 B)".
fn per_review(bytes: usize, reviews: usize) -> String {
    format!("{} ({} B)", mb(bytes), bytes / reviews.max(1))
}

/// The generated section, markers included.
pub(super) fn render(
    rows: &[ScaleRow],
    real_items: usize,
    fit_ms: f64,
    shells: &[ShellSize],
) -> Result<String> {
    let mut out = String::new();
    writeln!(out, "{BEGIN}")?;
    writeln!(out, "## Scale (`cargo xtask bench`)\n")?;
    writeln!(out, "Machine: {}.\n", machine())?;
    writeln!(
        out,
        "Native engine, `bench` profile (opt-level 3), median of repeated runs on simulated learners \
         (`engine::synthetic`, seed 1, {REVIEWS_PER_ITEM} reviews per item). *Load* is what the app does \
         on start: parse every stored record, then replay the log into memory states. *Stored* is the \
         JSON text `src/storage` writes (one IndexedDB record per event: key plus value) and *export* \
         the pretty-printed export file, both with ids as the app writes them: the {} item ids of the \
         bundled content (taken in turn) and event ids in the app's format \
         (`d<16 hex>:<time>:<token>`), since ids are most of a record; per review in brackets. \
         *One answer: apply* is the engine's work to take one more review \
         into the learner state; *copy of log and state* is what cloning both costs, which an app state \
         that copies them on every answer pays on top.\n",
        thousands(real_items)
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
            per_review(row.stored_bytes, row.reviews),
            per_review(row.export_bytes, row.reviews)
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
         browser figure, in the optimiser worker, is in the section above) | fsrs-browser: 3.5 s for 24,394 reviews |"
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
pub(super) fn write_section(path: &Path, section: &str) -> Result<()> {
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
}
