"""Facts the worker reads about its own process: the parent's death and mapped XSched libraries."""

import os
import tempfile
import unittest

from xsp_torch.stop import describe_parent_change
from xsp_torch.xsched_libraries import mapped_xsched_libraries


class ParentChangeTest(unittest.TestCase):
    def test_the_expected_parent_alive_says_nothing(self):
        self.assertEqual(describe_parent_change("42", 42), "")

    def test_another_parent_is_the_sign_of_death(self):
        self.assertIn("XSP_PARENT_PID=42) is gone", describe_parent_change("42", 1))

    def test_without_the_variable_only_adoption_by_pid_1_counts(self):
        self.assertEqual(describe_parent_change(None, 77), "")
        self.assertIn("adopted by pid 1", describe_parent_change("", 1))


class XschedLibrariesTest(unittest.TestCase):
    def test_lists_each_xsched_library_once_in_order(self):
        lines = [
            "7f00-7f01 r-xp 00000000 08:01 1 /opt/xsched/lib/libshimcuda.so\n",
            "7f01-7f02 r--p 00001000 08:01 1 /opt/xsched/lib/libshimcuda.so\n",
            "7f02-7f03 r-xp 00000000 08:01 2 /usr/lib/libc.so.6\n",
            "7f03-7f04 r-xp 00000000 08:01 3 /opt/xsched/lib/libhalcuda.so\n",
            "7f04-7f05 rw-p 00000000 00:00 0 \n",
        ]
        with tempfile.NamedTemporaryFile("w", delete=False) as maps:
            maps.writelines(lines)
        try:
            self.assertEqual(mapped_xsched_libraries(maps.name), ["/opt/xsched/lib/libshimcuda.so", "/opt/xsched/lib/libhalcuda.so"])
        finally:
            os.unlink(maps.name)


if __name__ == "__main__":
    unittest.main()
