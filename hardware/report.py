"""How a device worker reports to its listener (camera, serial scanner)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any


def call_safely(
    callback: Callable[[Any], object], value: object, log: logging.Logger, what: str
) -> None:
    """Run a listener's callback on a device thread; its failure must not stop the device."""
    try:
        callback(value)
    except Exception:
        log.exception("a %s callback failed", what)
