"""The visitor's screen keeps everything it was shown through a change of
the visitor's languages; Refer to doctor only where referrals are on."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from kiosk.decision import Decision, Direction, Method
from kiosk.policy import Outcome
from kiosk.status import Status
from ui import looks, words
from ui.i18n import Languages
from ui.staff import LastDecisionCard
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


def test_the_refer_button_is_styled_only_where_referrals_are_on(
    view: VisitorView, languages: Languages
) -> None:
    status = view.status
    view.show_decision(red_passenger())
    assert status.refer_button.styleSheet() == "" and not status.refer_button.isVisibleTo(view)

    status.referrals = True
    view.show_decision(red_passenger())
    red = looks.look_of(red_passenger())
    style = status.refer_button.styleSheet()
    assert f"background: {red.text}; color: {red.background};" in style
    assert status.refer_button.text() == "Дәрігерге жіберу · Направить к врачу"
    unverified = replace(red_passenger(), outcome=Outcome.ASK_STAFF, status=None)
    view.show_decision(unverified)
    look = looks.look_of(unverified)
    assert f"background: {look.text}; color: {look.background};" in (
        status.refer_button.styleSheet()
    )


def test_the_last_decision_card_takes_each_decisions_colours(qtbot: QtBot) -> None:
    card = LastDecisionCard()
    qtbot.addWidget(card)
    green = replace(red_passenger(), outcome=Outcome.ADMIT, status=Status.GREEN)
    for shown in (green, red_passenger(), red_passenger(), green):
        card.show_decision(shown)
        assert f"background: {looks.look_of(shown).background};" in card.styleSheet()
