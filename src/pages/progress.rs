//! Progress: totals, mastery per module and lesson, a 30-day recall forecast, a 12-week
//! activity calendar, and certificates for completed modules.

use engine::time::{DAY_MS, day_index};
use yew::prelude::*;

use crate::clock::now_ms;
use crate::components::chart::{ChartProps, ChartStyle, chart};
use crate::components::loading::Loading;
use crate::components::tabs::{Tab, Tabs};
use std::collections::BTreeMap;

use crate::insights::{DayActivity, activity_by_day, format_date, percent, recall_forecast};
use crate::pages::today::plural;
use crate::route::Route;
use crate::state::{AppContext, use_app};

#[function_component(Progress)]
pub fn progress() -> Html {
    let app = use_app();
    if !app.ready() {
        return html! { <Loading heading="Progress" /> };
    }
    let now = now_ms();
    html! {
        <>
            <h1>{ "Progress" }</h1>
            { totals(&app, now) }
            { modules(&app, now) }
            <Tabs title="Contents" screen_href={Route::Progress.href()} tabs={vec![
                Tab { id: "forecast".into(), label: "What you will remember".into(), panel: forecast(&app, now) },
                Tab { id: "activity".into(), label: "Activity".into(), panel: calendar(&app, now) },
            ]} />
        </>
    }
}

fn row(key: &str, value: String) -> Html {
    html! {
        <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">{ key }</dt>
            <dd class="nhsuk-summary-list__value">{ value }</dd>
        </div>
    }
}

fn totals(app: &AppContext, now: i64) -> Html {
    let learner = app.learner.read();
    let totals = &learner.totals;
    html! {
        <dl class="nhsuk-summary-list" aria-label="Totals">
            { row("Questions learned", learner.items.len().to_string()) }
            { row("Answers given", totals.reviews.to_string()) }
            { row("Minutes of learning", (totals.response_ms / 60_000).to_string()) }
            { row("Streak", format!("{} (longest {})", plural(learner.streak.current_days(now) as usize, "day", "days"), learner.streak.longest_days)) }
            { row("Memory model", memory_model_words(&app.settings.memory_model)) }
        </dl>
    }
}

/// What the scheduler's memory model is, in words.
fn memory_model_words(model: &persist::MemoryModel) -> String {
    if !model.parameters.is_empty() {
        format!(
            "Fitted to your answers (last checked at {} answers)",
            model.fitted_at_events
        )
    } else if model.fitted_at_events > 0 {
        format!(
            "Standard: checked against your answers at {}, it still fits you best",
            model.fitted_at_events
        )
    } else {
        format!(
            "Standard, until it can be fitted to you after {} answers",
            persist::MemoryModel::REFIT_EVERY_EVENTS
        )
    }
}

fn modules(app: &AppContext, now: i64) -> Html {
    let Some(catalogue) = &app.catalogue else {
        return Html::default();
    };
    let report = app.mastery(now);
    let sections = report.modules.iter().filter_map(|progress| {
        let module = catalogue.modules.iter().find(|m| m.id == progress.module_id)?;
        let lessons = module.lessons.iter().map(|lesson| {
            let mastery = progress.lessons.get(&crate::adapter::engine_lesson_id(&module.id, &lesson.id)).copied().unwrap_or_default();
            row(&lesson.title, format!("{} of {} learned, {} remembered", mastery.introduced, mastery.total, percent(mastery.recall)))
        });
        Some(html! {
            <section class="app-progress-module" aria-labelledby={format!("progress-{}", module.id)}>
                <h3 id={format!("progress-{}", module.id)}>{ &module.title }</h3>
                <p>
                    { format!("{} of {} questions learned; you would remember about {} of the module today.",
                        progress.mastery.introduced, progress.mastery.total, percent(progress.mastery.recall)) }
                </p>
                if progress.complete {
                    <p><strong class="nhsuk-tag nhsuk-tag--green">{ "Complete" }</strong>{ " " }
                    <a href={Route::Certificate { module: module.id.clone() }.href()}>{ format!("Certificate for {}", module.title) }</a></p>
                }
                <details class="nhsuk-details">
                    <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">{ format!("Lessons in {}", module.title) }</span></summary>
                    <div class="nhsuk-details__text"><dl class="nhsuk-summary-list">{ for lessons }</dl></div>
                </details>
            </section>
        })
    });
    html! {
        <section aria-labelledby="mastery-heading">
            <h2 id="mastery-heading">{ "Your modules" }</h2>
            { for sections }
        </section>
    }
}

fn forecast(app: &AppContext, now: i64) -> Html {
    let values = recall_forecast(&app.learner.read(), &app.scheduler, now, 30);
    if values.is_empty() {
        return html! {
            <section aria-labelledby="forecast-heading">
                <h2 id="forecast-heading">{ "What you will remember" }</h2>
                <p>{ "Once you have learned some questions, a chart here shows how much you would remember over the next 30 days without reviewing." }</p>
            </section>
        };
    }
    let labels: Vec<String> = (0..values.len()).map(|day| format!("{day}")).collect();
    let words = format!(
        "Today you would remember about {:.0}% of what you have learned. Without any reviews that falls to {:.0}% in a week and {:.0}% in 30 days. Reviews keep it high.",
        values[0],
        values[7.min(values.len() - 1)],
        values[values.len() - 1]
    );
    html! {
        <section aria-labelledby="forecast-heading">
            <h2 id="forecast-heading">{ "What you will remember" }</h2>
            { chart(&ChartProps {
                style: ChartStyle::Line,
                title: "Predicted recall over the next 30 days without reviews".into(),
                x_label: "Days from today".into(),
                y_label: "Recall %".into(),
                labels,
                values,
                text_alternative: words.into(),
                y_max: Some(100.0),
            }) }
        </section>
    }
}

fn calendar(app: &AppContext, now: i64) -> Html {
    let activity = activity_by_day(&app.log.read());
    let today = day_index(now);
    // Twelve whole weeks ending with this one; columns are weeks, rows days.
    let first = today - 83;
    let studied = (first..=today)
        .filter(|day| activity.contains_key(day))
        .count();
    let cells = (first..=today).map(|day| {
        let index = day - first;
        let (column, row) = (index / 7, index % 7);
        let answers = activity.get(&day).map_or(0, |a| a.answers);
        let level = match answers { 0 => 0, 1..=4 => 1, 5..=14 => 2, _ => 3 };
        let label = format!("{}: {} answers", format_date(day * DAY_MS + engine::time::DAY_ROLLOVER_MS), answers);
        html! {
            <rect class={format!("app-calendar__day app-calendar__day--{level}")} x={(column * 14).to_string()} y={(row * 14).to_string()}
                width="12" height="12" rx="2"><title>{ label }</title></rect>
        }
    });
    html! {
        <section aria-labelledby="calendar-heading">
            <h2 id="calendar-heading">{ "Activity in the last 12 weeks" }</h2>
            <p id="calendar-summary">{ format!("You learned on {studied} of the last 84 days.") }</p>
            <svg class="app-calendar" viewBox="0 0 168 98" role="img" aria-labelledby="calendar-summary" focusable="false">
                { for cells }
            </svg>
            <p class="nhsuk-body-s">{ "Darker squares mean more answers that day. Each column is a week." }</p>
            { day_by_day(&activity, first, today) }
        </section>
    }
}

/// The calendar's figures as text, newest day first: each day with answers and how many, so
/// nobody needs the shading or a hover tooltip to read them.
fn day_by_day(activity: &BTreeMap<i64, DayActivity>, first: i64, today: i64) -> Html {
    let days: Vec<(i64, usize)> = activity
        .iter()
        .rev()
        .filter(|(day, _)| (first..=today).contains(*day))
        .map(|(day, activity)| (*day, activity.answers as usize))
        .collect();
    if days.is_empty() {
        return Html::default();
    }
    html! {
        <details class="nhsuk-details" id="calendar-days">
            <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">{ "Activity day by day" }</span></summary>
            <div class="nhsuk-details__text">
                <ul class="nhsuk-list">
                    { for days.into_iter().map(|(day, answers)| html! {
                        <li>{ format!("{}: {}", format_date(day * DAY_MS + engine::time::DAY_ROLLOVER_MS), plural(answers, "answer", "answers")) }</li>
                    }) }
                </ul>
            </div>
        </details>
    }
}
