//! One component per screen.

mod about;
mod certificate;
mod first_run;
mod lesson;
mod module;
mod modules;
mod not_found;
mod placement;
mod progress;
mod session;
mod settings;
mod settings_data;
mod today;

pub use about::About;
pub use certificate::Certificate;
pub use lesson::LessonPage;
pub use module::ModulePage;
pub use modules::Modules;
pub use not_found::not_found;
pub use placement::PlacementPage;
pub use progress::Progress;
pub use session::SessionPage;
pub use settings::Settings;
pub use today::Today;
