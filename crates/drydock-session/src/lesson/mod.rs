//! Lessons as data: the TOML format ([`model`]), loading with validation ([`load`]), goals
//! evaluated against a live session ([`goal`]), the headless validator that runs a lesson's
//! reference solution ([`check`]) and the bundled pack ([`pack`]). The lesson knows nothing of
//! the UI; progress saving and Markdown rendering are the front-end's.
pub mod check;
pub mod goal;
pub mod load;
pub mod model;
pub mod pack;

pub use check::{CheckReport, Failure, StepReport, check};
pub use load::{LoadError, load};
pub use model::{Goal, Lesson, Predict, Solution, Start, Step};
