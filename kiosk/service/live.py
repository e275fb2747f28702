"""Live status lookups with a hard deadline, so a slow service never freezes a desk."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import replace
from typing import Any, Protocol, TypeVar

from kiosk.service.errors import (
    ApiError,
    ServiceProblem,
    TimedOut,
)
from kiosk.service.lookup import LookupFailed, VenueStay, VisitFacts
from kiosk.service.wire import StatusAnswer, VenuePresence

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
        except (FutureTimeout, TimedOut):
            # The call's own time-outs are cut to the deadline: whichever of the
            # two gives up first, the lookup ran out of its deadline.
            self.last_error = "deadline"
            raise LookupFailed(ServiceProblem.SLOW) from None
        except ApiError as exc:
            # A refused token is all that is worth keeping of that answer.
            refused = exc.problem is ServiceProblem.NOT_REGISTERED
            self.last_error = exc.problem.value if refused else str(exc)
            raise LookupFailed(exc.problem) from None
        self.last_error = None
        return answer

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _stay(answer: VenuePresence) -> VenueStay:
    return VenueStay(
        inside=answer.inside,
        check_in=answer.check_in,
        entered_at=answer.entered_at,
        entrance=answer.entrance,
        desk=answer.desk,
        venue_inside=answer.venue_inside,
    )
