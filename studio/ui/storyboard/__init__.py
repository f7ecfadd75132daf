"""The storyboard: a Qt model over the project's shots, undoable edit commands, and the timeline."""

from .commands import (
    AddShotCommand,
    ChooseTakeCommand,
    DuplicateShotCommand,
    MoveShotCommand,
    RemoveShotCommand,
    RemoveTakeCommand,
    UpdateShotCommand,
)
from .model import ShotListModel
from .panel import StoryboardPanel
from .timeline import TimelineCanvas

__all__ = [
    "AddShotCommand",
    "ChooseTakeCommand",
    "DuplicateShotCommand",
    "MoveShotCommand",
    "RemoveShotCommand",
    "RemoveTakeCommand",
    "ShotListModel",
    "StoryboardPanel",
    "TimelineCanvas",
    "UpdateShotCommand",
]
