//! Checks that the server configurations in docs/deploy.md (Apache, IIS) and web/nginx say what
//! the app's own server does: the same Content-Security-Policy, and a year's cache for exactly the
//! content-hashed files. nginx is also run for real by the end-to-end suite; Apache and IIS cannot
//! run on this Linux test machine (IIS is Windows-only), so their documented text is held to the
//! served policy here instead.

use crate::project_root;
use crate::serve::{cache_control, content_security_policy};

/// The quoted value after `marker` on every line of `text` that has it.
fn quoted_values<'a>(text: &'a str, marker: &str) -> Vec<&'a str> {
    text.lines()
        .filter_map(|line| line.split_once(marker))
        .filter_map(|(_, rest)| rest.split('"').nth(1))
        .collect()
}

/// The documented pattern for hashed files, `[.-][0-9a-f]{8,}(_bg)?\.(js|wasm|css|json)$`, as
/// code (the xtask has no regex engine, and the pattern is small).
fn matches_documented_pattern(name: &str) -> bool {
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return false;
    };
    if !["js", "wasm", "css", "json"].contains(&extension) {
        return false;
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let hex = stem
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || ('a'..='f').contains(c))
        .count();
    let before = stem[..stem.len() - hex].chars().next_back();
    hex >= 8 && matches!(before, Some('.' | '-'))
}

const PATTERN: &str = r#"[.-][0-9a-f]{8,}(_bg)?\.(js|wasm|css|json)$"#;

#[test]
fn every_documented_server_sends_the_served_policy() {
    let docs = std::fs::read_to_string(project_root().join("docs/deploy.md")).unwrap();
    let nginx = std::fs::read_to_string(project_root().join("web/nginx/microlearn.conf")).unwrap();
    let served = content_security_policy("'self'");
    let apache = quoted_values(&docs, "Header always set Content-Security-Policy");
    let iis = quoted_values(&docs, "<add name=\"Content-Security-Policy\" value=");
    let nginx = quoted_values(&nginx, "add_header Content-Security-Policy");
    for (server, values) in [("Apache", apache), ("IIS", iis), ("nginx", nginx)] {
        assert_eq!(values, [served.as_str()], "{server}'s policy");
    }
}

#[test]
fn apache_and_iis_cache_exactly_the_hashed_files_for_a_year() {
    let docs = std::fs::read_to_string(project_root().join("docs/deploy.md")).unwrap();
    assert!(
        docs.contains(&format!("<FilesMatch \"{PATTERN}\">")),
        "Apache"
    );
    assert!(docs.contains(&format!("pattern=\"{PATTERN}\"")), "IIS");
    let names = [
        "microlearn-4a7a9e998850d3fe.js",
        "microlearn-4a7a9e998850d3fe_bg.wasm",
        "app-881b0d44ad71561f.css",
        "boot-b5b94b564d21155d.js",
        "content/modules/cyber-security.1f2e3d4c5b6a7980.json",
        "index.html",
        "sw.js",
        "content/catalogue.json",
        "manifest.webmanifest",
        "snippets/microlearn-4cbd403a2c24e4fc/web/platform.js",
        "icons/icon-192.png",
    ];
    for name in names {
        let immutable = cache_control(name).contains("immutable");
        assert_eq!(matches_documented_pattern(name), immutable, "{name}");
    }
}
