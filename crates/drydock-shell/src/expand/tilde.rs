//! Tilde expansion: `~` is `$HOME`, `~user` is the user's home from the image's `/etc/passwd`.
use crate::process::Runtime;
use crate::state::Shell;

impl Shell {
    pub(crate) fn tilde(&self, rt: &mut Runtime<'_>, user: &str) -> Option<String> {
        if user.is_empty() {
            return self.get("HOME").map(str::to_owned);
        }
        let passwd = rt.fs.read_file("/etc/passwd").ok()?;
        let text = String::from_utf8_lossy(&passwd);
        text.lines().find_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            (f.first() == Some(&user))
                .then(|| f.get(5).map(|h| (*h).to_owned()))
                .flatten()
        })
    }
}
