"""Pins and keep-apart pairs are checked on the server: a team that does not exist or an establishment outside
the cohort is refused with a message (it would otherwise break every later run)."""

import pytest

from portal.cohorts import matching_service as matching
from portal.cohorts.models import MatchingConstraint
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db
from tests.cohorts.helpers import fill, make_cohort


@pytest.fixture
def cohort_and_admin(app, make_user):
    cohort = make_cohort(stage="matching")
    nominations = fill(cohort, per_la=1, answered=True)
    db.session.commit()
    return cohort, make_user(Role.ADMIN), nominations


def test_a_pin_to_a_team_that_does_not_exist_is_refused(cohort_and_admin):
    cohort, admin, nominations = cohort_and_admin
    with pytest.raises(ServiceError, match="no team"):
        matching.pin(cohort, actor=admin, est_id=nominations[0].establishment_id, team_index=cohort.team_count)
    with pytest.raises(ServiceError, match="no team"):
        matching.pin(cohort, actor=admin, est_id=nominations[0].establishment_id, team_index=-1)


def test_a_pin_or_pair_outside_the_cohort_is_refused(cohort_and_admin, make_establishment):
    cohort, admin, nominations = cohort_and_admin
    outsider = make_establishment()
    with pytest.raises(ServiceError, match="not in this cohort"):
        matching.pin(cohort, actor=admin, est_id=outsider.id, team_index=0)
    with pytest.raises(ServiceError, match="not in this cohort"):
        matching.keep_apart(cohort, actor=admin, first=nominations[0].establishment_id, second=outsider.id)
    db.session.rollback()
    assert db.session.scalars(db.select(MatchingConstraint)).all() == []
