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

log = logging.getLogger(__name__)

SIZE_PRESETS: list[tuple[str, tuple[int, int] | None]] = [
    ("1080p landscape — 1920×1080", (1920, 1080)),
    ("720p landscape — 1280×720", (1280, 720)),
    ("Vertical 1080p — 1080×1920", (1080, 1920)),
    ("Vertical 720p — 720×1280", (720, 1280)),
    ("Square — 1080×1080", (1080, 1080)),
    ("Custom", None),
]
FPS_CHOICES = (23.976, 24.0, 25.0, 29.97, 30.0, 50.0, 60.0)
QUALITY_PRESETS = [
    ("draft", "Draft — fast, larger artefacts"),
    ("standard", "Standard — good for sharing"),
    ("high", "High — slower, best picture"),
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
        self.setWindowTitle(f"Export — {project.title or 'Untitled'}")
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
        format_box = QGroupBox("Format")
        form = QFormLayout(format_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.size_combo = QComboBox()
        project_label = f"Project — {ps.width}×{ps.height}"
        self.size_combo.addItem(project_label, (ps.width, ps.height))
        for label, size in SIZE_PRESETS:
            self.size_combo.addItem(label, size)
        self.width_spin = QSpinBox()
        self.height_spin = QSpinBox()
        for spin, value in ((self.width_spin, ps.width), (self.height_spin, ps.height)):
            spin.setRange(16, 7680)
            spin.setSingleStep(2)
            spin.setValue(int(value))
            spin.setSuffix(" px")
        size_row = QHBoxLayout()
        size_row.addWidget(self.size_combo, 1)
        size_row.addWidget(self.width_spin)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_spin)
        form.addRow("Size", size_row)

        self.fps_combo = QComboBox()
        self.fps_combo.setEditable(False)
        choices = sorted(set(FPS_CHOICES) | {float(ps.fps)})
        for fps in choices:
            label = f"{fps:g} fps" + (" (project)" if abs(fps - float(ps.fps)) < 1e-6 else "")
            self.fps_combo.addItem(label, fps)
        self.fps_combo.setCurrentIndex(self.fps_combo.findData(float(ps.fps)))
        form.addRow("Frame rate", self.fps_combo)

        self.quality_combo = QComboBox()
        for key, label in QUALITY_PRESETS:
            self.quality_combo.addItem(label, key)
        self.quality_combo.setCurrentIndex(1)
        form.addRow("Quality", self.quality_combo)

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
        self.output_edit.setToolTip("The MP4 file to write")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_output)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output_edit, 1)
        out_row.addWidget(browse)
        form.addRow("Save as", out_row)
        self.browse_button = browse

        # -- plan ----------------------------------------------------------------------------
        plan_box = QGroupBox("What will happen")
        plan_layout = QVBoxLayout(plan_box)
        self.plan_view = QPlainTextEdit()
        self.plan_view.setReadOnly(True)
        self.plan_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.plan_view.setMinimumHeight(110)
        self.plan_view.setPlaceholderText("Working out the plan…")
        self.plan_summary = QLabel()
        self.plan_summary.setWordWrap(True)
        plan_layout.addWidget(self.plan_view, 1)
        plan_layout.addWidget(self.plan_summary)

        # -- progress and buttons -------------------------------------------------------------
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat("%p%")
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.export_button = QPushButton("Export")
        self.export_button.setDefault(True)
        self.export_button.setObjectName("primary")
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton("Cancel export")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.open_folder_button = QPushButton("Open folder")
        self.open_folder_button.setVisible(False)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.close_button = QPushButton("Close")
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
        path, _ = QFileDialog.getSaveFileName(self, "Export as", str(self.output_path()), "MP4 video (*.mp4)")
        if path:
            if not path.lower().endswith(".mp4"):
                path += ".mp4"
            self.output_edit.setText(path)

    # -- plan --------------------------------------------------------------------------------------

    def _schedule_plan(self) -> None:
        # The shown plan no longer matches the settings: no export until the new one is in.
        self._plan = None
        set_tone(self.plan_summary)
        self.plan_summary.setText("Working out the plan…")
        self._update_buttons()
        self._replan_timer.start()

    def _snapshot(self) -> Project:
        return Project.from_dict(self.project.to_dict())

    def refresh_plan(self) -> None:
        """Recompute the stitch plan in a worker; a newer request supersedes an older one."""
        self._plan_token += 1
        token = self._plan_token
        self.plan_summary.setText("Working out the plan…")
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
        self.plan_summary.setText(
            f"{len(plan.clips)} shot{'s' if len(plan.clips) != 1 else ''}, {seconds:.1f} s"
            + (", with sound." if getattr(plan, "has_audio", False) else ", silent.")
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
            self._fail("Choose a file to export to.")
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
        self.status.setText(f"Exporting to {out.name}…")
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
            self, "Replace file?", f"{path.name} already exists. Replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def cancel_export(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.status.setText("Cancelling…")

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
            facts.append(f"{duration:.1f} s")
        if video is not None:
            facts.append(f"{video.display_width}×{video.display_height}")  # as shown
        set_tone(self.status, "ok")
        self.status.setText(f"Exported {out.name}" + (f" ({', '.join(facts)})" if facts else "") + ".")
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
            self.status.setText("The export was cancelled; no file was written.")
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
        self.close_button.setText("Close")
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
