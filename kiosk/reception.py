"""The desk flow: code text → parse → status → policy → events on disk → Decision.

Camera, scanner and typed IIN all arrive here as text. Every decision is
returned only after the events it implies are committed to the store.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from kiosk.checkin import (
    CodeRead,
    Facts,
    check_in_data,
    resolve_status,
    shown_again,
    status_in_pass,
    still_holds,
    value_of,
    with_staff,
)
from kiosk.codes import CodeKind, ParsedCode, parse_code, parse_unverified
from kiosk.dayend import BusinessDay, DayEnd
from kiosk.decision import Decision, Direction, Flag, PresenceSource, StaffInput
from kiosk.desksettings import DeskRole, DeskSettings, PassbackPolicy
from kiosk.events import EventType, NewEvent
from kiosk.iin import mask_iin
from kiosk.passes import TrustList
from kiosk.policy import Outcome, Ruling
from kiosk.reasons import CodeReason
from kiosk.referrals.book import ReferralBook
from kiosk.referrals.values import ReferralOutcome, default_ticket_prefix
from kiosk.service.lookup import (
    KeySource,
    StatusSource,
    VisitFacts,
    VisitSource,
)
from kiosk.status import Provenance
from kiosk.storage.outbox import insert_events
from kiosk.storage.presence import Presence, Stay, enter, leave
from kiosk.storage.statuscache import StatusCache, remember
from kiosk.storage.store import Store
from kiosk.storage.subjects import SubjectKey, again_if_key_replaced
from kiosk.trust import KeyAnswer, TrustKeeper
from kiosk.vocabulary import Method
from kiosk.whereabouts import locate
from shared.clock import Clock


class AlreadyRecorded(ValueError):
    """This assessed visit was recorded before (a second staff answer)."""


class Reception:
    """One desk's check-in service (used from one thread: the store's)."""

    def __init__(
        self,
        settings: DeskSettings,
        store: Store,
        clock: Clock,
        trust: Callable[[], TrustList],
        source: StatusSource | None = None,
        *,
        keys: TrustKeeper | None = None,
    ) -> None:
        """*keys*: the keeper behind *trust*, to fetch the service's keys when a
        pass names one the desk does not know (without it, the list is all)."""
        self.settings = settings
        self._store = store
        self._clock = clock
        self._trust = trust
        self._source = source
        self._keys = keys
        self._presence = Presence(store)
        self._cache = StatusCache(store)
        day = BusinessDay(settings.closing_time, settings.timezone)
        self.day_end = DayEnd(store, settings.desk, day)
        prefix = settings.ticket_prefix or default_ticket_prefix(settings.desk.desk)
        self.referrals = ReferralBook(
            store, settings.desk, clock, prefix=prefix, day=day, skew=settings.pass_skew
        )
        self._venue_count: int | None = None
        self._key: SubjectKey | None = None  # the one the latest subject was worked out with

    # -- the flow ---------------------------------------------------------

    def check(self, text: str, method: Method, staff: StaffInput | None = None) -> Decision:
        """Run one code through the desk. Unanswered `ask_staff` cases come back
        unrecorded (`awaiting_staff`); finish them with `record`. At an exit desk,
        and at a two-way desk for someone inside past the re-scan window, the
        person leaves."""
        return again_if_key_replaced(lambda: self._check(text, method, staff, may_exit=True))

    def check_in(self, text: str, method: Method, staff: StaffInput | None = None) -> Decision:
        """Staff's explicit Check in: an entry whatever the desk's role and whoever
        is inside (someone inside already is a pass-back); never an exit."""
        return again_if_key_replaced(lambda: self._check(text, method, staff, may_exit=False))

    def _check(
        self, text: str, method: Method, staff: StaffInput | None, *, may_exit: bool
    ) -> Decision:
        scan = self._read(text, method)
        if isinstance(scan, Decision):
            return scan
        if self.settings.role is DeskRole.DOCTOR:
            looked = self._assess_entry(scan, None, method, self._presence.count())
            return replace(looked, flags=looked.flags | {Flag.LOOKUP_ONLY}, offer_referral=False)
        # A staff answer given with the scan is deliberate (an override): never a repeat.
        repeat = None if staff is not None else self._repeat(scan, method)
        if repeat is not None and still_holds(repeat, self._facts(scan.subject, scan.now)):
            return repeat
        visit, stay, presence = self._whereabouts(scan)
        # Within the re-scan window nobody leaves: a repeat whose facts changed is
        # its visit decided again (its stay is no pass-back).
        if repeat is None and may_exit and self._is_exit(stay, scan.now):
            return self._check_out(scan, stay, method, presence)
        if repeat is not None and stay is not None and stay.event_id == repeat.repeat_of:
            stay = None
        local = self._presence.count()  # once: the count after an entry follows from it
        pending = self._assess_entry(scan, stay, method, local, visit, presence)
        if repeat is not None and (pending.outcome, pending.status) == (
            repeat.outcome,
            repeat.status,
        ):
            return repeat  # decided again, the same answer: nothing new to record
        if pending.outcome is Outcome.ASK_STAFF and staff is None:
            return pending
        return self._record(pending, staff, scan.subject, local)

    def check_out(self, text: str, method: Method) -> Decision:
        """A staff check-out (a typed IIN or a shown code): the person leaves,
        whatever the desk's role."""
        return again_if_key_replaced(lambda: self._staff_check_out(text, method))

    def _staff_check_out(self, text: str, method: Method) -> Decision:
        scan = self._read(text, method)
        if isinstance(scan, Decision):
            return scan
        _, stay, presence = self._whereabouts(scan, status=False)
        return self._check_out(scan, stay, method, presence)

    def record(self, pending: Decision, staff: StaffInput | None) -> Decision:
        """Apply a staff answer (or none) to an assessed entry and write it down.

        The check-in takes the assessment's id, so the same visit can be
        recorded once only: a second call raises :class:`AlreadyRecorded`.
        """
        iin = pending.iin
        if pending.event_ids or pending.direction is not Direction.ENTRY or iin is None:
            raise ValueError("only an assessed, unrecorded entry can be recorded")
        return again_if_key_replaced(
            lambda: self._record(pending, staff, self._subject(iin, pending.decided_at))
        )

    def _record(
        self, pending: Decision, staff: StaffInput | None, subject: str, local: int | None = None
    ) -> Decision:
        """Write an assessed entry down. *local*: this desk's count of people inside
        as the assessment read it (None: a staff answer, later; read it again)."""
        decision = with_staff(pending, staff)
        iin = pending.iin
        assert iin is not None
        check_in = NewEvent(
            EventType.CHECK_IN, decision.decided_at, check_in_data(decision), iin, id=pending.id
        )
        events = [check_in]
        flags = set(decision.flags)
        if decision.staff is not None and decision.override:
            events.append(
                NewEvent(
                    EventType.STAFF_OVERRIDE,
                    decision.decided_at,
                    {
                        "check_in": check_in.id,
                        "answer": decision.staff.answer.value,
                        "operator": decision.staff.operator,
                        "reason": decision.staff.reason,
                        "policy_decision": value_of(decision.policy_outcome),
                    },
                    iin,
                )
            )
        if decision.report_to_ses and decision.provenance is not Provenance.UNVERIFIED:
            events.append(
                NewEvent(
                    EventType.RED_REPORT,
                    decision.decided_at,
                    {"check_in": check_in.id, "provenance": decision.provenance.value},
                    iin,
                )
            )
            flags.add(Flag.RED_REPORT_QUEUED)
        new_stay = False
        with self._store.transaction() as conn:
            try:
                recorded_at = self._insert(conn, events, subject)
            except sqlite3.IntegrityError as exc:  # the outbox's unique event id
                if "outbox.id" not in str(exc):
                    raise
                raise AlreadyRecorded(check_in.id) from None
            if decision.status is not None and decision.provenance in (
                Provenance.PASS,
                Provenance.LIVE,
            ):
                remember(
                    conn, subject, decision.status, decision.status_valid_until, decision.decided_at
                )
            if decision.admitted:
                d = self.settings.desk
                stay = Stay(subject, decision.decided_at, d.entrance, d.desk, check_in.id)
                new_stay = enter(conn, stay)
        inside = self._presence.count() if local is None else local + new_stay
        return replace(
            decision,
            flags=frozenset(flags),
            event_ids=tuple(e.id for e in events),
            recorded_at=recorded_at,
            occupancy=self._inside(inside, admitted=decision.admitted),
        )

    def occupancy(self) -> int:
        return self._presence.count()

    def note_venue_count(self, inside: int | None) -> None:
        """The whole venue's count from the service (None: not known now), for capacity."""
        self._venue_count = inside

    def close_out(self, at: float) -> int:
        """Check out everyone inside as automatic exits at *at* (end of day)."""
        return self.day_end.close_out(at, now=self._clock.now())

    def tick(self) -> int:
        """Periodic housekeeping while idle: the end of the day when due."""
        return self.day_end.run_if_due(self._clock.now())

    # -- steps ------------------------------------------------------------

    def _read(self, text: str, method: Method) -> CodeRead | Decision:
        """The code and whose it is, worked out once (the clock is read here, once
        for the whole decision); for a code without an IIN, the decision that it
        cannot be read. A business day that has ended is closed first: this code
        belongs to the new one."""
        now = self._clock.now()
        self.day_end.run_if_due(now)
        parsed = parse_code(text, self._trust(), now=now, skew=self.settings.pass_skew)
        if parsed.reason is CodeReason.UNKNOWN_KEY and self._keys is not None:
            parsed = self._unknown_key(text, self._keys, now)
        iin = parsed.iin
        if iin is None:
            return self._unreadable(parsed, method, now)
        in_force = status_in_pass(parsed.visitor_pass, now)
        return CodeRead(iin, self._subject(iin, now), mask_iin(iin), now, parsed, in_force)

    def _unknown_key(self, text: str, keys: TrustKeeper, now: float) -> ParsedCode:
        """A pass signed by a key the desk does not hold: maybe rotated in a minute
        ago. Fetch the list (within the lookup's deadline) and read it again; if
        the service cannot be asked, the person it names is an unverified visit."""
        source = self._source
        answer = keys.unknown_kid(
            source.fetch_keys if isinstance(source, KeySource) else None, self._store
        )
        skew = self.settings.pass_skew
        if answer is KeyAnswer.UNREACHABLE:
            return parse_unverified(text, now=now, skew=skew)
        return parse_code(text, keys.current(), now=now, skew=skew)

    def _subject(self, iin: str, now: float) -> str:
        self._key = self._store.keys.current(now)
        return self._key.subject(iin)

    def _insert(self, conn: sqlite3.Connection, events: list[NewEvent], subject: str) -> float:
        """Insert one person's events (their subject is worked out once), inside a
        transaction that then writes nothing else keyed by another subject: unless
        a close-out turned the key since the subject was worked out (KeyReplaced).
        When they were recorded (the clock's one reading for the write)."""
        desk, now = self.settings.desk, self._clock.now()
        assert self._key is not None
        self._store.keys.confirm(self._key, now)
        insert_events(conn, events, desk=desk, subject_of=lambda _: subject, now=now)
        return now

    def _whereabouts(
        self, scan: CodeRead, *, status: bool = True
    ) -> tuple[VisitFacts | None, Stay | None, PresenceSource | None]:
        """A two-way desk asks the venue who is inside (and, when *status* and no
        pass tells it, the status at once)."""
        if self.settings.role is not DeskRole.BOTH:
            return None, self._presence.find(scan.subject), None
        visit = None
        if isinstance(self._source, VisitSource):
            unverified = scan.parsed.kind is CodeKind.UNVERIFIED_PASS
            wanted = status and not unverified and not scan.pass_in_force
            visit = self._source.visit(scan.iin, status=wanted)
        stay, presence = locate(self._store, scan.subject, visit.presence if visit else None)
        return visit, stay, presence

    def _inside(
        self, local: int, visit: VisitFacts | None = None, *, admitted: bool = False
    ) -> int:
        """People inside: the venue's latest count when known (plus an entry just
        recorded, which it cannot hold yet), never less than this desk's own
        (*local*)."""
        if visit is not None and (visit.presence or visit.presence_problem):
            # A two-way desk asked the venue: its count came with the answer (or none did).
            presence = visit.presence
            self._venue_count = None if presence is None else presence.venue_inside
        if self._venue_count is None:
            return local
        return max(local, self._venue_count + (1 if admitted else 0))

    def _unreadable(self, parsed: ParsedCode, method: Method, now: float) -> Decision:
        outcome = Outcome.EXPIRED_CODE if parsed.kind is CodeKind.EXPIRED else Outcome.INVALID_CODE
        return Decision(
            outcome=outcome,
            direction=Direction.ENTRY,
            method=method,
            decided_at=now,
            reason=parsed.reason,
            occupancy=self._presence.count(),
        )

    def _repeat(self, scan: CodeRead, method: Method) -> Decision | None:
        """The same person again at this desk within the re-scan window: the last
        decision again, nothing recorded (a double read, a code shown twice)."""
        since = scan.now - self.settings.rescan_window
        settings = self.settings
        return shown_again(self._store, settings.desk, settings.policy, scan, method, since)

    def _facts(self, subject: str, now: float) -> Facts:
        """What a decision about the person rests on, as the desk knows it now."""
        keys = self._keys
        return Facts(
            self._cache.get(subject),
            self.referrals.clearance(subject, now),
            keys.changed_at() if keys is not None else None,
        )

    def _is_exit(self, stay: Stay | None, now: float) -> bool:
        role = self.settings.role
        if role is DeskRole.EXIT:
            return True
        if role is DeskRole.ENTRY or stay is None:
            return False
        at_other_door = stay.entrance != self.settings.desk.entrance
        recent = now - stay.entered_at <= self.settings.passback_window
        # Inside and seen again at another entrance within minutes: a shared
        # code, not an exit. Everything else at a two-way desk is leaving.
        return not (at_other_door and recent)

    def _check_out(
        self,
        scan: CodeRead,
        stay: Stay | None,
        method: Method,
        presence: PresenceSource | None = None,
    ) -> Decision:
        data: dict[str, Any] = {
            "method": method.value,
            "automatic": False,
            "masked_id": scan.masked_id,
        }
        if presence is not None:
            data["presence"] = presence.value
        flags: frozenset[Flag] = frozenset()
        if stay is not None:
            data["check_in"] = stay.event_id
        else:
            flags = frozenset({Flag.NOT_INSIDE})
        event = NewEvent(EventType.CHECK_OUT, scan.now, data, scan.iin)
        with self._store.transaction() as conn:
            recorded_at = self._insert(conn, [event], scan.subject)
            leave(conn, scan.subject)
        return Decision(
            outcome=Outcome.ADMIT,
            direction=Direction.EXIT,
            method=method,
            decided_at=scan.now,
            masked_id=scan.masked_id,
            flags=flags,
            event_ids=(event.id,),
            recorded_at=recorded_at,
            occupancy=self._presence.count(),
            iin=scan.iin,
            presence=presence,
        )

    def _assess_entry(
        self,
        scan: CodeRead,
        stay: Stay | None,
        method: Method,
        local: int,
        visit: VisitFacts | None = None,
        presence: PresenceSource | None = None,
    ) -> Decision:
        """The entry's decision, not yet recorded; *local*: this desk's count inside."""
        now, parsed = scan.now, scan.parsed
        flags: set[Flag] = set()
        max_age = self.settings.cache_max_age
        resolved = resolve_status(scan, flags, self._source, self._cache, max_age, visit)
        policy = self.settings.policy
        if resolved.status is None:
            ruling = policy.for_unverified()
        else:
            ruling = policy.for_status(resolved.status)
        referral_id = None
        cleared = ruling.outcome is Outcome.ADMIT
        doctor = None if cleared else self.referrals.clearance(scan.subject, now)
        if doctor is not None and doctor.outcome is ReferralOutcome.CLEARED:
            # The doctor saw the passenger: may board, whatever the status shows.
            ruling, referral_id = Ruling(Outcome.ADMIT), doctor.id
            resolved = replace(resolved, provenance=Provenance.DOCTOR, age=None)
        elif doctor is not None:
            ruling = Ruling(Outcome.DENY, report_to_ses=ruling.report_to_ses)
            flags.add(Flag.DOCTOR_CONFIRMED)
        if stay is not None:
            flags.add(Flag.PASSBACK)
            if (
                ruling.outcome is Outcome.ADMIT
                and self.settings.passback is PassbackPolicy.ASK_STAFF
            ):
                # One screenshot must not walk a second person in: staff look.
                ruling = Ruling(Outcome.ASK_STAFF, ruling.offer_referral, ruling.report_to_ses)
        occupancy = self._inside(local, visit)
        capacity = self.settings.capacity
        if ruling.outcome is Outcome.ADMIT and capacity and occupancy >= capacity:
            flags.add(Flag.CAPACITY_REACHED)
            ruling = Ruling(Outcome.DENY, ruling.offer_referral, ruling.report_to_ses)
        visitor_pass = parsed.visitor_pass
        return Decision(
            outcome=ruling.outcome,
            direction=Direction.ENTRY,
            method=method,
            decided_at=now,
            status=resolved.status,
            provenance=resolved.provenance,
            status_age=resolved.age,
            status_valid_until=resolved.valid_until,
            masked_id=scan.masked_id,
            name=visitor_pass.name if visitor_pass else None,
            reason=parsed.reason,
            offer_referral=ruling.offer_referral,
            report_to_ses=ruling.report_to_ses,
            flags=frozenset(flags),
            policy_outcome=ruling.outcome,
            occupancy=occupancy,
            iin=scan.iin,
            inside_since=stay.entered_at if stay is not None else None,
            referral_id=referral_id,
            presence=presence,
        )
