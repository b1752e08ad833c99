//! Interactive shells (to come).
