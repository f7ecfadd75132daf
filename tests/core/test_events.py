"""The small observer."""

from __future__ import annotations

from studio.core.events import Signal


def test_emit_calls_listeners_in_order_with_arguments():
    calls = []
    sig = Signal()
    sig.connect(lambda *a, **k: calls.append(("first", a, k)))
    sig.connect(lambda *a, **k: calls.append(("second", a, k)))
    sig.emit(1, kind="x")
    assert calls == [("first", (1,), {"kind": "x"}), ("second", (1,), {"kind": "x"})]


def test_connect_is_idempotent_and_disconnect_tolerates_unknown():
    sig = Signal()
    calls = []

    def listener(*a):
        calls.append(a)

    assert sig.connect(listener) is listener
    sig.connect(listener)
    assert len(sig) == 1
    sig.emit("a")
    assert calls == [("a",)]
    sig.disconnect(listener)
    sig.disconnect(listener)
    assert len(sig) == 0
    sig.emit("b")
    assert calls == [("a",)]


def test_a_failing_listener_does_not_stop_the_others(caplog):
    sig = Signal()
    calls = []

    def broken(*a):
        raise RuntimeError("boom")

    sig.connect(broken)
    sig.connect(lambda *a: calls.append(a))
    sig.emit(7)
    assert calls == [(7,)]
    assert "failed" in caplog.text


def test_a_listener_may_disconnect_itself_during_emit():
    sig = Signal()
    calls = []

    def once(*a):
        calls.append("once")
        sig.disconnect(once)

    sig.connect(once)
    sig.connect(lambda *a: calls.append("other"))
    sig.emit()
    sig.emit()
    assert calls == ["once", "other", "other"]
