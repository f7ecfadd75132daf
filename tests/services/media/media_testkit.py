"""Tiny synthetic clips and an A/V sync meter for the media tests and the bench (no Qt)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np

AAC_FRAME_S = 1024 / 48000


def make_clip(
    path: Path,
    w: int = 160,
    h: int = 90,
    fps: float = 30,
    duration: float = 1.0,
    audio_rate: int | None = 48000,
    channels: int = 2,
    tone_hz: float = 440.0,
    color: tuple[int, int, int] = (200, 40, 40),
    gop: int | None = None,
    audio_offset: float = 0.0,
    x264: dict[str, str] | None = None,
) -> Path:
    """Write an H.264 (+ AAC) clip: a solid ``color`` with a moving bar, and a sine tone."""
    rate = Fraction(fps).limit_denominator(1001)
    frames = round(duration * fps)
    with av.open(str(path), "w", format="mp4") as out:
        vs = out.add_stream("libx264", rate=rate)
        vs.width, vs.height, vs.pix_fmt = w, h, "yuv420p"
        options = {"preset": "ultrafast", "crf": "23"}
        if gop:
            options.update(g=str(gop), keyint_min=str(gop), sc_threshold="0")
        options.update(x264 or {})
        vs.codec_context.options = options
        vs.codec_context.time_base = 1 / rate
        aus = None
        if audio_rate:
            aus = out.add_stream("aac", rate=audio_rate)
            aus.layout = "mono" if channels == 1 else "stereo"
        if aus is not None:
            total = round((duration - audio_offset) * audio_rate)
            t = np.arange(total) / audio_rate
            wave = (0.4 * np.sin(2 * np.pi * tone_hz * t)).astype(np.float32)
            planes = np.repeat(wave[None, :], channels, axis=0)
            for i in range(0, total, 1024):
                chunk = np.ascontiguousarray(planes[:, i : i + 1024])
                af = av.AudioFrame.from_ndarray(chunk, format="fltp", layout=aus.layout.name)
                af.sample_rate = audio_rate
                af.pts = i + round(audio_offset * audio_rate)
                out.mux(aus.encode(af))
        for i in range(frames):
            img = np.empty((h, w, 3), np.uint8)
            img[:] = color
            x = (i * 4) % max(w - 8, 1)
            img[:, x : x + 8] = 255 - np.array(color, np.uint8)
            vf = av.VideoFrame.from_ndarray(img, format="rgb24")
            vf.pts = i
            out.mux(vs.encode(vf))
        out.mux(vs.encode(None))
        if aus is not None:
            out.mux(aus.encode(None))
    return path


COLORS = [(220, 30, 30), (30, 200, 30), (30, 30, 220), (220, 220, 30), (30, 220, 220), (220, 30, 220)]
TONES = [300.0, 700.0, 1300.0, 2100.0, 3000.0, 4100.0]


def video_joins(path: Path, colors: list[tuple[int, int, int]]) -> list[float]:
    """Times where the dominant colour switches to the next clip's colour."""
    times = []
    want = 1
    with av.open(str(path)) as c:
        for frame in c.decode(video=0):
            if want >= len(colors):
                break
            px = frame.to_ndarray(format="rgb24")[:, -4:].reshape(-1, 3).mean(axis=0)
            dist = [np.abs(px - np.array(col)).sum() for col in colors]
            if int(np.argmin(dist)) == want:
                times.append(float(frame.time))
                want += 1
    return times


def audio_joins(path: Path, tones: list[float], window: int = 256, hop: int = 32) -> list[float]:
    """Times where the dominant tone switches to the next clip's tone (or to silence)."""
    with av.open(str(path)) as c:
        rs = av.AudioResampler(format="flt", layout="mono", rate=48000)
        chunks, t0 = [], None
        for frame in c.decode(audio=0):
            if t0 is None:
                t0 = float(frame.time or 0.0)
            for r in rs.resample(frame):
                chunks.append(r.to_ndarray().reshape(-1))
        sig = np.concatenate(chunks)
    n = np.arange(window)
    basis = np.stack([np.exp(-2j * np.pi * f * n / 48000) for f in tones])
    times, want = [], 1
    for start in range(0, len(sig) - window, hop):
        if want >= len(tones):
            break
        seg = sig[start : start + window] * np.hanning(window)
        power = np.abs(basis @ seg)
        if power.max() < 1.0:
            continue  # silence: no tone to attribute
        if int(np.argmax(power)) == want:
            times.append(t0 + (start + window / 2) / 48000)
            want += 1
    return times


# --- flash-and-click sync meter --------------------------------------------------------

BURST_S = 0.010  # length of the tone burst at each clip's start
BURST_HZ = 1500.0


def _burst(rate: int) -> np.ndarray:
    n = round(BURST_S * rate)
    t = np.arange(n) / rate
    return (0.6 * np.sin(2 * np.pi * BURST_HZ * t) * np.hanning(n)).astype(np.float32)


def make_sync_clip(
    path: Path,
    frames: int = 30,
    fps: float = 30,
    audio_seconds: float | None = None,
    audio_rate: int = 48000,
    gop: int | None = None,
    w: int = 96,
    h: int = 64,
) -> Path:
    """A clip whose first frame is white (a flash) and whose sound is one short tone burst at 0 s.

    The rest is a dark picture with a moving bar and silence. ``audio_seconds``
    defaults to the picture's length; the AAC carries the encoder's priming frame.
    """
    rate = Fraction(fps).limit_denominator(1001)
    seconds = float(frames / rate) if audio_seconds is None else audio_seconds
    with av.open(str(path), "w", format="mp4") as out:
        vs = out.add_stream("libx264", rate=rate)
        vs.width, vs.height, vs.pix_fmt = w, h, "yuv420p"
        options = {"preset": "ultrafast", "crf": "23"}
        if gop:
            options.update(g=str(gop), keyint_min=str(gop), sc_threshold="0")
        vs.codec_context.options = options
        vs.codec_context.time_base = 1 / rate
        aus = out.add_stream("aac", rate=audio_rate)
        aus.layout = "stereo"
        total = round(seconds * audio_rate)
        wave = np.zeros(total, np.float32)
        burst = _burst(audio_rate)
        wave[: min(total, len(burst))] = burst[:total]
        for i in range(0, total, 1024):
            chunk = np.ascontiguousarray(np.repeat(wave[None, i : i + 1024], 2, axis=0))
            af = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="stereo")
            af.sample_rate, af.pts = audio_rate, i
            out.mux(aus.encode(af))
        out.mux(aus.encode(None))
        for i in range(frames):
            img = np.full((h, w, 3), 255 if i == 0 else 40, np.uint8)
            x = (i * 3) % max(w - 6, 1)
            img[:, x : x + 6] = 120
            vf = av.VideoFrame.from_ndarray(img, format="rgb24")
            vf.pts = i
            out.mux(vs.encode(vf))
        out.mux(vs.encode(None))
    return path


def flash_times(path: Path) -> list[float]:
    """Presentation times of the white frames."""
    times = []
    with av.open(str(path)) as c:
        for frame in c.decode(video=0):
            if frame.to_ndarray(format="gray").mean() > 200:
                times.append(float(frame.time))
    return times


def burst_times(path: Path) -> list[float]:
    """Start times of the tone bursts, from the peaks of a cross-correlation with the burst."""
    with av.open(str(path)) as c:
        rs = av.AudioResampler(format="flt", layout="mono", rate=48000)
        chunks, t0 = [], None
        for frame in c.decode(audio=0):
            if t0 is None:
                t0 = float(frame.time or 0.0)
            chunks += [r.to_ndarray().reshape(-1) for r in rs.resample(frame)]
    sig = np.concatenate(chunks)
    burst = _burst(48000)
    size = 1 << (len(sig) + len(burst)).bit_length()
    corr = np.fft.irfft(np.fft.rfft(sig, size) * np.conj(np.fft.rfft(burst, size)), size)[: len(sig)]
    level = np.abs(corr)
    threshold = 0.3 * float(np.dot(burst, burst))
    times, i, gap = [], 0, round(0.1 * 48000)
    while i < len(level):
        if level[i] > threshold:
            j = i + int(np.argmax(level[i : i + gap]))
            times.append(t0 + j / 48000)
            i = j + gap
        else:
            i += 1
    return times


def sync_offsets(path: Path) -> list[float]:
    """Seconds from each flash to its burst (audio late is positive); asserts they pair up."""
    flashes, bursts = flash_times(path), burst_times(path)
    assert len(flashes) == len(bursts), (flashes, bursts)
    return [b - f for f, b in zip(flashes, bursts)]
