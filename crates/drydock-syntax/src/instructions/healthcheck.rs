//! HEALTHCHECK: `HEALTHCHECK [opts] CMD …` / `HEALTHCHECK NONE` (`parseHealthcheck`).
use super::bflag::{FlagDef, FlagKind};
use super::duration::parse_duration;
use super::{R, Req};
use crate::ast::Arg;
use crate::codes;
use crate::go;
use crate::text::Text;
use serde::Serialize;
use std::time::Duration;

/// A HEALTHCHECK instruction.
#[derive(Debug, Clone, Serialize)]
pub struct Healthcheck<'a> {
    /// `["NONE"]`, `["CMD", args…]` (exec form) or `["CMD-SHELL", "command"]`.
    pub test: Vec<Text<'a>>,
    /// The command arguments with spans (empty for NONE).
    pub cmd: Vec<Arg<'a>>,
    pub interval: Duration,
    pub timeout: Duration,
    pub start_period: Duration,
    pub start_interval: Duration,
    pub retries: i64,
}

const FLAGS: [FlagDef<'static>; 5] = [
    FlagDef::new("interval", FlagKind::String, ""),
    FlagDef::new("timeout", FlagKind::String, ""),
    FlagDef::new("start-period", FlagKind::String, ""),
    FlagDef::new("start-interval", FlagKind::String, ""),
    FlagDef::new("retries", FlagKind::String, ""),
];

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<Healthcheck<'a>> {
    let Some((typ, rest)) = req.args().split_first() else {
        return Err(req.fail(
            codes::MISSING_ARGUMENT,
            "HEALTHCHECK requires at least one argument",
        ));
    };
    let upper = go::to_upper(&typ.value).into_owned();
    let zero = Duration::ZERO;
    if upper == "NONE" {
        if !rest.is_empty() {
            return Err(req.fail(
                codes::HEALTHCHECK_NONE_ARGS,
                "HEALTHCHECK NONE takes no arguments",
            ));
        }
        let test = vec![if typ.value.as_str() == "NONE" {
            typ.value.clone()
        } else {
            Text::Borrowed("NONE")
        }];
        return Ok(Healthcheck {
            test,
            cmd: Vec::new(),
            interval: zero,
            timeout: zero,
            start_period: zero,
            start_interval: zero,
            retries: 0,
        });
    }
    let flags = req.flags(&FLAGS)?;
    if upper != "CMD" {
        return Err(req.fail_at(
            codes::HEALTHCHECK_UNKNOWN_TYPE,
            format!(
                "Unknown type {} in HEALTHCHECK (try CMD)",
                go::quote(&upper)
            ),
            typ.span,
        ));
    }
    if rest.is_empty() {
        return Err(req.fail(
            codes::HEALTHCHECK_MISSING_COMMAND,
            "Missing command after HEALTHCHECK CMD",
        ));
    }
    let cmd = super::sources::cmd_line(rest, req.json()).args.into_vec();
    let mut test = Vec::with_capacity(cmd.len() + 1);
    test.push(Text::Borrowed(if req.json() { "CMD" } else { "CMD-SHELL" }));
    test.extend(cmd.iter().map(|a| a.value.clone()));
    let interval = |name: &'static str| -> R<Duration> {
        let Some(v) = flags.string(name) else {
            return Ok(zero);
        };
        if v.value.is_empty() {
            return Ok(zero);
        }
        let ns = parse_duration(&v.value)
            .map_err(|e| req.fail_at(codes::INVALID_DURATION, e, v.span))?;
        if ns == 0 {
            return Ok(zero);
        }
        if ns < 1_000_000 {
            return Err(req.fail_at(
                codes::INVALID_DURATION,
                format!("Interval {} cannot be less than 1ms", go::quote(name)),
                v.span,
            ));
        }
        Ok(Duration::from_nanos(u64::try_from(ns).unwrap_or(0)))
    };
    let interval_v = interval("interval")?;
    let timeout = interval("timeout")?;
    let start_period = interval("start-period")?;
    let start_interval = interval("start-interval")?;
    let mut retries = 0;
    if let Some(r) = flags.string("retries").filter(|r| !r.value.is_empty()) {
        let n = go::parse_int(&r.value, 32)
            .map_err(|e| req.fail_at(codes::INVALID_RETRIES, e, r.span))?;
        if n < 0 {
            return Err(req.fail_at(
                codes::INVALID_RETRIES,
                format!("--retries cannot be negative ({n})"),
                r.span,
            ));
        }
        retries = n;
    }
    Ok(Healthcheck {
        test,
        cmd,
        interval: interval_v,
        timeout,
        start_period,
        start_interval,
        retries,
    })
}
