"""Live status lookups with a hard deadline, so a slow service never freezes a desk."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import replace
from typing import Any, Protocol, TypeVar

from kiosk.service.errors import ApiError, DeviceNotRegistered, PermanentError, TransientError
from kiosk.service.lookup import LookupFailed, ServiceProblem, VenueStay, VisitFacts
from kiosk.service.wire import StatusAnswer, VenuePresence
from kiosk.sync import SendFailed

T = TypeVar("T")


class StatusApi(Protocol):
    def get_status(self, iin: str, *, deadline: float | None = None) -> StatusAnswer: ...


class PresenceApi(Protocol):
    def get_presence(
        self, venue_bin: str, iin: str, *, deadline: float | None = None
    ) -> VenuePresence: ...


class KeysApi(Protocol):
    def get_keys(self, *, deadline: float | None = None) -> dict[str, Any]: ...


class LiveStatus:
    """A `StatusSource` backed by the national service.

    The HTTP time-outs bound each socket operation, not the whole call, so the
    lookup also runs on a small pool and is abandoned at the deadline. Given
    a *presence* API and the venue, it is a `VisitSource` too: the venue's
    answer whether a person is inside comes in parallel with the status,
    within the same deadline. Given a *keys* API, it is a `KeySource`: the
    signing keys, fetched when a pass names one the desk does not know, within
    the same deadline.
    """

    def __init__(
        self,
        api: StatusApi,
        *,
        deadline: float = 1.5,
        workers: int = 4,
        presence: PresenceApi | None = None,
        venue_bin: str = "",
        keys: KeysApi | None = None,
    ) -> None:
        self._api = api
        self._deadline = deadline
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="status-lookup")
        self._busy = threading.BoundedSemaphore(workers)
        self._presence = presence if venue_bin else None
        self._venue_bin = venue_bin
        self._keys = keys
        self.last_error: str | None = None

    def lookup(self, iin: str) -> StatusAnswer:
        future = self._start(self._api.get_status, iin, deadline=self._deadline)
        return self._result(future, self._deadline)

    def fetch_keys(self) -> dict[str, Any]:
        """The service's signing keys (JWKS) within the deadline; LookupFailed if not."""
        if self._keys is None:
            raise LookupFailed(ServiceProblem.REFUSED)
        future = self._start(self._keys.get_keys, deadline=self._deadline)
        return self._result(future, self._deadline)

    def visit(self, iin: str, *, status: bool) -> VisitFacts:
        """The venue's presence answer and, when *status*, the status, in parallel."""
        until = time.monotonic() + self._deadline
        asked = None
        if self._presence is not None:
            asked = self._try(
                self._presence.get_presence, self._venue_bin, iin, deadline=self._deadline
            )
        facts = VisitFacts()
        if status:
            looked = self._try(self._api.get_status, iin, deadline=self._deadline)
            answer = self._wait(looked, until)
            if isinstance(answer, ServiceProblem):
                facts = replace(facts, status_problem=answer)
            else:
                facts = replace(facts, status=answer)
        if asked is not None:
            stay = self._wait(asked, until)
            if isinstance(stay, ServiceProblem):
                facts = replace(facts, presence_problem=stay)
            else:
                facts = replace(facts, presence=_stay(stay))
        return facts

    def _try(
        self, call: Callable[..., T], *args: object, **kwargs: object
    ) -> Future[T] | LookupFailed:
        try:
            return self._start(call, *args, **kwargs)
        except LookupFailed as exc:
            return exc

    def _wait(self, started: Future[T] | LookupFailed, until: float) -> T | ServiceProblem:
        """The answer by *until*, or why there is none."""
        try:
            if isinstance(started, LookupFailed):
                raise started
            return self._result(started, max(0.0, until - time.monotonic()))
        except LookupFailed as exc:
            return exc.reason

    def _start(self, call: Callable[..., T], *args: object, **kwargs: object) -> Future[T]:
        if not self._busy.acquire(blocking=False):
            # Every worker is stuck on a slow answer: don't queue behind it.
            raise LookupFailed(ServiceProblem.SLOW)
        try:
            future = self._pool.submit(call, *args, **kwargs)
        except RuntimeError:
            self._busy.release()
            raise LookupFailed(ServiceProblem.CLOSED) from None
        future.add_done_callback(lambda _: self._busy.release())
        return future

    def _result(self, future: Future[T], timeout: float) -> T:
        try:
            answer = future.result(timeout=timeout)
        except FutureTimeout:
            self.last_error = "deadline"
            raise LookupFailed(ServiceProblem.SLOW) from None
        except DeviceNotRegistered:
            self.last_error = "device_not_registered"
            raise LookupFailed(ServiceProblem.NOT_REGISTERED) from None
        except ApiError as exc:
            self.last_error = str(exc)
            raise LookupFailed(problem_of(exc)) from None
        self.last_error = None
        return answer

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def problem_of(exc: ApiError) -> ServiceProblem:
    """What an API error says about the service: not there, or there and refusing."""
    if isinstance(exc, DeviceNotRegistered):
        return ServiceProblem.NOT_REGISTERED
    if isinstance(exc, TransientError):
        return ServiceProblem.OFFLINE
    return ServiceProblem.REFUSED


def _stay(answer: VenuePresence) -> VenueStay:
    return VenueStay(
        inside=answer.inside,
        check_in=answer.check_in,
        entered_at=answer.entered_at,
        entrance=answer.entrance,
        desk=answer.desk,
        venue_inside=answer.venue_inside,
    )


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
