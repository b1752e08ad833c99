//! Executing RUN: the user resolved in the container, mounts placed for the duration of the
//! step (bind from the context or a stage, cache from the engine's cache-mount store, tmpfs,
//! `#!` heredoc scripts) and removed afterwards so they never enter the layer, then the
//! executor.
use drydock_vfs::{AbsPath, DirNode, Layer, Metadata, Node, Tree, Upper};

use crate::executor::{RunExecutor, RunMount, RunOutcome, RunRequest};
use crate::plan::RunOp;

/// A mount to place: target and the node to show there (`None`: leave absent).
pub struct Placed {
    pub kind: String,
    pub target: String,
    pub node: Option<Node>,
    pub read_only: bool,
    /// For cache mounts: the cache id to save back to.
    pub cache_id: Option<String>,
}

/// What running the step left behind besides the layer.
pub struct RunResult {
    pub outcome: RunOutcome,
    /// Cache mounts' new contents.
    pub caches: Vec<(String, Layer)>,
}

fn ancestors_missing(tree: &Tree, target: &AbsPath) -> Vec<AbsPath> {
    let mut out = Vec::new();
    let mut p = target.parent();
    while let Some(a) = p {
        if a.is_root() || tree.get(&a).is_some() {
            break;
        }
        out.push(a.clone());
        p = a.parent();
    }
    out
}

/// Runs `op` in `upper` with `mounts` placed.
pub fn run(
    executor: &dyn RunExecutor,
    op: &RunOp,
    env: Vec<(String, String)>,
    user: crate::executor::RunUser,
    mounts: Vec<Placed>,
    upper: &mut Upper,
    now_secs: i64,
) -> RunResult {
    // Place mounts, remembering what was there.
    let mut saved: Vec<(AbsPath, Option<Node>, Vec<AbsPath>)> = Vec::new();
    let mut all = mounts;
    if let Some((name, data)) = &op.script {
        let meta = Metadata::with_mode(0o755);
        all.push(Placed {
            kind: "bind".to_owned(),
            target: format!("/dev/pipes/{name}"),
            node: Some(Node::file(meta, drydock_vfs::Content::text(data))),
            read_only: true,
            cache_id: None,
        });
    }
    let mut run_mounts = Vec::new();
    for m in &all {
        let t = AbsPath::from_any(&m.target);
        let orig = upper.tree().get(&t).map(|n| n.to_node());
        let created = ancestors_missing(upper.tree(), &t);
        if let Some(n) = &m.node {
            let _ = upper
                .tree_mut()
                .put_creating_parents(&t, n.clone(), Metadata::dir_default());
        } else {
            let _ = upper.tree_mut().take(&t);
        }
        saved.push((t, orig, created));
        run_mounts.push(RunMount {
            kind: m.kind.clone(),
            target: m.target.clone(),
            read_only: m.read_only,
        });
    }
    let outcome = executor.run(RunRequest {
        upper,
        argv: op.argv.clone(),
        env,
        workdir: op.workdir.clone(),
        user,
        mounts: run_mounts,
        network: op.network.clone(),
        hostname: "buildkitsandbox".to_owned(),
        now_secs,
    });
    // Save cache mounts, then restore everything in reverse order.
    let mut caches = Vec::new();
    for m in &all {
        if let Some(id) = &m.cache_id {
            let t = AbsPath::from_any(&m.target);
            let dir = match upper.tree().get(&t).map(|n| n.to_node()) {
                Some(Node::Dir(d)) => d,
                _ => DirNode::new(Metadata::dir_default()),
            };
            caches.push((id.clone(), Layer::from_root(dir)));
        }
    }
    for (t, orig, created) in saved.into_iter().rev() {
        match orig {
            Some(n) => {
                let _ = upper.tree_mut().put(&t, n);
            }
            None => {
                let _ = upper.tree_mut().take(&t);
            }
        }
        for a in created {
            if upper
                .tree()
                .get(&a)
                .and_then(|n| n.as_dir())
                .is_some_and(DirNode::is_empty)
            {
                let _ = upper.tree_mut().take(&a);
            }
        }
    }
    RunResult { outcome, caches }
}
