//! Checking a whole content tree: the site, every module folder, and the rules that span files
//! (lesson lists, prerequisites, ids unique across all content).

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{ContentErrors, ErrorKind};
use crate::markdown::Media;
use crate::model::{ModuleFile, ModuleSummary, PlacementSettings, Site};
use crate::parse::fields::Val;
use crate::parse::lesson::{ParsedLesson, parse_lesson};
use crate::parse::module::{ModuleMeta, parse_module};
use crate::parse::site::{SiteConfig, default_site, parse_site};
use crate::source::{Loc, Report, SourceTree};

/// Validated content, ready to compile or summarise.
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    pub site: Site,
    /// The site's modules in order. `file` in each summary is empty until compiled.
    pub modules: Vec<(ModuleSummary, ModuleFile)>,
    /// Files to publish: (path in the source tree, path under the output folder).
    pub media: Vec<(String, String)>,
}

/// Options for checking and compiling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Where the app's page finds the output folder, used in image addresses: with the output in
    /// `dist/content/` and the app at `dist/index.html`, this is `content/`.
    pub public_prefix: String,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            public_prefix: "content/".into(),
        }
    }
}

/// Checks a content tree, returning every problem at once or the validated content.
pub fn check(tree: &SourceTree, options: &Options) -> Result<Content, ContentErrors> {
    let mut r = Report::default();
    let paths: BTreeMap<&str, String> = tree
        .files
        .keys()
        .map(|k| (k.as_str(), tree.display(k)))
        .collect();
    let loc_of = |relative: &str| Loc::file(&paths[relative], &tree.files[relative]);
    let config = match tree.files.get("site.toml") {
        Some(text) => {
            parse_site(tree, &paths["site.toml"], text, &mut r).unwrap_or_else(default_site)
        }
        None => default_site(),
    };
    let folders = module_folders(tree, &loc_of, &mut r);
    let order = site_order(&config, &folders, &loc_of, &mut r);
    let media_base = format!("{}media/", options.public_prefix);
    let mut ids = IdRegistry::default();
    let mut modules = Vec::new();
    for folder in &folders {
        let media = Media {
            module: folder,
            assets: &tree.assets,
            base: &media_base,
        };
        let checked = check_module(tree, folder, &loc_of, media, &mut ids, &mut r);
        if let (Some(module), true) = (checked, order.contains(folder)) {
            modules.push(module);
        }
    }
    if r.count() > 0 {
        return Err(r.finish());
    }
    modules.sort_by_key(|(summary, _)| order.iter().position(|id| *id == summary.id));
    Ok(assemble(tree, config, modules, options))
}

/// Folders that hold a module.toml; lesson files in a folder without one are reported.
fn module_folders<'a>(
    tree: &SourceTree,
    loc_of: &dyn Fn(&str) -> Loc<'a>,
    r: &mut Report,
) -> BTreeSet<String> {
    let mut folders = BTreeSet::new();
    let mut orphans = BTreeMap::new();
    for path in tree.files.keys() {
        let Some((folder, name)) = path.split_once('/') else {
            continue;
        };
        if name == "module.toml" {
            folders.insert(folder.to_string());
        } else if is_lesson_file(name) {
            orphans.entry(folder.to_string()).or_insert(path.clone());
        }
    }
    for (folder, lesson) in orphans.iter().filter(|(f, _)| !folders.contains(*f)) {
        let what = format!("folder `{folder}` has lesson files but no module.toml");
        let fix = "Add a module.toml to the folder (see docs/authoring.md), or move the lessons into a module.";
        r.add(&loc_of(lesson), 0, ErrorKind::ModuleFolder, what, fix);
    }
    folders
}

/// The modules the site shows, in order: site.toml's `modules`, or every folder alphabetically.
fn site_order<'a>(
    config: &SiteConfig,
    folders: &BTreeSet<String>,
    loc_of: &dyn Fn(&str) -> Loc<'a>,
    r: &mut Report,
) -> Vec<String> {
    let Some(listed) = &config.modules else {
        return folders.iter().cloned().collect();
    };
    let loc = loc_of("site.toml");
    let mut order: Vec<&Val<String>> = Vec::new();
    for module in listed {
        if let Some(first) = order.iter().find(|m| m.value == module.value) {
            let what = format!(
                "module `{}` is listed twice (first at {})",
                module.value,
                loc.describe(first.at)
            );
            r.add(
                &loc,
                module.at,
                ErrorKind::DuplicateId,
                what,
                "List each module once.",
            );
        } else if !folders.contains(&module.value) {
            let what = format!(
                "module folder `{}` does not exist or has no module.toml",
                module.value
            );
            let fix = "Check the folder name, or remove it from `modules`.";
            r.add(&loc, module.at, ErrorKind::ModuleFolder, what, fix);
        } else {
            order.push(module);
        }
    }
    order.into_iter().map(|m| m.value.clone()).collect()
}

/// A lesson file sits directly in its module folder; Markdown files named in capitals
/// (README.md, SOURCES.md) are authors' notes, not lessons.
fn is_lesson_file(name: &str) -> bool {
    name.ends_with(".md") && !name.contains('/') && !name.chars().any(|c| c.is_ascii_uppercase())
}

/// Item ids seen so far and where, to report duplicates across all content.
#[derive(Default)]
struct IdRegistry {
    seen: BTreeMap<String, String>,
}

impl IdRegistry {
    fn add(&mut self, lesson: &ParsedLesson<'_>, r: &mut Report) {
        for (id, loc, at) in &lesson.item_sites {
            if let Some(first) = self.seen.get(id) {
                let what = format!("item id `{id}` is already used at {first}");
                let fix = "Give this item a new id; ids are unique across all content because learner progress is keyed on them.";
                r.add(loc, *at, ErrorKind::DuplicateId, what, fix);
            } else {
                self.seen.insert(id.clone(), loc.describe(*at));
            }
        }
    }
}

fn check_module<'a>(
    tree: &'a SourceTree,
    folder: &str,
    loc_of: &dyn Fn(&str) -> Loc<'a>,
    media: Media<'a>,
    ids: &mut IdRegistry,
    r: &mut Report,
) -> Option<(ModuleSummary, ModuleFile)> {
    let Some(meta) = parse_module(folder, loc_of(&format!("{folder}/module.toml")), r) else {
        // Still check the lessons, so that one typo in module.toml does not hide their problems.
        for path in lesson_files(tree, folder) {
            let name = lesson_name(path);
            if let Some(lesson) = parse_lesson(name, loc_of(path), media, r) {
                ids.add(&lesson, r);
            }
        }
        return None;
    };
    let (lessons, all_read) = read_lessons(tree, folder, &meta, loc_of, media, r);
    let mut listed: Vec<&str> = Vec::new();
    for lesson in &lessons {
        check_prerequisites(lesson, &listed, r);
        listed.push(&lesson.summary.id);
        ids.add(lesson, r);
    }
    // A lesson that could not be read may have items, so only a fully read module is judged.
    if all_read && lessons.iter().all(|l| l.item_blocks == 0) {
        let what = format!("module `{folder}` has no items");
        let fix = "Add lessons with ```item blocks, and list them in `lessons`.";
        r.add(&meta.loc, 0, ErrorKind::NoItems, what, fix);
    }
    Some(module_output(meta, lessons))
}

fn read_lessons<'a>(
    tree: &'a SourceTree,
    folder: &str,
    meta: &ModuleMeta<'a>,
    loc_of: &dyn Fn(&str) -> Loc<'a>,
    media: Media<'a>,
    r: &mut Report,
) -> (Vec<ParsedLesson<'a>>, bool) {
    let mut lessons = Vec::new();
    let mut all_read = true;
    for lesson in &meta.lessons {
        let path = format!("{folder}/{}.md", lesson.value);
        if tree.files.contains_key(&path) {
            let parsed = parse_lesson(&lesson.value, loc_of(&path), media, r);
            all_read &= parsed.is_some();
            lessons.extend(parsed);
        } else {
            let what = format!(
                "lesson `{}` has no file `{}.md`",
                lesson.value, lesson.value
            );
            let fix = format!("Create `{path}`, or correct the name in `lessons`.");
            r.add(&meta.loc, lesson.at, ErrorKind::LessonList, what, fix);
        }
    }
    for path in lesson_files(tree, folder) {
        let name = lesson_name(path);
        if !meta.lessons.iter().any(|l| l.value == name) {
            let what = format!("lesson file `{name}.md` is not listed in module.toml");
            let fix = format!(
                "Add \"{name}\" to `lessons` in module.toml (in teaching order), or remove the file."
            );
            r.add(&loc_of(path), 0, ErrorKind::LessonList, what, fix);
        }
    }
    (lessons, all_read)
}

/// The lesson files directly in a module folder, by path.
fn lesson_files<'t>(tree: &'t SourceTree, folder: &str) -> Vec<&'t String> {
    let prefix = format!("{folder}/");
    tree.files
        .keys()
        .filter(|p| p.strip_prefix(&prefix).is_some_and(is_lesson_file))
        .collect()
}

/// `cyber-security/phishing.md` gives `phishing`.
fn lesson_name(path: &str) -> &str {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".md").unwrap_or(file)
}

fn check_prerequisites(lesson: &ParsedLesson<'_>, earlier: &[&str], r: &mut Report) {
    for prerequisite in &lesson.prerequisites {
        if !earlier.contains(&prerequisite.value.as_str()) {
            let what = format!(
                "prerequisite `{}` is not an earlier lesson of this module",
                prerequisite.value
            );
            let fix = "Name a lesson listed before this one in module.toml's `lessons`.";
            r.add(
                &lesson.front,
                prerequisite.at,
                ErrorKind::Prerequisite,
                what,
                fix,
            );
        }
    }
}

fn module_output(
    meta: ModuleMeta<'_>,
    lessons: Vec<ParsedLesson<'_>>,
) -> (ModuleSummary, ModuleFile) {
    let lesson_count = lessons.len() as u32;
    let summary = ModuleSummary {
        id: meta.id.clone(),
        title: meta.title,
        summary: meta.summary,
        audience: meta.audience,
        minutes: meta.minutes,
        version: meta.version,
        desired_retention: meta.desired_retention,
        domains: meta.domains,
        facts_checked: meta.facts_checked,
        file: String::new(),
        placement: PlacementSettings {
            enabled: meta.placement_enabled,
            max_items: meta.placement_max_items.unwrap_or(lesson_count),
        },
        lessons: lessons.iter().map(|l| l.summary.clone()).collect(),
    };
    let file = ModuleFile {
        format: crate::model::FORMAT,
        id: meta.id,
        version: meta.version,
        sources: meta.sources,
        lessons: lessons.into_iter().map(|l| l.lesson).collect(),
    };
    (summary, file)
}

/// Gives the logo its published address and lists the files to publish.
fn assemble(
    tree: &SourceTree,
    config: SiteConfig,
    modules: Vec<(ModuleSummary, ModuleFile)>,
    options: &Options,
) -> Content {
    let mut site = config.site;
    let mut media = Vec::new();
    if let Some(logo) = config.logo_file {
        site.logo = Some(format!("{}media/{logo}", options.public_prefix));
        media.push((logo.clone(), format!("media/{logo}")));
    }
    for (summary, _) in &modules {
        let prefix = format!("{}/", summary.id);
        for asset in tree.assets.iter().filter(|a| a.starts_with(&prefix)) {
            media.push((asset.clone(), format!("media/{asset}")));
        }
    }
    Content {
        site,
        modules,
        media,
    }
}
