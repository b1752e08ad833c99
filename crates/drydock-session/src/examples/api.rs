//! A FastAPI inference API: EXPOSE, ports, and a server that keeps the container running.
use super::{Example, ExampleFile::*};

pub const EXAMPLE: Example = Example {
    id: "api",
    title: "Inference API (FastAPI)",
    summary: "A FastAPI app served by uvicorn: EXPOSE, `docker run -p 8000:8000`, a container that keeps running.",
    dockerfile: "api.dockerfile",
    tag: "api:latest",
    files: &[
        Text("api.dockerfile", DOCKERFILE),
        Text(
            "requirements.txt",
            "fastapi==0.163.2\nuvicorn==0.54.0\ntorch==2.15.0\n",
        ),
        Text("src/my_project/__init__.py", ""),
        Text("src/my_project/api.py", API_PY),
        Text("models/model.pt", "placeholder weights\n"),
    ],
};

const DOCKERFILE: &str = "\
FROM python:3.11-slim

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt --no-cache-dir

COPY src/ src/
COPY models/ models/

EXPOSE 8000
CMD [\"uvicorn\", \"src.my_project.api:app\", \"--host\", \"0.0.0.0\", \"--port\", \"8000\"]
";

const API_PY: &str = "\
import torch
from fastapi import FastAPI

app = FastAPI()
model = torch.nn.Linear(4, 2)


@app.get(\"/\")
def root():
    return {\"message\": \"Hello from the model API\"}


@app.post(\"/predict\")
def predict(values: list[float]):
    with torch.no_grad():
        return {\"prediction\": model(torch.tensor(values)).tolist()}
";
