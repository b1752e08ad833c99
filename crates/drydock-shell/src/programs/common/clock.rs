//! The virtual clock as programs print it (UTC): civil dates from seconds, `date`'s default
//! format, a `strftime` subset, and `ls -l`'s recent/old timestamp columns.

const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const FULL_DAYS: [&str; 7] = [
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
];
const FULL_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A broken-down UTC time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tm {
    pub year: i64,
    /// 1–12
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub min: u32,
    pub sec: u32,
    /// Days since the epoch (weekday = days % 7, 0 = Thursday).
    pub days: i64,
}

/// Seconds since the epoch → UTC civil time (Howard Hinnant's algorithm).
pub(crate) fn tm(secs: i64) -> Tm {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    Tm {
        year: if m <= 2 { y + 1 } else { y },
        month: m,
        day: d,
        hour: (rem / 3600) as u32,
        min: (rem % 3600 / 60) as u32,
        sec: (rem % 60) as u32,
        days,
    }
}

/// Civil date → days since the epoch.
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn wday(t: &Tm) -> usize {
    t.days.rem_euclid(7) as usize
}

/// `strftime` for the directives scripts use (UTC; `%Z` is `UTC`).
pub(crate) fn strftime(fmt: &str, secs: i64) -> String {
    let t = tm(secs);
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let month = MONTHS.get(t.month as usize - 1).copied().unwrap_or("Jan");
        match d {
            'Y' => out.push_str(&t.year.to_string()),
            'y' => out.push_str(&format!("{:02}", t.year.rem_euclid(100))),
            'C' => out.push_str(&format!("{:02}", t.year.div_euclid(100))),
            'm' => out.push_str(&format!("{:02}", t.month)),
            'd' => out.push_str(&format!("{:02}", t.day)),
            'e' => out.push_str(&format!("{:2}", t.day)),
            'H' => out.push_str(&format!("{:02}", t.hour)),
            'I' => out.push_str(&format!("{:02}", (t.hour + 11) % 12 + 1)),
            'M' => out.push_str(&format!("{:02}", t.min)),
            'S' => out.push_str(&format!("{:02}", t.sec)),
            'p' => out.push_str(if t.hour < 12 { "AM" } else { "PM" }),
            'j' => {
                let doy = t.days - days_from_civil(t.year, 1, 1) + 1;
                out.push_str(&format!("{doy:03}"));
            }
            's' => out.push_str(&secs.to_string()),
            'a' => out.push_str(DAYS.get(wday(&t)).copied().unwrap_or("")),
            'A' => out.push_str(FULL_DAYS.get(wday(&t)).copied().unwrap_or("")),
            'b' | 'h' => out.push_str(month),
            'B' => out.push_str(FULL_MONTHS.get(t.month as usize - 1).copied().unwrap_or("")),
            'u' => out.push_str(&((wday(&t) + 3) % 7 + 1).to_string()),
            'w' => out.push_str(&((wday(&t) + 4) % 7).to_string()),
            'Z' => out.push_str("UTC"),
            'z' => out.push_str("+0000"),
            'F' => out.push_str(&strftime("%Y-%m-%d", secs)),
            'T' => out.push_str(&strftime("%H:%M:%S", secs)),
            'D' => out.push_str(&strftime("%m/%d/%y", secs)),
            'R' => out.push_str(&strftime("%H:%M", secs)),
            'c' => out.push_str(&strftime("%a %b %e %H:%M:%S %Y", secs)),
            'N' => out.push_str("000000000"),
            'n' => out.push('\n'),
            't' => out.push('\t'),
            '%' => out.push('%'),
            other => {
                out.push('%');
                out.push(other);
            }
        }
    }
    out
}

/// `date`'s default output in the C locale: `Thu Nov 23 22:19:00 UTC 2026`.
pub(crate) fn date_default(secs: i64) -> String {
    strftime("%a %b %e %H:%M:%S %Z %Y", secs)
}

/// `ls -l`'s time column: `Nov 23 22:19` within six months of now, else `Nov 23  2025`.
pub(crate) fn ls_time(mtime: i64, now: i64) -> String {
    let six_months = 31_556_952 / 2;
    if mtime > now - six_months && mtime <= now + 60 {
        strftime("%b %e %H:%M", mtime)
    } else {
        strftime("%b %e  %Y", mtime)
    }
}

/// `ls --full-time` / `stat`: `2026-11-23 22:19:00.000000000 +0000`.
pub(crate) fn full(secs: i64) -> String {
    strftime("%Y-%m-%d %H:%M:%S.000000000 +0000", secs)
}
