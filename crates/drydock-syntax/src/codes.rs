//! Stable diagnostic codes of the parser, with the stage that raises each one.
//!
//! BuildKit's parser (stage 1) and instruction stage (stage 2) stop at the first error; Drydock
//! reports every one and keeps a tree. Codes (all errors unless marked):
//!
//! | code | stage | BuildKit message |
//! |---|---|---|
//! | `empty-dockerfile` | pre-parse | `the Dockerfile cannot be empty` |
//! | `no-instructions` | parser | `file with no instructions` |
//! | `duplicate-directive` | parser | `only one <name> parser directive can be used` |
//! | `invalid-escape` | parser | ``invalid escape token '<x>' does not match ` or \`` |
//! | `line-too-long` | parser | `dockerfile line greater than max allowed size of 65535` |
//! | `invalid-json` | parser | `when using JSON array syntax, arrays must be comprised of strings only` |
//! | `missing-value` | parser | `ENV must have two arguments` (also LABEL) |
//! | `missing-equals` | parser | ``Syntax error - can't find = in "<w>". Must be of the form: name=value`` |
//! | `unterminated-heredoc` | parser | `unterminated heredoc` |
//! | `invalid-heredoc` | parser | errors of a heredoc word's quoting |
//! | `NoEmptyContinuation` (warning) | parser | `Empty continuation line found in: <line>` |
//! | `unknown-instruction` | instruction | `unknown instruction: X (did you mean Y?)` |
//! | `unknown-flag` | instruction | `unknown flag: --x (did you mean y?)` |
//! | `duplicate-flag` | instruction | `duplicate flag specified: --x` |
//! | `missing-flag-value` | instruction | `missing a value on flag: --x` |
//! | `invalid-flag-value` | instruction | `expecting boolean value for flag --x, not: y` |
//! | `missing-argument` | instruction | `X requires at least one argument` (exactly one, at least two, …) |
//! | `from-argument-count` | instruction | `FROM requires either one or three arguments` |
//! | `invalid-stage-name` | instruction | `invalid name for build stage: "x", name can't start with a number or contain symbols` |
//! | `blank-name` | instruction | `ENV names can not be blank` (LABEL, ARG) |
//! | `shell-not-json` | instruction | `SHELL requires the arguments to be in JSON form` |
//! | `healthcheck-none-args` | instruction | `HEALTHCHECK NONE takes no arguments` |
//! | `healthcheck-missing-command` | instruction | `Missing command after HEALTHCHECK CMD` |
//! | `healthcheck-unknown-type` | instruction | `Unknown type "X" in HEALTHCHECK (try CMD)` |
//! | `invalid-duration` | instruction | Go's `time.ParseDuration` errors, `Interval "x" cannot be less than 1ms` |
//! | `invalid-retries` | instruction | `strconv.ParseInt` errors, `--retries cannot be negative (N)` |
//! | `onbuild-chaining` | instruction | ``Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed`` |
//! | `onbuild-trigger` | instruction | `FROM isn't allowed as an ONBUILD trigger` (MAINTAINER) |
//! | `heredoc-destination` | instruction | `COPY cannot accept a heredoc as a destination` |
//! | `empty-volume` | instruction | `VOLUME specified can not be an empty string` |
//! | `invalid-mount` | instruction | `failed to parse csv mounts: …`, `'from' doesn't support variable expansion, …` |
//! | `invalid-network` | instruction | `invalid network mode "x"` |
//! | `invalid-security` | instruction | `security "x" is not valid` |
//! | `invalid-device` | instruction | `RUN --device` value errors |
//! | `no-build-stage` | structure | `no build stage in current context` |
//! | `run-device-unsupported` (warning) | build | `device feature is only supported in Dockerfile frontend 1.14.0-labs or later` |
//! | `no-stages` (warning) | build | `dockerfile contains no stages to build` |
//!
//! Docker prints instruction-stage errors as `dockerfile parse error on line N: <message>` (N =
//! the instruction's first line) and the others as the bare message.

/// Where a diagnostic comes from in BuildKit's pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// `parser.Parse` (bytes → AST) and the checks before it.
    Parser,
    /// `instructions.Parse` (AST node → typed command).
    Instruction,
    /// The ordering check of `instructions.Parse` (`no build stage in current context`).
    Structure,
    /// Found at conversion/build time; never a reason for `drydock parse` to reject a file.
    Build,
}

pub const EMPTY_DOCKERFILE: &str = "empty-dockerfile";
pub const NO_INSTRUCTIONS: &str = "no-instructions";
pub const DUPLICATE_DIRECTIVE: &str = "duplicate-directive";
pub const INVALID_ESCAPE: &str = "invalid-escape";
pub const LINE_TOO_LONG: &str = "line-too-long";
pub const INVALID_JSON: &str = "invalid-json";
pub const MISSING_VALUE: &str = "missing-value";
pub const MISSING_EQUALS: &str = "missing-equals";
pub const UNTERMINATED_HEREDOC: &str = "unterminated-heredoc";
pub const INVALID_HEREDOC: &str = "invalid-heredoc";
pub const NO_EMPTY_CONTINUATION: &str = "NoEmptyContinuation";
pub const UNKNOWN_INSTRUCTION: &str = "unknown-instruction";
pub const UNKNOWN_FLAG: &str = "unknown-flag";
pub const DUPLICATE_FLAG: &str = "duplicate-flag";
pub const MISSING_FLAG_VALUE: &str = "missing-flag-value";
pub const INVALID_FLAG_VALUE: &str = "invalid-flag-value";
pub const MISSING_ARGUMENT: &str = "missing-argument";
pub const FROM_ARGUMENT_COUNT: &str = "from-argument-count";
pub const INVALID_STAGE_NAME: &str = "invalid-stage-name";
pub const BLANK_NAME: &str = "blank-name";
pub const SHELL_NOT_JSON: &str = "shell-not-json";
pub const HEALTHCHECK_NONE_ARGS: &str = "healthcheck-none-args";
pub const HEALTHCHECK_MISSING_COMMAND: &str = "healthcheck-missing-command";
pub const HEALTHCHECK_UNKNOWN_TYPE: &str = "healthcheck-unknown-type";
pub const INVALID_DURATION: &str = "invalid-duration";
pub const INVALID_RETRIES: &str = "invalid-retries";
pub const ONBUILD_CHAINING: &str = "onbuild-chaining";
pub const ONBUILD_TRIGGER: &str = "onbuild-trigger";
pub const HEREDOC_DESTINATION: &str = "heredoc-destination";
pub const EMPTY_VOLUME: &str = "empty-volume";
pub const INVALID_MOUNT: &str = "invalid-mount";
pub const INVALID_NETWORK: &str = "invalid-network";
pub const INVALID_SECURITY: &str = "invalid-security";
pub const INVALID_DEVICE: &str = "invalid-device";
pub const NO_BUILD_STAGE: &str = "no-build-stage";
pub const RUN_DEVICE_UNSUPPORTED: &str = "run-device-unsupported";
pub const NO_STAGES: &str = "no-stages";

/// The stage that raises diagnostics with `code` (unknown codes count as build-time).
pub fn stage_of(code: &str) -> Stage {
    match code {
        EMPTY_DOCKERFILE
        | NO_INSTRUCTIONS
        | DUPLICATE_DIRECTIVE
        | INVALID_ESCAPE
        | LINE_TOO_LONG
        | INVALID_JSON
        | MISSING_VALUE
        | MISSING_EQUALS
        | UNTERMINATED_HEREDOC
        | INVALID_HEREDOC
        | NO_EMPTY_CONTINUATION => Stage::Parser,
        UNKNOWN_INSTRUCTION
        | UNKNOWN_FLAG
        | DUPLICATE_FLAG
        | MISSING_FLAG_VALUE
        | INVALID_FLAG_VALUE
        | MISSING_ARGUMENT
        | FROM_ARGUMENT_COUNT
        | INVALID_STAGE_NAME
        | BLANK_NAME
        | SHELL_NOT_JSON
        | HEALTHCHECK_NONE_ARGS
        | HEALTHCHECK_MISSING_COMMAND
        | HEALTHCHECK_UNKNOWN_TYPE
        | INVALID_DURATION
        | INVALID_RETRIES
        | ONBUILD_CHAINING
        | ONBUILD_TRIGGER
        | HEREDOC_DESTINATION
        | EMPTY_VOLUME
        | INVALID_MOUNT
        | INVALID_NETWORK
        | INVALID_SECURITY
        | INVALID_DEVICE => Stage::Instruction,
        NO_BUILD_STAGE => Stage::Structure,
        _ => Stage::Build,
    }
}

/// A one-sentence hint for a learner, per code.
pub fn hint(code: &str) -> &'static str {
    match code {
        EMPTY_DOCKERFILE => "A Dockerfile needs at least a FROM line naming the base image.",
        NO_INSTRUCTIONS => {
            "Only comments and blank lines were found: add at least a FROM line naming the base image."
        }
        DUPLICATE_DIRECTIVE => {
            "Keep a single copy of this parser directive at the top of the file."
        }
        INVALID_ESCAPE => "The escape directive accepts only a backslash (\\) or a backtick (`).",
        LINE_TOO_LONG => {
            "Split this line with a trailing backslash so no physical line exceeds 65535 bytes."
        }
        INVALID_JSON => {
            "In the exec (JSON) form every element must be a double-quoted string, like [\"echo\", \"1\"]."
        }
        MISSING_VALUE => {
            "Give the variable a value, preferably as NAME=value (for an empty value write NAME=\"\")."
        }
        MISSING_EQUALS => "Once one pair uses NAME=value, every word must be NAME=value.",
        UNTERMINATED_HEREDOC => {
            "Close the here-document with a line that holds exactly its end word (e.g. EOF), unindented."
        }
        INVALID_HEREDOC => "Balance the quotes around the here-document's end word.",
        NO_EMPTY_CONTINUATION => {
            "Empty continuation lines will become errors in a future release: remove the blank line inside the continued instruction."
        }
        UNKNOWN_INSTRUCTION => {
            "Instructions are words like FROM, RUN, COPY or CMD; check the spelling or the line continuation above."
        }
        UNKNOWN_FLAG => "This instruction does not accept that option; check its spelling.",
        DUPLICATE_FLAG => "This option may appear only once in the instruction.",
        MISSING_FLAG_VALUE => "Write the option as --name=value.",
        INVALID_FLAG_VALUE => "This option is a switch: write it alone, or as =true / =false.",
        MISSING_ARGUMENT => {
            "This instruction needs more arguments; see its usage in the Dockerfile reference."
        }
        FROM_ARGUMENT_COUNT => "Write FROM image or FROM image AS name.",
        INVALID_STAGE_NAME => {
            "Stage names start with a letter and contain only letters, digits, '-', '_' and '.'."
        }
        BLANK_NAME => "Every NAME=value pair needs a name before the '='.",
        SHELL_NOT_JSON => "Write SHELL in JSON form, like SHELL [\"/bin/bash\", \"-c\"].",
        HEALTHCHECK_NONE_ARGS => "HEALTHCHECK NONE stands alone: remove what follows it.",
        HEALTHCHECK_MISSING_COMMAND => "Follow HEALTHCHECK CMD with the command to run.",
        HEALTHCHECK_UNKNOWN_TYPE => "Write HEALTHCHECK CMD <command> or HEALTHCHECK NONE.",
        INVALID_DURATION => {
            "Durations are numbers with a unit, like 30s, 1m30s or 500ms (at least 1ms)."
        }
        INVALID_RETRIES => "--retries takes a whole number of zero or more.",
        ONBUILD_CHAINING => "ONBUILD takes a single instruction, which cannot be another ONBUILD.",
        ONBUILD_TRIGGER => "FROM and MAINTAINER cannot be deferred with ONBUILD.",
        HEREDOC_DESTINATION => {
            "The last argument is the destination path; put here-documents before it."
        }
        EMPTY_VOLUME => "Give each VOLUME a non-empty path.",
        INVALID_MOUNT => {
            "--mount takes comma-separated key=value pairs, like type=cache,target=/root/.cache."
        }
        INVALID_NETWORK => "--network accepts default, none or host.",
        INVALID_SECURITY => "--security accepts sandbox or insecure.",
        INVALID_DEVICE => "--device takes a device name, optionally followed by ,required.",
        NO_BUILD_STAGE => {
            "Only ARG may come before the first FROM; start the build with FROM <image>."
        }
        RUN_DEVICE_UNSUPPORTED => {
            "RUN --device needs the labs Dockerfile frontend; the standard frontend fails the build."
        }
        NO_STAGES => "Add a FROM line: ARG lines alone do not build anything.",
        _ => "",
    }
}
