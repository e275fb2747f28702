"""Every character the screens draw is in the shipped Noto Sans; the ones it
lacks (⌫, ✓) are drawn as icons instead."""

from __future__ import annotations

import ast
import time
from pathlib import Path

from PySide6.QtGui import QRawFont
from pytestqt.qtbot import QtBot

from kiosk.news import RecentEvent
from ui.entry import Keypad
from ui.events_view import EventsView
from ui.i18n import FONTS

UI = Path(__file__).resolve().parents[2] / "ui"


def drawn_strings(source: str) -> list[tuple[int, str]]:
    """The string constants of a module, without docstrings (never drawn)."""
    tree = ast.parse(source)
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_the_font_has_every_character_the_screens_draw(qtbot: QtBot) -> None:
    fonts = [QRawFont(str(path), 20) for path in sorted(FONTS.glob("*.ttf"))]
    assert fonts and all(font.isValid() for font in fonts)
    missing = [
        f"{path.name}:{line} {char!r}"
        for path in sorted(UI.glob("*.py"))
        for line, text in drawn_strings(path.read_text(encoding="utf-8"))
        for char in set(text)
        if ord(char) > 127 and not all(font.supportsCharacter(ord(char)) for font in fonts)
    ]
    assert not missing


def test_the_keypad_delete_key_is_an_icon(qtbot: QtBot) -> None:
    keypad = Keypad()
    qtbot.addWidget(keypad)
    back = keypad.buttons["back"]
    assert back.text() == "" and not back.icon().isNull()
    assert back.toolTip() == back.accessibleName() == "Delete the last digit"


def test_a_sent_event_shows_a_drawn_tick(qtbot: QtBot) -> None:
    view = EventsView()
    qtbot.addWidget(view)
    now = time.time()
    view.show_events(
        (
            RecentEvent("e2", "check_in", now, "admit", synced=True),
            RecentEvent("e1", "check_in", now - 60, "admit", synced=False),
        )
    )
    sent, waiting = view.item(0, EventsView.SENT), view.item(1, EventsView.SENT)
    assert sent.text() == "" and not sent.icon().isNull()
    assert waiting.text() == "…" and waiting.icon().isNull()
