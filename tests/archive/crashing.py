"""An input that kills the worker process reading it (as a crashing native reader would)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from vbdieuhanh.archive.inputs import Item


@dataclass(frozen=True, slots=True)
class CrashingItem(Item):
    def read(self) -> bytes:
        os._exit(3)

    def digest(self) -> str:
        os._exit(3)
