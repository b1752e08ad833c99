//! A small, forgiving reader of shell command lines for the learner rules: splits a RUN/CMD
//! string into simple commands (on `&&`, `||`, `;`, `|`, newlines) and words (quotes removed),
//! and finds the program each command runs. Approximate by design: it never fails.
