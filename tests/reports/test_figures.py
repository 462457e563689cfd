"""Each report figure against a hand-computed answer on the crafted dataset of tests/reports/world.py."""

import pytest

from portal.core.roles import Role
from portal.reports import board, cohort_service, leadership_report, service
from portal.reports.sources import ReportScope
from tests.reports.world import build

REGION = ReportScope()


@pytest.fixture
def world(app, make_user, make_establishment):
    return build(make_user, make_establishment)


def rows(section):
    return [list(r) for r in section.table.rows]


def test_participation(world):
    # 2025-26: 14 nominated people (the team member is one of them) at 7 establishments; one enquiry reported
    # findings; no events. 2024-25: 2 people (fewer than 5: not shown) at 1 establishment.
    assert rows(service.participation(REGION)) == [
        ["2025-26", 14, 7, 0, None, 1],
        ["2024-25", None, 1, 0, None, 0],
    ]
    assert rows(service.participation(ReportScope(authority_id=world.inv.id))) == [["2025-26", None, 1, 0, None, 0]]


def test_confidence_dz_by_hand(world):
    # Region 2025-26: item-sum changes 1, 2, 3, 0, 4, 5: mean 2.5, variance (55 - 15^2/6)/5 = 3.5, sd 1.8708,
    # d_z 1.3363, SE sqrt(1/6 + 1.3363^2/12) = 0.56168, CI 1.3363 +/- 1.10088; before 2.0, after 75/6/5 = 2.5;
    # improved 5 of 6. 2024-25 has 2 pairs: not shown.
    table = rows(service.confidence(REGION))
    assert table[0] == ["2025-26", 6, 2.0, 2.5, 1.34, 0.24, 2.44, pytest.approx(5 / 6)]
    assert table[1] == ["2024-25", None, None, None, None, None, None, None]
    # Renfrewshire only: changes 1, 2, 3, 0, 4 (tests/reports/test_stats.py): d_z 1.2649, CI 0.0889 to 2.4409.
    ren = rows(service.confidence(ReportScope(authority_id=world.ren.id)))
    assert ren[0] == ["2025-26", 5, 2.0, 2.4, 1.26, 0.09, 2.44, pytest.approx(0.8)]


def test_critical_mass_and_suppression(world):
    # One facilitator in 2025-26 (fewer than 5: not shown); nobody led or presented; no establishment in two teams.
    assert rows(service.critical_mass(REGION)) == [["2025-26", 0, None, 0, 0]]


def test_sustainability(world):
    # 2025-26 A: 7 establishments, only Renfrewshire within 3-10; 1 facilitator named of 2 needed (Renfrewshire 1,
    # Inverclyde 1); every LA but Inverclyde meets one per 10; the facilitator took part in 2024-25 A.
    assert rows(service.sustainability(REGION)) == [
        ["2025-26 A", 7, "1 of 8", 1, 2, "7 of 8", 1],
        ["2024-25 A", 1, "0 of 8", 0, 1, "7 of 8", 0],
    ]
    assert rows(service.sustainability(ReportScope(authority_id=world.ren.id)))[0] == [
        "2025-26 A",
        6,
        "1 of 1",
        1,
        1,
        "1 of 1",
        1,
    ]


def test_outcomes(world):
    # One account published; one "used this" record (fewer than 5: not shown); no Gateway requests or teams.
    assert rows(service.outcomes(REGION)) == [["2025-26", 1, None, 0, 0, 0]]
    # The "used this" record is an Inverclyde school's: Renfrewshire has none (the practice domain withholds every
    # count under 5, 0 included); the account's team is Renfrewshire's only.
    assert rows(service.outcomes(ReportScope(authority_id=world.ren.id))) == [["2025-26", 1, None, 0, 0, 0]]
    assert rows(service.outcomes(ReportScope(authority_id=world.inv.id))) == [["2025-26", 0, None, 0, 0, 0]]


def test_culture_says_when_the_survey_has_no_results(world):
    aim = service.culture(REGION)
    assert aim.sections == [] and "no results yet" in aim.message


def test_coverage_and_secondary_suppression(world):
    establishments, people = service.coverage(REGION)
    assert rows(establishments) == [
        ["Inverclyde", "Primary", 1, 1, 1.0],
        ["Renfrewshire", "Primary", 6, 6, 1.0],
        ["Renfrewshire", "Secondary", 2, 1, 0.5],
        ["All", "All", 9, 8, pytest.approx(8 / 9)],
    ]
    # People: Renfrewshire Primary 12, Secondary 2, Inverclyde Primary 2. The 2s are hidden; Renfrewshire's 12 is
    # hidden too (else 14 - 12 gives the 2); Inverclyde's total would give its 2 away, so it is hidden.
    assert [c.key for c in people.table.columns] == ["authority", "Primary", "Secondary", "total"]
    assert rows(people) == [["Inverclyde", None, 0, None], ["Renfrewshire", None, None, 14]]


def test_never_involved_lists_only_the_las_untouched_establishments(world):
    from portal.extensions import db

    names = [e.name for e in db.session.scalars(service.never_involved_query(world.ren.id))]
    assert names == ["Never Involved High"]


def test_network_cohort_dashboard(world):
    report = cohort_service.network_cohort(world.cohort, REGION, names=True)
    teams, attendance, survey, confidence = (s.table for s in report.sections)
    assert list(teams.rows) == [["Team 1", "Fenella Facilitator", 6, 2, "Implementing", 3, "Published"]]
    assert [r[1] for r in survey.rows] == [0, 6, 6] and survey.rows[1][2] == pytest.approx(6 / 14)
    assert confidence.rows[-1][1:5] == [6, 2.0, 2.5, 1.34]
    assert report.flagged == ["Practitioner 0"] and report.flagged_count == 1
    # Without names (researchers): the facilitator is "named", nobody is listed.
    anonymous = cohort_service.network_cohort(world.cohort, REGION, names=False)
    assert anonymous.sections[0].table.rows[0][1] == "named" and anonymous.flagged == []
    # Inverclyde's officer: no Inverclyde member in team 1, one pair (not shown), no one flagged.
    inverclyde = cohort_service.network_cohort(world.cohort, ReportScope(authority_id=world.inv.id), names=True)
    assert list(inverclyde.sections[0].table.rows) == []
    assert inverclyde.sections[3].table.rows[-1][1] is None and inverclyde.flagged_count == 0


def test_board_headlines_with_change_since_the_last_paper(world):
    from datetime import date

    table = board.headline_table(REGION, date(2025, 8, 1), date(2026, 2, 1))
    figures = {r[0]: r[1:] for r in table.rows}
    assert figures["People who started taking part"] == [14, None, None]  # 2 before: not shown
    assert figures["Establishments that started taking part"] == [7, 1, 6]
    assert figures["Accounts of practice published"] == [1, 0, 1]
    assert figures['"Used this" records'] == [1, 0, 1]
    assert "01 Aug 2025 to 31 Jan 2026" in table.columns[1].label
    assert "01 Feb 2025 to 31 Jul 2025" in table.columns[2].label


def test_half_year_and_previous_period():
    from datetime import date

    assert board.half_year(date(2026, 11, 30)) == (date(2026, 8, 1), date(2027, 2, 1))
    assert board.half_year(date(2027, 1, 5)) == (date(2026, 8, 1), date(2027, 2, 1))
    assert board.half_year(date(2027, 3, 1)) == (date(2027, 2, 1), date(2027, 8, 1))
    assert board.previous_period(date(2026, 8, 1), date(2027, 2, 1)) == (date(2026, 2, 1), date(2026, 8, 1))


def test_sector_and_programme_filters(world):
    # Secondary only: the 2024-25 pair of people at Ren High (fewer than 5) and no 2025-26 row.
    assert rows(service.participation(ReportScope(sector="Secondary"))) == [["2024-25", None, 1, 0, None, 0]]
    assert rows(service.confidence(ReportScope(programme="themed"))) == []
    assert rows(service.sustainability(ReportScope(programme="leadership"))) == []
    assert rows(service.outcomes(ReportScope(programme="themed"))) == []


def test_leadership_cohort_dashboard(world, make_user, make_establishment):
    from datetime import date

    from portal.extensions import db
    from portal.leadership.models import CohortPlace, DevelopmentPlan, LeadershipCohort, ProgrammeYear

    year = ProgrammeYear(label="2025-26", starts_on=date(2025, 8, 1), ends_on=date(2026, 7, 31))
    db.session.add(year)
    db.session.flush()
    cohort = LeadershipCohort(year_id=year.id, name="Cohort L", facilitator_id=world.facilitator.id)
    db.session.add(cohort)
    db.session.flush()
    leaders = [make_user(Role.SENIOR_LEADER, establishment=make_establishment()) for _ in range(7)]
    for i, leader in enumerate(leaders):
        db.session.add(
            CohortPlace(cohort_id=cohort.id, person_id=leader.id, status="confirmed" if i < 6 else "nominated")
        )
    for leader in leaders[:5]:
        db.session.add(DevelopmentPlan(owner_id=leader.id, year_id=year.id, title="Plan", status="agreed"))
    db.session.commit()
    report = leadership_report.leadership_cohort(cohort, REGION, names=True)
    # 6 confirmed, 1 nominated (fewer than 5: not shown), 5 plans agreed; the facilitator named for staff only.
    assert [r[1] for r in report.sections[0].table.rows] == [6, None, 5]
    assert "Fenella Facilitator" in report.lead
    assert "Fenella" not in leadership_report.leadership_cohort(cohort, REGION, names=False).lead


def test_sustainability_follows_the_sector_filter(world):
    # Secondary: 2025-26 A nominated primaries only; its one key facilitator works at Ren High (a secondary) and
    # took part in 2024-25 A, which nominated Ren High alone (1 needed, Renfrewshire names none).
    assert rows(service.sustainability(ReportScope(sector="Secondary"))) == [
        ["2025-26 A", 0, "0 of 8", 1, 0, "8 of 8", 1],
        ["2024-25 A", 1, "0 of 8", 0, 1, "7 of 8", 0],
    ]
    # Primary: the seven primaries of 2025-26 A (Renfrewshire 6, Inverclyde 1), no primary facilitator.
    assert rows(service.sustainability(ReportScope(sector="Primary"))) == [
        ["2025-26 A", 7, "1 of 8", 0, 2, "6 of 8", 0],
        ["2024-25 A", 0, "0 of 8", 0, 0, "8 of 8", 0],
    ]


def test_leadership_cohort_shows_self_evaluation_response_and_paired_change(world, make_user, make_establishment):
    from datetime import date, datetime

    from portal.extensions import db
    from portal.frameworks.defaults import six_point_scale
    from portal.frameworks.models import Framework, FrameworkVersion
    from portal.leadership.models import (
        CohortPlace,
        DevelopmentPlan,
        EvaluationDomainScore,
        LeadershipCohort,
        ProgrammeYear,
        SelfEvaluation,
    )

    framework = Framework(slug="lead", title="Leadership", kind="leadership", scale_id=six_point_scale().id)
    db.session.add(framework)
    db.session.flush()
    version = FrameworkVersion(framework_id=framework.id, number=1, published=True)
    year = ProgrammeYear(label="2025-26", starts_on=date(2025, 8, 1), ends_on=date(2026, 7, 31))
    db.session.add_all([version, year])
    db.session.flush()
    cohort = LeadershipCohort(year_id=year.id, name="Cohort L")
    db.session.add(cohort)
    db.session.flush()

    def evaluation(owner, when, mean_tenths):
        e = SelfEvaluation(
            owner_id=owner.id,
            framework_id=framework.id,
            version_id=version.id,
            label="Self-evaluation",
            status="submitted",
            submitted_at=when,
        )
        db.session.add(e)
        db.session.flush()
        db.session.add(
            EvaluationDomainScore(
                evaluation_id=e.id,
                framework_id=framework.id,
                owner_id=owner.id,
                year=when.year,
                section_key="a",
                title="A",
                rating_sum=mean_tenths,
                rating_count=10,
            )
        )
        return e

    leaders = [make_user(Role.SENIOR_LEADER, establishment=make_establishment()) for _ in range(7)]
    # Six confirmed; six plans behind a first evaluation (mean 3.0); five repeats rising by 0.5, 1, 0, 1.5, 1:
    # mean change 0.8, sd sqrt(0.325) = 0.5701, d_z 1.40, improved 4 of 5. The unconfirmed leader counts nowhere.
    for i, leader in enumerate(leaders):
        db.session.add(
            CohortPlace(cohort_id=cohort.id, person_id=leader.id, status="confirmed" if i < 6 else "nominated")
        )
        before = evaluation(leader, datetime(2025, 8, 20), 30)
        db.session.add(
            DevelopmentPlan(owner_id=leader.id, year_id=year.id, title="Plan", status="agreed", evaluation_id=before.id)
        )
        if i < 5:
            evaluation(leader, datetime(2026, 6, 1), 30 + [5, 10, 0, 15, 10][i])
    db.session.commit()
    report = leadership_report.leadership_cohort(cohort, REGION, names=False)
    places, attendance, survey, confidence = (s.table for s in report.sections)
    assert [r[1] for r in survey.rows] == [6, 5] and survey.rows[0][2] == 1.0 and survey.rows[1][2] == 5 / 6
    assert confidence.rows[0][:5] == ["Mean rating of every statement", 5, 3.0, 3.8, 1.4]
    assert confidence.rows[0][-1] == 0.8
    # An LA officer of another authority: nobody in scope, nothing shown.
    other = leadership_report.leadership_cohort(cohort, ReportScope(authority_id=world.inv.id), names=False)
    assert [r[1] for r in other.sections[2].table.rows] == [0, 0] and other.sections[3].table.rows[0][1] is None
