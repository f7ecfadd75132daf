"""Clip and cut preview: playback with sound, instant scrubbing, frame stepping."""

from .frames import ClipFacts, FrameCache, FrameGrabber
from .pane import FrameView, PreviewPane, format_time, multimedia_available

__all__ = ["ClipFacts", "FrameCache", "FrameGrabber", "FrameView", "PreviewPane", "format_time", "multimedia_available"]
