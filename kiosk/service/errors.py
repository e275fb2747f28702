"""How a call to the national service failed: worth retrying, or not."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.service.wire import RemoteReferral

DEVICE_NOT_REGISTERED = "this device is not registered"


class ApiError(Exception):
    """The service could not be used for this call."""

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


class TransientError(ApiError):
    """Worth retrying later: no connection, a time-out, 5xx, 408, 429, a cut-off answer.

    `retry_after` is the wait the service asked for (seconds), if it did.
    """

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after


class PermanentError(ApiError):
    """Sending the same request again will fail again (a 4xx with the problem's words)."""


class DeviceNotRegistered(PermanentError):
    """The service refused the device token (401)."""

    def __init__(self, *, detail: str | None = None) -> None:
        super().__init__(DEVICE_NOT_REGISTERED, status=401, title="Unauthorized", detail=detail)


class AlreadyResolved(PermanentError):
    """Another resolution of the referral came first (409): the first resolution wins.

    `detail` says with which outcome; `referral` is the referral as that
    resolution left it, when the answer carried a readable one (else None).
    """

    def __init__(self, message: str, *, referral: RemoteReferral | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.referral = referral
