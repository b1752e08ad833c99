//! The docker client's own behaviour as data: `tests/data/cli-cases.tsv` was captured from the
//! docker 28.2.2 client without a daemon (`data/capture-cli-cases.py`). A row either reached the
//! daemon (then Drydock must accept the command line) or the client answered by itself (help,
//! version, usage and flag errors: then Drydock must print the same stdout and stderr and exit
//! with the same status). Rows listed in `docs/divergences.md` are asserted to diverge.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use drydock_session::cli::{Parsed, parse};
use drydock_session::{Session, SessionConfig};
use drydock_testkit::{Suite, read_tsv};
use drydock_vfs::Tree;

fn main() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let rows = read_tsv(&dir, "cli-cases.tsv").unwrap();
    let mut suite = Suite::new();
    for row in rows {
        let argv: Vec<String> = serde_json::from_value(row.get("argv").clone()).unwrap();
        let result = row.str("result").to_owned();
        let stdout = row.str("stdout").to_owned();
        let stderr = row.str("stderr").to_owned();
        let code = row.get("code").as_i64().unwrap_or(-1);
        let label = format!("docker {}", argv.join(" "));
        suite.case("cli-cases.tsv", &row.id(), &label, move || {
            match (parse(&argv, "28.2.2"), result.as_str()) {
                (Parsed::Run(_), "daemon") => Ok(()),
                (Parsed::Run(_), _) => {
                    // A check of the client after flag parsing (ports, references, TTY): run it
                    // through a session without a terminal on stdin.
                    let config = SessionConfig {
                        stdin_tty: false,
                        ..SessionConfig::default()
                    };
                    let o = Session::new(config, Tree::new()).docker(&argv);
                    if o.stdout() == stdout && o.stderr() == stderr && i64::from(o.exit_code) == code {
                        Ok(())
                    } else {
                        Err(format!(
                            "expected stdout {stdout:?}\n stderr {stderr:?}\n exit {code}\n got stdout {:?}\n stderr {:?}\n exit {}",
                            o.stdout(),
                            o.stderr(),
                            o.exit_code
                        ))
                    }
                }
                (Parsed::Done(o), "daemon") => Err(format!(
                    "docker reaches the daemon; Drydock printed {:?} {:?} ({})",
                    o.stdout(),
                    o.stderr(),
                    o.exit_code
                )),
                (Parsed::Done(o), _) => {
                    if o.stdout() == stdout && o.stderr() == stderr && i64::from(o.exit_code) == code {
                        Ok(())
                    } else {
                        Err(format!(
                            "expected stdout {stdout:?}\n stderr {stderr:?}\n exit {code}\n got stdout {:?}\n stderr {:?}\n exit {}",
                            o.stdout(),
                            o.stderr(),
                            o.exit_code
                        ))
                    }
                }
            }
        });
    }
    suite.run()
}
