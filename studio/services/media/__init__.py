"""Media services: probe, frames, images, encode, animatic and stitch, on PyAV, OpenCV and Pillow.

Every function blocks; callers run them in ``asyncio.to_thread``. Nothing here
imports Qt.
"""

from .animatic import render_animatic, title_card, tone_frequency
from .encode import QUALITIES, ClipWriter, Quality, resolve_quality
from .faces import Face, choose_crop, detect_faces, face_crop
from .fitting import fit_to_file
from .frames import frame_at, last_frame, thumbnails
from .images import IMAGE_SUFFIXES, Crop, centre_crop, clamp_crop, crop_size, fit_image, load_image, save_image
from .plan import ClipIn, ClipPlan, ExportSettings, StitchPlan, plan_stitch
from .probe import AudioInfo, MediaInfo, VideoInfo, probe, validate_clip
from .stitch import stitch

__all__ = [
    "IMAGE_SUFFIXES",
    "QUALITIES",
    "AudioInfo",
    "ClipIn",
    "Crop",
    "Face",
    "ClipPlan",
    "ClipWriter",
    "ExportSettings",
    "MediaInfo",
    "Quality",
    "StitchPlan",
    "VideoInfo",
    "centre_crop",
    "choose_crop",
    "clamp_crop",
    "crop_size",
    "detect_faces",
    "face_crop",
    "fit_image",
    "fit_to_file",
    "frame_at",
    "last_frame",
    "load_image",
    "plan_stitch",
    "probe",
    "render_animatic",
    "resolve_quality",
    "save_image",
    "stitch",
    "thumbnails",
    "title_card",
    "tone_frequency",
    "validate_clip",
]
