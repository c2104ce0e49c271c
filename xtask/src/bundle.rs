//! `cargo xtask build`: the release bundle in `dist/` (styles, trunk, content, loader, checks).

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{content_cmd, project_root, tools};

/// Where the build reads content from and writes the bundle to.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub content_dir: PathBuf,
    pub dist_dir: PathBuf,
}

impl Default for BuildOptions {
    fn default() -> Self {
        let root = project_root();
        Self {
            content_dir: root.join("content"),
            dist_dir: root.join("dist"),
        }
    }
}

impl BuildOptions {
    /// Reads `--content DIR` and `--dist DIR` from the command line.
    pub fn from_args(args: &[String]) -> Self {
        let mut options = Self::default();
        if let Some(dir) = crate::flag_value(args, "--content") {
            options.content_dir = PathBuf::from(dir);
        }
        if let Some(dir) = crate::flag_value(args, "--dist") {
            options.dist_dir = PathBuf::from(dir);
        }
        options
    }
}

/// Installs what is missing, then builds the whole bundle.
pub fn build(options: &BuildOptions) -> Result<()> {
    // First: invalid content refuses the build with the checker's messages, before any tool
    // runs and before `dist/` is touched.
    let content = content_cmd::compile(&options.content_dir)?;
    tools::ensure_rust_tools()?;
    tools::ensure_npm_packages()?;
    compile_styles()?;
    run_trunk(&options.dist_dir)?;
    drop_stray_worker_snippets(&options.dist_dir)?;
    let split = crate::split::split_app(&options.dist_dir)?;
    eprintln!(
        "xtask: split the app's wasm: first screen {} bytes; later {:?}",
        split.main_bytes, split.later_files
    );
    crate::loader::write_loader(&options.dist_dir)?;
    crate::minify::minify_first_screen_scripts(&options.dist_dir)?;
    content_cmd::write_compiled(
        &content,
        &options.content_dir,
        &options.dist_dir.join("content"),
    )?;
    // Last: the service worker's precache list names every other file with its final bytes.
    crate::pwa::generate(&options.dist_dir)?;
    eprintln!("xtask: built {}", options.dist_dir.display());
    Ok(())
}

/// Compiles the Sass entry point (nhsuk-frontend plus the app's rules) to the CSS trunk bundles.
fn compile_styles() -> Result<()> {
    let root = project_root();
    let out = root.join("target/styles/app.css");
    std::fs::create_dir_all(out.parent().expect("a parent folder"))?;
    tools::run(
        Command::new(tools::npm_bin().join("sass"))
            .args([
                "--load-path=node_modules",
                "--style=compressed",
                "--no-source-map",
            ])
            .arg(root.join("styles/main.scss"))
            .arg(&out)
            .current_dir(&root),
    )?;
    purge_unused_styles(&out)?;
    rewrite_costly_selectors(&out)
}

/// Drops the rules no screen can use (PurgeCSS, configured in `styles/purgecss.config.cjs`),
/// keeping the full stylesheet beside it for the check that the two style every screen alike.
fn purge_unused_styles(css: &Path) -> Result<()> {
    let root = project_root();
    let full = css.with_file_name("app.full.css");
    std::fs::copy(css, &full)?;
    let purged_dir = root.join("target/styles/purged");
    tools::run(
        Command::new(tools::npm_bin().join("purgecss"))
            .arg("--config")
            .arg(root.join("styles/purgecss.config.cjs"))
            .arg("--css")
            .arg(&full)
            .arg("--output")
            .arg(&purged_dir)
            .current_dir(&root),
    )?;
    std::fs::rename(purged_dir.join("app.full.css"), css).context("PurgeCSS wrote no stylesheet")
}

/// Rewrites the shipped stylesheet's selectors that made every change restyle the whole screen
/// (`selectors.rs`). The full stylesheet beside it keeps nhsuk-frontend's own selectors, so the
/// check that both style every screen alike also checks the rewrite.
fn rewrite_costly_selectors(css: &Path) -> Result<()> {
    let full = std::fs::read_to_string(css.with_file_name("app.full.css"))?;
    let shipped = std::fs::read_to_string(css)?;
    std::fs::write(
        css,
        crate::selectors::cheapen_invalidation(&shipped, &full)?,
    )?;
    Ok(())
}

fn run_trunk(dist_dir: &Path) -> Result<()> {
    tools::run(
        Command::new("trunk")
            .args(["build", "--release", "--offline", "--dist"])
            .arg(dist_dir)
            .current_dir(project_root())
            .env("PATH", tools::path_with_npm_bin())
            // The app's later screens go into their own wasm module (build.rs, src/split.rs).
            .env("MICROLEARN_SPLIT", "1"),
    )
}

/// Removes `workers/snippets/`, which the worker never uses but sometimes receives.
///
/// Trunk runs both rust pipelines through one wasm-bindgen output folder
/// (`target/wasm-bindgen/release/`) and copies its `snippets/` folder with each crate. Whether the
/// app's snippets are there when the worker's pipeline copies depends on which finishes first, so
/// without this step two builds of the same sources could differ by a file (and the service worker
/// would precache it). The worker's glue is `no-modules` and cannot import snippets; that is checked
/// here, so a worker that one day needs them fails the build instead of losing them.
fn drop_stray_worker_snippets(dist_dir: &Path) -> Result<()> {
    let workers = dist_dir.join("workers");
    let snippets = workers.join("snippets");
    if !snippets.exists() {
        return Ok(());
    }
    for entry in std::fs::read_dir(&workers)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "js")
            && std::fs::read_to_string(&path)?.contains("snippets/")
        {
            bail!(
                "{} imports a snippet; keep workers/snippets",
                path.display()
            );
        }
    }
    std::fs::remove_dir_all(&snippets).with_context(|| format!("removing {}", snippets.display()))
}

/// A small stable hash for file names (not for security).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every invalid-content fixture of the content crate stops the build with the messages the
    /// checker prints for it, and the build writes nothing.
    #[test]
    fn the_build_refuses_invalid_content_with_the_checkers_messages() {
        let fixtures = project_root().join("crates/content/tests/fixtures/invalid");
        let dist_dir =
            std::env::temp_dir().join(format!("microlearn-refused-{}", std::process::id()));
        let mut cases = 0;
        for entry in std::fs::read_dir(&fixtures).unwrap() {
            let content_dir = entry.unwrap().path();
            let expected = std::fs::read_to_string(content_dir.join("expected.txt")).unwrap();
            let options = BuildOptions {
                content_dir: content_dir.clone(),
                dist_dir: dist_dir.clone(),
            };
            let message = format!(
                "{:#}",
                build(&options).expect_err("invalid content is refused")
            );
            // The build names files by their path on disk; the fixtures relative to themselves.
            let message = message.replace(&format!("{}/", content_dir.display()), "");
            assert!(message.starts_with("content is not valid:\n"), "{message}");
            for line in expected.lines() {
                assert!(
                    message.contains(line),
                    "{}: the build's message lacks `{line}`:\n{message}",
                    content_dir.display()
                );
            }
            assert!(
                !dist_dir.exists(),
                "a refused build wrote {}",
                dist_dir.display()
            );
            cases += 1;
        }
        assert!(cases >= 20, "only {cases} fixtures found");
    }
}
