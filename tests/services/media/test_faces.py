"""Faces kept in frame when a picture is cropped to a model's shape, on a photo of a real face.

The photo is the astronaut portrait scikit-image ships (a NASA picture in the public domain),
placed on bigger canvases to make the selfies people drop: tall portraits, wide scenes.
"""

from __future__ import annotations

import numpy as np
import pytest

from studio.services.media import (
    centre_crop,
    choose_crop,
    detect_faces,
    face_crop,
    fit_to_file,
    load_image,
    save_image,
)
from studio.services.media.faces import HEADROOM


@pytest.fixture
def astronaut(face_photo) -> np.ndarray:
    return face_photo


def _on_canvas(photo: np.ndarray, size: tuple[int, int], at: tuple[int, int]) -> np.ndarray:
    """``photo`` pasted at ``at`` on a ``size`` canvas with a soft grey background."""
    w, h = size
    canvas = np.full((h, w, 3), 128, np.uint8)
    canvas[:] = np.linspace(90, 170, h, dtype=np.uint8)[:, None, None]
    canvas[at[1] : at[1] + photo.shape[0], at[0] : at[0] + photo.shape[1]] = photo
    return canvas


def _inside_with_headroom(face, crop, min_headroom: float = 0.5) -> bool:
    x, y, w, h = crop
    return (
        face.x >= x
        and face.x + face.width <= x + w
        and face.y + face.height <= y + h
        and face.y - y >= min_headroom * face.height
    )


def test_the_bundled_detector_finds_the_astronauts_face(astronaut):
    faces = detect_faces(astronaut)
    assert len(faces) == 1
    face = faces[0]
    # her face: about 90 px square, left of centre, in the top third of the 512x512 photo
    assert 150 < face.x + face.width / 2 < 300 and 60 < face.y + face.height / 2 < 170
    assert 60 < face.width < 140


def test_portrait_selfie_cropped_to_16_9_keeps_the_head_with_headroom(astronaut, tmp_path):
    selfie = _on_canvas(astronaut, (512, 910), (0, 200))  # a 9:16 phone portrait
    face = detect_faces(selfie)[0]
    centre = centre_crop((512, 910), (1280, 720))
    assert not _inside_with_headroom(face, centre, 0.0)  # the old crop cut the head off

    crop = face_crop(selfie, (1280, 720))
    assert crop[2:] == centre[2:]  # same shape and size, only moved
    assert _inside_with_headroom(face, crop, HEADROOM - 0.05)
    assert (face.y + face.height / 2 - crop[1]) / crop[3] < 0.5  # the face in the upper half

    # what is sent, decoded: the face is there, not at the bottom edge
    source = save_image(selfie, tmp_path / "selfie.png")
    path, used = fit_to_file(source, (1280, 720), "crop", lambda c: tmp_path / f"fit-{c[0]}-{c[1]}.png")
    assert used == crop and path.name == f"fit-{crop[0]}-{crop[1]}.png"
    sent = load_image(path)
    assert sent.shape == (720, 1280, 3)
    seen = detect_faces(sent)
    assert len(seen) == 1
    assert seen[0].y > 0.3 * seen[0].height and seen[0].y + seen[0].height < 0.7 * 720


def test_wide_scene_cropped_to_9_16_follows_the_face_sideways(astronaut):
    scene = _on_canvas(astronaut, (1600, 900), (1050, 300))
    face = detect_faces(scene)[0]
    crop = face_crop(scene, (720, 1280))
    assert not _inside_with_headroom(face, centre_crop((1600, 900), (720, 1280)), 0.0)
    assert _inside_with_headroom(face, crop, 0.3)
    assert abs((crop[0] + crop[2] / 2) - (face.x + face.width / 2)) < 5  # centred on the face


def test_no_face_means_the_centre(astronaut):
    blank = np.tile(np.linspace(0, 255, 400, dtype=np.uint8)[None, :, None], (700, 1, 3))
    assert detect_faces(blank) == []
    assert face_crop(blank, (1280, 720)) == centre_crop((400, 700), (1280, 720))


def test_a_chosen_crop_is_kept_until_the_shape_changes(astronaut):
    selfie = _on_canvas(astronaut, (512, 910), (0, 200))
    chosen = (0, 500, 512, 288)  # someone dragged the frame down to the shoulders
    assert choose_crop(selfie, (1280, 720), chosen) == chosen
    assert choose_crop(selfie, (1280, 720), [0, 900, 512, 288]) == (0, 622, 512, 288)  # kept inside
    # a 1:1 model: that 16:9 crop cannot be reused, so the faces decide again
    square = choose_crop(selfie, (720, 720), chosen)
    assert square[2:] == (512, 512)
    assert _inside_with_headroom(detect_faces(selfie)[0], square, 0.3)
