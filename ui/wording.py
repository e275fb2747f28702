"""What a status screen says about a decision, as untranslated source texts.

A screen turns each :class:`Phrase` into words in one or more languages at
draw time (`Languages.text`), so the visitor screen can show the same
decision in Kazakh, Russian and English at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from kiosk.decision import Decision, Direction, Flag
from kiosk.policy import Outcome
from kiosk.status import Provenance, Status
from ui import words
from ui.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from kiosk.reports.dashboard import DayReport

MINUTES = QT_TRANSLATE_NOOP("Words", "%1 min")
HOURS = QT_TRANSLATE_NOOP("Words", "%1 h")


@dataclass(frozen=True)
class Phrase:
    """A source text with %1, %2… arguments: plain text, or phrases of their own."""

    source: str
    args: tuple[str | Phrase, ...] = ()

    def render(self, translate: Callable[[str], str]) -> str:
        """The phrase in one language (*translate* maps a source text to it)."""
        text = translate(self.source)
        for number, arg in enumerate(self.args, start=1):
            value = arg.render(translate) if isinstance(arg, Phrase) else arg
            text = text.replace(f"%{number}", value)
        return text


@dataclass(frozen=True)
class StatusWords:
    decision: Phrase
    status: Phrase | None
    detail: Phrase | None
    provenance: Phrase | None


def referable(decision: Decision) -> bool:
    """Whether staff can send this visitor to the doctor room: refused or
    unverified at entry (a passenger who says the status is wrong among them)."""
    return (
        decision.iin is not None
        and decision.direction is Direction.ENTRY
        and decision.outcome in (Outcome.DENY, Outcome.ASK_STAFF)
    )


class _Visitor(Protocol):
    @property
    def name(self) -> str | None: ...

    @property
    def masked_id(self) -> str | None: ...


def who(visitor: _Visitor) -> str:
    """How the screens name a visitor: the name on the pass, else the masked IIN."""
    return visitor.name or visitor.masked_id or ""


def clock_time(moment: float | None, *, seconds: bool = False, missing: str = "") -> str:
    """*moment* on this PC's clock, 14:05 (14:05:09 with *seconds*); *missing*
    when there is no moment (None, or 0: a time the desk did not know)."""
    if not moment:
        return missing
    return dt.datetime.fromtimestamp(moment).strftime("%H:%M:%S" if seconds else "%H:%M")


def venue_time(report: DayReport, moment: float | None) -> str:
    """*moment* on the venue's clock (the day report's time zone), 14:05; "" for none."""
    if not moment:
        return ""
    return report.local(moment).strftime("%H:%M")


def status_words(decision: Decision, *, referred: bool = False) -> StatusWords:
    """The decision word, the status word, one line of detail, where the status came from."""
    return StatusWords(
        decision=Phrase(_decision_word(decision, referred=referred)),
        status=_status_word(decision),
        detail=_detail(decision),
        provenance=_provenance(decision),
    )


def _decision_word(decision: Decision, *, referred: bool) -> str:
    outcome = decision.outcome
    if outcome is Outcome.INVALID_CODE:
        return words.INVALID
    if outcome is Outcome.EXPIRED_CODE:
        return words.REFRESH
    if decision.direction is Direction.EXIT:
        return words.EXIT
    if referred:
        return words.REFER
    if outcome is Outcome.ASK_STAFF:
        return words.UNVERIFIED
    return words.ADMIT if outcome is Outcome.ADMIT else words.DENY


def _status_word(decision: Decision) -> Phrase | None:
    if decision.direction is Direction.EXIT or decision.outcome in (
        Outcome.INVALID_CODE,
        Outcome.EXPIRED_CODE,
    ):
        return None
    if decision.provenance is Provenance.DOCTOR:
        return Phrase(words.DOCTOR_CLEARED)
    if decision.status is None:
        return Phrase(words.NO_STATUS)
    return Phrase(words.STATUS[decision.status])


def _detail(decision: Decision) -> Phrase | None:
    if decision.repeat:
        already = words.ALREADY_OUT if decision.direction is Direction.EXIT else words.ALREADY_IN
        return Phrase(already, (clock_time(decision.decided_at),))
    if decision.reason is not None:
        return Phrase(words.REASON[decision.reason])
    if decision.direction is Direction.EXIT:
        return Phrase(words.GOODBYE)
    if decision.outcome is Outcome.ASK_STAFF:
        return Phrase(words.STAFF_DECIDING)
    if Flag.CAPACITY_REACHED in decision.flags:
        return Phrase(words.VENUE_FULL)
    if Flag.DOCTOR_CONFIRMED in decision.flags:
        return Phrase(words.DOCTOR_CONFIRMED)
    if decision.status is Status.RED and decision.outcome is Outcome.DENY:
        return Phrase(words.SELF_ISOLATE)
    if decision.offer_referral and decision.outcome is not Outcome.ADMIT:
        return Phrase(words.DOCTOR_AVAILABLE)
    return None


def _provenance(decision: Decision) -> Phrase | None:
    provenance = decision.provenance
    if provenance is Provenance.NONE:
        return None
    if provenance is Provenance.CACHE:
        return Phrase(words.PROVENANCE[provenance], (age_text(decision.status_age or 0.0),))
    return Phrase(words.PROVENANCE[provenance])


def age_text(seconds: float) -> Phrase:
    """An age in minutes, or hours past an hour and a half."""
    minutes = int(seconds // 60)
    if minutes < 90:
        return Phrase(MINUTES, (str(max(minutes, 1)),))
    return Phrase(HOURS, (str(round(minutes / 60)),))
