"""Frame rates: the standard set, snapping measured rates to it, and the export rate."""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction

from studio.core.errors import InvalidRequest

STANDARD_RATES: tuple[Fraction, ...] = (
    Fraction(24000, 1001),
    Fraction(24),
    Fraction(25),
    Fraction(30000, 1001),
    Fraction(30),
    Fraction(50),
    Fraction(60000, 1001),
    Fraction(60),
)
_WHOLE_RATES = tuple(r for r in STANDARD_RATES if r.denominator == 1)
# 29.97 and 30 are 0.1 % apart; a measured or typed rate within 1 % of a standard one
# is that rate, the nearest winning.
_SNAP_WITHIN = 0.01


def _distance(a: Fraction, b: Fraction) -> float:
    return abs(math.log(float(a) / float(b)))


def snap_rate(rate: float | Fraction) -> Fraction:
    """``rate`` as an exact fraction: the nearest standard rate within 1 %, else itself.

    29.97 becomes 30000/1001 (not 2997/100); 12.5 stays 25/2.
    """
    value = Fraction(rate) if not isinstance(rate, Fraction) else rate
    if not math.isfinite(float(value)) or value <= 0:
        raise InvalidRequest(f"A frame rate of {float(value):g} is not usable.", field="fps")
    nearest = min(STANDARD_RATES, key=lambda s: _distance(value, s))
    if _distance(value, nearest) <= _SNAP_WITHIN:
        return nearest
    return value.limit_denominator(1001)


def standard_rate(rate: Fraction) -> Fraction:
    """The standard rate an export should use for footage at ``rate``."""
    snapped = snap_rate(rate)
    if snapped in STANDARD_RATES:
        return snapped
    return min(_WHOLE_RATES, key=lambda s: _distance(snapped, s))


def export_rate(rates_and_lengths: Iterable[tuple[Fraction | None, float]]) -> Fraction:
    """The standard rate most of the footage runs at (by length; the earlier clip wins a tie)."""
    weight: dict[Fraction, float] = {}
    order: list[Fraction] = []
    for rate, seconds in rates_and_lengths:
        key = standard_rate(rate) if rate else Fraction(30)
        if key not in weight:
            order.append(key)
            weight[key] = 0.0
        weight[key] += max(seconds, 0.0)
    if not order:
        return Fraction(30)
    return max(order, key=lambda r: (weight[r], -order.index(r)))


def parse_rate(value: float | Fraction | str) -> Fraction:
    """A rate the person typed (``29.97``, ``30000/1001``, ``25``), snapped; raises InvalidRequest."""
    try:
        rate = Fraction(str(value)) if isinstance(value, str) else value
        number = float(rate)
    except (ValueError, ZeroDivisionError, OverflowError):
        raise InvalidRequest(f"{value!r} is not a frame rate; use a number like 25 or 29.97.", field="fps") from None
    if not math.isfinite(number) or number <= 0 or number > 240:
        raise InvalidRequest(f"A frame rate must be between 0 and 240, not {value}.", field="fps")
    return snap_rate(rate)
