"""The steps that build demo and scale data; each domain appends its own (in dependency order).

A demo step takes the DemoContext and must be idempotent (look records up before adding them).
A scale step takes the ScaleContext and writes in bulk into an otherwise empty database.
"""

from portal.cohorts import demo as cohorts_demo
from portal.cohorts import scale as cohorts_scale
from portal.demo import region
from portal.enquiries import demo as enquiries_demo
from portal.events import demo as events_demo
from portal.forums import demo as forums_demo
from portal.forums import scale as forums_scale
from portal.leadership import demo as leadership_demo
from portal.operations import demo as operations_demo

DEMO_STEPS = [
    region.load_demo_region,
    events_demo.load_demo,
    enquiries_demo.load_demo,
    cohorts_demo.load_demo,
    forums_demo.load_demo,
    leadership_demo.load_demo,
    operations_demo.load_demo,
]
SCALE_STEPS = [
    region.load_scale_region,
    events_demo.load_scale,
    enquiries_demo.load_scale,
    cohorts_demo.load_scale,
    cohorts_scale.load_scale,  # network enquiry teams and core events of the cohorts above
    forums_scale.load_scale,
    leadership_demo.load_scale,
]
