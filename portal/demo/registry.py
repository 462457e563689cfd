"""The steps that build demo and scale data: the region first, then each domain's own, in DOMAINS order.

A demo step takes the DemoContext and must be idempotent (look records up before adding them).
A scale step takes the ScaleContext and writes in bulk into an otherwise empty database.
Domains add their steps in their init_app (portal.core.wiring.add_demo_steps).
"""

from collections.abc import Callable

from flask import current_app

from portal.core.wiring import demo_steps
from portal.demo import region


def steps(which: str) -> list[Callable]:
    first = region.load_demo_region if which == "demo" else region.load_scale_region
    return [first, *demo_steps(current_app, which)]
