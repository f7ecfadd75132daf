"""The fit preview: a phone selfie dropped in, cropped around the face, and the crop dragged by hand."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from studio.services import media

from uitools import drop_files as _drop

pytestmark = pytest.mark.ui


@pytest.fixture
def heic_selfie(tmp_path, portrait_selfie, iphone_heic) -> Path:
    """A 9:16 iPhone portrait: HEIC, stored sideways with an EXIF turn, a real face in its upper half."""
    return iphone_heic(portrait_selfie, tmp_path / "IMG_0042.HEIC")


def test_heic_selfie_is_cropped_around_the_face_and_the_crop_can_be_dragged(window, heic_selfie, qtbot, run, wait):
    editor = window.editor
    shot = window.project.shots[0]
    _drop(editor.zones["first_frame"], [heic_selfie])
    run(wait(lambda: shot.first_frame is not None))
    assert shot.first_frame.startswith("assets/IMG_0042.HEIC__fit-crop-1280x720-at0-")
    crop = shot.crops["first_frame"]
    assert crop[0] == 0 and crop[2:] == [512, 288]
    face = media.detect_faces(media.load_image(window.folder / "assets" / "IMG_0042.HEIC"))[0]
    assert crop[1] + 0.3 * face.height <= face.y and face.y + face.height <= crop[1] + crop[3]
    sent = media.load_image(window.folder / shot.first_frame)
    assert sent.shape == (720, 1280, 3) and media.detect_faces(sent)

    # the preview shows the whole upright picture with the crop framed
    preview = editor.fit_preview
    run(wait(lambda: preview.crop() is not None))
    assert preview.crop() == tuple(crop) and preview.draggable()
    assert "drag it to move the crop" in editor.fit_caption.text()
    frame = preview.crop_rect_on_screen()
    assert frame.height() < frame.width() and frame.width() > 30

    # drag the frame down to her shoulders
    start = frame.center()
    qtbot.mousePress(preview, Qt.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(preview, QPoint(start.x(), start.y() + step * 6))
    qtbot.mouseRelease(preview, Qt.LeftButton, pos=QPoint(start.x(), start.y() + 30))
    run(wait(lambda: shot.crops["first_frame"] != crop))
    moved = shot.crops["first_frame"]
    assert moved[0] == 0 and moved[2:] == [512, 288] and moved[1] > crop[1] + 50
    assert shot.first_frame == f"assets/IMG_0042.HEIC__fit-crop-1280x720-at0-{moved[1]}.png"
    # the file sent is exactly that part of the picture
    source = media.load_image(window.folder / "assets" / "IMG_0042.HEIC")
    expected = media.fit_image(source, 1280, 720, "crop", tuple(moved))
    assert np.array_equal(media.load_image(window.folder / shot.first_frame), expected)

    # kept in the project: saved, and read back the same
    window.services.projects.save(window.project, window.folder)
    reread = window.services.projects.load(window.folder)
    assert reread.shots[0].crops["first_frame"] == moved
    assert reread.shots[0].first_frame == shot.first_frame

    # one undo step puts the face crop back
    window.undo_stack.undo()
    assert shot.crops["first_frame"] == crop
    assert shot.first_frame.endswith(f"-at0-{crop[1]}.png")


def test_refitting_for_another_model_keeps_a_dragged_crop_of_the_same_shape(window, heic_selfie, run, wait):
    editor = window.editor
    shot = window.project.shots[0]
    _drop(editor.zones["first_frame"], [heic_selfie])
    run(wait(lambda: shot.first_frame is not None))
    editor._crop_moved((0, 400, 512, 288))
    run(wait(lambda: shot.crops["first_frame"][1] == 400))
    # the resolution changes (720p -> 480p): same 16:9 shape, so the same part is sent, smaller
    combo = editor.params.resolution
    combo.setCurrentIndex(combo.findData("480p"))
    run(wait(lambda: "854x480" in (shot.first_frame or "")))
    assert shot.crops["first_frame"] == [0, 400, 512, 288]
    assert shot.first_frame.endswith("854x480-at0-400.png")


def test_a_heic_reference_is_kept_as_an_upright_copy_the_model_reads(window, heic_selfie, run, wait):
    from test_editor import pick_model

    editor = window.editor
    shot = window.project.shots[0]
    pick_model(editor, "replicate:google/veo-3.1")
    _drop(editor.zones["reference_images"], [heic_selfie])
    run(wait(lambda: bool(shot.reference_images)))
    ref = shot.reference_images[0]
    assert ref.startswith("assets/") and ref.endswith("-upright.jpg")
    upright = media.load_image(window.folder / ref)
    assert upright.shape == (910, 512, 3) and media.detect_faces(upright)
    assert "not an image" not in editor.problem.text()
