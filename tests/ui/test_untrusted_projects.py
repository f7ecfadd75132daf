"""Hostile project folders in the window: refused with one sentence, nothing outside touched."""

from __future__ import annotations

import os

import pytest

from tests.project_kit import shot, with_take, world, write_project

pytestmark = pytest.mark.ui


@pytest.mark.parametrize(
    ("setup", "needle"),
    [
        ("width", "The project's width must be a whole number of pixels"),
        ("assets-link", "The project's assets folder is a link to a folder outside the project"),
        ("first-frame", "Shot 1's first_frame must be a path inside the project folder"),
    ],
)
def test_a_hostile_project_does_not_open_and_says_why(window, tmp_path, setup, needle):
    before = window.project
    folder, elsewhere, secret = world(tmp_path)
    if setup == "width":
        write_project(folder, [with_take(folder, shot("s1"))], settings={"width": -5, "height": 144, "fps": 24})
    elif setup == "assets-link":
        (folder / "assets").symlink_to(elsewhere, target_is_directory=True)
        write_project(folder, [shot("s1")])
    else:
        write_project(folder, [shot("s1", first_frame=str(secret))])
    assert not window.controller.open(folder, guard=False)
    assert len(window.prompter.errors) == 1 and needle in window.prompter.errors[0]
    assert window.project is before  # the open project stays
    assert sorted(os.listdir(elsewhere)) == ["secret.png"]


def test_an_image_dropped_from_elsewhere_is_copied_into_the_project(window, png, run, wait):
    shot_model = window.project.shots[0]
    window.editor.assign_images("first_frame", [png])
    run(wait(lambda: shot_model.first_frame is not None))
    assert shot_model.first_frame.startswith("assets/")
    copied = window.folder / shot_model.first_frame
    assert copied.is_file() and not copied.is_symlink()
    assert window.folder.resolve() in copied.resolve().parents
