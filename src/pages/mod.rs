//! One component per screen.

mod placeholder;

pub use placeholder::{Modules, NotFound, Progress, Settings, Today};
