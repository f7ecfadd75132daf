"""Read a stretch of a clip's audio as 48 kHz stereo float, sample-exact."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np

from studio.core.errors import MediaError

from .encode import CHANNELS, SAMPLE_RATE
from .probe import open_input

# Seeking costs more than decoding a few seconds of AAC; only seek for later starts.
_SEEK_AFTER = 3.0

# Stereo downmix (ITU-R BS.775 / ATSC A/52 Lo/Ro): centre and surrounds at -3 dB,
# LFE left out. Rows are then scaled so that full-scale input can never clip.
_MINUS_3DB = 2**-0.5
_TO_LEFT_RIGHT = {
    "FL": (1.0, 0.0), "FR": (0.0, 1.0), "FC": (_MINUS_3DB, _MINUS_3DB), "LFE": (0.0, 0.0),
    "BL": (_MINUS_3DB, 0.0), "BR": (0.0, _MINUS_3DB), "SL": (_MINUS_3DB, 0.0), "SR": (0.0, _MINUS_3DB),
    "FLC": (_MINUS_3DB, 0.0), "FRC": (0.0, _MINUS_3DB), "BC": (0.5, 0.5),
    "TFL": (_MINUS_3DB, 0.0), "TFR": (0.0, _MINUS_3DB), "TBL": (_MINUS_3DB, 0.0), "TBR": (0.0, _MINUS_3DB),
}  # fmt: skip


def downmix_matrix(channel_names: list[str]) -> np.ndarray:
    """Shape (2, channels): how each input channel feeds left and right.

    Mono goes to both sides at full level; stereo is unchanged; wider layouts use
    the standard coefficients, normalised so the louder row sums to one.
    """
    if len(channel_names) == 1:
        return np.ones((2, 1), dtype=np.float32)
    matrix = np.array([_TO_LEFT_RIGHT.get(name, (0.5, 0.5)) for name in channel_names], dtype=np.float32).T
    if len(channel_names) > CHANNELS:
        matrix /= matrix.sum(axis=1).max()
    return matrix


def read_audio(path: Path, start: float, count: int) -> np.ndarray:
    """``count`` samples (shape (2, count), float32, 48 kHz) starting at ``start`` seconds.

    Samples are placed by the decoded frames' timestamps, so a clip whose audio
    starts late or early stays in sync with its video; gaps and a short tail are
    filled with silence. A file without audio gives silence.
    """
    out = np.zeros((CHANNELS, max(count, 0)), dtype=np.float32)
    if count <= 0:
        return out
    container = open_input(path)
    try:
        if not container.streams.audio:
            return out
        stream = container.streams.audio[0]
        if start > _SEEK_AFTER:
            container.seek(int((start - 1.0) / stream.time_base), stream=stream, backward=True)
        # Resample only; the downmix to stereo is ours (FFmpeg's default lets 5.1 clip).
        resampler = av.AudioResampler(format="fltp", rate=SAMPLE_RATE)
        matrix: np.ndarray | None = None
        cursor: int | None = None  # output index of the next resampled sample
        for frame in _decoded(container, stream):
            if cursor is None:
                t0 = frame.time if frame.time is not None else 0.0
                cursor = round((t0 - start) * SAMPLE_RATE)
                matrix = downmix_matrix([c.name for c in frame.layout.channels])
            for res in resampler.resample(frame):
                cursor = _place(out, matrix @ res.to_ndarray(), cursor)
            if cursor >= count:
                break
        else:
            if cursor is not None:
                for res in resampler.resample(None):
                    cursor = _place(out, matrix @ res.to_ndarray(), cursor)
        return out
    except av.FFmpegError as exc:
        raise MediaError(f"The sound in {Path(path).name} could not be decoded.", detail=str(exc)) from exc
    finally:
        container.close()


def _decoded(container, stream):
    for packet in container.demux(stream):
        yield from packet.decode()


def _place(out: np.ndarray, samples: np.ndarray, cursor: int) -> int:
    n = samples.shape[1]
    lo, hi = max(cursor, 0), min(cursor + n, out.shape[1])
    if hi > lo:
        out[:, lo:hi] = samples[:, lo - cursor : hi - cursor]
    return cursor + n
