"""`studio-cli storyboard derive` killed mid-job, then run again: the extension is created once,
downloaded once, and becomes one new take of the shot.

The Vertex emulator runs as its own process (it is "the provider" and outlives the client); the
real google-genai SDK reaches it over HTTP with a real service-account sign-in.
"""

from __future__ import annotations

import base64
import signal
import subprocess
import sys
import time

import httpx

from studio.core.project import Project, ProjectSettings, Shot, Take
from studio.services.media import probe
from studio.services.projects import ProjectStore
from tests.emulators._mp4 import make_mp4
from tests import test_cli_vertex
from tests.test_cli_vertex import env_for, settings, stats

MODEL = "vertex:veo-3.1-fast-generate-001"
emulator = test_cli_vertex.emulator  # the Vertex emulator as its own process, shared with the CLI tests


def project_with_a_take(folder):
    """One Veo shot whose take is a real 4 s, 24 fps MP4 in the project's assets."""
    folder.mkdir()
    (folder / "assets").mkdir()
    (folder / "assets" / "boat.mp4").write_bytes(make_mp4(4.0, width=256, height=144))
    project = Project("Extend", ProjectSettings(width=256, height=144, fps=24))
    take = Take(path="assets/boat.mp4", model_id=MODEL, duration=4.0, width=256, height=144, has_audio=True)
    shot = Shot(title="Boat", prompt="a paper boat drifts", model_id=MODEL, duration=4, resolution="720p", audio=False)
    shot.takes.append(take)
    shot.chosen_take_id = take.id
    project.add_shot(shot)
    ProjectStore().save(project, folder)
    return take


def test_sigkill_mid_extension_then_the_same_command_pays_once(tmp_path, emulator):
    url, account = emulator
    home = tmp_path / "home"
    settings(home)
    folder = tmp_path / "film"
    source = project_with_a_take(folder)
    command = [sys.executable, "-m", "studio.cli", "storyboard", "derive", str(folder), "1", "--op", "extend",
               "--seconds", "4", "--prompt", "the boat reaches the far bank"]  # fmt: skip
    env = env_for(home, url, account)

    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while stats(url)["create_requests"] < 1:
        assert first.poll() is None, first.stderr.read().decode()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.5)  # the operation's name is committed; it finishes only after 3 s
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)

    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    assert second.returncode == 0, second.stderr
    assert "already in flight" in second.stderr and "new take" in second.stderr
    after = stats(url)
    assert after["create_requests"] == 1
    assert [op["creates"] for op in after["ops"].values()] == [1]
    assert [op.get("inline_deliveries", 0) for op in after["ops"].values()] == [1]
    shot = ProjectStore().load(folder).shots[0]
    assert len(shot.takes) == 2 and shot.chosen_take_id == shot.takes[1].id
    extended = shot.takes[1]
    assert extended.derived_from == {"op": "extend", "take_id": source.id, "job_id": None}
    assert abs(probe(folder / extended.path).duration - 8.0) < 0.3  # 4 s source + 4 s more

    # Running it once more is a new, paid extension (a person asking again), not a replay.
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert stats(url)["create_requests"] == 2 and len(ProjectStore().load(folder).shots[0].takes) == 3
    # The source sent this time is the new chosen take: the 8 s clip.
    sent = httpx.get(f"{url}/_emulator/requests", timeout=5).json()
    clip = tmp_path / "sent.mp4"
    clip.write_bytes(base64.b64decode(sent[-1]["body"]["instances"][0]["video"]["bytesBase64Encoded"]))
    assert abs(probe(clip).duration - 8.0) < 0.3
