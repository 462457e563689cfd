"""Enquiry numbers are finite and bounded by their measure: 1e400, nan and inf are refused with a message, a
percentage is 0-100, a count is whole and 0 or more."""

import pytest

from portal.core.forms import ServiceError
from portal.enquiries import evidence, plans
from portal.enquiries.plan_models import DataPoint
from portal.extensions import db


def _points():
    return db.session.scalars(db.select(DataPoint)).all()


@pytest.mark.parametrize("value", ["1e400", "nan", "inf", "-Infinity", "1e309"])
def test_non_finite_values_are_refused_with_a_message(client, login, world, value):
    login(world.ewan)
    response = client.post(
        f"/enquiries/teams/{world.team.id}/measures/{world.measure.id}/points",
        data={"on": "2021-03-01", "value": value},
    )
    assert response.status_code == 422
    assert "Enter a number" in response.get_data(as_text=True)
    assert _points() == []


def test_a_percentage_is_between_0_and_100(world):
    measure = plans.save_measure(
        world.enquiry,
        None,
        actor=world.ewan,
        name="Attendance",
        kind="quantitative",
        shows="outcome",
        unit="percentage",
    )
    db.session.commit()
    with pytest.raises(ServiceError, match="0 to 100"):
        evidence.add_data_point(world.enquiry, measure, actor=world.ewan, on=None, value="150")
    db.session.rollback()


def test_a_count_is_whole_and_not_negative(world):
    from datetime import date

    measure = plans.save_measure(
        world.enquiry, None, actor=world.ewan, name="Visits", kind="quantitative", shows="process", unit="count"
    )
    db.session.commit()
    for bad in ("2.5", "-1"):
        with pytest.raises(ServiceError, match="whole number"):
            evidence.add_data_point(world.enquiry, measure, actor=world.ewan, on=date(2021, 3, 1), value=bad)
        db.session.rollback()
    assert evidence.add_data_point(world.enquiry, measure, actor=world.ewan, on=date(2021, 3, 1), value="4").value == 4


def test_a_baseline_must_be_finite_and_fit_the_unit(world):
    with pytest.raises(ServiceError) as caught:
        plans.save_measure(
            world.enquiry,
            None,
            actor=world.ewan,
            name="Attendance",
            kind="quantitative",
            shows="outcome",
            baseline="1e400",
            target="120",
            unit="percentage",
        )
    fields = {field for field, _ in caught.value.errors}
    assert fields == {"baseline", "target"}
