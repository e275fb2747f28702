"""The pass-signing keys the kiosk trusts: pinned ones plus the service's list,
fetched when online and kept on disk so it survives restarts offline.

A pass that names a key id the desk does not know may be signed by a key the
service rotated in a minute ago: :meth:`TrustKeeper.unknown_kid` fetches the
list at once (at most once per `recheck_every`), so the desk can decide again.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

from kiosk.news import KeyListState
from kiosk.passes import TrustList
from kiosk.service.lookup import LookupFailed
from kiosk.storage.store import Store, set_meta_in
from shared.clock import Clock

JWKS_KEY = "trust_jwks"
FETCHED_AT_KEY = "trust_fetched_at"
RECHECK_EVERY = 10.0
"""Seconds between two fetches for unknown key ids: a flood of made-up ids costs
the service one fetch per this time, and a key rotated in is learnt at once."""


class KeyAnswer(StrEnum):
    """What the desk knows about a key id it does not hold, after asking."""

    FETCHED = "fetched"  # the service's list was fetched just now: verify again
    CURRENT = "current"  # fetched moments ago: an id not in it is not the service's
    UNREACHABLE = "unreachable"  # the service could not be asked: the pass is unverified


class TrustKeeper:
    """Answers `current()` for the desk flow (any thread); `refresh()` runs on a
    network thread and writes through that thread's own store."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        pinned: TrustList,
        *,
        max_age: float = 24 * 3600,
        alert_after: float = 7 * 86_400,
        recheck_every: float = RECHECK_EVERY,
    ) -> None:
        """*max_age*: fetch again when the list is older; *alert_after*: staff are
        alerted when it is older than this (the service cannot be reached)."""
        self._store = store
        self._clock = clock
        self._pinned = pinned.to_jwks()["keys"]
        self._max_age = max_age
        self._alert_after = alert_after
        self._recheck_every = recheck_every
        self._lock = threading.Lock()
        self._asked: tuple[float, bool] | None = None  # the last fetch for an unknown id
        self._changed_at: float | None = None
        self._listeners: list[Callable[[], None]] = []
        text = store.get_meta(JWKS_KEY)
        fetched = store.get_meta(FETCHED_AT_KEY)
        self._fetched_at = float(fetched) if fetched else None
        self._fetched = json.loads(text).get("keys", []) if text else []
        self._current = self._merge(self._fetched)

    def current(self) -> TrustList:
        return self._current

    def subscribe(self, changed: Callable[[], None]) -> None:
        """Call *changed* (on the fetching thread) after each fetch of the list."""
        self._listeners.append(changed)

    def refresh(
        self, fetch: Callable[[], Mapping[str, Any]], store: Store | None = None
    ) -> TrustList:
        """Replace the cached list with the service's (a key removed upstream goes).

        *fetch* returns the service's JWKS now (an API client's `get_keys`);
        *store*: the calling thread's connection (default: the one given at
        construction, for single-threaded commands).
        """
        jwks = fetch()
        fetched = TrustList.from_jwks(jwks).to_jwks()
        now = self._clock.now()
        target = store or self._store
        with target.transaction() as conn:  # the list and its age, together or not at all
            set_meta_in(conn, JWKS_KEY, json.dumps(fetched))
            set_meta_in(conn, FETCHED_AT_KEY, repr(now))
        with self._lock:
            if fetched["keys"] != self._fetched:
                self._changed_at = now
            self._fetched = fetched["keys"]
            self._fetched_at = now
            self._current = self._merge(fetched["keys"])  # one reference swap: safe to read
        for changed in self._listeners:
            changed()
        return self._current

    def unknown_kid(
        self, fetch: Callable[[], Mapping[str, Any]] | None, store: Store | None = None
    ) -> KeyAnswer:
        """A pass names a key id not in the list: fetch the list now (*fetch* raises
        LookupFailed when the service does not answer), unless that was done less
        than `recheck_every` ago; then that fetch's outcome stands."""
        now = self._clock.now()
        with self._lock:
            asked = self._asked
            if asked is not None and 0 <= now - asked[0] < self._recheck_every:
                return KeyAnswer.CURRENT if asked[1] else KeyAnswer.UNREACHABLE
            if fetch is None:
                return KeyAnswer.UNREACHABLE
            self._asked = (now, False)
        try:
            self.refresh(fetch, store)
        except (LookupFailed, ValueError):  # ValueError: an answer that is no JWKS
            return KeyAnswer.UNREACHABLE
        with self._lock:
            self._asked = (now, True)
        return KeyAnswer.FETCHED

    def fetched_at(self) -> float | None:
        return self._fetched_at

    def changed_at(self) -> float | None:
        """When a fetch last brought a list that differs from the one before (this run)."""
        return self._changed_at

    def is_stale(self) -> bool:
        """The cached list is older than allowed (or was never fetched): fetch it."""
        fetched = self._fetched_at
        return fetched is None or self._clock.now() - fetched > self._max_age

    def state(self) -> KeyListState:
        """The list as the staff panel shows it, now."""
        now = self._clock.now()
        return KeyListState(self._fetched_at, len(self._current), self._alert_after, now)

    def too_old(self) -> bool:
        """Older than staff may let pass without an alert (or never fetched)."""
        return self.state().too_old

    def _merge(self, cached: list[Any]) -> TrustList:
        return TrustList.from_jwks({"keys": [*cached, *self._pinned]})
