"""The visitor's screen keeps everything it was shown through a change of
the visitor's languages; its words shrink to the room it has and never ask
for more (the window must stay on its monitor)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.decision import Decision, Direction
from kiosk.policy import Outcome
from kiosk.status import Status
from kiosk.vocabulary import Method
from ui import looks, words
from ui.i18n import Languages
from ui.staff_cards import LastDecisionCard
from ui.visitor import VisitorView
from ui.wording import Phrase


@pytest.fixture
def languages() -> Iterator[Languages]:
    languages = Languages(("kk", "ru", "en"))
    languages.use("kk")
    yield languages
    languages.release()


@pytest.fixture
def view(qtbot: QtBot, languages: Languages) -> Iterator[VisitorView]:
    view = VisitorView(languages, seconds=5)
    qtbot.addWidget(view)
    yield view
    view.stop()


def red_passenger() -> Decision:
    return Decision(
        outcome=Outcome.DENY,
        direction=Direction.ENTRY,
        method=Method.CAMERA,
        decided_at=time.time(),
        status=Status.RED,
        iin="900101300124",
        masked_id="••••••••0124",
    )


def test_a_referral_ticket_stays_when_the_languages_change_order(
    view: VisitorView, languages: Languages
) -> None:
    status = view.status
    ticket = Phrase(words.TICKET, ("G5-001", "Level 2"))
    view.show_decision(red_passenger(), referred=True, detail=ticket)
    assert status.decision_label.text() == "ДӘРІГЕРГЕ ЖІБЕРУ"
    assert status.detail_label.text() == "G5-001 талоны: Level 2 барыңыз"

    languages.use("ru")
    languages.order = ("ru", "kk", "en")
    view.refresh_languages()
    assert status.decision_label.text() == "НАПРАВИТЬ К ВРАЧУ"
    assert status.detail_label.text() == "Талон G5-001: пройдите — Level 2"
    assert "G5-001 талоны" in status.detail_others.text()


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize("size", [(330, 250), (560, 480), (800, 1080), (1920, 1080)])
def test_the_decision_fits_any_room_and_never_asks_for_more(
    qtbot: QtBot, view: VisitorView, languages: Languages, lang: str, size: tuple[int, int]
) -> None:
    languages.use(lang)
    languages.order = (lang, *(code for code in ("kk", "ru", "en") if code != lang))
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    unverified = replace(red_passenger(), outcome=Outcome.ASK_STAFF, status=None)
    for decision, referred in ((red_passenger(), True), (unverified, False)):
        view.show_decision(decision, referred=referred)
        QApplication.processEvents()  # laid out with the words' new sizes
        view.grab()
        status = view.status
        assert view.minimumSizeHint().width() <= 330 and view.minimumSizeHint().height() <= 250
        labels = [label for label in status.findChildren(QLabel) if label.isVisible()]
        cut = [label.text() for label in labels if not fits(label)]
        assert not cut, cut
        assert max(label.geometry().bottom() for label in labels) <= status.height()
    view.show_scan()
    QApplication.processEvents()
    view.grab()
    labels = [label for label in view.scan.findChildren(QLabel) if label.isVisible()]
    assert not [label.text() for label in labels if label.text() and not fits(label)]


def fits(label: QLabel) -> bool:
    metrics = label.fontMetrics()
    widest = max((metrics.horizontalAdvance(w) for w in label.text().split()), default=0)
    return widest <= label.width() and label.heightForWidth(label.width()) <= label.height()


def test_the_last_decision_card_takes_each_decisions_colours(qtbot: QtBot) -> None:
    card = LastDecisionCard()
    qtbot.addWidget(card)
    green = replace(red_passenger(), outcome=Outcome.ADMIT, status=Status.GREEN)
    for shown in (green, red_passenger(), red_passenger(), green):
        card.show_decision(shown)
        assert f"background: {looks.look_of(shown).background};" in card.styleSheet()


def green_visitor() -> Decision:
    return Decision(
        outcome=Outcome.ADMIT,
        direction=Direction.ENTRY,
        method=Method.CAMERA,
        decided_at=time.time(),
        status=Status.GREEN,
        iin="900101300124",
        masked_id="••••••••0124",
    )


def test_go_through_holds_the_status_screen_until_the_gate_closes(
    qtbot: QtBot, languages: Languages
) -> None:
    view = VisitorView(languages, seconds=0.05)
    qtbot.addWidget(view)
    shown = green_visitor()
    view.show_decision(shown)
    view.show_go(shown.id, True)
    status = view.status
    assert status.go_label.text() == "Өтіңіз  ·  Проходите  ·  Go through"
    assert not status.go_label.isHidden()
    with qtbot.assertNotEmitted(view.screen_changed, wait=300):
        pass  # the status's seconds are up long since: the visitor is still going through
    assert view.currentWidget() is status
    view.show_go("another decision", False)  # another visitor's open: not this screen's
    assert status.going
    with qtbot.waitSignal(view.screen_changed, timeout=2000) as changed:
        view.show_go(shown.id, False)
        assert status.go_label.isHidden() and status.go_label.text() == ""
    assert changed.args == ["scan"]
    view.stop()


def test_a_new_decision_is_not_told_to_go_through(qtbot: QtBot, view: VisitorView) -> None:
    first = green_visitor()
    view.show_decision(first)
    view.show_go(first.id, True)
    second = replace(green_visitor(), id="next", masked_id="••••••••0030")
    view.show_decision(second)
    assert not view.status.going and view.status.go_label.isHidden()
    view.show_go(first.id, False)  # the first one's gate closes later: nothing changes
    assert view.status.decision is second and not view.status.going
