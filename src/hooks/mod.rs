//! One hook per file: loading content, saving progress, the learner's display choices and their
//! memory model, media queries and the current route.

mod use_catalogue;
mod use_display;
mod use_media_query;
mod use_memory_model;
mod use_module;
mod use_persistence;
mod use_platform;
mod use_route;

pub use use_catalogue::use_catalogue;
pub use use_display::use_display;
pub use use_media_query::use_media_query;
pub use use_memory_model::use_memory_model;
pub use use_module::{use_module, use_modules};
pub use use_persistence::use_persistence;
pub use use_platform::use_platform;
pub use use_route::use_route;
