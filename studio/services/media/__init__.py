"""Media services: probe, frames, encode, animatic and stitch, on PyAV and OpenCV.

Every function blocks; callers run them in ``asyncio.to_thread``. Nothing here
imports Qt.
"""

from .animatic import render_animatic, title_card, tone_frequency
from .encode import QUALITIES, ClipWriter, Quality, resolve_quality
from .frames import fit_image, frame_at, last_frame, load_image, save_image, thumbnails
from .plan import ClipIn, ClipPlan, ExportSettings, StitchPlan, plan_stitch
from .probe import AudioInfo, MediaInfo, VideoInfo, probe, validate_clip
from .stitch import stitch

__all__ = [
    "QUALITIES",
    "AudioInfo",
    "ClipIn",
    "ClipPlan",
    "ClipWriter",
    "ExportSettings",
    "MediaInfo",
    "Quality",
    "StitchPlan",
    "VideoInfo",
    "fit_image",
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
