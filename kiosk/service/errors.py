"""How a call to the national service failed, classified once: what it says
about the service (`problem`), and whether the same request may succeed later
(`retryable`). The look-ups, the outbox sync and the desk's service state all
read these two, and nothing else decides it again."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

DEVICE_NOT_REGISTERED = "this device is not registered"


class ServiceProblem(StrEnum):
    """Why the national service could not be used just now."""

    OFFLINE = "offline"  # no connection, a time-out, 5xx
    SLOW = "slow"  # no answer within the lookup's deadline
    NOT_REGISTERED = "device_not_registered"  # the device token was refused
    REFUSED = "refused"  # the service answered with an error
    CLOSED = "closed"  # the desk is stopping


_REFUSES_THE_REQUEST = frozenset({None, 400, 413, 422})
"""Answers that blame the request itself (a bad event, a body too large; None:
the client could not even encode it): sent again, it fails again."""


class ApiError(Exception):
    """The service could not be used for this call."""

    problem = ServiceProblem.REFUSED
    retry_after: float | None = None
    """The wait the service asked for (seconds), if it did."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        title: str | None = None,
        detail: str | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.title = title
        self.detail = detail
        self.code = code

    @property
    def retryable(self) -> bool:
        """The same request may succeed later. A 403, 404 or 405 is the service
        (or a portal, or a server mid-migration) not usable as configured,
        whatever was sent: worth trying again; a 400, 413 or 422 blames what
        was sent."""
        return self.status not in _REFUSES_THE_REQUEST


class TransientError(ApiError):
    """Worth retrying later: no connection, a time-out, 5xx, 408, 429, a cut-off answer.

    `retry_after` is the wait the service asked for (seconds), if it did.
    """

    problem = ServiceProblem.OFFLINE

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        return True


class TimedOut(TransientError):
    """No answer within the call's time-out (which a lookup cuts to its deadline)."""


class PermanentError(ApiError):
    """The service answered with an error (a 4xx with the problem's words)."""


class DeviceNotRegistered(PermanentError):
    """The service refused the device token (401): nothing is sent until the
    device is registered (an outbox waits, a long while between tries)."""

    problem = ServiceProblem.NOT_REGISTERED

    def __init__(self, *, detail: str | None = None) -> None:
        super().__init__(DEVICE_NOT_REGISTERED, status=401, title="Unauthorized", detail=detail)
