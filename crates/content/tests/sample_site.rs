//! The sample site compiles end to end: every item type, variants, a table, a chart, an image,
//! `working`, and answers that the model's checker scores as right.

mod common;

use content::model::{Answer, ItemKind, ModuleFile, Question, Response};
use content::{Options, compile};

fn compiled() -> content::Compiled {
    let tree = common::load(&common::fixture("sample-site"));
    match compile(&tree, &Options::default()) {
        Ok(compiled) => compiled,
        Err(errors) => panic!("the sample site should be valid:\n{errors}"),
    }
}

fn module_file(compiled: &content::Compiled) -> ModuleFile {
    let (name, json) = &compiled.module_files[0];
    assert_eq!(name, &compiled.catalogue.modules[0].file);
    serde_json::from_str(json).expect("module files read back as the model")
}

#[test]
fn catalogue_holds_site_settings_and_lesson_plans() {
    let compiled = compiled();
    let catalogue = &compiled.catalogue;
    assert_eq!(catalogue.site.name, "Microlearn Sample Trust");
    assert_eq!(catalogue.site.accent_colour.as_deref(), Some("#005EB8"));
    assert_eq!(
        catalogue.site.logo.as_deref(),
        Some("content/media/logo.svg")
    );
    assert_eq!(
        catalogue.site.help_contact.as_deref(),
        Some("IT service desk, extension 1234")
    );
    let module = &catalogue.modules[0];
    assert_eq!(module.id, "sample");
    assert_eq!(module.placement.max_items, 2);
    let lessons: Vec<&str> = module.lessons.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(lessons, ["phishing-basics", "falls-data"]);
    let falls = &module.lessons[1];
    assert_eq!(falls.prerequisites, ["phishing-basics"]);
    assert!(
        falls.minutes > 2.0 && falls.minutes <= 5.0,
        "{}",
        falls.minutes
    );
    // The first lesson marks no placement item, so its first item is used; the second marks one.
    let placement: Vec<Vec<bool>> = module
        .lessons
        .iter()
        .map(|l| l.items.iter().map(|i| i.placement).collect())
        .collect();
    assert_eq!(
        placement,
        [
            vec![true, false, false, false],
            vec![true, false, false, false, false]
        ]
    );
    let password = &module.lessons[0].items[2];
    assert_eq!(
        (password.kind, password.version, password.difficulty),
        (ItemKind::TrueFalse, 2, 3)
    );
    let read_back: content::model::Catalogue =
        serde_json::from_str(&compiled.catalogue_json).expect("the catalogue reads back");
    assert_eq!(&read_back, catalogue);
}

#[test]
fn module_files_are_named_by_content_hash() {
    let compiled = compiled();
    let (name, json) = &compiled.module_files[0];
    assert_eq!(
        name,
        &format!(
            "modules/sample.{}.json",
            content::short_hash(json.as_bytes())
        )
    );
    assert_eq!(compiled.catalogue.modules[0].file, *name);
    assert_eq!(compiled, self::compiled(), "compiling is deterministic");
}

#[test]
fn every_item_type_is_present() {
    let file = module_file(&compiled());
    let mut kinds: Vec<ItemKind> = file
        .lessons
        .iter()
        .flat_map(|l| &l.items)
        .map(|i| i.kind())
        .collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(kinds, ItemKind::ALL);
}

#[test]
fn cards_render_to_safe_html_with_images_and_links() {
    let file = module_file(&compiled());
    let report = &file.lessons[0].cards[1];
    assert_eq!(report.title, "Report it");
    assert!(
        report.body_html.contains(
            "<a href=\"https://www.ncsc.gov.uk/collection/phishing-scams\" rel=\"noopener noreferrer\" target=\"_blank\">"
        ),
        "{}",
        report.body_html
    );
    let rates = &file.lessons[1].cards[0];
    assert!(
        rates.body_html.contains(
            "<img src=\"content/media/sample/falls-chart.png\" alt=\"Bar chart of falls per month: April 6, May 9\" />"
        ),
        "{}",
        rates.body_html
    );
    let compiled = compiled();
    let media: Vec<&str> = compiled.media.iter().map(|(_, to)| to.as_str()).collect();
    assert_eq!(media, ["media/logo.svg", "media/sample/falls-chart.png"]);
}

#[test]
fn variants_inherit_what_they_leave_out() {
    let file = module_file(&compiled());
    let rate = &file.lessons[1].items[0];
    assert_eq!(rate.variants.len(), 1);
    let variant = &rate.variants[0];
    assert_eq!(
        variant.table, rate.question.table,
        "the variant reuses the item's table"
    );
    match (&rate.question.answer, &variant.answer) {
        (
            Answer::Numeric {
                tolerance: t,
                unit: u,
                ..
            },
            Answer::Numeric {
                answer,
                tolerance,
                unit,
                ..
            },
        ) => {
            assert_eq!((*answer, tolerance, unit), (1.94, t, u));
        }
        other => panic!("{other:?}"),
    }
    let phishing = &file.lessons[0].items[0];
    assert_eq!(
        phishing.variants[0].explanation_html,
        phishing.question.explanation_html
    );
}

#[test]
fn charts_and_tables_come_through_with_a_text_alternative() {
    let file = module_file(&compiled());
    let chart = file.lessons[1].items[1]
        .question
        .chart
        .as_ref()
        .expect("a chart");
    assert_eq!(
        chart.text_alternative,
        "Run chart, Falls per month. Falls by Month. Apr: 6; May: 9; Jun: 4. Median: 6."
    );
    let table = file.lessons[1].items[0]
        .question
        .table
        .as_ref()
        .expect("a table");
    assert_eq!(table.header, ["Month", "Falls", "Bed days"]);
    assert_eq!(table.rows.len(), 2);
}

/// The right response to a question, built from its answer.
fn right_response(question: &Question) -> Response {
    match &question.answer {
        Answer::Single { choices } => Response::Single {
            choice: choices
                .iter()
                .position(|c| c.correct)
                .expect("a correct choice"),
        },
        Answer::Multiple { choices } => Response::Multiple {
            choices: (0..choices.len()).filter(|&i| choices[i].correct).collect(),
        },
        Answer::TrueFalse { answer, .. } => Response::TrueFalse { answer: *answer },
        Answer::Order { steps } => Response::Order {
            steps: (0..steps.len()).collect(),
        },
        Answer::Numeric { answer, .. } => Response::Numeric { value: *answer },
        Answer::Text { accepted } => Response::Text {
            text: format!("  {}  ", accepted[0].to_uppercase()),
        },
        Answer::Scenario { parts, .. } => Response::Scenario {
            parts: parts.iter().map(right_response).collect(),
        },
        Answer::Spot { segments, .. } => Response::Spot {
            tapped: (0..segments.len())
                .filter(|&i| segments[i].suspicious)
                .collect(),
        },
    }
}

#[test]
fn right_answers_score_one_and_wrong_ones_less() {
    let file = module_file(&compiled());
    for item in file.lessons.iter().flat_map(|l| &l.items) {
        for n in 0..=item.variants.len() {
            let question = item.phrasing(n);
            let response = right_response(question);
            assert_eq!(
                item.score_phrasing(n, &response),
                1.0,
                "{} phrasing {n}",
                item.id
            );
        }
        let wrong = wrong_response(&item.question);
        assert_eq!(item.score(&wrong), 0.0, "{}", item.id);
    }
}

/// A response that gets everything wrong.
fn wrong_response(question: &Question) -> Response {
    match &question.answer {
        Answer::Single { choices } => Response::Single {
            choice: choices
                .iter()
                .position(|c| !c.correct)
                .expect("a wrong choice"),
        },
        Answer::Multiple { choices } => Response::Multiple {
            choices: (0..choices.len())
                .filter(|&i| !choices[i].correct)
                .collect(),
        },
        Answer::TrueFalse { answer, .. } => Response::TrueFalse { answer: !answer },
        Answer::Order { steps } => Response::Order {
            steps: (0..steps.len()).rev().collect(),
        },
        Answer::Numeric {
            answer, tolerance, ..
        } => Response::Numeric {
            value: answer + tolerance + 1.0,
        },
        Answer::Text { .. } => Response::Text {
            text: "something else".into(),
        },
        Answer::Scenario { parts, .. } => Response::Scenario {
            parts: parts.iter().map(wrong_response).collect(),
        },
        Answer::Spot { segments, .. } => Response::Spot {
            tapped: (0..segments.len())
                .filter(|&i| !segments[i].suspicious)
                .collect(),
        },
    }
}

#[test]
fn the_authoring_guide_shows_the_sample_lesson_verbatim() {
    let lesson = std::fs::read_to_string(common::fixture("sample-site/sample/phishing-basics.md"))
        .expect("the sample lesson");
    let guide_path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/authoring.md");
    let guide = std::fs::read_to_string(guide_path).expect("docs/authoring.md");
    assert!(
        guide.contains(&format!("````markdown\n{lesson}````\n")),
        "docs/authoring.md's worked example should match the sample lesson"
    );
}
