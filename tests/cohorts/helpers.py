"""Building cohorts for tests: nominated establishments across the eight LAs, two people each."""

from sqlalchemy import select

from portal.accounts.models import User, UserRole
from portal.cohorts.models import CohortFacilitator, InterestResponse, NetworkCohort, Nomination
from portal.cohorts.rules import SUGGESTED_INTERESTS
from portal.core.roles import Role
from portal.extensions import db
from portal.organisations.models import Establishment, LocalAuthority
from tests.factories import PASSWORD_HASH

SECTORS = ("Primary", "Secondary", "ELC", "ASN")


def make_cohort(year="2026-27", letter="A", stage="nominating") -> NetworkCohort:
    cohort = NetworkCohort(school_year=year, letter=letter, stage=stage, interests_text="\n".join(SUGGESTED_INTERESTS))
    db.session.add(cohort)
    db.session.commit()
    return cohort


def person(est, n, promoted, roles=(Role.PRACTITIONER,)) -> User:
    user = User(
        name=f"Person {est.seed_code}-{n}",
        email=f"p{est.seed_code}-{n}@test.example.org",
        password_hash=PASSWORD_HASH,
        establishment=est,
        promoted=promoted,
        job_title="Teacher",
    )
    user.role_rows = [UserRole(role=str(r)) for r in roles]
    db.session.add(user)
    return user


def fill(cohort, per_la=5, answered=True, facilitators=True, start=0) -> list[Nomination]:
    """per_la nominated establishments in each LA, each with a leader and a practitioner (and answers)."""
    las = list(db.session.scalars(select(LocalAuthority).order_by(LocalAuthority.id)))
    noms = []
    for a, la in enumerate(las):
        for i in range(per_la):
            k = start + a * 100 + i
            est = Establishment(
                name=f"School {cohort.letter}{k}",
                seed_code=f"{cohort.letter}{k:06d}",
                authority_id=la.id,
                sector=SECTORS[k % 4],
                roll=100,
            )
            db.session.add(est)
            db.session.flush()
            lead, prac = person(est, 1, True, (Role.SENIOR_LEADER,)), person(est, 2, False)
            nom = Nomination(cohort_id=cohort.id, establishment=est, authority_id=la.id, leader=lead, practitioner=prac)
            db.session.add(nom)
            db.session.flush()
            noms.append(nom)
            if answered:
                for p, who in enumerate((lead, prac)):
                    picks = [SUGGESTED_INTERESTS[(k + p + j) % len(SUGGESTED_INTERESTS)] for j in (0, 1, 2)]
                    db.session.add(
                        InterestResponse(
                            cohort_id=cohort.id,
                            user_id=who.id,
                            first=picks[0],
                            second=picks[1],
                            third=picks[2],
                            hunch=f"Hunch {k}-{p}",
                        )
                    )
        if facilitators:
            fac = person(
                Establishment.query.filter_by(authority_id=la.id).first(), 9 + start, True, (Role.KEY_FACILITATOR,)
            )
            db.session.flush()
            db.session.add(
                CohortFacilitator(cohort_id=cohort.id, user=fac, authority_id=la.id, interests_text="Numeracy")
            )
    db.session.commit()
    return noms
