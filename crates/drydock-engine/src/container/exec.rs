//! `docker exec` (to come).
