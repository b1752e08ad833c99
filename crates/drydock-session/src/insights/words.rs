//! Durations and sizes as the insights word them: "about 3 min", "1.2 GB" (decimal units, as
//! Docker prints sizes).

/// `ms` as a rounded duration for a forecast: `under a second`, `about 40 s`, `about 3 min`.
pub fn duration(ms: i64) -> String {
    let s = ms.max(0) as f64 / 1000.0;
    if s < 1.0 {
        "under a second".to_owned()
    } else if s < 90.0 {
        format!("about {} s", s.round() as i64)
    } else if s < 5400.0 {
        format!("about {} min", (s / 60.0).round() as i64)
    } else {
        format!("about {:.1} h", s / 3600.0)
    }
}

/// `bytes` with one decimal in decimal units: `0 B`, `830 kB`, `1.2 GB`.
pub fn size(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "kB", "MB", "GB", "TB"];
    let mut v = bytes as f64;
    let mut i = 0;
    while v >= 1000.0 && i < UNITS.len() - 1 {
        v /= 1000.0;
        i += 1;
    }
    let unit = UNITS.get(i).copied().unwrap_or("B");
    if i == 0 || v >= 100.0 {
        format!("{} {unit}", v.round() as u64)
    } else {
        format!("{v:.1} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        for (ms, text) in [
            (0, "under a second"),
            (40_400, "about 40 s"),
            (185_000, "about 3 min"),
            (7_200_000, "about 2.0 h"),
        ] {
            assert_eq!(duration(ms), text);
        }
        for (b, text) in [(0, "0 B"), (830_000, "830 kB"), (1_230_000_000, "1.2 GB")] {
            assert_eq!(size(b), text);
        }
    }
}
