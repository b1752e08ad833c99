//! `sha256sum`, `sha512sum`, `sha1sum`… and `md5sum`: digests of files or stdin, and `-c`
//! checking. A synthetic file (a simulated download) passes any check: its real bytes are not
//! known, and the check is what the Dockerfile relies on.
use crate::programs::ProgramCtx;
use crate::programs::common as c;
use sha2::Digest;

fn md5(data: &[u8]) -> String {
    const S: [u32; 64] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5,
        9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10,
        15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];
    let k: Vec<u32> = (0..64)
        .map(|i: i32| (f64::from(i + 1).sin().abs() * 4_294_967_296.0) as u32)
        .collect();
    let mut msg = data.to_vec();
    let bits = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bits.to_le_bytes());
    let (mut a0, mut b0, mut c0, mut d0) = (
        0x6745_2301u32,
        0xefcd_ab89u32,
        0x98ba_dcfeu32,
        0x1032_5476u32,
    );
    for chunk in msg.chunks(64) {
        let m: Vec<u32> = chunk
            .chunks(4)
            .map(|w| {
                u32::from_le_bytes([
                    w.first().copied().unwrap_or(0),
                    w.get(1).copied().unwrap_or(0),
                    w.get(2).copied().unwrap_or(0),
                    w.get(3).copied().unwrap_or(0),
                ])
            })
            .collect();
        let (mut a, mut b, mut cc, mut d) = (a0, b0, c0, d0);
        for i in 0..64usize {
            let (f, g) = match i / 16 {
                0 => ((b & cc) | (!b & d), i),
                1 => ((d & b) | (!d & cc), (5 * i + 1) % 16),
                2 => (b ^ cc ^ d, (3 * i + 5) % 16),
                _ => (cc ^ (b | !d), (7 * i) % 16),
            };
            let f = f
                .wrapping_add(a)
                .wrapping_add(k.get(i).copied().unwrap_or(0))
                .wrapping_add(m.get(g).copied().unwrap_or(0));
            a = d;
            d = cc;
            cc = b;
            b = b.wrapping_add(f.rotate_left(S.get(i).copied().unwrap_or(0)));
        }
        a0 = a0.wrapping_add(a);
        b0 = b0.wrapping_add(b);
        c0 = c0.wrapping_add(cc);
        d0 = d0.wrapping_add(d);
    }
    [a0, b0, c0, d0]
        .iter()
        .flat_map(|w| w.to_le_bytes())
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn digest(algo: &str, data: &[u8]) -> String {
    match algo {
        "md5" => md5(data),
        "sha512" => hex(&sha2::Sha512::digest(data)),
        "sha384" => hex(&sha2::Sha384::digest(data)),
        "sha224" => hex(&sha2::Sha224::digest(data)),
        _ => hex(&sha2::Sha256::digest(data)),
    }
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let p = c::prog(argv);
    let algo = p.trim_end_matches("sum").to_owned();
    let a = match c::parse(
        argv,
        "cbtwsz",
        &[
            ("check", 'c'),
            ("binary", 'b'),
            ("text", 't'),
            ("warn", 'w'),
            ("status", 's'),
            ("quiet", 'q'),
            ("strict", '\u{1}'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    let ops = if a.ops.is_empty() {
        vec!["-".to_owned()]
    } else {
        a.ops.clone()
    };
    let mut status = 0;
    if a.has('c') {
        let mut failed = 0;
        for op in &ops {
            let list = match c::read_operand(ctx, op, stdin) {
                Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                Err(e) => {
                    c::err(ctx, &p, &format!("{op}: {}", e.message()));
                    status = 1;
                    continue;
                }
            };
            for line in list.lines().filter(|l| !l.trim().is_empty()) {
                let Some((want, file)) = line.split_once(' ') else {
                    continue;
                };
                let file = file.trim_start_matches([' ', '*']);
                let path = ctx.abs(file);
                let ok = match ctx.rt.fs.stat(&path) {
                    Ok(st) => {
                        let data = ctx.rt.fs.read_file(&path).unwrap_or_default();
                        data.len() as u64 != st.size || digest(&algo, &data) == want.to_lowercase()
                    }
                    Err(e) => {
                        c::err(ctx, &p, &format!("{file}: {}", e.message()));
                        c::out(ctx, &format!("{file}: FAILED open or read"));
                        status = 1;
                        continue;
                    }
                };
                if ok {
                    if !a.has('s') && !a.has('q') {
                        c::out(ctx, &format!("{file}: OK"));
                    }
                } else {
                    failed += 1;
                    if !a.has('s') {
                        c::out(ctx, &format!("{file}: FAILED"));
                    }
                }
            }
        }
        if failed > 0 {
            let s = if failed == 1 {
                "checksum did NOT match"
            } else {
                "checksums did NOT match"
            };
            if !a.has('s') {
                c::err(ctx, &p, &format!("WARNING: {failed} computed {s}"));
            }
            status = 1;
        }
        return status;
    }
    for op in &ops {
        match c::read_operand(ctx, op, stdin) {
            Ok(data) => {
                let d = digest(&algo, &data);
                c::out(ctx, &format!("{d}  {op}"));
            }
            Err(e) => {
                c::err(ctx, &p, &format!("{op}: {}", e.message()));
                status = 1;
            }
        }
    }
    status
}
