"""Who is at the desk: the operator recorded with staff answers and overrides.

Staff pick one of the configured names (`[staff] operators`); typing
another name takes the admin PIN, so nobody renames the operator by
accident, and no scanner burst ever lands in a name field (the key filter
takes every fast burst before a widget sees it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from ui.i18n import Retranslating

FALLBACK = "staff"


class OperatorPicker(Retranslating, QComboBox):
    """The operator's name: a list of *names* (empty: *current* alone) and a last
    item "Another name…", which asks :attr:`unlock` (the admin PIN) and then
    takes one typed name. No signals beyond QComboBox's."""

    def __init__(self, names: Sequence[str], current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("operator")
        self.unlock: Callable[[], bool] = lambda: True
        chosen = list(names) or [current.strip() or FALLBACK]
        self.addItems(chosen)
        self.addItem("")  # "Another name…": its words in _retranslate
        index = self.findText(current.strip())
        self.setCurrentIndex(index if 0 <= index < self._other_index() else 0)
        self._last = self.currentIndex()
        self.activated.connect(self._on_activated)
        self._retranslate()

    @property
    def name(self) -> str:
        """The operator chosen now."""
        if self.isEditable():
            return self.itemText(self._last)
        text = self.currentText().strip()
        return text if self.currentIndex() != self._other_index() and text else FALLBACK

    def _other_index(self) -> int:
        return self.count() - 1

    def _on_activated(self, index: int) -> None:
        if index != self._other_index():
            self._last = index
            return
        self.setCurrentIndex(self._last)
        if not self.unlock():
            return
        self.setEditable(True)
        edit = self.lineEdit()
        assert edit is not None
        edit.setAccessibleName(self.tr("Operator name"))
        edit.clear()
        edit.setPlaceholderText(self.tr("Type a name, then Enter"))
        edit.setFocus()
        edit.editingFinished.connect(self._on_edit_finished)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._on_app_focus_changed)

    def _on_app_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Typing ends when the focus goes elsewhere, whether or not a name was typed
        # (the line edit itself says so only for a changed text).
        if self.isEditable() and new is not None and new is not self and new is not self.lineEdit():
            QTimer.singleShot(0, self, self._on_edit_finished)

    def _on_edit_finished(self) -> None:
        edit = self.lineEdit()
        if edit is None or not self.isEditable():
            return
        name = " ".join(edit.text().split())[:40]
        edit.editingFinished.disconnect(self._on_edit_finished)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.disconnect(self._on_app_focus_changed)
        self.setEditable(False)
        if name:
            index = self.findText(name)
            if index < 0 or index == self._other_index():
                index = self._other_index()
                self.insertItem(index, name)
            self._last = index
        self.setCurrentIndex(self._last)

    def _retranslate(self) -> None:
        self.setItemText(self._other_index(), self.tr("Another name…"))
        self.setAccessibleName(self.tr("Operator"))
        self.setToolTip(self.tr("Who answers staff questions; another name needs the admin PIN"))
