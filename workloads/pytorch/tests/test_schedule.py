"""The hp schedule pairs with the native worker's: the same offsets for the same seed
(expected values printed by native/src/worker/arrival_schedule.cpp, seed 7, 20 Hz, 60 s)."""

import unittest

from xsp_torch.schedule import Mt19937_64, arrival_offsets_ns


class ScheduleTest(unittest.TestCase):
    def test_mt19937_64_matches_the_cpp_standard(self):
        # C++11 [rand.predef]: the 10000th output of a default-seeded (5489) mt19937_64.
        engine = Mt19937_64(5489)
        for _ in range(9999):
            engine.next()
        self.assertEqual(engine.next(), 9981545732273789042)

    def test_poisson_offsets_equal_the_native_workers(self):
        offsets = arrival_offsets_ns("poisson", 20, 60_000_000_000, 7)
        self.assertEqual(offsets[:5], [70199562, 219292217, 225537185, 336778208, 344393335])
        self.assertEqual(len(offsets), 1195)

    def test_uniform_rounds_halves_away_from_zero_like_llround(self):
        self.assertEqual(arrival_offsets_ns("uniform", 3, 1_000_000_000, 1), [0, 333333333, 666666667])

    def test_refuses_a_rate_that_schedules_nothing(self):
        with self.assertRaisesRegex(ValueError, "rate_hz must be finite and > 0, got 0"):
            arrival_offsets_ns("uniform", 0, 1_000, 1)


if __name__ == "__main__":
    unittest.main()
