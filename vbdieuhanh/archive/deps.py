"""Optional dependencies, imported when a feature needs them, with one clear error when missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import MissingDependencyError


def require(module: str, extra: str) -> ModuleType:
    """Import ``module`` or say which extra of vbdieuhanh installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        top = module.split(".")[0]
        raise MissingDependencyError(top, f"this needs {top}: pip install 'vbdieuhanh[{extra}]'") from error
