"""Pure statistics for the reports (no database, no Flask): the paired effect size of a pre/post measure.

The variant is Cohen's d_z for paired data: the mean of the per-person changes divided by the standard
deviation of those changes (n - 1 in the denominator). Its 95% confidence interval uses the normal
approximation to the standard error, SE = sqrt(1/n + d_z^2 / (2n)), so the interval is d_z +/- 1.96 SE.
Everything is computed from three sums the database returns (n, the sum of changes and the sum of squared
changes), so no row is ever read into Python to get it.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass

Z95 = 1.959963984540054
VARIANT = (
    "Cohen's d_z for paired data: the mean change per person divided by the standard deviation of the changes "
    "(n - 1); 95% confidence interval by the normal approximation, d_z +/- 1.96 x sqrt(1/n + d_z^2/(2n))."
)


@dataclass(frozen=True)
class PairedEffect:
    n: int
    mean_change: float | None
    sd_change: float | None
    dz: float | None
    ci_low: float | None
    ci_high: float | None
    improved: int = 0

    @property
    def improved_share(self) -> float | None:
        return self.improved / self.n if self.n else None


def paired_effect_from_sums(n: int, sum_change: float, sum_squares: float, improved: int = 0) -> PairedEffect:
    """d_z and its interval from n, the sum of changes and the sum of squared changes (None where undefined)."""
    n, sum_change, sum_squares = int(n or 0), float(sum_change or 0), float(sum_squares or 0)
    if n == 0:
        return PairedEffect(0, None, None, None, None, None, 0)
    mean = sum_change / n
    if n < 2:
        return PairedEffect(n, mean, None, None, None, None, int(improved or 0))
    variance = max(0.0, (sum_squares - sum_change * sum_change / n) / (n - 1))
    sd = math.sqrt(variance)
    if sd == 0:
        return PairedEffect(n, mean, 0.0, None, None, None, int(improved or 0))
    dz = mean / sd
    se = math.sqrt(1 / n + dz * dz / (2 * n))
    return PairedEffect(n, mean, sd, dz, dz - Z95 * se, dz + Z95 * se, int(improved or 0))


def paired_effect(changes: Iterable[float]) -> PairedEffect:
    """The same from a list of per-person changes (for tests and small in-memory sets)."""
    values = list(changes)
    return paired_effect_from_sums(
        len(values), sum(values), sum(v * v for v in values), sum(1 for v in values if v > 0)
    )
