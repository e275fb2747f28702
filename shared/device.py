"""The life of a code reader (camera, serial scanner), as the hardware reports it
and the desk tells it."""

from __future__ import annotations

from enum import StrEnum


class DeviceState(StrEnum):
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
