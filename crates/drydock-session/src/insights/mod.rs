//! Build insights over scratch builds (the daemon's images, tags and cache stay untouched):
//! the what-if cache forecast (`forecast.rs`) and the image's size efficiency with verified
//! rewrites (`size.rs`, `rewrite.rs`); `words.rs` formats durations and sizes for people.
pub mod forecast;
pub mod rewrite;
pub mod size;
pub mod waste;
pub mod words;

pub use forecast::{Forecast, ForecastRequest, StepForecast};
pub use size::{Rewrite, SizeInsight, Waste};
