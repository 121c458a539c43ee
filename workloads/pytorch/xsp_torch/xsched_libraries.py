"""XSched libraries mapped in this process (docs/protocol.md, "READY fingerprint"): every distinct
path in /proc/self/maps whose file name starts with libshim, libxsched, libpreempt or libhal."""

import os

PREFIXES = ("libshim", "libxsched", "libpreempt", "libhal")


def mapped_xsched_libraries(maps_path="/proc/self/maps"):
    seen = []
    try:
        with open(maps_path, encoding="utf-8", errors="replace") as maps:
            for line in maps:
                fields = line.split(None, 5)
                if len(fields) < 6:
                    continue
                path = fields[5].strip()
                if os.path.basename(path).startswith(PREFIXES) and path not in seen:
                    seen.append(path)
    except OSError:
        return []
    return seen
