"""Run charts, pure: the median, the usual run-chart rules (shift, trend) and the SVG geometry.

Touches no database and no Flask, so the rules are tested on plain lists of numbers.
"""

from dataclasses import dataclass, field
from statistics import median

MIN_POINTS = 10  # with fewer, a "shift" or "trend" is as likely to be chance as a signal
SHIFT_LENGTH = 6
TREND_LENGTH = 5


@dataclass(frozen=True)
class Signal:
    kind: str  # "shift" or "trend"
    start: int  # index of the first point in the run
    end: int  # index of the last point in the run
    direction: str  # "above"/"below" for shifts, "rising"/"falling" for trends

    def describe(self, dates=None) -> str:
        length = self.end - self.start + 1
        span = f" ({dates[self.start]:%d %b %Y} to {dates[self.end]:%d %b %Y})" if dates else ""
        if self.kind == "shift":
            return f"A shift: {length} points in a row {self.direction} the median{span}."
        return f"A trend: {length} points in a row {self.direction}{span}."


@dataclass(frozen=True)
class Verdict:
    enough: bool
    median: float | None
    signals: list = field(default_factory=list)

    @property
    def summary(self) -> str:
        if not self.enough:
            return (f"Too few points to judge yet: the run-chart rules need at least {MIN_POINTS} points, "
                    "so any pattern so far could be chance.")
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


def judge(values: list[float]) -> Verdict:
    """Apply the rules to values in date order; says plainly when there are too few to judge."""
    if not values:
        return Verdict(False, None)
    centre = median(values)
    if len(values) < MIN_POINTS:
        return Verdict(False, centre)
    return Verdict(True, centre, sorted(shifts(values, centre) + trends(values), key=lambda s: s.start))


@dataclass(frozen=True)
class Geometry:
    """Pixel positions for the SVG: points, the median, baseline and target lines, axis labels."""

    width: int
    height: int
    points: list  # (x, y)
    median_y: float | None
    baseline_y: float | None
    target_y: float | None
    y_ticks: list  # (y, label)
    low: float
    high: float


def geometry(values: list[float], *, baseline=None, target=None, width=640, height=300, pad=48) -> Geometry:
    """Scale values (and the baseline/target lines) into a width x height box with room for labels."""
    extras = [v for v in (baseline, target) if v is not None]
    everything = values + extras or [0.0]
    low, high = min(everything), max(everything)
    if low == high:
        low, high = low - 1, high + 1
    margin = (high - low) * 0.1
    low, high = low - margin, high + margin

    def y(v: float) -> float:
        return round(height - pad - (v - low) / (high - low) * (height - 2 * pad), 1)

    step = (width - 2 * pad) / max(len(values) - 1, 1)
    points = [(round(pad + i * step, 1), y(v)) for i, v in enumerate(values)]
    ticks = [(y(low + (high - low) * k / 4), f"{low + (high - low) * k / 4:.3g}") for k in range(5)]
    centre = median(values) if values else None
    return Geometry(width, height, points, y(centre) if centre is not None else None,
                    y(baseline) if baseline is not None else None, y(target) if target is not None else None,
                    ticks, low, high)
