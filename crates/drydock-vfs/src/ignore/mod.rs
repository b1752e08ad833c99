//! `.dockerignore`: reading the file (moby `ignorefile.ReadAll`), matching patterns exactly like
//! moby/patternmatcher (which BuildKit vendors), filtering a build context the way BuildKit's
//! fsutil walker does, and choosing which ignore file applies to a Dockerfile.

pub mod filter;
pub mod matcher;
pub mod pattern;
pub mod readall;
pub mod regex;
pub mod select;

pub use filter::{filter_context, is_excluded};
pub use matcher::{MatchInfo, PatternError, PatternMatcher, matches, matches_or_parent_matches};
pub use pattern::{MatchType, Pattern};
pub use readall::{ReadAllError, read_all, read_all_bytes};
pub use select::ignore_file_for;
