//! Putting steps in order with "Move up" and "Move down" buttons: works with a keyboard, a
//! screen reader and a thumb, unlike drag and drop.

use yew::prelude::*;

use super::draft::Draft;
use crate::components::marks::mark;

#[derive(Properties, PartialEq)]
pub struct OrderListProps {
    pub id: AttrValue,
    pub steps: Vec<String>,
    pub draft: Draft,
    pub on_change: Callback<Draft>,
    pub marked: bool,
}

/// The steps in the learner's current order, each with its move buttons.
#[function_component(OrderList)]
pub fn order_list(props: &OrderListProps) -> Html {
    let Draft::Order(order) = &props.draft else {
        return Html::default();
    };
    // Announces each move, so a screen-reader user knows where the step went.
    let announcement = use_state(String::new);
    let count = order.len();
    let rows = order.iter().enumerate().map(|(position, &step)| {
        let text = props.steps.get(step).cloned().unwrap_or_default();
        let mover = |offset: isize, label: &'static str| {
            let order = order.clone();
            let on_change = props.on_change.clone();
            let announcement = announcement.clone();
            let moved_text = text.clone();
            let target = position as isize + offset;
            let disabled = props.marked || target < 0 || target >= count as isize;
            let onclick = Callback::from(move |_: MouseEvent| {
                let mut order = order.clone();
                order.swap(position, target as usize);
                announcement.set(format!("{moved_text}: moved to position {} of {}", target + 1, order.len()));
                on_change.emit(Draft::Order(order));
            });
            html! {
                <button type="button" class="app-order__button" {disabled} {onclick}
                    id={format!("{}-{}-{}", props.id, position, label.to_lowercase().replace(' ', "-"))}>
                    { label }<span class="nhsuk-u-visually-hidden">{ format!(": {text}") }</span>
                </button>
            }
        };
        let mark = props.marked.then(|| {
            if step == position {
                mark(true, "In the right place")
            } else {
                mark(false, format!("Belongs at step {}", step + 1))
            }
        });
        html! {
            <li class="app-order__item">
                <span class="app-order__text">{ &text }</span>
                { mark }
                if !props.marked {
                    <span class="app-order__buttons">
                        { mover(-1, "Move up") }
                        { mover(1, "Move down") }
                    </span>
                }
            </li>
        }
    });
    html! {
        <>
            <ol class="app-order" id={props.id.clone()}>{ for rows }</ol>
            <p class="nhsuk-u-visually-hidden" role="status">{ (*announcement).clone() }</p>
        </>
    }
}
