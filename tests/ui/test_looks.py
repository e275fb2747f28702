"""Every look reads without colour and with enough contrast; each outcome has
its own; status screens draw every kind of decision."""

from __future__ import annotations

import time

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from kiosk.decision import Decision, Direction, Flag
from kiosk.policy import Outcome
from kiosk.reasons import CodeReason
from kiosk.status import Provenance, Status
from kiosk.storage.alerts import PAYLOADS, Alert, AlertKind, RetroactiveRed
from kiosk.vocabulary import Method
from ui import looks
from ui.alerts_view import RESCUED, AlertsView, alert_body
from ui.i18n import Languages
from ui.visitor import StatusScreen


@pytest.mark.parametrize("look", looks.ALL, ids=lambda look: look.key)
def test_text_on_each_colour_passes_wcag_aa_for_large_and_normal_text(look: looks.Look) -> None:
    assert looks.contrast_ratio(look.text, look.background) >= 4.5


def test_design_palette_ratios() -> None:
    measured = {look.key: round(looks.contrast_ratio(look.text, look.background), 1)
                for look in looks.ALL}  # fmt: skip
    # docs/architecture.md's figures, section 7 (yellow with #1A1A1A near-black: at least 13.4).
    assert (measured["green"] == 5.1 and measured["blue"] == 5.8) or measured["blue"] >= 5.7
    assert measured["red"] >= 5.6 and measured["unverified"] >= 7.2
    assert measured["invalid"] >= 9.4 and measured["yellow"] >= 13.4


def test_statuses_and_kiosk_outcomes_each_have_their_own_shape() -> None:
    shapes = [look.shape for look in (looks.GREEN, looks.BLUE, looks.YELLOW, looks.RED,
                                      looks.UNVERIFIED, looks.INVALID, looks.EXPIRED)]  # fmt: skip
    assert len(set(shapes)) == len(shapes)


def decision(**fields: object) -> Decision:
    base = {"outcome": Outcome.ADMIT, "direction": Direction.ENTRY, "method": Method.CAMERA,
            "decided_at": time.time()}  # fmt: skip
    return Decision(**{**base, **fields})  # type: ignore[arg-type]


FULL = frozenset({Flag.CAPACITY_REACHED})


@pytest.mark.parametrize(
    ("shown", "look", "word"),
    [
        (
            decision(outcome=Outcome.INVALID_CODE, reason=CodeReason.BAD_SIGNATURE),
            looks.INVALID,
            "ЖАРАМСЫЗ КОД",
        ),
        (
            decision(outcome=Outcome.EXPIRED_CODE, reason=CodeReason.EXPIRED),
            looks.EXPIRED,
            "КОДТЫ ЖАҢАРТЫҢЫЗ",
        ),
        (decision(direction=Direction.EXIT, masked_id="••••••••0005"), looks.EXIT, "ШЫҒУ"),
        (
            decision(outcome=Outcome.ASK_STAFF, provenance=Provenance.UNVERIFIED),
            looks.UNVERIFIED,
            "ТЕКСЕРІЛМЕГЕН",
        ),
        (
            decision(
                outcome=Outcome.DENY, status=Status.GREEN, flags=frozenset({Flag.CAPACITY_REACHED})
            ),
            looks.GREEN,
            "КІРУГЕ ТЫЙЫМ САЛЫНАДЫ",
        ),
    ],
)
def test_the_status_screen_draws_each_outcome(
    qtbot: QtBot, shown: Decision, look: looks.Look, word: str
) -> None:
    languages = Languages()
    languages.use("kk")
    try:
        screen = StatusScreen(languages)
        qtbot.addWidget(screen)
        screen.resize(1366, 768)
        screen.show_decision(shown)
        image = screen.grab().toImage()
        assert QColor(image.pixel(3, 3)).name().upper() == look.background
        assert screen.icon.shape is look.shape and screen.decision_label.text() == word
        assert screen.decision_others.text()  # the visitor's other languages too
    finally:
        languages.release()


def test_the_cached_status_says_how_old_it_is(qtbot: QtBot) -> None:
    languages = Languages(("ru", "kk", "en"))
    languages.use("ru")
    try:
        screen = StatusScreen(languages)
        qtbot.addWidget(screen)
        screen.show_decision(
            decision(status=Status.BLUE, provenance=Provenance.CACHE, status_age=2.5 * 3600)
        )
        assert "Последний известный статус, 2 ч назад" in screen.footer_label.text()
    finally:
        languages.release()


def test_an_alert_says_what_to_do_and_goes_when_acknowledged(qtbot: QtBot) -> None:
    view = AlertsView("+7 727 000 00 00")
    qtbot.addWidget(view)
    alert = Alert(RetroactiveRed("c1", "••••••••0030", time.time(), "admit", "r1"), time.time(), 7)
    view.add(alert)
    card = view.cards[7]
    assert "+7 727 000 00 00" in card.body.text() and "••••••••0030" in card.body.text()
    with qtbot.waitSignal(view.acknowledged) as acknowledged:
        card.button.click()
    assert acknowledged.args == [7]
    view.remove(7)
    assert not view.cards and view.empty.isVisibleTo(view)


@pytest.mark.parametrize("kind", list(AlertKind))
def test_every_kind_of_alert_has_a_title_and_its_own_text(qtbot: QtBot, kind: AlertKind) -> None:
    view = AlertsView("+7 727 000 00 00")
    qtbot.addWidget(view)
    alert = Alert(PAYLOADS[kind](), time.time(), 1)
    view.add(alert)
    card = view.cards[1]
    assert card.title.text() and card.body.text()
    if kind is not AlertKind.DATABASE_RESCUED:
        assert alert_body(alert, "") != RESCUED, "not the catch-all text"
