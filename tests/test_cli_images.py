"""studio-cli with the selfies phones make: HEIC, EXIF-rotated, portrait, cropped around the face."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from studio.cli import main
from studio.core.request import GenerationRequest, validate
from studio.services.catalog import Catalog
from studio.services.inputs import sendable_request
from studio.services.media import detect_faces, frame_at, load_image, probe


def test_generate_from_a_heic_portrait_keeps_the_face_in_a_16_9_clip(studio_home, tmp_path, portrait_selfie, iphone_heic):
    selfie = iphone_heic(portrait_selfie, tmp_path / "IMG_0001.HEIC")
    out = tmp_path / "clip.mp4"
    code = main(["--home", str(studio_home), "generate", "-m", "animatic:kenburns", "-p", "she smiles",
                 "--image", str(selfie), "--duration", "1", "--aspect", "16:9", "--resolution", "480p", "-o", str(out)])
    assert code == 0
    info = probe(out)
    assert (info.video.width, info.video.height) == (854, 480)
    frame = frame_at(out, 0.0)
    faces = detect_faces(frame)
    assert len(faces) == 1  # upright (a sideways face is not found) and in the frame
    face = faces[0]
    assert face.y > 0.3 * face.height and face.y + face.height < 480 * 0.75  # headroom, not at the bottom
    # what was sent is kept, named by content, and reused by the same request
    sent = sorted((studio_home / "inputs").iterdir())
    assert len(sent) == 1 and sent[0].suffix == ".jpg"  # a photo goes as JPEG, at the clip's size
    assert load_image(sent[0]).shape == (480, 854, 3)


def test_heic_inputs_become_files_a_cloud_model_takes(tmp_path, portrait_selfie, iphone_heic):
    portrait = portrait_selfie
    spec = Catalog(tmp_path / "models").get("replicate:google/veo-3.1")
    selfie = iphone_heic(portrait, tmp_path / "selfie.heic")
    ref = tmp_path / "ref.avif"
    Image.fromarray(portrait).save(ref)
    request = GenerationRequest(model_id=spec.id, prompt="walk", first_frame=str(selfie), reference_images=(str(ref),))
    with pytest.raises(Exception, match="is not an image"):
        validate(spec, request)  # as it is, no provider reads HEIC
    sendable = sendable_request(request, spec, tmp_path / "inputs")
    validated = validate(spec, sendable)
    assert sendable.first_frame.endswith(".jpg")
    first = load_image(sendable.first_frame)
    assert first.shape[:2] == (validated.size[1], validated.size[0])  # fitted to the model's size
    assert detect_faces(first)
    reference = Path(sendable.reference_images[0])
    assert reference.suffix == ".jpg" and load_image(reference).shape == portrait.shape  # upright, whole
    again = sendable_request(request, spec, tmp_path / "inputs")
    assert again == sendable  # the same input gives the same files
    assert len(list((tmp_path / "inputs").iterdir())) == 2

    plain = tmp_path / "plain.png"
    Image.fromarray(portrait).save(plain)
    exact = tmp_path / "exact.png"
    Image.fromarray(first).save(exact)
    request = GenerationRequest(model_id=spec.id, prompt="w", first_frame=str(exact), reference_images=(str(plain),))
    untouched = sendable_request(request, spec, tmp_path / "inputs")
    assert untouched == request  # a PNG it takes, already the right size, is sent as it is
