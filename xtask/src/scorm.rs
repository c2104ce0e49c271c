//! `cargo xtask scorm`: a SCORM 1.2 package (a zip with `imsmanifest.xml` at its root, the app's
//! files and a launch page) for Moodle, Totara and the NHS Learning Hub.

use anyhow::{Context, Result, bail};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{bundle, content_cmd, project_root, pwa};

/// The page the LMS opens: index.html with a marker that tells the app to look for the LMS's API.
pub const LAUNCH_PAGE: &str = "scorm-launch.html";

const USAGE: &str =
    "usage: cargo xtask scorm [--module ID] [--content DIR] [--dist DIR] [--no-build] [--out FILE]

Builds the app (unless --no-build, which packages the bundle already in --dist) and writes a
SCORM 1.2 zip. --module ID makes the package one module's course; without it the whole app is one
course. --content DIR packages another content folder (compiled afresh into the package).";

/// What goes into one package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Course {
    /// The module the launch page opens, or `None` for the whole app.
    pub module: Option<String>,
    pub title: String,
}

pub fn run(args: &[String]) -> Result<()> {
    if args.iter().any(|arg| arg == "--help" || arg == "-h") {
        println!("{USAGE}");
        return Ok(());
    }
    let options = bundle::BuildOptions::from_args(args);
    let no_build = args.iter().any(|arg| arg == "--no-build");
    if !no_build {
        bundle::build(&options)?;
    }
    let module = crate::flag_value(args, "--module").map(str::to_string);
    let stage = project_root().join(format!(
        "target/scorm/{}",
        module.as_deref().unwrap_or("microlearn")
    ));
    copy_bundle(&options.dist_dir, &stage)?;
    if no_build && crate::flag_value(args, "--content").is_some() {
        content_cmd::compile_into(&options.content_dir, &stage.join("content"))?;
    }
    let course = course_from_catalogue(&stage, module)?;
    write_launch_page(&stage, &course)?;
    let out =
        crate::flag_value(args, "--out").map_or_else(|| stage.with_extension("zip"), PathBuf::from);
    let files = package_files(&stage)?;
    std::fs::write(stage.join("imsmanifest.xml"), manifest_xml(&course, &files))?;
    write_zip(&stage, &files, &out)?;
    println!(
        "SCORM 1.2 package: {} ({} files)",
        out.display(),
        files.len() + 1
    );
    Ok(())
}

/// A fresh copy of the bundle, without the service worker: inside an LMS the app is online and
/// tracked by the LMS, and a worker registered on the LMS's origin could outlive the course.
fn copy_bundle(dist: &Path, stage: &Path) -> Result<()> {
    if stage.exists() {
        std::fs::remove_dir_all(stage)?;
    }
    for file in pwa::files_under(dist)? {
        let relative = file.strip_prefix(dist).expect("walked from dist");
        if relative == Path::new(pwa::SERVICE_WORKER) {
            continue;
        }
        let target = stage.join(relative);
        std::fs::create_dir_all(target.parent().expect("inside the stage"))?;
        std::fs::copy(&file, &target).with_context(|| format!("copying {}", file.display()))?;
    }
    Ok(())
}

/// The course title: the module's title, or the site's name for the whole app.
fn course_from_catalogue(stage: &Path, module: Option<String>) -> Result<Course> {
    let text = std::fs::read_to_string(stage.join("content/catalogue.json"))
        .context("the bundle has no content/catalogue.json")?;
    let catalogue: Value = serde_json::from_str(&text)?;
    let title = match &module {
        None => catalogue["site"]["name"]
            .as_str()
            .unwrap_or("Microlearn")
            .to_string(),
        Some(id) => catalogue["modules"]
            .as_array()
            .and_then(|modules| modules.iter().find(|m| m["id"] == id.as_str()))
            .and_then(|m| m["title"].as_str())
            .map(str::to_string)
            .with_context(|| format!("no module `{id}` in the catalogue"))?,
    };
    Ok(Course { module, title })
}

/// index.html plus `<meta name="microlearn-scorm" content="MODULE">`; the app reads it at start.
fn write_launch_page(stage: &Path, course: &Course) -> Result<()> {
    let index = std::fs::read_to_string(stage.join("index.html"))?;
    let module = course.module.as_deref().unwrap_or_default();
    if !module
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        bail!("module ids are letters, digits, '-' and '_'");
    }
    // An LMS serves the package with its own headers, so the launch page carries the app's
    // policy itself (all but frame-ancestors, which the LMS's framing needs and a meta cannot set).
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"microlearn-scorm\" content=\"{module}\">\n</head>",
        crate::serve::page_policy()
    );
    let Some(at) = index.find("</head>") else {
        bail!("index.html has no </head>");
    };
    let page = format!("{}{meta}{}", &index[..at], &index[at + "</head>".len()..]);
    std::fs::write(stage.join(LAUNCH_PAGE), page)?;
    Ok(())
}

/// Every file of the package except the manifest, as `/`-separated relative paths.
fn package_files(stage: &Path) -> Result<Vec<String>> {
    Ok(pwa::files_under(stage)?
        .iter()
        .map(|file| relative_name(stage, file))
        .filter(|name| name != "imsmanifest.xml")
        .collect())
}

fn relative_name(root: &Path, file: &Path) -> String {
    file.strip_prefix(root)
        .expect("walked from root")
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// imsmanifest.xml per the ADL SCORM 1.2 Content Aggregation Model: one organization with one
/// item pointing at one SCO resource, which lists every file of the package.
pub fn manifest_xml(course: &Course, files: &[String]) -> String {
    let id = course.module.as_deref().unwrap_or("microlearn");
    let title = escape_xml(&course.title);
    let file_lines: String = files
        .iter()
        .map(|file| format!("      <file href=\"{}\"/>\n", escape_xml(file)))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="uk.nhs.microlearn.{id}" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-{id}">
    <organization identifier="org-{id}">
      <title>{title}</title>
      <item identifier="item-{id}" identifierref="sco-{id}" isvisible="true">
        <title>{title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-{id}" type="webcontent" adlcp:scormtype="sco" href="{LAUNCH_PAGE}">
{file_lines}    </resource>
  </resources>
</manifest>
"#
    )
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// The zip, with imsmanifest.xml first and at the root as SCORM requires.
fn write_zip(stage: &Path, files: &[String], out: &Path) -> Result<()> {
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut zip = zip::ZipWriter::new(std::fs::File::create(out)?);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for name in std::iter::once("imsmanifest.xml").chain(files.iter().map(String::as_str)) {
        zip.start_file(name, options)?;
        zip.write_all(&std::fs::read(stage.join(name))?)?;
    }
    zip.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const IMSCP: &str = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    const ADLCP: &str = "http://www.adlnet.org/xsd/adlcp_rootv1p2";

    fn child<'a, 'input>(
        node: roxmltree::Node<'a, 'input>,
        name: &str,
    ) -> roxmltree::Node<'a, 'input> {
        node.children()
            .find(|n| n.has_tag_name((IMSCP, name)))
            .unwrap_or_else(|| panic!("<{name}> missing"))
    }

    fn sample_manifest() -> String {
        let course = Course {
            module: Some("sample".into()),
            title: "Phishing & <scams>".into(),
        };
        let files = vec![
            LAUNCH_PAGE.to_string(),
            "index.html".into(),
            "content/catalogue.json".into(),
        ];
        manifest_xml(&course, &files)
    }

    #[test]
    fn the_manifest_follows_the_scorm_1_2_content_aggregation_model() {
        let xml = sample_manifest();
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "manifest");
        assert_eq!(root.tag_name().namespace(), Some(IMSCP));
        assert!(root.attribute("identifier").is_some());
        let metadata = child(root, "metadata");
        assert_eq!(child(metadata, "schema").text(), Some("ADL SCORM"));
        assert_eq!(child(metadata, "schemaversion").text(), Some("1.2"));
        let organizations = child(root, "organizations");
        let organization = child(organizations, "organization");
        assert_eq!(
            organizations.attribute("default"),
            organization.attribute("identifier")
        );
        assert_eq!(
            child(organization, "title").text(),
            Some("Phishing & <scams>")
        );
        let item = child(organization, "item");
        let resource = child(child(root, "resources"), "resource");
        assert_eq!(
            item.attribute("identifierref"),
            resource.attribute("identifier")
        );
        assert_eq!(resource.attribute("type"), Some("webcontent"));
        assert_eq!(resource.attribute((ADLCP, "scormtype")), Some("sco"));
        assert_eq!(resource.attribute("href"), Some(LAUNCH_PAGE));
        let listed: Vec<&str> = resource
            .children()
            .filter(|n| n.has_tag_name((IMSCP, "file")))
            .filter_map(|n| n.attribute("href"))
            .collect();
        assert!(listed.contains(&LAUNCH_PAGE));
        assert_eq!(listed.len(), 3);
    }

    #[test]
    fn the_package_has_the_manifest_at_its_root_and_a_launch_page() {
        let stage = std::env::temp_dir().join(format!("microlearn-scorm-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&stage);
        std::fs::create_dir_all(stage.join("content")).unwrap();
        std::fs::write(
            stage.join("index.html"),
            "<html><head><title>M</title></head><body></body></html>",
        )
        .unwrap();
        std::fs::write(
            stage.join("content/catalogue.json"),
            r#"{"site":{"name":"Microlearn"},"modules":[{"id":"sample","title":"Sample"}]}"#,
        )
        .unwrap();
        let course = course_from_catalogue(&stage, Some("sample".into())).unwrap();
        assert_eq!(course.title, "Sample");
        write_launch_page(&stage, &course).unwrap();
        let launch = std::fs::read_to_string(stage.join(LAUNCH_PAGE)).unwrap();
        assert!(launch.contains("<meta name=\"microlearn-scorm\" content=\"sample\">\n</head>"));
        let policy = format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
            crate::serve::page_policy()
        );
        assert!(launch.contains(&policy), "{launch}");
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(!policy.contains("unsafe-inline") && !policy.contains("frame-ancestors"));
        let files = package_files(&stage).unwrap();
        std::fs::write(stage.join("imsmanifest.xml"), manifest_xml(&course, &files)).unwrap();
        let out = stage.join("out/package.zip");
        write_zip(&stage, &files, &out).unwrap();
        let archive = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
        let names: Vec<&str> = archive.file_names().collect();
        assert!(names.contains(&"imsmanifest.xml"));
        assert!(names.contains(&LAUNCH_PAGE));
        assert!(names.contains(&"content/catalogue.json"));
        assert_eq!(names.len(), 4);
        assert!(course_from_catalogue(&stage, Some("missing".into())).is_err());
        std::fs::remove_dir_all(stage).unwrap();
    }
}
