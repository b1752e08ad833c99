//! Docker's human sizes (go-units `HumanSizeWithPrecision(size, 3)`: `1.23GB`, `123MB`,
//! `4.5kB`, decimal units, Go's `%.3g`).

/// Go's `%.{prec}g` for a non-negative finite value.
pub fn go_g(v: f64, prec: usize) -> String {
    if v == 0.0 {
        return "0".to_owned();
    }
    let exp = v.abs().log10().floor() as i32;
    let p = i32::try_from(prec).unwrap_or(3);
    // Round to `prec` significant digits first; rounding may bump the exponent.
    let s = format!("{:.*e}", prec.saturating_sub(1), v);
    let (mant, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(exp);
    if e < -4 || e >= p {
        let mant = trim(mant);
        let sign = if e < 0 { '-' } else { '+' };
        return format!("{mant}e{sign}{:02}", e.abs());
    }
    let decimals = usize::try_from((p - 1 - e).max(0)).unwrap_or(0);
    trim(&format!("{v:.decimals$}"))
}

fn trim(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s.to_owned()
    }
}

/// `units.HumanSizeWithPrecision(size, 3)`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 9] = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
    let mut v = bytes as f64;
    let mut i = 0;
    while v >= 1000.0 && i < UNITS.len() - 1 {
        v /= 1000.0;
        i += 1;
    }
    format!("{}{}", go_g(v, 3), UNITS.get(i).copied().unwrap_or("B"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(human_size(0), "0B");
        assert_eq!(human_size(4500), "4.5kB");
        assert_eq!(human_size(123_456_789), "123MB");
        assert_eq!(human_size(1_234_567_890), "1.23GB");
        assert_eq!(human_size(999_999), "1e+03kB");
        assert_eq!(human_size(36), "36B");
    }
}
