"""The pass-signing keys the kiosk trusts: pinned ones plus the service's list,
fetched when online and kept on disk so it survives restarts offline."""

from __future__ import annotations

import json
from typing import Any, Protocol

from kiosk.clock import Clock
from kiosk.passes import TrustList
from kiosk.store import Store, set_meta_in

JWKS_KEY = "trust_jwks"
FETCHED_AT_KEY = "trust_fetched_at"


class KeysApi(Protocol):
    def get_keys(self) -> dict[str, Any]: ...


class TrustKeeper:
    """Answers `current()` for the desk flow (any thread); `refresh()` runs on a
    network thread and writes through that thread's own store."""

    def __init__(
        self, store: Store, clock: Clock, pinned: TrustList, *, max_age: float = 24 * 3600
    ) -> None:
        self._store = store
        self._clock = clock
        self._pinned = pinned.to_jwks()["keys"]
        self._max_age = max_age
        text = store.get_meta(JWKS_KEY)
        fetched = store.get_meta(FETCHED_AT_KEY)
        self._fetched_at = float(fetched) if fetched else None
        self._current = self._merge(json.loads(text).get("keys", []) if text else [])

    def current(self) -> TrustList:
        return self._current

    def refresh(self, api: KeysApi, store: Store | None = None) -> TrustList:
        """Replace the cached list with the service's (a key removed upstream goes).

        *store*: the calling thread's connection (default: the one given at
        construction, for single-threaded commands).
        """
        jwks = api.get_keys()
        fetched = TrustList.from_jwks(jwks).to_jwks()
        now = self._clock.now()
        target = store or self._store
        with target.transaction() as conn:  # the list and its age, together or not at all
            set_meta_in(conn, JWKS_KEY, json.dumps(fetched))
            set_meta_in(conn, FETCHED_AT_KEY, repr(now))
        self._fetched_at = now
        self._current = self._merge(fetched["keys"])  # one reference swap: safe to read
        return self._current

    def fetched_at(self) -> float | None:
        return self._fetched_at

    def is_stale(self) -> bool:
        """The cached list is older than allowed (or was never fetched)."""
        fetched = self._fetched_at
        return fetched is None or self._clock.now() - fetched > self._max_age

    def _merge(self, cached: list[Any]) -> TrustList:
        return TrustList.from_jwks({"keys": [*cached, *self._pinned]})
