"""Hand-written Qt fakes for the UI tests (tests/fakes.py stays Qt-free)."""

from __future__ import annotations

from PySide6.QtCore import QTranslator


class MarkingTranslator(QTranslator):
    """Translates every string of the given contexts into "«source»", so a test
    can see that a widget asked Qt for its words again after a LanguageChange."""

    def __init__(self, *contexts: str) -> None:
        super().__init__()
        self._contexts = set(contexts)

    def isEmpty(self) -> bool:
        return False

    def translate(
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        if context not in self._contexts:
            return None  # a null QString: "no translation here", Qt uses the source
        return f"«{source}»"
