"""The life of a device as the kiosk reports it (camera, serial scanner)."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from typing import Any


class DeviceState(enum.Enum):
    """Reported on every change, in this order of life:

    ``STARTING`` (opening: a Windows camera can take seconds), ``RUNNING``
    (first frame or line seen), ``LOST`` (unplugged, stopped delivering;
    retrying), ``BACK`` (delivering again after a loss: running),
    ``STOPPED`` (the worker has ended).
    """

    STARTING = "starting"
    RUNNING = "running"
    LOST = "lost"
    BACK = "back"
    STOPPED = "stopped"

    @property
    def delivering(self) -> bool:
        """True while the device delivers (``RUNNING`` or ``BACK``)."""
        return self in (DeviceState.RUNNING, DeviceState.BACK)


def call_safely(
    callback: Callable[[Any], object], value: object, log: logging.Logger, what: str
) -> None:
    """Run a listener's callback on a device thread; its failure must not stop the device."""
    try:
        callback(value)
    except Exception:
        log.exception("a %s callback failed", what)
