"""Builds ResNet-18/50 with seeded random weights (no download), in eval mode, on the device.
torchvision's definitions when torchvision imports; otherwise local_resnet.py, the same
architecture written here, and the fingerprint's framework.modelSource says which was used."""

from .errors import BAD_COMMAND_LINE, WorkerError


def _torchvision_builder(name):
    try:
        import torchvision.models as tv_models
        import torchvision
    except ImportError:
        return None, None
    build = getattr(tv_models, name)
    # weights=None exists from torchvision 0.13; older ones take pretrained=False.
    return (lambda: build(weights=None)) if _has_weights_api(torchvision.__version__) else (lambda: build(pretrained=False)), torchvision.__version__


def _has_weights_api(version):
    parts = version.split("+")[0].split(".")
    try:
        return (int(parts[0]), int(parts[1])) >= (0, 13)
    except (ValueError, IndexError):
        return True


def build_model(torch, name, seed, device):
    """Returns (model, torchvision version or None, model source)."""
    torch.manual_seed(seed)
    builder, tv_version = _torchvision_builder(name)
    source = "torchvision"
    if builder is None:
        from .local_resnet import build_local_resnet
        builder, source = (lambda: build_local_resnet(torch, name)), "local-resnet (torchvision not importable)"
    try:
        model = builder()
    except (KeyError, AttributeError) as error:
        raise WorkerError(BAD_COMMAND_LINE, f"cannot build model {name!r}: {error}")
    return model.eval().to(device), tv_version, source
