"""The worker through its real protocol on CPU tensors (--device cpu): READY, START, DONE, the
result file, and the stops of docs/protocol.md (SIGTERM, stdin EOF before START, a dead parent)."""

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

from tests.torch_available import require_torch

WORKER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "xsched-perf-torch-worker")
SMALL = ["--model", "resnet18", "--batch", "1", "--image-size", "32", "--warmup-iters", "1", "--device", "cpu"]


def spawn(args, env=None):
    environment = {**os.environ, "XSP_PARENT_PID": str(os.getpid()), **(env or {})}
    return subprocess.Popen([WORKER, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)


def read_ready(worker):
    line = worker.stdout.readline()
    if not line.startswith("READY "):
        raise AssertionError(f"expected READY, got {line!r}; stderr: {worker.stderr.read()}")
    return json.loads(line[len("READY "):])


def finish(worker, timeout_s):
    """Waits for the exit with stdin still open: the suite closes it only to stop (docs/protocol.md)."""
    worker.wait(timeout=timeout_s)
    return worker.stdout.read(), worker.stderr.read()


def send_start(worker, delay_ms, duration_ms):
    start = time.monotonic_ns() + delay_ms * 1_000_000
    worker.stdin.write(f"START {start} {start + duration_ms * 1_000_000}\n")
    worker.stdin.flush()
    return start


class WorkerCpuTest(unittest.TestCase):
    def setUp(self):
        require_torch(self)
        self.directory = tempfile.mkdtemp(prefix="xsp-torch-")
        self.addCleanup(shutil.rmtree, self.directory, ignore_errors=True)

    def test_hp_open_loop_writes_the_result_schema(self):
        result_path = os.path.join(self.directory, "hp.json")
        worker = spawn(["--role", "hp", *SMALL, "--rate-hz", "10", "--duration-ms", "1000", "--result", result_path])
        ready = read_ready(worker)
        self.assertEqual((ready["platform"], ready["role"], ready["clock"]), ("cpu", "hp", "CLOCK_MONOTONIC"))
        self.assertEqual(ready["framework"]["name"], "pytorch")
        start = send_start(worker, 300, 1000)
        stdout, stderr = finish(worker, 120)
        self.assertEqual(worker.returncode, 0, stderr)
        self.assertIn(f"DONE {result_path}", stdout)
        result = json.load(open(result_path))
        self.assertEqual((result["schema"], result["schemaVersion"], result["partial"]), ("xsched-perf.worker-result", 1, False))
        self.assertEqual(result["startNs"], str(start))
        self.assertEqual([r[0] for r in result["requests"]], [i * 100_000_000 for i in range(10)])
        for scheduled, started, finished in result["requests"]:
            self.assertLessEqual(scheduled, started)
            self.assertLessEqual(started, finished)
        self.assertEqual(result["streamUse"]["defaultStreamLaunches"], None)

    def test_sigterm_while_measuring_writes_a_partial_result_and_exits_10(self):
        result_path = os.path.join(self.directory, "lp.json")
        worker = spawn(["--role", "lp", *SMALL, "--duration-ms", "60000", "--result", result_path])
        read_ready(worker)
        send_start(worker, 100, 60000)
        time.sleep(1.5)
        worker.send_signal(signal.SIGTERM)
        _, stderr = finish(worker, 10)
        self.assertEqual(worker.returncode, 10, stderr)
        result = json.load(open(result_path))
        self.assertEqual((result["partial"], result["partialReason"]), (True, "SIGTERM received"))
        self.assertGreater(len(result["iterations"]), 0)

    def test_stdin_closed_before_start_is_a_protocol_error(self):
        worker = spawn(["--role", "lp", *SMALL, "--result", os.path.join(self.directory, "never.json")])
        read_ready(worker)
        worker.stdin.close()
        worker.wait(timeout=30)
        self.assertEqual(worker.returncode, 6)
        self.assertIn("xsched-perf-worker: error: stdin closed before START", worker.stderr.read())

    def test_a_parent_gone_before_the_worker_started_ends_it_with_10(self):
        worker = spawn(["--role", "lp", *SMALL, "--result", os.path.join(self.directory, "never.json")], {"XSP_PARENT_PID": "999999999"})
        _, stderr = worker.communicate(timeout=30)
        self.assertEqual(worker.returncode, 10)
        self.assertIn("XSP_PARENT_PID=999999999) is gone", stderr)


class LocalResnetTest(unittest.TestCase):
    def test_the_local_definition_has_torchvisions_parameter_counts(self):
        require_torch(self)
        import torch
        from xsp_torch.local_resnet import build_local_resnet

        # torchvision.models.resnet18 / resnet50 have 11,689,512 and 25,557,032 parameters.
        for name, expected in (("resnet18", 11_689_512), ("resnet50", 25_557_032)):
            model = build_local_resnet(torch, name)
            self.assertEqual(sum(p.numel() for p in model.parameters()), expected, name)
            self.assertEqual(tuple(model.eval()(torch.zeros(1, 3, 64, 64)).shape), (1, 1000))


if __name__ == "__main__":
    unittest.main()
