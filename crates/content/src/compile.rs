//! Compiling validated content into the catalogue and content-hashed module files.

use crate::check::{Content, Options, check};
use crate::error::ContentErrors;
use crate::model::{Catalogue, FORMAT};
use crate::source::SourceTree;

/// The files to write under the output folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled {
    pub catalogue: Catalogue,
    /// `catalogue.json`'s text.
    pub catalogue_json: String,
    /// (path under the output folder, text): `modules/<id>.<hash>.json`.
    pub module_files: Vec<(String, String)>,
    /// Files to copy: (path in the source tree, path under the output folder).
    pub media: Vec<(String, String)>,
}

/// Checks and compiles a content tree; any problem stops compilation with every message.
pub fn compile(tree: &SourceTree, options: &Options) -> Result<Compiled, ContentErrors> {
    Ok(compile_content(check(tree, options)?))
}

/// Compiles already validated content.
pub fn compile_content(content: Content) -> Compiled {
    let mut summaries = Vec::new();
    let mut module_files = Vec::new();
    for (mut summary, file) in content.modules {
        let json = serde_json::to_string(&file).expect("the model always serialises");
        summary.file = format!(
            "modules/{}.{}.json",
            summary.id,
            short_hash(json.as_bytes())
        );
        module_files.push((summary.file.clone(), json));
        summaries.push(summary);
    }
    let catalogue = Catalogue {
        format: FORMAT,
        site: content.site,
        modules: summaries,
    };
    let catalogue_json = serde_json::to_string(&catalogue).expect("the model always serialises");
    Compiled {
        catalogue,
        catalogue_json,
        module_files,
        media: content.media,
    }
}

/// Eight hex digits of the 64-bit FNV-1a hash. FNV-1a is specified by its constants, so names
/// stay the same across Rust versions and machines (std's hasher promises neither), and a
/// cache-busting name needs no cryptographic strength, so no hashing crate is needed.
pub fn short_hash(bytes: &[u8]) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = bytes.iter().fold(OFFSET, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(PRIME)
    });
    format!("{:08x}", hash >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_published_test_vectors() {
        // FNV-1a 64 of "" is cbf29ce484222325 and of "a" is af63dc4c8601ec8c.
        assert_eq!(short_hash(b""), "cbf29ce4");
        assert_eq!(short_hash(b"a"), "af63dc4c");
        assert_ne!(short_hash(b"module one"), short_hash(b"module two"));
    }
}
