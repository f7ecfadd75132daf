"""The storyboard dock: toolbar, the scrolling timeline canvas and the selected shot's inspector
(take picker, continuity, transition, trim)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from studio.core.project import CONTINUITY_MODES, MIN_TRANSITION, TRANSITIONS, Project, Shot

from .. import style
from .cards import CARD_H, MARGIN
from .cards import continuity_label, mode_name
from ..a11y import name
from PySide6.QtCore import QCoreApplication
from ..i18n import format_seconds, format_seconds_short
from ..async_utils import run_blocking, spawn, user_message
from ..lazy_media import media
from .commands import AddShotsCommand, AddTakeCommand, RemoveTakeCommand
from .model import ShotListModel
from .story_split import StorySplitDialog
from .takes_controls import TakesControls
from .timeline import TimelineCanvas


class StoryboardPanel(QWidget):
    """Toolbar + timeline + inspector of the selected shot."""

    current_changed = Signal(str)
    shot_activated = Signal(str)
    generate_requested = Signal(str)
    generate_all_requested = Signal()
    play_toggle_requested = Signal()  # Space on the timeline
    first_frame_dropped = Signal(str, list)  # shot id, image files
    message = Signal(str)
    derive_requested = Signal(str, str)  # shot id, "remix" | "edit" | "extend"

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None, *, services: Any = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.services = services
        self.split_dialog: StorySplitDialog | None = None
        self.compare_dialog = None
        self.model: ShotListModel | None = None
        self.canvas: TimelineCanvas | None = None
        self._loading = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 8)
        lay.setSpacing(6)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.add_button = QPushButton(self.tr("Add shot"))
        self.add_button.setToolTip(self.tr("Add a shot after the selected one (Ctrl+Shift+N)"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.generate_all_button = QPushButton(self.tr("Generate missing"))
        self.generate_all_button.setToolTip(self.tr("Generate every shot that has no take yet, honouring continuity"))
        self.split_button = QPushButton(self.tr("Split story…"))
        self.split_button.setToolTip(self.tr("Write shots from a story, with a continuity pass"))
        self.summary = QLabel()
        self.summary.setObjectName("dim")
        self.zoom = QSlider(Qt.Horizontal)
        name(self.zoom, self.tr("Timeline zoom"), self.tr("How wide a second of video is drawn on the timeline"))
        self.zoom.setRange(12, 240)
        self.zoom.setValue(40)
        self.zoom.setFixedWidth(120)
        self.zoom.setToolTip(self.tr("Zoom (Ctrl+wheel on the timeline)"))
        self.takes_controls = TakesControls(services)
        self.takes_controls.setToolTip(self.tr("Takes each Generate and Generate missing makes, and on which models"))
        for w in (self.add_button, self.duplicate_button, self.delete_button, self.split_button, self.generate_all_button,
                  self.takes_controls):
            bar.addWidget(w)
        bar.addSpacing(12)
        bar.addWidget(self.summary, 1)
        zl = QLabel(self.tr("Zoom"))
        zl.setObjectName("dim")
        bar.addWidget(zl)
        bar.addWidget(self.zoom)
        lay.addLayout(bar)

        self.scroll = QScrollArea()
        name(self.scroll, self.tr("Timeline"), self.tr("The shots in cut order"))
        self.scroll.setWidgetResizable(False)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setFixedHeight(CARD_H + 2 * MARGIN + 14)
        self.scroll.setStyleSheet(f"QScrollArea {{ background: {style.BG}; border: 1px solid {style.BORDER}; border-radius: 4px; }}")
        lay.addWidget(self.scroll)

        insp = QHBoxLayout()
        insp.setSpacing(6)
        self.compare_button = QPushButton(self.tr("Compare…"))
        self.compare_button.setObjectName("compare_takes")
        self.compare_button.setAccessibleName(self.tr("Compare the shot's takes"))
        self.compare_button.setToolTip(self.tr("Play the shot's takes side by side and choose one"))
        self.delete_take_button = QPushButton(self.tr("Delete take"))
        self.delete_take_button.setObjectName("delete_take")
        self.delete_take_button.setAccessibleName(self.tr("Delete the chosen take"))
        self.delete_take_button.setToolTip(self.tr("Remove the chosen take from the shot; its clip stays in History"))
        self.take_combo = QComboBox()
        self.take_combo.setObjectName("take")
        self.take_combo.setMinimumContentsLength(14)
        self.take_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.continuity_combo = QComboBox()
        self.continuity_combo.setObjectName("continuity")
        for mode in CONTINUITY_MODES:
            self.continuity_combo.addItem(mode_name(mode), mode)
            self.continuity_combo.setItemData(self.continuity_combo.count() - 1, continuity_label(mode), Qt.ToolTipRole)
        self.transition_combo = QComboBox()
        self.transition_combo.setObjectName("transition")
        for mode in TRANSITIONS:
            self.transition_combo.addItem(mode_name(mode), mode)
        self.transition_length = QDoubleSpinBox()
        self.transition_length.setObjectName("transition_length")
        self.transition_length.setAccessibleName(self.tr("Crossfade length"))
        self.transition_length.setAccessibleDescription(
            self.tr("How long the crossfade into this shot lasts, up to the shorter of the two shots")
        )
        self.trim_in = QDoubleSpinBox()
        self.trim_out = QDoubleSpinBox()
        for spin in (self.transition_length, self.trim_in, self.trim_out):
            spin.setDecimals(2)
            spin.setSingleStep(0.1)
            spin.setSuffix(self.tr(" s"))
            spin.setKeyboardTracking(False)
        for label, widget in (
            (self.tr("Take"), self.take_combo),
            (self.tr("Continuity"), self.continuity_combo),
            (self.tr("Transition in"), self.transition_combo),
            (self.tr("for"), self.transition_length),
            (self.tr("Trim in"), self.trim_in),
            (self.tr("out"), self.trim_out),
        ):
            caption = QLabel(label)
            caption.setObjectName("dim")
            insp.addWidget(caption)
            insp.addWidget(widget)
            if widget is self.take_combo:
                insp.addWidget(self.compare_button)
                insp.addWidget(self.delete_take_button)
            insp.addSpacing(6)
        insp.addStretch(1)
        lay.addLayout(insp)
        name(self.take_combo, self.tr("Take"), self.tr("Which of the selected shot's takes goes into the cut"))
        name(self.continuity_combo, self.tr("Continuity"), self.tr("How the selected shot starts from the one before it"))
        name(self.transition_combo, self.tr("Transition in"), self.tr("Cut or crossfade from the previous shot"))
        name(self.trim_in, self.tr("Trim in"), self.tr("Seconds cut from the start of the chosen take"))
        name(self.trim_out, self.tr("Trim out"), self.tr("Where the chosen take ends, in seconds"))

        self.add_button.clicked.connect(lambda: self.canvas and self.canvas.add_shot())
        self.duplicate_button.clicked.connect(lambda: self.canvas and self.canvas.current_id and self.canvas.duplicate_shot(self.canvas.current_id))
        self.delete_button.clicked.connect(lambda: self.canvas and self.canvas.current_id and self.canvas.delete_shot(self.canvas.current_id))
        self.generate_all_button.clicked.connect(self.generate_all_requested)
        self.split_button.clicked.connect(self.open_split)
        self.compare_button.clicked.connect(lambda: self.open_compare(self.current_shot_id()))
        self.delete_take_button.clicked.connect(self.delete_chosen_take)
        self.zoom.valueChanged.connect(lambda v: self.canvas and self.canvas.set_zoom(float(v)))
        self.take_combo.activated.connect(self._take_picked)
        self.continuity_combo.activated.connect(lambda _i: self._set(continuity=self.continuity_combo.currentData()))
        self.transition_combo.activated.connect(lambda _i: self._set(transition=self.transition_combo.currentData()))
        self.transition_length.valueChanged.connect(lambda v: self._set(transition_duration=round(float(v), 2)))
        self.trim_in.valueChanged.connect(lambda v: self._set(trim_in=round(float(v), 2)))
        self.trim_out.valueChanged.connect(self._trim_out_changed)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        self.setMaximumHeight(self.sizeHint().height() + 4)
        self._refresh_inspector()

    def set_project(self, project: Project | None, project_dir: Path | None) -> None:
        if self.model is not None:
            self.model.detach()
            self.model.deleteLater()
        if self.canvas is not None:
            self.scroll.takeWidget()
            self.canvas.deleteLater()
        self.model = None
        self.canvas = None
        if project is not None:
            self.model = ShotListModel(project, self.undo_stack, self)
            self.canvas = TimelineCanvas(self.model, self.undo_stack, Path(project_dir) if project_dir else None)
            self.canvas.set_zoom(float(self.zoom.value()))
            self.scroll.setWidget(self.canvas)
            self.canvas.current_changed.connect(self._current_changed)
            self.canvas.shot_activated.connect(self.shot_activated)
            self.canvas.generate_requested.connect(self.generate_requested)
            self.canvas.compare_requested.connect(self.open_compare)
            self.canvas.play_toggle_requested.connect(self.play_toggle_requested)
            self.canvas.first_frame_dropped.connect(self.first_frame_dropped)
            self.canvas.message.connect(self.message)
            if self.services is not None:
                self.canvas.store = self.services.projects
            self.canvas.derive_requested.connect(self.derive_requested)
            if self.services is not None:
                from studio.services.derive import derive_options

                self.canvas.derive_options = lambda shot: derive_options(self.services, shot)
            self.model.shot_changed.connect(self._shot_changed)
            ids = self.model.shot_ids()
            self.canvas.set_current(ids[0] if ids else None)
        self._refresh_inspector()

    def current_shot_id(self) -> str | None:
        return self.canvas.current_id if self.canvas else None

    def select(self, shot_id: str | None) -> None:
        if self.canvas is not None:
            self.canvas.set_current(shot_id)

    def set_job_text(self, shot_id: str, text: str | None) -> None:
        if self.canvas is None:
            return
        if self.canvas.job_text.get(shot_id) == text:
            return
        if text:
            self.canvas.job_text[shot_id] = text
        else:
            self.canvas.job_text.pop(shot_id, None)
        rect = self.canvas.card_rect(shot_id)
        if rect is not None:
            self.canvas.update(rect.adjusted(-2, -2, 2, 2))

    # Another shot's edit or take leaves the inspector's shot as it is: only the summary and the
    # crossfade's limit (its neighbour's length) can move. A hundred takes attaching must not
    # rebuild the inspector a hundred times.
    _OTHER_SHOT_KINDS = ("updated", "take_added", "take_removed", "take_chosen")

    def _shot_changed(self, kind: str, shot_id: str) -> None:
        if shot_id and shot_id != self.current_shot_id() and kind in self._OTHER_SHOT_KINDS:
            self._update_summary()
            shot = self._shot()
            if shot is not None and self.canvas is not None:  # a neighbour's trim moves the crossfade's limit
                self._loading = True
                try:
                    self._refresh_transition_length(shot, self.canvas.project.index_of(shot.id) == 0)
                finally:
                    self._loading = False
        else:
            self._refresh_inspector()

    def _update_summary(self) -> None:
        if self.canvas is None:
            self.summary.setText("")
            return
        project = self.canvas.project
        missing = len(project.shots_without_take())
        count = len(project.shots)  # a plain name: lupdate reads no call as the count
        text = QCoreApplication.translate("StoryboardPanel", "%n shot(s)", "", count) + "  ·  " + format_seconds(project.duration)
        if missing:
            text += "  ·  " + QCoreApplication.translate("StoryboardPanel", "%n without a take", "", missing)
        if text != self.summary.text():
            self.summary.setText(text)

    def _current_changed(self, shot_id: str) -> None:
        self._refresh_inspector()
        self.current_changed.emit(shot_id)

    def _shot(self) -> Shot | None:
        if self.canvas is None or not self.canvas.current_id:
            return None
        try:
            return self.canvas.project.shot(self.canvas.current_id)
        except KeyError:
            return None

    def _refresh_inspector(self) -> None:
        shot = self._shot()
        self._loading = True
        try:
            has = shot is not None
            for w in (self.take_combo, self.compare_button, self.delete_take_button, self.continuity_combo,
                      self.transition_combo, self.transition_length, self.trim_in, self.trim_out,
                      self.duplicate_button, self.delete_button):
                w.setEnabled(has)
            self.add_button.setEnabled(self.canvas is not None)
            self.split_button.setEnabled(self.canvas is not None and self.services is not None)
            self.generate_all_button.setEnabled(self.canvas is not None and bool(self.model and self.model.rowCount()))
            self._update_summary()
            self.take_combo.clear()
            if not has:
                return
            assert shot is not None
            if not shot.takes:
                self.take_combo.addItem(self.tr("No takes yet"), None)
                self.take_combo.setEnabled(False)
            self.compare_button.setEnabled(bool(shot.takes) and self.services is not None)
            self.delete_take_button.setEnabled(shot.chosen_take is not None)
            for i, take in enumerate(shot.takes):
                self.take_combo.addItem(self.tr("Take %1 · %2").replace("%1", str(i + 1)).replace("%2", format_seconds(take.duration)), take.id)
                self.take_combo.setItemData(i, f"{take.model_id}\n{take.path}", Qt.ToolTipRole)
                if take.id == shot.chosen_take_id:
                    self.take_combo.setCurrentIndex(i)
            self.continuity_combo.setCurrentIndex(max(0, self.continuity_combo.findData(shot.continuity)))
            first = self.canvas is not None and self.canvas.project.index_of(shot.id) == 0
            self.transition_combo.setCurrentIndex(max(0, self.transition_combo.findData(shot.transition)))
            self.transition_combo.setEnabled(not first)
            self.transition_combo.setToolTip(self.tr("The first shot has no incoming transition.") if first else self.tr("How this shot follows the previous one"))
            self._refresh_transition_length(shot, first)
            take = shot.chosen_take
            length = take.duration if take and take.duration else shot.duration
            self.trim_in.setRange(0.0, max(0.0, length - 0.1))
            self.trim_out.setRange(0.1, max(0.1, length))
            self.trim_in.setValue(shot.trim_in)
            self.trim_out.setValue(shot.trim_out if shot.trim_out is not None else length)
            self.trim_in.setEnabled(take is not None)
            self.trim_out.setEnabled(take is not None)
            if take is None:
                self.trim_in.setToolTip(self.tr("Generate a take first; trims apply to the chosen take."))
                self.trim_out.setToolTip(self.tr("Generate a take first; trims apply to the chosen take."))
        finally:
            self._loading = False

    def _refresh_transition_length(self, shot: Shot, first: bool) -> None:
        """The crossfade's length: 0.1 s up to the shorter neighbour, as the project clamps it."""
        spin = self.transition_length
        limit = 0.0 if self.canvas is None or first else self.canvas.project.transition_limit(shot.id)
        fades = shot.transition == "crossfade" and limit >= MIN_TRANSITION
        if fades:
            spin.setRange(MIN_TRANSITION, limit)
            spin.setValue(self.canvas.project.transition_seconds(shot.id))
        else:  # not in use: shows the length a crossfade here would start from
            spin.setRange(0.0, 60.0)
            spin.setValue(shot.transition_duration)
        spin.setEnabled(fades)
        if fades:
            spin.setToolTip(self.tr("Crossfade length: {low} up to {high} (the shorter of the two shots)")
                            .format(low=format_seconds_short(MIN_TRANSITION), high=format_seconds(limit, 2)))
        else:
            spin.setToolTip(self.tr("Choose a crossfade to set its length."))

    def _set(self, **changes: Any) -> None:
        if self._loading or self.canvas is None or not self.canvas.current_id:
            return
        self.canvas.set_field(self.canvas.current_id, **changes)

    def _trim_out_changed(self, value: float) -> None:
        shot = self._shot()
        if shot is None or self._loading:
            return
        take = shot.chosen_take
        length = take.duration if take and take.duration else shot.duration
        self._set(trim_out=None if abs(value - length) < 1e-6 else round(float(value), 2))

    def _take_picked(self, index: int) -> None:
        if self._loading or self.canvas is None or not self.canvas.current_id:
            return
        take_id = self.take_combo.itemData(index)
        if take_id:
            self.canvas.choose_take(self.canvas.current_id, take_id)

    # -- takes ---------------------------------------------------------------------------

    def open_compare(self, shot_id: str | None, *, multimedia: bool | None = None):
        """Open the compare view of a shot's takes (window-modal, not blocking the event loop)."""
        if self.canvas is None or self.services is None or not shot_id or self.canvas.project_dir is None:
            return None
        from ..compare import CompareDialog

        if self.compare_dialog is not None:
            self.compare_dialog.close()
        dialog = CompareDialog(self.services, self.canvas.project, self.canvas.project_dir, shot_id, self.undo_stack,
                               self, multimedia=multimedia)  # fmt: skip
        dialog.message.connect(self.message)
        return self._open_dialog(dialog, "compare_dialog")

    def delete_chosen_take(self) -> None:
        """Remove the selected shot's chosen take (undoable); its clip stays in the History library."""
        shot = self._shot()
        if shot is None or shot.chosen_take is None or self.canvas is None:
            return
        self.undo_stack.push(RemoveTakeCommand(self.canvas.project, shot.id, shot.chosen_take_id))
        self.message.emit(self.tr("The take was removed from the shot; its clip is still in the History library."))

    def add_take_from_job(self, job) -> None:
        """Make a finished job's clip (from the History library) a take of the selected shot (undoable)."""
        shot = self._shot()
        if shot is None or self.canvas is None or self.canvas.project_dir is None or self.services is None:
            self.message.emit(self.tr("Select a shot first."))
            return
        if any(take.job_id == job.id for take in shot.takes):
            self.message.emit(self.tr("That clip is already a take of this shot."))
            return
        project, folder, shot_id = self.canvas.project, self.canvas.project_dir, shot.id

        async def add() -> None:
            info = await run_blocking(media.probe, job.output_path)
            take = await run_blocking(self.services.projects.take_for_job, folder, job, info)
            if self.canvas is not None and self.canvas.project is project:
                self.undo_stack.push(AddTakeCommand(project, shot_id, take))
                self.message.emit(self.tr("The clip is now the shot's chosen take."))

        spawn(add(), on_error=lambda error: self.message.emit(user_message(error)))

    # -- story to shots ------------------------------------------------------------------

    def open_split(self) -> StorySplitDialog | None:
        """Open the story splitter (window-modal, not blocking the event loop)."""
        if self.canvas is None or self.services is None:
            return None
        shot = self._shot()
        model_id = shot.model_id if shot else self.services.settings.get("default_model")
        dialog = StorySplitDialog(self.services, model_id, self)
        dialog.shots_accepted.connect(self.add_story_shots)
        return self._open_dialog(dialog, "split_dialog")

    def _open_dialog(self, dialog, attribute: str):
        """Show ``dialog`` window-modal without blocking the loop; ``self.<attribute>`` holds it while open."""
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        setattr(self, attribute, dialog)
        dialog.destroyed.connect(lambda *_: setattr(self, attribute, None))
        dialog.open()
        return dialog

    def add_story_shots(self, result) -> None:
        """Append a split story's shots to the storyboard as one undoable step."""
        if self.canvas is None or not result.shots:
            return
        shots = result.to_shots()
        self.undo_stack.push(AddShotsCommand(self.canvas.project, shots, style=result.style))
        self.select(shots[0].id)
