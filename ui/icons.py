"""The status icons, drawn as shapes (no image files): a tick, a circle, a
triangle, a cross, a question mark, a barred circle, a circular arrow and an
exit arrow, each unmistakable without colour. Also the small button and table
icons whose characters (⌫, ✓) the shipped Noto Sans does not have."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.looks import Shape


def paint_shape(painter: QPainter, shape: Shape, rect: QRectF, colour: QColor) -> None:
    """Draw *shape* in *colour*, filling the square inside *rect*."""
    side = min(rect.width(), rect.height())
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    width = side * 0.09
    pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inner = box.adjusted(width, width, -width, -width)
    x, y, s = inner.x(), inner.y(), inner.width()
    if shape is Shape.TICK:
        painter.drawEllipse(inner)
        path = QPainterPath(QPointF(x + s * 0.27, y + s * 0.52))
        path.lineTo(x + s * 0.44, y + s * 0.69)
        path.lineTo(x + s * 0.75, y + s * 0.34)
        painter.drawPath(path)
    elif shape is Shape.CIRCLE:
        painter.drawEllipse(inner)
        painter.setBrush(colour)
        dot = inner.adjusted(s * 0.3, s * 0.3, -s * 0.3, -s * 0.3)
        painter.drawEllipse(dot)
    elif shape is Shape.TRIANGLE:
        triangle = QPolygonF(
            [
                QPointF(x + s / 2, y + s * 0.06),
                QPointF(x + s, y + s * 0.92),
                QPointF(x, y + s * 0.92),
            ]
        )
        painter.drawPolygon(triangle)
        painter.drawLine(QPointF(x + s / 2, y + s * 0.38), QPointF(x + s / 2, y + s * 0.62))
        painter.drawPoint(QPointF(x + s / 2, y + s * 0.77))
    elif shape is Shape.CROSS:
        painter.drawEllipse(inner)
        a, b = s * 0.3, s * 0.7
        painter.drawLine(QPointF(x + a, y + a), QPointF(x + b, y + b))
        painter.drawLine(QPointF(x + b, y + a), QPointF(x + a, y + b))
    elif shape is Shape.QUESTION:
        painter.drawEllipse(inner)
        _glyph(painter, inner, "?", colour)
    elif shape is Shape.BARRED:
        painter.drawEllipse(inner)
        c = inner.center()
        r = s / 2 * math.sqrt(0.5)
        painter.drawLine(QPointF(c.x() - r, c.y() - r), QPointF(c.x() + r, c.y() + r))
    elif shape is Shape.REFRESH:
        arc = inner.adjusted(s * 0.12, s * 0.12, -s * 0.12, -s * 0.12)
        painter.drawArc(arc, 60 * 16, 300 * 16)
        tip = QPointF(arc.center().x() + arc.width() / 2 * math.cos(math.radians(60)),
                      arc.center().y() - arc.height() / 2 * math.sin(math.radians(60)))  # fmt: skip
        head = QPolygonF(
            [tip + QPointF(-s * 0.2, -s * 0.02), tip, tip + QPointF(-s * 0.02, s * 0.2)]
        )
        painter.drawPolyline(head)
    elif shape is Shape.EXIT:
        door = QRectF(x + s * 0.08, y + s * 0.08, s * 0.5, s * 0.84)
        painter.drawRect(door)
        painter.drawLine(QPointF(x + s * 0.4, y + s / 2), QPointF(x + s * 0.95, y + s / 2))
        painter.drawPolyline(
            QPolygonF(
                [
                    QPointF(x + s * 0.78, y + s * 0.33),
                    QPointF(x + s * 0.95, y + s / 2),
                    QPointF(x + s * 0.78, y + s * 0.67),
                ]
            )
        )
    painter.restore()


def _glyph(painter: QPainter, rect: QRectF, text: str, colour: QColor) -> None:
    font = QFont(painter.font())
    font.setPixelSize(max(1, int(rect.height() * 0.62)))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def backspace_icon(size: int, colour: str, disabled: str) -> QIcon:
    """A key shape pointing left with a cross in it, for a keypad's delete key;
    *disabled*: its colour on a disabled key."""
    icon = QIcon(_backspace_pixmap(size, colour))
    icon.addPixmap(_backspace_pixmap(size, disabled), QIcon.Mode.Disabled)
    return icon


def tick_icon(size: int, colour: str) -> QIcon:
    """A plain tick (done, sent)."""
    pixmap, painter = _icon_canvas(size, colour)
    painter.drawPolyline(
        QPolygonF(
            [
                QPointF(size * 0.14, size * 0.52),
                QPointF(size * 0.4, size * 0.78),
                QPointF(size * 0.86, size * 0.24),
            ]
        )
    )
    painter.end()
    return QIcon(pixmap)


def _icon_canvas(size: int, colour: str) -> tuple[QPixmap, QPainter]:
    """A transparent square and a painter on it with a round pen of *colour*."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour), size * 0.07)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    return pixmap, painter


def _backspace_pixmap(size: int, colour: str) -> QPixmap:
    pixmap, painter = _icon_canvas(size, colour)
    top, bottom, left, right = size * 0.22, size * 0.78, size * 0.06, size * 0.94
    middle, notch = size / 2, size * 0.32
    painter.drawPolygon(
        QPolygonF(
            [
                QPointF(left, middle),
                QPointF(notch, top),
                QPointF(right, top),
                QPointF(right, bottom),
                QPointF(notch, bottom),
            ]
        )
    )
    centre_x, arm = (notch + right) / 2, size * 0.12
    painter.drawLine(QPointF(centre_x - arm, middle - arm), QPointF(centre_x + arm, middle + arm))
    painter.drawLine(QPointF(centre_x - arm, middle + arm), QPointF(centre_x + arm, middle - arm))
    painter.end()
    return pixmap


class ShapeIcon(QWidget):
    """A square widget showing one shape."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shape = Shape.QUESTION
        self._colour = QColor("white")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_shape(self, shape: Shape, colour: str) -> None:
        self._shape = shape
        self._colour = QColor(colour)
        self.update()

    @property
    def shape(self) -> Shape:
        return self._shape

    def sizeHint(self) -> QSize:
        return QSize(160, 160)

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        paint_shape(painter, self._shape, QRectF(self.rect()), self._colour)
        painter.end()
