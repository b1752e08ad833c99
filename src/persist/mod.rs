//! What the app keeps between visits and puts in share links: the project files, the session's
//! state and the UI's choices, in versioned, documented formats. Pure data and codecs (tested
//! natively); the browser side (IndexedDB, the URL) is in `interop::idb` and the components.
pub mod namespace;
pub mod project;
pub mod save;
pub mod share;

use drydock_session::SessionState;
use drydock_vfs::Tree;

/// A project read back from storage or a share link, ready to become the app's state.
#[derive(Debug)]
pub struct Restored {
    pub tree: Tree,
    pub session: SessionState,
    /// The example the project started from (an id of `drydock_session::examples`).
    pub example: String,
    pub open_file: String,
    pub build_form: crate::state::BuildForm,
    /// Whether the project differs from its example.
    pub modified: bool,
}
