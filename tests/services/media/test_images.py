"""The one image loader, on the files phones and editors really make (all made here, then decoded)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from studio.core.errors import MediaError
from studio.services.media import IMAGE_SUFFIXES, load_image, save_image
from studio.services.media.images import BACKGROUND

RED, GREY = (255, 0, 0), (40, 40, 40)
ORIENTATION = 0x0112


def _shown() -> Image.Image:
    """How the photo must look: 60 wide, 40 high, a red marker in the top-left corner."""
    pixels = np.full((40, 60, 3), GREY, np.uint8)
    pixels[:12, :12] = RED
    return Image.fromarray(pixels)


# EXIF orientation -> how the camera stored the pixels of the shown picture.
_STORED = {
    3: lambda im: im.transpose(Image.Transpose.ROTATE_180),
    6: lambda im: im.transpose(Image.Transpose.ROTATE_90),  # shown after turning 90° clockwise
    8: lambda im: im.transpose(Image.Transpose.ROTATE_270),
    2: lambda im: im.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
}


def _assert_upright(img: np.ndarray) -> None:
    assert img.shape == (40, 60, 3), img.shape
    assert np.abs(img[4, 4].astype(int) - RED).max() < 40, img[4, 4]  # marker top-left
    for corner in (img[4, -5], img[-5, 4], img[-5, -5]):
        assert np.abs(corner.astype(int) - GREY).max() < 30, corner


@pytest.mark.parametrize("suffix", [".jpg", ".webp", ".png", ".heic", ".avif"])
@pytest.mark.parametrize("orientation", [6, 3, 8, 2])
def test_exif_orientation_is_honoured_in_every_format(tmp_path, suffix, orientation):
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    stored = _STORED[orientation](_shown())
    path = tmp_path / f"photo{suffix}"
    if suffix == ".heic":
        import pillow_heif

        pillow_heif.register_heif_opener()
    stored.save(path, exif=exif.tobytes(), quality=95)
    if suffix != ".heic":  # HEIF keeps the turn as an 'irot'/'imir' transform libheif applies
        with Image.open(path) as raw:  # the file really is stored turned, and tagged
            assert raw.size == stored.size and raw.getexif().get(ORIENTATION) == orientation
    _assert_upright(load_image(path))


def test_heic_and_avif_decode_like_the_png_they_came_from(tmp_path):
    import pillow_heif

    pillow_heif.register_heif_opener()
    rng = np.random.default_rng(3)
    pixels = np.repeat(np.repeat(rng.integers(0, 255, (12, 16, 3), dtype=np.uint8), 8, 0), 8, 1)
    picture = Image.fromarray(pixels)
    for suffix in (".heic", ".avif"):
        path = tmp_path / f"selfie{suffix}"
        picture.save(path, quality=96)
        decoded = load_image(path)
        assert decoded.shape == pixels.shape and decoded.dtype == np.uint8
        assert np.abs(decoded.astype(int) - pixels).mean() < 12, suffix
    assert {".heic", ".heif", ".avif"} <= IMAGE_SUFFIXES


def test_sixteen_bit_png_greys_and_colours_keep_their_brightness(tmp_path):
    ramp = np.linspace(0, 65535, 64 * 256).astype(np.uint16).reshape(64, 256)
    Image.fromarray(ramp).save(tmp_path / "grey16.png")
    with Image.open(tmp_path / "grey16.png") as raw:
        assert raw.mode == "I;16"
    grey = load_image(tmp_path / "grey16.png")
    assert grey[0, 0].tolist() == [0, 0, 0] and grey[-1, -1].tolist() == [255, 255, 255]
    assert abs(grey.mean() - 127.5) < 1.5  # scaled, not clipped to white above 255

    colour = np.zeros((32, 48, 3), np.uint16)
    colour[..., 0], colour[..., 1] = 65535, 32768
    _write_png_frames(tmp_path / "rgb16.png", [colour], "rgb48le", "png")
    assert load_image(tmp_path / "rgb16.png")[5, 5].tolist() == [255, 128, 0]


def _write_png_frames(path: Path, frames: list[np.ndarray], pix_fmt: str, codec: str) -> None:
    """A (16-bit) PNG or APNG written by FFmpeg's encoder, the way converters produce them."""
    with av.open(str(path), "w", format="apng" if codec == "apng" else "image2") as out:
        stream = out.add_stream(codec, rate=10)
        stream.height, stream.width = frames[0].shape[:2]
        stream.pix_fmt = pix_fmt.replace("le", "be")
        for pixels in frames:
            frame = av.VideoFrame.from_ndarray(pixels, format=pix_fmt).reformat(format=stream.pix_fmt)
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)


@pytest.mark.parametrize("pix_fmt", ["rgb48le", "rgba64le", "gray16le"])
def test_sixteen_bit_apng_gives_its_first_frame_not_black(tmp_path, pix_fmt):
    channels = {"rgb48le": 3, "rgba64le": 4, "gray16le": 1}[pix_fmt]
    frames = []
    for level in (52000, 20000):
        pixels = np.full((32, 48, channels), level, np.uint16)
        if channels == 4:
            pixels[..., 3] = 65535
        frames.append(pixels[..., 0] if channels == 1 else pixels)
    path = tmp_path / "anim.png"
    _write_png_frames(path, frames, pix_fmt, "apng")
    with Image.open(path) as raw:
        assert getattr(raw, "n_frames", 1) == 2  # really an animation
    first = load_image(path)
    assert abs(int(first[10, 10, 0]) - round(52000 / 257)) <= 1, first[10, 10]


def test_transparency_is_flattened_onto_the_background(tmp_path):
    rgba = np.zeros((20, 30, 4), np.uint8)
    rgba[..., 0] = 200
    rgba[:, :10, 3] = 0  # fully transparent strip
    rgba[:, 10:20, 3] = 128  # half
    rgba[:, 20:, 3] = 255  # opaque red
    Image.fromarray(rgba).save(tmp_path / "cutout.png")
    img = load_image(tmp_path / "cutout.png")
    assert img[5, 5].tolist() == list(BACKGROUND)  # not black, not the hidden red
    assert img[5, 25].tolist() == [200, 0, 0]
    half = img[5, 15].astype(int)
    assert abs(half[0] - (200 * 128 + 255 * 127) / 255) <= 2 and abs(half[1] - 127) <= 2

    # palette with a transparent index, and grey + alpha
    palette = Image.fromarray(np.array([[0, 1], [1, 0]], np.uint8), "L").convert("P")
    palette.putpalette([0, 0, 0, 0, 200, 0] + [0] * 762)
    palette.save(tmp_path / "palette.png", transparency=0)
    assert load_image(tmp_path / "palette.png")[0, 0].tolist() == list(BACKGROUND)
    la = Image.fromarray(np.dstack([np.full((4, 4), 60, np.uint8), np.zeros((4, 4), np.uint8)]))
    la.save(tmp_path / "la.png")
    assert load_image(tmp_path / "la.png")[0, 0].tolist() == list(BACKGROUND)
    assert load_image(tmp_path / "cutout.png", background=(0, 0, 255))[5, 5].tolist() == [0, 0, 255]


def test_odd_files_print_nothing_to_the_terminal(tmp_path):
    """libpng/libjpeg warnings (a bad colour profile, stray bytes) never reach stderr."""
    Image.fromarray(np.full((8, 8, 3), 90, np.uint8)).save(tmp_path / "badicc.png", icc_profile=b"not a profile" * 10)
    jpg = tmp_path / "trailing.jpg"
    Image.fromarray(np.full((8, 8, 3), 90, np.uint8)).save(jpg)
    jpg.write_bytes(jpg.read_bytes() + b"\x00garbage after the end")
    palette = Image.fromarray(np.zeros((4, 4), np.uint8), "L").convert("P")
    palette.info["transparency"] = b"\x00" * 3  # palette transparency as bytes: Pillow warns
    palette.save(tmp_path / "ptrans.png", transparency=b"\x00\x00")
    code = (
        "import sys; from studio.services.media import load_image\n"
        "for p in sys.argv[1:]: print(load_image(p).shape)\n"
    )
    files = [str(tmp_path / n) for n in ("badicc.png", "trailing.jpg", "ptrans.png")]
    proc = subprocess.run([sys.executable, "-c", code, *files], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("(") == 3
    assert proc.stderr == ""


def test_damaged_and_wrong_files_are_one_sentence(tmp_path):
    good = save_image(np.full((64, 64, 3), 90, np.uint8), tmp_path / "good.jpg")
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 3])
    heic = tmp_path / "cut.heic"
    import pillow_heif

    pillow_heif.register_heif_opener()
    Image.fromarray(np.full((64, 64, 3), 90, np.uint8)).save(heic)
    heic.write_bytes(heic.read_bytes()[:200])
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "folder.png").mkdir()
    for path, needle in (
        (cut, "not a readable image"),
        (heic, "not a readable image"),
        (tmp_path / "empty.png", "empty"),
        (tmp_path / "folder.png", "folder"),
    ):
        with pytest.raises(MediaError, match=needle) as caught:
            load_image(path)
        assert path.name in caught.value.user_message


def test_a_decompression_bomb_is_refused_before_it_is_decoded(tmp_path):
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 30000, 30000, 8, 2, 0, 0, 0)  # 900 MP, 8-bit RGB
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))
    with pytest.raises(MediaError, match="too large"):
        load_image(bomb)


def test_an_embedded_srgb_profile_leaves_the_colours_alone(tmp_path):
    from PIL import ImageCms

    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    pixels = np.zeros((8, 8, 3), np.uint8)
    pixels[..., 0], pixels[..., 1], pixels[..., 2] = 200, 120, 30
    Image.fromarray(pixels).save(tmp_path / "tagged.png", icc_profile=srgb)
    assert np.abs(load_image(tmp_path / "tagged.png").astype(int) - pixels).max() <= 2


def test_save_image_writes_what_load_image_reads(tmp_path):
    img = np.zeros((24, 32, 3), np.uint8)
    img[..., 2] = 255
    for suffix in (".png", ".webp", ".bmp"):
        back = load_image(save_image(img, tmp_path / f"blue{suffix}"))
        assert np.abs(back.astype(int) - img).max() <= 8, suffix
    with pytest.raises(MediaError, match="use .png or .jpg"):
        save_image(img, tmp_path / "blue.heic")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blue.bmp", "blue.png", "blue.webp"]
