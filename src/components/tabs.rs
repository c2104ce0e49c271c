//! The NHS design system's tabs (nhsuk-frontend `nhsuk-tabs`), behaving as its script does: tabs
//! from tablet width up, and below it a list of links to panels that are all shown.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_media_query;

/// nhsuk-frontend's tablet breakpoint, where its stylesheet starts to draw tabs.
const TABLET_UP: &str = "(min-width: 40.0625em)";

/// One tab: its panel's element id, its label and its contents.
#[derive(Clone, PartialEq)]
pub struct Tab {
    pub id: AttrValue,
    pub label: AttrValue,
    pub panel: Html,
}

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// Shown above the links on a phone, as nhsuk-frontend does ("Contents").
    pub title: AttrValue,
    /// The screen's own link, so a tab opened in a new browser tab lands on the same screen (a
    /// `#panel` link would be taken for a route).
    pub screen_href: AttrValue,
    pub tabs: Vec<Tab>,
}

#[function_component(Tabs)]
pub fn tabs(props: &TabsProps) -> Html {
    let as_tabs = use_media_query(TABLET_UP);
    let selected = use_state(|| 0_usize);
    let selected_index = (*selected).min(props.tabs.len().saturating_sub(1));
    let ids: Rc<[AttrValue]> = props.tabs.iter().map(|tab| tab.id.clone()).collect();
    let items = props.tabs.iter().enumerate().map(|(index, tab)| {
        let is_selected = as_tabs && index == selected_index;
        let onclick = {
            let (selected, panel_id) = (selected.clone(), tab.id.clone());
            Callback::from(move |event: MouseEvent| {
                event.prevent_default();
                selected.set(index);
                if !as_tabs {
                    crate::browser::scroll_into_view_by_id(&panel_id);
                }
            })
        };
        let onkeydown = as_tabs.then(|| arrow_keys(selected.clone(), index, ids.clone()));
        html! {
            <li class={classes!("nhsuk-tabs__list-item", is_selected.then_some("nhsuk-tabs__list-item--selected"))}
                role={as_tabs.then_some("presentation")}>
                <a class="nhsuk-tabs__tab" id={format!("tab_{}", tab.id)} href={&props.screen_href}
                    role={as_tabs.then_some("tab")}
                    aria-controls={as_tabs.then(|| tab.id.clone())}
                    aria-selected={as_tabs.then(|| is_selected.to_string())}
                    tabindex={(as_tabs && !is_selected).then_some("-1")}
                    {onclick} {onkeydown}>{ &tab.label }</a>
            </li>
        }
    });
    let panels = props.tabs.iter().enumerate().map(|(index, tab)| {
        let hidden = as_tabs && index != selected_index;
        html! {
            <div class={classes!("nhsuk-tabs__panel", hidden.then_some("nhsuk-tabs__panel--hidden"))} id={&tab.id}
                role={as_tabs.then_some("tabpanel")} aria-labelledby={as_tabs.then(|| format!("tab_{}", tab.id))}>
                { tab.panel.clone() }
            </div>
        }
    });
    // nhsuk-frontend draws tabs only inside `.nhsuk-frontend-supported`, the class its script
    // puts on the body once it runs; this component is that script, so the class marks it alone.
    html! {
        <div class="nhsuk-frontend-supported">
            <div class="nhsuk-tabs">
                <h2 class="nhsuk-tabs__title">{ &props.title }</h2>
                <ul class="nhsuk-tabs__list" role={as_tabs.then_some("tablist")}>{ for items }</ul>
                { for panels }
            </div>
        </div>
    }
}

/// Left and right (and Home and End) move between tabs and focus the new one, as the WAI-ARIA
/// tabs pattern and nhsuk-frontend's script do.
fn arrow_keys(
    selected: UseStateHandle<usize>,
    index: usize,
    ids: Rc<[AttrValue]>,
) -> Callback<KeyboardEvent> {
    let count = ids.len();
    Callback::from(move |event: KeyboardEvent| {
        let next = match event.key().as_str() {
            "ArrowRight" => (index + 1) % count,
            "ArrowLeft" => (index + count - 1) % count,
            "Home" => 0,
            "End" => count - 1,
            _ => return,
        };
        event.prevent_default();
        selected.set(next);
        crate::browser::focus_by_id(&format!("tab_{}", ids[next]));
    })
}
