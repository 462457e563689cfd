"""Benchmark the Gateway ranking alone: suggestions over 30,000 synthetic profiles, per request (target < 50 ms).

Run from the repository root: `python tests/bench/bench_gateway.py [--profiles 30000] [--requests 200]`.
The page itself (index kept warm, one stamp query, profile loading) is measured by `make bench`
(tests/bench/pages.py: "gateway suggestions, 30,000 profiles").
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from portal.gateway.ranking import Filters, ProfileData, build_index, suggest  # noqa: E402
from portal.gateway.scale import SECTOR_STAGES, WANTS, WHO  # noqa: E402
from portal.gateway.vocabulary import INTERESTS, MODES, SECTORS  # noqa: E402


def synthetic(n: int, rng: random.Random) -> list[ProfileData]:
    keys = list(INTERESTS)
    out = []
    for i in range(n):
        sector = rng.choice(SECTORS)
        out.append(
            ProfileData(
                id=i + 1,
                owner_id=i + 1,
                authority_id=rng.randint(1, 8),
                sector=sector,
                interests=tuple(rng.sample(keys, rng.randint(1, 4))),
                stages=tuple(SECTOR_STAGES[sector][: rng.randint(1, 2)]),
                hunch=f"Improving {rng.choice(WANTS)} for learners {rng.choice(WHO)}",
                mode=rng.choice(list(MODES)),
                status="active" if rng.random() < 0.95 else "paused",
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=30000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(2026)
    profiles = synthetic(args.profiles, rng)
    started = time.perf_counter()
    index = build_index(profiles)
    print(f"index of {args.profiles} profiles built in {time.perf_counter() - started:.2f} s")
    filters = [Filters(), Filters(sector="Secondary"), Filters(authority_id=3, interest=list(INTERESTS)[3])]
    times = []
    for n in range(args.requests):
        seeker = profiles[rng.randrange(len(profiles))]
        blocked = {rng.randint(1, args.profiles) for _ in range(5)}
        started = time.perf_counter()
        suggest(index, seeker, exclude_owners=blocked, filters=filters[n % len(filters)], k=20)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p50, p95 = statistics.median(times), times[int(len(times) * 0.95) - 1]
    print(f"suggest: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms over {args.requests} requests")
    sys.exit(0 if p95 < 50 else 1)


if __name__ == "__main__":
    main()
