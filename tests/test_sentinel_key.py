"""A recognisable fake key goes through every flow and must turn up nowhere Studio writes or says.

The key is given the way a person gives it: in the keyring (a keyring backend in the test)
for the services the window uses, and in ``REPLICATE_API_TOKEN`` for studio-cli. The flows
run against the Replicate emulator over real HTTP: a connection check, a generation with a
first frame (uploaded), failures whose provider error text *echoes the key back* (a failed
prediction, a moderation refusal), a 5xx during polling, a wrong key, a storyboard run with
a chained shot, an export, project saves and autosaves, and adding a model by name. Then
every byte of the data folder (SQLite with its WAL, logs, sidecars, settings), the project
folder, the exported video, the CLI's output, every error text and every log record is
scanned for the key, for its tail, and for its base64 form.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import keyring.backend
import pytest

from studio.core.errors import StudioError
from studio.core.jobs import JobState
from studio.core.project import Project, ProjectSettings, Shot
from studio.core.request import GenerationRequest
from studio.services.context import build_services
from studio.services.export import export_project
from studio.services.logs import setup_logging
from studio.services.runner import Timing
from studio.services.secrets import SERVICE, Secrets
from studio.services.storyboard import run_storyboard
from tests.emulators.replicate import ReplicateEmulator
from tests.project_kit import write_png

# Built at run time so no key-shaped literal sits in the repository.
SENTINEL = "r8" + "_" + "SeNtInEl" + "Q7x9Kp2Lm4Nv6Bz8Wc"
WRONG = "r8" + "_" + "WrOnGkEy" + "J3h5Tg7Rf9Ed1Sa2Xc"
MODEL = "replicate:google/veo-3.1-fast"
FAST = Timing(poll_first=0.05, poll_max=0.2, retry_base=0.05, retry_max=0.2, reconcile_grace=0.3)


def forms(key: str) -> list[bytes]:
    """What a leak of ``key`` could look like: whole, its distinctive tail, base64 (as in Basic auth)."""
    return [key.encode(), key[-14:].encode(), base64.b64encode(key.encode()).rstrip(b"="),
            base64.b64encode(f":{key}".encode()).rstrip(b"=")]


def leaks(roots: list[Path], texts: list[str]) -> list[str]:
    """Every file (under ``roots``) and text that holds a form of either key."""
    found = []
    needles = forms(SENTINEL) + forms(WRONG)
    for root in roots:
        paths = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
        for path in paths:
            data = path.read_bytes()
            found += [f"{path}: {n!r}" for n in needles if n in data]
    for text in texts:
        found += [f"text {text[:80]!r}: {n!r}" for n in needles if n in text.encode()]
    return found


class SentinelKeyring(keyring.backend.KeyringBackend):
    """A keyring holding the sentinel for Replicate."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.store = {(SERVICE, "replicate"): SENTINEL}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


keyring.backend.KeyringBackend._classes.discard(SentinelKeyring)  # never picked as the system keyring


@pytest.fixture
def emulator():
    with ReplicateEmulator(token=SENTINEL, latency=0.3) as emu:
        # A provider that echoes the key in its error text is the worst case worth testing.
        emu.set_faults(fail_error=f"Prediction failed: bad auth header Bearer {SENTINEL} (CUDA)",
                       moderation_error=f"E005: flagged; request token {SENTINEL} logged")
        yield emu


def test_the_key_from_the_keyring_reaches_no_file_log_or_error(tmp_path, monkeypatch, emulator, caplog):
    home, folder = tmp_path / "home", tmp_path / "project"
    monkeypatch.setenv("STUDIO_REPLICATE_BASE_URL", emulator.url)
    monkeypatch.delenv("REPLICATE_API_TOKEN", raising=False)
    monkeypatch.setattr(logging.getLogger("studio"), "handlers", [])
    setup_logging(home / "logs", level=logging.DEBUG)
    caplog.set_level(logging.DEBUG)
    backend = SentinelKeyring()
    texts: list[str] = []

    def remember(error: BaseException) -> None:
        texts.extend([str(error), repr(error)])
        if isinstance(error, StudioError):
            texts.extend([error.user_message, error.detail or "", json.dumps(error.to_dict())])

    async def flows() -> None:
        services = build_services(home, secrets=Secrets(backend), timing=FAST)
        services.settings.set("providers.replicate.poll_interval", 0.1)
        services.runner.job_changed.connect(lambda job: texts.append(json.dumps(job.error or {})))
        try:
            await services.start()
            texts.append(await services.test_connection("replicate"))
            image = write_png(tmp_path / "selfie.png", size=(640, 360))
            ok = await services.runner.submit(GenerationRequest(MODEL, "a paper boat", duration=4, first_frame=str(image)))
            assert (await services.runner.wait(ok.id)).state is JobState.DONE
            for fault in ("fail", "moderation", "poll_5xx"):
                emulator.set_faults(**{fault: 1})
                job = await services.runner.submit(GenerationRequest(MODEL, f"try {fault}", duration=4))
                job = await services.runner.wait(job.id)
                texts.append(json.dumps(job.error or {}))
                if job.error:
                    remember(StudioError(job.error.get("message", "")))
            backend.store[(SERVICE, "replicate")] = WRONG  # the person pastes a wrong key
            for attempt in (services.test_connection("replicate"),
                            services.runner.submit(GenerationRequest(MODEL, "wrong key", duration=4))):
                try:
                    job = await attempt
                    if not isinstance(job, str):
                        job = await services.runner.wait(job.id)
                        texts.append(json.dumps(job.error or {}))
                except StudioError as error:
                    remember(error)
            backend.store[(SERVICE, "replicate")] = SENTINEL
            services.providers.forget("replicate")
            await services.add_replicate_model("acme/wavegen")

            project = Project("Sentinel", settings=ProjectSettings(width=1280, height=720, fps=24))
            project.add_shot(Shot(id="s1", prompt="a harbour at dawn", model_id=MODEL, duration=4.0, resolution="720p"))
            project.add_shot(Shot(id="s2", prompt="boats leave", model_id=MODEL, duration=4.0, resolution="720p",
                                  continuity="chained"))
            services.projects.save(project, folder)
            await run_storyboard(services, project, folder)
            services.projects.autosave(project, folder)
            info = await export_project(project, folder, tmp_path / "cut.mp4")
            assert info.duration > 7
            services.projects.save(project, folder)
        except StudioError as error:
            remember(error)
            raise
        finally:
            await services.aclose()

    asyncio.run(flows())
    for handler in logging.getLogger("studio").handlers:
        handler.flush()
    texts += [record.getMessage() for record in caplog.records] + [caplog.text]
    assert emulator.stats()["create_requests"] >= 6  # the flows really ran against the provider
    assert (home / "logs" / "studio.log").stat().st_size > 0
    assert list((home / "clips").glob("*.json")), "no sidecars were written"
    assert leaks([home, folder, tmp_path / "cut.mp4"], texts) == []


def test_the_key_from_the_environment_reaches_no_file_or_output_of_the_cli(tmp_path, emulator):
    home, folder = tmp_path / "home", tmp_path / "project"
    home.mkdir()
    (home / "settings.json").write_text(json.dumps({"providers.replicate.poll_interval": 0.1}))
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDIO_") and k != "REPLICATE_API_TOKEN"}
    env.update(STUDIO_HOME=str(home), STUDIO_REPLICATE_BASE_URL=emulator.url, REPLICATE_API_TOKEN=SENTINEL,
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    outputs: list[str] = []

    def cli(*args, key=SENTINEL) -> int:
        proc = subprocess.run([sys.executable, "-m", "studio.cli", *args], env={**env, "REPLICATE_API_TOKEN": key},
                              capture_output=True, text=True, timeout=180)
        outputs.extend([proc.stdout, proc.stderr])
        return proc.returncode

    image = write_png(tmp_path / "selfie.png", size=(640, 360))
    assert cli("generate", "-m", MODEL, "-p", "a kite", "--image", str(image), "--duration", "4",
               "-o", str(tmp_path / "one.mp4")) == 0
    emulator.set_faults(fail=1)
    assert cli("generate", "-m", MODEL, "-p", "a crash", "--duration", "4", "-o", str(tmp_path / "two.mp4")) == 5
    assert cli("generate", "-m", MODEL, "-p", "wrong key", "--duration", "4", "-o", str(tmp_path / "three.mp4"),
               key=WRONG) == 4
    assert cli("models", "add", "acme/wavegen") == 0
    project = Project("Sentinel CLI")
    project.add_shot(Shot(id="s1", prompt="a harbour", model_id=MODEL, duration=4.0, resolution="720p"))
    project.add_shot(Shot(id="s2", prompt="boats", model_id=MODEL, duration=4.0, resolution="720p", continuity="chained"))
    from studio.services.projects import ProjectStore

    ProjectStore().save(project, folder)
    assert cli("storyboard", "run", str(folder), "-o", str(tmp_path / "cut.mp4")) == 0
    assert cli("jobs", "list", "--json") == 0
    for job in json.loads(outputs[-2]):
        cli("jobs", "show", job["id"])
    assert any("flagged" in o or "failed" in o.lower() for o in outputs)  # the echoing error was reported
    assert leaks([home, folder, tmp_path / "cut.mp4"], outputs) == []
