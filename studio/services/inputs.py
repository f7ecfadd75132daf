"""Checks of a request's image files before anything is sent or paid for."""

from __future__ import annotations

from pathlib import Path

from studio.core.errors import InvalidRequest, MediaError
from studio.core.modelspec import ModelSpec
from studio.core.request import GenerationRequest


def check_image_inputs(request: GenerationRequest, spec: ModelSpec) -> None:
    """Every image input exists, really decodes, and fits the model's byte limit.

    Raises InvalidRequest naming the slot (first_frame, last_frame, reference_images).
    """
    from .media import load_image  # OpenCV loads only when an image is given

    for slot, paths in request.image_inputs().items():
        for raw in paths:
            path = Path(raw)
            label = slot.replace("_", " ")
            if not path.is_file():
                raise InvalidRequest(f"The {label} {path.name} does not exist.", field=slot)
            try:
                load_image(path)
            except MediaError as error:
                raise InvalidRequest(
                    f"The {label} {path.name} is not a readable image.", field=slot, detail=error.user_message
                ) from None
            size = path.stat().st_size
            if spec.max_image_bytes and size > spec.max_image_bytes:
                raise InvalidRequest(
                    f"The {label} {path.name} is {size / 1e6:.1f} MB; {spec.name} takes at most "
                    f"{spec.max_image_bytes / 1e6:.0f} MB.",
                    field=slot,
                )


def sendable_request(request: GenerationRequest, spec: ModelSpec, folder: Path) -> GenerationRequest:
    """``request`` with every local image input turned into what the model should receive.

    First and last frames are decoded (HEIC, AVIF, EXIF-rotated JPEG/WebP, 16-bit PNG,
    transparency …), cropped to the model's exact size around the faces in them, and written
    as JPEG (photos) or PNG, unless the file already is what the model takes; reference images the model cannot read as they are (a format it does not take, or
    a rotation it would ignore) are rewritten upright as JPEG or PNG. The copies go to
    ``folder``, named by their content and size, so the same input gives the same file and
    a resumed job finds it again. The window does the same fitting when an image is dropped.

    A request whose size cannot be worked out yet (a bad duration, say) is returned as it is,
    for :func:`~studio.core.request.validate` to explain.
    """
    from dataclasses import replace

    from studio.core.errors import StudioError
    from studio.core.request import validate

    try:
        bare = replace(request, first_frame=None, last_frame=None, reference_images=())
        size = validate(spec, bare, allow_retired=True).size
    except StudioError:
        return request
    # A model that takes its shape from the first frame gets the whole picture, upright.
    crop = not (spec.aspect_ignored_with_first_frame and request.aspect_ratio is None)
    changes: dict = {}
    for slot in ("first_frame", "last_frame"):
        path = getattr(request, slot)
        if path and not path.startswith(_REMOTE):
            copy = _fitted_copy(Path(path), size, spec, folder) if crop else upright_copy(Path(path), spec, folder)
            changes[slot] = str(copy)
    refs = [r if r.startswith(_REMOTE) else str(upright_copy(Path(r), spec, folder)) for r in request.reference_images]
    if refs != list(request.reference_images):
        changes["reference_images"] = tuple(refs)
    return replace(request, **changes) if changes else request


_REMOTE = ("http://", "https://", "data:")


def _digest(path: Path) -> str:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError as exc:
        raise InvalidRequest(f"Cannot read the image {path.name}: {exc.strerror or exc}.", field="image") from None


def _fitted_copy(path: Path, size: tuple[int, int], spec: ModelSpec, folder: Path) -> Path:
    """``path`` when the model can take it as it is (its format, upright, exactly ``size``),
    else a copy fitted to ``size`` around the faces: JPEG for a photo, PNG otherwise."""
    from studio.core.request import mime_for_path

    from . import media

    mime = mime_for_path(str(path))
    if mime in spec.image_formats and _shape(path) == (size, False):
        return path
    folder.mkdir(parents=True, exist_ok=True)
    photo = path.suffix.lower() in (".jpg", ".jpeg", ".heic", ".heif", ".hif", ".avif")
    suffix = ".jpg" if photo and "image/jpeg" in spec.image_formats else ".png"
    stem = f"{_digest(path)}-{size[0]}x{size[1]}"
    try:
        fitted, _crop = media.fit_to_file(path, size, "crop", lambda crop: folder / f"{stem}-at{crop[0]}-{crop[1]}{suffix}")
    except MediaError as error:
        raise InvalidRequest(f"{path.name} is not a readable image.", field="image", detail=error.user_message) from None
    return fitted


def upright_copy(path: Path, spec: ModelSpec, folder: Path) -> Path:
    """``path`` itself when ``spec`` takes it as it is, else an upright JPEG/PNG copy in ``folder``.

    A copy is made for a format the model does not take (HEIC, AVIF, BMP …) and for a photo
    whose EXIF orientation a provider might ignore. Raises InvalidRequest for an unreadable file.
    """
    from studio.core.request import mime_for_path

    from . import media

    if mime_for_path(str(path)) in spec.image_formats and not _shape(path)[1]:
        return path
    try:
        image = media.load_image(path)
    except MediaError as error:
        raise InvalidRequest(f"{path.name} is not a readable image.", field="reference_images", detail=error.user_message) from None
    folder.mkdir(parents=True, exist_ok=True)
    suffix = ".jpg" if "image/jpeg" in spec.image_formats else ".png"
    copy = folder / f"{_digest(path)}-upright{suffix}"
    if not copy.exists():
        media.save_image(image, copy)
    return copy


def _shape(path: Path) -> tuple[tuple[int, int] | None, bool]:
    """The stored pixel size of an image, and whether it asks to be shown turned or mirrored
    (an EXIF orientation other than 1); read from the header, without decoding."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            return image.size, image.getexif().get(0x0112, 1) not in (0, 1)
    except (OSError, ValueError, SyntaxError):
        return None, False
