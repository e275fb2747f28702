"""Where a dialog opens: over the part of the window it is about.

Qt centres a dialog over its parent's whole window; on a desk with one
monitor that window holds the visitor's screen too, and a PIN or referral
dialog in its middle would cover the decision the visitor is reading. A
staff dialog opens over the staff panel instead, kept on its screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget


def centre_over(dialog: QWidget, widget: QWidget) -> None:
    """Place *dialog* (not shown yet) centred over *widget*, within its screen."""
    dialog.adjustSize()
    rect = QRect(QPoint(0, 0), dialog.size())
    rect.moveCenter(widget.mapToGlobal(widget.rect().center()))
    screen = widget.screen()
    if screen is not None:
        room = screen.availableGeometry()
        rect.moveLeft(max(room.left(), min(rect.left(), room.right() + 1 - rect.width())))
        rect.moveTop(max(room.top(), min(rect.top(), room.bottom() + 1 - rect.height())))
    dialog.move(rect.topLeft())  # moved: Qt no longer centres it over the window
