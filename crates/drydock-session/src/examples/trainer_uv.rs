//! The trainer image built with uv: a lock file, a cached dependency layer, the project installed last.
use super::{Example, ExampleFile::*};

pub const EXAMPLE: Example = Example {
    id: "trainer-uv",
    title: "Trainer image (uv)",
    summary: "The same project installed with uv from a lock file, dependencies first for the cache.",
    dockerfile: "trainer.dockerfile",
    tag: "trainer:uv",
    files: &[
        Text("trainer.dockerfile", DOCKERFILE),
        Text("pyproject.toml", super::trainer::PYPROJECT),
        Text(
            "uv.lock",
            "version = 1\nrequires-python = \">=3.11\"\n\n[[package]]\nname = \"torch\"\nversion = \"2.15.0\"\n\n[[package]]\nname = \"numpy\"\nversion = \"2.5.5\"\n\n[[package]]\nname = \"matplotlib\"\nversion = \"3.11.2\"\n\n[[package]]\nname = \"typer\"\nversion = \"0.29.1\"\n\n[[package]]\nname = \"my-project\"\nversion = \"0.0.1\"\nsource = { editable = \".\" }\n",
        ),
        Text(
            "README.md",
            "# my_project (uv)\n\n```\ndocker build -f trainer.dockerfile . -t trainer:uv\n```\n",
        ),
        Text("src/my_project/__init__.py", ""),
        Text(
            "src/my_project/train.py",
            "import torch\n\nprint(\"Training with uv\")\nmodel = torch.nn.Linear(4, 2)\ntorch.save(model.state_dict(), \"models/model.pt\")\n",
        ),
    ],
};

const DOCKERFILE: &str = "\
FROM ghcr.io/astral-sh/uv:python3.11-bookworm-slim

WORKDIR /app
ENV UV_LINK_MODE=copy

# Dependencies first: this layer stays cached while the code changes.
COPY uv.lock pyproject.toml ./
RUN --mount=type=cache,target=/root/.cache/uv \\
    uv sync --locked --no-install-project

COPY src src/
COPY README.md README.md
RUN --mount=type=cache,target=/root/.cache/uv \\
    uv sync --locked

RUN mkdir -p models
ENTRYPOINT [\"uv\", \"run\", \"src/my_project/train.py\"]
";
