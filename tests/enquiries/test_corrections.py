"""Issue 9: enquiry data can be corrected. Data points, notes and measures are edited and deleted over HTTP,
deletes ask first (a confirm page without JavaScript), values stay finite and bounded by the measure's unit,
and every correction keeps who, when and the old values (shown on the measure page) with an audit entry.
Each test failed before the fix: the edit and delete routes did not exist (404)."""

from datetime import date

from sqlalchemy import select

from portal.audit.models import AuditEntry
from portal.enquiries import cycles, evidence
from portal.enquiries.cycle_models import Correction, Cycle
from portal.enquiries.plan_models import DataPoint, EvidenceNote, Measure
from portal.extensions import db


def _point(world, value="12", on=date(2021, 3, 1)):
    point = evidence.add_data_point(world.enquiry, world.measure, actor=world.ewan, on=on, value=value, note="Wet")
    db.session.commit()
    return point


def _url(world, tail=""):
    return f"/enquiries/teams/{world.team.id}/measures/{world.measure.id}{tail}"


def _actions():
    return [a for a in db.session.scalars(select(AuditEntry.action))]


def test_a_data_point_is_corrected_and_its_old_value_kept(client, login, world):
    point = _point(world)
    login(world.ailsa)
    edit = _url(world, f"/points/{point.id}/edit")
    assert 'value="12"' in client.get(edit).text
    refused = client.post(edit, data={"on": "2021-03-01", "value": "1e400", "note": "Dry"})
    assert refused.status_code == 422 and "Enter a number" in refused.text and 'value="1e400"' in refused.text
    assert client.post(edit, data={"on": "2021-03-02", "value": "14", "note": "Dry"}).status_code == 303
    db.session.expire_all()
    assert (point.on, point.value, point.note) == (date(2021, 3, 2), 14.0, "Dry")
    page = client.get(_url(world)).text
    history = page[page.index('id="history"') :]
    assert "Ailsa edited a data point" in history and "value: 12" in history and "note: Wet" in history
    assert "evidence.data_point_edited" in _actions()


def test_a_percentage_stays_between_0_and_100_when_corrected(client, login, world):
    world.measure.unit = "percentage"
    db.session.commit()
    point = _point(world, "40")
    login(world.ewan)
    refused = client.post(_url(world, f"/points/{point.id}/edit"), data={"on": "2021-03-01", "value": "150"})
    assert refused.status_code == 422 and "A percentage is from 0 to 100" in refused.text
    assert db.session.get(DataPoint, point.id).value == 40
    assert db.session.scalars(select(Correction)).all() == []  # a refused correction leaves no history


def test_deleting_a_data_point_asks_first_then_keeps_it_in_the_history(client, login, world):
    point_id = _point(world).id
    login(world.ewan)
    asked = client.post(_url(world, f"/points/{point_id}/delete"))
    assert asked.status_code == 200 and "Delete the data point" in asked.text and 'name="confirmed"' in asked.text
    assert db.session.get(DataPoint, point_id) is not None  # nothing deleted until confirmed
    done = client.post(_url(world, f"/points/{point_id}/delete"), data={"confirmed": "yes"})
    assert done.status_code == 303
    db.session.expire_all()
    assert db.session.get(DataPoint, point_id) is None
    assert "Ewan deleted a data point" in client.get(_url(world)).text
    assert "evidence.data_point_deleted" in _actions()


def test_only_members_correct_and_only_their_own_teams_points(client, login, world, make_user):
    from portal.core.roles import Role

    point = _point(world)
    login(make_user(Role.PRACTITIONER, name="Stranger"))
    assert client.post(_url(world, f"/points/{point.id}/edit"), data={"value": "1"}).status_code == 403
    assert client.post(_url(world, f"/points/{point.id}/delete"), data={"confirmed": "yes"}).status_code == 403
    assert db.session.get(DataPoint, point.id).value == 12


def test_a_note_is_corrected_and_deleted_with_its_history(client, login, world):
    note_id = evidence.add_note(
        world.enquiry, actor=world.ewan, kind="qualitative", on=date(2021, 3, 1), observer="Ewan", text="Pupils chatted"
    ).id
    db.session.commit()
    login(world.ewan)
    base = f"/enquiries/teams/{world.team.id}/evidence/{note_id}"
    data = {"kind": "qualitative", "on": "2021-03-01", "observer": "Ewan", "text": "Pupils explained their measuring"}
    assert client.post(f"{base}/edit", data={**data, "text": " "}).status_code == 422
    assert client.post(f"{base}/edit", data=data).status_code == 303
    assert client.post(f"{base}/delete").status_code == 200  # the confirm page
    assert client.post(f"{base}/delete", data={"confirmed": "yes"}).status_code == 303
    db.session.expire_all()
    assert db.session.get(EvidenceNote, note_id) is None
    page = client.get(f"/enquiries/teams/{world.team.id}/evidence").text
    assert "Pupils chatted" in page and "Pupils explained their measuring" in page  # both old texts kept
    assert {"evidence.note_edited", "evidence.note_deleted"} <= set(_actions())


def test_a_measure_edit_keeps_the_old_values_and_a_delete_takes_its_points(client, login, world):
    _point(world)
    cycle = cycles.save_cycle(
        world.enquiry,
        None,
        actor=world.ewan,
        title="Forest Fridays",
        measure_id=world.measure.id,
        starts_on=date(2021, 3, 1),
        ends_on=None,
        prediction="More time outside",
    )
    db.session.commit()
    measure_id, cycle_id = world.measure.id, cycle.id
    login(world.ewan)
    form = {"name": "Minutes outside", "kind": "quantitative", "shows": "process", "unit": "number", "target": "60"}
    assert client.post(_url(world, "/edit"), data={**form, "target": "inf"}).status_code == 422
    assert client.post(_url(world, "/edit"), data=form).status_code == 303
    assert "name: Minutes outdoors" in client.get(_url(world)).text
    url = _url(world, "/delete")
    assert client.post(url).status_code == 200
    assert client.post(url, data={"confirmed": "yes"}).status_code == 303
    db.session.expire_all()
    assert db.session.get(Measure, measure_id) is None
    assert db.session.scalars(select(DataPoint)).all() == []
    assert db.session.get(Cycle, cycle_id).measure_id is None  # the cycle stays, unlinked
    history = client.get(f"/enquiries/teams/{world.team.id}/evidence").text
    assert "deleted a measure" in history and "01 Mar 2021 = 12" in history
