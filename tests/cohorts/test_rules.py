"""The pure calculations: design rules, confidence change with suppression, facilitator fit."""

from portal.cohorts import rules

LAS = [
    "East Dunbartonshire",
    "East Renfrewshire",
    "Glasgow City",
    "Inverclyde",
    "North Lanarkshire",
    "Renfrewshire",
    "South Lanarkshire",
    "West Dunbartonshire",
]


def checks(per=6, fac=1, sectors=("Primary", "ELC"), participants=96):
    result = rules.check_design(
        per_authority={la: per for la in LAS},
        facilitators_per_authority={la: fac for la in LAS},
        sectors=set(sectors),
        participants=participants,
    )
    return {c.key: c for c in result}


def test_a_good_cohort_meets_every_rule():
    assert all(c.ok for c in checks().values())


def test_each_failing_rule_is_named_plainly():
    got = checks(per=2, fac=0, sectors=("Primary",), participants=120)
    assert not got["establishments"].ok and got["establishments"].detail == "16 nominated"
    assert not got["sectors"].ok and not got["sectors"].soft
    assert not got["participants"].ok and "120" in got["participants"].detail
    assert not got["authorities"].ok and "Inverclyde has 2" in got["authorities"].detail
    assert not got["facilitators"].ok and "Glasgow City names 0 of 1" in got["facilitators"].detail


def test_an_la_with_none_or_too_many_fails():
    result = rules.check_design(
        per_authority={"A": 0, "B": 11},
        facilitators_per_authority={"B": 2},
        sectors={"ELC", "Primary"},
        participants=22,
    )
    detail = {c.key: c for c in result}["authorities"].detail
    assert "A has none" in detail and "B has 11" in detail


def test_facilitators_needed_rounds_up():
    assert [rules.facilitators_needed(n) for n in (0, 3, 10, 11, 20)] == [0, 1, 1, 2, 2]


def test_hard_and_soft_rules():
    got = list(checks(per=2, sectors=("Primary",)).values())
    assert {c.key for c in rules.blocking(got)} == {"sectors"}
    assert {c.key for c in rules.waivable(got)} == {"establishments", "authorities"}


def answers(value):
    return {k: value for k, _ in rules.CONFIDENCE_ITEMS}


def test_change_distribution_hides_small_groups():
    pairs = [(answers(2), answers(4))] * 6 + [(answers(3), answers(3))] * 2
    dist = rules.change_distribution(pairs)
    first = dist["items"][0]
    assert dist["shown"] and first["people"] == 8
    assert dict(first["bands"]) == {"Lower": None, "No change": None, "Up 1 point": None, "Up 2 or more": 6}
    assert first["mean"] == 1.5


def test_change_distribution_shows_nothing_under_five_people():
    dist = rules.change_distribution([(answers(2), answers(4))] * 4)
    assert not dist["shown"] and dist["items"][0]["people"] is None and dist["items"][0]["mean"] is None


def test_personal_change():
    rows = rules.personal_change(answers(2), None)
    assert rows[0]["start"] == 2 and rows[0]["change"] is None
    assert rules.personal_change(answers(2), answers(5))[0]["change"] == 3


def test_facilitators_fit_interests_then_their_own_la():
    teams = [
        {"index": 0, "interests": ["Numeracy", "STEM"], "authorities": {"Inverclyde"}},
        {"index": 1, "interests": ["Literacy", "Play pedagogy"], "authorities": {"Glasgow City"}},
    ]
    people = [
        {"id": 1, "interests": ["Literacy"], "authority": "Inverclyde"},
        {"id": 2, "interests": ["Numeracy"], "authority": "Glasgow City"},
    ]
    assert rules.assign_facilitators(teams, people) == {0: 2, 1: 1}
    same = [
        {"id": 3, "interests": [], "authority": "Glasgow City"},
        {"id": 4, "interests": [], "authority": "Inverclyde"},
    ]
    assert rules.assign_facilitators(teams, same) == {0: 4, 1: 3}
