//! The service worker's registration and the "A new version is ready" notice. The page keeps
//! running on the deployment it was loaded from until the learner presses Reload, so old and new
//! files are never mixed.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::js;

/// Registers the service worker once (not inside an LMS) and shows the notice when a new
/// deployment is waiting.
#[function_component(UpdateNotice)]
pub fn update_notice() -> Html {
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |()| {
            if !super::lms::launched_by_package() {
                let on_ready = Closure::<dyn FnMut()>::new(move || ready.set(true));
                js::register_service_worker(&on_ready);
                // The worker calls back for the lifetime of the page.
                on_ready.forget();
            }
        });
    }
    if !*ready {
        return Html::default();
    }
    let reload = Callback::from(|_: MouseEvent| js::activate_update());
    html! {
        <div class="nhsuk-inset-text app-update-notice" role="status">
            <p>{ "A new version is ready, reload" }</p>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" onclick={reload}>
                { "Reload" }
            </button>
        </div>
    }
}
