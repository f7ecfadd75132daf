"""Keep faces in frame when an image is cropped to a model's shape.

A portrait selfie cropped to 16:9 around its centre keeps the chest and cuts the head at the
top edge. :func:`face_crop` finds faces with OpenCV's frontal-face Haar cascade (shipped inside
the opencv-python-headless wheel, in ``cv2.data.haarcascades``; no extra model to fetch) and
places the crop so the faces sit in the upper part of the frame with headroom above them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import cv2
import numpy as np

from .images import Crop, centre_crop, clamp_crop, crop_size

CASCADE = "haarcascade_frontalface_alt2.xml"
"""Of OpenCV's bundled face cascades, the one with the fewest false faces on textured scenes."""

# Detection runs on a copy this many pixels on its long side: enough for a face a twentieth
# of the picture, and fast (tens of milliseconds) even for a 48 MP phone photo.
DETECT_SIDE = 800
# Where the middle of the faces goes, as a fraction of the crop's height from its top: a bit
# above the upper third leaves room for hair and a hat, the way a photographer frames a head.
FACE_LINE = 0.4
# Space kept above the top of the highest face box, in face heights (the box starts at the brows).
HEADROOM = 0.6

_local = threading.local()


@dataclass(frozen=True)
class Face:
    """A detected face, in source pixels."""

    x: int
    y: int
    width: int
    height: int


def _detector() -> cv2.CascadeClassifier:
    # CascadeClassifier is not safe to share between threads: one per worker thread.
    detector = getattr(_local, "detector", None)
    if detector is None:
        detector = cv2.CascadeClassifier(cv2.data.haarcascades + CASCADE)
        if detector.empty():  # pragma: no cover - a broken OpenCV install
            raise RuntimeError(f"OpenCV's {CASCADE} did not load.")
        _local.detector = detector
    return detector


def detect_faces(image: np.ndarray) -> list[Face]:
    """Frontal faces in an RGB image, largest first."""
    h, w = image.shape[:2]
    scale = min(1.0, DETECT_SIDE / max(h, w))
    grey = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY) if image.ndim == 3 else image
    if scale < 1.0:
        grey = cv2.resize(grey, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA)
    grey = cv2.equalizeHist(grey)
    smallest = max(20, round(min(grey.shape[:2]) * 0.05))
    found = _detector().detectMultiScale(grey, scaleFactor=1.1, minNeighbors=5, minSize=(smallest, smallest))
    faces = [
        Face(round(x / scale), round(y / scale), round(fw / scale), round(fh / scale)) for (x, y, fw, fh) in found
    ]
    return sorted(faces, key=lambda f: f.width * f.height, reverse=True)


def face_crop(image: np.ndarray, target: tuple[int, int], faces: list[Face] | None = None) -> Crop:
    """The crop of ``target``'s shape that keeps the face(s) in frame with headroom.

    Without a face it is the centre crop. With faces, the crop is centred on them across and
    puts them on :data:`FACE_LINE` down, never cutting into :data:`HEADROOM` above the top face
    when the picture has room for it. Faces much smaller than the largest (a crowd behind the
    subject) do not pull the frame.
    """
    h, w = image.shape[:2]
    source = (w, h)
    faces = detect_faces(image) if faces is None else faces
    if not faces:
        return centre_crop(source, target)
    largest = faces[0].width * faces[0].height
    kept = [f for f in faces if f.width * f.height >= largest * 0.25]
    left = min(f.x for f in kept)
    right = max(f.x + f.width for f in kept)
    top = min(f.y for f in kept)
    bottom = max(f.y + f.height for f in kept)
    cw, ch = crop_size(source, target)
    x = (left + right) / 2 - cw / 2
    y = (top + bottom) / 2 - ch * FACE_LINE
    tallest = max(f.height for f in kept)
    y = min(y, top - HEADROOM * tallest)  # room above the head first
    y = max(y, bottom - ch)  # but never cut the chin of the lowest face
    return clamp_crop((round(x), round(y), cw, ch), source, target)


def choose_crop(image: np.ndarray, target: tuple[int, int], stored: Crop | list[int] | None = None) -> Crop:
    """The crop to send: ``stored`` (a crop someone chose, moved inside the picture if it
    strays) while it still has ``target``'s shape, else :func:`face_crop`. A stored crop of
    another shape (the model or aspect ratio changed) is found again from the faces."""
    h, w = image.shape[:2]
    if stored is not None:
        x, y, cw, ch = (int(v) for v in stored)
        want = crop_size((w, h), target)
        if abs(cw - want[0]) <= 1 and abs(ch - want[1]) <= 1:
            return clamp_crop((x, y, cw, ch), (w, h), target)
    return face_crop(image, target)
