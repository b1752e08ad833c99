//! Inline SVG icons used across the app (no icon font, no network).
use yew::prelude::*;

/// Drydock's mark: a dock with three containers.
pub fn logo() -> Html {
    html! {
        <svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="7" fill="#0b5cad" />
            <path d="M6 19h20l-3 6H9z" fill="#fff" />
            <rect x="9" y="12" width="5" height="5" rx="1" fill="#7cc4ff" />
            <rect x="15" y="12" width="5" height="5" rx="1" fill="#ffd166" />
            <rect x="12" y="6" width="5" height="5" rx="1" fill="#9be7a8" />
        </svg>
    }
}

/// A document (the Dockerfile).
pub fn file() -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M6 2h8l5 5v15H6z M14 2v5h5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" />
        </svg>
    }
}

/// Stacked layers (an image).
pub fn layers() -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 3l9 5-9 5-9-5z M3 12.5l9 5 9-5 M3 16.5l9 5 9-5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" />
        </svg>
    }
}

/// A box (a container).
pub fn container() -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M3 7l9-4 9 4v10l-9 4-9-4z M3 7l9 4 9-4 M12 11v10" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" />
        </svg>
    }
}

/// A hammer-like "build" arrow.
pub fn arrow() -> Html {
    html! {
        <svg class="icon arrow" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M3 12h16 M14 6l6 6-6 6" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}

/// A terminal prompt.
pub fn terminal() -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M3 4h18v16H3z M7 9l3 3-3 3 M12 15h5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" stroke-linecap="round" />
        </svg>
    }
}

/// Half-filled circle (theme).
pub fn theme() -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="12" cy="12" r="8.5" fill="none" stroke="currentColor" stroke-width="1.8" />
            <path d="M12 3.5a8.5 8.5 0 0 1 0 17z" fill="currentColor" />
        </svg>
    }
}

/// A keyboard (shortcuts help).
pub fn keyboard() -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <rect x="2.5" y="6" width="19" height="12" rx="2" fill="none" stroke="currentColor" stroke-width="1.8" />
            <path d="M6 10h1M9.5 10h1M13 10h1M16.5 10h1M7 14h10" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
        </svg>
    }
}

/// A stroked 24×24 icon from one path.
fn stroked(class: &'static str, d: &'static str) -> Html {
    html! {
        <svg class={classes!("icon", class)} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d={d} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}

/// An arrow into a tray (upload files).
pub fn upload() -> Html {
    stroked("upload", "M12 15V4 M7.5 8.5L12 4l4.5 4.5 M4 15v4h16v-4")
}

/// A folder with an arrow (upload a folder).
pub fn folder_upload() -> Html {
    stroked(
        "folder-upload",
        "M3 6.5h6l2 2h10v10.5H3z M12 17v-6 M9.5 13.5L12 11l2.5 2.5",
    )
}

/// A folder.
pub fn folder() -> Html {
    stroked("folder", "M3 6.5h6l2 2h10v10.5H3z")
}

/// An arrow out of a tray (download).
pub fn download() -> Html {
    stroked("download", "M12 4v11 M7.5 10.5L12 15l4.5-4.5 M4 15v4h16v-4")
}

/// Three linked dots (share).
pub fn share() -> Html {
    stroked(
        "share",
        "M18 8a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z M6 14.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z M18 21a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z M8.2 10.8l7.6-4.1 M8.2 13.2l7.6 4.1",
    )
}

/// Four tiles (the examples gallery).
pub fn gallery() -> Html {
    stroked(
        "gallery",
        "M4 4h7v7H4z M13 4h7v7h-7z M4 13h7v7H4z M13 13h7v7h-7z",
    )
}

/// A circular arrow (reset).
pub fn reset() -> Html {
    stroked("reset", "M4.5 12a7.5 7.5 0 1 0 2.2-5.3 M4 4v4h4")
}

/// A right-pointing chevron (a closed folder; rotated when open).
pub fn chevron() -> Html {
    stroked("chevron", "M9 6l6 6-6 6")
}

/// A projection screen (lecture mode).
pub fn lecture() -> Html {
    stroked("lecture", "M3 4h18 M4 4v10h16V4 M12 14v3 M8 21l4-4 4 4")
}

/// An open book (lessons).
pub fn book() -> Html {
    stroked(
        "book",
        "M12 6.5C10 5 7 4.5 3.5 5v13c3.5-.5 6.5 0 8.5 1.5 2-1.5 5-2 8.5-1.5V5C17 4.5 14 5 12 6.5z M12 6.5v13",
    )
}

/// A check mark (done).
pub fn check() -> Html {
    stroked("check", "M5 12.5l4.5 4.5L19 7.5")
}

/// A plus sign (new file).
pub fn plus() -> Html {
    stroked("plus", "M12 5v14 M5 12h14")
}

/// A bin (delete).
pub fn trash() -> Html {
    stroked(
        "trash",
        "M4.5 7h15 M9.5 7V4.5h5V7 M6.5 7l1 13h9l1-13 M10 11v5.5 M14 11v5.5",
    )
}

/// A left-pointing double chevron (fold a side panel).
pub fn fold() -> Html {
    stroked("fold", "M12 6l-6 6 6 6 M18 6l-6 6 6 6")
}
