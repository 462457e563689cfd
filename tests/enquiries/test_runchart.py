"""The run-chart rules as pure functions: shifts, trends, points on the median, too few points."""

from portal.enquiries.runchart import MIN_POINTS, geometry, judge, shifts, trends


def test_too_few_points_says_so_plainly():
    verdict = judge([1, 2, 3, 4, 5, 6, 7])
    assert not verdict.enough and "Too few points to judge" in verdict.summary


def test_six_points_above_the_median_is_a_shift():
    values = [10, 11, 9, 10, 12, 20, 21, 22, 23, 24, 25]
    found = shifts(values, 12)
    assert [(s.start, s.end, s.direction) for s in found] == [(5, 10, "above")]


def test_five_on_one_side_is_not_a_shift():
    assert shifts([1, 1, 1, 1, 1, 9, 9, 9, 9, 9], 5) == []


def test_points_on_the_median_neither_break_nor_count():
    # five above, one on the median, one more above: six above in a row, the median point skipped
    assert [(s.start, s.end) for s in shifts([6, 7, 8, 6, 7, 5, 9, 1, 2], 5)] == [(0, 6)]
    assert shifts([6, 7, 5, 5, 8, 9, 1], 5) == []  # only four above, median points do not count


def test_trend_of_five_rising_and_repeats_are_ignored():
    assert [(t.start, t.end, t.direction) for t in trends([3, 1, 2, 3, 3, 4, 5])] == [(1, 6, "rising")]
    assert trends([1, 2, 3, 4, 3]) == []
    assert [t.direction for t in trends([9, 8, 7, 6, 5])] == ["falling"]


def test_judge_with_enough_points_finds_both_signals():
    values = [5, 5, 4, 6, 5, 4, 10, 11, 12, 13, 14, 15]
    verdict = judge(values)
    assert verdict.enough and len(values) >= MIN_POINTS
    kinds = {s.kind for s in verdict.signals}
    assert kinds == {"shift", "trend"}
    assert "A shift: 6 points in a row above the median" in verdict.summary


def test_random_variation_says_no_signal():
    verdict = judge([5, 7, 4, 6, 5, 7, 4, 6, 5, 7])
    assert verdict.enough and not verdict.signals and "chance" in verdict.summary


def test_geometry_keeps_baseline_and_target_inside_the_box():
    g = geometry([10, 20, 30], baseline=0, target=50, width=400, height=200, pad=20)
    ys = [y for _, y in g.points] + [g.baseline_y, g.target_y]
    assert all(20 <= y <= 180 for y in ys)
    assert g.target_y < g.points[-1][1] < g.baseline_y  # higher values sit higher on the chart
    assert geometry([]).points == []
