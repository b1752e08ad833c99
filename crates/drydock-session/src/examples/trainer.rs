//! The course's trainer image: a PyTorch MNIST project built with pip, as learners write it.
use super::{Example, ExampleFile::*};

pub const EXAMPLE: Example = Example {
    id: "trainer",
    title: "Trainer image (pip)",
    summary: "The MLOps course's trainer.dockerfile: a PyTorch training script, its requirements and data.",
    dockerfile: "trainer.dockerfile",
    tag: "trainer:latest",
    files: &[
        Text("trainer.dockerfile", TRAINER),
        Text(
            "requirements.txt",
            "torch==2.15.0\nnumpy==2.5.5\nmatplotlib==3.11.2\ntyper==0.29.1\n",
        ),
        Text("pyproject.toml", PYPROJECT),
        Text(
            "README.md",
            "# my_project\n\nTrain a small CNN on corrupted MNIST.\n\n```\ndocker build -f trainer.dockerfile . -t trainer:latest\ndocker run --name experiment1 trainer:latest\n```\n",
        ),
        Text("src/my_project/__init__.py", ""),
        Text("src/my_project/data.py", DATA_PY),
        Text("src/my_project/model.py", MODEL_PY),
        Text("src/my_project/train.py", TRAIN_PY),
        Data("data/processed/train_images.pt", 188_000_000),
        Data("data/processed/train_target.pt", 240_000),
        Data("data/processed/test_images.pt", 31_400_000),
        Data("data/processed/test_target.pt", 40_000),
    ],
};

pub const TRAINER: &str = "\
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

pub const PYPROJECT: &str = "\
[build-system]
requires = [\"setuptools>=61.0\"]
build-backend = \"setuptools.build_meta\"

[project]
name = \"my_project\"
version = \"0.0.1\"
description = \"Train a small CNN on corrupted MNIST\"
requires-python = \">=3.11\"
dependencies = [\"torch\", \"numpy\", \"matplotlib\", \"typer\"]

[tool.setuptools.packages.find]
where = [\"src\"]
";

const DATA_PY: &str = "\
import torch


def corrupt_mnist():
    \"\"\"Return train and test datasets for corrupt MNIST.\"\"\"
    train_images = torch.load(\"data/processed/train_images.pt\")
    train_target = torch.load(\"data/processed/train_target.pt\")
    test_images = torch.load(\"data/processed/test_images.pt\")
    test_target = torch.load(\"data/processed/test_target.pt\")
    train_set = torch.utils.data.TensorDataset(train_images, train_target)
    test_set = torch.utils.data.TensorDataset(test_images, test_target)
    return train_set, test_set
";

const MODEL_PY: &str = "\
from torch import nn


class MyAwesomeModel(nn.Module):
    \"\"\"A small convolutional network.\"\"\"

    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1)
        self.conv2 = nn.Conv2d(32, 64, 3, 1)
        self.dropout = nn.Dropout(0.5)
        self.fc1 = nn.Linear(64 * 12 * 12, 10)

    def forward(self, x):
        x = self.conv1(x).relu()
        x = self.conv2(x).relu()
        x = nn.functional.max_pool2d(x, 2)
        return self.fc1(self.dropout(x).flatten(1))
";

const TRAIN_PY: &str = "\
import matplotlib.pyplot as plt
import torch
import typer

from my_project.data import corrupt_mnist
from my_project.model import MyAwesomeModel


def train(lr: float = 1e-3, batch_size: int = 32, epochs: int = 5) -> None:
    \"\"\"Train a model on MNIST.\"\"\"
    print(\"Training day and night\")
    model = MyAwesomeModel()
    train_set, _ = corrupt_mnist()
    train_dataloader = torch.utils.data.DataLoader(train_set, batch_size=batch_size)
    loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for epoch in range(epochs):
        model.train()
        for img, target in train_dataloader:
            optimizer.zero_grad()
            loss = loss_fn(model(img), target)
            loss.backward()
            optimizer.step()
        print(f\"Epoch {epoch} done\")
    print(\"Training complete\")
    torch.save(model.state_dict(), \"models/model.pt\")
    plt.plot([0, 1])
    plt.savefig(\"reports/figures/training_statistics.png\")


if __name__ == \"__main__\":
    typer.run(train)
";
