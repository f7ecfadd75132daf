"""The offline builder and prompt fitting: no network, the same structure, fitted to the model."""

from __future__ import annotations

import socket

import pytest

from studio.core.errors import InvalidRequest, MediaError
from studio.core.modelspec import DurationRule
from studio.services.assistant import Assistant, AssistantConfig, Fit, compose, snap_duration
from studio.services.assistant.offline import build_sections, presets, sentences
from studio.services.catalog import Catalog

VEO = "replicate:google/veo-3.1"
KLING = "replicate:kwaivgi/kling-v2.5-turbo-pro"


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the offline builder touched the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def offline():
    return Assistant(AssistantConfig(offline=True), Catalog(None))


def test_snap_duration_to_choices_and_ranges():
    choices = DurationRule(choices=(4.0, 6.0, 8.0))
    assert snap_duration(choices, 7) == 6  # a tie goes to the shorter shot
    assert snap_duration(choices, 30) == 8 and snap_duration(choices, 1) == 4
    assert snap_duration(DurationRule(choices=(5.0, 10.0)), 4) == 5
    ranged = DurationRule(minimum=0.5, maximum=60, step=0.5)
    assert snap_duration(ranged, 3.3) == 3.5 and snap_duration(ranged, 99) == 60 and snap_duration(ranged, 0) == 0.5
    assert snap_duration(choices, float("nan")) in (4, 6, 8)


def test_fit_scales_beats_and_dialogue_with_duration():
    assert Fit(duration=4).max_beats == 2 and Fit(duration=8).max_beats == 4 and Fit(duration=2).max_beats == 1
    assert Fit(duration=4).max_dialogue_lines == 1 and Fit(duration=8).max_dialogue_lines == 2


def test_compose_sheds_detail_before_cutting_the_scene():
    sections = build_sections("A dancer spins. She leaps. She lands. She bows. She waves.", "assistant")
    full, _ = compose(sections, Fit(duration=8, max_chars=5000))
    assert full.count("\n- ") == 4  # four beats at most in 8 s
    tight, used = compose(sections, Fit(duration=8, max_chars=260))
    assert len(tight) <= 260 and tight.startswith("Style:")
    assert len(used.actions) == 1 and "A dancer spins" in tight  # beats went first, the scene stayed


async def test_offline_enhance_fills_the_structure_from_presets(offline, no_network):
    result = await offline.enhance('Ночью под дождём кот поёт «мяу-мяу» 🐱', model_id=VEO, duration=8)
    assert result.source == "offline"
    assert "Ночью под дождём кот поёт «мяу-мяу» 🐱" in result.prompt
    cam = result.sections.cinematography
    assert "moonlight" in cam.lighting  # picked by the Russian "ночью"
    assert [d.line for d in result.sections.dialogue] == ["мяу-мяу"]
    assert result.prompt.index("Style:") < result.prompt.index("Cinematography:") < result.prompt.index("Dialogue:")


async def test_offline_meme_for_a_model_without_audio(offline, no_network):
    result = await offline.enhance('Kedi "merhaba" diyor 😂', mode="meme", model_id=KLING)
    assert result.aspect_ratio == "9:16" and result.duration == 5
    assert "Dialogue:" not in result.prompt and "Sound:" not in result.prompt
    assert "Handheld phone video" in result.prompt
    assert 'Kedi "merhaba" diyor 😂' in result.prompt


async def test_offline_from_image_keeps_the_person_and_takes_the_idea(offline, no_network, tmp_path):
    from PIL import Image

    photo = tmp_path / "me.jpg"
    Image.new("RGB", (640, 480), (10, 20, 30)).save(photo)
    result = await offline.from_image(photo, idea="машет рукой", model_id=VEO)
    assert "same face, hair and clothes" in result.prompt and "машет рукой" in result.prompt
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not an image")
    with pytest.raises(MediaError):
        await offline.from_image(broken, model_id=VEO)


async def test_offline_split_divides_by_sentences(offline, no_network):
    story = "Ali kapıyı açar. Sonra sokağa koşar! Yağmur başlar. Eve döner."
    result = await offline.split(story, 2, model_id=VEO)
    assert [s.title for s in result.shots] == ["Ali kapıyı açar", "Yağmur başlar"]
    assert all(s.duration in (4, 6, 8) for s in result.shots)
    fewer = await offline.split("Only one sentence here", 3, model_id=VEO)
    assert len(fewer.shots) == 1 and "1 shot(s) instead of 3" in fewer.notes[0]
    chained = await offline.split("Ali kapıyı açar. Sonra sokağa koşar.", 2, model_id=VEO)
    assert [s.continuity for s in chained.shots] == ["independent", "chained"]


def test_sentences_handle_many_scripts():
    assert sentences("Один. Два! Üç? 四。五") == ["Один.", "Два!", "Üç?", "四。五"]
    assert sentences("line one\nline two") == ["line one", "line two"]


def test_presets_are_data_with_every_kind():
    data = presets()
    for kind in ("styles", "camera_moves", "lenses", "lighting", "moods", "sounds"):
        assert data[kind], kind
    assert {"assistant", "meme", "selfie"} <= set(data["modes"])


async def test_empty_input_and_bad_counts_are_refused(offline):
    with pytest.raises(InvalidRequest):
        await offline.enhance("   ", model_id=VEO)
    with pytest.raises(InvalidRequest):
        await offline.split("story.", 0, model_id=VEO)
    with pytest.raises(InvalidRequest):
        await offline.enhance("x", mode="poem", model_id=VEO)


def test_one_sentence_becomes_beats_at_its_joins_with_quotes_kept_whole():
    from studio.services.assistant.offline import clauses

    assert clauses("Кот играет на пианино и поёт «мяу, мяу»") == ["Кот играет на пианино", "поёт «мяу, мяу»"]
    assert clauses("Kedi uyanır, gerinir ve esner") == ["Kedi uyanır", "gerinir", "esner"]
    assert clauses("A cat sleeps.") == ["A cat sleeps"]
    assert build_sections("A cat wakes, stretches and yawns", "assistant").actions[:3] == ["A cat wakes", "stretches", "yawns"]
