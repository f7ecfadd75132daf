"""Test-only crash points: with ``STUDIO_TEST_KILL_AT=<step>`` the process SIGKILLs itself there.

The crash suite (tests/test_crash_suite.py) uses them to stop a real ``studio-cli`` at a
precise step — after a paid create but before its id is stored, mid-download, mid-rename —
and then checks that the next run finishes every job exactly once. Unset, they do nothing.
"""

from __future__ import annotations

import os
import signal

_KILL_AT = os.environ.get("STUDIO_TEST_KILL_AT", "")


def crash_point(step: str) -> None:
    """Die here, at once and without cleanup, when ``STUDIO_TEST_KILL_AT`` names ``step``."""
    if _KILL_AT and _KILL_AT == step:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
