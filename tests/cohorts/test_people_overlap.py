"""People overlap: a person named in two cohorts of the same school year, or as a cohort's facilitator and
participant, is refused with a message naming the clash."""

import pytest

from portal.cohorts import services
from portal.cohorts.models import Nomination
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db
from tests.cohorts.helpers import fill, make_cohort


def test_a_participant_cannot_be_named_in_two_cohorts_of_one_year(app, make_user):
    admin = make_user(Role.ADMIN)
    first = make_cohort(letter="A")
    taken = fill(first, per_la=1, facilitators=False)[0]
    second = make_cohort(letter="B")
    db.session.add(
        Nomination(cohort_id=second.id, establishment_id=taken.establishment_id, authority_id=taken.authority_id)
    )
    db.session.commit()
    again = db.session.scalars(db.select(Nomination).where(Nomination.cohort_id == second.id)).one()
    with pytest.raises(ServiceError, match="already named in cohort 2026-27 A"):
        services.name_person(again, "practitioner", actor=admin, person=taken.practitioner)


def test_a_participant_cannot_also_facilitate_the_cohort(app, make_user):
    admin = make_user(Role.ADMIN)
    cohort = make_cohort()
    nomination = fill(cohort, per_la=1, facilitators=False)[0]
    person = nomination.practitioner
    person.role_rows.append(type(person.role_rows[0])(role=str(Role.KEY_FACILITATOR)))
    db.session.commit()
    with pytest.raises(ServiceError, match="takes part in this cohort"):
        services.add_facilitator(cohort, person, actor=admin, authority_id=person.home_authority_id)
