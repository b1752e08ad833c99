//! Checks of the package catalogs: every data file parses, sizes are set, dependency resolution
//! is closed (every requirement names a catalogued package with a version that satisfies it),
//! the required projects are present, and the PEP 440 / PEP 508 helpers behave.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use drydock_catalog::packages::{
    MarkerEnv, Requirement, SpecifierSet, Version, apk, apt, conda, npm, pep440, pip, texts,
};

#[test]
fn pip_catalog_is_closed_and_sized() {
    let idx = pip::parse_data().expect("pip.json parses");
    assert!(idx.packages.len() >= 150, "{} packages", idx.packages.len());
    for required in [
        "torch",
        "torchvision",
        "torchaudio",
        "numpy",
        "pandas",
        "scikit-learn",
        "scipy",
        "matplotlib",
        "seaborn",
        "fastapi",
        "uvicorn",
        "starlette",
        "pydantic",
        "flask",
        "gunicorn",
        "requests",
        "httpx",
        "wandb",
        "hydra-core",
        "omegaconf",
        "dvc",
        "pytorch-lightning",
        "lightning",
        "transformers",
        "datasets",
        "tokenizers",
        "onnx",
        "onnxruntime",
        "streamlit",
        "typer",
        "click",
        "rich",
        "tqdm",
        "pillow",
        "opencv-python",
        "opencv-python-headless",
        "mlflow",
        "evidently",
        "pytest",
        "ruff",
        "black",
        "mypy",
        "coverage",
        "invoke",
        "python-dotenv",
        "google-cloud-storage",
        "boto3",
    ] {
        assert!(idx.get(required).is_some(), "missing {required}");
    }
    let env = MarkerEnv {
        python_version: "3.11".into(),
        python_full_version: "3.11.14".into(),
        extra: None,
    };
    for p in &idx.packages {
        assert!(p.size > 0 && p.wheel > 0, "{}: sizes", p.name);
        assert!(!p.import.is_empty(), "{}: import names", p.name);
        let versions = p.all_versions();
        assert!(
            !versions.is_empty(),
            "{}: versions {:?}",
            p.name,
            p.versions
        );
        for r in p.requires.iter().chain(p.extras.values().flatten()) {
            let req = Requirement::parse(r).unwrap_or_else(|e| panic!("{}: {e}", p.name));
            if let Some(m) = &req.marker
                && !env.eval(m)
            {
                continue;
            }
            let dep = idx
                .get(&req.name)
                .unwrap_or_else(|| panic!("{} requires {}: not in the catalog", p.name, req.name));
            let ok = dep.all_versions().iter().any(|v| req.specs.contains(v))
                || dep
                    .all_versions()
                    .iter()
                    .any(|v| req.specs.0.iter().all(|s| s.contains(v)));
            assert!(
                ok,
                "{} requires {r}: no catalogued version of {} fits",
                p.name, dep.name
            );
        }
    }
    assert_eq!(idx.get("Scikit_Learn").unwrap().import, ["sklearn"]);
    assert_eq!(idx.get("opencv-python").unwrap().import, ["cv2"]);
    assert_eq!(idx.get("pillow").unwrap().import, ["PIL"]);
    let torch = idx.get("torch").unwrap();
    let gpu: u64 = torch
        .requires
        .iter()
        .filter_map(|r| Requirement::parse(r).ok())
        .filter(|r| r.marker.as_deref().is_some_and(|m| env.eval(m)))
        .filter_map(|r| idx.get(&r.name))
        .map(|p| p.size)
        .sum();
    assert!(
        torch.size + gpu > 3_000_000_000,
        "torch with CUDA wheels is GB-sized"
    );
}

#[test]
fn apt_catalog_is_closed() {
    let idx = apt::parse_data().expect("apt.json parses");
    assert!(idx.packages.len() >= 100);
    let mut names: Vec<&str> = idx.packages.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    for p in &idx.packages {
        assert!(!p.version.is_empty(), "{}", p.name);
        for d in p.depends().chain(p.recommends()) {
            assert!(
                names.binary_search(&d).is_ok() || idx.is_base(d),
                "{} depends on {d}: not in the catalog",
                p.name
            );
        }
    }
    for required in [
        "build-essential",
        "gcc",
        "g++",
        "make",
        "git",
        "curl",
        "wget",
        "ca-certificates",
        "python3",
        "python3-pip",
        "python3-venv",
        "libgl1",
        "libglib2.0-0",
        "ffmpeg",
    ] {
        assert!(
            drydock_catalog::packages::apt_index()
                .get(required)
                .is_some(),
            "missing {required}"
        );
    }
    assert!(!idx.lists("bookworm").is_empty());
}

#[test]
fn apk_npm_conda_texts_parse() {
    let a = apk::parse_data().expect("apk.json parses");
    assert!(a.packages.len() >= 40);
    for p in &a.packages {
        for d in p.depends() {
            assert!(a.get(d).is_some(), "{} depends on {d}", p.name);
        }
    }
    let n = npm::parse_data().expect("npm.json parses");
    for p in &n.packages {
        for d in p.deps.keys() {
            assert!(n.get(d).is_some(), "{} depends on {d}", p.name);
        }
    }
    conda::parse_data().expect("conda.json parses");
    let t = texts::parse_data().expect("programs.json parses");
    assert!(t.versions.contains_key("git"));
}

#[test]
fn pep440_and_pep508() {
    let v = |s: &str| Version::parse(s).unwrap();
    assert!(v("1.10.0") > v("1.9.2"));
    assert!(v("2.0.0rc1") < v("2.0.0"));
    assert!(v("1.4.1.post1") > v("1.4.1"));
    assert!(v("2.0.0.dev1") < v("2.0.0a1"));
    let s = SpecifierSet::parse(">=1.2,<2").unwrap();
    assert!(s.contains(&v("1.5")) && !s.contains(&v("2.0")));
    assert!(SpecifierSet::parse("~=2.2").unwrap().contains(&v("2.9")));
    assert!(
        !SpecifierSet::parse("~=2.2.1")
            .unwrap()
            .contains(&v("2.3.0"))
    );
    assert!(
        SpecifierSet::parse("==4.9.*")
            .unwrap()
            .contains(&v("4.9.3"))
    );
    assert!(
        SpecifierSet::parse("==2.9.0")
            .unwrap()
            .contains(&v("2.9.0+cpu"))
    );
    assert!(SpecifierSet::parse("=>1").is_err());
    let r = Requirement::parse("uvicorn[standard]>=0.12.0 ; python_version >= '3.8'").unwrap();
    assert_eq!(r.name, "uvicorn");
    assert_eq!(r.extras, ["standard"]);
    assert_eq!(r.display(), "uvicorn[standard]>=0.12.0");
    assert_eq!(
        Requirement::parse("starlette>=0.40.0,<0.42.0")
            .unwrap()
            .display(),
        "starlette<0.42.0,>=0.40.0"
    );
    let env = MarkerEnv {
        python_version: "3.11".into(),
        python_full_version: "3.11.14".into(),
        extra: None,
    };
    assert!(env.eval("platform_system == \"Linux\" and platform_machine == \"x86_64\""));
    assert!(!env.eval("python_version >= \"3.12\""));
    assert!(env.eval("sys_platform != 'win32'"));
    assert!(Requirement::parse("-e .").is_err());
    assert_eq!(
        pep440::expand_versions("1.21.0-2 2.0"),
        ["1.21.0", "1.21.1", "1.21.2", "2.0"]
    );
}
