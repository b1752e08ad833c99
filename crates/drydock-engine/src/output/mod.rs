//! Console formats computed from traces and state: BuildKit's plain progress, `docker images`,
//! `docker history`, `docker image inspect`, with Docker's size units and tab alignment.
pub mod container_inspect;
pub mod history;
pub mod images;
pub mod inspect;
pub mod plain;
pub mod tabwriter;
pub mod units;
