//! Modules: the catalogue with each module's progress, mastery and minutes.

use content::model as cm;
use engine::ItemId;
use yew::prelude::*;

use crate::clock::now_ms;
use crate::components::loading::Loading;
use crate::insights::percent;
use crate::route::Route;
use crate::state::{AppContext, use_app};

/// How many of a lesson's items the learner has met, and whether all were tested out.
pub fn lesson_counts(app: &AppContext, lesson: &cm::LessonSummary) -> (usize, usize, bool) {
    let learner = app.learner.read();
    let records: Vec<_> = lesson
        .items
        .iter()
        .filter_map(|item| learner.items.get(&ItemId::new(item.id.clone())))
        .collect();
    let tested_out = !records.is_empty() && records.iter().all(|record| record.tested_out);
    (records.len(), lesson.items.len(), tested_out)
}

/// A lesson's state in words, with the tag colour that goes with it (the words carry the meaning).
pub fn lesson_state(app: &AppContext, lesson: &cm::LessonSummary) -> (String, &'static str) {
    match lesson_counts(app, lesson) {
        (0, _, _) => ("Not started".into(), "nhsuk-tag--grey"),
        (met, total, true) if met == total => ("Known already".into(), "nhsuk-tag--blue"),
        (met, total, _) if met == total => ("Learned".into(), "nhsuk-tag--green"),
        (met, total, _) => (format!("{met} of {total} learned"), "nhsuk-tag--yellow"),
    }
}

#[function_component(Modules)]
pub fn modules() -> Html {
    let app = use_app();
    let Some(catalogue) = app.catalogue.clone().filter(|_| app.ready()) else {
        return html! { <Loading heading="Modules" /> };
    };
    let mastery = app.mastery(now_ms());
    let cards = catalogue.modules.iter().map(|module| {
        let progress = mastery.modules.iter().find(|m| m.module_id == module.id);
        let line = match progress {
            Some(progress) => format!(
                "{} of {} questions learned, {} remembered.",
                progress.mastery.introduced, progress.mastery.total, percent(progress.mastery.recall)
            ),
            None => "Not in your plan.".to_string(),
        };
        html! {
            <li class="nhsuk-card nhsuk-card--clickable app-module-card"><div class="nhsuk-card__content">
                <h2 class="nhsuk-card__heading nhsuk-heading-m">
                    <a class="nhsuk-card__link" href={Route::Module { module: module.id.clone() }.href()}>{ &module.title }</a>
                </h2>
                <p class="nhsuk-card__description">{ &module.summary }</p>
                <p class="nhsuk-body-s">{ format!("{} lessons, about {} minutes. ", module.lessons.len(), module.minutes) }{ line }</p>
                if let Some(progress) = progress {
                    <progress class="app-progress" max={progress.mastery.total.max(1).to_string()} value={progress.mastery.introduced.to_string()}
                        aria-label={format!("{} progress", module.title)}></progress>
                }
            </div></li>
        }
    });
    html! {
        <>
            <h1>{ "Modules" }</h1>
            <ul class="app-card-list">{ for cards }</ul>
        </>
    }
}
