//! Reusable components shared by the pages.

pub mod chart;
pub mod layout;
pub mod loading;
pub mod question;
pub mod tabs;
