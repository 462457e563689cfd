"""The matching board and the survey pages read a cohort's interests answers as what people chose and wrote: no
records (each with its time parsed and kept in the session) for a hundred answers read on every request."""

from sqlalchemy import select

from portal.cohorts import queries
from portal.cohorts.models import InterestResponse
from portal.extensions import db
from tests.cohorts.helpers import fill, make_cohort
from tests.support.sql import statements


def test_answers_are_read_as_what_people_chose(app):
    cohort = make_cohort(stage="matching")
    fill(cohort, per_la=1)
    db.session.commit()
    cohort = db.session.get(type(cohort), cohort.id)
    with statements() as seen:
        answers = queries.responses_by_user(cohort)
    stored = db.session.scalars(select_answers(cohort.id)).all()
    assert len(seen) == 1 and "answered_at" not in seen[0]
    assert {a.user_id: (a.ranked, a.hunch) for a in answers.values()} == {
        r.user_id: ([r.first, r.second, r.third], r.hunch) for r in stored
    }
    assert stored and not any(isinstance(a, InterestResponse) for a in answers.values())


def select_answers(cohort_id):
    return select(InterestResponse).where(InterestResponse.cohort_id == cohort_id)
