"""Capture the money screenshots: the quote before a storyboard run, and the spend ledger.

Run under a display (Xvfb is fine)::

    Xvfb :97 -screen 0 1600x1000x24 &  DISPLAY=:97 python docs/screenshots/capture_money.py

Uses a throw-away STUDIO_HOME. The sample storyboard is switched to priced Replicate models
(nothing is sent: the quote is cancelled); the ledger shows the offline animatic shots that
really ran here beside job rows of the kinds a paid history holds (billed, moderated at
submit, failed after the provider took it, in flight).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from capture import OUT, main, wait_until


def seed_paid_history(services, project_dir: str) -> None:
    """Job rows as a paid history leaves them (Replicate jobs are not sent from a screenshot)."""
    from studio.core.jobs import Job, JobState as S

    now = time.time()
    veo, kling = "replicate:google/veo-3.1-fast", "replicate:kwaivgi/kling-v2.5-turbo-pro"
    rows = [
        (veo, 1.20, now - 26 * 3600, project_dir, [S.SUBMITTING, S.SUBMITTED, S.RUNNING, S.DOWNLOADING, S.DONE], None),
        (kling, 0.35, now - 25 * 3600, project_dir, [S.SUBMITTING, S.SUBMITTED, S.RUNNING, S.DOWNLOADING, S.DONE], None),
        (veo, 1.20, now - 3600, project_dir, [S.SUBMITTING, S.FAILED],
         {"kind": "content_rejected", "message": "Replicate refused the prompt at submit: it was flagged as sensitive (E005)."}),
        (kling, 0.70, now - 1800, project_dir, [S.SUBMITTING, S.SUBMITTED, S.RUNNING, S.FAILED],
         {"kind": "transient", "message": "Replicate says the prediction failed: the model crashed while running."}),
        (veo, 0.80, now - 600, None, [S.SUBMITTING, S.SUBMITTED, S.RUNNING, S.DOWNLOADING, S.DONE], None),
        (veo, 1.20, now - 60, project_dir, [S.SUBMITTING, S.SUBMITTED, S.RUNNING], None),
    ]
    for model, cost, created, folder, path, error in rows:
        job = Job.new(model, {"prompt": "a lighthouse at dusk, waves below"}, cost_quote=cost, project_dir=folder,
                      shot_id="seeded" if folder else None, created_at=created, updated_at=created)  # fmt: skip
        for state in path:
            changes = {"remote_id": f"p{int(created)}"} if state is S.SUBMITTED else {}
            if state is S.FAILED:
                changes["error"] = error
            job = job.transition(state, **changes)
        services.jobstore.save(job)


async def scenario(app) -> None:
    from PySide6.QtCore import QSettings

    from studio.services.context import build_services
    from studio.services.runner import Timing
    from studio.ui.main_window import MainWindow

    home = Path(tempfile.mkdtemp(prefix="studio-money-"))
    services = build_services(home, log_to_file=False, timing=Timing(poll_first=0.05, poll_max=0.2))
    services.settings.set("budget_cap", 20.0)
    window = MainWindow(services, qsettings=QSettings(str(home / "ui.ini"), QSettings.IniFormat))
    window.resize(1560, 960)
    window.show()
    await services.start()
    window.controller.open_or_create_sample()
    await asyncio.sleep(1.0)
    project, folder = window.project, window.folder

    # The ledger: the sample's free animatic shots really run, beside a paid history.
    window.generate_missing()
    await wait_until(lambda: window.quote_dialog is not None, 20)
    window.quote_dialog.run_button.click()
    await wait_until(lambda: all(s.chosen_take for s in project.shots) and not services.runner.active(), 120)
    await asyncio.to_thread(seed_paid_history, services, window._resolved(folder))
    window.set_project_budget(8.0)
    await asyncio.sleep(0.5)

    # The quote: three new takes on priced models, one of them chained.
    for shot, (model, seconds, audio) in zip(project.shots, [
        ("replicate:google/veo-3.1-fast", 8.0, True),
        ("replicate:kwaivgi/kling-v2.5-turbo-pro", 5.0, None),
        ("replicate:google/veo-3.1", 8.0, False),
    ]):  # fmt: skip
        window.project.update_shot(shot.id, model_id=model, duration=seconds, audio=audio, resolution=None,
                                   aspect_ratio="16:9", seed=None, negative_prompt="", extra={})  # fmt: skip
    window.project.update_shot(project.shots[1].id, continuity="chained")
    for shot in project.shots:
        shot.chosen_take_id = None  # plan them as missing (not saved)
    window.generate_missing()
    await wait_until(lambda: window.quote_dialog is not None and window.quote_dialog.isVisible(), 20)
    await asyncio.sleep(0.6)
    dialog = window.quote_dialog
    dialog.adjustSize()
    await asyncio.sleep(0.3)
    dialog.grab().save(str(OUT / "quote.png"))
    print("saved", OUT / "quote.png")
    dialog.reject()

    window.open_ledger()
    ledger = window.ledger_dialog
    await wait_until(lambda: ledger.ledger is not None, 20)
    await asyncio.sleep(0.6)
    ledger.grab().save(str(OUT / "ledger.png"))
    print("saved", OUT / "ledger.png")
    ledger.close()
    window.controller.undo_stack.setClean()
    window.controller._external_dirty = False
    window.close()
    await services.aclose()


if __name__ == "__main__":
    main(scenario)
