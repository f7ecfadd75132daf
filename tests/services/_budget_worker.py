"""A second process admitting one shot of a project against its budget, for the budget tests.

``python -m tests.services._budget_worker DB PROJECT_DIR --at T --cost C``: wait until the wall
clock reaches ``T`` (so several workers start together), read the project's budget from its
file as the runner does, ask the store to admit one job of a new shot, and print
``{"id"}`` or ``{"refused": sentence}`` as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import uuid

from studio.core.errors import QuotaError
from studio.core.jobs import Job
from studio.services.budgets import project_budget
from studio.services.jobstore import JobStore


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("project")
    parser.add_argument("--at", type=float, default=0.0)
    parser.add_argument("--cost", type=float, required=True)
    args = parser.parse_args(argv)
    store = JobStore(args.db)
    budget = project_budget(args.project)
    while time.time() < args.at:
        time.sleep(min(0.005, max(0.0, args.at - time.time())))
    job = Job.new("replicate:google/veo-3.1-fast", {"prompt": "x"}, cost_quote=args.cost, project_dir=args.project,
                  shot_id=uuid.uuid4().hex[:8])  # fmt: skip
    try:
        store.admit(job, check_project_budget=budget and (lambda spent: budget.check(args.cost, spent)))
    except QuotaError as error:
        print(json.dumps({"refused": error.user_message}), flush=True)
        return 0
    print(json.dumps({"id": job.id}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
