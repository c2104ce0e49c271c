//! The app's loader: replaces trunk's inline start script and wasm preload with `boot-<hash>.js`.

use anyhow::{Context, Result, bail};
use std::path::Path;

use crate::{bundle::fnv1a, project_root};

/// The names and the integrity hash that trunk's output gives the app's files.
#[derive(Debug, PartialEq)]
struct TrunkOutput {
    app_js: String,
    app_wasm: String,
    wasm_integrity: String,
}

/// Rewrites `dist/index.html` to start the app from `web/boot.js` (written beside it with this
/// build's names), drops trunk's inline script so the Content-Security-Policy can forbid inline
/// scripts (`script-src 'self'`), and drops the wasm preload so the wasm is fetched only after the
/// first paint (the loader explains why) and still checked against its integrity hash.
pub fn write_loader(dist_dir: &Path) -> Result<()> {
    let index_path = dist_dir.join("index.html");
    let html = std::fs::read_to_string(&index_path).context("trunk wrote no index.html")?;
    let (html, script) = take_inline_script(&html)?;
    // Trunk's integrity value is for the wasm before the split (xtask/src/split.rs) replaced it,
    // so the loader's is computed from the file that ships.
    let (html, _trunks_integrity) = take_wasm_preload(&html)?;
    let app_wasm = quoted_after(&script, "module_or_path: ")?;
    let wasm_bytes =
        std::fs::read(dist_dir.join(&app_wasm)).with_context(|| format!("reading {app_wasm}"))?;
    let output = TrunkOutput {
        app_js: quoted_after(&script, "from ")?,
        wasm_integrity: crate::split::integrity(&wasm_bytes),
        app_wasm,
    };
    let template = std::fs::read_to_string(project_root().join("web/boot.js"))?;
    let loader = fill_template(&template, &output);
    let name = format!("boot-{:016x}.js", fnv1a(loader.as_bytes()));
    std::fs::write(dist_dir.join(&name), loader)?;
    let tag = format!(r#"<script type="module" src="./{name}"></script>"#);
    let html = without_comments(&html.replacen("</body>", &format!("{tag}</body>"), 1));
    std::fs::write(&index_path, html)?;
    Ok(())
}

/// The page without its HTML comments: they explain `index.html` to developers, and every byte of
/// the page is on the first screen (412 bytes of brotli at the time of writing).
fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start..].find("-->") {
            Some(end) => rest = &rest[start + end + "-->".len()..],
            // An unterminated comment is left as it is, for the browser to read as it would.
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn fill_template(template: &str, output: &TrunkOutput) -> String {
    template
        .replace("__APP_JS__", &output.app_js)
        .replace("__APP_WASM__", &output.app_wasm)
        .replace("__WASM_INTEGRITY__", &output.wasm_integrity)
}

/// Removes trunk's one inline module script and returns the page without it and its body.
fn take_inline_script(html: &str) -> Result<(String, String)> {
    let open = r#"<script type="module">"#;
    let start = html
        .find(open)
        .context("trunk wrote no inline start script")?;
    let body_start = start + open.len();
    let body_end = body_start
        + html[body_start..]
            .find("</script>")
            .context("unterminated inline script")?;
    if html[body_end..].contains(open) {
        bail!("index.html has more than one inline module script; the loader replaces only one");
    }
    let rest = &html[body_end + "</script>".len()..];
    Ok((
        format!("{}{rest}", &html[..start]),
        html[body_start..body_end].to_owned(),
    ))
}

/// Removes the `<link rel="preload" … as="fetch" type="application/wasm">` tag and returns the
/// page without it and the tag's integrity value.
fn take_wasm_preload(html: &str) -> Result<(String, String)> {
    let start = html
        .find(r#"<link rel="preload""#)
        .context("trunk wrote no wasm preload link")?;
    let end = start + html[start..].find('>').context("unterminated link tag")? + 1;
    let tag = &html[start..end];
    if !tag.contains("application/wasm") {
        bail!("the first preload link is not the wasm: {tag}");
    }
    let integrity = quoted_after(tag, "integrity=")?;
    Ok((format!("{}{}", &html[..start], &html[end..]), integrity))
}

/// The text between the quotes that follow the first `marker` (single or double quotes).
fn quoted_after(text: &str, marker: &str) -> Result<String> {
    let start = text
        .find(marker)
        .with_context(|| format!("no `{marker}` in {text}"))?;
    let after = &text[start + marker.len()..];
    let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'');
    let quote = quote.with_context(|| format!("no quoted value after `{marker}`"))?;
    let value = &after[1..];
    let end = value.find(quote).context("unterminated quoted value")?;
    Ok(value[..end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_HTML: &str = concat!(
        r#"<html><head><link rel="modulepreload" href="./app-1.js" integrity="sha384-js">"#,
        r#"<link rel="preload" href="./app-1_bg.wasm" crossorigin="anonymous" integrity="sha384-wasm" as="fetch" type="application/wasm"></head>"#,
        r#"<body><div id="app"></div><script type="module">"#,
        "\nimport init, * as bindings from './app-1.js';\n",
        "const wasm = await init({ module_or_path: './app-1_bg.wasm' });\n",
        "</script></body></html>"
    );

    #[test]
    fn reads_trunks_names_and_the_wasm_integrity() {
        let (html, script) = take_inline_script(TRUNK_HTML).unwrap();
        let (html, wasm_integrity) = take_wasm_preload(&html).unwrap();
        let output = TrunkOutput {
            app_js: quoted_after(&script, "from ").unwrap(),
            app_wasm: quoted_after(&script, "module_or_path: ").unwrap(),
            wasm_integrity,
        };
        assert_eq!(
            output,
            TrunkOutput {
                app_js: "./app-1.js".into(),
                app_wasm: "./app-1_bg.wasm".into(),
                wasm_integrity: "sha384-wasm".into(),
            }
        );
        assert_eq!(
            html,
            r#"<html><head><link rel="modulepreload" href="./app-1.js" integrity="sha384-js"></head><body><div id="app"></div></body></html>"#
        );
    }

    #[test]
    fn the_shipped_template_has_every_name_filled() {
        let template = std::fs::read_to_string(project_root().join("web/boot.js")).unwrap();
        let output = TrunkOutput {
            app_js: "./app-1.js".into(),
            app_wasm: "./app-1_bg.wasm".into(),
            wasm_integrity: "sha384-wasm".into(),
        };
        let loader = fill_template(&template, &output);
        assert!(!loader.contains("__"), "a name is left unfilled:\n{loader}");
        assert!(loader.contains("from './app-1.js'"));
        assert!(loader.contains("fetch('./app-1_bg.wasm', { integrity: 'sha384-wasm' })"));
    }

    #[test]
    fn comments_are_dropped_and_everything_else_kept() {
        assert_eq!(
            without_comments("<head><!-- one\nline --><title>t</title></head><!--two--><p>x</p>"),
            "<head><title>t</title></head><p>x</p>"
        );
        assert_eq!(without_comments("<p>a</p><!-- open"), "<p>a</p><!-- open");
    }

    #[test]
    fn a_page_without_the_wasm_preload_is_refused() {
        let error = take_wasm_preload("<html></html>").unwrap_err();
        assert_eq!(error.to_string(), "trunk wrote no wasm preload link");
    }
}
