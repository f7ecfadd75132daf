"""Parameter controls generated from a ModelSpec.

:class:`ParamPanel` rebuilds itself for each spec: duration, aspect ratio, resolution, audio,
seed and the model's extra parameters. Options that cannot work with the rest of the request
are disabled, with the validator's sentence as the tooltip.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal

from ..i18n import format_seconds_short
from ..a11y import name_form_fields
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from studio.core.errors import StudioError
from studio.core.modelspec import ExtraParam, ModelSpec
from studio.core.request import GenerationRequest, validate

Probe = Callable[[GenerationRequest], str | None]


def validation_error(spec: ModelSpec, request: GenerationRequest) -> str | None:
    """The validator's sentence for ``request``, or None when it is valid (retired models allowed)."""
    try:
        validate(spec, request, allow_retired=True)
    except StudioError as exc:
        return exc.user_message
    return None


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


class ParamPanel(QWidget):
    """Controls for one spec. Emits ``changed({shot field: value})`` when the person edits one."""

    changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec: ModelSpec | None = None
        self._loading = False
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)
        self.form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.duration: QComboBox | QDoubleSpinBox | None = None
        self.aspect: QComboBox | None = None
        self.resolution: QComboBox | None = None
        self.audio: QCheckBox | None = None
        self.seed_fixed: QCheckBox | None = None
        self.seed: QSpinBox | None = None
        self.extras: dict[str, QWidget] = {}

    # -- build -----------------------------------------------------------------------

    def build(self, spec: ModelSpec) -> None:
        if self.spec is not None and spec.id == self.spec.id:
            return
        self.spec = spec
        while self.form.rowCount():
            self.form.removeRow(0)
        self.duration = self.aspect = self.resolution = None
        self.audio = self.seed_fixed = None
        self.seed = None
        self.extras = {}

        if spec.durations.choices:
            combo = QComboBox()
            combo.setObjectName("duration")
            combo.setAccessibleDescription(self.tr("How long the generated clip is"))
            for value in spec.durations.choices:
                combo.addItem(format_seconds_short(value), float(value))
            combo.currentIndexChanged.connect(lambda _i: self._emit("duration", combo.currentData()))
            self.duration = combo
        else:
            spin = QDoubleSpinBox()
            spin.setObjectName("duration")
            spin.setRange(spec.durations.minimum or 0.5, spec.durations.maximum or 60)
            spin.setSingleStep(spec.durations.step or 1)
            spin.setDecimals(0 if float(spec.durations.step or 1).is_integer() else 1)
            spin.setSuffix(self.tr(" s"))
            spin.valueChanged.connect(lambda v: self._emit("duration", float(v)))
            self.duration = spin
        self.form.addRow(self.tr("Duration"), self.duration)

        self.aspect = QComboBox()
        self.aspect.setObjectName("aspect_ratio")
        self.aspect.setAccessibleDescription(self.tr("The clip's shape: width to height"))
        for aspect in spec.aspect_ratios:
            self.aspect.addItem(aspect, aspect)
        self.aspect.currentIndexChanged.connect(lambda _i: self._emit("aspect_ratio", self.aspect.currentData()))
        self.form.addRow(self.tr("Aspect"), self.aspect)

        if spec.resolutions:
            self.resolution = QComboBox()
            self.resolution.setObjectName("resolution")
            self.resolution.setAccessibleDescription(self.tr("The clip's size in lines; larger costs more with some models"))
            for name in spec.resolutions:
                self.resolution.addItem(name, name)
            self.resolution.currentIndexChanged.connect(
                lambda _i: self._emit("resolution", self.resolution.currentData())
            )
            self.form.addRow(self.tr("Resolution"), self.resolution)

        if spec.audio_supported:
            self.audio = QCheckBox(self.tr("Generate sound"))
            self.audio.setObjectName("audio")
            if spec.audio_always:
                self.audio.setEnabled(False)
                self.audio.setToolTip(self.tr("%1 always makes sound.").replace("%1", spec.name))
            self.audio.toggled.connect(lambda on: self._emit("audio", bool(on)))
            self.form.addRow(self.tr("Audio"), self.audio)

        if spec.seed_param:
            row = QWidget()
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            self.seed_fixed = QCheckBox(self.tr("Fixed"))
            self.seed_fixed.setToolTip(self.tr("Off: a new random seed each time. On: repeatable results."))
            self.seed = QSpinBox()
            self.seed.setObjectName("seed")
            self.seed.setRange(0, 2**31 - 1)
            self.seed.setEnabled(False)
            h.addWidget(self.seed_fixed)
            h.addWidget(self.seed, 1)
            self.seed_fixed.toggled.connect(self._seed_toggled)
            self.seed.valueChanged.connect(lambda v: self._emit("seed", int(v)) if self.seed_fixed.isChecked() else None)
            self.form.addRow(self.tr("Seed"), row)

        for param in spec.extra_params:
            widget = self._extra_widget(param)
            self.extras[param.name] = widget
            label = param.name.replace("_", " ").capitalize()
            widget.setToolTip(param.description)
            self.form.addRow(label, widget)
        name_form_fields(self.form)

    def _extra_widget(self, param: ExtraParam) -> QWidget:
        emit = lambda value, n=param.name: self._emit_extra(n, value)  # noqa: E731
        if param.choices:
            combo = QComboBox()
            for choice in param.choices:
                combo.addItem(str(choice), choice)
            combo.currentIndexChanged.connect(lambda _i: emit(combo.currentData()))
            return combo
        if param.type == "boolean":
            box = QCheckBox()
            box.toggled.connect(lambda on: emit(bool(on)))
            return box
        if param.type == "integer":
            spin = QSpinBox()
            spin.setRange(int(param.minimum if param.minimum is not None else -(2**31)), int(param.maximum if param.maximum is not None else 2**31 - 1))
            spin.valueChanged.connect(lambda v: emit(int(v)))
            return spin
        if param.type == "number":
            dspin = QDoubleSpinBox()
            dspin.setDecimals(3)
            dspin.setRange(param.minimum if param.minimum is not None else -1e9, param.maximum if param.maximum is not None else 1e9)
            dspin.valueChanged.connect(lambda v: emit(float(v)))
            return dspin
        line = QLineEdit()
        line.editingFinished.connect(lambda: emit(line.text()))
        return line

    # -- load values from a shot -------------------------------------------------------

    def load(self, request: GenerationRequest, extra: dict[str, Any]) -> None:
        """Show ``request``'s values (None = the model's default) without emitting."""
        spec = self.spec
        if spec is None:
            return
        self._loading = True
        try:
            duration = request.duration if request.duration is not None else spec.default_duration
            if isinstance(self.duration, QComboBox):
                _select(self.duration, float(duration))
            elif isinstance(self.duration, QDoubleSpinBox):
                self.duration.setValue(float(duration))
            if self.aspect is not None:
                _select(self.aspect, request.aspect_ratio or spec.default_aspect)
            if self.resolution is not None:
                _select(self.resolution, request.resolution or spec.default_resolution)
            if self.audio is not None:
                on = spec.audio_always or (spec.audio_default if request.audio is None else bool(request.audio))
                self.audio.setChecked(on)
            if self.seed is not None and self.seed_fixed is not None:
                self.seed_fixed.setChecked(request.seed is not None)
                self.seed.setEnabled(request.seed is not None)
                if request.seed is not None:
                    self.seed.setValue(min(int(request.seed), 2**31 - 1))
            for param in spec.extra_params:
                widget = self.extras[param.name]
                value = extra.get(param.name, param.default)
                if value is None:
                    continue
                if isinstance(widget, QComboBox):
                    _select(widget, value)
                elif isinstance(widget, QCheckBox):
                    widget.setChecked(bool(value))
                elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
                    widget.setValue(value)
                elif isinstance(widget, QLineEdit):
                    widget.setText(str(value))
        finally:
            self._loading = False

    def mark_impossible(self, request: GenerationRequest, probe: Probe) -> None:
        """Disable each option that would make ``request`` invalid, with the reason as tooltip."""
        base = probe(request)

        def check(combo: QComboBox | None, field: str) -> None:
            if combo is None:
                return
            model = combo.model()
            if not isinstance(model, QStandardItemModel):
                return
            for i in range(combo.count()):
                candidate = replace(request, **{field: combo.itemData(i)})
                error = probe(candidate)
                bad = error is not None and error != base
                item = model.item(i)
                item.setEnabled(not bad)
                item.setToolTip(error if bad else "")

        if isinstance(self.duration, QComboBox):
            check(self.duration, "duration")
        check(self.aspect, "aspect_ratio")
        check(self.resolution, "resolution")
        if self.audio is not None and self.spec is not None and not self.spec.audio_always:
            flipped = replace(request, audio=not self.audio.isChecked())
            error = probe(flipped)
            bad = error is not None and error != base
            if bad:
                self.audio.setEnabled(False)
                self.audio.setToolTip(error)
            else:
                self.audio.setEnabled(True)
                self.audio.setToolTip("")

    # -- emit ------------------------------------------------------------------------

    def _emit(self, field: str, value: Any) -> None:
        if not self._loading:
            self.changed.emit({field: value})

    def _emit_extra(self, name: str, value: Any) -> None:
        if not self._loading:
            self.changed.emit({"extra": {name: value}})

    def _seed_toggled(self, on: bool) -> None:
        assert self.seed is not None
        self.seed.setEnabled(on)
        if not self._loading:
            self.changed.emit({"seed": int(self.seed.value()) if on else None})


def _select(combo: QComboBox, value: Any) -> None:
    for i in range(combo.count()):
        data = combo.itemData(i)
        if data == value or (isinstance(data, float) and isinstance(value, (int, float)) and abs(data - value) < 1e-6):
            combo.setCurrentIndex(i)
            return
