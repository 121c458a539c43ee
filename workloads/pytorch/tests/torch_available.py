"""Whether torch imports here. Without it the CPU-mode tests skip with the package named, except
under CI=true, where a skip would count as a pass: there they fail (docs/ci.md)."""

import importlib.util
import os
import unittest

TORCH_MISSING = importlib.util.find_spec("torch") is None
MISSING_MESSAGE = "torch is not importable by this python3: install python3-torch (Debian) or PyTorch (pip)"


def require_torch(test_case):
    if not TORCH_MISSING:
        return
    if os.environ.get("CI") == "true":
        test_case.fail(f"{MISSING_MESSAGE}; CI must run these tests, a skip is not a pass")
    raise unittest.SkipTest(MISSING_MESSAGE)
