"""The compare view: a shot's takes side by side or one after another; choose or delete one."""

from .dialog import CompareDialog

__all__ = ["CompareDialog"]
