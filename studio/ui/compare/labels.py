"""What a take is called in the compare view: its number, model, cost and seed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from studio.core.project import Take
from studio.ui.i18n import format_money, format_number

NO_SEED = "—"


def _tr(text: str) -> str:
    return QCoreApplication.translate("TakeLabels", text)


def model_name(catalog: Any, model_id: str) -> str:
    """The catalog's name for a model (with its label, e.g. "offline animatic"), else its id."""
    try:
        spec = catalog.get(model_id)
    except Exception:  # noqa: BLE001 - a model no longer in the catalog is shown by its id
        return model_id or _tr("unknown model")
    label = spec.label or ""
    if label.lower().startswith(spec.name.lower()):  # "Offline animatic" + "offline animatic, not AI"
        return spec.name + label[len(spec.name):]
    return spec.name + (f" ({label})" if label else "")


def cost_text(take: Take) -> str:
    if take.cost is None:
        return _tr("price unknown")
    if not take.cost:
        return _tr("free")
    return format_money(take.cost)


def seed_text(take: Take) -> str:
    """The seed the take was made with, where the request or provider recorded one; else a dash."""
    return str(take.seed) if take.seed is not None else NO_SEED


def take_title(number: int, chosen: bool) -> str:
    title = _tr("Take {number}").format(number=number)
    return _tr("{title} · in the cut").format(title=title) if chosen else title


def take_details(take: Take, catalog: Any) -> str:
    """``Veo 3.1 Fast · $0.40 · seed 42 · 4.0 s``."""
    return _tr("{model} · {cost} · seed {seed} · {seconds} s").format(
        model=model_name(catalog, take.model_id), cost=cost_text(take), seed=seed_text(take),
        seconds=format_number(take.duration, 1),
    )
