//! `.dockerignore` in action: data, virtual environments, git history and secrets kept out of the context.
use super::{Example, ExampleFile::*};

pub const EXAMPLE: Example = Example {
    id: "dockerignore",
    title: ".dockerignore demo",
    summary: "`COPY . .` with and without a .dockerignore: what enters the image, and how big it gets.",
    dockerfile: "Dockerfile",
    tag: "ignore-demo:latest",
    files: &[
        Text(
            "Dockerfile",
            "FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt --no-cache-dir\nCMD [\"python\", \"src/main.py\"]\n",
        ),
        Text(
            ".dockerignore",
            "# Keep the build context small and free of secrets\ndata/\n.venv/\n.git/\n**/__pycache__/\n*.pyc\n.env\nmodels/\n",
        ),
        Text("requirements.txt", "requests==2.34.2\n"),
        Text("src/main.py", "print(\"Hello from a small image\")\n"),
        Text(
            "src/__pycache__/main.cpython-311.pyc",
            "compiled bytecode\n",
        ),
        Text(".env", "WANDB_API_KEY=0123456789abcdef\n"),
        Text(".git/HEAD", "ref: refs/heads/main\n"),
        Data(".git/objects/pack/pack-1.pack", 48_000_000),
        Data(
            ".venv/lib/python3.11/site-packages/torch/lib/libtorch_cpu.so",
            420_000_000,
        ),
        Data("data/raw/images.npy", 250_000_000),
        Data("models/model.pt", 45_000_000),
    ],
};
