"""Studio: a desktop studio for short AI videos."""

__version__ = "0.1.0"
