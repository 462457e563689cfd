"""Pure calculations: school years, the formal limit, moving items, timing, tags."""

from datetime import date

from portal.forums.rules import (
    carried_title,
    formal_limit_reached,
    move,
    school_year,
    school_year_label,
    tags_to_store,
    timing,
)


def test_the_school_year_starts_on_the_first_of_august():
    assert school_year(date(2026, 7, 31)) == 2025
    assert school_year(date(2026, 8, 1)) == 2026
    assert school_year_label(2026) == "2026-27"


def test_three_formal_meetings_is_the_limit():
    assert not formal_limit_reached([date(2026, 9, 1), date(2027, 1, 1)])
    assert formal_limit_reached([date(2026, 9, 1), date(2027, 1, 1), date(2027, 5, 1)])


def test_move_swaps_neighbours_and_stops_at_the_ends():
    assert move([1, 2, 3], 2, "up") == [2, 1, 3]
    assert move([1, 2, 3], 2, "down") == [1, 3, 2]
    assert move([1, 2, 3], 1, "up") == [1, 2, 3]
    assert move([1, 2, 3], 3, "down") == [1, 2, 3]


def test_timing_against_the_meeting_length():
    assert timing([30, 40], 90).summary == "70 of 90 minutes planned (20 minutes spare)"
    assert timing([60, 45], 90).over == 15
    assert "15 minutes over" in timing([60, 45], 90).summary


def test_tags_are_stored_so_one_like_finds_a_whole_tag():
    assert tags_to_store(" Play, outdoor  learning,play,,") == ",play,outdoor learning,"
    assert tags_to_store("") == ""


def test_carried_title_names_who_and_when():
    assert (
        carried_title("Draft profile", "Cora", date(2026, 3, 5))
        == "Carried forward: Draft profile (Cora, due 5 March 2026)"
    )
    assert carried_title("Draft profile", "", None) == "Carried forward: Draft profile"
