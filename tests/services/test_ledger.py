"""The spend ledger: billed, in flight, may be billed and not billed, per job, project and day."""

from __future__ import annotations

import json
import time
from datetime import datetime
from decimal import Decimal

import pytest

from studio.cli import main
from studio.core.jobs import Job, JobState
from studio.services.jobstore import JobStore
from studio.services.ledger import BILLED, IN_FLIGHT, MAY_BE_BILLED, NOT_BILLED, build_ledger

S = JobState
MODEL = "replicate:google/veo-3.1-fast"
DAY = 24 * 3600


def job(prompt: str, cost: float | None, *, project: str | None, created: float, path: list, **fields) -> Job:
    made = Job.new(MODEL, {"prompt": prompt}, cost_quote=cost, project_dir=project, shot_id=prompt if project else None,
                   created_at=created, updated_at=created)  # fmt: skip
    for state, changes in path:
        made = made.transition(state, **changes)
    return made


SUBMIT = [(S.SUBMITTING, {}), (S.SUBMITTED, {"remote_id": "r"})]


@pytest.fixture
def store(tmp_path):
    s = JobStore(tmp_path / "home" / "studio.db")
    yield s
    s.close()


@pytest.fixture
def seeded(store, tmp_path):
    """Two projects and a loose job over two days: one job of every billing kind."""
    a, b = str(tmp_path / "alpha"), str(tmp_path / "beta")
    today = time.time()
    yesterday = today - DAY
    rejected = {"kind": "content_rejected", "message": "The provider refused the prompt: it names a real person."}
    lost = {"kind": "transient", "message": "The provider failed the job: internal error."}
    jobs = {
        "done": job("done", 0.40, project=a, created=today, path=[*SUBMIT, (S.RUNNING, {}), (S.DOWNLOADING, {}), (S.DONE, {})]),
        "done_old": job("done_old", 1.20, project=a, created=yesterday, path=[*SUBMIT, (S.DOWNLOADING, {}), (S.DONE, {})]),
        "moderated": job("moderated", 0.80, project=a, created=today,
                         path=[(S.SUBMITTING, {}), (S.FAILED, {"error": rejected})]),
        "never_sent": job("never_sent", 0.50, project=b, created=today,
                          path=[(S.SUBMITTING, {}), (S.FAILED, {"error": {"kind": "transient", "message": "Studio could not reach Replicate."}})]),
        "cancelled_queued": job("cancelled_queued", 0.30, project=b, created=yesterday, path=[(S.CANCELLED, {})]),
        "failed_after": job("failed_after", 0.70, project=b, created=today, path=[*SUBMIT, (S.RUNNING, {}), (S.FAILED, {"error": lost})]),
        "running": job("running", 0.35, project=b, created=today, path=[*SUBMIT, (S.RUNNING, {})]),
        "unknown": job("unknown", 0.25, project=None, created=today, path=[(S.SUBMITTING, {}), (S.UNKNOWN, {})]),
        "unpriced": job("unpriced", None, project=None, created=today, path=[*SUBMIT, (S.DOWNLOADING, {}), (S.DONE, {})]),
    }  # fmt: skip
    for made in jobs.values():
        store.save(made)
    return jobs, a, b, today, yesterday


def test_each_job_is_billed_or_not_by_its_row(store, seeded):
    jobs, a, b, _, _ = seeded
    ledger = build_ledger(store)
    by_id = {line.job_id: line for line in ledger.lines}
    expected = {
        "done": BILLED, "done_old": BILLED, "unpriced": BILLED,
        "running": IN_FLIGHT, "unknown": IN_FLIGHT,
        "failed_after": MAY_BE_BILLED,
        "moderated": NOT_BILLED, "never_sent": NOT_BILLED, "cancelled_queued": NOT_BILLED,
    }  # fmt: skip
    assert {name: by_id[jobs[name].id].status for name in jobs} == expected
    assert by_id[jobs["moderated"].id].reason == "The provider refused the prompt: it names a real person."
    assert by_id[jobs["never_sent"].id].reason == "Studio could not reach Replicate."
    assert by_id[jobs["cancelled_queued"].id].reason == "Cancelled before it was sent."
    assert by_id[jobs["failed_after"].id].reason == "The provider failed the job: internal error."
    assert [line.created_at for line in ledger.lines] == sorted((line.created_at for line in ledger.lines), reverse=True)


def test_totals_per_day_per_project_and_overall_match_the_budgets(store, seeded):
    jobs, a, b, today, yesterday = seeded
    ledger = build_ledger(store)
    total = ledger.total
    assert total.billed == Decimal("1.60")
    assert total.in_flight == Decimal("0.60")
    assert total.may_be_billed == Decimal("0.70")
    assert (total.not_billed_jobs, total.unpriced_jobs, total.jobs) == (3, 1, 9)
    # What the ledger counts is exactly what the cap and the budgets count.
    assert float(total.counted) == pytest.approx(store.spent_since(0))
    assert float(ledger.projects[a].counted) == pytest.approx(store.spent_on_project(a)) == pytest.approx(1.60)
    assert float(ledger.projects[b].counted) == pytest.approx(store.spent_on_project(b)) == pytest.approx(1.05)
    assert ledger.projects[b].not_billed_jobs == 2
    assert ledger.projects[""].in_flight == Decimal("0.25")
    day = datetime.fromtimestamp(today).date().isoformat()
    before = datetime.fromtimestamp(yesterday).date().isoformat()
    assert list(ledger.days) == [day, before]
    assert ledger.days[before].billed == Decimal("1.20") and ledger.days[before].not_billed_jobs == 1
    assert ledger.days[day].billed == Decimal("0.40")
    only_b = build_ledger(store, project_dir=b)
    assert {line.project_dir for line in only_b.lines} == {b} and len(only_b.lines) == 4


def test_cli_spend_json_and_text(tmp_path, seeded, capsys, store):
    jobs, a, b, _, _ = seeded
    home = str(tmp_path / "home")
    assert main(["--home", home, "spend", "--json"]) == 0
    data = json.loads(capsys.readouterr().out, parse_float=Decimal)
    assert set(data) == {"currency", "total", "days", "projects", "jobs"}
    assert data["total"]["billed"] == Decimal("1.6") and data["total"]["not_billed_jobs"] == 3
    assert {p["project"] for p in data["projects"]} == {a, b, None}
    moderated = next(j for j in data["jobs"] if j["id"] == jobs["moderated"].id)
    assert moderated["billing"] == "not billed" and moderated["reason"].startswith("The provider refused the prompt")
    assert sum(d["counted"] for d in data["days"]) == data["total"]["counted"]

    (tmp_path / "beta").mkdir()
    (tmp_path / "beta" / "project.json").write_text(json.dumps(
        {"schema_version": 2, "title": "Beta", "settings": {"budget": 3.0}, "shots": []}))  # fmt: skip
    assert main(["--home", home, "spend", "--project", b]) == 0
    out = capsys.readouterr().out
    assert "Billed $0.00 · in flight $0.35 · may be billed $0.70 · not billed: 2 job(s)" in out
    assert "beta" in out and "$1.05 counted of a $3.00 budget" in out
    assert "Cancelled before it was sent." in out
    assert main(["--home", home, "spend", "--project", str(tmp_path / "nowhere")]) == 2
