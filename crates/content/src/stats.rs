//! Module statistics for authors and reviewers: lessons, items by type, variants, minutes and
//! distinct sources.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::check::Content;
use crate::model::{ItemKind, ModuleFile, ModuleSummary};

/// The size of one module at a glance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModuleStats {
    pub id: String,
    pub lessons: usize,
    pub items: usize,
    /// Item counts by type name, for the types present.
    pub items_by_type: BTreeMap<String, usize>,
    pub variants: usize,
    /// The sum of the lessons' estimates.
    pub estimated_minutes: f32,
    /// Distinct source URLs of the module and its items.
    pub sources: usize,
}

/// Statistics for every module of the content, in site order.
pub fn stats(content: &Content) -> Vec<ModuleStats> {
    content
        .modules
        .iter()
        .map(|(summary, file)| module_stats(summary, file))
        .collect()
}

fn module_stats(summary: &ModuleSummary, file: &ModuleFile) -> ModuleStats {
    let items: Vec<_> = file.lessons.iter().flat_map(|l| &l.items).collect();
    let mut by_type: BTreeMap<ItemKind, usize> = BTreeMap::new();
    for item in &items {
        *by_type.entry(item.kind()).or_default() += 1;
    }
    let mut sources: BTreeSet<&str> = file.sources.iter().map(|s| s.url.as_str()).collect();
    sources.extend(items.iter().map(|i| i.source.url.as_str()));
    let minutes: f32 = summary.lessons.iter().map(|l| l.minutes).sum();
    ModuleStats {
        id: summary.id.clone(),
        lessons: file.lessons.len(),
        items: items.len(),
        items_by_type: by_type
            .into_iter()
            .map(|(k, n)| (k.name().to_string(), n))
            .collect(),
        variants: items.iter().map(|i| i.variants.len()).sum(),
        estimated_minutes: (minutes * 10.0).round() / 10.0,
        sources: sources.len(),
    }
}

/// The statistics as pretty JSON, for `cargo xtask content stats --json`.
pub fn stats_json(stats: &[ModuleStats]) -> String {
    serde_json::to_string_pretty(stats).expect("statistics always serialise")
}
