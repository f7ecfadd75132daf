"""The preview plays the cut as the export renders it: gapless joins, crossfades, trims,
the same length, scrubbing across joins, and a selected shot's first take shown at once."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from studio.services.media import ClipIn, ExportSettings, plan_stitch
from studio.ui.preview import PreviewPane

from test_preview import FPS, dominant, make_clip

pytestmark = pytest.mark.ui

RED, GREEN, BLUE = (220, 20, 20), (20, 220, 20), (20, 20, 220)


@pytest.fixture(scope="module")
def tricolour(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("cut")
    return [make_clip(folder / f"{name}.mp4", 1.0, colour) for name, colour in
            (("red", RED), ("green", GREEN), ("blue", BLUE))]


@pytest.fixture
def pane(qtbot):
    widget = PreviewPane(None, multimedia=False)
    qtbot.addWidget(widget)
    widget.resize(480, 360)
    widget.show()
    yield widget
    widget.shutdown()


def load(pane, qtbot, items, joins=None, fps=FPS):
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        pane.show_cut(items, joins, fps)


def colour_at(pane, qtbot, seconds: float, want) -> None:
    pane.seek(seconds)
    qtbot.waitUntil(lambda: pane.frame_view.image() is not None and want(pane.frame_view.image()), timeout=10_000)


def centre(image):
    c = image.pixelColor(image.width() // 2, image.height() * 3 // 4)
    return c.red(), c.green(), c.blue()


def test_duration_equals_the_export_with_crossfades_and_trims(pane, qtbot, tricolour):
    items = [(str(tricolour[0]), 0.25, None), (str(tricolour[1]), 0.0, 0.75), (str(tricolour[2]), 0.0, None)]
    joins = [0.25, 0.25]
    load(pane, qtbot, items, joins)
    export = plan_stitch([ClipIn(Path(p), i, o) for p, i, o in items], ExportSettings(fps=FPS, transitions=joins))
    assert export.duration == pytest.approx(0.75 + 0.75 + 1.0 - 0.25 - 0.25)
    assert pane.duration() == pytest.approx(export.duration, abs=1e-9)
    assert pane.slider.maximum() == round(export.duration * 1000)


def test_crossfade_shows_a_blend_of_both_clips(pane, qtbot, tricolour):
    load(pane, qtbot, [(str(tricolour[0]), 0.0, None), (str(tricolour[1]), 0.0, None)], [0.5])
    assert pane.duration() == pytest.approx(1.5)
    # The crossfade runs from 0.5 s to 1.0 s; at its middle both colours show about equally.
    colour_at(pane, qtbot, 0.75, lambda img: centre(img)[0] > 70 and centre(img)[1] > 70)
    r, g, _ = centre(pane.frame_view.image())
    assert abs(r - g) < 60, (r, g)
    # Before and after it, one clip alone.
    colour_at(pane, qtbot, 0.3, lambda img: dominant(img) == "red" and centre(img)[1] < 60)
    colour_at(pane, qtbot, 1.2, lambda img: dominant(img) == "green" and centre(img)[0] < 60)


def test_trims_are_honoured(pane, qtbot, tricolour):
    load(pane, qtbot, [(str(tricolour[0]), 0.5, None), (str(tricolour[1]), 0.0, 0.25)])
    assert pane.duration() == pytest.approx(0.75)

    def bar_frame(image) -> int:  # make_clip draws frame i's bar (i + 1) / 24 of the width
        row = image.height() // 8
        edge = max((x for x in range(image.width()) if image.pixelColor(x, row).lightness() > 200), default=-1)
        return round((edge + 1) * FPS / image.width()) - 1

    # The cut starts at frame 12 of the red clip (its trim in), not at its first frame.
    colour_at(pane, qtbot, 0.0, lambda img: dominant(img) == "red" and bar_frame(img) == 12)
    # The green clip is cut after 6 frames: its last frame in the cut is frame 5.
    colour_at(pane, qtbot, 0.74, lambda img: dominant(img) == "green" and bar_frame(img) == 5)


def test_scrubbing_across_joins_shows_the_right_clip(pane, qtbot, tricolour):
    load(pane, qtbot, [(str(p), 0.0, None) for p in tricolour], [0.0, 0.25])
    slider = pane.slider
    y = slider.height() // 2
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=QPoint(int(slider.width() * 0.9), y))
    qtbot.waitUntil(lambda: pane.frame_view.image() is not None and dominant(pane.frame_view.image()) == "blue", timeout=10_000)
    assert pane.current_index() == 2
    for fraction, colour, index in ((0.45, "green", 1), (0.1, "red", 0), (0.95, "blue", 2)):
        slider.sliderMoved.emit(int(slider.maximum() * fraction))  # offscreen mouse moves do not always drag
        qtbot.waitUntil(lambda c=colour: dominant(pane.frame_view.image()) == c, timeout=10_000)
        assert pane.current_index() == index
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=QPoint(int(slider.width() * 0.95), y))
    assert pane.position() == pytest.approx(slider.value() / 1000, abs=0.01)


def test_playback_runs_through_joins_without_a_stall(pane, qtbot, tricolour):
    load(pane, qtbot, [(str(p), 0.0, None) for p in tricolour], [0.0, 0.25])
    samples: list[tuple[float, float]] = []
    pane.position_changed.connect(lambda s: samples.append((time.monotonic(), s)))
    seen: list[str] = []
    pane.item_changed.connect(lambda i: seen.append(i))
    pane.play()
    qtbot.waitUntil(lambda: not pane.is_playing(), timeout=20_000)
    assert pane.position() == pytest.approx(pane.duration(), abs=0.05)
    assert seen == [1, 2]
    positions = [s for _, s in samples]
    assert positions == sorted(positions), "the position went back"
    # Across each join (1.0 s and 1.75 s), the position never stands still for long.
    for join in (1.0, 1.75):
        near = [(t, s) for t, s in samples if join - 0.3 <= s <= join + 0.3]
        assert near and near[0][1] < join < near[-1][1]
        still = max(b[0] - a[0] for a, b in zip(near, near[1:]))
        assert still < 0.35, f"the position stood still for {still:.2f} s at the join at {join} s"
    # And the whole cut plays at about real speed (generous: two loaded cores).
    elapsed = samples[-1][0] - samples[0][0]
    assert pane.duration() * 0.9 < elapsed < pane.duration() * 3


def test_space_toggles_play(pane, qtbot, tricolour):
    load(pane, qtbot, [(str(tricolour[0]), 0.0, None)])
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_Space)
    assert pane.is_playing()
    pane.toggle_play()
    assert not pane.is_playing()


def test_selected_shot_first_take_shows_in_the_preview(window, qtbot, tricolour):
    from studio.core.project import Shot, Take

    project, folder = window.project, window.folder
    shot = project.add_shot(Shot(title="New"))
    window.storyboard.select(shot.id)
    qtbot.waitUntil(lambda: window.storyboard.current_shot_id() == shot.id, timeout=5000)
    shutil.copy(tricolour[2], Path(folder) / "assets" / "first-take.mp4")
    with qtbot.waitSignal(window.preview.loaded, timeout=10_000):
        project.add_take(shot.id, Take(path="assets/first-take.mp4", duration=1.0))
    assert window.preview.items()[0][0].endswith("first-take.mp4")
    qtbot.waitUntil(lambda: window.preview.frame_view.image() is not None
                    and dominant(window.preview.frame_view.image()) == "blue", timeout=10_000)


def test_clock_follows_the_sound_device_and_goes_on_without_a_silent_one(monkeypatch):
    from studio.ui.preview import clock as clock_module

    class Device:
        processed = 0

        def processed_us(self) -> int:
            return self.processed

    now = [100.0]
    monkeypatch.setattr(clock_module.time, "monotonic", lambda: now[0])
    device = Device()
    clock = clock_module.Clock()
    clock.start(2.0, device)
    now[0] += 0.5  # the device has not started taking sound: the picture waits with it
    assert clock.now() == pytest.approx(2.0)
    device.processed = 250_000
    now[0] += 0.25
    assert clock.now() == pytest.approx(2.25)
    clock.hold(1.0)  # a late picture never holds the sound
    assert clock.now() == pytest.approx(2.25)
    now[0] += clock_module.SOUND_SILENT_LIMIT + 0.1  # the device stopped taking sound
    assert clock.now() == pytest.approx(2.25)
    assert not clock.follows_sound
    now[0] += 1.0
    assert clock.now() == pytest.approx(3.25)


def test_sound_reaches_the_device_in_step_with_the_picture(qtbot, tricolour):
    from PySide6.QtMultimedia import QMediaDevices

    if QMediaDevices.defaultAudioOutput().isNull():
        pytest.skip("no sound device here")
    widget = PreviewPane(None, multimedia=True)
    qtbot.addWidget(widget)
    widget.show()
    try:
        load(widget, qtbot, [(str(tricolour[0]), 0.0, None), (str(tricolour[1]), 0.0, None)], [0.25])
        assert widget.sound is not None and widget.sound.available
        widget.play()
        qtbot.waitUntil(lambda: widget.sound.processed_us() > 300_000, timeout=15_000)
        heard = widget.sound.processed_us() / 1e6
        assert widget.position() == pytest.approx(heard, abs=0.1)
        qtbot.waitUntil(lambda: not widget.is_playing(), timeout=20_000)
        assert widget.position() == pytest.approx(widget.duration(), abs=0.05)
    finally:
        widget.shutdown()
