"""Cohen's d_z and its interval against a hand computation."""

import math

import pytest

from portal.reports.stats import paired_effect, paired_effect_from_sums


def test_dz_and_interval_by_hand():
    # Changes 1, 2, 3, 0, 4: mean 2, squared deviations 1+0+1+4+4 = 10, variance 10/4 = 2.5, sd 1.5811,
    # d_z = 2 / 1.5811 = 1.2649; SE = sqrt(1/5 + 1.6/10) = sqrt(0.36) = 0.6; CI = 1.2649 +/- 1.96 x 0.6.
    effect = paired_effect([1, 2, 3, 0, 4])
    assert effect.n == 5 and effect.mean_change == 2
    assert effect.sd_change == pytest.approx(math.sqrt(2.5))
    assert effect.dz == pytest.approx(1.264911, abs=1e-6)
    assert effect.ci_low == pytest.approx(1.264911 - 1.959964 * 0.6, abs=1e-5)
    assert effect.ci_high == pytest.approx(1.264911 + 1.959964 * 0.6, abs=1e-5)
    assert effect.improved == 4 and effect.improved_share == pytest.approx(0.8)


def test_the_sums_give_the_same_answer():
    assert paired_effect_from_sums(5, 10, 30, 4) == paired_effect([1, 2, 3, 0, 4])


def test_undefined_cases_say_none():
    assert paired_effect([]).dz is None and paired_effect([]).improved_share is None
    assert paired_effect([2]).dz is None
    same = paired_effect([1, 1, 1])
    assert same.sd_change == 0 and same.dz is None
