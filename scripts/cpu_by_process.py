"""Run a command and say where the machine's CPU went while it ran (Linux: reads /proc).

    python scripts/cpu_by_process.py -- .venv/bin/python -m pytest -n 3 --dist loadgroup

`time` counts only the command and the children it waits for; the test suite's Chromium is started by Playwright's
driver and never waited for, so `time` leaves out a third of the suite's CPU. This prints the wall time, the whole
machine's busy CPU over the run (/proc/stat: compare it with the wall time times the number of cores), and the CPU
of every process that ran meanwhile, by kind (pytest and Python, Chromium's renderers / browser / GPU process,
PostgreSQL, Java, node, gunicorn, nginx), sampled every half second. A process that lives less than half a second
is missed unless its parent waits for it (its CPU then counts in the parent's kind); the machine's total is exact.
"""

import os
import subprocess
import sys
import time
from collections import Counter

TICKS = os.sysconf("SC_CLK_TCK")


def _busy() -> float:
    """Seconds of CPU the machine has spent busy since boot (all cores)."""
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq = values[:7]
    return (user + nice + system + irq + softirq) / TICKS


def _kind(pid: str) -> str | None:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            command = f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    if "chromium" in command:
        for kind in ("renderer", "gpu-process"):
            if f"--type={kind}" in command:
                return f"chromium {kind}"
        return "chromium other" if "--type=" in command else "chromium browser"
    for kind in ("postgres", "gunicorn", "nginx", "java", "node", "python"):
        if kind in command.split(" ", 1)[0] or (kind in ("gunicorn", "postgres") and kind in command):
            return kind
    return "other"


def _sample(seen: dict, kinds: dict, started: float) -> None:
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        key = (pid, fields[19])  # a pid is reused; its start time is not
        cpu = (int(fields[11]) + int(fields[12])) / TICKS
        if key not in kinds:
            kind = _kind(pid)
            if kind is None:
                continue
            kinds[key] = kind
            # A process that was running before the command started counts only what it spends from now on.
            seen[("start", key)] = cpu if int(fields[19]) / TICKS < started else 0.0
        seen[key] = cpu


def main(command: list[str]) -> int:
    with open("/proc/uptime") as f:
        started = float(f.read().split()[0])
    seen, kinds = {}, {}
    _sample(seen, kinds, started)
    busy, wall = _busy(), time.monotonic()
    process = subprocess.Popen(command)
    while process.poll() is None:
        time.sleep(0.5)
        _sample(seen, kinds, started)
    wall, busy = time.monotonic() - wall, _busy() - busy
    by_kind = Counter()
    for key, kind in kinds.items():
        by_kind[kind] += seen[key] - seen[("start", key)]
    print(f"\nwall {wall:.0f} s; the machine busy for {busy:.0f} s of CPU ({os.cpu_count()} cores)", file=sys.stderr)
    for kind, cpu in by_kind.most_common():
        if cpu >= 0.5:
            print(f"  {kind:<20} {cpu:7.1f} s", file=sys.stderr)
    return process.returncode


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(args[1:] if args[:1] == ["--"] else args))
