"""A measure's chart over HTTP: direction and chart kind, phase starts (422 keeps what was typed), removal confirmed,
and the SVG showing dates, phase labels, notes and XmR limits."""

from datetime import date, timedelta

from portal.enquiries import charts, evidence
from portal.enquiries.plan_models import MeasurePhase
from portal.extensions import db


def _points(world, values, start=date(2021, 1, 4)):
    for i, v in enumerate(values):
        evidence.add_data_point(
            world.enquiry,
            world.measure,
            actor=world.ewan,
            on=start + timedelta(days=7 * i),
            value=str(v),
            note="Forest school visit" if i == 3 else "",
        )
    db.session.commit()


def test_settings_and_phase_forms_change_the_chart_reading(client, login, world):
    _points(world, [5, 6, 5, 4, 6, 5, 5, 6, 4, 5, 9, 10, 9, 11, 10, 12])
    login(world.ewan)
    url = f"/enquiries/teams/{world.team.id}/measures/{world.measure.id}"
    assert client.post(f"{url}/chart", data={"better": "down", "chart": "run"}).status_code == 303
    added = client.post(f"{url}/phases", data={"starts_on": "2021-03-15", "label": "Outdoor timetable"})
    assert added.status_code == 303
    page = client.get(url).text
    assert "Lower is better" in page and "Outdoor timetable" in page and "deterioration" in page
    start = page.index("<svg", page.index("<figure"))  # the chart, not the header's icons
    svg = page[start : page.index("</svg>", start)]
    assert "Baseline" in svg and "Outdoor timetable" in svg and "Feb 2021" in svg  # phase labels, dated axis
    assert "Forest school visit" in svg  # the note is drawn on the chart
    assert ".1<" not in svg and "3.8" not in svg


def test_phase_errors_keep_what_was_typed(client, login, world):
    login(world.ewan)
    url = f"/enquiries/teams/{world.team.id}/measures/{world.measure.id}"
    bad = client.post(f"{url}/phases", data={"starts_on": "2099-01-01", "label": "Kept label"})
    assert bad.status_code == 422 and "Enter a date between" in bad.text and 'value="Kept label"' in bad.text
    unlabelled = client.post(f"{url}/phases", data={"starts_on": "2021-03-01", "label": " "})
    assert unlabelled.status_code == 422 and "Say what changed" in unlabelled.text
    assert 'value="2021-03-01"' in unlabelled.text
    wrong = client.post(f"{url}/chart", data={"better": "sideways", "chart": "run"})
    assert wrong.status_code == 422 and "Not a valid choice" in wrong.text
    assert db.session.scalars(db.select(MeasurePhase)).all() == []


def test_xmr_says_why_there_are_no_limits_then_draws_them(client, login, world):
    world.measure.chart = "xmr"
    db.session.commit()
    _points(world, [5, 7, 6, 8, 6])
    login(world.ewan)
    url = f"/enquiries/teams/{world.team.id}/measures/{world.measure.id}"
    assert "at least 15 points in the baseline phase and it has 5" in client.get(url).text
    _points(world, [5, 7, 9, 6, 7, 8, 6, 5, 7, 6], start=date(2021, 3, 1))
    page = client.get(url).text
    assert "Upper limit" in page and "XmR chart" in page and "10.9" in page


def test_removing_a_phase_asks_first_and_only_members_may(client, login, world, make_user):
    phase = charts.add_phase(world.enquiry, world.measure, actor=world.ewan, starts_on=date(2021, 2, 1), label="Change")
    db.session.commit()
    phase_id = phase.id
    url = f"/enquiries/teams/{world.team.id}/measures/{world.measure.id}/phases/{phase.id}/remove"
    login(make_user())
    assert client.get(url).status_code == 403 and client.post(url).status_code == 403
    login(world.ewan)
    confirm = client.get(url)
    assert confirm.status_code == 200 and "Remove the phase" in confirm.text
    assert '<form method="post">' in confirm.text
    assert client.post(url).status_code == 303
    assert db.session.get(MeasurePhase, phase_id) is None
