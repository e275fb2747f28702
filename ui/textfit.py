"""Text that fits the room it is given, never the other way round: a long
venue name, file path or translation must not push a window wider than its
screen. A one-line label elides ("…", the whole text in its tooltip); a
headline's font shrinks until its longest word fits."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

SMALLEST_TEXT = 12
"""Pixels: below this a word is hard to read from the desk; it is never fitted smaller."""

MIN_CHARACTERS = 6
"""Room kept however narrow the label gets: a few letters and the "…"."""


class ElidedLabel(QLabel):
    """A QLabel whose `text()` is the whole text and whose drawing is elided.

    *mode*: where the "…" goes (the end for names, the middle for paths,
    whose end says the most).
    """

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
    ) -> None:
        super().__init__(parent)
        self._full = ""
        self._mode = mode
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:
        self._full = text
        self._elide()
        self.updateGeometry()

    @property
    def elided(self) -> bool:
        """Whether the text drawn is shortened."""
        return super().text() != self._full

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right()
        return QSize(width + 2 * self.margin() + 2, hint.height())

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        least = metrics.averageCharWidth() * MIN_CHARACTERS + metrics.horizontalAdvance("…")
        return QSize(min(least, self.sizeHint().width()), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: object) -> None:
        super().changeEvent(event)  # type: ignore[arg-type]
        self._elide()  # a new font or style changes the room the text needs

    def _elide(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin()
        shown = self.fontMetrics().elidedText(self._full, self._mode, max(room, 0))
        if room <= 0:
            shown = self._full  # not laid out yet: nothing to measure against
        if super().text() != shown:
            super().setText(shown)
        tip = self._full if shown != self._full else ""
        if self.toolTip() != tip:
            self.setToolTip(tip)


def fit_font(label: QLabel, size: int, *, fit: int = 0, lines: int = 2) -> None:
    """Text *size* pixels high; with *fit*, small enough that the text takes at most
    *lines* lines of that width (a long Kazakh decision on a half screen) and that
    its longest word fits on a line of its own (a word is never cut)."""
    font = QFont(label.font())
    size = max(SMALLEST_TEXT - 2, size)
    font.setPixelSize(size)
    if fit:
        text = label.text()
        longest = max(text.split(), key=len, default="")

        def too_wide() -> bool:
            metrics = QFontMetrics(font)
            return (
                metrics.horizontalAdvance(text) > fit * lines * 0.9
                or metrics.horizontalAdvance(longest) > fit
            )

        while size > SMALLEST_TEXT and too_wide():
            size = int(size * 0.9)
            font.setPixelSize(size)
    if font != label.font():
        label.setFont(font)


def set_font(widget: QWidget, size: int, *, bold: bool = False) -> None:
    """*widget*'s font at *size* pixels, bold or not."""
    font = QFont(widget.font())
    font.setPixelSize(size)
    font.setBold(bold)
    widget.setFont(font)
