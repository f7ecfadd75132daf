"""``studio-cli models price``: the person's own price for a model, and how prices read.

Replicate publishes prices only on its web pages, so a model added from its schema has no
price. Rather than call it free, Studio says "price unknown" and lets the person enter what
the model page says; the price is kept in the user catalog and used for quotes and budgets.
"""

from __future__ import annotations

import argparse
import sys

from studio.core.errors import InvalidRequest


def add_price_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``models price MODEL_ID --per-second X``."""
    group = parser.add_argument_group("with price")
    group.add_argument("--per-second", type=float, metavar="AMOUNT", help="price per second of video")
    group.add_argument("--resolution", help="the price is for this resolution only")
    group.add_argument("--audio", dest="audio", action="store_true", default=None, help="the price is with audio")
    group.add_argument("--no-audio", dest="audio", action="store_false", help="the price is without audio")
    group.add_argument("--currency", help="currency code (default: the model's, USD)")


def set_model_price(services, args: argparse.Namespace) -> int:
    """Save the price and print the model's price summary."""
    if not args.name:
        raise InvalidRequest(
            "Give the model and its price, e.g. 'studio-cli models price replicate:acme/wavegen --per-second 0.05'.",
            field="model",
        )
    if args.per_second is None:
        raise InvalidRequest("Give the price with --per-second, e.g. --per-second 0.05.", field="per_second")
    model_id = args.name if ":" in args.name else f"replicate:{args.name}"
    spec = services.catalog.set_price(
        model_id, args.per_second, resolution=args.resolution, audio=args.audio, currency=args.currency
    )
    print(f"{spec.id} · {spec.price_summary()}", file=sys.stderr, flush=True)
    return 0


def format_price(amount: float | None, currency: str = "USD") -> str:
    """A cost as people read it: ``$1.20``, ``free`` (known to be zero) or ``price unknown``."""
    if amount is None:
        return "price unknown"
    if amount == 0:
        return "free"
    return f"${amount:.2f}" if currency == "USD" else f"{amount:.2f} {currency}"
