"""A small crafted dataset whose every report figure is worked out by hand in the tests' comments."""

from datetime import date, datetime
from types import SimpleNamespace

from portal.cohorts.models import (
    CohortFacilitator,
    CohortTeam,
    ConfidenceResponse,
    FutureFacilitatorFlag,
    NetworkCohort,
    Nomination,
    SupportMeeting,
)
from portal.cohorts.rules import CONFIDENCE_ITEMS
from portal.core.roles import Role
from portal.enquiries.models import Team, TeamMember
from portal.enquiries.plan_models import DataPoint, Enquiry, Measure
from portal.extensions import db
from portal.leadership.models import LeadershipCohort, ProgrammeYear
from portal.practice.models import AccountFacet, PracticeAccount, Use
from tests.factories import authority

KEYS = [key for key, _ in CONFIDENCE_ITEMS]


def answers(total_rise: int) -> dict:
    """All items at 2, then one point more on the first `total_rise` items (the item sum rises by that)."""
    return {key: 2 + (1 if i < total_rise else 0) for i, key in enumerate(KEYS)}


def leadership_cohort(name: str) -> LeadershipCohort:
    """A leadership cohort of the 2025-26 programme year (committed, with no places yet)."""
    year = ProgrammeYear(label="2025-26", starts_on=date(2025, 8, 1), ends_on=date(2026, 7, 31))
    db.session.add(year)
    db.session.flush()
    cohort = LeadershipCohort(year_id=year.id, name=name)
    db.session.add(cohort)
    db.session.commit()
    return cohort


def build(make_user, make_establishment) -> SimpleNamespace:
    ren, inv = authority("renfrewshire"), authority("inverclyde")
    primaries = [make_establishment(authority_slug="renfrewshire", name=f"Ren Primary {i}") for i in range(6)]
    secondary = make_establishment(authority_slug="renfrewshire", sector="Secondary", name="Ren High")
    never = make_establishment(authority_slug="renfrewshire", sector="Secondary", name="Never Involved High")
    inverclyde = make_establishment(authority_slug="inverclyde", name="Inver Primary")
    admin = make_user(Role.ADMIN)

    earlier = NetworkCohort(
        school_year="2024-25", letter="A", stage="published", interests_text="A", launch_on=date(2025, 3, 1)
    )
    cohort = NetworkCohort(
        school_year="2025-26",
        letter="A",
        stage="published",
        interests_text="A",
        launch_on=date(2025, 9, 1),
        sharing_on=date(2026, 3, 20),
    )
    db.session.add_all([earlier, cohort])
    db.session.flush()
    # 2024-25: one Renfrewshire secondary, two people, both answer both questionnaires (2 pairs: suppressed).
    old_leader = make_user(Role.SENIOR_LEADER, establishment=secondary, name="Old Leader")
    old_practitioner = make_user(Role.PRACTITIONER, establishment=secondary, name="Future Facilitator")
    db.session.add(
        Nomination(
            cohort_id=earlier.id,
            establishment_id=secondary.id,
            authority_id=ren.id,
            leader_id=old_leader.id,
            practitioner_id=old_practitioner.id,
        )
    )
    for person in (old_leader, old_practitioner):
        db.session.add(ConfidenceResponse(cohort_id=earlier.id, user_id=person.id, phase="start", answers=answers(0)))
        db.session.add(ConfidenceResponse(cohort_id=earlier.id, user_id=person.id, phase="end", answers=answers(1)))

    # 2025-26: six Renfrewshire primaries and one Inverclyde primary, two people each (14 people).
    team = Team(kind="network", name="Cohort team 1")
    db.session.add(team)
    db.session.flush()
    facilitator = make_user(Role.KEY_FACILITATOR, name="Fenella Facilitator", establishment=primaries[0])
    cohort_team = CohortTeam(cohort_id=cohort.id, number=1, facilitator_id=facilitator.id, team_id=team.id)
    db.session.add(cohort_team)
    db.session.flush()
    people = []
    for i, est in enumerate([*primaries, inverclyde]):
        leader = make_user(Role.SENIOR_LEADER, establishment=est, name=f"Leader {i}")
        practitioner = make_user(Role.PRACTITIONER, establishment=est, name=f"Practitioner {i}")
        people += [leader, practitioner]
        db.session.add(
            Nomination(
                cohort_id=cohort.id,
                establishment_id=est.id,
                authority_id=est.authority_id,
                leader_id=leader.id,
                practitioner_id=practitioner.id,
                team_id=cohort_team.id if i < 3 else None,
            )  # 3 establishments, 6 people in team 1
        )
    # Paired confidence: Renfrewshire leaders 0..4 rise by 1, 2, 3, 0, 4 (item sums); Inverclyde's leader by 5.
    pairs = zip([people[0], people[2], people[4], people[6], people[8], people[12]], [1, 2, 3, 0, 4, 5], strict=True)
    for person, rise in pairs:
        db.session.add(ConfidenceResponse(cohort_id=cohort.id, user_id=person.id, phase="start", answers=answers(0)))
        db.session.add(
            ConfidenceResponse(cohort_id=cohort.id, user_id=person.id, phase="end", answers=answers(min(rise, 5)))
        )
    # The Renfrewshire facilitator took part in 2024-25 (drawn from earlier participants); Inverclyde names none.
    db.session.add(CohortFacilitator(cohort_id=cohort.id, user_id=old_practitioner.id, authority_id=ren.id))
    db.session.add(FutureFacilitatorFlag(cohort_id=cohort.id, user_id=people[1].id, by_id=admin.id))
    db.session.add_all([SupportMeeting(team_id=cohort_team.id, kind=k, held=k <= 2) for k in range(1, 6)])
    db.session.add(
        TeamMember(
            team_id=team.id,
            user_id=people[1].id,
            establishment_id=primaries[0].id,
            authority_id=ren.id,
            joined_at=datetime(2025, 10, 1),
        )
    )
    enquiry = Enquiry(team_id=team.id, status="implementing", published_at=datetime(2025, 11, 1))
    db.session.add(enquiry)
    db.session.flush()
    measure = Measure(enquiry_id=enquiry.id, name="Reading minutes", kind="quantitative", shows="count")
    db.session.add(measure)
    db.session.flush()
    db.session.add_all([DataPoint(measure_id=measure.id, on=date(2025, 10, d), value=d) for d in (1, 2, 3)])
    account = PracticeAccount(
        team_id=team.id,
        state="published",
        title="Reading together",
        programme="network",
        school_year="2025-26",
        published_at=datetime(2025, 12, 1),
    )
    db.session.add(account)
    db.session.flush()
    # The team spans Renfrewshire primaries (the facets the practice domain writes at publication).
    db.session.add_all(
        [
            AccountFacet(account_id=account.id, facet="la", value="renfrewshire"),
            AccountFacet(account_id=account.id, facet="sector", value="Primary"),
        ]
    )
    db.session.add(
        Use(
            account_id=account.id, establishment_id=inverclyde.id, authority_id=inv.id, created_at=datetime(2026, 1, 10)
        )
    )
    db.session.commit()
    return SimpleNamespace(
        cohort=cohort,
        earlier=earlier,
        ren=ren,
        inv=inv,
        admin=admin,
        facilitator=facilitator,
        flagged=people[1],
        people=people,
        team=team,
        never=never,
    )
