//! `unzip [-q] [-o] [-d DIR] FILE.zip` over Drydock archive manifests (Info-ZIP's messages).
use crate::programs::ProgramCtx;
use crate::programs::common::archive::{self, Archive, Item};
use crate::programs::common::{self as c};

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let mut quiet = false;
    let mut dir: Option<String> = None;
    let mut file: Option<String> = None;
    let mut i = 1;
    while let Some(a) = argv.get(i) {
        i += 1;
        match a.as_str() {
            "-q" | "-qq" => quiet = true,
            "-o" | "-n" | "-u" | "-j" => {}
            "-d" => {
                dir = argv.get(i).cloned();
                i += 1;
            }
            s if s.starts_with("-d") => dir = Some(s.get(2..).unwrap_or("").to_owned()),
            s if s.starts_with('-') => {}
            s if file.is_none() => file = Some(s.to_owned()),
            _ => {}
        }
    }
    let Some(file) = file else {
        c::eout(
            ctx,
            "UnZip 6.00 of 20 April 2009, by Debian. Original by Info-ZIP.\n\nUsage: unzip [-Z] [-opts[modifiers]] file[.zip] [list] [-x xlist] [-d exdir]\n",
        );
        return 0;
    };
    let abs = ctx.abs(&file);
    let data = match ctx.rt.fs.read_file(&abs) {
        Ok(d) => d,
        Err(_) => {
            let alt = format!("{abs}.zip");
            match ctx.rt.fs.read_file(&alt) {
                Ok(d) => d,
                Err(_) => {
                    c::eout(
                        ctx,
                        &format!("unzip:  cannot find or open {file}, {file}.zip or {file}.ZIP.\n"),
                    );
                    return 9;
                }
            }
        }
    };
    let Some(ar) = Archive::decode(&String::from_utf8_lossy(&data)) else {
        c::eout(
            ctx,
            &format!(
                "Archive:  {file}\n  End-of-central-directory signature not found.  Either this file is not\n  a zipfile, or it constitutes one disk of a multi-part archive.  In the\n  latter case the central directory and zipfile comment will be found on\n  the last disk(s) of this archive.\nunzip:  cannot find zipfile directory in one of {file} or\n        {file}.zip, and cannot find {file}.ZIP, period.\n"
            ),
        );
        return 9;
    };
    let dest = dir
        .as_deref()
        .map(|d| ctx.abs(d))
        .unwrap_or_else(|| ctx.cwd.clone());
    let shown_dir = dir.clone().unwrap_or_default();
    let mut out = if quiet {
        String::new()
    } else {
        format!("Archive:  {file}\n")
    };
    for item in &ar.items {
        let name = item.path();
        let shown = if shown_dir.is_empty() {
            name.to_owned()
        } else {
            c::join(&shown_dir, name)
        };
        if !quiet {
            match item {
                Item::Dir { .. } => out.push_str(&format!("   creating: {shown}\n")),
                Item::Link { target, .. } => {
                    out.push_str(&format!("    linking: {shown}  -> {target} \n"))
                }
                _ => out.push_str(&format!("  inflating: {shown}  \n")),
            }
        }
        let _ = archive::extract_item(ctx, item, name.trim_end_matches('/'), &dest);
    }
    ctx.stdout(out.as_bytes());
    0
}
