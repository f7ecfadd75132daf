"""The quote: what a storyboard run would send, its order, and a total equal to the sum of per-second prices."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from studio.cli import main
from studio.core.jobs import JobState
from studio.core.modelspec import ModelSpec
from studio.core.project import Project, ProjectSettings, Shot, Take
from studio.services.catalog import Catalog
from studio.services.context import build_services
from studio.services.projects import ProjectStore
from studio.services.quote import UnknownPrice, money, plan_run, refuse_unknown_price
from studio.services.runner import Timing
from studio.services.storyboard import run_storyboard

FAST = Timing(poll_first=0.05, poll_max=0.2, retry_base=0.05, retry_max=0.2)

# (model, seconds, audio, the catalog's price per second for exactly that)
PRICED = [
    ("replicate:google/veo-3.1-fast", 4, False, Decimal("0.10")),
    ("replicate:kwaivgi/kling-v2.5-turbo-pro", 5, None, Decimal("0.07")),
    ("replicate:google/veo-3.1", 8, True, Decimal("0.40")),
    ("animatic:kenburns", 2, None, Decimal("0")),
]


@pytest.fixture
def catalog(tmp_path):
    return Catalog(tmp_path / "catalog")


def add_spec(catalog: Catalog, model_id: str, rows: list[dict]) -> str:
    spec = catalog.get("animatic:kenburns").to_dict() | {"id": model_id, "model": model_id.split(":", 1)[1]}
    spec["price"] = {"rows": rows}
    spec["durations"] = {"min": 1, "max": 10, "step": 1}
    catalog.add_user_spec(ModelSpec.from_dict(spec))
    return model_id


def project_of(shots: list[tuple[str, float, bool | None]], continuity: str = "independent") -> Project:
    project = Project("Quote", ProjectSettings(width=256, height=144))
    for index, (model, seconds, audio) in enumerate(shots):
        project.add_shot(Shot(title=f"Beat {index}", prompt=f"beat {index}", model_id=model, duration=seconds,
                              audio=audio, resolution="720p" if "veo" in model else None,
                              continuity=continuity if index else "independent"))  # fmt: skip
    return project


def test_the_total_is_the_sum_of_each_models_per_second_price(catalog):
    project = project_of([(m, s, a) for m, s, a, _ in PRICED])
    quote = plan_run(catalog, project)
    expected = [price * seconds for _, seconds, _, price in PRICED]
    assert [g.cost for g in quote.generations] == expected
    assert quote.total == sum(expected) == Decimal("3.95")
    data = json.loads(json.dumps(quote.to_json()), parse_float=Decimal)
    assert set(data) == {"total", "currency", "shots"} and data["currency"] == "USD"
    assert data["total"] == sum(shot["cost"] for shot in data["shots"]) == Decimal("3.95")
    for shot, planned in zip(data["shots"], project.shots):
        assert set(shot) == {"id", "title", "model", "seconds", "cost"}
        assert (shot["id"], shot["title"], shot["model"]) == (planned.id, planned.title, planned.model_id)
        assert shot["seconds"] == planned.duration


def test_totals_add_exactly_where_floats_would_not(catalog):
    tenth = add_spec(catalog, "animatic:tenth", [{"per_second": 0.1}])
    fifth = add_spec(catalog, "animatic:fifth", [{"per_second": 0.2}])
    odd = add_spec(catalog, "animatic:odd", [{"per_second": 0.018}])
    quote = plan_run(catalog, project_of([(tenth, 1, None), (fifth, 1, None), (odd, 3, None)]))
    data = quote.to_json()
    assert 0.1 + 0.2 + 0.054 != 0.354  # what summing floats would give
    assert data["total"] == 0.354
    assert sum(Decimal(str(s["cost"])) for s in data["shots"]) == Decimal(str(data["total"]))
    assert money(quote.generations[2].cost) == "$0.054"
    assert money(quote.total) == "$0.354"


def test_an_unknown_price_is_unknown_not_zero_and_the_total_too(catalog):
    unpriced = add_spec(catalog, "animatic:unpriced", [])
    quote = plan_run(catalog, project_of([("replicate:google/veo-3.1-fast", 4, False), (unpriced, 3, None),
                                          ("replicate:acme/not-in-catalog", 5, None)]))  # fmt: skip
    assert [g.cost for g in quote.generations] == [Decimal("0.40"), None, None]
    assert quote.total is None and quote.known_total == Decimal("0.40")
    assert quote.to_json()["total"] is None
    assert [s["cost"] for s in quote.to_json()["shots"]] == [0.4, None, None]
    assert "not in the model catalog" in quote.generations[2].note
    with pytest.raises(UnknownPrice) as refused:
        refuse_unknown_price(quote)
    sentence = refused.value.user_message
    assert "Shot 2 (Beat 1)" in sentence and "Shot 3 (Beat 2)" in sentence and "$0.40" in sentence
    assert "--accept-unknown-price" in sentence and refused.value.exit_code == 2


def test_takes_plan_every_shot_n_times_even_those_with_a_take(catalog):
    project = project_of([(m, s, a) for m, s, a, _ in PRICED])
    project.add_take(project.shots[0].id, Take(path="assets/a.mp4", duration=4))
    assert [g.shot_id for g in plan_run(catalog, project).generations] == [s.id for s in project.shots[1:]]
    quote = plan_run(catalog, project, takes=3)
    assert len(quote.generations) == 3 * len(project.shots)
    assert [g.take for g in quote.generations[:3]] == [1, 2, 3]
    assert quote.total == 3 * sum(price * seconds for _, seconds, _, price in PRICED)
    data = quote.to_json()
    assert data["total"] == float(sum(Decimal(str(s["cost"])) for s in data["shots"]))
    with pytest.raises(Exception, match="at least 1"):
        plan_run(catalog, project, takes=0)


def test_chained_shots_wait_for_the_shot_before_them_when_it_is_in_the_run(catalog):
    project = project_of([("animatic:kenburns", 2, None)] * 4, continuity="chained")
    project.shots[2].continuity = "independent"
    quote = plan_run(catalog, project)
    ids = [s.id for s in project.shots]
    assert [g.waits_for for g in quote.generations] == [None, ids[0], None, ids[2]]
    assert [[g.shot_id for g in stage] for stage in quote.stages()] == [[ids[0], ids[2]], [ids[1], ids[3]]]
    # A shot whose previous shot already has a take starts at once.
    project.add_take(ids[0], Take(path="assets/a.mp4", duration=2))
    assert plan_run(catalog, project).generations[0].waits_for is None


@pytest.fixture
def services(studio_home):
    return build_services(studio_home, timing=FAST, log_to_file=False)


async def test_a_run_with_an_unknown_price_sends_nothing_until_accepted(services, tmp_path):
    unpriced = add_spec(services.catalog, "animatic:unpriced", [])
    folder = tmp_path / "p"
    project = project_of([("animatic:kenburns", 1, None), (unpriced, 1, None)])
    for shot in project.shots:
        shot.resolution = "480p"
    ProjectStore().save(project, folder)
    with pytest.raises(UnknownPrice):
        await run_storyboard(services, project, folder)
    assert services.jobstore.list() == []
    jobs = await run_storyboard(services, project, folder, accept_unknown_price=True)
    assert sorted(j.model_id for j in jobs) == sorted(["animatic:kenburns", unpriced])
    assert all(j.state is JobState.DONE for j in jobs)
    await services.aclose()


def test_cli_quote_json_and_table(studio_home, tmp_path, capsys):
    folder = tmp_path / "p"
    project = project_of([(m, s, a) for m, s, a, _ in PRICED], continuity="chained")
    ProjectStore().save(project, folder)
    assert main(["--home", str(studio_home), "storyboard", "quote", str(folder), "--json"]) == 0
    data = json.loads(capsys.readouterr().out, parse_float=Decimal)
    assert data["total"] == Decimal("3.95") == sum(s["cost"] for s in data["shots"])
    assert [s["id"] for s in data["shots"]] == [s.id for s in project.shots]
    assert main(["--home", str(studio_home), "storyboard", "quote", str(folder), "--json", "--takes", "2"]) == 0
    data = json.loads(capsys.readouterr().out, parse_float=Decimal)
    assert len(data["shots"]) == 8 and data["total"] == Decimal("7.90")
    assert main(["--home", str(studio_home), "storyboard", "quote", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Total: $3.95 for 4 generation(s)." in out
    assert "  2. Shot 2 (Beat 1), after Shot 1 (Beat 0)" in out
    assert "replicate:kwaivgi/kling-v2.5-turbo-pro" in out and "$0.35" in out


def test_cli_run_refuses_an_unknown_price_before_sending(studio_home, tmp_path, capsys):
    folder = tmp_path / "p"
    ProjectStore().save(project_of([("animatic:kenburns", 1, None), ("replicate:acme/nowhere", 4, None)]), folder)
    code = main(["--home", str(studio_home), "storyboard", "run", str(folder), "-o", str(tmp_path / "o.mp4")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Quote: 2 generation(s), total unknown (known part $0.00)." in err
    assert "Nothing was sent." in err and "--accept-unknown-price" in err
    assert not (studio_home / "studio.db").exists() or not _jobs(studio_home)


def _jobs(home):
    from studio.services.jobstore import JobStore

    store = JobStore(home / "studio.db")
    try:
        return store.list()
    finally:
        store.close()


def test_variations_are_priced_on_each_model_as_the_run_fits_the_shot(catalog):
    """Two takes on Veo 3.1 Fast and two on Kling: Kling gets its nearest length (5 s for a 4 s shot)."""
    veo, kling = "replicate:google/veo-3.1-fast", "replicate:kwaivgi/kling-v2.5-turbo-pro"
    project = project_of([(veo, 4, False), (veo, 4, False)])
    quote = plan_run(catalog, project, takes=2, models=[veo, kling])
    assert [(g.shot_id, g.model_id, g.take, g.takes) for g in quote.generations] == [
        (shot.id, model, take, 4) for shot in project.shots for take, model in enumerate([veo, veo, kling, kling], 1)
    ]
    assert {g.model_id: g.seconds for g in quote.generations} == {veo: 4, kling: 5}
    costs = {g.model_id: g.cost for g in quote.generations}
    assert costs == {veo: Decimal("0.10") * 4, kling: Decimal("0.07") * 5}
    assert quote.total == 2 * 2 * (costs[veo] + costs[kling])
    assert quote.to_json()["total"] == float(quote.total)


def test_regenerating_named_shots_quotes_only_those_shots(catalog):
    veo = "replicate:google/veo-3.1-fast"
    project = project_of([(veo, 4, False), (veo, 4, False), (veo, 4, False)])
    second = project.shots[1].id
    quote = plan_run(catalog, project, shot_ids=[second])
    assert [g.shot_id for g in quote.generations] == [second]
    assert quote.total == Decimal("0.40")
