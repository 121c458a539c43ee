"""PROGRESS lines as the native worker's (native/tests/cpu_worker_loops.cpp): the count, then
the hp worker's running P99 in whole microseconds, asked for only when a line is due."""

import unittest

from xsp_torch.loops import PROGRESS_INTERVAL_NS, Progress, hp_progress_fields


class ProgressTest(unittest.TestCase):
    def test_fields_follow_the_count_and_are_asked_for_only_when_a_line_is_due(self):
        lines, asked = [], []
        progress = Progress(lines.append, lambda: asked.append(1) or "p99Us=42")
        progress.finished(1, 0)
        progress.finished(2, PROGRESS_INTERVAL_NS - 1)
        progress.finished(3, PROGRESS_INTERVAL_NS)
        self.assertEqual(lines, ["PROGRESS 1 p99Us=42", "PROGRESS 3 p99Us=42"])
        self.assertEqual(len(asked), 2)

    def test_without_fields_the_line_is_the_count_alone(self):
        lines = []
        Progress(lines.append).finished(5, 0)
        self.assertEqual(lines, ["PROGRESS 5"])

    def test_hp_p99_is_the_nearest_rank_p99_of_finished_minus_scheduled(self):
        # Requests as log["requests"] rows: [scheduled, started, finished] in ns; latencies 1..100 ms.
        requests = [[1_000, 2_000, 1_000 + i * 1_000_000 + 999] for i in range(100, 0, -1)]
        self.assertEqual(hp_progress_fields(requests), "p99Us=99000")
        self.assertEqual(hp_progress_fields([[0, 0, 7_000_000]]), "p99Us=7000")
        self.assertEqual(hp_progress_fields([]), "")


if __name__ == "__main__":
    unittest.main()
