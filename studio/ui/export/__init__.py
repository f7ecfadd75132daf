"""The export dialog: format, the stitch plan, and the export with progress and cancel."""

from .dialog import SIZE_PRESETS, ExportDialog, default_output

__all__ = ["SIZE_PRESETS", "ExportDialog", "default_output"]
