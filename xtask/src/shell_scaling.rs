//! The check that the app shell does not grow with the number of modules.
//!
//! It builds the bundle a second time from the bundled content plus 50 generated modules and
//! compares every shell file (everything outside `content/`) with the normal build: names and
//! sizes must be identical. Only the catalogue may grow. The generated site also has a trust's
//! logo, which lives under `content/` like the modules.

use anyhow::{Context, Result, bail};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::{bundle, project_root, size};

/// How many modules the check adds.
pub const EXTRA_MODULES: usize = 50;

/// A small logo for the generated site: "NHS" in blue on white.
const TRUST_LOGO_SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"80\" height=\"40\" viewBox=\"0 0 80 40\">\
<rect width=\"80\" height=\"40\" fill=\"#ffffff\"/><text x=\"40\" y=\"29\" font-family=\"Arial\" font-size=\"24\" \
font-weight=\"700\" text-anchor=\"middle\" fill=\"#005eb8\">NHS</text></svg>";

/// Builds with extra modules into `target/` and compares its shell with `dist_dir`'s.
pub fn check(dist_dir: &Path) -> Result<()> {
    let work = project_root().join("target/shell-scaling");
    let content = work.join("content");
    write_content_with_extra_modules(&project_root().join("content"), &content)?;
    let options = bundle::BuildOptions {
        content_dir: content,
        dist_dir: work.join("dist"),
    };
    bundle::build(&options)?;
    compare_shells(dist_dir, &options.dist_dir)
}

/// Copies the content root and adds generated modules, listed after the bundled ones.
fn write_content_with_extra_modules(source: &Path, target: &Path) -> Result<()> {
    if target.exists() {
        std::fs::remove_dir_all(target)?;
    }
    copy_dir(source, target)?;
    let site_path = target.join("site.toml");
    let site = std::fs::read_to_string(&site_path).context("content/site.toml")?;
    let extra_ids: Vec<String> = (1..=EXTRA_MODULES)
        .map(|n| format!("generated-{n:02}"))
        .collect();
    for id in &extra_ids {
        write_generated_module(&target.join(id), id)?;
    }
    let listed = extra_ids
        .iter()
        .map(|id| format!("\"{id}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let site = site.replacen("modules = [", &format!("modules = [{listed}, "), 1);
    // A trust's logo too: branding is content, so it must not grow the shell either, and the
    // end-to-end test of this build checks that the header shows it.
    std::fs::write(target.join("trust-logo.svg"), TRUST_LOGO_SVG)?;
    let site = format!("logo = \"trust-logo.svg\"\nlogo_alt = \"Example NHS Trust\"\n{site}");
    std::fs::write(site_path, site)?;
    Ok(())
}

fn write_generated_module(dir: &Path, id: &str) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    let module = format!(
        "id = \"{id}\"\ntitle = \"Generated {id}\"\nsummary = \"A generated module for the scaling check.\"\n\
         audience = \"Tests\"\nestimated_minutes = 2\nversion = 1\ndesired_retention = 0.9\n\
         domains = [\"technical-proficiency\"]\nfacts_checked = \"2026-11\"\nlessons = [\"only\"]\n\n\
         [[sources]]\ntitle = \"NCSC\"\nurl = \"https://www.ncsc.gov.uk/\"\n"
    );
    std::fs::write(dir.join("module.toml"), module)?;
    let mut lesson = String::from(
        "+++\nid = \"only\"\ntitle = \"Only lesson\"\nobjective = \"Prove the shell does not grow.\"\n+++\n\n\
         ## A card\nA short card for a generated module.\n",
    );
    for n in 1..=3 {
        write!(
            lesson,
            "\n```item\nid = \"{id}.only.q{n}\"\ntype = \"true-false\"\nprompt = \"Statement {n}.\"\n\
             answer = true\nexplanation = \"Because it is generated.\"\n\
             source = {{ title = \"NCSC\", url = \"https://www.ncsc.gov.uk/\" }}\n```\n"
        )?;
    }
    std::fs::write(dir.join("only.md"), lesson)?;
    Ok(())
}

fn copy_dir(source: &Path, target: &Path) -> Result<()> {
    std::fs::create_dir_all(target)?;
    for entry in std::fs::read_dir(source)? {
        let path = entry?.path();
        let destination = target.join(path.file_name().context("a file name")?);
        if path.is_dir() {
            copy_dir(&path, &destination)?;
        } else {
            std::fs::copy(&path, &destination)?;
        }
    }
    Ok(())
}

/// The shell is every file outside `content/`; returns (path, bytes) sorted. The service
/// worker's generated precache list is data, one entry per file of the bundle, so it grows with
/// the modules like the catalogue does; the worker's code is compared without it.
fn shell_files(dist_dir: &Path) -> Result<Vec<(String, u64)>> {
    size::measure(dist_dir)?
        .into_iter()
        .filter(|file| !file.path.starts_with("content/"))
        .map(|file| {
            let bytes = if file.path == "sw.js" {
                let (code, _) =
                    split_precache_list(&std::fs::read_to_string(dist_dir.join("sw.js"))?);
                code.len() as u64
            } else {
                file.raw
            };
            Ok((file.path, bytes))
        })
        .collect()
}

/// Splits the worker into its code (with the list emptied) and the length of the list.
fn split_precache_list(worker: &str) -> (String, usize) {
    let start_marker = "const PRECACHE = ";
    let Some(start) = worker.find(start_marker).map(|at| at + start_marker.len()) else {
        return (worker.to_string(), 0);
    };
    let end = worker[start..]
        .find(";\n")
        .map_or(worker.len(), |at| start + at);
    (
        format!("{}[]{}", &worker[..start], &worker[end..]),
        end - start,
    )
}

fn compare_shells(normal: &Path, scaled: &Path) -> Result<()> {
    let (normal_files, scaled_files) = (shell_files(normal)?, shell_files(scaled)?);
    let total = |files: &[(String, u64)]| files.iter().map(|(_, bytes)| bytes).sum::<u64>();
    let catalogue =
        |dir: &PathBuf| std::fs::metadata(dir.join("content/catalogue.json")).map(|m| m.len());
    println!(
        "shell: {} files, {} bytes with the bundled modules; {} files, {} bytes with {EXTRA_MODULES} more \
         (catalogue {} -> {} bytes)",
        normal_files.len(),
        total(&normal_files),
        scaled_files.len(),
        total(&scaled_files),
        catalogue(&normal.to_path_buf())?,
        catalogue(&scaled.to_path_buf())?,
    );
    if normal_files != scaled_files {
        bail!(
            "the shell changed with {EXTRA_MODULES} more modules:\n{normal_files:?}\n{scaled_files:?}"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_precache_list_is_separated_from_the_worker_code() {
        let worker = "const VERSION = 'abc';\nconst PRECACHE = [[\"a.js\",\"00\"]];\nself.x = 1;\n";
        let (code, list_len) = split_precache_list(worker);
        assert_eq!(
            code,
            "const VERSION = 'abc';\nconst PRECACHE = [];\nself.x = 1;\n"
        );
        assert_eq!(list_len, "[[\"a.js\",\"00\"]]".len());
    }
}
