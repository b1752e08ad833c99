//! `docker cp` (to come).
