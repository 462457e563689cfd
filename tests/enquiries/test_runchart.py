"""The run-chart and XmR rules as pure functions, checked against worked examples whose sources are cited."""

from datetime import date, timedelta

from portal.enquiries.runchart import (
    MIN_POINTS,
    analyse,
    count_runs,
    date_ticks,
    geometry,
    judge,
    nice_ticks,
    runs_signal,
    shifts,
    split_phases,
    trends,
    xmr_limits,
)


def test_too_few_points_says_so_plainly():
    verdict = judge([1, 2, 3, 4, 5, 6, 7])
    assert not verdict.enough and "Too few points to judge" in verdict.summary


def test_six_points_above_the_median_is_a_shift():
    """Shift: six or more consecutive points on one side of the median (Perla, Provost & Murray, 'The run
    chart', BMJ Qual Saf 2011;20:46-51, rule 1; NHS Improvement, 'Run charts' guide)."""
    values = [10, 11, 9, 10, 12, 20, 21, 22, 23, 24, 25]
    found = shifts(values, 12)
    assert [(s.start, s.end, s.direction) for s in found] == [(5, 10, "above")]


def test_five_on_one_side_is_not_a_shift():
    assert shifts([1, 1, 1, 1, 1, 9, 9, 9, 9, 9], 5) == []


def test_points_on_the_median_neither_break_nor_count():
    """Perla et al. 2011: 'values that fall on the median neither add to nor break a shift'."""
    assert [(s.start, s.end) for s in shifts([6, 7, 8, 6, 7, 5, 9, 1, 2], 5)] == [(0, 6)]
    assert shifts([6, 7, 5, 5, 8, 9, 1], 5) == []  # only four above, median points do not count


def test_trend_of_five_rising_and_repeats_are_ignored():
    """Trend: five or more points all going up or all going down; like values are not counted (Perla et al.
    2011, rule 2)."""
    assert [(t.start, t.end, t.direction) for t in trends([3, 1, 2, 3, 3, 4, 5])] == [(1, 6, "rising")]
    assert trends([1, 2, 3, 4, 3]) == []
    assert [t.direction for t in trends([9, 8, 7, 6, 5])] == ["falling"]


def test_too_few_runs_worked_example():
    """D. Balestracci, 'An underrated test for run charts', Quality Digest, October 2008: 16 points in runs of
    7, 7, 1 and 1 give four runs where 5 or more are expected by chance, so the change had an effect. The
    limits are those of Perla et al. 2011, Table 1 (16 useful observations: 5 to 13 runs)."""
    values = [10] * 7 + [1] * 7 + [10, 1]
    assert count_runs(values, 5.5) == (4, 16)
    assert runs_signal(values, 5.5).direction == "few"
    assert runs_signal([10, 1] * 8, 5.5).direction == "many"  # 16 runs: more than 13
    assert runs_signal([10, 10, 1, 1] * 4, 5.5) is None  # 8 runs: chance
    assert any(s.kind == "runs" for s in judge(values).signals)


def test_judge_with_enough_points_finds_both_signals():
    values = [5, 5, 4, 6, 5, 4, 10, 11, 12, 13, 14, 15]
    verdict = judge(values)
    assert verdict.enough and len(values) >= MIN_POINTS
    assert {s.kind for s in verdict.signals} >= {"shift", "trend"}
    assert "A shift: 6 points in a row above the median" in verdict.summary


def test_random_variation_says_no_signal():
    verdict = judge([5, 7, 6, 4, 7, 6, 4, 5, 7, 4])  # seven runs: between 3 and 9
    assert verdict.enough and not verdict.signals and "chance" in verdict.summary


def test_xmr_limits_worked_example():
    """XmR: centre line = mean, limits = mean +/- 2.66 x mean moving range (D. Wheeler, 'Understanding
    Variation', 2000, ch. 5; NHS England, 'Making Data Count', 2019). Worked by hand: 15 values summing to 98,
    mean 6.533; 14 moving ranges summing to 23, mean 1.643; limits 6.533 -/+ 4.370 = 2.16 and 10.90."""
    values = [5, 7, 6, 8, 6, 5, 7, 9, 6, 7, 8, 6, 5, 7, 6]
    lim = xmr_limits(values)
    assert round(lim.mean, 3) == 6.533 and round(lim.mean_moving_range, 3) == 1.643
    assert (round(lim.lower, 2), round(lim.upper, 2)) == (2.16, 10.9)


def _days(n, start=date(2021, 1, 4)):
    return [start + timedelta(days=7 * i) for i in range(n)]


def test_phases_have_their_own_median_and_a_shift_against_the_baseline_reads_by_direction():
    dates = _days(16)
    values = [5, 6, 5, 4, 6, 5, 5, 6, 4, 5, 9, 10, 9, 11, 10, 12]
    change = (dates[10], "New timetable")
    phases = split_phases(dates, values, [change])
    assert [(p.label, p.start, p.end, p.median) for p in phases] == [
        ("Baseline", 0, 9, 5),
        ("New timetable", 10, 15, 10),
    ]
    assert [(s.start, s.end, s.direction) for s in phases[1].against_previous] == [(10, 15, "above")]
    up = " ".join(analyse(dates, values, starts=[change], better="up").reading)
    down = " ".join(analyse(dates, values, starts=[change], better="down").reading)
    assert "Higher is better" in up and "improvement" in up and "deterioration" not in up
    assert "deterioration" in down
    # a phase start before any point leaves no empty phase behind
    assert [p.label for p in split_phases(dates, values, [(date(2020, 1, 1), "Early")])] == ["Early"]


def test_xmr_needs_fifteen_baseline_points_and_says_why_not():
    dates = _days(20)
    values = [5, 7, 6, 8, 6, 5, 7, 9, 6, 7, 8, 6, 5, 7, 6, 6, 7, 30, 6, 5]
    few = analyse(dates, values, starts=[(dates[10], "Change")], kind="xmr")
    assert few.limits is None and "at least 15 points in the baseline" in few.limits_note
    enough = analyse(dates, values, starts=[(dates[15], "Change")], kind="xmr", better="down")
    assert (round(enough.limits.lower, 2), round(enough.limits.upper, 2)) == (2.16, 10.9)  # the worked example
    text = " ".join(enough.reading)
    assert "A point above the limits (03 May 2021)" in text and "deterioration" in text


def test_nice_ticks_step_by_one_two_or_five():
    assert nice_ticks(1.1, 3.8) == [1, 2, 3, 4]
    assert nice_ticks(0, 47) == [0, 10, 20, 30, 40, 50]
    assert nice_ticks(0.12, 0.57) == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
    assert nice_ticks(12, 19) == [12, 14, 16, 18, 20]
    assert nice_ticks(5, 5) == [4, 4.5, 5, 5.5, 6]


def test_date_ticks_are_months_or_days():
    assert [label for _, label in date_ticks(date(2021, 1, 15), date(2021, 6, 20))] == [
        "Feb 2021",
        "Mar 2021",
        "Apr 2021",
        "May 2021",
        "Jun 2021",
    ]
    assert [label for _, label in date_ticks(date(2021, 3, 1), date(2021, 3, 29))][:2] == ["01 Mar", "08 Mar"]


def test_geometry_keeps_baseline_and_target_inside_the_box():
    g = geometry([10, 20, 30], baseline=0, target=50, width=400, height=200, pad=20)
    ys = [y for _, y in g.points] + [g.baseline_y, g.target_y]
    assert all(10 <= y <= 180 for y in ys)
    assert g.target_y < g.points[-1][1] < g.baseline_y  # higher values sit higher on the chart
    assert geometry([]).points == []


def test_geometry_places_points_by_date_and_draws_phases_and_notes():
    dates = [date(2021, 1, 1), date(2021, 1, 2), date(2021, 3, 20)]
    a = analyse(dates, [1, 2, 3], starts=[(date(2021, 2, 1), "After")])
    g = geometry([1, 2, 3], dates=dates, analysis=a, notes=[(2, "Visit")])
    xs = [x for x, _ in g.points]
    assert xs[1] - xs[0] < xs[2] - xs[1]  # spaced by time, not by order
    assert [p[3] for p in g.phases] == ["Baseline", "After"] and g.phases[1][4] is not None
    assert g.notes[0][2:] == (1, "Visit") and [label for _, label in g.x_ticks] == ["Feb 2021", "Mar 2021"]


def _exact_limits(useful: int, tail: float = 0.025) -> tuple[int, int]:
    """Fewest and most runs not signalled by the exact distribution of runs (Swed & Eisenhart) for `useful`
    points split as evenly as possible above and below the median, `tail` in each tail."""
    from math import comb

    n1, n2 = useful // 2, useful - useful // 2
    p = {}
    for r in range(2, useful + 1):
        k = r // 2
        if r % 2 == 0:
            p[r] = 2 * comb(n1 - 1, k - 1) * comb(n2 - 1, k - 1)
        else:
            p[r] = comb(n1 - 1, k) * comb(n2 - 1, k - 1) + comb(n1 - 1, k - 1) * comb(n2 - 1, k)
    total = comb(useful, n1)

    def first(order):
        seen = 0
        for r in order:
            seen += p[r]
            if seen / total > tail:
                return r

    return first(sorted(p)), first(sorted(p, reverse=True))


# Perla, Provost & Murray, "The run chart: a simple analytical tool for learning from variation in healthcare
# processes", BMJ Qual Saf 2011;20:46-51, Table 1: useful observations -> (lower limit, upper limit) for the
# number of runs; fewer than the lower or more than the upper is "too few" / "too many" runs. Written out here
# apart from the code, row by row, so that a change to either shows.
PERLA_TABLE_1 = {
    10: (3, 9), 11: (3, 10), 12: (3, 11), 13: (4, 11), 14: (4, 12), 15: (5, 12), 16: (5, 13), 17: (5, 13),
    18: (6, 14), 19: (6, 15), 20: (6, 16), 21: (7, 16), 22: (7, 17), 23: (7, 17), 24: (8, 18), 25: (8, 18),
    26: (9, 19), 27: (10, 19), 28: (10, 20), 29: (10, 20), 30: (11, 21), 31: (11, 22), 32: (11, 23), 33: (12, 23),
    34: (12, 24), 35: (13, 24), 36: (13, 25), 37: (13, 25), 38: (14, 26), 39: (14, 26), 40: (15, 27),
    41: (15, 27), 42: (16, 28), 43: (16, 28), 44: (17, 29), 45: (17, 30), 46: (17, 31), 47: (18, 31),
    48: (18, 32), 49: (19, 32), 50: (19, 33), 51: (20, 33), 52: (20, 34), 53: (21, 34), 54: (21, 35),
    55: (22, 35), 56: (22, 36), 57: (23, 36), 58: (23, 37), 59: (24, 38), 60: (24, 38),
}  # fmt: skip
# Rows where the published table is not what the exact runs distribution gives (2.5% in each tail, the useful
# observations split as evenly as the median allows): each by one run. The published table wins.
DEPARTS_FROM_EXACT = {11, 12, 17, 20, 22, 23, 25, 29, 32, 37, 41, 43, 53, 55, 57, 59}


def test_runs_table_is_perla_table_1_row_by_row_from_10_to_60():
    """Every row of Perla, Provost & Murray 2011, Table 1 (10 to 60 useful observations), as published."""
    from portal.enquiries.runchart import RUNS_LIMITS

    assert sorted(RUNS_LIMITS) == list(range(10, 61))
    for useful in range(10, 61):
        assert RUNS_LIMITS[useful] == PERLA_TABLE_1[useful], useful


def test_the_published_rows_that_depart_from_the_exact_distribution_are_named():
    """The table rounds in its own way: where it is not the exact Swed-Eisenhart limit it is one run away, and
    those rows are named (DEPARTS_FROM_EXACT) rather than hidden behind a tolerance."""
    departs = set()
    for useful, (fewest, most) in PERLA_TABLE_1.items():
        low, high = _exact_limits(useful)
        assert abs(fewest - low) <= 1 and abs(most - high) <= 1 and fewest < most, useful
        if (fewest, most) != (low, high):
            departs.add(useful)
    assert departs == DEPARTS_FROM_EXACT


def _in_runs(*lengths: int) -> list[int]:
    """Points in runs of the given lengths, alternating below (1) and above (9) a centre of 5."""
    return [1 if k % 2 == 0 else 9 for k, length in enumerate(lengths) for _ in range(length)]


def test_the_table_is_read_at_its_edges_and_not_beyond():
    """At 60 useful observations (Table 1's last row: 24 to 38) 23 runs are too few and 39 too many; 24 and 38
    are chance. At 61, past the table, nothing is said."""
    cases = {23: "few", 24: None, 38: None, 39: "many"}
    for runs, expected in cases.items():
        values = _in_runs(*([1] * (runs - 1)), 60 - (runs - 1))
        assert count_runs(values, 5) == (runs, 60)
        signal = runs_signal(values, 5)
        assert (signal.direction if signal else None) == expected, runs
    assert runs_signal(_in_runs(*([1] * 21), 40), 5) is None  # 61 useful observations in 22 runs: beyond the table


def test_forty_points_with_too_few_runs_is_now_read():
    """Beyond 30 useful observations the table was silent; 40 points in 4 runs is far too few (limit 15)."""
    from portal.enquiries.runchart import runs_signal

    values = [1] * 10 + [9] * 10 + [1] * 10 + [9] * 10
    signal = runs_signal(values, 5)
    assert signal is not None and signal.direction == "few"
