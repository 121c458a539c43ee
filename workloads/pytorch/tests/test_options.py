"""The command line of docs/protocol.md: defaults, refusals with the value quoted, exit code 2."""

import unittest

from xsp_torch.errors import BAD_COMMAND_LINE, WorkerError
from xsp_torch.options import parse_options

HP = ["--role", "hp", "--model", "resnet18", "--result", "r.json"]


class OptionsTest(unittest.TestCase):
    def refused(self, argv, message):
        with self.assertRaises(WorkerError) as raised:
            parse_options(argv)
        self.assertEqual(raised.exception.exit_code, BAD_COMMAND_LINE)
        self.assertIn(message, str(raised.exception))

    def test_defaults_are_the_native_workers(self):
        o = parse_options(HP)
        self.assertEqual((o.batch, o.image_size, o.gpu_index, o.seed, o.duration_ms, o.rate_hz, o.arrival),
                         (1, 224, 0, 1, 10000, 10.0, "uniform"))
        self.assertEqual((o.stream_priority, o.warmup_iterations, o.inject_delay_us, o.drain_ms, o.device),
                         ("default", 5, 0, 5000, "cuda"))

    def test_reads_every_option_the_suite_passes(self):
        o = parse_options(HP + ["--batch", "8", "--image-size", "96", "--gpu", "1", "--seed", "4", "--duration-ms", "2000",
                                "--stream-priority", "high", "--drain-ms", "100", "--rate-hz", "12.5", "--arrival", "poisson",
                                "--warmup-iters", "2", "--device", "cpu"])
        self.assertEqual((o.batch, o.image_size, o.gpu_index, o.seed, o.duration_ms, o.stream_priority, o.drain_ms),
                         (8, 96, 1, 4, 2000, "high", 100))
        self.assertEqual((o.rate_hz, o.arrival, o.warmup_iterations, o.device), (12.5, "poisson", 2, "cpu"))

    def test_refusals_quote_the_value(self):
        self.refused(["--role", "hp", "--model", "vgg16", "--result", "r"], "--model must be one of resnet18, resnet50, got 'vgg16'")
        self.refused(HP + ["--batch", "0"], "--batch must be >= 1, got '0'")
        self.refused(HP + ["--rate-hz", "inf"], "--rate-hz must be finite and > 0, got 'inf'")
        self.refused(HP + ["--bogus", "1"], "unknown option '--bogus'")
        self.refused(["--role", "lp", "--model", "resnet18", "--result", "r", "--rate-hz", "5"], "--rate-hz: refused with --role lp")
        self.refused(["--role", "hp", "--model", "resnet18"], "--result is required")

    def test_probe_needs_no_model(self):
        self.assertTrue(parse_options(["--probe", "--device", "cpu"]).probe)


if __name__ == "__main__":
    unittest.main()
