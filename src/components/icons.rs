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
