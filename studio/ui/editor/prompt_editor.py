"""The prompt editor: edits the selected shot's prompt, model, inputs and parameters.

The shot is the single source of truth. Every control change becomes an undoable
:class:`~studio.ui.storyboard.commands.UpdateShotCommand`; the editor reloads itself from the
shot whenever the project reports the shot changed (so undo/redo shows up here too).

The image inputs (importing, fitting to the model's size, drops) are :mod:`.image_slots`; the
request a shot describes is :mod:`.request`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studio.core.errors import StudioError
from studio.core.modelspec import ModelSpec
from studio.core.project import Project, Shot
from studio.core.request import GenerationRequest, validate

from .. import style
from ..async_utils import EventBridge, user_message
from ..storyboard.commands import UpdateShotCommand
from .assistant_panel import AssistantPanel
from .image_slots import FIT_MODES, FRAME_SLOTS, ImageSlots, slot_name
from ..i18n import format_cost, format_seconds_short
from ..model_status import describe_status, price_summary, status_word
from ..a11y import name
from PySide6.QtCore import QCoreApplication
from .images import FitPreview, ImageZone, PixmapCache, parse_fitted
from .params import ParamPanel, validation_error
from .prompt_text import PromptTextEdit
from .request import shot_request

__all__ = ["FIT_MODES", "FRAME_SLOTS", "PromptEditor", "PromptTextEdit", "shot_request"]


def _dot(colour: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(Qt.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.Antialiasing)
    p.setBrush(QColor(colour))
    p.setPen(Qt.NoPen)
    p.drawEllipse(1, 1, 10, 10)
    p.end()
    return QIcon(pix)




class PromptEditor(ImageSlots, QWidget):
    """Edits one shot of one project. ``generate_requested(shot_id)`` asks the window to run it."""

    generate_requested = Signal(str)
    message = Signal(str)

    def __init__(self, services: Any, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.project: Project | None = None
        self.project_dir: Path | None = None
        self.shot_id: str | None = None
        self.spec: ModelSpec | None = None
        self._loading = False
        self._bridge: EventBridge | None = None
        self._fit_mode = "crop"
        self.cache = PixmapCache(capacity=48, parent=self)
        self.setAcceptDrops(True)
        self._build()
        self._set_enabled(False)

    # -- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        name(scroll, self.tr("Shot editor"), self.tr("The selected shot's model, prompt, images and parameters"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(12, 10, 12, 12)
        lay.setSpacing(style.SPACING)

        self.shot_label = QLabel(self.tr("No shot selected"))
        self.shot_label.setStyleSheet("font-size: 13pt; font-weight: 600;")
        lay.addWidget(self.shot_label)

        # model picker
        model_row = QHBoxLayout()
        model_label = QLabel(self.tr("Model"))
        model_label.setMinimumWidth(60)
        self.model_combo = QComboBox()
        name(self.model_combo, self.tr("Model"), self.tr("The video model for this shot, with its price and status"))
        self.model_combo.setObjectName("model")
        self.model_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.model_combo.setMinimumContentsLength(18)
        self.model_combo.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        for spec in self.services.catalog.all():
            colour = style.STATUS_COLOURS.get(spec.status.state, style.TEXT_DIM)
            text = f"{spec.name}  ·  {price_summary(spec)}"
            if spec.status.state != "live":
                text += "  ·  " + status_word(spec.status.state)
            self.model_combo.addItem(_dot(colour), text, spec.id)
            idx = self.model_combo.count() - 1
            self.model_combo.setItemData(idx, f"{spec.id}\n{spec.description}\n" + self.tr("Status: %1").replace("%1", describe_status(spec.status)), Qt.ToolTipRole)
        self.model_combo.currentIndexChanged.connect(self._model_picked)
        model_row.addWidget(model_label)
        model_row.addWidget(self.model_combo, 1)
        lay.addLayout(model_row)
        self.model_status = QLabel()
        self.model_status.setObjectName("warning")
        self.model_status.setWordWrap(True)
        self.model_status.hide()
        lay.addWidget(self.model_status)

        # prompt
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Prompt")))
        head.addStretch(1)
        self.counter = QLabel("0")
        self.counter.setObjectName("dim")
        head.addWidget(self.counter)
        lay.addLayout(head)
        self.prompt = PromptTextEdit()
        name(self.prompt, self.tr("Prompt"), self.tr("What the shot shows: subject, action, camera, light, mood. Ctrl+Enter generates."))
        self.prompt.setObjectName("prompt")
        self.prompt.setPlaceholderText(self.tr("Describe the shot: subject, action, camera, light, mood…"))
        self.prompt.textChanged.connect(self._prompt_edited)
        lay.addWidget(self.prompt, 1)  # the prompt takes any spare height
        self.assistant = AssistantPanel(self.services, self._assistant_context)
        self.assistant.accepted.connect(self._assistant_accepted)
        lay.addWidget(self.assistant)

        self.negative_label = QLabel(self.tr("Negative prompt"))
        self.negative = QLineEdit()
        name(self.negative, self.tr("Negative prompt"), self.tr("What the model should avoid (optional)"))
        self.negative.setObjectName("negative_prompt")
        self.negative.setPlaceholderText(self.tr("What to avoid (optional)"))
        self.negative.textEdited.connect(lambda t: self._push({"negative_prompt": t}, merge=True))
        lay.addWidget(self.negative_label)
        lay.addWidget(self.negative)

        # images
        images_head = QHBoxLayout()
        images_head.addWidget(QLabel(self.tr("Images")))
        images_head.addStretch(1)
        images_head.addWidget(QLabel(self.tr("Fit")))
        self.fit_combo = QComboBox()
        self.fit_combo.setObjectName("fit_mode")
        self.fit_combo.addItem(self.tr("Crop to fill"), "crop")
        self.fit_combo.addItem(self.tr("Pad (letterbox)"), "pad")
        self.fit_combo.setToolTip(self.tr("How a first or last frame is fitted to the model's exact size"))
        self.fit_combo.setAccessibleName(self.tr("Fit"))
        self.fit_combo.currentIndexChanged.connect(self._fit_mode_picked)
        images_head.addWidget(self.fit_combo)
        lay.addLayout(images_head)
        self.zones: dict[str, ImageZone] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(8)
        for col, (slot, title) in enumerate(
            (("first_frame", self.tr("First frame")), ("last_frame", self.tr("Last frame")), ("reference_images", self.tr("References")))
        ):
            zone = ImageZone(slot, title, self.cache)
            zone.files_dropped.connect(lambda files, s=slot: self.assign_images(s, files))
            zone.clear_requested.connect(lambda s=slot: self._clear_slot(s))
            self.zones[slot] = zone
            if slot == "reference_images":
                grid.addWidget(zone, 1, 0, 1, 2)
            else:
                grid.addWidget(zone, 0, col)
        lay.addLayout(grid)
        preview_row = QHBoxLayout()
        self.fit_preview = FitPreview()
        self.fit_preview.setFixedSize(QSize(240, 144))
        self.fit_preview.crop_chosen.connect(self._crop_moved)
        self.fit_caption = QLabel(self.tr("The first frame, exactly as it will be sent, appears here."))
        self.fit_caption.setObjectName("dim")
        self.fit_caption.setWordWrap(True)
        preview_row.addWidget(self.fit_preview)
        preview_row.addWidget(self.fit_caption, 1)
        lay.addLayout(preview_row)

        # parameters
        params_head = QLabel(self.tr("Parameters"))
        lay.addWidget(params_head)
        self.params = ParamPanel()
        self.params.changed.connect(self._params_edited)
        lay.addWidget(self.params)

        # validation, cost and generate
        self.problem = QLabel()
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        lay.addWidget(self.problem)
        self.warnings = QLabel()
        self.warnings.setObjectName("warning")
        self.warnings.setWordWrap(True)
        self.warnings.hide()
        lay.addWidget(self.warnings)
        bottom = QHBoxLayout()
        self.cost = QLabel("—")
        self.cost.setObjectName("cost")
        self.cost.setWordWrap(True)
        self.generate = QPushButton(self.tr("Generate"))
        self.generate.setObjectName("primary")
        self.generate.setToolTip(self.tr("Generate this shot (Ctrl+Enter)"))
        self.generate.clicked.connect(self._generate_clicked)
        bottom.addWidget(self.cost, 1)
        bottom.addWidget(self.generate)
        # pinned below the scrolling form: cost and Generate are always in view
        bar = QFrame()
        bar.setObjectName("generateBar")
        bar.setStyleSheet(f"QFrame#generateBar {{ border-top: 1px solid {style.BORDER}; }}")
        bottom.setContentsMargins(12, 8, 12, 8)
        bar.setLayout(bottom)
        outer.addWidget(bar)
        # Ctrl+Enter belongs to the window's Generate action alone: a second shortcut for the
        # same keys here made Qt call the pair ambiguous, and neither fired.

    def _set_enabled(self, on: bool) -> None:
        for w in (self.model_combo, self.prompt, self.negative, self.fit_combo, self.params, self.generate, *self.zones.values()):
            w.setEnabled(on)

    # -- context ---------------------------------------------------------------------

    def set_project(self, project: Project | None, project_dir: Path | None) -> None:
        if self._bridge is not None:
            self._bridge.detach()
            self._bridge.deleteLater()
            self._bridge = None
        self.project = project
        self.project_dir = Path(project_dir) if project_dir else None
        self.shot_id = None
        if project is not None:
            self._bridge = EventBridge(project.changed, self)
            self._bridge.fired.connect(self._on_project_changed)
        self.set_shot(project.shots[0].id if project and project.shots else None)

    def set_shot(self, shot_id: str | None) -> None:
        self.shot_id = shot_id
        self.reload()

    def shot(self) -> Shot | None:
        if self.project is None or self.shot_id is None:
            return None
        try:
            return self.project.shot(self.shot_id)
        except KeyError:
            return None

    def _on_project_changed(self, args: tuple) -> None:
        kind, shot_id = (args + (None, None))[:2]
        if kind == "removed" and shot_id == self.shot_id:
            self.set_shot(None)
        elif shot_id == self.shot_id or kind == "settings":
            self.reload()

    # -- shot → widgets --------------------------------------------------------------

    def reload(self) -> None:
        try:
            self._reload()
        finally:
            self.assistant.refresh()

    def _reload(self) -> None:
        shot = self.shot()
        self._loading = True
        try:
            if shot is None:
                self._set_enabled(False)
                self.shot_label.setText(self.tr("No shot selected") if self.project else self.tr("No project open"))
                self.prompt.setPlainText("")
                self.cost.setText("—")
                self.problem.hide()
                self.warnings.hide()
                return
            self._set_enabled(True)
            index = self.project.index_of(shot.id) + 1 if self.project else 0
            self.shot_label.setText(self.tr("Shot %1").replace("%1", str(index)) + (f": {shot.title}" if shot.title else ""))
            try:
                self.spec = self.services.catalog.get(shot.model_id)
            except StudioError:
                self.spec = None
            i = self.model_combo.findData(shot.model_id)
            if i >= 0:
                self.model_combo.setCurrentIndex(i)
            if self.prompt.toPlainText() != shot.prompt:
                self.prompt.setPlainText(shot.prompt)
            if self.negative.text() != (shot.negative_prompt or ""):
                self.negative.setText(shot.negative_prompt or "")
            spec = self.spec
            has_negative = bool(spec and spec.negative_prompt_param)
            self.negative_label.setVisible(has_negative)
            self.negative.setVisible(has_negative)
            if spec is not None:
                self.params.build(spec)
                self.params.load(shot_request(shot, spec), shot.extra or {})
            self._show_model_status()
            self._load_images(shot)
        finally:
            self._loading = False
        self._refresh_checks()

    def _show_model_status(self) -> None:
        spec = self.spec
        shot = self.shot()
        if spec is None:
            self.model_status.setText("⚠ " + self.tr("%1 is not in the catalog. Pick another model.").replace("%1", shot.model_id if shot else self.tr("This model")))
            self.model_status.show()
        elif spec.status.state != "live":
            self.model_status.setText("⚠ " + self.tr("%1 is %2. Generate asks before sending it.").replace("%1", spec.name).replace("%2", describe_status(spec.status)))
            self.model_status.show()
        else:
            self.model_status.hide()

    def _load_images(self, shot: Shot) -> None:
        spec = self.spec
        for slot, zone in self.zones.items():
            values = shot.reference_images if slot == "reference_images" else [getattr(shot, slot)] if getattr(shot, slot) else []
            zone.set_paths([self._abs(v) for v in values])
            reason = None
            if spec is not None and slot not in spec.inputs:
                reason = self.tr("%1 takes no %2.").replace("%1", spec.name).replace("%2", slot_name(slot))
            elif spec is not None and slot == "reference_images":
                zone.title.setText(self.tr("References (up to %1)").replace("%1", str(spec.max_reference_images)))
            zone.set_unavailable(reason)
            if values and reason:
                zone.clear.setEnabled(True)
        fitted = parse_fitted(shot.first_frame) or parse_fitted(shot.last_frame)
        if fitted:
            i = self.fit_combo.findData(fitted[1])
            if i >= 0:
                self.fit_combo.setCurrentIndex(i)
        self._update_fit_preview(shot)

    def _abs(self, rel: str) -> Path:
        p = Path(rel)
        if p.is_absolute() or self.project_dir is None:
            return p
        return self.project_dir / p

    # -- checks, cost --------------------------------------------------------------------

    def current_request(self) -> GenerationRequest | None:
        shot = self.shot()
        return shot_request(shot, self.spec) if shot else None

    def _refresh_checks(self) -> None:
        shot = self.shot()
        spec = self.spec
        if shot is None:
            return
        limit = spec.max_prompt_length if spec else None
        length = len(shot.prompt.strip())
        if limit:
            self.counter.setText(f"{length} / {limit}")
            self.counter.setObjectName("counterOver" if length > limit else "dim")
        else:
            self.counter.setText(QCoreApplication.translate("PromptEditor", "%n character(s)", "", length))
            self.counter.setObjectName("dim")
        self.counter.style().unpolish(self.counter)
        self.counter.style().polish(self.counter)
        if spec is None:
            self.problem.setText(self.tr("This shot's model is not in the catalog; pick another model."))
            self.problem.show()
            self.generate.setEnabled(False)
            return
        request = shot_request(shot, spec)

        def probe(req: GenerationRequest) -> str | None:
            # a placeholder prompt so an empty prompt does not mask every other problem
            if not req.prompt.strip():
                req = replace(req, prompt="x")
            return validation_error(spec, req)

        self.params.mark_impossible(request, probe)
        try:
            validated = validate(spec, request, allow_retired=True)
        except StudioError as exc:
            self.problem.setText(exc.user_message)
            self.problem.show()
            self.warnings.hide()
            self.cost.setText(self.tr("Cannot generate yet"))
            self.generate.setEnabled(False)
            self.generate.setToolTip(exc.user_message)
            return
        self.problem.hide()
        warnings = list(validated.warnings)
        fitted = parse_fitted(shot.first_frame)
        if fitted and fitted[2] != validated.size:
            warnings.append(
                self.tr("The first frame was fitted to %1; it is refitted to %2.")
                .replace("%1", f"{fitted[2][0]}×{fitted[2][1]}").replace("%2", f"{validated.size[0]}×{validated.size[1]}")
            )
        self.warnings.setText("\n".join(f"• {w}" for w in warnings))
        self.warnings.setVisible(bool(warnings))
        w, h = validated.size
        if validated.cost == 0:
            price = self.tr("Free (offline animatic)") if spec.is_offline else self.tr("Free")
        else:
            price = format_cost(validated.cost)
        self.cost.setText(f"{price}  ·  {format_seconds_short(validated.duration)}  ·  {w}×{h}")
        # A retired or paused model may still answer (a gateway, a pause lifted): Generate asks first.
        usable = spec.status.usable
        self.generate.setEnabled(True)
        self.generate.setToolTip(
            self.tr("Generate this shot (Ctrl+Enter)") if usable else self.tr("%1 is %2; Studio asks first.").replace("%1", spec.name).replace("%2", describe_status(spec.status))
        )
        self._ensure_fitted(shot, validated.size)

    # -- edits → commands ----------------------------------------------------------------

    def _push(self, changes: dict[str, Any], *, merge: bool = False, text: str | None = None) -> None:
        if self._loading or self.project is None or self.shot_id is None:
            return
        shot = self.shot()
        if shot is None:
            return
        if all(getattr(shot, k) == v for k, v in changes.items()):
            return
        self.undo_stack.push(UpdateShotCommand(self.project, self.shot_id, changes, text, merge=merge))

    def _prompt_edited(self) -> None:
        if self._loading:
            return
        self._push({"prompt": self.prompt.toPlainText()}, merge=True)

    def _params_edited(self, changes: dict) -> None:
        shot = self.shot()
        if shot is None:
            return
        if "extra" in changes:
            extra = dict(shot.extra or {})
            extra.update(changes["extra"])
            changes = {"extra": extra}
        self._push(changes)

    def _model_picked(self, _index: int) -> None:
        if self._loading:
            return
        shot = self.shot()
        model_id = self.model_combo.currentData()
        if shot is None or not model_id or model_id == shot.model_id:
            return
        spec = self.services.catalog.get(model_id)
        changes: dict[str, Any] = {"model_id": model_id}
        # keep what the new model can do; fall back to its defaults for the rest
        if not spec.durations.allows(shot.duration):
            changes["duration"] = spec.default_duration
        if shot.aspect_ratio and shot.aspect_ratio not in spec.aspect_ratios:
            changes["aspect_ratio"] = None
        if shot.resolution and shot.resolution not in spec.resolutions:
            changes["resolution"] = None
        if shot.audio is not None and not spec.audio_supported:
            changes["audio"] = None
        if shot.negative_prompt and not spec.negative_prompt_param:
            changes["negative_prompt"] = ""
        if shot.seed is not None and not spec.seed_param:
            changes["seed"] = None
        known = {p.name for p in spec.extra_params}
        if shot.extra and any(k not in known for k in shot.extra):
            changes["extra"] = {k: v for k, v in shot.extra.items() if k in known}
        self._push(changes, text=self.tr("Change model to %1").replace("%1", spec.name))

    def _fit_mode_picked(self, _index: int) -> None:
        self._fit_mode = self.fit_combo.currentData() or "crop"
        if self._loading:
            return
        shot = self.shot()
        if shot is not None:
            self._refresh_checks()

    def _clear_slot(self, slot: str) -> None:
        self._push({slot: [] if slot == "reference_images" else None}, text=self.tr("Clear %1").replace("%1", slot_name(slot)))

    # -- assistant ---------------------------------------------------------------------

    def _assistant_context(self) -> tuple[Shot, ModelSpec | None, Path | None] | None:
        shot = self.shot()
        if shot is None:
            return None
        return shot, self.spec, self._abs(shot.first_frame) if shot.first_frame else None

    def _assistant_accepted(self, shot_id: str, changes: dict) -> None:
        if self.project is None:
            return
        # one command: the prompt and, for a meme, its duration and aspect undo together
        self.undo_stack.push(UpdateShotCommand(self.project, shot_id, changes, self.tr("Accept assistant prompt")))

    # -- generate ----------------------------------------------------------------------

    def _generate_clicked(self) -> None:
        if self.shot_id is None or not self.generate.isEnabled():
            return
        self.generate_requested.emit(self.shot_id)

    def _report(self, exc: BaseException) -> None:
        self.message.emit(user_message(exc))
