//! `docker commit` (to come).
