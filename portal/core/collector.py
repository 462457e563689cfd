"""The cyclic garbage collector, settled once a process has loaded the portal (a web worker, the tests).

Python's default runs a young pass every 700 allocations and, every hundred or so of those, a full pass over every
object the process holds: for a portal with its templates, mappings and compiled statements, close to a million
objects and tens of milliseconds, landing inside whichever request was running. Requests free almost everything
they make by reference counting (few cycles), so the passes mostly find nothing.
"""

import gc

THRESHOLDS = (50_000, 20, 100)  # a young pass every 50,000 net allocations; older passes as rarely relative to it


def settle() -> None:
    """What the process has loaded so far stays for its life: move it out of the collector's sight (no pass looks
    at it again) and collect young objects far less often. Cycles are still collected."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
