"""Choose several AI fields from a drop-down of check marks; the value is ``vision,nlp``."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolButton

from campdesk.domain.choices import AI_FIELDS
from campdesk.ui.core import fmt
from campdesk.i18n import _


class AiFieldsButton(QToolButton):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # The whole row's width: the menu arrow never sits on the last field's name.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("QToolButton { text-align: left; padding-right: 18px; }")
        self.menu_ = QMenu(self)
        self.actions_ = {}
        for choice in AI_FIELDS:
            action = self.menu_.addAction("")
            action.setCheckable(True)
            action.toggled.connect(self._update)
            self.actions_[choice.code] = action
        self.setMenu(self.menu_)
        self.retranslate()

    def value(self) -> str:
        return ",".join(code for code, a in self.actions_.items() if a.isChecked())

    def set_value(self, codes: str | None) -> None:
        wanted = set((codes or "").split(","))
        for code, action in self.actions_.items():
            action.blockSignals(True)
            action.setChecked(code in wanted)
            action.blockSignals(False)
        self._update()

    def retranslate(self) -> None:
        for code, action in self.actions_.items():
            action.setText(fmt.label(AI_FIELDS, code).replace("&", "&&"))
        self._update()

    def _update(self, *_args):
        text = fmt.ai_fields(self.value()) or _("선택 안 함")
        self.setText(text.replace("&", "&&"))  # "Culture & content" is no mnemonic
        self.setToolTip(text)
        self.changed.emit()
