//! Every rule's metadata, looked up by code or name (BuildKit's name, `DDnnn`, or a learner
//! rule's kebab-case name).
use crate::meta::RuleMeta;
use crate::rules;

/// All rules: BuildKit's in its ruleset order, then Drydock's by code.
pub static RULES: &[&RuleMeta] = &[
    &rules::stage_name_casing::META,
    &rules::from_as_casing::META,
    &rules::no_empty_continuation::META,
    &rules::consistent_instruction_casing::META,
    &rules::duplicate_stage_name::META,
    &rules::reserved_stage_name::META,
    &rules::json_args_recommended::META,
    &rules::maintainer_deprecated::META,
    &rules::undefined_arg_in_from::META,
    &rules::workdir_relative_path::META,
    &rules::undefined_var::META,
    &rules::multiple_instructions_disallowed::META,
    &rules::legacy_key_value_format::META,
    &rules::invalid_base_image_platform::META,
    &rules::redundant_target_platform::META,
    &rules::secrets_used_in_arg_or_env::META,
    &rules::invalid_default_arg_in_from::META,
    &rules::from_platform_flag_const_disallowed::META,
    &rules::copy_ignored_file::META,
    &rules::invalid_definition_description::META,
    &rules::expose_proto_casing::META,
    &rules::expose_invalid_format::META,
    &rules::dd001_copy_before_install::META,
    &rules::dd002_copy_source_missing::META,
    &rules::dd003_secret_file_copied::META,
    &rules::dd004_secret_in_env_value::META,
    &rules::dd005_expose_unset_variable::META,
    &rules::dd006_exec_form_variable::META,
    &rules::dd007_cache_mount_unused::META,
    &rules::dd008_apt_lists_removed_later::META,
    &rules::dd009_apt_install_without_update::META,
    &rules::dd010_output_dir_missing::META,
    &rules::dd011_workdir_after_copy::META,
    &rules::dd012_uvicorn_file_path::META,
    &rules::dd013_docker_rm_image::META,
    &rules::dd014_missing_run::META,
    &rules::dd015_shell_form_signals::META,
    &rules::dd016_shell_entrypoint_ignores_cmd::META,
    &rules::dd017_stopsignal_shell_entrypoint::META,
    &rules::dd018_exec_form_not_json::META,
];

/// The rule with this code or name.
pub fn rule(code_or_name: &str) -> Option<&'static RuleMeta> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code == code_or_name || r.name == code_or_name)
}

/// Every rule.
pub fn rules() -> &'static [&'static RuleMeta] {
    RULES
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::Origin;

    fn kebab(name: &str) -> String {
        let mut out = String::new();
        let chars: Vec<char> = name.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            let prev_lower = i > 0 && chars.get(i - 1).is_some_and(|p| p.is_lowercase());
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let prev_upper = i > 0 && chars.get(i - 1).is_some_and(|p| p.is_uppercase());
            if c.is_uppercase() && i > 0 && (prev_lower || (prev_upper && next_lower)) {
                out.push('-');
            }
            out.extend(c.to_lowercase());
        }
        out
    }

    #[test]
    fn every_rule_is_documented_and_unique() {
        let mut codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
        drydock_text::sort::sort(&mut codes);
        codes.dedup();
        assert_eq!(codes.len(), RULES.len(), "duplicate codes");
        for r in RULES {
            assert!(!r.description.is_empty(), "{}", r.code);
            assert!(!r.hint.is_empty(), "{}", r.code);
            assert!(r.explanation.len() > 80, "{}", r.code);
            assert!(!r.fix.is_empty(), "{}", r.code);
            assert!(r.url.starts_with("https://"), "{}", r.code);
            assert_eq!(rule(r.code).map(|x| x.code), Some(r.code));
            assert_eq!(rule(r.name).map(|x| x.code), Some(r.code));
            match r.origin {
                Origin::BuildKit => {
                    assert_eq!(r.code, r.name);
                    let want = format!(
                        "https://docs.docker.com/go/dockerfile/rule/{}/",
                        kebab(r.name)
                    );
                    assert_eq!(r.url, want);
                }
                Origin::Drydock => assert!(r.code.starts_with("DD") && r.code.len() == 5),
            }
        }
        assert_eq!(
            RULES
                .iter()
                .filter(|r| r.origin == Origin::BuildKit)
                .count(),
            22
        );
        assert!(
            rule("JSONArgsRecommended").is_some_and(|r| r.url.ends_with("/json-args-recommended/"))
        );
        assert!(rule("nope").is_none());
    }
}
