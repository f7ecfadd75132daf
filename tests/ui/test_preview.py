"""PreviewPane: load a clip or a cut, scrub, step, play through a cut in order."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from studio.ui.preview import PreviewPane
from studio.services.media import probe
from studio.ui.preview.frames import FrameCache, to_qimage

pytestmark = pytest.mark.ui

FPS = 24


def make_clip(path: Path, seconds: float, color: tuple[int, int, int], *, audio: bool = True, size=(160, 90)) -> Path:
    """A tiny H.264 (+AAC) clip: a solid colour with the frame number drawn as a white bar."""
    width, height = size
    with av.open(str(path), "w") as container:
        video = container.add_stream("h264", rate=FPS)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        if audio:
            sound = container.add_stream("aac", rate=48000)
            sound.layout = "stereo"
        frames = int(seconds * FPS)
        for i in range(frames):
            img = np.zeros((height, width, 3), np.uint8)
            img[:] = color
            img[: height // 4, : max(2, (i + 1) * width // frames)] = 255  # progress bar = frame index
            frame = av.VideoFrame.from_ndarray(img, format="rgb24")
            frame.pts = i
            frame.time_base = Fraction(1, FPS)
            for packet in video.encode(frame):
                container.mux(packet)
        if audio:
            total = int(seconds * 48000)
            pts = 0
            while pts < total:
                n = min(1024, total - pts)
                tone = (0.1 * np.sin(2 * np.pi * 440 * (np.arange(n) + pts) / 48000)).astype(np.float32)
                af = av.AudioFrame.from_ndarray(np.stack([tone, tone]), format="fltp", layout="stereo")
                af.sample_rate = 48000
                af.pts = pts
                pts += n
                for packet in sound.encode(af):
                    container.mux(packet)
        for stream in container.streams:
            for packet in stream.encode():
                container.mux(packet)
    return path


@pytest.fixture(scope="module")
def clips(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("clips")
    return [
        make_clip(folder / "red.mp4", 1.0, (200, 30, 30)),
        make_clip(folder / "green.mp4", 1.0, (30, 200, 30), audio=False),
        make_clip(folder / "blue.mp4", 1.0, (30, 30, 200)),
    ]


@pytest.fixture(params=["frames", "multimedia"])
def pane(request, qtbot):
    multimedia = request.param == "multimedia"
    if multimedia:
        from studio.ui.preview import multimedia_available

        if not multimedia_available():
            pytest.skip("no Qt Multimedia backend here")
    widget = PreviewPane(None, multimedia=multimedia)
    qtbot.addWidget(widget)
    widget.resize(480, 360)
    widget.show()
    yield widget
    widget.shutdown()


def dominant(image) -> str:
    color = image.pixelColor(image.width() // 2, image.height() * 3 // 4)
    values = {"red": color.red(), "green": color.green(), "blue": color.blue()}
    return max(values, key=values.get)


def test_show_clip_probes_and_shows_first_frame(pane, clips, qtbot):
    with qtbot.waitSignal(pane.loaded, timeout=5000):
        pane.show_clip(str(clips[0]))
    assert pane.duration() == pytest.approx(1.0, abs=0.05)
    assert pane.slider.maximum() == pytest.approx(1000, abs=50)
    assert pane.time_label.text() == "0:00.00 / " + pane.time_label.text().split(" / ")[1]
    qtbot.waitUntil(lambda: pane.frame_view.image() is not None, timeout=5000)
    assert dominant(pane.frame_view.image()) == "red"
    assert pane.play_button.isEnabled()


def test_frame_step_moves_one_frame_and_pauses(pane, clips, qtbot):
    with qtbot.waitSignal(pane.loaded, timeout=5000):
        pane.show_clip(str(clips[0]))
    qtbot.mouseClick(pane.forward_button, Qt.MouseButton.LeftButton)
    assert not pane.is_playing()
    assert int(pane.position() * FPS) == 1
    for _ in range(5):
        pane.step(1)
    assert int(pane.position() * FPS) == 6
    qtbot.mouseClick(pane.back_button, Qt.MouseButton.LeftButton)
    assert int(pane.position() * FPS) == 5
    assert pane.slider.value() == pytest.approx(pane.position() * 1000, abs=1)
    # The exact frame arrives from the worker: its white bar is 6/24 of the width.
    def bar_right_edge():
        img = pane.frame_view.image()
        if img is None:
            return -100
        row = img.height() // 8
        return max((x for x in range(img.width()) if img.pixelColor(x, row).lightness() > 200), default=-1)

    qtbot.waitUntil(lambda: abs(bar_right_edge() + 1 - 6 * 160 / 24) <= 3, timeout=5000)
    pane.step(-100)
    assert pane.position() == pytest.approx(0.5 / FPS, abs=1e-3)


def test_scrubbing_shows_frames_from_the_cut_while_dragging(pane, clips, qtbot):
    with qtbot.waitSignal(pane.loaded, timeout=5000):
        pane.show_cut([(str(clips[0]), 0.0, None), (str(clips[2]), 0.0, None)])
    assert pane.duration() == pytest.approx(2.0, abs=0.1)
    slider = pane.slider
    # Press on the groove three quarters along: the slider jumps there and the frame follows.
    groove_y = slider.height() // 2
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=QPoint(int(slider.width() * 0.8), groove_y))
    assert pane.stack.currentWidget() is pane.frame_view
    assert pane.current_index() == 1
    qtbot.waitUntil(lambda: pane.frame_view.image() is not None and dominant(pane.frame_view.image()) == "blue", timeout=5000)
    qtbot.mouseMove(slider, QPoint(int(slider.width() * 0.2), groove_y))
    slider.sliderMoved.emit(int(slider.maximum() * 0.2))  # offscreen mouse moves do not always drag
    qtbot.waitUntil(lambda: dominant(pane.frame_view.image()) == "red", timeout=5000)
    assert pane.current_index() == 0
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=QPoint(int(slider.width() * 0.2), groove_y))
    assert not pane._dragging
    assert pane.position() == pytest.approx(slider.value() / 1000, abs=0.01)


def test_show_cut_plays_every_clip_in_order_with_trims(pane, clips, qtbot):
    cut = [(str(clips[0]), 0.25, 0.75), (str(clips[1]), 0.0, 0.5), (str(clips[2]), 0.5, None)]
    with qtbot.waitSignal(pane.loaded, timeout=5000):
        pane.show_cut(cut)
    assert pane.duration() == pytest.approx(1.5, abs=0.05)
    assert pane.item_label.text() == "Clip 1 of 3"
    visited = []
    pane.item_changed.connect(visited.append)
    pane.play()
    assert pane.is_playing()
    qtbot.waitUntil(lambda: not pane.is_playing(), timeout=8000)
    assert visited == [1, 2]
    assert pane.position() == pytest.approx(pane.duration(), abs=0.05)
    # Play again from the end restarts the cut.
    pane.play()
    assert pane.current_index() == 0
    pane.pause()


def test_missing_file_is_explained_and_skipped(pane, clips, tmp_path, qtbot):
    with qtbot.waitSignal(pane.loaded, timeout=5000):
        pane.show_cut([(str(tmp_path / "gone.mp4"), 0.0, None), (str(clips[0]), 0.0, None)])
    assert pane.duration() == pytest.approx(1.0, abs=0.05)
    assert "gone.mp4" in pane.note.text()
    assert pane.note.isVisible()
    assert pane.current_index() == 1


def test_nothing_to_play(pane, tmp_path, qtbot):
    with qtbot.waitSignal(pane.loaded, timeout=5000):
        pane.show_clip(str(tmp_path / "gone.mp4"))
    assert not pane.play_button.isEnabled()
    pane.play()
    assert not pane.is_playing()


def test_frames_only_mode_says_so(qtbot):
    widget = PreviewPane(None, multimedia=False)
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.has_multimedia
    assert "without sound" in widget.note.text()
    assert widget.note.isVisible()
    widget.shutdown()


def test_frame_cache_is_bounded_lru(clips):
    assert probe(clips[0]).video.fps == pytest.approx(FPS)
    image = to_qimage(np.zeros((90, 160, 3), np.uint8))
    cache = FrameCache(max_bytes=image.sizeInBytes() * 3)
    for i in range(5):
        cache.put("a", i, image)
    assert len(cache) == 3
    assert cache.get("a", 0) is None and cache.get("a", 4) is not None
    cache.get("a", 2)  # recently used: survives the next insert
    cache.put("a", 5, image)
    assert cache.get("a", 2) is not None and cache.get("a", 3) is None
    assert cache.nearest("a", 100) is not None


def test_phone_clip_stored_sideways_shows_upright(qtbot, tmp_path):
    """A portrait phone clip (stored landscape, display rotation -90) is shown portrait, upright."""
    phone = tmp_path / "phone.mp4"
    with av.open(str(phone), "w") as container:
        video = container.add_stream("h264", rate=FPS)
        video.width, video.height, video.pix_fmt = 160, 96, "yuv420p"
        video.set_display_rotation(-90)
        for i in range(6):
            img = np.zeros((96, 160, 3), np.uint8)
            img[:24, :24] = (255, 0, 0)  # marker in the stored top-left corner
            frame = av.VideoFrame.from_ndarray(img, format="rgb24")
            frame.pts, frame.time_base = i, Fraction(1, FPS)
            container.mux(video.encode(frame))
        container.mux(video.encode(None))
    video = probe(phone).video
    assert (video.display_width, video.display_height) == (96, 160)
    widget = PreviewPane(None, multimedia=False)
    qtbot.addWidget(widget)
    widget.show()
    try:
        with qtbot.waitSignal(widget.loaded, timeout=5000):
            widget.show_clip(str(phone))
        qtbot.waitUntil(lambda: widget.frame_view.image() is not None, timeout=5000)
        image = widget.frame_view.image()
        assert image.height() > image.width()  # portrait
        # Turned 90 degrees clockwise: the stored top-left marker is now top-right.
        assert image.pixelColor(image.width() - 4, 4).red() > 180
        assert image.pixelColor(4, image.height() - 4).red() < 60
    finally:
        widget.shutdown()
