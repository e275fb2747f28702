"""What the stand-in national service does, apart from HTTP: statuses, passes, intake."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from kiosk.passes import DEFAULT_LIFETIME, key_id, public_jwk, sign_pass
from kiosk.referrals.values import ReferralState
from kiosk.status import Status
from sandbox.db import PersonRow, ReceivedEvent, SandboxDb
from sandbox.devices import Device
from sandbox.events import OUTCOMES, Rejection, ValidEvent, validate_event
from sandbox.people import DEMO_PEOPLE, effective_status, valid_until_for
from sandbox.presence import Admission, stays
from sandbox.referrals import (
    Applied,
    ReferralList,
    ReferralRecord,
    ReferralStore,
    Resolution,
    ResolutionResult,
)
from sandbox.wire import canonical_uuid
from shared.clock import Clock, SystemClock

ISSUER = "ashyq-sandbox"


@dataclass(frozen=True)
class CurrentStatus:
    """A person's status as the service reports it now."""

    status: Status
    valid_until: float | None


@dataclass(frozen=True)
class IssuedPass:
    text: str
    iin: str
    status: Status
    valid_until: float | None
    expires_at: float
    kid: str


@dataclass(frozen=True)
class BatchOutcome:
    """What became of each event of an uploaded batch (ids as the kiosk sent them).

    `received_at`: when the service stored the batch, by its own clock.
    """

    received_at: float
    accepted: list[str] = field(default_factory=list)
    duplicate: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    statuses: dict[str, CurrentStatus] = field(default_factory=dict)


@dataclass(frozen=True)
class OccupancyCount:
    venue_bin: str
    inside: int
    desks: dict[str, int]
    as_of: float


@dataclass(frozen=True)
class PresenceAnswer:
    """Whether one person is inside a venue now; `stay` is their entry when they are."""

    venue_bin: str
    iin: str
    stay: Admission | None
    as_of: float
    venue_inside: int = 0

    @property
    def inside(self) -> bool:
        return self.stay is not None


class SandboxService:
    """The service's behaviour over its SQLite file, with time injected."""

    def __init__(self, db: SandboxDb, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._referrals = ReferralStore(db, clock)

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        clock: Clock | None = None,
        busy_timeout: float = 10.0,
    ) -> SandboxService:
        """Open (or create) a sandbox file with its demo people and a signing key.

        *busy_timeout*: how long to wait for another process that holds the
        file before answering 503.
        """
        db = SandboxDb(path, busy_timeout=busy_timeout)
        try:
            service = cls(db, clock or SystemClock())
            service.prepare()
        except BaseException:
            db.close()
            raise
        return service

    def prepare(self) -> None:
        """Seed the demo people and make the first signing key when there is none."""
        now = self._clock.now()
        for person in DEMO_PEOPLE:
            until = valid_until_for(person.status, now)
            self._db.seed_person(person.iin, person.name, person.status, until, now)
        if not self._db.signing_keys():
            kid, raw = _new_key()
            self._db.add_signing_key(kid, raw, now, only_if_none=True)

    def close(self) -> None:
        self._db.close()

    def now(self) -> float:
        return self._clock.now()

    # --- people -------------------------------------------------------------

    def status_of(self, iin: str) -> CurrentStatus:
        """The status now; people the service has never heard of are blue."""
        return self._known(self._db.person(iin))

    def person(self, iin: str) -> PersonRow | None:
        return self._db.person(iin)

    def set_status(self, iin: str, status: Status, *, name: str | None = None) -> PersonRow:
        now = self._clock.now()
        return self._db.put_person(iin, status, valid_until_for(status, now), now, name=name)

    def people(self) -> list[PersonRow]:
        return self._db.people()

    def _known(self, row: PersonRow | None) -> CurrentStatus:
        if row is None:
            return CurrentStatus(Status.BLUE, None)
        status = effective_status(row.status, row.valid_until, self._clock.now())
        return CurrentStatus(status, row.valid_until if status is row.status else None)

    # --- passes and keys ------------------------------------------------------

    def issue_pass(
        self,
        iin: str,
        *,
        status: Status | None = None,
        lifetime: float = DEFAULT_LIFETIME,
        issued_at: float | None = None,
    ) -> IssuedPass:
        """Sign a pass for *iin* with the current key (setting the status first if given).

        `issued_at` back-dates a pass, for demos of the "expired code" screen.
        """
        if status is not None:
            self.set_status(iin, status)
        row = self._db.person(iin)
        known = self._known(row)
        kid, key = self.current_key()
        now = self._clock.now() if issued_at is None else issued_at
        text = sign_pass(
            key,
            kid,
            iin=iin,
            status=known.status,
            issued_at=now,
            status_valid_until=known.valid_until,
            lifetime=lifetime,
            issuer=ISSUER,
            name=row.name if row is not None else None,
        )
        return IssuedPass(text, iin, known.status, known.valid_until, int(now + lifetime), kid)

    def current_key(self) -> tuple[str, Ed25519PrivateKey]:
        keys = self._db.signing_keys()
        if not keys:
            self.prepare()
            keys = self._db.signing_keys()
        kid, raw = keys[0]
        return kid, Ed25519PrivateKey.from_private_bytes(raw)

    def jwks(self) -> dict[str, Any]:
        """The public keys that verify passes: the current key, then the previous one."""
        entries = []
        for kid, raw in self._db.signing_keys():
            public = Ed25519PrivateKey.from_private_bytes(raw).public_key()
            entries.append(public_jwk(public, kid))
        return {"keys": entries}

    def rotate_keys(self) -> str:
        """Make a new current key; the previous one stays, older ones go. Returns its kid."""
        kid, raw = _new_key()
        self._db.add_signing_key(kid, raw, self._clock.now(), only_if_none=False)
        return kid

    # --- events -----------------------------------------------------------

    def intake(self, raw_events: Sequence[object], device: Device | None = None) -> BatchOutcome:
        """Validate and store a batch: idempotent by event UUID, one transaction.

        *device* uploaded it (None: the service itself): a device registered
        to a venue reports for that venue only (`wrong_venue`), and only a
        doctor room resolves referrals.
        """
        received_at = self._clock.now()
        outcome = BatchOutcome(received_at)
        valid: list[tuple[int, ValidEvent]] = []
        for index, raw in enumerate(raw_events):
            checked = validate_event(index, raw)
            if isinstance(checked, ValidEvent) and not (
                device is None or device.speaks_for(checked.venue_bin)
            ):
                checked = Rejection(index, checked.id, "wrong_venue")
            if isinstance(checked, Rejection):
                outcome.rejected.append(checked)
            else:
                valid.append((index, checked))

        def effect(conn: sqlite3.Connection, event: ValidEvent) -> str | None:
            return self._referrals.on_event(conn, event, device)

        stored = self._db.insert_events([event for _, event in valid], received_at, effect)
        for (index, event), result in zip(valid, stored, strict=True):
            if isinstance(result, str):
                outcome.rejected.append(Rejection(index, event.id, result))
            else:
                (outcome.accepted if result else outcome.duplicate).append(event.id)
        outcome.rejected.sort(key=lambda rejection: rejection.index)
        check_ins = [e for _, e in valid if e.type == "check_in" and e.iin is not None]
        rows = self._db.people_by_iin(e.iin for e in check_ins if e.iin is not None)
        for event in check_ins:
            assert event.iin is not None
            outcome.statuses[event.id] = self._known(rows.get(event.iin))
        return outcome

    def events(self, venue_bin: str | None, *, after: int = 0, limit: int) -> list[ReceivedEvent]:
        return self._db.events(venue_bin, after=after, limit=limit)

    def occupancy(self, venue_bin: str) -> OccupancyCount:
        """People inside now: admitted check-ins less check-outs, per person, in time order.

        Each person inside counts at the desk that admitted them, so the desk
        counts add up to the venue's. Events that name no person (no IIN, no
        check-in named) cannot be paired and are left out.
        """
        inside = stays(self._db.presence_events(venue_bin))
        desks = {f"{e}/{d}": 0 for e, d in self._db.venue_desks(venue_bin)}
        for stay in inside.values():
            desks[f"{stay.entrance}/{stay.desk}"] += 1
        return OccupancyCount(venue_bin, len(inside), desks, self._clock.now())

    def presence(self, venue_bin: str, iin: str) -> PresenceAnswer:
        """Whether *iin* is inside *venue_bin* now, entered at any of its desks, and
        how many are inside (one replay: the answer and the count cannot disagree)."""
        inside = stays(self._db.presence_events(venue_bin))
        return PresenceAnswer(venue_bin, iin, inside.get(iin), self._clock.now(), len(inside))

    # --- referrals --------------------------------------------------------------

    def referrals(
        self,
        venue_bin: str,
        state: ReferralState | None = None,
        since: float | None = None,
        *,
        limit: int | None = None,
    ) -> ReferralList:
        """A venue's referrals by opened_at (see `ReferralStore.list` for *since*)."""
        return self._referrals.list(venue_bin, state=state, since=since, limit=limit)

    def referral(self, referral_id: str) -> ReferralRecord | None:
        key = canonical_uuid(referral_id)
        return None if key is None else self._referrals.get(key)

    def resolve_referral(
        self,
        referral_id: str,
        *,
        resolution_id: str,
        outcome: str,
        note: str,
        resolved_at: float | None = None,
        venue_bin: str | None = None,
        entrance: str | None = None,
        desk: str | None = None,
    ) -> ResolutionResult:
        """Resolve a referral by the rules a `referral_resolved` event follows too.

        *resolution_id* is the idempotency key: the same id again is a replay
        (`Applied.REPLAYED`), another id on a resolved referral a conflict.
        """
        key, referral_key = canonical_uuid(resolution_id), canonical_uuid(referral_id)
        if key is None:
            raise ValueError(f"the resolution id is not a UUID: {resolution_id!r}")
        if outcome not in OUTCOMES:
            raise ValueError(f"the outcome is cleared or confirmed, not {outcome!r}")
        if referral_key is None:
            return ResolutionResult(Applied.UNKNOWN, None)
        at = self._clock.now() if resolved_at is None else resolved_at
        return self.resolve(
            Resolution(key, referral_key, outcome, note, at, venue_bin, entrance, desk)
        )

    def resolve(self, resolution: Resolution, by: Device | None = None) -> ResolutionResult:
        """Apply a checked resolution (what the HTTP interface and the events share);
        *by*: the device asking (None: the service itself)."""
        return self._referrals.resolve(resolution, by)


def _new_key() -> tuple[str, bytes]:
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return key_id(key.public_key()), raw
