"""What the window says before sending a shot to a model that is not live (retired or paused)."""

from __future__ import annotations

from studio.core.modelspec import ModelSpec


def not_live_question(spec: ModelSpec) -> tuple[str, str] | None:
    """The title and text of the question to ask first, or None when the model is live."""
    if spec.status.usable:
        return None
    state = spec.status.state
    cost = f" If it does run, it is charged like any other job ({spec.price_summary()})." if spec.price else ""
    text = (
        f"{spec.name} is {spec.status.describe()}.\n\n"
        f"The provider will most likely refuse it, and Studio will say why.{cost}\n\n"
        "Send it anyway?"
    )
    return f"Send to a {state} model?", text
