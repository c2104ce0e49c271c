//! Builds the engine's lean catalogue from the compiled content catalogue: the only place that
//! knows both shapes.

use content::model as cm;

/// The engine's lesson id for a lesson: content lesson ids are unique only within a module, the
/// engine's across the catalogue, so the module id is put in front.
pub fn engine_lesson_id(module_id: &str, lesson_id: &str) -> String {
    format!("{module_id}/{lesson_id}")
}

/// The engine's name for a content item type.
pub fn engine_kind(kind: cm::ItemKind) -> engine::ItemKind {
    match kind {
        cm::ItemKind::Single => engine::ItemKind::Single,
        cm::ItemKind::Multiple => engine::ItemKind::Multiple,
        cm::ItemKind::TrueFalse => engine::ItemKind::TrueFalse,
        cm::ItemKind::Order => engine::ItemKind::Order,
        cm::ItemKind::Numeric => engine::ItemKind::Numeric,
        cm::ItemKind::Text => engine::ItemKind::Text,
        cm::ItemKind::Scenario => engine::ItemKind::Scenario,
        cm::ItemKind::Spot => engine::ItemKind::Spot,
    }
}

/// The catalogue a SCORM package built for one module shows (`cargo xtask scorm --module ID`):
/// that module alone, so the LMS's course is that module and its score is that module's. An id
/// the catalogue lacks (a package rebuilt with other content) leaves the catalogue whole.
pub fn only_module(mut catalogue: cm::Catalogue, module_id: &str) -> cm::Catalogue {
    if catalogue
        .modules
        .iter()
        .any(|module| module.id == module_id)
    {
        catalogue.modules.retain(|module| module.id == module_id);
    }
    catalogue
}

/// The engine catalogue for the modules the learner takes (all when `chosen` is empty), in the
/// site's order.
pub fn engine_catalogue(catalogue: &cm::Catalogue, chosen: &[String]) -> engine::Catalogue {
    let modules = catalogue
        .modules
        .iter()
        .filter(|module| chosen.is_empty() || chosen.contains(&module.id))
        .map(engine_module)
        .collect();
    engine::Catalogue { modules }
}

fn engine_module(module: &cm::ModuleSummary) -> engine::Module {
    engine::Module {
        id: module.id.clone(),
        skill_domain: module.domains.first().cloned().unwrap_or_default(),
        placement_max_questions: Some(module.placement.max_items),
        desired_retention: Some(module.desired_retention),
        lessons: module
            .lessons
            .iter()
            .map(|lesson| engine_lesson(&module.id, lesson))
            .collect(),
    }
}

fn engine_lesson(module_id: &str, lesson: &cm::LessonSummary) -> engine::Lesson {
    engine::Lesson {
        id: engine_lesson_id(module_id, &lesson.id),
        prerequisites: lesson
            .prerequisites
            .iter()
            .map(|id| engine_lesson_id(module_id, id))
            .collect(),
        items: lesson.items.iter().map(engine_item).collect(),
    }
}

fn engine_item(item: &cm::ItemStub) -> engine::Item {
    engine::Item {
        id: engine::ItemId::new(item.id.clone()),
        kind: engine_kind(item.kind),
        version: item.version,
        difficulty: item.difficulty,
        placement: item.placement,
    }
}

/// Where an item lives: its module and lesson summaries.
pub fn locate<'a>(
    catalogue: &'a cm::Catalogue,
    item_id: &str,
) -> Option<(&'a cm::ModuleSummary, &'a cm::LessonSummary)> {
    catalogue.modules.iter().find_map(|module| {
        module
            .lessons
            .iter()
            .find(|lesson| lesson.items.iter().any(|item| item.id == item_id))
            .map(|lesson| (module, lesson))
    })
}

/// A small content catalogue for the app's unit tests: one module, lessons `a` (item `q1`) and
/// `b` (item `q2`, after `a`).
#[cfg(test)]
pub(crate) mod test_support {
    pub(crate) use super::tests::catalogue;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stub(id: &str) -> cm::ItemStub {
        cm::ItemStub {
            id: id.into(),
            kind: cm::ItemKind::TrueFalse,
            version: 2,
            difficulty: 3,
            placement: false,
            variants: 0,
        }
    }

    pub(crate) fn catalogue() -> cm::Catalogue {
        let lesson = |id: &str, prerequisites: Vec<String>, items| cm::LessonSummary {
            id: id.into(),
            title: id.into(),
            objective: String::new(),
            minutes: 1.0,
            prerequisites,
            items,
        };
        cm::Catalogue {
            format: cm::FORMAT,
            site: cm::Site {
                name: "M".into(),
                tagline: None,
                accent_colour: None,
                logo: None,
                logo_alt: None,
                help_contact: None,
            },
            modules: vec![cm::ModuleSummary {
                id: "cyber".into(),
                title: "Cyber".into(),
                summary: String::new(),
                audience: String::new(),
                minutes: 5,
                version: 1,
                desired_retention: 0.9,
                domains: vec!["security".into()],
                facts_checked: "2026-01".into(),
                file: "modules/cyber.json".into(),
                placement: cm::PlacementSettings {
                    enabled: true,
                    max_items: 3,
                },
                lessons: vec![
                    lesson("a", vec![], vec![stub("q1")]),
                    lesson("b", vec!["a".into()], vec![stub("q2")]),
                ],
            }],
        }
    }

    #[test]
    fn lessons_get_catalogue_wide_ids_and_prerequisites_follow() {
        let engine = engine_catalogue(&catalogue(), &[]);
        let lessons = &engine.modules[0].lessons;
        assert_eq!(lessons[1].id, "cyber/b");
        assert_eq!(lessons[1].prerequisites, vec!["cyber/a".to_string()]);
        assert_eq!(lessons[1].items[0].version, 2);
        assert_eq!(engine.modules[0].skill_domain, "security");
    }

    #[test]
    fn a_package_for_one_module_shows_only_that_module() {
        let mut two = catalogue();
        let mut other = two.modules[0].clone();
        other.id = "other".into();
        two.modules.push(other);
        let only = only_module(two.clone(), "other");
        assert_eq!(only.modules.len(), 1);
        assert_eq!(only.modules[0].id, "other");
        assert_eq!(only_module(two, "missing").modules.len(), 2);
    }

    #[test]
    fn only_chosen_modules_are_planned() {
        assert!(
            engine_catalogue(&catalogue(), &["other".into()])
                .modules
                .is_empty()
        );
        assert_eq!(
            locate(&catalogue(), "q2").map(|(_, l)| l.id.as_str()),
            Some("b")
        );
    }
}
