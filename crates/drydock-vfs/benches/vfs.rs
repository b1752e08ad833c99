//! Benchmarks for drydock-vfs (`cargo bench -p drydock-vfs`): the cost of a build-step snapshot
//! (a few writes + snapshot + commit + diff) as the tree grows, and the memory retained by 1,000
//! snapshots of a ~5,000-file tree (estimated with `memory_stats`, which counts every shared
//! node and buffer once; the workspace forbids `unsafe`, so no counting allocator).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Instant;

use drydock_vfs::{
    Content, Create, ImportEntry, Layer, LayerStack, Timestamp, Tree, Upper, memory_stats,
};

/// A tree of `n` files laid out like a real image: /usr/lib/pkgNNN/modMM/fileKK.py, 40 files
/// per directory, 10 directories per package.
fn tree_of(n: usize) -> Tree {
    let entries = (0..n).map(|i| {
        let (pkg, rest) = (i / 400, i % 400);
        let path = format!(
            "usr/lib/pkg{pkg:04}/mod{:02}/file{:02}.py",
            rest / 40,
            rest % 40
        );
        ImportEntry::file(&path, Content::text("print('hello')\n"))
    });
    Tree::from_entries(entries).unwrap()
}

/// One build step: `k` writes (and one delete) on an upper over `stack`, then snapshot, commit
/// and diff. Returns the new stack.
fn step(stack: &LayerStack, k: usize, round: usize) -> LayerStack {
    let mut up = Upper::at(stack.clone(), Timestamp::from_secs(round as i64));
    for j in 0..k {
        let p = format!("/usr/lib/pkg0000/mod{:02}/new{round}-{j}.py", j % 10);
        up.write_file(&p, Content::text("x = 1\n"), Create::file())
            .unwrap();
    }
    let _ = up.remove_all(&format!("/usr/lib/pkg0000/mod00/file{:02}.py", round % 40));
    black_box(up.snapshot());
    black_box(up.changes());
    up.commit_stack()
}

fn time<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let r = f();
    (r, t.elapsed().as_secs_f64() * 1e6)
}

fn main() {
    println!("== snapshot cost vs tree size (10 writes + 1 delete, snapshot, diff, commit) ==");
    println!(
        "{:>8} {:>10} {:>16} {:>15} {:>12}",
        "files", "build ms", "1000 clones µs", "step µs (avg)", "bytes/step"
    );
    for n in [1_000usize, 10_000, 100_000] {
        let (tree, build_us) = time(|| tree_of(n));
        let stack = LayerStack::from_layers([Layer::from_tree(&tree)]);
        let (_, clone_us) = time(|| {
            for _ in 0..1000 {
                black_box(stack.tree().clone());
            }
        });
        let rounds = 200;
        let base = memory_stats([stack.tree()]).total();
        let mut trees = Vec::with_capacity(rounds);
        let (_, step_us) = time(|| {
            let mut s = stack.clone();
            for r in 0..rounds {
                s = step(&s, 10, r);
                trees.push(s.tree().clone());
            }
        });
        let all = memory_stats(trees.iter().chain([stack.tree()])).total();
        println!(
            "{n:>8} {:>10.1} {:>16.1} {:>15.1} {:>12}",
            build_us / 1000.0,
            clone_us,
            step_us / rounds as f64,
            (all - base) / rounds
        );
    }

    println!();
    println!("== one step on the 100,000-file tree, broken down (µs, average of 200) ==");
    let stack = LayerStack::from_layers([Layer::from_tree(&tree_of(100_000))]);
    let (mut w, mut d, mut c, mut p) = (0.0, 0.0, 0.0, 0.0);
    let mut s = stack.clone();
    for round in 0..200usize {
        let mut up = Upper::at(s.clone(), Timestamp::from_secs(round as i64));
        let (_, t) = time(|| {
            for j in 0..10 {
                let path = format!("/usr/lib/pkg0000/mod{:02}/new{round}-{j}.py", j % 10);
                up.write_file(&path, Content::text("x = 1\n"), Create::file())
                    .unwrap();
            }
        });
        w += t;
        let (_, t) = time(|| black_box(up.changes()));
        d += t;
        let (layer, t) = time(|| up.commit());
        c += t;
        let (next, t) = time(|| up.lower().push(layer));
        p += t;
        s = next;
    }
    println!(
        "10 writes {:.1}, changes() {:.1}, commit {:.1}, push layer {:.1}",
        w / 200.0,
        d / 200.0,
        c / 200.0,
        p / 200.0
    );

    println!();
    println!("== memory of 1,000 snapshots of a ~5,000-file tree (3 writes each) ==");
    let tree = tree_of(5_000);
    let tree_bytes = memory_stats([&tree]).total();
    let mut up = Upper::new(LayerStack::from_layers([Layer::from_tree(&tree)]));
    let mut snapshots = Vec::with_capacity(1000);
    let (_, us) = time(|| {
        for i in 0..1000usize {
            up.set_now(Timestamp::from_secs(i as i64));
            for j in 0..3 {
                let p = format!(
                    "/usr/lib/pkg{:04}/mod{:02}/file{:02}.py",
                    (i + j) % 12,
                    j,
                    i % 40
                );
                up.write_file(&p, Content::text(&format!("v{i}")), Create::file())
                    .unwrap();
            }
            snapshots.push(up.snapshot());
        }
    });
    let snaps_bytes = memory_stats(snapshots.iter().chain([&tree])).total() - tree_bytes;
    println!(
        "tree of {} entries: {} KiB",
        tree.count(),
        tree_bytes / 1024
    );
    println!(
        "1,000 snapshots: {} KiB retained ({} bytes/snapshot, {:.1}% of one full tree), {:.1} µs/snapshot",
        snaps_bytes / 1024,
        snaps_bytes / 1000,
        snaps_bytes as f64 / 1000.0 / tree_bytes as f64 * 100.0,
        us / 1000.0
    );
    let (changes, us) = time(|| drydock_vfs::diff(&snapshots[0], &snapshots[999]));
    println!(
        "diff first vs last snapshot: {} changes in {:.1} µs",
        changes.len(),
        us
    );
    let (layer, us) = time(|| Layer::from_diff(&snapshots[998], &snapshots[999]));
    let (digest, us2) = time(|| layer.diff_id());
    println!(
        "commit last step: {:.1} µs, diff id {:.1} µs ({})",
        us,
        us2,
        digest.short()
    );
    black_box(snapshots);
}
