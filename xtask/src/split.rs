//! Splits the app's wasm after trunk: the first screen's module, and the later screens' module.
//!
//! Trunk builds the app with `MICROLEARN_SPLIT=1` (build.rs), names kept as the linker wrote them and no
//! wasm-opt (index.html). This step reads the linker's output (with its relocations) and trunk's
//! wasm-bindgen output, lets wasm-split (vendor/wasm-split-cli) move everything only
//! `src/split.rs`'s export reaches into `screens/`, optimises each module with wasm-opt, and writes
//! `__wasm_split.js`, which the app's glue imports to fetch and instantiate the second module.

use anyhow::{Context, Result, bail};
use base64::Engine;
use sha2::{Digest, Sha384};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{bundle::fnv1a, project_root, tools};

/// The folder of `dist/` that holds the modules fetched after the first screen.
pub const SCREENS_DIR: &str = "screens";
/// The name the app's imports give the loader (`#[link(wasm_import_module)]` in src/split.rs).
const LOADER: &str = "__wasm_split.js";

/// What the split wrote, for the report and the checks.
#[derive(Debug)]
pub struct SplitReport {
    pub main_bytes: usize,
    pub later_files: Vec<(String, usize)>,
}

/// Splits `dist/`'s app wasm in place and writes the second module and its loader.
pub fn split_app(dist_dir: &Path) -> Result<SplitReport> {
    let (glue_name, wasm_path) = trunk_app_files(dist_dir)?;
    // Where cargo (run by trunk) linked the app, relocations and all.
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| project_root().join("target"), PathBuf::from);
    let original_path = target_dir.join("wasm32-unknown-unknown/release/microlearn.wasm");
    let original = std::fs::read(&original_path)
        .with_context(|| format!("reading the linker's output {}", original_path.display()))?;
    let bindgened = std::fs::read(&wasm_path)?;
    if !contains(&bindgened, b"__wasm_split_00___screens___00_import_") {
        bail!(
            "{} has no split point: was it built with MICROLEARN_SPLIT=1 (build.rs)?",
            wasm_path.display()
        );
    }
    let modules = wasm_split_cli::Splitter::new(&original, &bindgened)
        .context("wasm-split could not read the app's wasm")?
        .emit()
        .context("wasm-split could not split the app's wasm")?;

    let screens_dir = dist_dir.join(SCREENS_DIR);
    if screens_dir.exists() {
        std::fs::remove_dir_all(&screens_dir)?;
    }
    std::fs::create_dir_all(&screens_dir)?;
    let mut exports = String::new();
    let mut later_files = Vec::new();
    // Chunks hold code that several split modules share; one no module relies on is not written.
    let needed = modules
        .modules
        .iter()
        .flat_map(|module| module.relies_on_chunks.iter().copied())
        .collect::<std::collections::BTreeSet<usize>>();
    for (index, chunk) in modules.chunks.iter().enumerate() {
        if !needed.contains(&index) {
            continue;
        }
        let file = write_optimised(&screens_dir, "shared", &chunk.bytes)?;
        writeln!(
            exports,
            "const chunk{index} = makeLoad('./{SCREENS_DIR}/{}', '{}', []);",
            file.name, file.integrity
        )?;
        later_files.push((file.name, file.size));
    }
    for module in &modules.modules {
        let file = write_optimised(&screens_dir, &module.module_name, &module.bytes)?;
        // An ordered set (vendor patch 1), so the loader's text is the same on every build.
        let dependencies = module
            .relies_on_chunks
            .iter()
            .map(|index| format!("chunk{index}"))
            .collect::<Vec<_>>()
            .join(", ");
        writeln!(
            exports,
            "export const __wasm_split_load_{}_{}_{} = makeLoad('./{SCREENS_DIR}/{}', '{}', [{dependencies}]);",
            module.module_name,
            module
                .hash_id
                .as_deref()
                .context("a split module without its hash")?,
            module
                .component_name
                .as_deref()
                .context("a split module without its name")?,
            file.name,
            file.integrity
        )?;
        later_files.push((file.name, file.size));
    }
    let main = optimise(&modules.main.bytes)?;
    std::fs::write(&wasm_path, &main)?;
    write_loader(dist_dir, &glue_name, &exports)?;
    Ok(SplitReport {
        main_bytes: main.len(),
        later_files,
    })
}

/// Trunk's glue (`microlearn-<hash>.js`) and wasm (`microlearn-<hash>_bg.wasm`) in `dist/`.
fn trunk_app_files(dist_dir: &Path) -> Result<(String, PathBuf)> {
    let mut glue = None;
    let mut wasm = None;
    for entry in std::fs::read_dir(dist_dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.starts_with("microlearn-") && name.ends_with("_bg.wasm") {
            wasm = Some(dist_dir.join(&name));
        } else if name.starts_with("microlearn-") && name.ends_with(".js") {
            glue = Some(name);
        }
    }
    match (glue, wasm) {
        (Some(glue), Some(wasm)) => Ok((glue, wasm)),
        _ => bail!(
            "trunk wrote no microlearn-*.js and *_bg.wasm in {}",
            dist_dir.display()
        ),
    }
}

struct WrittenModule {
    name: String,
    integrity: String,
    size: usize,
}

/// Optimises a split module and writes it under a name that carries a hash of its bytes.
fn write_optimised(dir: &Path, stem: &str, bytes: &[u8]) -> Result<WrittenModule> {
    let optimised = optimise(bytes)?;
    let name = format!("{stem}-{:016x}.wasm", fnv1a(&optimised));
    std::fs::write(dir.join(&name), &optimised)?;
    Ok(WrittenModule {
        name,
        integrity: integrity(&optimised),
        size: optimised.len(),
    })
}

/// `wasm-opt -Oz` (the same binaryen trunk runs for the worker) on one module. With
/// `MICROLEARN_WASM_NAMES=1` the function names stay in (`-g`), for reading a CPU profile or
/// `tests/perf/wasm-breakdown.mjs`; the names are the linker's mangled ones.
fn optimise(bytes: &[u8]) -> Result<Vec<u8>> {
    let keep_names = std::env::var_os("MICROLEARN_WASM_NAMES").is_some_and(|value| value == "1");
    let scratch = std::env::temp_dir().join(format!("microlearn-split-{}", std::process::id()));
    std::fs::create_dir_all(&scratch)?;
    let input = scratch.join("in.wasm");
    let output = scratch.join("out.wasm");
    std::fs::write(&input, bytes)?;
    tools::run(
        Command::new(tools::npm_bin().join("wasm-opt"))
            .arg("-Oz")
            .args(keep_names.then_some("-g"))
            .args(WASM_FEATURES)
            .arg(&input)
            .arg("-o")
            .arg(&output),
    )?;
    let optimised = std::fs::read(&output)?;
    std::fs::remove_dir_all(&scratch)?;
    Ok(optimised)
}

/// The WebAssembly features rustc 1.95 turns on for wasm32-unknown-unknown; wasm-opt must accept
/// them in its input (the split modules carry no target-features section to tell it).
const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// A Subresource Integrity value (`sha384-…`) for `fetch(url, { integrity })`.
pub fn integrity(bytes: &[u8]) -> String {
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn write_loader(dist_dir: &Path, glue_name: &str, exports: &str) -> Result<()> {
    let template = std::fs::read_to_string(project_root().join("web/wasm-split.js"))?;
    let marker = "/* __SPLIT_EXPORTS__ */";
    if !template.contains(marker) || !template.contains("__APP_JS__") {
        bail!("web/wasm-split.js lost its markers");
    }
    let loader = template
        .replace("__APP_JS__", &format!("./{glue_name}"))
        .replace(marker, exports.trim_end());
    std::fs::write(dist_dir.join(LOADER), loader)?;
    Ok(())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The integrity value is what a browser computes: base64 of the SHA-384 digest (here of the
    /// empty input, whose digest is well known: 38b060a7…98b95b).
    #[test]
    fn integrity_is_base64_sha384() {
        assert_eq!(
            integrity(b""),
            "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"
        );
    }

    #[test]
    fn the_loader_template_has_its_markers() {
        let template = std::fs::read_to_string(project_root().join("web/wasm-split.js")).unwrap();
        assert!(template.contains("/* __SPLIT_EXPORTS__ */"));
        assert!(template.contains("from '__APP_JS__'"));
    }
}
