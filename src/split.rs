//! The screens after the first, and the app's background work, in a second wasm module that is
//! fetched a second after the app starts, or as soon as a later screen is shown.
//!
//! The first screen (Today, or the welcome for a new learner) needs the engine, storage and the
//! layout; the session player, placement, progress, settings and the rest do not, and neither
//! does the background work (an LMS, a host page, the service worker and its update notice,
//! fitting the memory model: `crate::platform::Platform`). In the release bundle (cfg
//! `microlearn_split`, which build.rs sets when `cargo xtask build` runs trunk), `render_later`'s
//! body and everything only it reaches are moved into `screens-<hash>.wasm` (wasm-split, see
//! ARCHITECTURE.md), and the main module calls it through the names below. In other builds
//! (tests, `cargo check`, `cargo xtask dev`) the call is direct.

use std::cell::{Cell, RefCell};

use yew::prelude::*;

use crate::route::Route;

/// Where the screens' module is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ModuleState {
    NotRequested,
    Loading,
    Ready,
    Failed,
}

/// Without the split the screens are in this module already.
const INITIAL: ModuleState = if cfg!(microlearn_split) {
    ModuleState::NotRequested
} else {
    ModuleState::Ready
};

thread_local! {
    static STATE: Cell<ModuleState> = const { Cell::new(INITIAL) };
    /// Screens waiting for the module, re-rendered when it arrives (or fails).
    static WAITING: RefCell<Vec<Callback<()>>> = const { RefCell::new(Vec::new()) };
}

/// What the second module draws.
pub enum Later {
    /// A screen after the first.
    Screen(Route),
    /// The background work, drawn once in the app's root (it shows only the update notice).
    Background,
}

/// The second module's entry point: this function's body, and everything only it reaches, is
/// what wasm-split moves.
pub fn render_later(later: Later) -> Html {
    match later {
        Later::Screen(route) => crate::route::render_screen(route),
        Later::Background => html! { <crate::platform::Platform /> },
    }
}

#[derive(Properties, PartialEq)]
pub struct LaterScreenProps {
    pub route: Route,
}

/// A screen from the second module: shown at once when the module is ready, otherwise a loading
/// line while it is fetched, or what went wrong and a way to try again.
#[function_component(LaterScreen)]
pub fn later_screen(props: &LaterScreenProps) -> Html {
    let rerender = use_force_update();
    let state = STATE.get();
    // Asks for the module (or to hear when it arrives) in an effect, once per state, not on
    // every render.
    use_effect_with(state, move |state| {
        if matches!(state, ModuleState::NotRequested | ModuleState::Loading) {
            request(Callback::from(move |()| rerender.force_update()));
        }
    });
    match state {
        ModuleState::Ready => render_loaded(Later::Screen(props.route.clone())),
        ModuleState::Failed => failed(),
        ModuleState::NotRequested | ModuleState::Loading => {
            html! { <p class="app-loading" role="status">{ "Loading…" }</p> }
        }
    }
}

/// The background work, once the second module is here. It waits for the prefetch below, except
/// on a SCORM package's launch page, where the module is asked for at once, so the LMS session
/// opens and the progress the LMS kept is merged while the learner is still on the first screen.
/// If the module cannot be loaded, nothing is drawn: the screens that need it say so and offer a
/// reload.
#[function_component(Background)]
pub fn background() -> Html {
    let rerender = use_force_update();
    let state = STATE.get();
    use_effect_with(state, move |state| {
        let on_done = Callback::from(move |()| rerender.force_update());
        match state {
            ModuleState::NotRequested if crate::platform::launched_by_package() => {
                request(on_done);
            }
            ModuleState::NotRequested | ModuleState::Loading => wait(on_done),
            ModuleState::Ready | ModuleState::Failed => {}
        }
    });
    match state {
        ModuleState::Ready => render_loaded(Later::Background),
        _ => Html::default(),
    }
}

/// Fetches the screens' module in the background a second after the app has started, so it is
/// there before the learner taps anything, without competing with the first screen's own work.
#[hook]
pub fn use_prefetch() {
    use_effect_with((), |()| {
        if STATE.get() == ModuleState::NotRequested {
            let later = wasm_bindgen::closure::Closure::once_into_js(|| request(Callback::noop()));
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    wasm_bindgen::JsCast::unchecked_ref(&later),
                    PREFETCH_DELAY_MS,
                );
            }
        }
    });
}

const PREFETCH_DELAY_MS: i32 = 1_000;

fn request(on_done: Callback<()>) {
    wait(on_done);
    if STATE.get() == ModuleState::NotRequested {
        STATE.set(ModuleState::Loading);
        loader::start();
    }
}

/// Hears when the module has arrived (or could not), without asking for it.
fn wait(on_done: Callback<()>) {
    WAITING.with_borrow_mut(|waiting| waiting.push(on_done));
}

/// Called once the module has loaded (or could not be), by the loader's callback.
fn finished(ok: bool) {
    STATE.set(if ok {
        ModuleState::Ready
    } else {
        ModuleState::Failed
    });
    for callback in WAITING.take() {
        callback.emit(());
    }
}

fn failed() -> Html {
    let reload = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    crate::components::loading::could_not_load("This screen could not be loaded", reload)
}

#[cfg(not(microlearn_split))]
mod loader {
    /// Never called: without the split the state starts as ready.
    pub fn start() {
        super::finished(true);
    }
}

#[cfg(not(microlearn_split))]
fn render_loaded(later: Later) -> Html {
    render_later(later)
}

#[cfg(microlearn_split)]
fn render_loaded(later: Later) -> Html {
    loader::render(later)
}

/// The names wasm-split looks for: an import and an export that differ only in `import`/`export`,
/// and a loader import from `./__wasm_split.js`. The splitter moves the export's body (and all
/// code only it reaches) into the second module and turns the import into a call through the
/// function table that the second module fills in when it loads.
#[cfg(microlearn_split)]
#[allow(unsafe_code, improper_ctypes, improper_ctypes_definitions)]
mod loader {
    use std::ffi::c_void;

    use yew::Html;

    use super::Later;

    #[link(wasm_import_module = "./__wasm_split.js")]
    unsafe extern "C" {
        fn __wasm_split_load_screens_0a1b2c3d_render(
            callback: unsafe extern "C" fn(*const c_void, bool),
            data: *const c_void,
        );
        fn __wasm_split_00___screens___00_import_0a1b2c3d_render(later: Later) -> Html;
    }

    #[unsafe(no_mangle)]
    pub extern "C" fn __wasm_split_00___screens___00_export_0a1b2c3d_render(later: Later) -> Html {
        super::render_later(later)
    }

    unsafe extern "C" fn on_loaded(_data: *const c_void, ok: bool) {
        super::finished(ok);
    }

    pub fn start() {
        // SAFETY: the loader is the build's `__wasm_split.js`, which calls `on_loaded` exactly
        // once, with no data pointer.
        unsafe { __wasm_split_load_screens_0a1b2c3d_render(on_loaded, std::ptr::null()) }
    }

    pub fn render(later: Later) -> Html {
        // SAFETY: called only once `on_loaded(true)` reported the module instantiated, which
        // put the export's body in the table slot this import calls through.
        unsafe { __wasm_split_00___screens___00_import_0a1b2c3d_render(later) }
    }
}
