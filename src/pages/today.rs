//! Today: the planned session in words with one start button, the streak and this week's goal,
//! each module's state, quick placement checks after the welcome, and a way to resume.

use engine::DeadlineStatus;
use yew::prelude::*;

use super::first_run::FirstRun;
use crate::clock::now_ms;
use crate::components::loading::Loading;
use crate::insights::{format_date, minutes_this_week, percent, weekly_goal_minutes};
use crate::route::Route;
use crate::session::{Step, practice_plan};
use crate::state::{Action, AppContext, use_app};

/// "1 review" / "3 reviews".
pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

#[function_component(Today)]
pub fn today() -> Html {
    let app = use_app();
    if !app.ready() {
        let name = app
            .catalogue
            .as_ref()
            .map_or("Microlearn".to_string(), |c| c.site.name.clone());
        return html! { <Loading heading={name} /> };
    }
    if !app.settings.onboarded {
        return html! { <FirstRun /> };
    }
    let now = now_ms();
    let start = |action: fn(&AppContext, i64)| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            action(&app, now_ms());
            Route::Session.go();
        })
    };
    html! {
        <>
            <h1>{ "Today" }</h1>
            <Placements />
            { resume_offer(&app, start(|app, now| app.dispatch(Action::ResumeSession(now)))) }
            { session_offer(&app, now, start(|app, now| app.dispatch(Action::StartSession(app.plan(now), now))), start(start_practice)) }
            { habits(&app, now) }
            { module_states(&app, now) }
        </>
    }
}

fn start_practice(app: &AppContext, now: i64) {
    if let Some(catalogue) = &app.catalogue {
        let plan = practice_plan(
            &app.learner.read(),
            catalogue,
            &app.engine_catalogue,
            &app.scheduler,
            now,
            8,
        );
        app.dispatch(Action::StartSession(plan, now));
    }
}

fn resume_offer(app: &AppContext, onclick: Callback<MouseEvent>) -> Html {
    let in_progress = app
        .session
        .as_ref()
        .is_some_and(|session| session.step != Step::Finished);
    if in_progress {
        return html! {
            <div class="nhsuk-card app-resume"><div class="nhsuk-card__content">
                <h2 class="nhsuk-card__heading">{ "Your session is in progress" }</h2>
                <a class="nhsuk-button" href={Route::Session.href()}>{ "Continue your session" }</a>
            </div></div>
        };
    }
    let Some(point) = &app.saved_resume else {
        return Html::default();
    };
    let left = point.queue.len().saturating_sub(point.position);
    html! {
        <div class="nhsuk-card app-resume"><div class="nhsuk-card__content">
            <h2 class="nhsuk-card__heading">{ "You stopped part-way through a session" }</h2>
            <p class="nhsuk-card__description">{ format!("{} left.", plural(left, "question", "questions")) }</p>
            <button type="button" class="nhsuk-button" {onclick}>{ "Resume where you left off" }</button>
        </div></div>
    }
}

fn session_offer(
    app: &AppContext,
    now: i64,
    start: Callback<MouseEvent>,
    practise: Callback<MouseEvent>,
) -> Html {
    let plan = app.plan(now);
    if plan.queue.is_empty() {
        let next_lesson = next_lesson_route(app);
        return html! {
            <section aria-labelledby="plan-heading">
                <h2 id="plan-heading">{ "Nothing is due today" }</h2>
                <p>{ "You are up to date. Your next reviews will appear here when they are due." }</p>
                <ul class="app-actions">
                    if let Some(route) = next_lesson {
                        <li><a class="nhsuk-button" href={route.href()}>{ "Learn something new" }</a></li>
                    }
                    if !app.learner.read().items.is_empty() {
                        <li><button type="button" class="nhsuk-button nhsuk-button--secondary" onclick={practise}>{ "Practise what you know" }</button></li>
                    }
                </ul>
            </section>
        };
    }
    let (reviews, new) = (plan.reviews(None), plan.new_questions());
    let minutes = plan.estimated_minutes().ceil().max(1.0) as usize;
    let words = match (reviews, new) {
        (0, new) => plural(new, "new question", "new questions"),
        (reviews, 0) => plural(reviews, "review", "reviews"),
        (reviews, new) => format!(
            "{} and {}",
            plural(reviews, "review", "reviews"),
            plural(new, "new question", "new questions")
        ),
    };
    html! {
        <section aria-labelledby="plan-heading" class="app-plan">
            <h2 id="plan-heading">{ "Today's session" }</h2>
            <p class="nhsuk-body-l" id="plan-summary">{ format!("{words}, about {}.", plural(minutes, "minute", "minutes")) }</p>
            <button type="button" class="nhsuk-button app-start" onclick={start} aria-describedby="plan-summary">{ "Start today's session" }</button>
        </section>
    }
}

/// The first lesson, in the learner's modules, that still has items to learn.
fn next_lesson_route(app: &AppContext) -> Option<Route> {
    let catalogue = app.catalogue.as_ref()?;
    let learner = app.learner.read();
    catalogue
        .modules
        .iter()
        .filter(|module| {
            app.engine_catalogue
                .modules
                .iter()
                .any(|m| m.id == module.id)
        })
        .flat_map(|module| module.lessons.iter().map(move |lesson| (module, lesson)))
        .find(|(_, lesson)| {
            lesson.items.iter().any(|item| {
                !learner
                    .items
                    .contains_key(&engine::ItemId::new(item.id.clone()))
            })
        })
        .map(|(module, lesson)| Route::Lesson {
            module: module.id.clone(),
            lesson: lesson.id.clone(),
        })
}

fn habits(app: &AppContext, now: i64) -> Html {
    let streak = app.learner.read().streak.current_days(now) as usize;
    let week = minutes_this_week(&app.log.read(), now);
    let goal = weekly_goal_minutes(app.settings.study.daily_minutes);
    html! {
        <dl class="nhsuk-summary-list app-habits">
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">{ "Streak" }</dt>
                <dd class="nhsuk-summary-list__value">{ if streak == 0 { "Start one today".to_string() } else { plural(streak, "day in a row", "days in a row") } }</dd>
            </div>
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">{ "This week" }</dt>
                <dd class="nhsuk-summary-list__value">
                    { format!("{week} of {goal} minutes") }
                    <progress class="app-progress" max={goal.to_string()} value={week.min(goal).to_string()} aria-label="This week's goal"></progress>
                </dd>
            </div>
        </dl>
    }
}

fn module_states(app: &AppContext, now: i64) -> Html {
    let Some(catalogue) = &app.catalogue else {
        return Html::default();
    };
    let plan = app.plan(now);
    let mastery = app.mastery(now);
    let cards = mastery.modules.iter().filter_map(|progress| {
        let summary = catalogue.modules.iter().find(|m| m.id == progress.module_id)?;
        let due = plan.reviews(Some(&progress.module_id));
        let deadline = plan.deadlines.iter().find(|d| d.module_id == progress.module_id);
        let deadline_line = deadline.map(|report| match report.status {
            DeadlineStatus::OnTrack => html! {
                <p><strong class="nhsuk-tag nhsuk-tag--green">{ "On track" }</strong>{ format!(" for {}", format_date(report.deadline_ms)) }</p>
            },
            DeadlineStatus::Behind => html! {
                <p><strong class="nhsuk-tag nhsuk-tag--red">{ "Behind" }</strong>
                { format!(" {} to learn by {}; about {} new a day would catch up.",
                    plural(report.items_not_introduced, "question", "questions"), format_date(report.deadline_ms), report.new_items_needed_per_day) }</p>
            },
        });
        Some(html! {
            <li class="nhsuk-card app-module-state"><div class="nhsuk-card__content">
                <h3 class="nhsuk-card__heading"><a href={Route::Module { module: summary.id.clone() }.href()}>{ &summary.title }</a></h3>
                <p class="nhsuk-card__description">
                    { format!("{} of {} questions learned, {} remembered. ", progress.mastery.introduced, progress.mastery.total, percent(progress.mastery.recall)) }
                    { if due == 0 { "Nothing due.".to_string() } else { format!("{} due today.", plural(due, "review", "reviews")) } }
                </p>
                { deadline_line }
            </div></li>
        })
    });
    html! {
        <section aria-labelledby="modules-heading">
            <h2 id="modules-heading">{ "Your modules" }</h2>
            <ul class="app-card-list">{ for cards }</ul>
        </section>
    }
}

/// The optional quick checks offered after the welcome, one per module, with a clear skip.
#[function_component(Placements)]
fn placements() -> Html {
    let app = use_app();
    let Some(catalogue) = &app.catalogue else {
        return Html::default();
    };
    let learner = app.learner.read();
    let pending: Vec<_> = catalogue
        .modules
        .iter()
        .filter(|module| {
            app.engine_catalogue
                .modules
                .iter()
                .any(|m| m.id == module.id)
        })
        .filter(|module| {
            module.placement.enabled && !app.settings.placement_done.contains_key(&module.id)
        })
        .filter(|module| {
            !module.lessons.iter().flat_map(|l| &l.items).any(|item| {
                learner
                    .items
                    .contains_key(&engine::ItemId::new(item.id.clone()))
            })
        })
        .collect();
    if pending.is_empty() {
        return Html::default();
    }
    let skip = {
        let app = app.clone();
        let ids: Vec<String> = pending.iter().map(|m| m.id.clone()).collect();
        Callback::from(move |_: MouseEvent| {
            let mut settings = app.settings.clone();
            for id in &ids {
                settings.placement_done.insert(id.clone(), now_ms());
            }
            app.dispatch(Action::SettingsChanged(settings));
        })
    };
    html! {
        <section class="nhsuk-card app-placements" aria-labelledby="placement-heading"><div class="nhsuk-card__content">
            <h2 class="nhsuk-card__heading" id="placement-heading">{ "Already know some of this?" }</h2>
            <p>{ "A quick check of one question per lesson lets you skip what you know. It is optional." }</p>
            <ul class="nhsuk-list">
                { for pending.iter().map(|module| html! {
                    <li><a href={Route::Placement { module: module.id.clone() }.href()}>{ format!("Check what I know: {}", module.title) }</a></li>
                }) }
            </ul>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" onclick={skip}>{ "Skip the checks and start learning" }</button>
        </div></section>
    }
}
