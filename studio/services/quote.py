"""The quote: what a storyboard run would send, in what order, and what it would cost.

Before "Generate missing" or ``storyboard run`` sends anything, the person sees the plan:
every generation the run would submit (the shots without a take, or every shot × N takes),
its model and seconds, its price from the catalog's per-second rates, which shot waits for
which (a chained or bridged shot starts from the previous shot's last frame), and the total.

Money is counted in :class:`~decimal.Decimal` so the total is exactly the sum of the lines.
A price the catalog does not know stays unknown (``None``), never 0: the total is then
unknown too, and a storyboard-wide run refuses to start until the person accepts it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from studio.core.errors import InvalidRequest, ModelUnavailable, StudioError
from studio.core.modelspec import ModelSpec
from studio.core.project import Project, Shot
from studio.core.request import validate

from .catalog import Catalog

CENT = Decimal("0.01")
# Quotes are kept to 1/10000 of a dollar, as the runner records them (Seedance costs $0.018/s).
_QUANTUM = Decimal("0.0001")
# Stands in for a frame continuity will extract; only its type matters for the price.
_CONTINUITY_FRAME = "continuity-frame.png"


@dataclass(frozen=True)
class PlannedGeneration:
    """One generation a run would send: a shot (one of its takes), its model, length and price."""

    shot_id: str
    name: str  # "Shot 2 (Keeper)"
    title: str
    number: int  # the shot's place in the storyboard, from 1
    take: int  # which of ``takes`` this is, from 1
    takes: int
    model_id: str
    model_name: str
    seconds: float
    cost: Decimal | None
    waits_for: str | None = None  # the shot id whose take this one starts from
    stage: int = 0  # 0 starts at once; n starts after a generation of stage n-1
    note: str = ""  # why the price is unknown, or what will stop this shot

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.shot_id,
            "title": self.title,
            "model": self.model_id,
            "seconds": self.seconds,
            "cost": None if self.cost is None else float(self.cost),
        }


@dataclass(frozen=True)
class Quote:
    """The plan of one run and its price; ``total`` is None when any price is unknown."""

    generations: tuple[PlannedGeneration, ...]
    currency: str = "USD"
    takes: int | None = None  # None: only the shots without a take, once each
    notes: tuple[str, ...] = field(default=())

    @property
    def known_total(self) -> Decimal:
        """The sum of the prices that are known."""
        return sum((g.cost for g in self.generations if g.cost is not None), Decimal(0))

    @property
    def unknown(self) -> tuple[PlannedGeneration, ...]:
        return tuple(g for g in self.generations if g.cost is None)

    @property
    def total(self) -> Decimal | None:
        return None if self.unknown else self.known_total

    def stages(self) -> list[list[PlannedGeneration]]:
        """The generations grouped by when they can start: all of stage 0 at once, then 1, …"""
        grouped: dict[int, list[PlannedGeneration]] = {}
        for generation in self.generations:
            grouped.setdefault(generation.stage, []).append(generation)
        return [grouped[stage] for stage in sorted(grouped)]

    def to_json(self) -> dict[str, Any]:
        """``{"total", "currency", "shots": [{"id", "title", "model", "seconds", "cost"}]}``, one line per generation."""
        total = self.total
        return {
            "total": None if total is None else float(total),
            "currency": self.currency,
            "shots": [g.to_json() for g in self.generations],
        }

    def unknown_price_sentence(self) -> str | None:
        """One sentence naming what has no known price, or None when every price is known."""
        unknown = self.unknown
        if not unknown:
            return None
        names: list[str] = []
        for generation in unknown:
            label = f"{generation.name} ({generation.model_name})"
            if label not in names:
                names.append(label)
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        return (
            f"Studio does not know the price of {shown}, so this run's total is unknown "
            f"(the known part is {money(self.known_total, self.currency)})."
        )


def money(amount: Decimal | float | None, currency: str = "USD") -> str:
    """``$1.20`` (or ``$0.018`` when a fraction of a cent matters), ``unknown`` for None."""
    if amount is None:
        return "unknown"
    value = Decimal(str(amount))
    shown = value.quantize(CENT) if value == value.quantize(CENT) else value.quantize(Decimal("0.001")).normalize()
    sign = "$" if currency == "USD" else ""
    suffix = "" if currency == "USD" else f" {currency}"
    return f"{sign}{shown:f}{suffix}"


def plan_run(
    catalog: Catalog,
    project: Project,
    *,
    takes: int | None = None,
    models: list[str] | None = None,
    shot_ids: list[str] | None = None,
) -> Quote:
    """What a storyboard run would send and cost (no I/O: the catalog and the project only).

    ``takes=None`` plans "Generate missing" / ``storyboard run``: each shot without a chosen
    take, once. ``takes=N`` plans N new takes of every shot. ``models`` (variations) makes
    those takes on each of these models, the shot's request fitted to each as the run fits it;
    ``shot_ids`` (regenerating named shots) plans those shots only, take or not. Chained and
    bridged shots wait for the shot before them when that one is generated in the same run.
    """
    from .takes import take_plan

    if takes is not None and takes < 1:
        raise InvalidRequest("The number of takes must be at least 1.", field="takes")
    if shot_ids:
        wanted = set(shot_ids)
        shots = [shot for shot in project.shots if shot.id in wanted]
    elif takes is not None or models:
        shots = list(project.shots)
    else:
        shots = project.shots_without_take()
    planned_ids = {s.id for s in shots}
    stage_of: dict[str, int] = {}
    generations: list[PlannedGeneration] = []
    currencies: set[str] = set()
    for shot in shots:
        index = project.index_of(shot.id)
        previous = project.shots[index - 1] if index > 0 else None
        waits_for = (
            previous.id if previous is not None and shot.continuity != "independent" and previous.id in planned_ids else None
        )
        stage = stage_of[waits_for] + 1 if waits_for else 0
        stage_of[shot.id] = stage
        chained = previous is not None and shot.continuity != "independent"
        plan = take_plan(shot, takes or 1, models)
        for take, model_id in enumerate(plan, start=1):
            spec = catalog.get(model_id) if model_id in catalog else None
            seconds, cost, note = _price(spec, project, shot, chained=chained, model_id=model_id)
            if spec is not None and cost is not None:
                currencies.add(spec.currency)
            generations.append(
                PlannedGeneration(
                    shot_id=shot.id,
                    name=shot_label(project, shot),
                    title=shot.title,
                    number=index + 1,
                    take=take,
                    takes=len(plan),
                    model_id=model_id,
                    model_name=spec.name if spec else model_id,
                    seconds=seconds,
                    cost=cost,
                    waits_for=waits_for,
                    stage=stage,
                    note=note,
                )
            )
    notes: tuple[str, ...] = ()
    if len(currencies) > 1:
        notes = ("These models are priced in different currencies (" + ", ".join(sorted(currencies)) + "); the total adds them as numbers.",)
    return Quote(tuple(generations), currency=next(iter(currencies)) if len(currencies) == 1 else "USD", takes=takes, notes=notes)


def shot_label(project: Project, shot: Shot) -> str:
    """``Shot 2`` or ``Shot 2 (Keeper)``, as the storyboard names shots in its sentences."""
    from .storyboard import shot_name

    return shot_name(project, shot)


def _price(
    spec: ModelSpec | None, project: Project, shot: Shot, *, chained: bool, model_id: str | None = None
) -> tuple[float, Decimal | None, str]:
    """The shot's seconds on ``spec``, its price (None when unknown) and a note on either."""
    if spec is None:
        return shot.duration, None, f"{model_id or shot.model_id} is not in the model catalog."
    from .storyboard import shot_request
    from .takes import request_for_model

    request = shot_request(project, None, shot, resolve=lambda _folder, path, _field: path)  # no I/O: only the price
    request = request_for_model(request, spec)  # a variation on another model, fitted as the run fits it
    if chained and spec.supports_first_frame and not request.first_frame:
        request = replace(request, first_frame=_CONTINUITY_FRAME)
    try:
        validated = validate(spec, request, allow_retired=True)
    except (InvalidRequest, ModelUnavailable) as error:
        # Priced as asked all the same; the run will refuse it with this sentence.
        per_second = spec.price_per_second(shot.resolution or spec.default_resolution, _audio(spec, shot))
        cost = None if per_second is None else _amount(per_second * shot.duration)
        return shot.duration, cost, f"Will be refused: {error.user_message}"
    except StudioError as error:
        return shot.duration, None, error.user_message
    if validated.cost is None:
        return validated.duration, None, f"{spec.name} has no known price ({spec.price_summary()})."
    return validated.duration, _amount(validated.cost), ""


def _audio(spec: ModelSpec, shot: Shot) -> bool:
    if spec.audio_always:
        return True
    return spec.audio_default if shot.audio is None else bool(shot.audio)


def _amount(value: float) -> Decimal:
    return Decimal(str(value)).quantize(_QUANTUM)


class UnknownPrice(InvalidRequest):
    """A storyboard-wide run whose total is unknown, not yet accepted by the person (exit 2)."""


def refuse_unknown_price(quote: Quote) -> None:
    """Raise :class:`UnknownPrice` when any generation of ``quote`` has no known price.

    A run started without a person watching (``storyboard run``) must not spend an unknown
    amount; the person accepts it explicitly (``--accept-unknown-price``, or the window's
    confirmation in the quote dialog).
    """
    sentence = quote.unknown_price_sentence()
    if sentence is not None:
        raise UnknownPrice(
            f"{sentence} Nothing was sent. Run it again with --accept-unknown-price to go ahead anyway, "
            "or record the price with 'studio-cli models price'.",
            field="price",
        )
