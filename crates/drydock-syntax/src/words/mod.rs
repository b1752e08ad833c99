//! BuildKit's builder-side word expansion (`$VAR`, `${VAR:-x}`, quotes, escapes): placeholder.
