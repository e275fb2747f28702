"""What the visitor sees: the scan screen (show your code, the live camera with
a target frame) and the status screen (the whole screen in the status colour,
its icon, the decision in large letters), in the visitor's languages at once.

Nothing here is for staff to press: the visitor's screen may be a touch
screen in the passenger's reach. Text sizes follow the monitor and shrink to
fit the room the screen has; the screens never ask for more room than that.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.decision import Decision
from kiosk.news import OccupancyState, ServiceState
from shared.device import DeviceState
from ui import looks, words
from ui.i18n import Languages
from ui.icons import ShapeIcon
from ui.looks import Look
from ui.textfit import fit_font
from ui.wording import Phrase, clock_time, status_words, who
from ui.words import QT_TRANSLATE_NOOP

INSIDE = QT_TRANSLATE_NOOP("Words", "Inside: %1")
INSIDE_OF = QT_TRANSLATE_NOOP("Words", "Inside: %1 of %2")
BOARDED = QT_TRANSLATE_NOOP("Words", "Boarded: %1")
BOARDED_OF = QT_TRANSLATE_NOOP("Words", "Boarded: %1 of %2")
QUEUED = QT_TRANSLATE_NOOP("Words", "%1 · %2 waiting to send")
GO_THROUGH = QT_TRANSLATE_NOOP("Words", "Go through")

LEAST = QSize(320, 240)
"""The least room a visitor screen asks for, whatever its words: the text shrinks."""


class PreviewView(QWidget):
    """The camera's newest frame, scaled to fit, a target frame over it, and a
    message when there is no picture (starting, lost, no camera)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._message = ""
        self._urgent = False
        self.setMinimumSize(240, 180)

    def show_frame(self, image: QImage) -> None:
        self._image = image
        self.update()

    def show_message(self, text: str, *, urgent: bool = False) -> None:
        """Say *text* over the preview (an *urgent* one on a red band)."""
        self._message = text
        self._urgent = urgent
        if text:
            self._image = None
        self.update()

    @property
    def message(self) -> str:
        return self._message

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect())
        path = QPainterPath()
        path.addRoundedRect(area, 18, 18)
        painter.fillPath(path, QColor("#0E1417"))
        picture = self._picture_rect(area)
        if self._image is not None:
            painter.setClipPath(path)
            painter.drawImage(picture, self._image)
            painter.setClipping(False)
        self._draw_target(painter, picture)
        if self._message:
            font = QFont(self.font())
            font.setPixelSize(max(14, int(area.height() * 0.07)))
            font.setBold(True)
            painter.setFont(font)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            box = area.adjusted(24, 24, -24, -24)
            if self._urgent:
                band = painter.boundingRect(box, flags, self._message).adjusted(-24, -16, 24, 16)
                band_path = QPainterPath()
                band_path.addRoundedRect(band, 12, 12)
                painter.fillPath(band_path, QColor("#B71C1C"))
            painter.setPen(QColor("#FFFFFF"))
            painter.drawText(box, flags, self._message)
        painter.end()

    def _picture_rect(self, area: QRectF) -> QRectF:
        if self._image is None or self._image.width() == 0:
            return area
        scale = min(area.width() / self._image.width(), area.height() / self._image.height())
        rect = QRectF(0, 0, self._image.width() * scale, self._image.height() * scale)
        rect.moveCenter(area.center())
        return rect

    def _draw_target(self, painter: QPainter, picture: QRectF) -> None:
        side = min(picture.width(), picture.height()) * 0.62
        box = QRectF(0, 0, side, side)
        box.moveCenter(picture.center())
        arm = side * 0.18
        pen = QPen(QColor("#FFFFFF"), max(4.0, side * 0.025))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        for cx, cy, dx, dy in (
            (box.left(), box.top(), 1, 1),
            (box.right(), box.top(), -1, 1),
            (box.left(), box.bottom(), 1, -1),
            (box.right(), box.bottom(), -1, -1),
        ):
            painter.drawLine(int(cx), int(cy), int(cx + dx * arm), int(cy))
            painter.drawLine(int(cx), int(cy), int(cx), int(cy + dy * arm))


def _label(parent: QWidget, *, bold: bool = False, align: Qt.AlignmentFlag | None = None) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    if align is not None:
        label.setAlignment(align)
    font = QFont(label.font())
    font.setBold(bold)
    label.setFont(font)
    return label


def _screen_height(widget: QWidget) -> int:
    """Text sizes follow the monitor's height, not the widget's own (which the text
    would otherwise push taller, and so on)."""
    screen = widget.screen()
    height = screen.geometry().height() if screen is not None else 768
    return max(300, min(widget.height() or height, height))


def _needed_height(layout: QVBoxLayout, width: int, fixed: int) -> int:
    """The height *layout*'s visible labels take at *width*, with its margins and
    spacing and *fixed* pixels of other things."""
    margins = layout.contentsMargins()
    items = (layout.itemAt(i) for i in range(layout.count()))
    widgets = (item.widget() for item in items if item is not None)
    shown = [widget for widget in widgets if widget is not None and not widget.isHidden()]
    texts = sum(w.heightForWidth(width) for w in shown if isinstance(w, QLabel))
    return margins.top() + margins.bottom() + layout.spacing() * (len(shown) - 1) + texts + fixed


class ScanScreen(QWidget):
    """Idle: "Show your code" in each language, the camera, the venue's numbers."""

    def __init__(self, languages: Languages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scan")
        self._languages = languages
        self._venue = ""
        self._occupancy = OccupancyState()
        self._service = ServiceState()
        self._camera: DeviceState | None = DeviceState.STARTING
        self._out_of_order = False
        self._boarding = False
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor(looks.SCAN_BACKGROUND))
        palette.setColor(self.foregroundRole(), QColor("#FFFFFF"))
        self.setPalette(palette)

        self.venue_label = _label(self, bold=True)
        self.numbers_label = _label(self, align=Qt.AlignmentFlag.AlignRight)
        self.service_label = _label(self, align=Qt.AlignmentFlag.AlignRight)
        self.prompts = [
            _label(self, bold=index == 0, align=Qt.AlignmentFlag.AlignCenter)
            for index in range(len(languages.order))
        ]
        self.preview = PreviewView(self)
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(self.venue_label, 1)
        numbers = QVBoxLayout()
        numbers.setSpacing(0)
        numbers.addWidget(self.numbers_label)
        numbers.addWidget(self.service_label)
        header.addLayout(numbers)
        layout.addLayout(header)
        for prompt in self.prompts:
            layout.addWidget(prompt)
        layout.addWidget(self.preview, 1)
        self._refresh()

    # -- what changes --------------------------------------------------------

    def set_venue(self, name: str) -> None:
        self._venue = name
        self._refresh()

    def set_occupancy(self, state: OccupancyState) -> None:
        self._occupancy = state
        self._refresh()

    def set_service(self, state: ServiceState) -> None:
        self._service = state
        self._refresh()

    def set_camera(self, state: DeviceState | None) -> None:
        self._camera = state
        self._refresh()

    def set_out_of_order(self) -> None:
        """The desk stopped: no more codes are read; visitors are sent to staff."""
        self._out_of_order = True
        self._refresh()

    def set_boarding(self) -> None:
        """A boarding gate: the count is of passengers boarded, not people inside."""
        self._boarding = True
        self._refresh()

    def show_frame(self, image: QImage) -> None:
        live = self._camera in (DeviceState.RUNNING, DeviceState.BACK)
        if live and not self._out_of_order:
            self.preview.show_frame(image)

    # -- drawing ---------------------------------------------------------------

    def _text(self, lang: str, source: str, *args: object) -> str:
        return Phrase(source, tuple(str(a) for a in args)).render(
            lambda s: self._languages.text(lang, words.CONTEXT, s)
        )

    def refresh(self) -> None:
        self._refresh()

    def _refresh(self) -> None:
        first = self._languages.order[0]
        self.venue_label.setText(self._venue)
        occupancy = self._occupancy
        of, alone = (BOARDED_OF, BOARDED) if self._boarding else (INSIDE_OF, INSIDE)
        if occupancy.capacity:
            numbers = self._text(first, of, occupancy.inside, occupancy.capacity)
        else:
            numbers = self._text(first, alone, occupancy.inside)
        self.numbers_label.setText(numbers)
        service = self._service
        state = self._text(
            first, words.SERVICE[service.problem if service.online is False else None]
        )
        if service.online is None:
            state = ""
        if service.pending:
            state = self._text(first, QUEUED, state, service.pending)
        self.service_label.setText(state)
        colour = "#FF8A80" if service.online is False else "#B9F6CA"
        self.service_label.setStyleSheet(f"color: {colour};")
        prompt_text = words.OUT_OF_ORDER if self._out_of_order else words.SHOW_YOUR_CODE
        for prompt, lang in zip(self.prompts, self._languages.order, strict=True):
            prompt.setText(self._text(lang, prompt_text))
        if self._out_of_order:
            self.preview.show_message(self._text(first, words.OUT_OF_ORDER), urgent=True)
        else:
            self.preview.show_message(
                self._text(first, words.CAMERA_STATE[self._camera]),
                urgent=self._camera is DeviceState.LOST,
            )
        self._resize_text()

    def minimumSizeHint(self) -> QSize:
        return LEAST  # the words shrink to the room there is; they never widen the window

    def resizeEvent(self, event: object) -> None:
        self._resize_text()

    def _resize_text(self) -> None:
        height = _screen_height(self)
        width = max(self.width() - 40, 200)
        scale = 1.0
        while True:
            self._size_text(height * scale, width)
            if self._needed_height(width) <= self.height() or scale < 0.4:
                break
            scale *= 0.9

    def _size_text(self, height: float, width: int) -> None:
        fit_font(self.venue_label, int(height * 0.045), fit=width // 2, lines=2)
        fit_font(self.numbers_label, int(height * 0.04), fit=width // 2, lines=1)
        fit_font(self.service_label, int(height * 0.03), fit=width // 2, lines=2)
        for index, prompt in enumerate(self.prompts):
            size = int(height * (0.075 if index == 0 else 0.045))
            fit_font(prompt, size, fit=width, lines=2 if index == 0 else 1)

    def _needed_height(self, width: int) -> int:
        header = max(
            self.venue_label.heightForWidth(self.venue_label.width() or width // 2),
            self.numbers_label.heightForWidth(self.numbers_label.width() or width // 2)
            + self.service_label.heightForWidth(self.service_label.width() or width // 2),
        )
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        fixed = header + layout.spacing() + self.preview.minimumHeight()
        return _needed_height(layout, width, fixed)


class StatusScreen(QWidget):
    """The decision, full screen in its colour, with its icon and words."""

    def __init__(self, languages: Languages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status")
        self._languages = languages
        self.look: Look = looks.UNVERIFIED
        # What was last shown, all of it, so a redraw loses nothing (the ticket).
        self.decision: Decision | None = None
        self.referred = False
        self.detail: Phrase | None = None
        self.setAutoFillBackground(True)
        self.icon = ShapeIcon(self)
        self.decision_label = _label(self, bold=True, align=Qt.AlignmentFlag.AlignCenter)
        self.decision_others = _label(self, align=Qt.AlignmentFlag.AlignCenter)
        self.status_label = _label(self, bold=True, align=Qt.AlignmentFlag.AlignCenter)
        self.detail_label = _label(self, align=Qt.AlignmentFlag.AlignCenter)
        self.detail_others = _label(self, align=Qt.AlignmentFlag.AlignCenter)
        # "Go through" while the gate is open for this decision (ui/gate_view.py).
        self.going = False
        self.go_label = _label(self, bold=True, align=Qt.AlignmentFlag.AlignCenter)
        self.go_label.setObjectName("go-through")
        self.go_label.hide()
        self.who_label = _label(self, bold=True, align=Qt.AlignmentFlag.AlignCenter)
        self.footer_label = _label(self, align=Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.icon, 3)
        for label in (
            self.decision_label,
            self.decision_others,
            self.go_label,
            self.status_label,
            self.detail_label,
            self.detail_others,
            self.who_label,
            self.footer_label,
        ):
            layout.addWidget(label)

    def show_decision(
        self, decision: Decision, *, referred: bool = False, detail: Phrase | None = None
    ) -> None:
        """The decision; *referred*: sent to the doctor room; *detail* replaces
        the usual line of detail (the referral's ticket and where to go)."""
        if self.decision is None or self.decision.id != decision.id:
            self.going = False
        self.decision, self.referred, self.detail = decision, referred, detail
        self.look = looks.look_of(decision)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor(self.look.background))
        palette.setColor(self.foregroundRole(), QColor(self.look.text))
        self.setPalette(palette)  # the labels inherit it (no style sheets: they are slow)
        self.icon.show_shape(self.look.shape, self.look.text)
        said = status_words(decision, referred=referred)
        if detail is not None:
            said = replace(said, detail=detail)
        order = self._languages.order

        def in_lang(lang: str, phrase: Phrase | None) -> str:
            if phrase is None:
                return ""
            return phrase.render(lambda s: self._languages.text(lang, words.CONTEXT, s))

        self.decision_label.setText(in_lang(order[0], said.decision))
        self.decision_others.setText(
            "  ·  ".join(in_lang(lang, said.decision) for lang in order[1:])
        )
        self.status_label.setText(
            " · ".join(in_lang(lang, said.status) for lang in order).strip(" ·")
        )
        self.detail_label.setText(in_lang(order[0], said.detail))
        others = [in_lang(lang, said.detail) for lang in order[1:]]
        self.detail_others.setText("  ·  ".join(text for text in others if text))
        self.detail_others.setVisible(said.detail is not None)
        go = Phrase(GO_THROUGH)
        self.go_label.setText(
            "  ·  ".join(in_lang(lang, go) for lang in order) if self.going else ""
        )
        self.go_label.setVisible(self.going)
        self.who_label.setText(who(decision))
        footer = [clock_time(decision.decided_at), in_lang(order[0], said.provenance)]
        self.footer_label.setText("   ·   ".join(part for part in footer if part))
        self._resize_text()

    def set_going(self, going: bool) -> None:
        """The gate is open for the decision shown (True), or no longer (False)."""
        self.going = going
        self.redraw()

    def redraw(self) -> None:
        """Draw what was last shown again (the visitor's languages changed order)."""
        if self.decision is not None:
            self.show_decision(self.decision, referred=self.referred, detail=self.detail)

    def minimumSizeHint(self) -> QSize:
        return LEAST  # the words shrink to the room there is; they never widen the window

    def resizeEvent(self, event: object) -> None:
        self._resize_text()

    def _resize_text(self) -> None:
        height = _screen_height(self)
        width = max(self.width() - 64, 200)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        scale = 1.0
        while True:
            self._size_text(height * scale, width)
            icon = int(height * scale * 0.14)  # the shape stays, smaller
            if _needed_height(layout, width, icon) <= self.height() or scale < 0.4:
                break
            scale *= 0.9
        self.icon.setMinimumHeight(icon)

    def _size_text(self, height: float, width: int) -> None:
        fit_font(self.decision_label, int(height * 0.115), fit=width)
        fit_font(self.decision_others, int(height * 0.045), fit=width, lines=1)
        fit_font(self.status_label, int(height * 0.055), fit=width, lines=1)
        fit_font(self.detail_label, int(height * 0.045), fit=width, lines=2)
        fit_font(self.detail_others, int(height * 0.03), fit=width, lines=2)
        fit_font(self.go_label, int(height * 0.07), fit=width, lines=1)
        fit_font(self.who_label, int(height * 0.045), fit=width, lines=1)
        fit_font(self.footer_label, int(height * 0.035), fit=width, lines=2)


class VisitorView(QStackedWidget):
    """The scan screen, or a decision for `seconds`; the next scan replaces it at once.

    Signals: screen_changed(str) with "scan" or "status".
    """

    screen_changed = Signal(str)

    def __init__(
        self, languages: Languages, *, seconds: float, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.scan = ScanScreen(languages, self)
        self.status = StatusScreen(languages, self)
        self.addWidget(self.scan)
        self.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(seconds * 1000))
        self._timer.timeout.connect(self._on_timer_timeout)
        self._waiting_for_staff: str | None = None
        self._held = False  # the time was up while the visitor was told to go through

    def show_decision(
        self, decision: Decision, *, referred: bool = False, detail: Phrase | None = None
    ) -> None:
        self.status.show_decision(decision, referred=referred, detail=detail)
        self._held = False
        self.setCurrentWidget(self.status)
        # Painted now, not at the next screen refresh: the visitor is waiting
        # (scan-to-screen stays within one camera frame; bench/latency.py).
        self.status.repaint()
        self.screen_changed.emit("status")
        if decision.awaiting_staff:
            self._waiting_for_staff = decision.id  # stays until staff answer
            self._timer.stop()
        else:
            self._waiting_for_staff = None
            self._timer.start()

    def refresh_languages(self) -> None:
        """Redraw both screens after the visitor's languages changed order."""
        self.scan.refresh()
        self.status.redraw()

    def show_go(self, decision_id: str, going: bool) -> None:
        """The gate opened for the decision *decision_id* ("Go through" under its
        colour), or that open ended (its usual words again). The screen stays
        while the visitor is told to go through."""
        shown = self.status.decision
        if shown is None or shown.id != decision_id or self.status.going == going:
            return
        self.status.set_going(going)
        if not going and self._held:
            self._held = False
            self._timer.start()

    def question_closed(self, question_id: str) -> None:
        if self._waiting_for_staff == question_id:
            self._waiting_for_staff = None
            self._timer.start()

    def show_scan(self) -> None:
        self._timer.stop()
        self.setCurrentWidget(self.scan)
        self.screen_changed.emit("scan")

    def stop(self) -> None:
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        if self.status.going and self.currentWidget() is self.status:
            self._held = True
        elif self._waiting_for_staff is None:
            self.show_scan()
