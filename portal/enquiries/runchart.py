"""Run and XmR charts, pure: phases and their medians, the run-chart rules, XmR limits, nice ticks, SVG geometry.

Touches no database and no Flask, so the rules are tested on plain lists of numbers and dates.
"""

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import mean, median

MIN_POINTS = 10  # with fewer, a "shift" or "trend" is as likely to be chance as a signal
SHIFT_LENGTH = 6
TREND_LENGTH = 5
XMR_MIN_POINTS = 15  # limits from fewer baseline points move too much to trust
XMR_FACTOR = 2.66  # 3 / d2, d2 = 1.128 for moving ranges of two points
# Too few or too many runs: Perla, Provost & Murray (2011), "The run chart: a simple analytical tool for learning
# from variation in healthcare processes", BMJ Qual Saf 20:46-51, doi:10.1136/bmjqs.2009.037895, Table 1 ("Tests
# for number of runs above and below the median", adapted from Swed & Eisenhart 1943, about 5% risk in the two
# tails together). Useful observations (not on the median) -> (fewest, most) runs expected by chance: fewer than
# the first or more than the second is a signal. The table runs from 10 to 60 observations; outside it nothing is
# said. NHS Improvement's "Making data count" (2019) and the IHI's run chart guidance read run charts by the same
# rules. Where the table departs from the exact runs distribution (by one run, at 16 of the 51 rows: 11, 12, 17,
# 20, 22, 23, 25, 29, 32, 37, 41, 43, 53, 55, 57, 59) the table is kept: it is what teams read on paper, and
# tests/enquiries/test_runchart.py asserts every row and names those 16.
RUNS_LIMITS = {
    10: (3, 9),
    11: (3, 10),
    12: (3, 11),
    13: (4, 11),
    14: (4, 12),
    15: (5, 12),
    16: (5, 13),
    17: (5, 13),
    18: (6, 14),
    19: (6, 15),
    20: (6, 16),
    21: (7, 16),
    22: (7, 17),
    23: (7, 17),
    24: (8, 18),
    25: (8, 18),
    26: (9, 19),
    27: (10, 19),
    28: (10, 20),
    29: (10, 20),
    30: (11, 21),
    31: (11, 22),
    32: (11, 23),
    33: (12, 23),
    34: (12, 24),
    35: (13, 24),
    36: (13, 25),
    37: (13, 25),
    38: (14, 26),
    39: (14, 26),
    40: (15, 27),
    41: (15, 27),
    42: (16, 28),
    43: (16, 28),
    44: (17, 29),
    45: (17, 30),
    46: (17, 31),
    47: (18, 31),
    48: (18, 32),
    49: (19, 32),
    50: (19, 33),
    51: (20, 33),
    52: (20, 34),
    53: (21, 34),
    54: (21, 35),
    55: (22, 35),
    56: (22, 36),
    57: (23, 36),
    58: (23, 37),
    59: (24, 38),
    60: (24, 38),
}
BETTER = {"up": "Higher is better", "down": "Lower is better", "": "Neither direction is better"}
CHART_KINDS = {"run": "Run chart (median and run rules)", "xmr": "SPC XmR chart (mean and limits)"}


@dataclass(frozen=True)
class Signal:
    kind: str  # "shift", "trend", "runs" or "astronomical"
    start: int  # index of the first point in the run
    end: int  # index of the last point in the run
    direction: str  # "above"/"below" for shifts and points, "rising"/"falling" for trends, "few"/"many" runs

    def describe(self, dates=None) -> str:
        length = self.end - self.start + 1
        span = (
            (
                f" ({dates[self.start]:%d %b %Y})"
                if self.start == self.end
                else f" ({dates[self.start]:%d %b %Y} to {dates[self.end]:%d %b %Y})"
            )
            if dates
            else ""
        )
        if self.kind == "shift":
            return f"A shift: {length} points in a row {self.direction} the median{span}."
        if self.kind == "trend":
            return f"A trend: {length} points in a row {self.direction}{span}."
        if self.kind == "runs":
            return f"Too {self.direction} runs around the median for chance{span}."
        return f"A point {self.direction} the limits{span}."


@dataclass(frozen=True)
class Verdict:
    enough: bool
    median: float | None
    signals: list = field(default_factory=list)

    @property
    def summary(self) -> str:
        if not self.enough:
            return (
                f"Too few points to judge yet: the run-chart rules need at least {MIN_POINTS} points, "
                "so any pattern so far could be chance."
            )
        if not self.signals:
            return "No shift or trend: the variation so far looks like chance (random variation)."
        return " ".join(s.describe() for s in self.signals)


def shifts(values: list[float], centre: float) -> list[Signal]:
    """Runs of SHIFT_LENGTH+ points on one side of `centre`; points on it neither break nor count."""
    found, side, start, count, last = [], None, None, 0, None
    for i, v in enumerate(values):
        if v == centre:
            continue
        s = "above" if v > centre else "below"
        if s == side:
            count, last = count + 1, i
        else:
            if side and count >= SHIFT_LENGTH:
                found.append(Signal("shift", start, last, side))
            side, start, count, last = s, i, 1, i
    if side and count >= SHIFT_LENGTH:
        found.append(Signal("shift", start, last, side))
    return found


def trends(values: list[float]) -> list[Signal]:
    """Runs of TREND_LENGTH+ points each higher (or lower) than the last; repeated values are skipped."""
    found, direction, start, count, prev, last = [], None, 0, 1, None, 0
    for i, v in enumerate(values):
        if prev is None:
            prev, start, last = v, i, i
            continue
        if v == prev:
            continue  # a repeated value neither makes nor breaks a trend
        d = "rising" if v > prev else "falling"
        if d == direction:
            count, last = count + 1, i
        else:
            if direction and count >= TREND_LENGTH:
                found.append(Signal("trend", start, last, direction))
            direction, start, count, last = d, last, 2, i
        prev = v
    if direction and count >= TREND_LENGTH:
        found.append(Signal("trend", start, last, direction))
    return found


def count_runs(values: list[float], centre: float) -> tuple[int, int]:
    """(runs, useful observations): a run ends when the line crosses `centre`; points on it are skipped."""
    sides = ["above" if v > centre else "below" for v in values if v != centre]
    return (sum(1 for i, s in enumerate(sides) if i == 0 or s != sides[i - 1]), len(sides))


def runs_signal(values: list[float], centre: float) -> Signal | None:
    """Too few or too many runs for chance (the published table; outside its range nothing is said)."""
    runs, useful = count_runs(values, centre)
    limits = RUNS_LIMITS.get(useful)
    if limits is None or limits[0] <= runs <= limits[1]:
        return None
    return Signal("runs", 0, len(values) - 1, "few" if runs < limits[0] else "many")


def judge(values: list[float]) -> Verdict:
    """Apply the rules to values in date order; says plainly when there are too few to judge."""
    if not values:
        return Verdict(False, None)
    centre = median(values)
    if len(values) < MIN_POINTS:
        return Verdict(False, centre)
    found = shifts(values, centre) + trends(values) + [s for s in [runs_signal(values, centre)] if s]
    return Verdict(True, centre, sorted(found, key=lambda s: (s.start, s.kind)))


@dataclass(frozen=True)
class Limits:
    """XmR: the centre line (mean), the mean moving range and the natural process limits."""

    mean: float
    mean_moving_range: float
    lower: float
    upper: float


def moving_ranges(values: list[float]) -> list[float]:
    return [abs(b - a) for a, b in zip(values, values[1:], strict=False)]


def xmr_limits(values: list[float]) -> Limits:
    """Centre = mean; limits = mean +/- 2.66 x the mean moving range (Wheeler; NHS Making Data Count)."""
    centre, mr = mean(values), mean(moving_ranges(values))
    return Limits(centre, mr, centre - XMR_FACTOR * mr, centre + XMR_FACTOR * mr)


def astronomical(values: list[float], limits: Limits) -> list[Signal]:
    """Points beyond the natural process limits: special cause, however few points there are."""
    return [
        Signal("astronomical", i, i, "above" if v > limits.upper else "below")
        for i, v in enumerate(values)
        if v > limits.upper or v < limits.lower
    ]


@dataclass(frozen=True)
class Phase:
    """A stretch of points between one phase start and the next: baseline first, then after each change."""

    label: str
    start: int  # index of its first point
    end: int  # index of its last point
    starts_on: date
    median: float
    verdict: Verdict
    against_previous: list = field(default_factory=list)  # shifts against the previous phase's median


def split_phases(dates: list[date], values: list[float], starts: list[tuple[date, str]]) -> list[Phase]:
    """Points (in date order) split at each phase start; phases with no points are left out."""
    bounds = [(None, "Baseline")] + sorted(starts)
    phases, previous = [], None
    for k, (on, label) in enumerate(bounds):
        upto = bounds[k + 1][0] if k + 1 < len(bounds) else None
        idx = [i for i, d in enumerate(dates) if (on is None or d >= on) and (upto is None or d < upto)]
        if not idx:
            continue
        vals = [values[i] for i in idx]
        against = []
        if previous is not None:
            against = [
                Signal("shift", idx[0] + s.start, idx[0] + s.end, s.direction) for s in shifts(vals, previous.median)
            ]
        verdict = judge(vals)
        verdict = Verdict(
            verdict.enough,
            verdict.median,
            [Signal(s.kind, idx[0] + s.start, idx[0] + s.end, s.direction) for s in verdict.signals],
        )
        previous = Phase(label, idx[0], idx[-1], on or dates[idx[0]], median(vals), verdict, against)
        phases.append(previous)
    return phases


def _meaning(direction: str, better: str) -> str:
    if not better or direction not in ("above", "below", "rising", "falling"):
        return ""
    good = direction in ("above", "rising") if better == "up" else direction in ("below", "falling")
    return " This is an improvement." if good else " This is a deterioration."


@dataclass(frozen=True)
class Analysis:
    phases: list
    limits: Limits | None
    limits_note: str  # why there are no limits, when XmR was chosen
    reading: list  # plain-language sentences


def analyse(dates: list[date], values: list[float], *, starts=(), better: str = "", kind: str = "run") -> Analysis:
    """Phases with their medians and signals, XmR limits from the baseline when chosen, the plain reading."""
    phases = split_phases(dates, values, list(starts))
    reading = [BETTER.get(better, BETTER[""]) + "."]
    limits, note = None, ""
    if kind == "xmr" and phases:
        base = values[phases[0].start : phases[0].end + 1]
        if len(base) >= XMR_MIN_POINTS:
            limits = xmr_limits(base)
        else:
            note = (
                f"No limits yet: an XmR chart needs at least {XMR_MIN_POINTS} points in the baseline phase "
                f"and it has {len(base)}."
            )
            reading.append(note)
    for phase in phases:
        where = f"{phase.label} (from {phase.starts_on:%d %b %Y}, {phase.end - phase.start + 1} points)"
        reading.append(
            f"{where}: median {_fmt(phase.median)}. {phase.verdict.summary}"
            + "".join(_meaning(s.direction, better) for s in phase.verdict.signals[:1])
        )
        for s in phase.against_previous:
            reading.append(
                f"Against the previous phase's median: {s.end - s.start + 1} points in a row "
                f"{s.direction} it from {dates[s.start]:%d %b %Y}, a shift." + _meaning(s.direction, better)
            )
    if limits is not None:
        outside = astronomical(values, limits)
        reading.append(
            f"Limits from the baseline: {_fmt(limits.lower)} to {_fmt(limits.upper)} "
            f"around a mean of {_fmt(limits.mean)}. "
            + (
                " ".join(s.describe(dates) + _meaning(s.direction, better) for s in outside)
                or "Every point is inside the limits."
            )
        )
    return Analysis(phases, limits, note, reading)


def nice_step(span: float, count: int = 5) -> float:
    """A step of 1, 2 or 5 x 10^n giving about `count` intervals over `span`."""
    raw = span / max(count, 1) if span > 0 else 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw * 0.999)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Tick values covering low..high at a nice step (never 1.1 or 3.8), rounded so none shows a float error."""
    if low == high:
        low, high = low - 1, high + 1
    step = nice_step(high - low, count)
    digits = max(0, -math.floor(math.log10(step)))
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    return [round(k * step, digits) for k in range(first, last + 1)]


def _fmt(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".")


def date_ticks(first: date, last: date, count: int = 6) -> list[tuple[date, str]]:
    """Dates for the time axis: the first of every 1, 2, 3, 6 or 12 months, or every 1, 2, 7 or 14 days."""
    span = (last - first).days
    if span > 62:
        months = (last.year - first.year) * 12 + last.month - first.month
        step = next((m for m in (1, 2, 3, 6) if months / m <= count), 12)
        y, m = first.year, first.month + 1
        out = []
        while date(y + (m - 1) // 12, (m - 1) % 12 + 1, 1) <= last:
            on = date(y + (m - 1) // 12, (m - 1) % 12 + 1, 1)
            if (on.month - 1) % step == 0:
                out.append((on, f"{on:%b %Y}"))
            m += 1
        return out
    step = next((d for d in (1, 2, 7, 14) if span / d <= count), 28)
    return [(first + timedelta(days=k), f"{first + timedelta(days=k):%d %b}") for k in range(0, span + 1, step)]


@dataclass(frozen=True)
class Geometry:
    """Pixel positions for the SVG: points, medians per phase, lines, limits, ticks, separators, annotations."""

    width: int
    height: int
    pad: int
    points: list  # (x, y)
    median_y: float | None
    baseline_y: float | None
    target_y: float | None
    y_ticks: list  # (y, label)
    low: float
    high: float
    x_ticks: list = field(default_factory=list)  # (x, label)
    phases: list = field(default_factory=list)  # (x1, x2, median y, label, separator x or None)
    limits: list = field(default_factory=list)  # (y, label)
    notes: list = field(default_factory=list)  # (x, y, number, text)
    spans: list = field(default_factory=list)  # (x1, x2, number, label): PDSA cycles over the dates they cover


def geometry(
    values: list[float],
    *,
    dates=None,
    baseline=None,
    target=None,
    analysis: Analysis | None = None,
    notes=(),
    spans=(),
    width=640,
    height=320,
    pad=48,
) -> Geometry:
    """Scale values (and lines) into a width x height box; x by date when dates are given, else by order."""
    lim = analysis.limits if analysis else None
    extras = [v for v in (baseline, target) if v is not None] + ([lim.lower, lim.upper] if lim else [])
    ticks = nice_ticks(min(values + extras or [0.0]), max(values + extras or [0.0]))
    low, high = ticks[0], ticks[-1]
    bottom = height - pad  # room below for the date labels

    def y(v: float) -> float:
        return round(bottom - (v - low) / (high - low) * (bottom - pad / 2), 1)

    if dates:
        first, last = dates[0], dates[-1]
        days = max((last - first).days, 1)

        def x(on: date) -> float:
            return round(pad + (on - first).days / days * (width - 2 * pad), 1)

        xs = [x(d) for d in dates]
        x_ticks = [(x(on), label) for on, label in date_ticks(first, last)] if len(dates) > 1 else []
        bands = [
            (max(x(start), pad), min(x(end or last), width - pad), n, label)
            for n, (start, end, label) in enumerate(spans, start=1)
            if start <= last and (end is None or end >= first)
        ]
    else:
        step = (width - 2 * pad) / max(len(values) - 1, 1)
        xs, x_ticks, bands = [round(pad + i * step, 1) for i in range(len(values))], [], []
    phases = []
    for k, p in enumerate(analysis.phases if analysis else []):
        x1 = xs[p.start] if k else pad
        x2 = xs[p.end] if k + 1 < len(analysis.phases) else width - pad
        sep = round((xs[p.start - 1] + xs[p.start]) / 2, 1) if k else None
        phases.append((sep if k else x1, x2, y(p.median), p.label, sep))
    limits = [(y(lim.upper), "Upper limit"), (y(lim.mean), "Mean"), (y(lim.lower), "Lower limit")] if lim else []
    centre = median(values) if values else None
    marks = [(xs[i], y(values[i]), n, text) for n, (i, text) in enumerate(notes, start=1)]
    return Geometry(
        width,
        height,
        pad,
        list(zip(xs, [y(v) for v in values], strict=True)),
        y(centre) if centre is not None and not phases else None,
        y(baseline) if baseline is not None else None,
        y(target) if target is not None else None,
        [(y(t), _fmt(t)) for t in ticks],
        low,
        high,
        x_ticks,
        phases,
        limits,
        marks,
        bands,
    )
