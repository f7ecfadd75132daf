"""Text the command line prints: job records, excerpts, numbers, parsed values."""

from __future__ import annotations

from datetime import datetime

from studio.core.jobs import Job


def job_json(job: Job) -> dict:
    """A job as `jobs list --json` and `jobs show` print it."""
    return {
        "id": job.id,
        "model": job.model_id,
        "state": job.state.value,
        "prompt": job.prompt,
        "request": job.request,
        "remote_id": job.remote_id,
        "cost": job.cost_quote,
        "currency": job.currency,
        "error": job.error,
        "output": job.output_path,
        "created": datetime.fromtimestamp(job.created_at).isoformat(timespec="seconds"),
        "finished": datetime.fromtimestamp(job.finished_at).isoformat(timespec="seconds") if job.finished_at else None,
        "attempts": job.attempts,
    }


def parse_value(text: str):
    """A `--param name=value` value as int, float, bool or text."""
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text


def excerpt(text: str, width: int = 60) -> str:
    """One line of at most ``width`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def number(value: float) -> str:
    """8 for 8.0, 7.5 for 7.5."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
