"""Results: disclosure control on crafted small groups (including the differencing case), year beside year
against a table computed by hand, the chart and the research partner's de-identified file."""

from collections import Counter
from datetime import timedelta

from portal.core.privacy import SURVEY_MIN_RESPONSES
from portal.extensions import db
from portal.organisations.models import SECTOR_LABELS
from portal.survey import results, services
from portal.survey.deidentify import MERGED, item_level_rows, k_anonymise
from portal.survey.models import THEMES
from portal.survey.scoring import Cell, grid, paired
from tests.survey.conftest import TODAY, open_survey, respond


def _cells(n):
    return {t: Cell(n, n * 8, n * 4, n * 20) for t, _ in THEMES}


def _hidden_groups(rows, theme):
    return {g for g, cells in rows.items() if g is not None and not cells[theme].shown}


def test_small_group_and_its_partner_are_hidden_so_no_difference_reveals_it():
    rows = grid({None: _cells(27), "Primary": _cells(12), "Secondary": _cells(11), "ASN": _cells(4)})
    for theme, _ in THEMES:
        assert _hidden_groups(rows, theme) == {"ASN", "Secondary"}  # the smallest other group hides with it
        assert rows[None][theme].shown and rows["Primary"][theme].shown
        # Differencing: all minus the shown groups leaves two hidden groups together, never one alone.
        assert len(_hidden_groups(rows, theme)) != 1


def test_with_no_partner_left_the_total_is_hidden():
    rows = grid({None: _cells(14), "ASN": _cells(4), "Primary": _cells(10)})
    theme = THEMES[0][0]
    assert _hidden_groups(rows, theme) == {"ASN", "Primary"}
    rows = grid({None: _cells(4), "ASN": _cells(4)})
    assert not rows[None][theme].shown and not rows["ASN"][theme].shown


def test_no_leaders_and_staff_split_where_either_side_is_small():
    rows = paired({None: _cells(25), "slt": _cells(5), "staff": _cells(20)})
    for theme, _ in THEMES:
        assert not rows["slt"][theme].shown and not rows["staff"][theme].shown
        assert rows[None][theme].shown
    rows = paired({None: _cells(30), "slt": _cells(10), "staff": _cells(20)})
    assert all(rows[v][t].shown for v in ("slt", "staff") for t, _ in THEMES)


def test_crafted_sectors_through_the_database(app, make_establishment):
    survey = open_survey()
    schools = {s: make_establishment(sector=s) for s in ("Primary", "Secondary", "ASN")}
    for sector, n in (("Primary", 12), ("Secondary", 11), ("ASN", 4)):
        link = services.create_open_link(survey, schools[sector], cap=50, actor=None)
        for _ in range(n):
            respond(survey, link, schools[sector])
    table = results.by_sector(survey).table()
    rows = {row[0]: row[1:] for row in table.rows}
    assert rows["All sectors"][2] == 27
    assert rows[SECTOR_LABELS["Primary"]][2] == 12
    assert all(v is None for v in rows[SECTOR_LABELS["Secondary"]] + rows[SECTOR_LABELS["ASN"]])


def _year(year, groups, *, app_school):
    survey = open_survey(year, opens=TODAY - timedelta(days=1), closes=TODAY + timedelta(days=1))
    link = services.create_open_link(survey, app_school, cap=100, actor=None)
    db.session.commit()
    for count, value in groups:
        for _ in range(count):
            respond(survey, link, app_school, value=value)
    return survey


def test_year_beside_year_matches_a_table_computed_by_hand(app, make_establishment):
    school = make_establishment()
    s23 = _year(2023, [(9, 4)], app_school=school)  # 9 responses: under the threshold, shown as hidden
    s24 = _year(2024, [(6, 4), (6, 2)], app_school=school)
    s25 = _year(2025, [(7, 3), (3, 1), (1, 0)], app_school=school)  # one answered Don't know throughout
    table = results.by_year([s25, s23, s24]).table()
    # By hand, per theme (8 staff statements each): 2024: 96 ratings, 48 agreeing -> 50%, mean (48*4 + 48*2)/96
    # = 3.00, n 12. 2025: 80 ratings (the Don't know response rates nothing), 56 agreeing -> 70%, mean
    # (56*3 + 24*1)/80 = 2.40, n 10. 2023: 9 responses -> not shown.
    expected = [
        ["2023/24"] + [None, None, None] * 5,
        ["2024/25"] + [0.5, 3.0, 12] * 5,
        ["2025/26"] + [0.7, 2.4, 10] * 5,
    ]
    got = [[row[0]] + [round(v, 4) if isinstance(v, float) else v for v in row[1:]] for row in table.rows]
    assert got == expected
    assert "independent samples" in table.note
    assert [t.title for t in results.for_report(_scope())] == ["Conditions for Change: themes year beside year"]


def _scope():
    from portal.reports.sources import ReportScope

    return ReportScope(first_year=2024)


def test_item_level_file_has_no_free_text_and_merges_small_groups(app, make_establishment):
    survey = open_survey()
    big, small = (
        make_establishment(sector="Primary"),
        make_establishment(sector="ASN", authority_slug="east-renfrewshire"),
    )
    link_big = services.create_open_link(survey, big, cap=50, actor=None)
    link_small = services.create_open_link(survey, small, cap=50, actor=None)
    for _ in range(12):
        respond(survey, link_big, big, open_answer="My head teacher Ms Example never listens.")
    for _ in range(3):
        respond(survey, link_small, small, role_group="support")
    header, rows = item_level_rows(survey)
    assert "open_answer" not in header and "establishment" not in " ".join(header)
    flat = " ".join(str(v) for row in rows for v in row)
    assert "Ms Example" not in flat and "ASN" not in flat and "East Renfrewshire" not in flat
    assert sum(1 for row in rows if row[2] == MERGED) == 15  # 3 ASN alone would be small: Primary joins them


# A crafted file where every value is common in its own column (each at least 16 of 31) but one respondent's
# combination is theirs alone: merging per column finds nothing to merge and would single them out.
COMMON_A = ("Staff", "Primary", "Teacher", "Less than 3 years", "Glasgow City")
COMMON_B = ("Staff", "Secondary", "Support staff", "3 to 5 years", "Inverclyde")
ALONE = ("Staff", "Primary", "Support staff", "Less than 3 years", "Inverclyde")
CRAFTED = [COMMON_A] * 15 + [COMMON_B] * 15 + [ALONE]


def test_k_anonymity_holds_on_the_combination_of_respondent_columns():
    released = k_anonymise(CRAFTED, k=10)
    kept = [r for r in released if r is not None]
    assert all(n >= 10 for n in Counter(kept).values())
    assert ALONE not in kept and len(kept) >= 30  # merging keeps everyone here (31 lines allow none left out)
    # Allowed to leave one line out, the lone combination is suppressed and nothing else is changed.
    assert k_anonymise(CRAFTED, k=10, max_suppressed=1) == [COMMON_A] * 15 + [COMMON_B] * 15 + [None]
    # Already k-anonymous: untouched. Fewer than k in all: nothing is released.
    assert k_anonymise([COMMON_A] * 10, k=10) == [COMMON_A] * 10
    assert k_anonymise([COMMON_A] * 4 + [COMMON_B] * 5, k=10) == [None] * 9


def test_item_level_file_is_k_anonymous_on_a_crafted_survey(app, make_establishment):
    survey = open_survey()
    glasgow = make_establishment(sector="Primary")
    inverclyde = make_establishment(sector="Secondary", authority_slug="inverclyde")
    links = {e.id: services.create_open_link(survey, e, cap=50, actor=None) for e in (glasgow, inverclyde)}
    people = [(glasgow, "Primary", "teacher", "0-2")] * 15 + [(inverclyde, "Secondary", "support", "3-5")] * 15
    people.append((inverclyde, "Primary", "support", "0-2"))  # alone in their combination
    for place, sector, role, years in people:
        respond(survey, links[place.id], place, sector=sector, role_group=role, years_in_post=years)
    header, rows = item_level_rows(survey)
    about = Counter(tuple(row[1:6]) for row in rows)
    assert header[1:6] == ["version", "sector", "role_group", "years_in_post", "local_authority"]
    assert all(n >= SURVEY_MIN_RESPONSES for n in about.values()), about
    assert ("Staff", "Primary", "Support staff", "Less than 3 years", "Inverclyde") not in about
