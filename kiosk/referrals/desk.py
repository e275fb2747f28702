"""The desk controller's referral side: open, resolve, and the venue's news.

The controller hands each referral input to :class:`ReferralDesk` on the
desk thread; it records through :class:`kiosk.referrals.book.ReferralBook`
and tells the listeners (`referral_opened`, `referral_resolved`,
`referrals_changed`, `referral_refused`). It remembers the desk's latest
decisions, IIN included, in memory only, so staff can refer the person a
decision was about without the IIN ever being shown or stored for it.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Protocol

from kiosk.decision import Decision, Direction, Flag
from kiosk.iin import InvalidIin, parse_iin
from kiosk.referrals.book import ReferralBook, ReferralError, Shown
from kiosk.referrals.values import Referral, ReferralOutcome, ReferralReason, ReferralRefused
from kiosk.service.wire import ReferralPull
from kiosk.status import Provenance, Status


class ReferralListener(Protocol):
    """What the referral side of a desk tells (see :class:`kiosk.listeners.DeskListener`)."""

    def referral_opened(self, referral: Referral) -> None: ...

    def referral_resolved(self, referral: Referral) -> None: ...

    def referrals_changed(self, referrals: tuple[Referral, ...]) -> None: ...

    def referral_refused(self, decision_id: str, why: ReferralRefused) -> None: ...


class ReferralDesk:
    """Referral inputs of one desk (desk thread only). Each returns True when it
    recorded an event for the service (the caller nudges the sync)."""

    def __init__(self, book: ReferralBook, listener: ReferralListener, *, keep: int = 20) -> None:
        self._book = book
        self._listener = listener
        self._keep = keep
        self._recent: OrderedDict[str, Decision] = OrderedDict()

    def started(self) -> None:
        self._changed()

    def shown(self, decision: Decision) -> None:
        """A decision the desk showed: it may be referred for a while."""
        self._recent[decision.id] = decision
        self._recent.move_to_end(decision.id)
        while len(self._recent) > self._keep:
            self._recent.popitem(last=False)

    def open(self, decision_id: str, reason: ReferralReason, note: str | None) -> bool:
        decision = self._recent.get(decision_id)
        if decision is None:
            return self._refused(decision_id, ReferralRefused.UNKNOWN_DECISION)
        if decision.iin is None:
            return self._refused(decision_id, ReferralRefused.NO_IIN)
        return self._open(decision_id, decision.iin, reason, note, _shown_of(decision))

    def open_for_iin(
        self, iin: str, reason: ReferralReason, note: str | None, status: Status | None
    ) -> bool:
        """A typed IIN: what the desk showed that person last, unless staff say *status*."""
        try:
            parse_iin(iin)
        except InvalidIin:
            return self._refused("", ReferralRefused.BAD_IIN)
        return self._open("", iin, reason, note, self.shown_to(iin, status))

    def shown_to(self, iin: str, status: Status | None = None) -> Shown | None:
        """What the desk showed *iin* last today (*status*, when given, is what staff saw)."""
        latest = next((d for d in reversed(self._recent.values()) if d.iin == iin), None)
        last = _shown_of(latest) if latest is not None else self._book.last_shown(iin)
        if status is None or (last is not None and last.status is status):
            return last
        return Shown(last.check_in if last else None, status, Provenance.NONE)

    def resolve(
        self, referral_id: str, outcome: ReferralOutcome, note: str, operator: str | None
    ) -> bool:
        try:
            referral = self._book.resolve(referral_id, outcome, note, operator)
        except ReferralError as exc:
            return self._refused(referral_id, exc.why)
        self._listener.referral_resolved(referral)
        self._changed()
        return True

    def pulled(self, pull: ReferralPull) -> None:
        merged = self._book.merge(pull)
        for referral in merged.resolved:
            self._listener.referral_resolved(referral)
        if merged.changed:
            self._changed()

    def _open(
        self, asked: str, iin: str, reason: ReferralReason, note: str | None, shown: Shown | None
    ) -> bool:
        try:
            opened = self._book.open(iin, reason, note, shown)
        except ReferralError as exc:
            return self._refused(asked, exc.why)
        self._listener.referral_opened(opened.referral)
        if opened.new:
            self._changed()
        return opened.new

    def _refused(self, asked: str, why: ReferralRefused) -> bool:
        self._listener.referral_refused(asked, why)
        return False

    def _changed(self) -> None:
        self._listener.referrals_changed(self._book.current())


def _shown_of(decision: Decision) -> Shown:
    """What a referral keeps of the decision the desk showed."""
    return Shown(_check_in_of(decision), decision.status, decision.provenance, decision.name)


def _check_in_of(decision: Decision) -> str | None:
    """The check-in a decision is (or will be, once staff answer), if any."""
    if decision.direction is not Direction.ENTRY or Flag.LOOKUP_ONLY in decision.flags:
        return None
    if decision.repeat_of is not None:
        return decision.repeat_of
    return decision.id if decision.event_ids or decision.awaiting_staff else None
