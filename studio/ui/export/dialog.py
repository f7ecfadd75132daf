"""``ExportDialog``: size, frame rate and quality; the stitch plan; export with progress.

The plan (what is copied, what is scaled, where silence is added) is computed in a worker
thread whenever a setting changes, so the person sees what will happen before any work.
The export itself runs off the GUI thread too; Cancel sets the export's threading.Event.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.core.project import Project
from studio.services import export as export_service
from studio.services.media.plan import ExportSettings
from studio.ui.errors import describe_error, set_tone
from studio.ui.async_utils import spawn
from studio.ui.i18n import format_number_short, format_seconds
from studio.ui.a11y import name, name_form_fields
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

log = logging.getLogger(__name__)

# Labels in English, translated where shown (context "ExportDialog").
SIZE_PRESETS: list[tuple[str, tuple[int, int] | None]] = [
    (QT_TRANSLATE_NOOP("ExportDialog", "1080p landscape — 1920×1080"), (1920, 1080)),
    (QT_TRANSLATE_NOOP("ExportDialog", "720p landscape — 1280×720"), (1280, 720)),
    (QT_TRANSLATE_NOOP("ExportDialog", "Vertical 1080p — 1080×1920"), (1080, 1920)),
    (QT_TRANSLATE_NOOP("ExportDialog", "Vertical 720p — 720×1280"), (720, 1280)),
    (QT_TRANSLATE_NOOP("ExportDialog", "Square — 1080×1080"), (1080, 1080)),
    (QT_TRANSLATE_NOOP("ExportDialog", "Custom"), None),
]
FPS_CHOICES = (23.976, 24.0, 25.0, 29.97, 30.0, 50.0, 60.0)
QUALITY_PRESETS = [
    ("draft", QT_TRANSLATE_NOOP("ExportDialog", "Draft — fast, larger artefacts")),
    ("standard", QT_TRANSLATE_NOOP("ExportDialog", "Standard — good for sharing")),
    ("high", QT_TRANSLATE_NOOP("ExportDialog", "High — slower, best picture")),
]


def default_output(project: Project, project_dir: Path) -> Path:
    name = re.sub(r"[^\w\- ]+", "", project.title or "").strip() or "export"
    return Path(project_dir) / "exports" / f"{name}.mp4"


class _Relay(QObject):
    """Carries progress from the export's worker thread to the GUI thread (a queued signal)."""

    progress = Signal(float)


class ExportDialog(QDialog):
    """Export the project's cut to one video file.

    ``exported(path)`` fires when the file is written.
    """

    exported = Signal(str)

    def __init__(self, services: Any, project: Project, project_dir: Path | str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export — %1").replace("%1", project.title or self.tr("Untitled")))
        self.services = services
        self.project = project
        self.project_dir = Path(project_dir)
        self._cancel: threading.Event | None = None
        self._export_task: asyncio.Task | None = None
        self._plan_token = 0
        self._plan = None
        self._result_path: Path | None = None
        self._close_when_done = False
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)

        ps = project.settings
        # -- format --------------------------------------------------------------------------
        format_box = QGroupBox(self.tr("Format"))
        form = QFormLayout(format_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.size_combo = QComboBox()
        project_label = self.tr("Project — %1").replace("%1", f"{ps.width}×{ps.height}")
        self.size_combo.addItem(project_label, (ps.width, ps.height))
        for label, size in SIZE_PRESETS:
            self.size_combo.addItem(self.tr(label), size)
        self.width_spin = QSpinBox()
        self.height_spin = QSpinBox()
        for spin, value in ((self.width_spin, ps.width), (self.height_spin, ps.height)):
            spin.setRange(16, 7680)
            spin.setSingleStep(2)
            spin.setValue(int(value))
            spin.setSuffix(self.tr(" px"))
        size_row = QHBoxLayout()
        size_row.addWidget(self.size_combo, 1)
        size_row.addWidget(self.width_spin)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_spin)
        form.addRow(self.tr("Size"), size_row)
        name(self.size_combo, self.tr("Size"), self.tr("A common size, the project's, or your own below"))
        name(self.width_spin, self.tr("Width"), self.tr("The video's width in pixels"))
        name(self.height_spin, self.tr("Height"), self.tr("The video's height in pixels"))

        self.fps_combo = QComboBox()
        self.fps_combo.setAccessibleDescription(self.tr("Frames per second of the exported video"))
        self.fps_combo.setEditable(False)
        choices = sorted(set(FPS_CHOICES) | {float(ps.fps)})
        for fps in choices:
            rate = format_number_short(fps)
            label = (self.tr("%1 fps (project)") if abs(fps - float(ps.fps)) < 1e-6 else self.tr("%1 fps")).replace("%1", rate)
            self.fps_combo.addItem(label, fps)
        self.fps_combo.setCurrentIndex(self.fps_combo.findData(float(ps.fps)))
        form.addRow(self.tr("Frame rate"), self.fps_combo)

        self.quality_combo = QComboBox()
        self.quality_combo.setAccessibleDescription(self.tr("Encoding speed against picture quality and file size"))
        for key, label in QUALITY_PRESETS:
            self.quality_combo.addItem(self.tr(label), key)
        self.quality_combo.setCurrentIndex(1)
        form.addRow(self.tr("Quality"), self.quality_combo)

        # Copied AAC keeps every join within half a frame (10.7 ms) at remux speed;
        # exact audio re-encodes the sound for sample-exact joins (docs/bench-stitch.md).
        self.exact_audio_check = QCheckBox(self.tr("Exact audio (re-encode the sound; slower)"))
        self.exact_audio_check.setAccessibleName(self.tr("Exact audio"))
        self.exact_audio_check.setAccessibleDescription(
            self.tr("Re-encode the sound as one track so every join is sample-exact, instead of copying it.")
        )
        self.exact_audio_check.setToolTip(
            self.tr(
                "When every clip's sound matches, it is copied and each join stays within 11 ms of the "
                "picture. Tick this to re-encode the sound for sample-exact joins."
            )
        )
        form.addRow("", self.exact_audio_check)

        self.output_edit = QLineEdit(str(default_output(project, self.project_dir)))
        self.output_edit.setToolTip(self.tr("The MP4 file to write"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_output)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output_edit, 1)
        out_row.addWidget(browse)
        form.addRow(self.tr("Save as"), out_row)
        self.browse_button = browse
        name(browse, self.tr("Choose the file"), self.tr("Pick where the MP4 file goes"))
        name_form_fields(form)

        # -- plan ----------------------------------------------------------------------------
        plan_box = QGroupBox(self.tr("What will happen"))
        plan_layout = QVBoxLayout(plan_box)
        self.plan_view = QPlainTextEdit()
        name(self.plan_view, self.tr("Export plan"), self.tr("What is copied, what is re-encoded, where crossfades go"))
        self.plan_view.setReadOnly(True)
        self.plan_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.plan_view.setMinimumHeight(110)
        self.plan_view.setPlaceholderText(self.tr("Working out the plan…"))
        self.plan_summary = QLabel()
        self.plan_summary.setWordWrap(True)
        plan_layout.addWidget(self.plan_view, 1)
        plan_layout.addWidget(self.plan_summary)

        # -- progress and buttons -------------------------------------------------------------
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%p%"))
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setDefault(True)
        self.export_button.setObjectName("primary")
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(self.tr("Cancel export"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.setVisible(False)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(format_box)
        layout.addWidget(plan_box, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(640, 520)

        self._replan_timer = QTimer(self)
        self._replan_timer.setSingleShot(True)
        self._replan_timer.setInterval(200)
        self._replan_timer.timeout.connect(self.refresh_plan)

        self.size_combo.currentIndexChanged.connect(self._on_size_preset)
        self.width_spin.valueChanged.connect(self._on_size_edited)
        self.height_spin.valueChanged.connect(self._on_size_edited)
        self.fps_combo.currentIndexChanged.connect(lambda *_: self._schedule_plan())
        self.quality_combo.currentIndexChanged.connect(lambda *_: self._schedule_plan())
        self.exact_audio_check.toggled.connect(lambda *_: self._schedule_plan())
        self._sync_size_spins()
        self._update_buttons()
        QTimer.singleShot(0, self.refresh_plan)

    # -- settings ------------------------------------------------------------------------------

    def export_settings(self) -> ExportSettings:
        return ExportSettings(
            width=self.width_spin.value() // 2 * 2,
            height=self.height_spin.value() // 2 * 2,
            fps=float(self.fps_combo.currentData()),
            quality=str(self.quality_combo.currentData()),
            exact_audio=self.exact_audio_check.isChecked(),
        )

    def output_path(self) -> Path:
        return Path(self.output_edit.text().strip()).expanduser()

    def set_size(self, width: int, height: int) -> None:
        """Pick the preset for this size (or Custom) and set the spin boxes."""
        for i in range(self.size_combo.count()):
            if self.size_combo.itemData(i) == (width, height):
                self.size_combo.setCurrentIndex(i)
                return
        self.size_combo.setCurrentIndex(self.size_combo.count() - 1)
        self.width_spin.setValue(width)
        self.height_spin.setValue(height)

    def _on_size_preset(self, index: int) -> None:
        self._sync_size_spins()
        self._schedule_plan()

    def _sync_size_spins(self) -> None:
        size = self.size_combo.currentData()
        custom = size is None
        self.width_spin.setEnabled(custom)
        self.height_spin.setEnabled(custom)
        if size is not None:
            for spin, value in ((self.width_spin, size[0]), (self.height_spin, size[1])):
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)

    def _on_size_edited(self) -> None:
        self._schedule_plan()

    def _choose_output(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export as"), str(self.output_path()), self.tr("MP4 video (*.mp4)"))
        if path:
            if not path.lower().endswith(".mp4"):
                path += ".mp4"
            self.output_edit.setText(path)

    # -- plan --------------------------------------------------------------------------------------

    def _schedule_plan(self) -> None:
        # The shown plan no longer matches the settings: no export until the new one is in.
        self._plan = None
        set_tone(self.plan_summary)
        self.plan_summary.setText(self.tr("Working out the plan…"))
        self._update_buttons()
        self._replan_timer.start()

    def _snapshot(self) -> Project:
        return Project.from_dict(self.project.to_dict())

    def refresh_plan(self) -> None:
        """Recompute the stitch plan in a worker; a newer request supersedes an older one."""
        self._plan_token += 1
        token = self._plan_token
        self.plan_summary.setText(self.tr("Working out the plan…"))
        settings = self.export_settings()
        project = self._snapshot()
        spawn(
            asyncio.to_thread(export_service.plan_export, project, self.project_dir, settings),
            on_done=lambda plan: self._on_plan(token, plan),
            on_error=lambda exc: self._on_plan_error(token, exc),
        )

    def _on_plan(self, token: int, plan: Any) -> None:
        if token != self._plan_token:
            return
        self._plan = plan
        self.plan_view.setPlainText("\n".join(plan.describe()))
        seconds = float(getattr(plan, "duration", 0.0) or 0.0)
        set_tone(self.plan_summary)
        count = len(plan.clips)  # a plain name: lupdate reads no call as the count
        self.plan_summary.setText(
            QCoreApplication.translate("ExportDialog", "%n shot(s)", "", count) + ", " + format_seconds(seconds)
            + (self.tr(", with sound.") if getattr(plan, "has_audio", False) else self.tr(", silent."))
        )
        self._update_buttons()

    def _on_plan_error(self, token: int, exc: BaseException) -> None:
        if token != self._plan_token:
            return
        self._plan = None
        self.plan_view.setPlainText("")
        set_tone(self.plan_summary, "error")
        self.plan_summary.setText(describe_error(exc).one_line())
        self._update_buttons()

    def plan_lines(self) -> list[str]:
        text = self.plan_view.toPlainText()
        return text.splitlines() if text else []

    # -- export --------------------------------------------------------------------------------

    def is_exporting(self) -> bool:
        return self._export_task is not None

    def start_export(self) -> None:
        if self.is_exporting():
            return
        out = self.output_path()
        if not out.name:
            self._fail(self.tr("Choose a file to export to."))
            return
        if out.suffix.lower() != ".mp4":
            out = out.with_suffix(".mp4")
            self.output_edit.setText(str(out))
        if out.exists() and not self.ask_overwrite(out):
            return
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._fail(describe_error(exc).sentence)
            return
        self._cancel = threading.Event()
        self._result_path = None
        self.progress.setValue(0)
        self.progress.setVisible(True)
        set_tone(self.status)
        self.status.setText(self.tr("Exporting to %1…").replace("%1", out.name))
        self._set_busy(True)
        relay = self._relay
        self._export_task = spawn(
            export_service.export_project(
                self._snapshot(), self.project_dir, out, self.export_settings(),
                progress=lambda fraction: relay.progress.emit(float(fraction)),
                cancel=self._cancel,
            ),
            on_done=lambda info: self._on_exported(out, info),
            on_error=self._on_export_error,
        )
        self._update_buttons()

    def ask_overwrite(self, path: Path) -> bool:
        """Ask before replacing an existing file (tests replace this)."""
        answer = QMessageBox.question(
            self, self.tr("Replace file?"), self.tr("%1 already exists. Replace it?").replace("%1", path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def cancel_export(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _on_progress(self, fraction: float) -> None:
        if self.is_exporting():
            self.progress.setValue(int(max(0.0, min(1.0, fraction)) * 1000))

    def _on_exported(self, out: Path, info: Any) -> None:
        self._export_task = None
        self._result_path = out
        self.progress.setValue(1000)
        duration = getattr(info, "duration", None)
        video = getattr(info, "video", None)
        facts = []
        if duration:
            facts.append(format_seconds(duration))
        if video is not None:
            facts.append(f"{video.display_width}×{video.display_height}")  # as shown
        set_tone(self.status, "ok")
        self.status.setText((self.tr("Exported %1 (%2).") if facts else self.tr("Exported %1.")).replace("%1", out.name).replace("%2", ", ".join(facts)))
        self.open_folder_button.setVisible(True)
        self._set_busy(False)
        self.exported.emit(str(out))
        if self._close_when_done:
            super().reject()

    def _on_export_error(self, exc: BaseException) -> None:
        self._export_task = None
        self.progress.setVisible(False)
        text = describe_error(exc)
        if text.kind == "cancelled":
            set_tone(self.status)
            self.status.setText(self.tr("The export was cancelled; no file was written."))
        else:
            self._fail(text.one_line(), text.detail)
        self._set_busy(False)
        if self._close_when_done:
            super().reject()

    def _fail(self, sentence: str, detail: str = "") -> None:
        set_tone(self.status, "error")
        self.status.setText(sentence)
        self.status.setToolTip(detail)

    def _set_busy(self, busy: bool) -> None:
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        controls = (self.size_combo, self.fps_combo, self.quality_combo, self.exact_audio_check)
        for w in (*controls, self.output_edit, self.browse_button):
            w.setEnabled(not busy)
        if not busy:
            self._sync_size_spins()
        else:
            self.width_spin.setEnabled(False)
            self.height_spin.setEnabled(False)
        self.close_button.setText(self.tr("Close"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(self._plan is not None and not self.is_exporting())

    def open_folder(self) -> None:
        target = self._result_path or self.output_path()
        self.open_url(QUrl.fromLocalFile(str(target.parent)))

    def open_url(self, url: QUrl) -> bool:
        """Open in the desktop's file manager (tests replace this)."""
        return QDesktopServices.openUrl(url)

    def result_path(self) -> Path | None:
        return self._result_path

    def reject(self) -> None:
        if self.is_exporting():
            # Closing mid-export cancels it; the dialog closes once the worker has stopped.
            self._close_when_done = True
            self.cancel_export()
            return
        super().reject()
