"""Image inputs of a shot: drop zones for first frame, last frame and references.

Files dropped on a zone (or picked with its button) are reported with :attr:`ImageZone.files_dropped`;
the editor imports them into the project and writes them to the shot. A zone shows the images
the shot holds as thumbnails. Images are decoded in a worker thread and cached as QPixmaps.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap, QRegion
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..async_utils import run_blocking, spawn
from ..lazy_media import media

if TYPE_CHECKING:
    import numpy as np


def image_filter() -> str:
    """The file dialog's filter: every image format the media service decodes."""
    return QCoreApplication.translate("ImageZone", "Images (%1)").replace("%1", " ".join(f"*{s}" for s in sorted(media.IMAGE_SUFFIXES)))

# A fitted copy is named  <stem>__fit-<mode>-<w>x<h>[-at<x>-<y>].png  next to its original; the
# crop's corner is in the name so each crop has its own file (and the name alone says which).
_FIT_RE = re.compile(
    r"^(?P<stem>.+)__fit-(?P<mode>crop|pad)-(?P<w>\d+)x(?P<h>\d+)(?:-at(?P<x>\d+)-(?P<y>\d+))?\.png$"
)


def fitted_name(original: str, mode: str, size: tuple[int, int], crop: tuple[int, int, int, int] | None = None) -> str:
    """Relative path of the fitted copy of ``original`` (a path inside the project)."""
    p = Path(original)
    stem = p.name  # keep the suffix in the stem so the original can be found again
    at = f"-at{crop[0]}-{crop[1]}" if crop is not None and mode == "crop" else ""
    return str(p.with_name(f"{stem}__fit-{mode}-{size[0]}x{size[1]}{at}.png").as_posix())


def parse_fitted(path: str | None) -> tuple[str, str, tuple[int, int]] | None:
    """``(original, mode, size)`` for a fitted copy's path, else None."""
    if not path:
        return None
    p = Path(path)
    m = _FIT_RE.match(p.name)
    if not m:
        return None
    return str(p.with_name(m["stem"]).as_posix()), m["mode"], (int(m["w"]), int(m["h"]))


def array_to_qimage(img: np.ndarray) -> QImage:
    """An RGB uint8 array as a QImage that owns its memory (safe to build in a worker)."""
    import numpy as np  # loaded with the first image, not at start

    arr = np.ascontiguousarray(img)
    if arr.ndim == 2:
        arr = np.ascontiguousarray(np.stack([arr] * 3, axis=-1))
    h, w = arr.shape[:2]
    return QImage(arr.data, w, h, arr.strides[0], QImage.Format_RGB888).copy()


def image_files(mime) -> list[Path]:
    """Local image files in a drag's MIME data."""
    out: list[Path] = []
    if mime is None or not mime.hasUrls():
        return out
    for url in mime.urls():
        if url.isLocalFile():
            p = Path(url.toLocalFile())
            if p.suffix.lower() in media.IMAGE_SUFFIXES:
                out.append(p)
    return out


class PixmapCache(QObject):
    """A bounded LRU of scaled QPixmaps for image files, filled from a worker thread."""

    ready = Signal(str)

    def __init__(self, capacity: int = 64, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.capacity = capacity
        self._items: OrderedDict[tuple, QPixmap] = OrderedDict()
        self._pending: set[tuple] = set()
        self._sizes: dict[str, tuple[int, int]] = {}

    def source_size(self, path: Path) -> tuple[int, int] | None:
        """The decoded (upright) size of ``path`` in pixels, once a pixmap of it has loaded."""
        return self._sizes.get(str(path))

    def get(self, path: Path, height: int) -> QPixmap | None:
        try:
            mtime = path.stat().st_mtime
        except OSError:
            return None
        key = (str(path), mtime, height)
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        if key not in self._pending:
            self._pending.add(key)
            spawn(self._load(key, path, height), on_error=lambda _e, k=key: self._pending.discard(k))
        return None

    async def _load(self, key: tuple, path: Path, height: int) -> None:
        def work() -> tuple[QImage, tuple[int, int]]:
            img = media.load_image(path)
            return array_to_qimage(img).scaledToHeight(height, Qt.SmoothTransformation), (img.shape[1], img.shape[0])

        image, size = await run_blocking(work)
        self._pending.discard(key)
        self._sizes[str(path)] = size
        self._items[key] = QPixmap.fromImage(image)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)
        self.ready.emit(str(path))


class ImageZone(QFrame):
    """One image slot: a drop target with thumbnails, a pick button and a clear button."""

    files_dropped = Signal(list)  # list[Path]
    clear_requested = Signal()

    THUMB_H = 64

    def __init__(self, slot: str, title: str, cache: PixmapCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slot = slot
        self.cache = cache
        self.setObjectName("dropZone")
        self.setAcceptDrops(True)
        self.setMinimumHeight(self.THUMB_H + 40)
        self._paths: list[Path] = []
        self._multi = slot == "reference_images"

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(4)
        head = QHBoxLayout()
        self.title = QLabel(title)
        self.title.setStyleSheet("font-weight: 600;")
        head.addWidget(self.title)
        head.addStretch(1)
        self.pick = QToolButton()
        self.pick.setText(self.tr("Choose…"))
        self.pick.setToolTip(self.tr("Pick an image file: %1").replace("%1", title))
        self.pick.setAccessibleName(self.tr("Choose an image: %1").replace("%1", title))
        self.clear_name = self.tr("Clear: %1").replace("%1", title)
        self.pick.clicked.connect(self._pick)
        self.clear = QToolButton()
        self.clear.setText(self.tr("Clear"))
        self.clear.clicked.connect(self.clear_requested)
        self.clear.setAccessibleName(self.clear_name)
        head.addWidget(self.pick)
        head.addWidget(self.clear)
        layout.addLayout(head)
        self.thumbs = QHBoxLayout()
        self.thumbs.setSpacing(6)
        self.hint = QLabel(self.tr("Drop an image here"))
        self.hint.setObjectName("dim")
        self.hint.setAlignment(Qt.AlignCenter)
        self.hint.setMinimumHeight(self.THUMB_H)
        self.thumbs.addWidget(self.hint)
        layout.addLayout(self.thumbs)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        cache.ready.connect(self._on_ready)

    def set_paths(self, paths: list[Path]) -> None:
        self._paths = list(paths)
        self._rebuild()

    def paths(self) -> list[Path]:
        return list(self._paths)

    def set_unavailable(self, reason: str | None) -> None:
        """Disable the zone with ``reason`` as tooltip (the model cannot take this input)."""
        enabled = reason is None
        self.pick.setEnabled(enabled)
        self.setAcceptDrops(enabled)
        self.setToolTip(reason or "")
        self.hint.setText(self.tr("Drop an image here") if enabled else reason or "")
        self.hint.setWordWrap(True)

    def _rebuild(self) -> None:
        while self.thumbs.count():
            item = self.thumbs.takeAt(0)
            w = item.widget()
            if w is not None and w is not self.hint:
                w.deleteLater()
        if not self._paths:
            self.hint.show()
            self.thumbs.addWidget(self.hint)
            self.clear.setEnabled(False)
            return
        self.hint.hide()
        self.clear.setEnabled(True)
        for path in self._paths:
            label = QLabel()
            label.setFixedHeight(self.THUMB_H)
            label.setMinimumWidth(self.THUMB_H)
            label.setToolTip(path.name)
            label.setProperty("image_path", str(path))
            pix = self.cache.get(path, self.THUMB_H)
            if pix is not None:
                label.setPixmap(pix)
            else:
                label.setText("…")
                label.setAlignment(Qt.AlignCenter)
            self.thumbs.addWidget(label)
        self.thumbs.addStretch(1)

    def _on_ready(self, path: str) -> None:
        if any(str(p) == path for p in self._paths):
            self._rebuild()

    def _pick(self) -> None:
        if self._multi:
            names, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose images"), "", image_filter())
        else:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose an image"), "", image_filter())
            names = [name] if name else []
        if names:
            self.files_dropped.emit([Path(n) for n in names])

    # -- drag and drop ---------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if image_files(event.mimeData()):
            event.acceptProposedAction()
            self._hover(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if image_files(event.mimeData()):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:
        self._hover(False)

    def dropEvent(self, event) -> None:
        self._hover(False)
        files = image_files(event.mimeData())
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(files if self._multi else files[:1])

    def _hover(self, on: bool) -> None:
        self.setProperty("hover", "true" if on else "false")
        self.style().unpolish(self)
        self.style().polish(self)


class FitPreview(QLabel):
    """The first (or last) frame as it will be sent, fitted to the model's size.

    In crop mode it shows the whole (upright, flattened) source with the part that is sent
    framed and the rest dimmed; dragging the frame moves the crop, and :attr:`crop_chosen`
    reports the new crop in source pixels when the mouse is released. In pad mode it shows
    the letterboxed copy itself.
    """

    crop_chosen = Signal(tuple)  # (x, y, width, height) in source pixels

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignCenter)
        self.setMinimumSize(QSize(160, 90))
        self.setObjectName("dim")
        self.setText(self.tr("No image"))
        self.setStyleSheet("background: #15171b; border-radius: 4px;")
        self.setMouseTracking(True)
        self._source: QPixmap | None = None
        self._source_size: tuple[int, int] | None = None
        self._crop: tuple[int, int, int, int] | None = None
        self._shown = QRect()
        self._drag: tuple[QPoint, tuple[int, int, int, int]] | None = None

    def show_pixmap(self, pix: QPixmap | None, caption: str = "") -> None:
        """Show ``pix`` as it is (the letterboxed copy), or ``caption`` when there is none."""
        self._source = self._source_size = self._crop = None
        self._drag = None
        self.unsetCursor()
        if pix is None:
            self.clear()
            self.setText(caption or self.tr("No image"))
            return
        self.setPixmap(pix.scaled(self.width() - 4, self.height() - 4, Qt.KeepAspectRatio, Qt.SmoothTransformation))
        self.setToolTip(caption)

    def show_crop(self, source: QPixmap, source_size: tuple[int, int], crop: tuple[int, int, int, int], caption: str = "") -> None:
        """Show all of ``source`` (a scaled copy of an image of ``source_size``) with ``crop`` framed."""
        if self._drag is not None:
            return  # the person is moving the frame; their drag wins over a late refresh
        self._source, self._source_size, self._crop = source, tuple(source_size), tuple(crop)
        self.setToolTip(caption + ("\n" + self.tr("Drag the frame to choose what is sent.") if self.draggable() else ""))
        self._compose()

    def crop(self) -> tuple[int, int, int, int] | None:
        return self._crop

    def draggable(self) -> bool:
        """True when the crop can move (the source is bigger than the crop on some side)."""
        if self._crop is None or self._source_size is None:
            return False
        return self._crop[2] < self._source_size[0] or self._crop[3] < self._source_size[1]

    def crop_rect_on_screen(self) -> QRect:
        """Where the crop frame is drawn, in widget coordinates."""
        if self._crop is None or self._source_size is None or self._shown.isEmpty():
            return QRect()
        scale = self._shown.width() / self._source_size[0]
        x, y, w, h = self._crop
        return QRect(
            self._shown.x() + round(x * scale), self._shown.y() + round(y * scale), round(w * scale), round(h * scale)
        )

    def _compose(self) -> None:
        if self._source is None or self._source_size is None or self._crop is None:
            return
        canvas = QPixmap(self.size())
        canvas.fill(QColor("#15171b"))
        scaled = self._source.scaled(self.width() - 4, self.height() - 4, Qt.KeepAspectRatio, Qt.SmoothTransformation)
        self._shown = QRect(
            (self.width() - scaled.width()) // 2, (self.height() - scaled.height()) // 2, scaled.width(), scaled.height()
        )
        frame = self.crop_rect_on_screen()
        painter = QPainter(canvas)
        painter.drawPixmap(self._shown.topLeft(), scaled)
        outside = QRegion(self._shown).subtracted(QRegion(frame))
        painter.setClipRegion(outside)
        painter.fillRect(self._shown, QColor(0, 0, 0, 150))
        painter.setClipping(False)
        painter.setPen(QPen(QColor("#f5f5f7"), 1.5))
        painter.drawRect(frame.adjusted(0, 0, -1, -1))
        painter.end()
        self.setPixmap(canvas)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._compose()

    # -- dragging the crop -------------------------------------------------------------

    def mousePressEvent(self, event) -> None:
        pos = event.position().toPoint()
        if event.button() == Qt.LeftButton and self.draggable() and self.crop_rect_on_screen().contains(pos):
            self._drag = (pos, self._crop)
            self.setCursor(Qt.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position().toPoint()
        if self._drag is None:
            inside = self.draggable() and self.crop_rect_on_screen().contains(pos)
            self.setCursor(Qt.OpenHandCursor) if inside else self.unsetCursor()
            return
        start, (x, y, w, h) = self._drag
        scale = self._shown.width() / self._source_size[0]
        sw, sh = self._source_size
        nx = min(max(0, x + round((pos.x() - start.x()) / scale)), sw - w)
        ny = min(max(0, y + round((pos.y() - start.y()) / scale)), sh - h)
        if (nx, ny) != self._crop[:2]:
            self._crop = (nx, ny, w, h)
            self._compose()
        event.accept()

    def mouseReleaseEvent(self, event) -> None:
        if self._drag is None or event.button() != Qt.LeftButton:
            super().mouseReleaseEvent(event)
            return
        _start, before = self._drag
        self._drag = None
        self.setCursor(Qt.OpenHandCursor)
        if self._crop != before:
            self.crop_chosen.emit(self._crop)
        event.accept()
