//! The examples the app opens with: the course's trainer Dockerfile and its project files.

/// File name of the example Dockerfile.
pub const TRAINER_NAME: &str = "trainer.dockerfile";

/// The MLOps course's trainer Dockerfile, exactly as learners write it.
pub const TRAINER_DOCKERFILE: &str = "\
# Base image
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
