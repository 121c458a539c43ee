"""The PyTorch workload: speaks the worker protocol of docs/protocol.md with torchvision models."""

WORKER_VERSION = "0.1.0-pytorch"
