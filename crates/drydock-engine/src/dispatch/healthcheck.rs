//! HEALTHCHECK (`dispatchHealthcheck`): the test and durations into the config; the history
//! text is Go's `%q` of the config struct.
use drydock_syntax::instructions::Healthcheck;

use super::{DState, Out};
use crate::image::{Healthcheck as Hc, go_duration, go_quote_list, go_quote_rune};

fn ns(d: std::time::Duration) -> i64 {
    i64::try_from(d.as_nanos()).unwrap_or(i64::MAX)
}

pub(crate) fn dispatch(d: &mut DState, h: &Healthcheck<'_>) -> Out {
    let hc = Hc {
        test: h.test.iter().map(|t| t.to_string()).collect(),
        interval: ns(h.interval),
        timeout: ns(h.timeout),
        start_period: ns(h.start_period),
        start_interval: ns(h.start_interval),
        retries: h.retries,
    };
    let msg = format!(
        "HEALTHCHECK &{{{} {:?} {:?} {:?} {:?} {}}}",
        go_quote_list(&hc.test),
        go_duration(hc.interval),
        go_duration(hc.timeout),
        go_duration(hc.start_period),
        go_duration(hc.start_interval),
        go_quote_rune(hc.retries)
    );
    d.config.healthcheck = Some(hc);
    Out {
        history: Some((msg, true)),
        ..Out::default()
    }
}
