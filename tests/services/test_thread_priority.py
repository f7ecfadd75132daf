"""The runner's thread and its workers give way to the window's thread for a core (Linux)."""

from __future__ import annotations

import asyncio
import os
import sys
import threading

import pytest

from studio.services.runner_thread import RunnerThread
from studio.services.thread_priority import BACKGROUND_NICENESS, lower_this_thread

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread priority is Linux's")


def niceness(tid: int) -> int:
    return os.getpriority(os.PRIO_PROCESS, tid)


def test_lowering_changes_the_calling_thread_only():
    main = niceness(threading.get_native_id())
    seen = {}

    def work():
        seen["changed"] = lower_this_thread()
        seen["nice"] = niceness(threading.get_native_id())

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert seen["changed"] is True
    assert seen["nice"] == min(19, main + BACKGROUND_NICENESS)
    assert niceness(threading.get_native_id()) == main  # this thread (the window's, in the app) keeps its own


def test_the_runner_thread_and_its_workers_run_below_the_caller():
    main = niceness(threading.get_native_id())
    runner = RunnerThread(name="test-runner")
    try:
        async def where() -> tuple[int, int]:
            worker = await asyncio.to_thread(lambda: niceness(threading.get_native_id()))
            return niceness(threading.get_native_id()), worker

        loop_nice, worker_nice = runner.submit(where()).result(10)
    finally:
        runner.close()
    expected = min(19, main + BACKGROUND_NICENESS)
    assert loop_nice == expected and worker_nice == expected
    assert niceness(threading.get_native_id()) == main
