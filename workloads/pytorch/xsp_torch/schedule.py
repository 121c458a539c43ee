"""The hp arrival schedule, offsets in ns from the start instant, the same numbers as the native
worker for the same seed (native/src/worker/arrival_schedule.cpp): uniform multiplies, never
accumulates; poisson draws from std::mt19937_64, reimplemented here so both workers pair."""

import math

_MASK64 = (1 << 64) - 1


class Mt19937_64:
    """std::mt19937_64 (the C++ standard's parameters), seeded like std::mt19937_64(seed)."""

    _N, _M = 312, 156
    _MATRIX_A = 0xB5026F5AA96619E9
    _UPPER, _LOWER = 0xFFFFFFFF80000000, 0x7FFFFFFF

    def __init__(self, seed):
        self._state = [seed & _MASK64]
        for i in range(1, self._N):
            previous = self._state[i - 1]
            self._state.append((6364136223846793005 * (previous ^ (previous >> 62)) + i) & _MASK64)
        self._index = self._N

    def _twist(self):
        state = self._state
        for i in range(self._N):
            x = (state[i] & self._UPPER) | (state[(i + 1) % self._N] & self._LOWER)
            state[i] = state[(i + self._M) % self._N] ^ (x >> 1) ^ (self._MATRIX_A if x & 1 else 0)
        self._index = 0

    def next(self):
        if self._index >= self._N:
            self._twist()
        y = self._state[self._index]
        self._index += 1
        y ^= (y >> 29) & 0x5555555555555555
        y ^= (y << 17) & 0x71D67FFFEDA60000
        y ^= (y << 37) & 0xFFF7EEE000000000
        y ^= y >> 43
        return y & _MASK64


def _uniform(rate_hz, duration_ns):
    period_ns = 1e9 / rate_hz
    offsets = []
    i = 0
    while True:
        offset = _round_half_away(i * period_ns)
        if offset >= duration_ns:
            return offsets
        offsets.append(offset)
        i += 1


def _poisson(rate_hz, duration_ns, seed):
    engine = Mt19937_64(seed)
    mean_gap_ns = 1e9 / rate_hz
    time_ns = 0.0
    offsets = []
    while True:
        unit = (engine.next() >> 11) * 2.0**-53
        time_ns += -math.log1p(-unit) * mean_gap_ns
        offset = _round_half_away(time_ns)
        if offset >= duration_ns:
            return offsets
        offsets.append(offset)


def _round_half_away(value):
    """std::llround: halves away from zero (Python's round() rounds halves to even)."""
    return int(math.floor(value + 0.5)) if value >= 0 else -int(math.floor(-value + 0.5))


def arrival_offsets_ns(arrival, rate_hz, duration_ns, seed):
    if not (rate_hz > 0 and math.isfinite(rate_hz)):
        raise ValueError(f"arrival schedule: rate_hz must be finite and > 0, got {rate_hz!r}")
    if duration_ns <= 0:
        raise ValueError(f"arrival schedule: duration_ns must be > 0, got {duration_ns!r}")
    if arrival == "uniform":
        return _uniform(rate_hz, duration_ns)
    return _poisson(rate_hz, duration_ns, seed)
