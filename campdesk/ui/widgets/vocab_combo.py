"""A combo box over one vocabulary: shows labels in the current language, holds codes."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from campdesk.domain.choices import Vocabulary
from campdesk.ui.core import fmt


class VocabCombo(QComboBox):
    def __init__(self, vocab: Vocabulary, blank: str | None = None,
                 parent: QWidget | None = None):
        """``blank`` is a label (already translated by the caller) for "no choice", or None."""
        super().__init__(parent)
        self.vocab = vocab
        self._blank = blank
        self._fill()

    def _fill(self) -> None:
        code = self.code()
        self.blockSignals(True)
        self.clear()
        if self._blank is not None:
            self.addItem(self._blank, None)
        for choice in self.vocab:
            self.addItem(fmt.label(self.vocab, choice.code), choice.code)
        self.blockSignals(False)
        self.set_code(code)

    def retranslate(self, blank: str | None = None) -> None:
        if blank is not None:
            self._blank = blank
        self._fill()

    def code(self) -> str | None:
        return self.currentData() if self.count() else None

    def set_code(self, code: str | None) -> None:
        index = self.findData(code)
        self.setCurrentIndex(max(index, 0))
