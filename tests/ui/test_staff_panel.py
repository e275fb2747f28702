"""The staff panel's tables say everything in the staff's language and keep
every column in view on a narrow panel."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.news import RecentEvent, RedReport
from ui.events_view import EventsView
from ui.i18n import Languages
from ui.ses_view import SesView


@pytest.fixture
def languages() -> Iterator[Languages]:
    languages = Languages(("kk", "ru", "en"))
    yield languages
    languages.release()


def event(method: str, operator: str | None = None) -> RecentEvent:
    return RecentEvent(
        id=method,
        type="check_in",
        occurred_at=time.time(),
        decision="admit",
        status="green",
        masked_id="••••••••0005",
        method=method,
        operator=operator,
    )


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("kk", ["Камера", "Сканер", "Қолмен енгізілді", "aigerim"]),
        ("ru", ["Камера", "Сканер", "Введён вручную", "aigerim"]),
        ("en", ["Camera", "Scanner", "Typed in", "aigerim"]),
    ],
)
def test_how_each_visit_came_is_said_in_the_staffs_language(
    qtbot: QtBot, languages: Languages, lang: str, said: list[str]
) -> None:
    languages.use(lang)
    table = EventsView()
    qtbot.addWidget(table)
    table.show_events(
        (event("camera"), event("scanner"), event("manual"), event("manual", "aigerim"))
    )
    assert [table.item(row, 4).text() for row in range(4)] == said


def test_every_sanitary_service_column_stays_in_view_on_a_narrow_panel(
    qtbot: QtBot, languages: Languages
) -> None:
    languages.use("kk")
    view = SesView("")
    qtbot.addWidget(view)
    now = time.time()
    view.show_reports(
        (
            RedReport("a", now, "••••••••0963", retroactive=True),  # queued: the longest words
            RedReport("b", now, "••••••••1681", delivered_at=now, received_at=now),
            RedReport("c", now, "••••••••1201", refused="venue_unknown"),
        )
    )
    view.resize(620, 520)  # the staff half of a desk with one monitor
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    table = view.table
    assert table.horizontalScrollBar().maximum() == 0, "no column beyond the edge"
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            cell = table.visualItemRect(item)
            assert cell.right() <= table.viewport().width(), item.text()
            flags = int(item.textAlignment()) | Qt.TextFlag.TextWordWrap.value
            needed = table.fontMetrics().boundingRect(
                cell.adjusted(4, 0, -4, 0), flags, item.text()
            )
            assert needed.height() <= cell.height(), f"cut: {item.text()}"
            assert item.toolTip() == item.text()
    assert view.call.text() == "СЭҚ: ([ses] phone нөмірі жоқ: әкімшіден сұраңыз)"
    assert view.call.wordWrap() and view.call.width() <= view.width()


@pytest.mark.parametrize(
    ("lang", "admitted", "refused"),
    [
        ("en", "admitted offline, found red later", "refused offline, found red later"),
        (
            "ru",
            "пропущен без связи, позже оказался красным",
            "не пропущен без связи, позже оказался красным",
        ),
        (
            "kk",
            "байланыссыз кіргізілген, кейін қызыл болып шықты",
            "байланыссыз кіргізілмеген, кейін қызыл болып шықты",
        ),
    ],
)
def test_a_report_found_red_later_says_whether_the_visitor_was_let_in_offline(
    qtbot: QtBot, languages: Languages, lang: str, admitted: str, refused: str
) -> None:
    languages.use(lang)
    view = SesView("+7 727 111 22 33")
    qtbot.addWidget(view)
    now = time.time()
    view.show_reports(
        (
            RedReport("a", now, "••••••••0963", retroactive=True, admitted=True),
            RedReport("b", now, "••••••••1681", retroactive=True),
            RedReport("c", now, "••••••••1201"),
        )
    )
    what = [view.table.item(row, 2).text() for row in range(3)]
    assert what[:2] == [admitted, refused]
    assert what[2] not in (admitted, refused) and what[2]


def test_a_long_staff_open_reason_never_pushes_the_desk_list_past_its_edge(
    qtbot: QtBot, languages: Languages
) -> None:
    languages.use("kk")
    table = EventsView(compact=True)
    qtbot.addWidget(table)
    now = time.time()
    opened = RecentEvent(
        id="g",
        type="gate_opened",
        occurred_at=now,
        operator="aigerim",
        direction="entry",
        reason="a courier with a parcel for the sauna, let in by hand " * 2,
    )
    table.show_events((opened, event("camera")))
    table.resize(530, 380)  # the desk tab's list beside the keypad at 1366x768
    table.show()
    qtbot.waitExposed(table)
    QApplication.processEvents()

    assert table.horizontalScrollBar().maximum() == 0, "a column beyond the edge"
    visitor = table.visualItemRect(table.item(1, 3))
    assert visitor.right() <= table.viewport().width()
    what = table.item(0, 1)
    assert "courier" in what.toolTip(), "the whole line is a hover away"
