"""A cleaned line's chunk map kept as runs (normalize.py).

A module of its own, left out of the compiled modules of setup.py: mypyc cannot compile a class
that inherits from ``list``, and the normaliser's chunk maps must stay lists (``locate`` bisects
them).
"""

from __future__ import annotations


class CharRuns(list[tuple[int, int]]):
    """A chunk map of one chunk per character, kept as runs: a chunk whose raw offset is the one before
    plus one is left out (``locate`` reads it from the chunk before); ``per_char`` gives them all."""

    def per_char(self, length: int) -> list[tuple[int, int]]:
        """Every chunk, one per character of a text of ``length`` characters."""
        ends = [norm for norm, _ in self[1:]] + [length]
        return [
            (norm + k, raw + k)
            for (norm, raw), end in zip(self, ends, strict=True)
            for k in range(end - norm)
        ]
