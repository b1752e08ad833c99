//! A multi-stage build: dependencies built in one stage, only the results copied into a slim one.
use super::{Example, ExampleFile::*};

pub const EXAMPLE: Example = Example {
    id: "multistage",
    title: "Multi-stage build",
    summary: "Build wheels in a full image, copy only what runs into a slim one: compare the sizes.",
    dockerfile: "Dockerfile",
    tag: "trainer:slim",
    files: &[
        Text("Dockerfile", DOCKERFILE),
        Text("requirements.txt", "numpy==2.5.5\nscikit-learn==1.9.1\n"),
        Text(
            "src/train.py",
            "import numpy as np\nfrom sklearn.linear_model import LogisticRegression\n\nprint(\"Fitting a logistic regression\")\nX = np.random.rand(100, 4)\ny = (X[:, 0] > 0.5).astype(int)\nLogisticRegression().fit(X, y)\nprint(\"done\")\n",
        ),
    ],
};

const DOCKERFILE: &str = "\
# Stage 1: a full image with compilers to build the dependencies
FROM python:3.11 AS build
RUN python -m venv /opt/venv
ENV PATH=\"/opt/venv/bin:$PATH\"
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

# Stage 2: only the virtual environment and the code
FROM python:3.11-slim
COPY --from=build /opt/venv /opt/venv
ENV PATH=\"/opt/venv/bin:$PATH\"
WORKDIR /app
COPY src/ src/
CMD [\"python\", \"src/train.py\"]
";
