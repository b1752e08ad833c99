//! The rules, one file each: BuildKit's build checks (exact names, messages, triggers) and
//! Drydock's learner rules (`DDnnn`). Each file holds the rule's [`RuleMeta`] and the function
//! the walk (BuildKit's rules) or [`crate::learn`] (Drydock's) calls.
use drydock_text::TextRange;

/// A BuildKit rule's metadata: code = name, warning, docs URL from the kebab-case name.
macro_rules! buildkit_rule {
    (
        $name:literal, $slug:literal, $phase:ident, experimental: $exp:literal,
        description: $desc:expr, hint: $hint:expr, explanation: $expl:expr, fix: $fix:expr $(,)?
    ) => {
        $crate::meta::RuleMeta {
            code: $name,
            name: $name,
            origin: $crate::meta::Origin::BuildKit,
            phase: $crate::meta::Phase::$phase,
            severity: drydock_text::Severity::Warning,
            experimental: $exp,
            description: $desc,
            url: concat!("https://docs.docker.com/go/dockerfile/rule/", $slug, "/"),
            hint: $hint,
            explanation: $expl,
            fix: $fix,
            show_me: None,
        }
    };
}

/// A Drydock learner rule's metadata.
macro_rules! learner_rule {
    (
        $code:literal, $name:literal, $sev:ident,
        description: $desc:expr, url: $url:expr, hint: $hint:expr, explanation: $expl:expr,
        fix: $fix:expr, show_me: $show:expr $(,)?
    ) => {
        $crate::meta::RuleMeta {
            code: $code,
            name: $name,
            origin: $crate::meta::Origin::Drydock,
            phase: $crate::meta::Phase::Learner,
            severity: drydock_text::Severity::$sev,
            experimental: false,
            description: $desc,
            url: $url,
            hint: $hint,
            explanation: $expl,
            fix: $fix,
            show_me: $show,
        }
    };
}

// BuildKit's build checks.
pub mod consistent_instruction_casing;
pub mod copy_ignored_file;
pub mod duplicate_stage_name;
pub mod expose_invalid_format;
pub mod expose_proto_casing;
pub mod from_as_casing;
pub mod from_platform_flag_const_disallowed;
pub mod invalid_base_image_platform;
pub mod invalid_default_arg_in_from;
pub mod invalid_definition_description;
pub mod json_args_recommended;
pub mod legacy_key_value_format;
pub mod maintainer_deprecated;
pub mod multiple_instructions_disallowed;
pub mod no_empty_continuation;
pub mod redundant_target_platform;
pub mod reserved_stage_name;
pub mod secrets_used_in_arg_or_env;
pub mod stage_name_casing;
pub mod undefined_arg_in_from;
pub mod undefined_var;
pub mod workdir_relative_path;

// Drydock's learner rules.
pub mod dd001_copy_before_install;
pub mod dd002_copy_source_missing;
pub mod dd003_secret_file_copied;
pub mod dd004_secret_in_env_value;
pub mod dd005_expose_unset_variable;
pub mod dd006_exec_form_variable;
pub mod dd007_cache_mount_unused;
pub mod dd008_apt_lists_removed_later;
pub mod dd009_apt_install_without_update;
pub mod dd010_output_dir_missing;
pub mod dd011_workdir_after_copy;
pub mod dd012_uvicorn_file_path;
pub mod dd013_docker_rm_image;
pub mod dd014_missing_run;
pub mod dd015_shell_form_signals;
pub mod dd016_shell_entrypoint_ignores_cmd;
pub mod dd017_stopsignal_shell_entrypoint;
pub mod dd018_exec_form_not_json;

/// The range of the first `$name` / `${name` reference inside `span` of `text`, else `span`.
pub fn var_range(text: &str, span: TextRange, name: &str) -> TextRange {
    let hay = span.slice(text);
    let mut from = 0;
    while let Some(k) = hay.get(from..).and_then(|h| h.find('$')) {
        let at = from + k;
        let rest = hay.get(at + 1..).unwrap_or("");
        let (skip, after) = match rest.strip_prefix('{') {
            Some(r) => (2, r),
            None => (1, rest),
        };
        if after.starts_with(name)
            && !after
                .get(name.len()..)
                .and_then(|t| t.chars().next())
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            let start = span.start as usize + at;
            return TextRange::from_usize(start, start + skip + name.len());
        }
        from = at + 1;
    }
    span
}
