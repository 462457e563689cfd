"""Cohort pages over HTTP: both renderings, the forms' 422s, LA scoping, and query counts at two sizes."""

from sqlalchemy import select

from portal.cohorts import teams as team_rules
from portal.cohorts.models import CohortTeam, NetworkCohort, Nomination
from portal.core.roles import Role
from portal.extensions import db
from tests.cohorts.helpers import fill, make_cohort


def test_admin_creates_a_cohort_and_errors_keep_what_was_typed(client, login, make_user):
    login(make_user(Role.ADMIN))
    bad = client.post(
        "/cohorts/new",
        data={"school_year": "26-27", "letter": "A", "team_count": 8, "interests": "Literacy\nNumeracy\nSTEM"},
    )
    assert bad.status_code == 422 and b"Enter the school year like 2026-27" in bad.data and b"26-27" in bad.data
    good = client.post(
        "/cohorts/new",
        data={
            "school_year": "2026-27",
            "letter": "B",
            "team_count": 8,
            "interests": "Literacy\nNumeracy\nSTEM",
            "launch_on": "2027-01-19",
        },
    )
    assert good.status_code == 302
    cohort = db.session.scalar(select(NetworkCohort))
    assert cohort.name == "2026-27 B" and str(cohort.launch_on) == "2027-01-19"


def test_cohort_page_says_which_rules_fail_in_both_renderings(client, login, make_user, htmx_get):
    cohort = make_cohort()
    fill(cohort, per_la=2)
    login(make_user(Role.ADMIN))
    page = client.get(f"/cohorts/{cohort.id}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "<html" in text and "16 nominated" in text and "Inverclyde has 2" in text
    assert "HX-Request" in page.headers["Vary"]
    fragment = htmx_get(f"/cohorts/{cohort.id}", "cohort-rules")
    body = fragment.get_data(as_text=True)
    assert "<html" not in body and body.lstrip().startswith('<section id="cohort-rules"')
    refused = client.post(
        f"/cohorts/{cohort.id}/advance", data={}, headers={"HX-Request": "true", "HX-Target": "cohort-rules"}
    )
    assert refused.status_code == 422 and "say why the cohort should go ahead" in refused.get_data(as_text=True)
    assert "<html" not in refused.get_data(as_text=True)
    done = client.post(f"/cohorts/{cohort.id}/advance", data={"reason": "Pilot with volunteer LAs this year."})
    assert done.status_code == 302
    assert "Pilot with volunteer LAs" in client.get(f"/cohorts/{cohort.id}").get_data(as_text=True)


def test_officers_see_and_change_only_their_own_la(client, login, make_user, make_establishment):
    cohort = make_cohort()
    fill(cohort, per_la=3, facilitators=False)
    officer = make_user(Role.LA_OFFICER)  # Glasgow City
    login(officer)
    text = client.get(f"/cohorts/{cohort.id}/nominations?authority=1").get_data(as_text=True)
    glasgow = [n for n in db.session.scalars(select(Nomination)) if n.authority.name == "Glasgow City"]
    other = [n for n in db.session.scalars(select(Nomination)) if n.authority.name != "Glasgow City"]
    assert glasgow[0].establishment.name in text and other[0].establishment.name not in text
    assert client.get(f"/nominations/{other[0].id}").status_code == 404
    assert client.post(f"/nominations/{other[0].id}/remove").status_code == 403
    est = make_establishment()
    response = client.post(f"/cohorts/{cohort.id}/nominations", data={"nominate-establishment": est.id})
    assert response.status_code == 303 and "/nominations/" in response.headers["Location"]
    foreign = make_establishment(authority_slug="inverclyde")
    refused = client.post(f"/cohorts/{cohort.id}/nominations", data={"nominate-establishment": foreign.id})
    assert refused.status_code == 422 and b"There is a problem" in refused.data


def test_naming_people_form(client, login, make_user, make_establishment, mailbox):
    cohort = make_cohort()
    officer = make_user(Role.LA_OFFICER)
    est = make_establishment()
    nomination = Nomination(cohort_id=cohort.id, establishment=est, authority_id=est.authority_id)
    db.session.add(nomination)
    db.session.commit()
    teacher = make_user(Role.PRACTITIONER, establishment=est, name="Ada Teacher")
    login(officer)
    assert b"Ada Teacher" in client.get(f"/nominations/{nomination.id}").data
    bad = client.post(
        f"/nominations/{nomination.id}", data={"leader": 0, "leader_name": "No Email", "practitioner": teacher.id}
    )
    assert bad.status_code == 422 and b"No Email" in bad.data
    ok = client.post(
        f"/nominations/{nomination.id}",
        data={
            "leader": 0,
            "leader_name": "Dee Depute",
            "leader_email": "dee@school.example.org",
            "practitioner": teacher.id,
        },
    )
    assert ok.status_code == 302
    assert mailbox.last_to("dee@school.example.org")


def test_participant_answers_the_survey_and_sees_their_confidence(client, login, make_user):
    cohort = make_cohort(stage="survey")
    nomination = fill(cohort, per_la=1, answered=False)[0]
    login(nomination.practitioner)
    assert client.get(f"/cohorts/{cohort.id}/survey").status_code == 200
    bad = client.post(
        f"/cohorts/{cohort.id}/survey",
        data={"first": "Literacy", "second": "Literacy", "third": "STEM", "hunch": "My hunch"},
    )
    assert bad.status_code == 422 and b"Choose three different interests" in bad.data and b"My hunch" in bad.data
    ok = client.post(
        f"/cohorts/{cohort.id}/survey",
        data={"first": "Literacy", "second": "Numeracy", "third": "STEM", "hunch": "My hunch"},
    )
    assert ok.status_code == 302
    answers = {"question": 2, "data_plan": 2, "analyse": 3, "observe": 1, "share": 2}
    assert client.post(f"/cohorts/{cohort.id}/confidence/start", data=answers).status_code == 302
    assert client.post(f"/cohorts/{cohort.id}/confidence/end", data={**answers, "observe": 4}).status_code == 302
    text = client.get(f"/cohorts/{cohort.id}/me").get_data(as_text=True)
    assert "My hunch" in text and "+3" in text


def _published(per_la, year="2026-27", start=0):
    cohort = make_cohort(year=year, stage="published")
    noms = fill(cohort, per_la=per_la, start=start)
    team = CohortTeam(cohort_id=cohort.id, number=1)
    db.session.add(team)
    db.session.flush()
    for n in noms[: per_la * 2]:
        n.team_id = team.id
    team_rules.ensure_meetings(team)
    db.session.commit()
    return cohort, team


def _count(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return int(response.headers["X-Query-Count"])


def test_query_counts_do_not_grow_with_the_data(client, login, make_user):
    admin = make_user(Role.ADMIN)
    login(admin)
    small, small_team = _published(1)
    counts_small = [
        _count(client, u)
        for u in (
            f"/cohorts/{small.id}",
            f"/cohorts/{small.id}/survey-status",
            f"/cohort-teams/{small_team.id}",
            "/cohorts",
        )
    ]
    big, big_team = _published(6, year="2027-28", start=50)
    counts_big = [
        _count(client, u)
        for u in (f"/cohorts/{big.id}", f"/cohorts/{big.id}/survey-status", f"/cohort-teams/{big_team.id}", "/cohorts")
    ]
    assert counts_small == counts_big, (counts_small, counts_big)


def test_team_space_for_members_and_the_facilitator(client, login, make_user, htmx_get):
    cohort, team = _published(1)
    fac = make_user(Role.KEY_FACILITATOR)
    team.facilitator_id = fac.id
    db.session.commit()
    member = db.session.scalar(select(Nomination).where(Nomination.team_id == team.id)).leader
    login(member)
    assert client.get(f"/cohort-teams/{team.id}").status_code == 200
    assert client.post(f"/cohort-teams/{team.id}/meetings/1", data={}).status_code == 403
    plan = client.post(
        f"/cohort-teams/{team.id}/plan",
        data={"enquiry_question": "Will number talks help?", "checks": ["learners", "change"]},
    )
    assert plan.status_code == 302
    login(fac)
    bad = client.post(
        f"/cohort-teams/{team.id}/meetings/1",
        data={"m1-held": "y", "m1-notes": "Good start"},
        headers={"HX-Request": "true", "HX-Target": "team-meetings"},
    )
    assert bad.status_code == 422 and b"Give the date" in bad.data and b"Good start" in bad.data
    ok = client.post(
        f"/cohort-teams/{team.id}/meetings/1",
        data={"m1-held": "y", "m1-meets_on": "2026-10-20"},
        headers={"HX-Request": "true", "HX-Target": "team-meetings"},
    )
    body = ok.get_data(as_text=True)
    assert ok.status_code == 200 and "1 of 5 held" in body and "<html" not in body
    full = client.get(f"/cohort-teams/{team.id}").get_data(as_text=True)
    assert "Will number talks help?" in full and "1 of 5 held" in full
    assert (
        htmx_get(f"/cohort-teams/{team.id}", "team-meetings")
        .get_data(as_text=True)
        .lstrip()
        .startswith('<section id="team-meetings"')
    )
    login(make_user(Role.PRACTITIONER))
    assert client.get(f"/cohort-teams/{team.id}").status_code == 403


def test_cohorts_list_shows_a_participant_their_own_cohorts_and_teams(client, login, make_user):
    mine, team = _published(1)
    other, _ = _published(1, year="2027-28", start=50)
    member = db.session.scalar(select(Nomination).where(Nomination.team_id == team.id)).leader
    fac = make_user(Role.KEY_FACILITATOR)
    team.facilitator_id = fac.id
    db.session.commit()
    login(member)
    page = client.get("/cohorts").get_data(as_text=True)
    assert f"{mine.name}: Team 1" in page and f"/cohort-teams/{team.id}" in page
    assert f"/cohorts/{mine.id}/me" in page and other.name not in page and "Your survey and confidence" in page
    login(fac)
    page = client.get("/cohorts").get_data(as_text=True)
    assert f"{mine.name}: Team 1" in page and other.name not in page
    login(make_user(Role.LA_OFFICER))
    page = client.get("/cohorts").get_data(as_text=True)
    assert mine.name in page and other.name in page and "Your teams" not in page
    assert "Your survey and confidence" not in page and f"/cohorts/{other.id}/nominations" in page
