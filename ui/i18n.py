"""Languages and the font: Kazakh, Russian and English through Qt Linguist
(.ts sources and compiled .qm files in ui/translations), switchable while
the kiosk runs; Noto Sans (SIL OFL, in ui/fonts), which has every Kazakh
letter on every platform."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent
TRANSLATIONS = HERE / "translations"
FONTS = HERE / "fonts"
FAMILY = "Noto Sans"
LANGUAGES = ("kk", "ru", "en")
NATIVE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


class Retranslating:
    """Mixed into a widget (before its Qt class): when the language changes,
    the widget's `_retranslate` says its words again."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)  # type: ignore[misc]  # the Qt class after this one

    def _retranslate(self) -> None:
        raise NotImplementedError


def load_fonts(app: QApplication, *, height: int | None = None) -> str:
    """Register the shipped font and make it the application's, sized for the
    desk monitor (the primary, or one *height* pixels high); its family."""
    family = FAMILY
    for file in sorted(FONTS.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(file))
        if font_id >= 0:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family)
    if height is None:
        screen = app.primaryScreen()
        height = screen.geometry().height() if screen is not None else 768
    # 11 pt on a 1366x768 desk monitor, a little larger on bigger ones.
    font.setPointSize(max(11, min(16, 11 + (height - 768) // 150)))
    app.setFont(font)
    return family


class Languages:
    """One translator per language; one of them installed for the staff's screens.

    `text(lang, context, source)` reads a string in any language without
    switching the application's (the visitor screen shows all three).
    """

    def __init__(self, order: list[str] | tuple[str, ...] = LANGUAGES) -> None:
        self.order = tuple(order)
        self._translators: dict[str, QTranslator] = {}
        for lang in LANGUAGES:
            translator = QTranslator()
            translator.load(str(TRANSLATIONS / f"ashyq_{lang}.qm"))
            self._translators[lang] = translator
        self.current: str | None = None

    def use(self, lang: str) -> None:
        """Switch the staff's language; every widget gets a LanguageChange event."""
        if lang == self.current:
            return
        if self.current is not None:
            QCoreApplication.removeTranslator(self._translators[self.current])
        QCoreApplication.installTranslator(self._translators[lang])
        self.current = lang

    def release(self) -> None:
        """Take this set's translator out of the application (the kiosk is closing)."""
        if self.current is not None:
            QCoreApplication.removeTranslator(self._translators[self.current])
            self.current = None

    def text(self, lang: str, context: str, source: str) -> str:
        translated = self._translators[lang].translate(context, source)
        return translated or source
