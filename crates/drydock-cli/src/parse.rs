//! `drydock parse [--dump buildkit|json|none] FILE`: prints the parse tree (BuildKit's dump by
//! default) on stdout and the diagnostics on stderr as `FILE:LINE:COL: error[CODE]: message`;
//! exits 1 exactly when BuildKit's parser or instruction stage rejects the file, 2 on failure.
use drydock_text::LineIndex;
use std::io::Write;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dump {
    Buildkit,
    Json,
    None,
}

const USAGE: &str = "Usage: drydock parse [--dump buildkit|json|none] FILE";

/// Runs the subcommand; returns the exit status.
pub fn run(args: &[String]) -> i32 {
    let mut dump = Dump::Buildkit;
    let mut file: Option<&str> = None;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        let value = if a == "--dump" {
            i += 1;
            match args.get(i) {
                Some(v) => Some(v.as_str()),
                None => {
                    eprintln!("drydock parse: --dump needs a value\n{USAGE}");
                    return 2;
                }
            }
        } else {
            a.strip_prefix("--dump=")
        };
        if let Some(v) = value {
            dump = match v {
                "buildkit" => Dump::Buildkit,
                "json" => Dump::Json,
                "none" => Dump::None,
                other => {
                    eprintln!("drydock parse: unknown dump format {other:?}\n{USAGE}");
                    return 2;
                }
            };
        } else if a == "-h" || a == "--help" {
            println!("{USAGE}");
            return 0;
        } else if a.starts_with('-') && a != "-" {
            eprintln!("drydock parse: unknown flag {a}\n{USAGE}");
            return 2;
        } else if file.replace(a).is_some() {
            eprintln!("drydock parse: one FILE expected\n{USAGE}");
            return 2;
        }
        i += 1;
    }
    let Some(path) = file else {
        eprintln!("{USAGE}");
        return 2;
    };
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        match std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf) {
            Ok(_) => buf,
            Err(e) => {
                eprintln!("drydock parse: cannot read standard input: {e}");
                return 2;
            }
        }
    } else {
        match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("drydock parse: cannot read {path}: {e}");
                return 2;
            }
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let parse = drydock_syntax::parse(&text);

    let mut stdout = std::io::stdout().lock();
    let written = match dump {
        Dump::Buildkit => stdout.write_all(parse.dump().as_bytes()),
        Dump::Json => match serde_json::to_string_pretty(&parse) {
            Ok(s) => writeln!(stdout, "{s}"),
            Err(e) => {
                eprintln!("drydock parse: cannot serialise the tree: {e}");
                return 2;
            }
        },
        Dump::None => Ok(()),
    };
    if let Err(e) = written.and_then(|()| stdout.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("drydock parse: cannot write output: {e}");
        return 2;
    }

    let index = LineIndex::new(&text);
    let mut stderr = std::io::stderr().lock();
    for d in &parse.diagnostics {
        let pos = index.line_col(&text, d.range.start);
        let _ = writeln!(
            stderr,
            "{path}:{}:{}: {}[{}]: {}",
            pos.line,
            pos.col,
            d.severity.as_str(),
            d.code,
            d.message
        );
    }
    i32::from(parse.is_rejected())
}
