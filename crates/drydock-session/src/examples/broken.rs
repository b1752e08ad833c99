//! A Dockerfile with the mistakes learners make most: each one is caught by Drydock with an explanation.
use super::{Example, ExampleFile::*};

pub const EXAMPLE: Example = Example {
    id: "broken",
    title: "Broken on purpose",
    summary: "Common mistakes in one file: a typo, a missing RUN, shell-form CMD, secrets in ENV, cache-busting order.",
    dockerfile: "Dockerfile",
    tag: "broken:latest",
    files: &[
        Text("Dockerfile", DOCKERFILE),
        Text("requirements.txt", "fastapi==0.163.2\nuvicorn==0.54.0\n"),
        Text("src/app/__init__.py", ""),
        Text(
            "src/app/api.py",
            "from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get(\"/\")\ndef root():\n    return {\"hello\": \"world\"}\n",
        ),
    ],
};

const DOCKERFILE: &str = "\
FROM python:3.11-slim
ENV WANDB_API_KEY=0123456789abcdef
COPY . .
pip install -r requirements.txt
WORKDIR /app
RUN apt-get update && apt-get install -y curl
RUN rm -rf /var/lib/apt/lists/*
EXPOSE $PORT
CMD uvicorn src/app/api:app --host 0.0.0.0 --port $PORT
";
