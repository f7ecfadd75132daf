"""Everything Qt: the main window, its docks and dialogs, and the Qt models over core objects."""
