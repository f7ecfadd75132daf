"""A second process on one job store, for the concurrency tests.

``python -m tests.services._store_worker own DB``: open the store, print its owner token,
and hold it until stdin closes (a live Studio process that owns its jobs).

``python -m tests.services._store_worker admit DB --at T [--project P --shot S] [--cost C --cap K]``:
wait until the wall clock reaches ``T`` (so several workers start together), ask the store
to admit one job, print ``{"id", "adopted"}`` or ``{"refused": sentence}`` as JSON.

``python -m tests.services._store_worker deliver DB --at T --prefix X --count N``: add N
deliveries, as N ``generate -o`` runs would.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from studio.core.errors import QuotaError
from studio.core.jobs import Job
from studio.services.jobstore import JobStore


def _wait_until(at: float) -> None:
    while time.time() < at:
        time.sleep(min(0.005, max(0.0, at - time.time())))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["own", "admit", "deliver"])
    parser.add_argument("db")
    parser.add_argument("--at", type=float, default=0.0)
    parser.add_argument("--project")
    parser.add_argument("--shot")
    parser.add_argument("--cost", type=float)
    parser.add_argument("--cap", type=float)
    parser.add_argument("--prefix", default="job")
    parser.add_argument("--count", type=int, default=1)
    args = parser.parse_args(argv)
    store = JobStore(args.db)
    if args.action == "own":
        print(store.owner_token, flush=True)
        sys.stdin.read()
        return 0
    _wait_until(args.at)
    if args.action == "deliver":
        for index in range(args.count):
            store.add_delivery(f"{args.prefix}-{index}", f"/out/{args.prefix}-{index}.mp4")
        return 0

    def check_budget(spent: float) -> None:
        if args.cap is not None and spent + (args.cost or 0) > args.cap + 1e-9:
            raise QuotaError(f"over the cap: {spent:.2f} spent")

    job = Job.new("replicate:google/veo-3.1-fast", {"prompt": "x"}, cost_quote=args.cost,
                  project_dir=args.project, shot_id=args.shot)  # fmt: skip
    try:
        admission = store.admit(job, check_budget=check_budget)
    except QuotaError as error:
        print(json.dumps({"refused": error.user_message}), flush=True)
        return 0
    print(json.dumps({"id": admission.job.id, "adopted": admission.adopted}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
