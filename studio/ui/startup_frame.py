"""The first thing on screen: a light frame where the studio window is about to appear.

Building the studio window takes its modules, the services (the HTTP stack, the keyring, the
job database) and its docks: several hundred milliseconds on a loaded machine, during which a
person would see nothing. :class:`StartupFrame` is a plain window with the studio's title,
theme and saved geometry, shown straight after the application exists and painted before any
of that work starts; :func:`studio.app.run_window` then builds the services in a worker, the
window on the GUI thread, shows it in the same place and closes the frame once the window
has painted. The frame imports nothing beyond Qt's widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

FIRST_START_SHARE = 0.9  # as the studio window sizes itself without a saved geometry


class StartupFrame(QMainWindow):
    """A window with the studio's title and place, saying it is opening."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("startup_frame")
        self.setWindowTitle(self.tr("Studio"))
        label = QLabel(QCoreApplication.translate("StartupFrame", "Opening Studio…"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setObjectName("dim")
        label.setAccessibleName(QCoreApplication.translate("StartupFrame", "Studio is opening"))
        self.setCentralWidget(label)
        self.statusBar().showMessage(QCoreApplication.translate("StartupFrame", "Loading the project and the jobs…"))
        self.painted = False
        self._waiting: QEventLoop | None = None
        self._painted_watch = _FirstPaint(label, self._mark_painted)
        label.installEventFilter(self._painted_watch)
        self._place(qsettings)

    def _mark_painted(self) -> None:
        self.painted = True
        if self._waiting is not None:
            self._waiting.quit()

    def _place(self, qsettings: QSettings | None) -> None:
        geometry = qsettings.value("window/geometry") if qsettings is not None else None
        if isinstance(geometry, (QByteArray, bytes)) and self.restoreGeometry(geometry):
            return
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1480, 920)
            return
        area = screen.availableGeometry()
        width, height = int(area.width() * FIRST_START_SHARE), int(area.height() * FIRST_START_SHARE)
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)

    def wait_painted(self, timeout_ms: int = 1000) -> bool:
        """Process events until the frame has painted (or ``timeout_ms`` passed)."""
        if not self.painted:
            self._waiting = QEventLoop()
            QTimer.singleShot(timeout_ms, self._waiting.quit)
            self._waiting.exec()
            self._waiting = None
        return self.painted

    def close_when_painted(self, window: QWidget) -> None:
        """Close this frame as soon as ``window`` (the studio window, just shown) has painted."""
        watcher = _FirstPaint(window, self.close)
        window.installEventFilter(watcher)
        self._watcher = watcher
        QTimer.singleShot(2000, self.close)  # a window that never paints (minimised) still ends the frame


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, then) -> None:
        super().__init__(window)
        self._then = then

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            self._then()
        return False
