//! `cargo xtask content check|stats`: validate content and summarise modules; `compile` and
//! `write_compiled` are the build step's. File-system walking lives here; the content crate is pure.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use content::{Options, SourceTree};

const USAGE: &str = "usage: cargo xtask content check [PATH]
       cargo xtask content stats [PATH] [--json]

PATH is a content folder holding site.toml (default: content/) or a single module folder.";

pub fn run(args: &[String]) -> Result<()> {
    let (verb, rest) = match args.split_first() {
        Some((verb, rest)) => (verb.as_str(), rest),
        None => bail!("{USAGE}"),
    };
    let json = rest.iter().any(|a| a == "--json");
    let paths: Vec<&String> = rest.iter().filter(|a| !a.starts_with("--")).collect();
    if paths.len() > 1 || rest.iter().any(|a| a.starts_with("--") && a != "--json") {
        bail!("{USAGE}");
    }
    let path = paths
        .first()
        .map_or_else(default_content_dir, PathBuf::from);
    match verb {
        "check" if !json => check(&path),
        "stats" => stats(&path, json),
        _ => bail!("{USAGE}"),
    }
}

/// `content/` at the workspace root, wherever the command is run from.
fn default_content_dir() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap_or(Path::new("."));
    let content = workspace.join("content");
    // Messages read better as `content/...` when run from the workspace root.
    match std::env::current_dir() {
        Ok(cwd) if cwd == workspace => PathBuf::from("content"),
        _ => content,
    }
}

fn check(path: &Path) -> Result<()> {
    let tree = load(path)?;
    match content::check(&tree, &Options::default()) {
        Ok(checked) => {
            let lessons: usize = checked.modules.iter().map(|(s, _)| s.lessons.len()).sum();
            let items: usize = checked
                .modules
                .iter()
                .flat_map(|(s, _)| &s.lessons)
                .map(|l| l.items.len())
                .sum();
            println!(
                "{}: OK, {}, {}, {}",
                path.display(),
                count(checked.modules.len(), "module"),
                count(lessons, "lesson"),
                count(items, "item")
            );
            Ok(())
        }
        Err(errors) => {
            for line in errors.lines() {
                eprintln!("{line}");
            }
            let found = count(errors.len(), "problem");
            eprintln!("{found} found in {}", path.display());
            // Exit here: the messages are the report, and returning an error would add an
            // `Error:` prefix (and a backtrace when RUST_BACKTRACE is set).
            std::process::exit(1)
        }
    }
}

/// "1 module", "3 modules".
fn count(n: usize, noun: &str) -> String {
    let plural = if n == 1 { "" } else { "s" };
    format!("{n} {noun}{plural}")
}

fn stats(path: &Path, json: bool) -> Result<()> {
    let tree = load(path)?;
    let checked = content::check(&tree, &Options::default()).map_err(|errors| {
        anyhow::anyhow!("{errors}\nfix these first (cargo xtask content check)")
    })?;
    let stats = content::stats(&checked);
    if json {
        println!("{}", content::stats_json(&stats));
        return Ok(());
    }
    println!(
        "{:<24} {:>7} {:>5} {:>8} {:>7} {:>7}  items by type",
        "module", "lessons", "items", "variants", "minutes", "sources"
    );
    for module in &stats {
        let by_type: Vec<String> = module
            .items_by_type
            .iter()
            .map(|(kind, n)| format!("{kind} {n}"))
            .collect();
        println!(
            "{:<24} {:>7} {:>5} {:>8} {:>7.1} {:>7}  {}",
            module.id,
            module.lessons,
            module.items,
            module.variants,
            module.estimated_minutes,
            module.sources,
            by_type.join(", ")
        );
    }
    Ok(())
}

/// Validates and compiles `content_dir` in memory. The build calls this before anything else,
/// so invalid content stops it with every message and nothing in `dist/` is touched.
pub fn compile(content_dir: &Path) -> Result<content::Compiled> {
    let tree = load(content_dir)?;
    content::compile(&tree, &Options::default())
        .map_err(|errors| anyhow::anyhow!("content is not valid:\n{errors}"))
}

/// Validates `content_dir` and writes it compiled into `out_dir` (see [`write_compiled`]).
pub fn compile_into(content_dir: &Path, out_dir: &Path) -> Result<()> {
    write_compiled(&compile(content_dir)?, content_dir, out_dir)
}

/// Writes compiled content: `out_dir/catalogue.json`, `out_dir/modules/<id>.<hash>.json` and
/// the images (copied from `content_dir`) under `out_dir/media/`. Images are addressed as
/// `content/media/...` from the app's page, so `out_dir` is expected to be `dist/content`.
/// Stale module files are removed.
pub fn write_compiled(
    compiled: &content::Compiled,
    content_dir: &Path,
    out_dir: &Path,
) -> Result<()> {
    for stale in ["modules", "media"] {
        let dir = out_dir.join(stale);
        if dir.exists() {
            fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
        }
    }
    write(&out_dir.join("catalogue.json"), &compiled.catalogue_json)?;
    for (file, json) in &compiled.module_files {
        write(&out_dir.join(file), json)?;
    }
    for (source, target) in &compiled.media {
        let target = out_dir.join(target);
        create_parent(&target)?;
        fs::copy(content_dir.join(source), &target).with_context(|| format!("copying {source}"))?;
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<()> {
    create_parent(path)?;
    fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}

fn create_parent(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    Ok(())
}

/// Reads a content root, or a single module folder (checked on its own, without site.toml).
pub fn load(path: &Path) -> Result<SourceTree> {
    if !path.is_dir() {
        bail!("{} is not a folder", path.display());
    }
    let single_module = path.join("module.toml").is_file() && !path.join("site.toml").is_file();
    if !single_module {
        let mut tree = SourceTree::new(path.display().to_string());
        add_folder(&mut tree, path, "")?;
        return Ok(tree);
    }
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .context("the module folder needs a plain name")?;
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    let mut tree = SourceTree::new(parent.map_or(String::new(), |p| p.display().to_string()));
    add_folder(&mut tree, path, name)?;
    Ok(tree)
}

/// Adds a folder's files: `.toml` and `.md` as text, anything else as an asset name. Hidden
/// files (`.DS_Store`, editor backups) are skipped.
fn add_folder(tree: &mut SourceTree, dir: &Path, prefix: &str) -> Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let relative = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        let path = entry.path();
        if path.is_dir() {
            add_folder(tree, &path, &relative)?;
        } else if name.ends_with(".toml") || name.ends_with(".md") {
            let text =
                fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
            tree.add_file(relative, text);
        } else {
            tree.add_asset(relative);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_site() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/content/tests/fixtures/sample-site")
    }

    #[test]
    fn compiled_content_is_written_as_catalogue_modules_and_media() {
        let out = std::env::temp_dir().join(format!("microlearn-content-{}", std::process::id()));
        fs::create_dir_all(out.join("modules")).unwrap();
        fs::write(out.join("modules/stale.00000000.json"), "{}").unwrap();
        write_compiled(&compile(&sample_site()).unwrap(), &sample_site(), &out).unwrap();
        let catalogue: content::model::Catalogue =
            serde_json::from_str(&fs::read_to_string(out.join("catalogue.json")).unwrap()).unwrap();
        let file = &catalogue.modules[0].file;
        let module: content::model::ModuleFile =
            serde_json::from_str(&fs::read_to_string(out.join(file)).unwrap()).unwrap();
        assert_eq!(module.id, "sample");
        assert!(
            !out.join("modules/stale.00000000.json").exists(),
            "stale files are removed"
        );
        assert!(out.join("media/logo.svg").is_file());
        assert!(out.join("media/sample/falls-chart.png").is_file());
        fs::remove_dir_all(&out).unwrap();
    }

    #[test]
    fn a_module_folder_is_loaded_under_its_parent() {
        let tree = load(&sample_site().join("sample")).unwrap();
        assert!(tree.files.contains_key("sample/module.toml"));
        assert!(!tree.files.contains_key("site.toml"));
        assert!(tree.assets.contains("sample/falls-chart.png"));
        assert!(tree.root.ends_with("sample-site"), "{}", tree.root);
    }
}
