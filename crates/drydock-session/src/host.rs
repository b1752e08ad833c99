//! Edits of the host project files (the editor's actions): write (text or bytes), create a folder,
//! rename, delete — paths relative to the project folder, `.drydock/` refused — each reported as
//! `HostFileChanged`.
use drydock_vfs::{AbsPath, Content, Create, LayerStack, Timestamp, Upper};

use crate::output::{Event, Output};
use crate::session::Session;

fn tree_path(rel: &str) -> Result<String, Output> {
    let p = drydock_vfs::clean(&format!("/{}", rel.trim_start_matches('/')));
    if p == "/" || p == "/.drydock" || p.starts_with("/.drydock/") {
        return Err(Output::error(
            format!("drydock: {rel}: not a project file\n"),
            1,
        ));
    }
    Ok(p)
}

/// Runs `f` on the host tree through an `Upper` (kernel-like operations), then keeps the result.
fn edit<T>(s: &mut Session, f: impl FnOnce(&mut Upper) -> T) -> T {
    let now = Timestamp::from_secs(s.engine.now_ms().div_euclid(1000));
    let mut up = Upper::at(LayerStack::new(), now);
    *up.tree_mut() = s.host.clone();
    let r = f(&mut up);
    s.host = up.tree().clone();
    r
}

fn changed(path: &str) -> Output {
    let mut o = Output::new();
    o.events.push(Event::HostFileChanged {
        path: path.trim_start_matches('/').to_owned(),
    });
    o
}

fn fail(path: &str, e: &drydock_vfs::VfsError) -> Output {
    Output::error(format!("drydock: {path}: {e}\n"), 1)
}

pub fn write_file(s: &mut Session, path: &str, content: &str) -> Output {
    write_content(s, path, Content::text(content))
}

pub fn write_bytes(s: &mut Session, path: &str, content: Vec<u8>) -> Output {
    write_content(s, path, Content::bytes(content))
}

fn write_content(s: &mut Session, path: &str, content: Content) -> Output {
    let p = match tree_path(path) {
        Ok(p) => p,
        Err(o) => return o,
    };
    let r = edit(s, |up| {
        if let Some(parent) = AbsPath::parse(&p).ok().and_then(|a| a.parent()) {
            up.mkdir_all(parent.as_str(), Create::dir())?;
        }
        up.write_file(&p, content, Create::file())
    });
    match r {
        Ok(_) => changed(&p),
        Err(e) => fail(path, &e),
    }
}

pub fn create_dir(s: &mut Session, path: &str) -> Output {
    let p = match tree_path(path) {
        Ok(p) => p,
        Err(o) => return o,
    };
    match edit(s, |up| up.mkdir_all(&p, Create::dir())) {
        Ok(_) => changed(&p),
        Err(e) => fail(path, &e),
    }
}

pub fn rename(s: &mut Session, from: &str, to: &str) -> Output {
    let (a, b) = match (tree_path(from), tree_path(to)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(o), _) | (_, Err(o)) => return o,
    };
    match edit(s, |up| up.rename(&a, &b)) {
        Ok(()) => {
            let mut o = changed(&a);
            o.extend(changed(&b));
            o
        }
        Err(e) => fail(from, &e),
    }
}

pub fn delete(s: &mut Session, path: &str) -> Output {
    let p = match tree_path(path) {
        Ok(p) => p,
        Err(o) => return o,
    };
    match edit(s, |up| up.remove_all(&p)) {
        Ok(_) => changed(&p),
        Err(e) => fail(path, &e),
    }
}

#[cfg(test)]
mod tests {
    use crate::{Action, Session, SessionConfig};
    use drydock_vfs::Tree;

    #[test]
    fn write_bytes_keeps_binary_contents_and_creates_parents() {
        let mut s = Session::new(SessionConfig::default(), Tree::new());
        let bytes = vec![0x89, b'P', b'N', b'G', 0, 0xff];
        let out = s.apply(Action::WriteBytes {
            path: "assets/logo.png".into(),
            content: bytes.clone(),
        });
        assert_eq!(out.exit_code, 0);
        let c = s.host().read_file("/assets/logo.png").unwrap();
        assert_eq!(c.as_bytes(), Some(&bytes[..]));
        let out = s.apply(Action::WriteBytes {
            path: ".drydock/x".into(),
            content: vec![1],
        });
        assert_eq!(out.exit_code, 1);
    }
}
