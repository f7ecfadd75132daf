"""Title cards and the animatic label drawn in any script, with the bundled font or a system one."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from studio.services.media import frame_at, probe, render_animatic, title_card
from studio.services.media import text as card_text
from studio.services.media.animatic import LABEL, _label_masks

W, H = 1280, 720
TEXT_SIZE = 38  # the prompt's pixel size on a 720-line card


def _ink(card: np.ndarray) -> np.ndarray:
    """Where the prompt's light text is (the gradient behind it is dark)."""
    return card.min(axis=2) > 120


def _rendered(line: str) -> np.ndarray:
    """``line`` drawn straight with Pillow and the bundled font, as a reference."""
    font = ImageFont.truetype(str(card_text.bundled_font_path()), TEXT_SIZE)
    left, top, right, bottom = font.getbbox(line)
    canvas = Image.new("L", (right - left, bottom - top), 0)
    ImageDraw.Draw(canvas).text((-left, -top), line, font=font, fill=255)
    return np.asarray(canvas) > 120


def _text_box(mask: np.ndarray) -> np.ndarray:
    rows, cols = np.nonzero(mask)
    return mask[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]


@pytest.mark.parametrize(
    "prompt",
    [
        "Маяк на закате",  # Russian
        "Işık ılık",  # Turkish dotless ı
        "Φάρος στο σούρουπο",  # Greek
        "Wide shot, dusk",
    ],
)
def test_the_prompt_is_drawn_in_its_own_letters(prompt):
    card = title_card(W, H, prompt)
    middle = _ink(card)[: int(H * 0.85)]  # leave the corner label out
    drawn = _text_box(middle)
    expected = _text_box(_rendered(prompt))
    # the same glyphs: same box (within anti-aliasing) and nearly the same pixels
    assert abs(drawn.shape[0] - expected.shape[0]) <= 2 and abs(drawn.shape[1] - expected.shape[1]) <= 2
    h, w = min(drawn.shape[0], expected.shape[0]), min(drawn.shape[1], expected.shape[1])
    agreement = (drawn[:h, :w] == expected[:h, :w]).mean()
    assert agreement > 0.97, agreement
    fallback = _text_box(_ink(title_card(W, H, "(no prompt)"))[: int(H * 0.85)])
    assert drawn.shape != fallback.shape


def test_dotless_i_is_not_the_dotted_one():
    dotless = _ink(title_card(W, H, "ıııı"))
    dotted = _ink(title_card(W, H, "iiii"))
    assert dotless.sum() > 100
    assert dotless.sum() < dotted.sum()  # the dots are missing, as they must be


def test_long_prompts_wrap_by_rendered_width_and_end_with_an_ellipsis():
    font = card_text.load_font(str(card_text.bundled_font_path()), TEXT_SIZE)
    words = "Медленный облёт маяка на закате, волны разбиваются о скалы, чайки кружат над фонарём"
    lines = card_text.wrap(words, font, 500)
    assert len(lines) > 2 and " ".join(lines) == words
    assert all(font.getlength(line) <= 500 for line in lines)
    wide = card_text.wrap("W" * 40, font, 300)  # one word wider than the line is broken, not lost
    assert "".join(wide) == "W" * 40 and all(font.getlength(line) <= 300 for line in wide)
    kana = card_text.wrap("夕暮れの灯台と波と鳥" * 3, font, 200)
    assert len(kana) > 1 and "".join(kana) == "夕暮れの灯台と波と鳥" * 3

    card = title_card(W, H, " ".join([words] * 8))
    rows = np.nonzero(_ink(card)[: int(H * 0.85)].any(axis=1))[0]
    assert rows.min() > H * 0.1 and rows.max() < H * 0.9  # kept within the card


def test_bundled_font_covers_latin_cyrillic_greek_but_not_japanese():
    bundled = card_text.bundled_font_path()
    assert bundled.is_file() and (bundled.parent / "LICENSE-DejaVu.txt").is_file()
    assert card_text.covers(bundled, "AzÇğış Жжё ΩαΣ éü")
    assert not card_text.covers(bundled, "灯台")
    assert card_text.font_paths("Маяк ıİ Φάρος") == [str(bundled)]


def test_a_script_the_bundled_font_lacks_uses_a_system_font_that_has_it():
    japanese = "夕暮れの灯台"
    paths = card_text.font_paths(japanese + " Lighthouse")
    if len(paths) < 2:
        pytest.skip("no font with Japanese glyphs is installed on this machine")
    assert paths[0] == str(card_text.bundled_font_path()) and card_text.covers(paths[1], japanese)
    stack = card_text.FontStack(paths, TEXT_SIZE)
    # Latin stays in the bundled font even when the fallback has no Latin letters
    assert [(f.path, piece) for f, piece in stack.runs("灯台 Lighthouse")] == [
        (paths[1], "灯台 "),
        (paths[0], "Lighthouse"),
    ]
    card = title_card(W, H, japanese + " Lighthouse")
    ink = _ink(card)[: int(H * 0.85)]
    assert ink.sum() > 500  # drawn, not "(no prompt)"
    latin = _text_box(_rendered("Lighthouse"))
    drawn = _text_box(ink)
    assert drawn.shape[1] > latin.shape[1] + 100  # the Japanese glyphs are there beside the Latin


def test_fallback_is_chosen_by_coverage(monkeypatch, tmp_path):
    """With a primary font lacking Cyrillic, the candidate that has it wins, character by character."""
    import shutil

    candidates = [str(card_text.bundled_font_path())]
    no_cyrillic = tmp_path / "latin-only.ttf"
    # Pillow's own built-in font is bitmap-only; any TrueType font without Cyrillic will do.
    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuMathTeXGyre.ttf",):
        try:
            shutil.copy(path, no_cyrillic)
        except OSError:
            pytest.skip("no Latin-only TrueType font on this machine")
    if card_text.covers(no_cyrillic, "Ж"):
        pytest.skip("the Latin-only font turned out to have Cyrillic")
    monkeypatch.setattr(card_text, "bundled_font_path", lambda: no_cyrillic)
    monkeypatch.setattr(card_text, "_fontconfig_fonts", lambda char: ())
    monkeypatch.setattr(card_text, "_COMMON_FONTS", tuple(candidates))
    assert card_text.font_paths("Latin only") == [str(no_cyrillic)]
    assert card_text.font_paths("Жук") == [str(no_cyrillic), candidates[0]]


def test_the_label_says_what_it_is_on_every_frame(tmp_path):
    (y0, x0), outline, text = _label_masks(W, H)
    assert text.sum() > 200 and (outline & ~text).sum() > text.sum() * 0.5  # outlined
    assert y0 + outline.shape[0] <= H and x0 + outline.shape[1] <= W
    font = ImageFont.truetype(str(card_text.bundled_font_path()), 17)
    assert abs(text.shape[1] - font.getlength(LABEL)) < 8  # the whole label, in the bundled font
    card = title_card(W, H, "")
    corner = card[int(H * 0.9) :, int(W * 0.7) :]
    assert (corner.max(axis=2) > 110).sum() > 150  # the grey label is there

    out = tmp_path / "card.mp4"
    render_animatic(out, width=640, height=360, fps=24, duration=0.5, prompt="Маяк на закате")
    assert probe(out).video.width == 640
    frame = frame_at(out, 0.2)
    assert (frame.min(axis=2) > 150)[: int(360 * 0.85)].sum() > 200  # Cyrillic made it to the clip
