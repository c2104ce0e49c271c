//! Reusable components shared by the pages.

pub mod chart;
pub mod deferred;
pub mod layout;
pub mod loading;
pub mod marks;
pub mod question;
pub mod tabs;
