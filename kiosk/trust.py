"""The pass-signing keys the kiosk trusts: pinned ones plus the service's list,
fetched when online and kept on disk so it survives restarts offline."""

from __future__ import annotations

import json
from typing import Any, Protocol

from kiosk.clock import Clock
from kiosk.passes import TrustList
from kiosk.store import Store

JWKS_KEY = "trust_jwks"
FETCHED_AT_KEY = "trust_fetched_at"


class KeysApi(Protocol):
    def get_keys(self) -> dict[str, Any]: ...


class TrustKeeper:
    """Answers `current()` for the desk flow; `refresh()` runs off the UI thread."""

    def __init__(
        self, store: Store, clock: Clock, pinned: TrustList, *, max_age: float = 24 * 3600
    ) -> None:
        self._store = store
        self._clock = clock
        self._pinned = pinned.to_jwks()["keys"]
        self._max_age = max_age
        self._current = self._load()

    def current(self) -> TrustList:
        return self._current

    def refresh(self, api: KeysApi) -> TrustList:
        """Replace the cached list with the service's (a key removed upstream goes)."""
        jwks = api.get_keys()
        fetched = TrustList.from_jwks(jwks)
        self._store.set_meta(JWKS_KEY, json.dumps(fetched.to_jwks()))
        self._store.set_meta(FETCHED_AT_KEY, repr(self._clock.now()))
        self._current = self._load()
        return self._current

    def fetched_at(self) -> float | None:
        value = self._store.get_meta(FETCHED_AT_KEY)
        return float(value) if value else None

    def is_stale(self) -> bool:
        """The cached list is older than allowed (or was never fetched)."""
        fetched = self.fetched_at()
        return fetched is None or self._clock.now() - fetched > self._max_age

    def _load(self) -> TrustList:
        text = self._store.get_meta(JWKS_KEY)
        cached = json.loads(text).get("keys", []) if text else []
        return TrustList.from_jwks({"keys": [*cached, *self._pinned]})
