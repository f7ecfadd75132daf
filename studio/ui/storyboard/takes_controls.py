"""How many takes to make, and on which models: the storyboard's "Takes: N" and "Models" controls.

Every generation the window starts (the selected shot, or every shot without a take) makes
``takes()`` takes on each of ``models()`` (None: the shot's own model). The models menu lists
the live models; ticking two makes variations across them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QSpinBox, QToolButton, QWidget

from studio.services.takes import MAX_TAKES_PER_RUN


class TakesControls(QWidget):
    """A spin box for the number of takes and a menu of models to make them on."""

    changed = Signal()

    def __init__(self, services: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        caption = QLabel(self.tr("Takes"))
        caption.setObjectName("dim")
        self.spin = QSpinBox()
        self.spin.setObjectName("takes_count")
        self.spin.setRange(1, MAX_TAKES_PER_RUN)
        self.spin.setValue(1)
        self.spin.setAccessibleName(self.tr("Takes per shot"))
        self.spin.setAccessibleDescription(self.tr("How many takes each generation makes, on each chosen model"))
        self.spin.setToolTip(self.tr("How many takes each Generate makes (per model)"))
        caption.setBuddy(self.spin)
        self.models_button = QToolButton()
        self.models_button.setObjectName("takes_models")
        self.models_button.setPopupMode(QToolButton.InstantPopup)
        self.models_button.setAccessibleName(self.tr("Models for the takes"))
        self.models_button.setAccessibleDescription(
            self.tr("Tick several models to make the takes on each of them (variations)")
        )
        self.menu = QMenu(self.models_button)
        self.models_button.setMenu(self.menu)
        own = self.menu.addAction(self.tr("The shot's own model"))
        own.setCheckable(True)
        own.setChecked(True)
        own.toggled.connect(self._own_toggled)
        self.own_action = own
        self.menu.addSeparator()
        self.model_actions = []
        for spec in services.catalog.all() if services is not None else ():
            if spec.status.state != "live":
                continue
            action = self.menu.addAction(spec.name + (f" ({spec.label})" if spec.label else ""))
            action.setCheckable(True)
            action.setData(spec.id)
            action.toggled.connect(self._model_toggled)
            self.model_actions.append(action)
        lay.addWidget(caption)
        lay.addWidget(self.spin)
        lay.addWidget(self.models_button)
        self.spin.valueChanged.connect(lambda _v: self._update())
        self._update()

    def takes(self) -> int:
        return self.spin.value()

    def set_takes(self, count: int) -> None:
        self.spin.setValue(count)

    def models(self) -> list[str] | None:
        """The ticked models, or None for each shot's own model."""
        ticked = [a.data() for a in self.model_actions if a.isChecked()]
        return ticked or None

    def set_models(self, model_ids: list[str] | None) -> None:
        for action in self.model_actions:
            action.blockSignals(True)
            action.setChecked(action.data() in (model_ids or ()))
            action.blockSignals(False)
        self.own_action.blockSignals(True)
        self.own_action.setChecked(not self.models())
        self.own_action.blockSignals(False)
        self._update()

    def total(self) -> int:
        """Takes each generated shot gets."""
        return self.takes() * len(self.models() or [None])

    def _own_toggled(self, checked: bool) -> None:
        if checked:
            self.set_models(None)
        elif not self.models():
            self.own_action.setChecked(True)  # something must be ticked

    def _model_toggled(self, _checked: bool) -> None:
        self.own_action.blockSignals(True)
        self.own_action.setChecked(not self.models())
        self.own_action.blockSignals(False)
        self._update()

    def _update(self) -> None:
        models = self.models()
        if models is None:
            self.models_button.setText(self.tr("Shot's model"))
            tip = self.tr("%n take(s) of each shot on its own model", "", self.takes())
        else:
            models_count = len(models)  # a plain name: lupdate reads no call as the count
            self.models_button.setText(QCoreApplication.translate("TakesControls", "%n model(s)", "", models_count))
            tip = self.tr("%n take(s) on each of: {models}", "", self.takes()).format(models=", ".join(models))
        self.models_button.setToolTip(tip)
        self.changed.emit()
