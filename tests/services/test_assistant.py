"""The assistant through the real openai SDK against the loopback emulator (real HTTP on 127.0.0.1)."""

from __future__ import annotations

import base64
import io
import json

import pytest
from PIL import Image

from studio.core.errors import AuthError, ContentRejected, ModelUnavailable, QuotaError, TransientError
from openai.lib._parsing._responses import type_to_text_format_param

from studio.services.assistant import Assistant, AssistantConfig, MalformedAnswer, build_assistant
from studio.services.assistant.schemas import PromptSections, Storyboard
from studio.services.catalog import Catalog
from studio.services.settings import Settings
from tests.emulators.openai import DEFAULT_KEY, OpenAIEmulator

VEO = "replicate:google/veo-3.1"
KLING = "replicate:kwaivgi/kling-v2.5-turbo-pro"  # no audio; 5 or 10 s


@pytest.fixture
def emulator():
    with OpenAIEmulator() as emu:
        yield emu


@pytest.fixture
def catalog():
    return Catalog(None)


def make_assistant(emu, catalog, settings=None, **config) -> Assistant:
    config.setdefault("max_retries", 2)
    return Assistant(AssistantConfig(base_url=emu.url, api_key=DEFAULT_KEY, model="test-model", **config), catalog, settings=settings)


async def test_enhance_uses_responses_with_a_strict_schema(emulator, catalog):
    assistant = make_assistant(emulator, catalog)
    result = await assistant.enhance("A fox crosses a snowy road", model_id=VEO, duration=6)
    await assistant.aclose()
    assert emulator.paths() == ["/v1/responses"]
    body = emulator.requests[0]["body"]
    fmt = body["text"]["format"]
    assert fmt["type"] == "json_schema" and fmt["strict"] is True
    assert fmt["schema"]["additionalProperties"] is False
    assert body["model"] == "test-model"
    assert result.source == "assistant"
    # anatomy: style first, then scene, camera, beats, dialogue, sound
    order = [result.prompt.index(h) for h in ("Style:", "Cinematography:", "Actions:", "Dialogue:", "Sound:")]
    assert order == sorted(order)
    assert result.prompt.startswith("Style:")
    # a 6 s shot holds three beats at most; the emulator offered two
    assert len(result.sections.actions) == 2
    assert result.to_json()["source"] == "assistant"


async def test_a_model_without_audio_gets_no_dialogue_and_the_prompt_fits_its_limit(emulator, catalog):
    assistant = make_assistant(emulator, catalog)
    result = await assistant.enhance("Two friends argue about pizza " * 30, model_id=KLING, duration=5)
    await assistant.aclose()
    assert "Dialogue:" not in result.prompt and "Sound:" not in result.prompt
    assert result.sections.dialogue == []
    assert result.duration == 5
    instructions = emulator.requests[0]["body"]["instructions"]
    assert "always empty" in instructions


async def test_the_prompt_is_cut_to_the_models_limit(emulator, catalog):
    spec = catalog.get(VEO)
    from dataclasses import replace

    catalog._specs[VEO] = replace(spec, max_prompt_length=400)
    assistant = make_assistant(emulator, catalog)
    result = await assistant.enhance("Long idea " * 100, model_id=VEO, duration=8)
    await assistant.aclose()
    assert len(result.prompt) <= 400
    assert result.prompt.startswith("Style:")


@pytest.mark.parametrize(
    "text",
    ["Кот в шляпе танцует под дождём", "Kedi şapkayla yağmurda dans ediyor; çok güzel", "🐱🎩💃 under the rain ☔"],
)
async def test_russian_turkish_and_emoji_survive_the_round_trip(emulator, catalog, text):
    assistant = make_assistant(emulator, catalog)
    result = await assistant.enhance(text, model_id=VEO)
    await assistant.aclose()
    assert emulator.requests[0]["text"] == text  # sent intact
    assert text in result.prompt  # and back intact
    assert "language of the user's text" in emulator.requests[0]["body"]["instructions"]


async def test_asking_for_english_changes_the_instruction(emulator, catalog):
    assistant = make_assistant(emulator, catalog)
    await assistant.enhance("Кот танцует, ответь по-английски", model_id=VEO)
    await assistant.aclose()
    assert "in English" in emulator.requests[0]["body"]["instructions"]


async def test_meme_is_short_and_portrait(emulator, catalog):
    assistant = make_assistant(emulator, catalog)
    result = await assistant.enhance("my cat judging my cooking", mode="meme", model_id=VEO)
    await assistant.aclose()
    assert result.aspect_ratio == "9:16" and result.duration == 4
    assert "funny" in emulator.requests[0]["body"]["instructions"]


async def test_manual_is_sent_as_written_without_a_request(emulator, catalog):
    assistant = make_assistant(emulator, catalog)
    result = await assistant.enhance("exactly  my words ✍️", mode="manual", model_id=VEO)
    await assistant.aclose()
    assert result.prompt == "exactly  my words ✍️"
    assert emulator.requests == []


async def test_a_refusal_is_one_sentence_and_not_retried(emulator, catalog):
    assistant = make_assistant(emulator, catalog)
    emulator.inject("refusal")
    with pytest.raises(ContentRejected) as info:
        await assistant.enhance("something", model_id=VEO)
    await assistant.aclose()
    assert info.value.exit_code == 3
    assert "declined" in info.value.user_message and "\n" not in info.value.user_message
    assert len(emulator.requests) == 1


@pytest.mark.parametrize("fault", ["malformed", "violating"])
async def test_one_bad_answer_is_asked_again(emulator, catalog, fault):
    assistant = make_assistant(emulator, catalog)
    emulator.inject(fault)
    result = await assistant.enhance("a lighthouse at dawn", model_id=VEO)
    await assistant.aclose()
    assert len(emulator.requests) == 2
    assert "a lighthouse at dawn" in result.prompt


async def test_two_bad_answers_are_one_sentence_with_exit_code_5(emulator, catalog):
    assistant = make_assistant(emulator, catalog)
    emulator.inject("malformed", "violating")
    with pytest.raises(MalformedAnswer) as info:
        await assistant.enhance("a lighthouse", model_id=VEO)
    await assistant.aclose()
    assert info.value.exit_code == 5 and len(emulator.requests) == 2


async def test_429_is_retried_by_the_sdk_honouring_retry_after(emulator, catalog):
    assistant = make_assistant(emulator, catalog)
    emulator.inject((429, {"Retry-After": "0.6"}))
    await assistant.enhance("a boat", model_id=VEO)
    await assistant.aclose()
    assert len(emulator.requests) == 2
    gap = emulator.requests[1]["time"] - emulator.requests[0]["time"]
    assert gap >= 0.55


async def test_5xx_is_retried_then_reported(emulator, catalog):
    assistant = make_assistant(emulator, catalog, max_retries=1)
    emulator.inject((503, {"Retry-After": "0.05"}))
    await assistant.enhance("a boat", model_id=VEO)
    assert len(emulator.requests) == 2
    emulator.inject((500, {"Retry-After": "0.05"}), (502, {"Retry-After": "0.05"}))
    with pytest.raises(TransientError) as info:
        await assistant.enhance("a boat", model_id=VEO)
    await assistant.aclose()
    assert "HTTP 502" in info.value.user_message
    assert len(emulator.requests) == 4  # one retry layer: the SDK's one retry, none of ours on top


async def test_quota_wrong_key_and_missing_model_map_to_the_taxonomy(emulator, catalog):
    assistant = make_assistant(emulator, catalog, max_retries=0)
    emulator.inject("quota")
    with pytest.raises(QuotaError) as quota:
        await assistant.enhance("x", model_id=VEO)
    assert quota.value.exit_code == 4
    emulator.inject("model_missing")
    with pytest.raises(ModelUnavailable):
        await assistant.enhance("x", model_id=VEO)
    await assistant.aclose()
    assert emulator.paths() == ["/v1/responses", "/v1/responses"]  # a missing model is not a missing route
    wrong = Assistant(AssistantConfig(base_url=emulator.url, api_key="sk-wrong-key-123456", model="m", max_retries=0), catalog)
    with pytest.raises(AuthError) as auth:
        await wrong.enhance("x", model_id=VEO)
    await wrong.aclose()
    assert auth.value.exit_code == 4 and "sk-wrong" not in auth.value.user_message


async def test_unreachable_endpoint_is_one_sentence(catalog):
    with OpenAIEmulator() as emu:
        url = emu.url
    assistant = Assistant(AssistantConfig(base_url=url, api_key=DEFAULT_KEY, model="m", max_retries=0, timeout=5), catalog)
    with pytest.raises(TransientError) as info:
        await assistant.enhance("x", model_id=VEO)
    await assistant.aclose()
    assert "cannot reach" in info.value.user_message


async def test_local_server_without_responses_falls_back_to_chat_and_remembers(tmp_path, catalog):
    settings = Settings(tmp_path / "settings.json")
    with OpenAIEmulator(key=None, without_responses=True) as emu:
        assistant = Assistant(AssistantConfig(base_url=emu.url, model="llama3"), catalog, settings=settings)
        first = await assistant.enhance("Kedi piyano çalıyor 🎹", model_id=VEO)
        await assistant.aclose()
        assert emu.paths() == ["/v1/responses", "/v1/chat/completions"]
        fmt = emu.requests[1]["body"]["response_format"]
        assert fmt["type"] == "json_schema" and fmt["json_schema"]["strict"] is True
        assert "Kedi piyano çalıyor 🎹" in first.prompt
        # the choice is kept in settings: a new assistant (a new run) goes straight to chat
        reloaded = Settings(tmp_path / "settings.json")
        assert reloaded.get("assistant.endpoint_api") == {emu.url: "chat"}
        again = Assistant(AssistantConfig(base_url=emu.url, model="llama3"), catalog, settings=reloaded)
        emu.inject("refusal")
        with pytest.raises(ContentRejected):
            await again.enhance("x", model_id=VEO)
        emu.inject("malformed")
        await again.enhance("y", model_id=VEO)
        await again.aclose()
        assert emu.paths()[2:] == ["/v1/chat/completions"] * 3


async def test_selfie_is_sent_downscaled_as_vision_input(emulator, catalog, tmp_path):
    photo = tmp_path / "selfie.png"
    Image.new("RGB", (3000, 4000), (200, 120, 90)).save(photo)
    assistant = make_assistant(emulator, catalog)
    result = await assistant.from_image(photo, idea="waves at the camera", model_id=VEO)
    await assistant.aclose()
    images = emulator.requests[0]["images"]
    assert len(images) == 1 and images[0].startswith("data:image/jpeg;base64,")
    sent = Image.open(io.BytesIO(base64.b64decode(images[0].split(",", 1)[1])))
    assert sent.size == (768, 1024)
    assert "keep all three unchanged" in emulator.requests[0]["body"]["instructions"]
    assert "waves at the camera" in result.prompt and result.source == "assistant"


async def test_split_snaps_durations_runs_a_continuity_pass_and_suggests_chaining(catalog):
    with OpenAIEmulator(integer=7) as emu:  # 7 s: not offered by Veo (4, 6, 8)
        assistant = make_assistant(emu, catalog)
        story = "Анна выходит из дома. Потом она бежит к морю. Она смеётся."
        result = await assistant.split(story, 3, model_id=VEO)
        await assistant.aclose()
    assert len(emu.requests) == 2  # the split, then the continuity pass over the draft
    passed = json.loads(emu.requests[1]["text"])
    assert passed["story"] == story and len(passed["draft"]["shots"]) == 3
    assert "continuity supervisor" in emu.requests[1]["body"]["instructions"]
    assert [s.duration for s in result.shots] == [6, 6, 6]  # 7 snapped to the nearest allowed, never sent on
    assert any("7 s is not offered" in n for n in result.notes)
    assert [s.continuity for s in result.shots] == ["independent", "chained", "independent"]
    assert 3 <= len(result.palette) <= 5 and all("Palette:" in s.prompt for s in result.shots)
    assert all(s.prompt.startswith(f"Style: {result.style}") for s in result.shots)
    shaped = result.to_json()
    assert set(shaped) == {"shots", "style"} and set(shaped["shots"][0]) == {"title", "prompt", "duration", "continuity"}


async def test_split_with_the_wrong_number_of_shots_is_asked_again(catalog):
    with OpenAIEmulator() as emu:
        assistant = make_assistant(emu, catalog)
        emu.inject("violating")
        result = await assistant.split("One. Two.", 2, model_id=VEO)
        await assistant.aclose()
    assert len(result.shots) == 2 and len(emu.requests) == 3


def test_config_comes_from_env_settings_and_the_keyring(tmp_path, monkeypatch, catalog):
    class Keys:
        def __init__(self, key):
            self.key = key

        def get(self, name):
            assert name == "openai"
            return self.key

    settings = Settings(tmp_path / "s.json")
    monkeypatch.delenv("STUDIO_OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("STUDIO_ASSISTANT_MODEL", raising=False)
    assert not build_assistant(settings, Keys(None), catalog).online  # no key, no endpoint: offline
    settings.set("assistant.model", "gpt-test")
    online = build_assistant(settings, Keys("sk-abcdefgh12345678"), catalog)
    assert online.online and online.config.model == "gpt-test" and "sk-" not in repr(online.config)
    assert not build_assistant(settings, Keys("sk-abcdefgh12345678"), catalog, offline=True).online
    monkeypatch.setenv("STUDIO_OPENAI_BASE_URL", "http://127.0.0.1:9/v1/")
    monkeypatch.setenv("STUDIO_ASSISTANT_MODEL", "llama3")
    local = build_assistant(settings, Keys(None), catalog)  # a local server needs no key
    assert local.online and local.config.base_url == "http://127.0.0.1:9/v1" and local.config.model == "llama3"


def test_a_thin_palette_is_topped_up_to_three_colours():
    from studio.services.assistant.modes import _palette
    from studio.services.assistant.schemas import Storyboard

    thin = Storyboard(style="noir, hard shadows", setting="", palette=["black", " "], characters=[], shots=[])
    assert _palette(thin, "a detective story") == ["black", "jet black", "silver grey"]
    wide = Storyboard(style="x", setting="", palette=[f"c{i}" for i in range(8)], characters=[], shots=[])
    assert _palette(wide, "") == ["c0", "c1", "c2", "c3", "c4"]


def test_the_emulator_refuses_schemas_the_real_api_refuses():
    """Guards the emulator itself: it checks strictness as the API does, so the passing tests mean something."""
    from tests.emulators.openai import strict_problem

    optional = {"type": "object", "properties": {"a": {"type": "string"}}, "required": [], "additionalProperties": False}
    open_ended = {"type": "object", "properties": {}, "required": []}
    nested = {"type": "object", "properties": {"c": {"$ref": "#/$defs/C"}}, "required": ["c"], "additionalProperties": False,
              "$defs": {"C": open_ended}}  # fmt: skip
    assert strict_problem(optional) and strict_problem(open_ended) and strict_problem(nested)
    for model in (PromptSections, Storyboard):
        assert strict_problem(type_to_text_format_param(model)["schema"]) is None


async def test_the_emulator_answers_a_non_strict_schema_with_400(emulator):
    loose = {"type": "json_schema", "name": "loose", "strict": True,
             "schema": {"type": "object", "properties": {"a": {"type": "string"}}, "required": []}}  # fmt: skip
    import openai

    client = openai.AsyncOpenAI(api_key=DEFAULT_KEY, base_url=emulator.url, max_retries=0)
    with pytest.raises(openai.BadRequestError) as info:
        await client.responses.create(model="m", input="x", text={"format": loose})
    await client.close()
    assert info.value.code == "invalid_json_schema"
