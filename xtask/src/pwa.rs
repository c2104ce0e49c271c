//! The installable, offline app: writes the web app manifest, the icons and the service worker
//! (with its precache list of every file in `dist/`) after the rest of the bundle is built.

mod icons;

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

use crate::project_root;

/// The worker's file name; it is served `no-cache` and sits at the bundle's root so its scope is
/// the whole app, wherever the bundle is hosted.
pub const SERVICE_WORKER: &str = "sw.js";
pub const MANIFEST: &str = "manifest.webmanifest";

/// Writes icons, manifest and service worker into a built bundle. Runs last, because the
/// precache list must name every other file with its final bytes.
pub fn generate(dist_dir: &Path) -> Result<()> {
    let site = read_site(dist_dir)?;
    icons::write_all(&dist_dir.join("icons"), &site.theme_colour)?;
    std::fs::write(dist_dir.join(MANIFEST), manifest_json(&site))?;
    write_service_worker(dist_dir)
}

/// `cargo xtask pwa --dist DIR`: regenerates manifest, icons and worker for a bundle whose files
/// were changed after the build (the update test uses it to make a second deployment).
pub fn run(args: &[String]) -> Result<()> {
    let dist = crate::flag_value(args, "--dist")
        .map(PathBuf::from)
        .unwrap_or_else(|| project_root().join("dist"));
    generate(&dist)?;
    eprintln!(
        "xtask: service worker and manifest written in {}",
        dist.display()
    );
    Ok(())
}

/// What the manifest needs from the trust's site settings (compiled into the catalogue).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Site {
    name: String,
    tagline: String,
    theme_colour: String,
}

fn read_site(dist_dir: &Path) -> Result<Site> {
    let path = dist_dir.join("content/catalogue.json");
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("reading {} (is the content compiled?)", path.display()))?;
    let catalogue: Value = serde_json::from_str(&text)?;
    let field = |key: &str| {
        catalogue["site"][key]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let theme_colour = field("accent_colour");
    if !is_hex_colour(&theme_colour) {
        bail!("site accent_colour `{theme_colour}` is not a #RRGGBB colour");
    }
    Ok(Site {
        name: field("name"),
        tagline: field("tagline"),
        theme_colour,
    })
}

fn is_hex_colour(text: &str) -> bool {
    text.len() == 7
        && text.starts_with('#')
        && text[1..].bytes().all(|byte| byte.is_ascii_hexdigit())
}

/// The home-screen label must be short; a long trust name falls back to its first 12 characters.
fn short_name(name: &str) -> String {
    if name.chars().count() <= 12 {
        return name.to_string();
    }
    let first_word = name.split_whitespace().next().unwrap_or(name);
    first_word.chars().take(12).collect()
}

/// `start_url`, `scope` and icon paths are relative to the manifest, so the same bundle installs
/// correctly from `/`, from `/training/microlearn/` or from an LMS folder.
fn manifest_json(site: &Site) -> String {
    let manifest = json!({
        "id": "./",
        "name": site.name,
        "short_name": short_name(&site.name),
        "description": site.tagline,
        "lang": "en-GB",
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "orientation": "any",
        "theme_color": site.theme_colour,
        "background_color": icons::BACKGROUND,
        "icons": icons::manifest_entries(),
    });
    serde_json::to_string_pretty(&manifest).expect("JSON values serialise")
}

/// Fills the worker template with this deployment's files and version.
fn write_service_worker(dist_dir: &Path) -> Result<()> {
    let template_path = project_root().join("web/sw.js");
    let template = std::fs::read_to_string(&template_path)
        .with_context(|| format!("reading {}", template_path.display()))?;
    let entries = precache_entries(dist_dir)?;
    let list = serde_json::to_string(&entries)?;
    let version = hex(&Sha256::digest(list.as_bytes()))[..16].to_string();
    let worker = fill_template(&template, &version, &list)?;
    std::fs::write(dist_dir.join(SERVICE_WORKER), worker)?;
    Ok(())
}

fn fill_template(template: &str, version: &str, list: &str) -> Result<String> {
    let list_marker = "/* __MICROLEARN_PRECACHE__ */ []";
    let version_marker = "__MICROLEARN_VERSION__";
    if !template.contains(list_marker) || !template.contains(version_marker) {
        bail!("web/sw.js lost its precache or version marker");
    }
    Ok(template
        .replace(list_marker, list)
        .replace(version_marker, version))
}

/// Every file in the bundle except the worker itself, as `[relative path, sha256]`, sorted so the
/// same bundle always gives the same worker (and so the same version).
pub fn precache_entries(dist_dir: &Path) -> Result<Vec<(String, String)>> {
    let mut entries = Vec::new();
    for path in files_under(dist_dir)? {
        let relative = path
            .strip_prefix(dist_dir)
            .expect("walked from dist")
            .components()
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if relative == SERVICE_WORKER {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        entries.push((relative, hex(&Sha256::digest(&bytes))));
    }
    entries.sort();
    Ok(entries)
}

/// All regular files below `dir`, recursively.
pub fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in
            std::fs::read_dir(&folder).with_context(|| format!("reading {}", folder.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.is_file() {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_bundle(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("microlearn-pwa-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("content/modules")).unwrap();
        std::fs::write(dir.join("index.html"), "<!DOCTYPE html>").unwrap();
        std::fs::write(
            dir.join("content/catalogue.json"),
            r##"{"site":{"name":"Microlearn","tagline":"Skills","accent_colour":"#005EB8"}}"##,
        )
        .unwrap();
        std::fs::write(dir.join("content/modules/a.0123abcd.json"), "{}").unwrap();
        dir
    }

    #[test]
    fn the_worker_precaches_every_file_with_its_hash() {
        let dist = temp_bundle("list");
        generate(&dist).unwrap();
        let worker = std::fs::read_to_string(dist.join(SERVICE_WORKER)).unwrap();
        let entries = precache_entries(&dist).unwrap();
        let paths: Vec<&str> = entries.iter().map(|(path, _)| path.as_str()).collect();
        for expected in [
            "index.html",
            "content/catalogue.json",
            "content/modules/a.0123abcd.json",
            MANIFEST,
            "icons/icon-512.png",
            "icons/maskable-512.png",
        ] {
            assert!(
                paths.contains(&expected),
                "{expected} missing from {paths:?}"
            );
            assert!(
                worker.contains(&format!("\"{expected}\"")),
                "{expected} not in sw.js"
            );
        }
        assert!(!paths.contains(&SERVICE_WORKER));
        // The SHA-256 of "{}" proves revisions are content hashes, not typed names.
        assert!(
            worker.contains("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a")
        );
        assert!(!worker.contains("__MICROLEARN_"));
        std::fs::remove_dir_all(dist).unwrap();
    }

    #[test]
    fn a_changed_file_gives_a_new_version() {
        let dist = temp_bundle("version");
        generate(&dist).unwrap();
        let first = std::fs::read_to_string(dist.join(SERVICE_WORKER)).unwrap();
        std::fs::write(dist.join("content/modules/a.0123abcd.json"), "{\"v\":2}").unwrap();
        generate(&dist).unwrap();
        let second = std::fs::read_to_string(dist.join(SERVICE_WORKER)).unwrap();
        let version = |worker: &str| {
            let start = worker.find("const VERSION = '").unwrap() + 17;
            worker[start..start + 16].to_string()
        };
        assert_ne!(version(&first), version(&second));
        std::fs::remove_dir_all(dist).unwrap();
    }

    #[test]
    fn the_manifest_works_under_any_sub_path() {
        let site = Site {
            name: "Leeds Teaching Hospitals Microlearn".into(),
            tagline: "Skills".into(),
            theme_colour: "#005EB8".into(),
        };
        let manifest: Value = serde_json::from_str(&manifest_json(&site)).unwrap();
        assert_eq!(manifest["start_url"], "./");
        assert_eq!(manifest["scope"], "./");
        assert_eq!(manifest["short_name"], "Leeds");
        assert_eq!(manifest["theme_color"], "#005EB8");
        let icons = manifest["icons"].as_array().unwrap();
        assert!(icons.iter().any(|icon| icon["purpose"] == "maskable"));
        assert!(icons.iter().any(|icon| icon["sizes"] == "512x512"));
        assert!(
            icons
                .iter()
                .all(|icon| !icon["src"].as_str().unwrap().starts_with('/'))
        );
    }

    #[test]
    fn a_bad_colour_is_refused() {
        assert!(is_hex_colour("#005eb8"));
        assert!(!is_hex_colour("red"));
        assert!(!is_hex_colour("#005eb8\" onload=\""));
    }
}
