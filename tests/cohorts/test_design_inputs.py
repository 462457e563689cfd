"""The design rules' counts for a cohort: each LA's nominations, people and facilitators, read in two statements."""

from sqlalchemy import select

from portal.cohorts import queries
from portal.cohorts.models import CohortFacilitator, NetworkCohort, Nomination
from portal.extensions import db
from portal.organisations.models import LocalAuthority
from tests.cohorts.helpers import fill, make_cohort
from tests.support.sql import statements


def test_design_inputs_count_each_authority_in_two_statements(app):
    cohort = make_cohort()
    noms = fill(cohort, per_la=2)
    noms[0].practitioner_id = None
    first_la = noms[0].authority_id
    db.session.execute(CohortFacilitator.__table__.delete().where(CohortFacilitator.authority_id == first_la))
    make_cohort(letter="B")  # another cohort's nominations are not counted
    db.session.commit()
    cohort = db.session.get(NetworkCohort, cohort.id)
    with statements() as seen:
        got = queries.design_inputs(cohort)
    assert len(seen) == 2
    las = db.session.scalars(select(LocalAuthority).order_by(LocalAuthority.name)).all()
    stored = db.session.scalars(select(Nomination).where(Nomination.cohort_id == cohort.id)).all()
    assert got["per_authority"] == {la.name: sum(n.authority_id == la.id for n in stored) for la in las}
    assert got["facilitators_per_authority"] == {la.name: int(la.id != first_la) for la in las}
    assert got["participants"] == 2 * len(stored) - 1
    assert got["sectors"] == {n.establishment.sector for n in stored}
