"""Live status lookups with a hard deadline, so a slow service never freezes a desk."""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Protocol

from kiosk.api import ApiError, DeviceNotRegistered, PermanentError, StatusAnswer, TransientError
from kiosk.lookup import LookupFailed, ServiceProblem
from kiosk.sync import SendFailed


class StatusApi(Protocol):
    def get_status(self, iin: str, *, deadline: float | None = None) -> StatusAnswer: ...


class LiveStatus:
    """A `StatusSource` backed by the national service.

    The HTTP time-outs bound each socket operation, not the whole call, so the
    lookup also runs on a small pool and is abandoned at the deadline.
    """

    def __init__(self, api: StatusApi, *, deadline: float = 1.5, workers: int = 2) -> None:
        self._api = api
        self._deadline = deadline
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="status-lookup")
        self._busy = threading.BoundedSemaphore(workers)
        self.last_error: str | None = None

    def lookup(self, iin: str) -> StatusAnswer:
        if not self._busy.acquire(blocking=False):
            # Every worker is stuck on a slow answer: don't queue behind it.
            raise LookupFailed(ServiceProblem.SLOW)
        future: Future[StatusAnswer]
        try:
            future = self._pool.submit(self._api.get_status, iin, deadline=self._deadline)
        except RuntimeError:
            self._busy.release()
            raise LookupFailed(ServiceProblem.CLOSED) from None
        future.add_done_callback(lambda _: self._busy.release())
        try:
            answer = future.result(timeout=self._deadline)
        except FutureTimeout:
            self.last_error = "deadline"
            raise LookupFailed(ServiceProblem.SLOW) from None
        except DeviceNotRegistered:
            self.last_error = "device_not_registered"
            raise LookupFailed(ServiceProblem.NOT_REGISTERED) from None
        except TransientError as exc:
            self.last_error = str(exc)
            raise LookupFailed(ServiceProblem.OFFLINE) from None
        except ApiError as exc:
            self.last_error = str(exc)
            raise LookupFailed(ServiceProblem.REFUSED) from None
        self.last_error = None
        return answer

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def translate(exc: Exception) -> SendFailed | None:
    """Map API errors to what the outbox sync does about them."""
    if isinstance(exc, DeviceNotRegistered):
        return SendFailed(str(exc), transient=True, fatal=True)
    if isinstance(exc, TransientError):
        return SendFailed(str(exc), transient=True, retry_after=exc.retry_after)
    if isinstance(exc, PermanentError):
        if exc.status in _REFUSES_THE_BATCH:
            return SendFailed(str(exc), transient=False)
        # 403, 404, 405…: the service (or a portal, or a server mid-migration)
        # is not usable as configured, whatever the events; splitting the batch
        # would dead-letter the whole queue. Keep the events and back off.
        return SendFailed(str(exc), transient=True)
    return None


# Answers that blame the batch itself (a bad event, a body too large); None: the
# client could not even encode it.
_REFUSES_THE_BATCH = frozenset({None, 400, 413, 422})
