"""``studio-cli storyboard quote``, ``storyboard budget`` and ``spend``: money before and after a run.

``storyboard quote PROJECT [--takes N] [--json]`` prints what a run would send and cost;
``storyboard budget PROJECT [AMOUNT|none]`` shows or sets the project's budget;
``spend [--project DIR] [--json]`` prints the ledger of what actually ran.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from studio.core.errors import InvalidRequest
from studio.services.quote import Quote, money, plan_run

EXIT_OK = 0


def add_money_parsers(sub, board_sub) -> None:
    """``storyboard quote``, ``storyboard budget``, ``storyboard run --accept-unknown-price`` and ``spend``."""
    _add_run_arguments(board_sub.choices["run"])
    _add_spend_parser(sub)
    quote = board_sub.add_parser("quote", help="show what a run would send, in what order, and its price")
    quote.add_argument("project")
    quote.add_argument("--takes", type=int, metavar="N", help="N new takes of every shot (default: the shots without a take)")
    quote.add_argument("--models", metavar="A,B", help="variations: the takes on each of these models, as `storyboard run --models`")
    quote.add_argument("--json", action="store_true", help='{"total", "currency", "shots": [...]}')
    budget = board_sub.add_parser("budget", help="show or set the most this project may spend")
    budget.add_argument("project")
    budget.add_argument("amount", nargs="?", help="in US dollars, e.g. 5.00; 'none' removes the budget")


def _add_spend_parser(sub) -> None:
    spend = sub.add_parser("spend", help="what actually ran and what it cost: per job, per project, per day")
    spend.add_argument("--project", metavar="DIR", help="only this project's jobs")
    spend.add_argument("--json", action="store_true", help="machine-readable output")


def _add_run_arguments(run: argparse.ArgumentParser) -> None:
    run.add_argument(
        "--accept-unknown-price", action="store_true",
        help="run even when a shot's price is unknown (otherwise such a run is refused before anything is sent)",
    )  # fmt: skip


# -- quote ---------------------------------------------------------------------------------


async def cmd_quote(services, args, say: Callable[[str], None]) -> int:
    project = await asyncio.to_thread(services.projects.load, Path(args.project))
    models = [m.strip() for m in (args.models or "").split(",") if m.strip()] or None
    for model in models or ():
        services.catalog.get(model)  # an unknown model is named (ModelUnavailable) here
    quote = plan_run(services.catalog, project, takes=args.takes, models=models)
    if args.json:
        print(json.dumps(quote.to_json(), indent=2))
        return EXIT_OK
    for line in quote_table(quote):
        print(line)
    return EXIT_OK


def quote_table(quote: Quote) -> list[str]:
    """The quote as a table, then the order and the total."""
    if not quote.generations:
        return ["Nothing to generate: every shot has a take." if quote.takes is None else "The storyboard has no shots."]
    rows = [("#", "Shot", "Model", "Seconds", "Cost", "Waits for")]
    names = {g.shot_id: g.name for g in quote.generations}
    for number, g in enumerate(quote.generations, 1):
        shot = g.name + (f" · take {g.take}/{g.takes}" if g.takes > 1 else "")
        rows.append((str(number), shot, g.model_id, f"{g.seconds:g} s", money(g.cost, quote.currency),
                     names.get(g.waits_for, "—") if g.waits_for else "—"))  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.rjust(w) if i in (0, 3, 4) else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths))).rstrip()
             for row in rows]  # fmt: skip
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    lines.extend(order_lines(quote))
    for g in quote.generations:
        if g.note and g.take == 1:
            lines.append(f"Note: {g.name}: {g.note}")
    lines.extend(f"Note: {note}" for note in quote.notes)
    count = len(quote.generations)
    if quote.total is None:
        lines.append(f"Total: unknown ({len(quote.unknown)} of {count} without a known price; "
                     f"known part {money(quote.known_total, quote.currency)}).")  # fmt: skip
    else:
        lines.append(f"Total: {money(quote.total, quote.currency)} for {count} generation(s).")
    return lines


def order_lines(quote: Quote) -> list[str]:
    """``Order:`` then one numbered line per step: what starts at once, then what waits for what."""
    names = {g.shot_id: g.name for g in quote.generations}
    lines = ["Order:"]
    for number, stage in enumerate(quote.stages(), 1):
        seen: list[str] = []
        for g in stage:
            label = g.name + (f", after {names[g.waits_for]}" if g.waits_for else "")
            if label not in seen:
                seen.append(label)
        together = ", at once" if len(seen) > 1 and number == 1 else ""
        lines.append(f"  {number}. {(', ' if number == 1 else '; ').join(seen)}{together}")
    return lines


def say_quote(quote: Quote, say: Callable[[str], None]) -> None:
    """The short form printed before ``storyboard run`` sends anything."""
    if not quote.generations:
        return
    total = money(quote.total, quote.currency) if quote.total is not None else (
        f"unknown (known part {money(quote.known_total, quote.currency)})"
    )
    say(f"Quote: {len(quote.generations)} generation(s), total {total}.")
    for line in order_lines(quote):
        say(line)


# -- budget --------------------------------------------------------------------------------


async def cmd_budget(services, args, say: Callable[[str], None]) -> int:
    folder = Path(args.project)
    project = await asyncio.to_thread(services.projects.load, folder)
    resolved = str(await asyncio.to_thread(folder.resolve))
    if args.amount is not None:
        project.set_settings(budget=parse_amount(args.amount))
        await asyncio.to_thread(services.projects.save, project, folder)
    spent = await asyncio.to_thread(services.jobstore.spent_on_project, resolved)
    budget = project.settings.budget
    if budget is None:
        say(f"“{project.title}” has no budget; {money(spent)} spent or in flight so far.")
    else:
        verb = "is now" if args.amount is not None else "is"
        say(f"The budget of “{project.title}” {verb} {money(budget)}; {money(spent)} spent or in flight, "
            f"{money(max(0.0, budget - spent))} left.")  # fmt: skip
    return EXIT_OK


def parse_amount(text: str) -> float | None:
    """``5``, ``5.00`` or ``$5`` as dollars; ``none``/``off`` for no budget."""
    cleaned = text.strip().lstrip("$").strip()
    if cleaned.lower() in ("none", "off", "no"):
        return None
    try:
        value = float(cleaned)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise InvalidRequest(f"A budget is an amount in dollars like 5.00, or 'none'; not {text!r}.", field="budget")
    return value


# -- spend ---------------------------------------------------------------------------------


async def cmd_spend(services, args, say: Callable[[str], None]) -> int:
    from studio.services.ledger import build_ledger

    project_dir = None
    if args.project:
        folder = Path(args.project)
        if not (folder / "project.json").exists():
            raise InvalidRequest(f"{folder} is not a Studio project (it has no project.json).", field="project")
        project_dir = str(await asyncio.to_thread(folder.resolve))
    ledger = await asyncio.to_thread(build_ledger, services.jobstore, project_dir=project_dir)
    if args.json:
        print(json.dumps(ledger.to_json(), indent=2))
        return EXIT_OK
    for line in ledger_text(ledger):
        print(line)
    return EXIT_OK


def ledger_text(ledger) -> list[str]:
    from studio.services.ledger import NOT_BILLED, project_label

    if not ledger.lines:
        return ["No jobs yet: nothing was spent."]
    total = ledger.total
    lines = [
        f"Billed {money(total.billed)} · in flight {money(total.in_flight)} · may be billed {money(total.may_be_billed)}"
        f" · not billed: {total.not_billed_jobs} job(s)",
        "",
        "Per day:",
    ]
    for day, totals in ledger.days.items():
        lines.append(f"  {day}  {_totals(totals)}")
    lines += ["", "Per project:"]
    for folder, totals in ledger.projects.items():
        budget = ledger.budgets.get(folder)
        limit = f" of a {money(budget)} budget" if budget is not None else ""
        lines.append(f"  {project_label(folder):<24} {money(totals.counted)} counted{limit} · {_totals(totals)}")
    lines += ["", "Jobs:"]
    for line in ledger.lines:
        when = datetime.fromtimestamp(line.created_at).strftime("%Y-%m-%d %H:%M")
        cost = money(line.cost, line.currency) if line.status != NOT_BILLED else "—"
        reason = f"  {line.reason}" if line.reason else ""
        lines.append(f"  {line.job_id}  {when}  {line.status:<13} {cost:>9}  {project_label(line.project_dir):<16} "
                     f"{line.model_id}{reason}")  # fmt: skip
    if total.unpriced_jobs:
        lines.append(f"{total.unpriced_jobs} job(s) ran without a known price; they are not in the sums.")
    return lines


def _totals(totals) -> str:
    parts = [f"billed {money(totals.billed)}"]
    if totals.in_flight:
        parts.append(f"in flight {money(totals.in_flight)}")
    if totals.may_be_billed:
        parts.append(f"may be billed {money(totals.may_be_billed)}")
    if totals.not_billed_jobs:
        parts.append(f"{totals.not_billed_jobs} not billed")
    return ", ".join(parts) + f" ({totals.jobs} job(s))"


# -- dispatch ------------------------------------------------------------------------------


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


async def cmd_money(services, args) -> int:
    """``spend``, ``storyboard quote`` and ``storyboard budget``."""
    if args.command == "spend":
        return await cmd_spend(services, args, _say)
    if args.board_command == "quote":
        return await cmd_quote(services, args, _say)
    return await cmd_budget(services, args, _say)


def preflight(
    services,
    project,
    accept_unknown_price: bool,
    say: Callable[[str], None],
    *,
    takes: int | None = None,
    models: list[str] | None = None,
    shot_ids: list[str] | None = None,
) -> None:
    """Before ``storyboard run`` sends anything: say the quote; refuse an unknown price unless accepted."""
    from studio.services.quote import refuse_unknown_price

    quote = plan_run(services.catalog, project, takes=takes, models=models, shot_ids=shot_ids)
    say_quote(quote, say)
    if quote.unknown and accept_unknown_price:
        say("Going ahead with the unknown price (--accept-unknown-price).")
    elif quote.unknown:
        refuse_unknown_price(quote)
