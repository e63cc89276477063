"""Disjoint character spans with logarithmic overlap checks: long texts have thousands of names."""

from __future__ import annotations

import bisect


class DisjointSpans:
    """Non-overlapping ``(start, end)`` spans kept sorted; ``add`` refuses an overlapping one."""

    def __init__(self, spans=()):
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)  # spans starting before ``end``...
        return i > 0 and self._ends[i - 1] > start  # ...the last of them is the one that reaches furthest

    def add(self, start: int, end: int) -> bool:
        """Keep the span if it overlaps none kept; True if kept."""
        if self.overlaps(start, end):
            return False
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        return True

    def any_between(self, low: int, high: int, gap_ok=None) -> bool:
        """Is a kept span inside ``[low, high]`` (and, if given, ``gap_ok(end)`` true for it)?"""
        i = bisect.bisect_left(self._starts, low)
        while i < len(self._starts) and self._ends[i] <= high:
            if gap_ok is None or gap_ok(self._ends[i]):
                return True
            i += 1
        return False
