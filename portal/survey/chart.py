"""Geometry for the results chart (no Flask): the share agreeing per theme, one bar per school year."""

from dataclasses import dataclass

WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 720, 320, 48, 64, 16


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: int
    label: str  # "2025/26, Planning: 64%"


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list
    y_ticks: list  # (y, label)
    groups: list  # (x centre, theme label)
    series: list  # (index, series label)
    hidden: list  # labels of bars not drawn (fewer than the threshold)
    base: float


def geometry(series: list[tuple[str, dict[str, float | None]]], themes) -> Chart:
    """`series` is [(label, {theme: share 0..1 or None})]; themes [(key, label)]."""
    plot_h = HEIGHT - PAD_BOTTOM - PAD_TOP
    group_w = (WIDTH - PAD_LEFT) / max(1, len(themes))
    bar_w = min(28.0, (group_w - 16) / max(1, len(series)))
    base = HEIGHT - PAD_BOTTOM
    bars, hidden, groups = [], [], []
    for g, (key, label) in enumerate(themes):
        left = PAD_LEFT + g * group_w + (group_w - bar_w * len(series)) / 2
        groups.append((round(PAD_LEFT + g * group_w + group_w / 2, 1), label))
        for s, (name, values) in enumerate(series):
            value = values.get(key)
            if value is None:
                hidden.append(f"{name}, {label}")
                continue
            h = plot_h * value
            bars.append(
                Bar(
                    round(left + s * bar_w, 1),
                    round(base - h, 1),
                    round(bar_w - 2, 1),
                    round(h, 1),
                    s,
                    f"{name}, {label}: {value:.0%}",
                )
            )
    ticks = [(round(base - plot_h * p / 100, 1), f"{p}%") for p in (0, 25, 50, 75, 100)]
    return Chart(WIDTH, HEIGHT, bars, ticks, groups, list(enumerate(name for name, _ in series)), hidden, base)
