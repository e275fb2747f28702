"""Which of the visitor's languages to show, and in which order."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import LANGUAGES, NATIVE_NAMES, Retranslating

ROW_HEIGHT = 48


class LanguageOrder(Retranslating, QWidget):
    """A list of kk, ru and en with a tick each and Up/Down buttons.

    The ticked languages, top first, are the value; each is shown by its own
    name (Қазақша, Русский, English), which needs no translating. No signals.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setFixedHeight(ROW_HEIGHT * len(LANGUAGES) + 8)
        self.up_button = QPushButton(self)
        self.down_button = QPushButton(self)
        for button in (self.up_button, self.down_button):
            button.setAutoDefault(False)
        self.up_button.clicked.connect(self._on_up_button_clicked)
        self.down_button.clicked.connect(self._on_down_button_clicked)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        buttons = QVBoxLayout()
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.set_languages(list(LANGUAGES))
        self._retranslate()

    def languages(self) -> list[str]:
        """The ticked languages, in the order shown."""
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in map(self.list.item, range(self.list.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_languages(self, chosen: list[str]) -> None:
        """Tick *chosen* in its order at the top; the others follow, unticked."""
        self.list.clear()
        for code in [*chosen, *(code for code in LANGUAGES if code not in chosen)]:
            item = QListWidgetItem(f"{NATIVE_NAMES[code]}  ({code})")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)
            item.setSizeHint(QSize(0, ROW_HEIGHT))
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def move_row(self, row: int, by: int) -> None:
        """Move the language in *row* up (-1) or down (+1), keeping it current."""
        target = row + by
        if not (0 <= row < self.list.count() and 0 <= target < self.list.count()):
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def _on_up_button_clicked(self) -> None:
        self.move_row(self.list.currentRow(), -1)

    def _on_down_button_clicked(self) -> None:
        self.move_row(self.list.currentRow(), +1)

    def _on_list_current_row_changed(self, row: int) -> None:
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)

    def _retranslate(self) -> None:
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))
