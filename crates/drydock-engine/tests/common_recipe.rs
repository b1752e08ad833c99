//! The course trainer recipe as a context tree, shared by the determinism test and the bench.
#![allow(dead_code, clippy::unwrap_used)]

use drydock_vfs::{ImportEntry, Tree};

pub const DOCKERFILE: &str = "# Base image
FROM python:3.11-slim

RUN apt update && \\
    apt install --no-install-recommends -y build-essential gcc && \\
    apt clean && rm -rf /var/lib/apt/lists/*

COPY requirements.txt requirements.txt
COPY pyproject.toml pyproject.toml
COPY src/ src/
COPY data/ data/

WORKDIR /
RUN pip install -r requirements.txt --no-cache-dir
RUN pip install . --no-deps --no-cache-dir

ENTRYPOINT [\"python\", \"-u\", \"src/my_project/train.py\"]
";

/// The context with `train.py` holding `train`.
pub fn context(train: &str) -> Tree {
    Tree::from_entries([
        ImportEntry::file("Dockerfile", DOCKERFILE),
        ImportEntry::file("requirements.txt", "torch==2.5.1\nnumpy==2.1.3\n"),
        ImportEntry::file("pyproject.toml", "[project]\nname = \"my_project\"\n"),
        ImportEntry::file("src/my_project/__init__.py", ""),
        ImportEntry::file("src/my_project/train.py", train),
        ImportEntry::file("src/my_project/model.py", "class Model: pass\n"),
        ImportEntry::file("src/my_project/data.py", "def load(): return []\n"),
        ImportEntry::file("data/train.csv", "x,y\n1,2\n"),
        ImportEntry::file("data/test.csv", "x,y\n3,4\n"),
        ImportEntry::file("README.md", "# my_project\n"),
    ])
    .unwrap()
}
