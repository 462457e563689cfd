"""Disclosure control: primary and secondary suppression worked out by hand on small tables."""

from portal.core.privacy import MIN_GROUP, SURVEY_MIN_RESPONSES, shown, suppress, suppress_table


def test_primary_threshold():
    assert not shown(MIN_GROUP - 1) and shown(MIN_GROUP)
    assert suppress(0.5, 4) is None and suppress(0.5, 5) == 0.5
    assert suppress(3.2, 9, SURVEY_MIN_RESPONSES) is None and suppress(3.2, 10, SURVEY_MIN_RESPONSES) == 3.2


def test_a_lone_small_cell_takes_its_smallest_neighbours_with_it():
    # Row A: 3 (hidden), 12, 20 -> 12 hidden too, else 3 = total - 12 - 20.
    # Column x: 3 (hidden), 30 -> 30 hidden; then row B has 30 hidden alone -> its smallest other (40).
    # Column y: 12, 40 both hidden: fine. Row A two hidden, row B two hidden: stable.
    counts = {("A", "x"): 3, ("A", "y"): 12, ("A", "z"): 20, ("B", "x"): 30, ("B", "y"): 40, ("B", "z"): 50}
    hidden = suppress_table(counts)
    assert hidden.cells == {("A", "x"), ("A", "y"), ("B", "x"), ("B", "y")}
    assert not hidden.row_totals and not hidden.column_totals
    # The differencing attack: for every row and column, no line has exactly one hidden cell.
    for line in ("A", "B"):
        assert sum(1 for k in hidden.cells if k[0] == line) != 1
    for line in ("x", "y", "z"):
        assert sum(1 for k in hidden.cells if k[1] == line) != 1


def test_zeros_are_shown_and_a_line_without_partner_hides_its_total():
    counts = {("A", "x"): 2, ("A", "y"): 0, ("B", "x"): 0, ("B", "y"): 9}
    hidden = suppress_table(counts)
    assert ("A", "y") not in hidden.cells and ("B", "x") not in hidden.cells
    assert ("A", "x") in hidden.cells
    assert "A" in hidden.row_totals and "x" in hidden.column_totals


def test_nothing_hidden_when_every_cell_is_big_enough():
    counts = {("A", "x"): 10, ("A", "y"): 11, ("B", "x"): 12, ("B", "y"): 13}
    assert suppress_table(counts, SURVEY_MIN_RESPONSES).cells == set()
