//! User management: shadow's `useradd`/`groupadd`/`usermod`/`userdel`/`groupdel`, Debian's
//! `adduser`/`addgroup`/`deluser` and busybox's `adduser`/`addgroup`/`deluser`, over the image's
//! `/etc/passwd`, `/etc/group`, `/etc/shadow` and `/etc/gshadow` (shared helpers in `db.rs`).
pub(crate) mod adduser;
pub(crate) mod db;
pub(crate) mod groupadd;
pub(crate) mod useradd;
pub(crate) mod usermod;
