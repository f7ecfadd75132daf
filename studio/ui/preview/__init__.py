"""Clip and cut preview: the cut played as the export renders it, with sound, exact scrubbing
and frame stepping."""

from .frames import FrameCache
from .pane import FrameView, PreviewPane, format_time, multimedia_available

__all__ = ["FrameCache", "FrameView", "PreviewPane", "format_time", "multimedia_available"]
