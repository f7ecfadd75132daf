"""Every published Replicate schema we keep, added and generated end to end through the emulator.

The emulator serves each model with its real published input schema (tests/data/
replicate_schemas, sources in SOURCE.md) and answers 422 to any undeclared or invalid field,
as Replicate does. Each model is added as a person would (``add_replicate_model``), then a
job runs through the runner, the real adapter and HTTP to a downloaded, decodable clip.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from keyring.backends import fail

from studio.core.errors import InvalidRequest
from studio.core.jobs import JobState
from studio.core.request import GenerationRequest
from studio.services.context import build_services
from studio.services.media import probe
from studio.services.runner import Timing
from studio.services.secrets import Secrets
from tests.emulators._replicate_real import REAL_MODELS
from tests.emulators.replicate import DEFAULT_TOKEN, ReplicateEmulator

FAST = Timing(poll_first=0.05, poll_max=0.2, retry_base=0.05, retry_max=0.2, reconcile_grace=0.3)


@pytest.fixture
def emulator():
    with ReplicateEmulator(token=DEFAULT_TOKEN, latency=0.2, models=REAL_MODELS) as emu:
        yield emu


@pytest.fixture
async def services(studio_home, emulator, monkeypatch):
    monkeypatch.setenv("REPLICATE_API_TOKEN", DEFAULT_TOKEN)
    monkeypatch.setenv("STUDIO_REPLICATE_BASE_URL", emulator.url)
    svc = build_services(studio_home, secrets=Secrets(fail.Keyring()), timing=FAST, log_to_file=False)
    svc.settings.set("providers.replicate.poll_interval", 0.05)
    yield svc
    await svc.aclose()


def selfie(path):
    """A real 720x1280 portrait JPEG, made here."""
    frame = np.zeros((1280, 720, 3), np.uint8)
    frame[:] = (90, 120, 180)
    cv2.circle(frame, (360, 520), 200, (150, 170, 220), -1)  # a face-coloured disc, not a flat field
    assert cv2.imwrite(str(path), frame)
    return str(path)


def test_the_published_schemas_are_all_there():
    assert len(REAL_MODELS) == 10
    for model, entry in REAL_MODELS.items():
        assert entry["input_schema"]["title"] == "Input", model
        assert "prompt" in entry["fields"], model


@pytest.mark.parametrize("model", sorted(REAL_MODELS))
async def test_add_and_generate_with_every_published_schema(model, services, emulator, tmp_path):
    spec = await services.add_replicate_model(model)
    declared = set(REAL_MODELS[model]["fields"])
    first_frame_required = spec.inputs.get("first_frame") and spec.inputs["first_frame"].required
    request = GenerationRequest(spec.id, "a paper boat drifts down a rain gutter", aspect_ratio="9:16")
    if first_frame_required:
        # Image-only: a text-only request is refused before a row exists or anything is sent.
        with pytest.raises(InvalidRequest) as info:
            await services.runner.submit(request)
        assert info.value.field == "first_frame"
        assert emulator.stats()["create_requests"] == 0 and services.jobstore.list() == []
        request = GenerationRequest(
            spec.id, "she turns and smiles", aspect_ratio="9:16", first_frame=selfie(tmp_path / "me.jpg")
        )

    job = await services.runner.submit(request)
    job = await services.runner.wait(job.id)

    assert job.state is JobState.DONE, job.error
    (prediction,) = emulator.predictions.values()
    sent = prediction["input"]
    assert set(sent) <= declared, set(sent) - declared
    assert set(REAL_MODELS[model]["required"]) <= set(sent)
    if "aspect_ratio" in declared:
        assert sent["aspect_ratio"] == "9:16"
    else:
        assert "aspect_ratio" not in sent  # hailuo, wan i2v: the shape comes from the image
    duration_field = REAL_MODELS[model]["fields"].get("duration", {})
    if "default" in duration_field:
        assert sent["duration"] == duration_field["default"]  # the schema's default, not the longest
    info = probe(job.output_path)
    assert info.video is not None and abs(info.duration - spec.default_duration) < 0.3


async def test_an_undeclared_field_is_refused_by_the_emulator_as_by_replicate(services, emulator):
    # The test would mean nothing if the emulator let anything through.
    provider = services.providers("replicate")
    response = await provider.http_client.post(
        "v1/models/minimax/hailuo-02/predictions",
        json={"input": {"prompt": "x", "aspect_ratio": "16:9"}},
    )
    assert response.status_code == 422
    assert "Additional property aspect_ratio is not allowed" in response.text
    response = await provider.http_client.post(
        "v1/models/minimax/hailuo-2.3-fast/predictions", json={"input": {"prompt": "x"}}
    )
    assert response.status_code == 422 and "first_frame_image is required" in response.text


async def test_extra_parameters_are_typed_before_sending(services, emulator):
    spec = await services.add_replicate_model("bytedance/seedance-1-lite")
    with pytest.raises(InvalidRequest) as info:
        await services.runner.submit(GenerationRequest(spec.id, "waves", extra={"camera_fixed": "sometimes"}))
    assert info.value.field == "camera_fixed" and "true or false" in info.value.user_message
    with pytest.raises(InvalidRequest) as info:
        await services.runner.submit(GenerationRequest(spec.id, "waves", extra={"fps": 30}))
    assert info.value.field == "fps"
    assert emulator.stats()["create_requests"] == 0
    # Typed in as text (a CLI --param or a text box), converted to what the schema says.
    job = await services.runner.submit(GenerationRequest(spec.id, "waves", extra={"camera_fixed": "true", "fps": "24"}))
    job = await services.runner.wait(job.id)
    assert job.state is JobState.DONE, job.error
    (prediction,) = emulator.predictions.values()
    assert prediction["input"]["camera_fixed"] is True and prediction["input"]["fps"] == 24
