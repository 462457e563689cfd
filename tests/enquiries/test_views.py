"""Enquiry views over HTTP: both renderings, conflicts, validation kept, escaping, attachments, query counts."""

import io
import re
from datetime import date

import pytest

from portal.core.roles import Role
from portal.enquiries import corrections, cycles, evidence, plans, teams, themes
from portal.extensions import db

XSS = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def test_plan_section_saves_as_fragment_and_refuses_a_stale_save(client, login, world):
    login(world.ewan)
    url = f"/enquiries/teams/{world.team.id}/plan/change"
    headers = {"HX-Request": "true", "HX-Target": "section-change"}
    first = client.post(url, data={"text": "Ewan's plan", "version": "0"}, headers=headers)
    assert first.status_code == 200 and 'id="section-change"' in first.text and "<html" not in first.text
    assert "HX-Request" in first.headers["Vary"]
    login(world.ailsa)
    stale = client.post(url, data={"text": "Ailsa's plan", "version": "0"}, headers=headers)
    assert stale.status_code == 422
    assert "Ewan&#39;s plan" in stale.text and "Ailsa&#39;s plan" in stale.text  # theirs and mine
    assert 'name="version" value="1"' in stale.text  # the next save is deliberate
    without_js = client.post(url, data={"text": "Ailsa's plan", "version": "0"})
    assert without_js.status_code == 422 and "<html" in without_js.text and "Ewan&#39;s plan" in without_js.text
    merged = client.post(url, data={"text": "Both plans", "version": "1"})
    assert merged.status_code == 303


def test_autosave_keeps_a_draft_that_the_page_restores(client, login, world):
    login(world.ewan)
    base = f"/enquiries/teams/{world.team.id}/plan"
    response = client.post(
        f"{base}/success/draft",
        data={"text": "Half a thought", "version": "0"},
        headers={"HX-Request": "true", "HX-Target": "draft-success"},
    )
    assert response.status_code == 200 and "Draft kept at" in response.text
    page = client.get(base).text
    assert "Half a thought" in page and "Your unsaved draft" in page
    login(world.ailsa)
    assert "Half a thought" not in client.get(base).text


def test_user_text_is_escaped_everywhere(client, login, world):
    plans.save_section(world.enquiry, "change", XSS, base_version=0, actor=world.ewan)
    teams.update_team(world.team, actor=world.ewan, name=XSS[:60], shared_goal=XSS)
    evidence.add_note(
        world.enquiry, actor=world.ewan, kind="observation", on=date.today(), observer=XSS[:150], text=XSS
    )
    evidence.publish_summary(world.enquiry, actor=world.ewan)
    db.session.commit()
    login(world.ewan)
    t = world.team.id
    for url in [
        f"/enquiries/teams/{t}",
        f"/enquiries/teams/{t}/plan",
        f"/enquiries/teams/{t}/evidence",
        f"/enquiries/teams/{t}/summary",
        f"/enquiries/themes/{world.theme.id}",
        "/enquiries/teams",
    ]:
        body = client.get(url).text
        assert "<script>alert" not in body and "<img src=x" not in body, url
        assert 'onerror="alert' not in body, url


def test_data_point_errors_keep_what_was_typed(client, login, world, htmx_get):
    login(world.ewan)
    url = f"/enquiries/teams/{world.team.id}/measures/{world.measure.id}"
    bad = client.post(
        f"{url}/points",
        data={"on": "2021-03-01", "value": "twelve", "note": "wet day"},
        headers={"HX-Request": "true", "HX-Target": "measure-data"},
    )
    assert bad.status_code == 422 and "Enter a number" in bad.text and 'value="twelve"' in bad.text
    assert 'value="wet day"' in bad.text and "<html" not in bad.text
    future = client.post(f"{url}/points", data={"on": "2099-01-01", "value": "3"})
    assert future.status_code == 422 and "Enter a date between" in future.text
    ok = client.post(f"{url}/points", data={"on": "2021-03-01", "value": "12"})
    assert ok.status_code == 303
    fragment = htmx_get(url, "measure-data")
    assert fragment.text.lstrip().startswith('<div id="measure-data">') and "<svg" in fragment.text
    assert "Too few points to judge" in fragment.text and "01 Mar 2021" in fragment.text


def test_attachment_is_served_only_to_people_who_may_see_the_team(client, login, world, make_user):
    login(world.ewan)
    response = client.post(
        f"/enquiries/teams/{world.team.id}/evidence/new",
        data={
            "kind": "observation",
            "on": "2021-03-02",
            "observer": "Ailsa",
            "text": "Children led the walk",
            "file": (io.BytesIO(b"%PDF-1.4 observation"), "walk.pdf"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    from portal.enquiries.plan_models import EvidenceNote

    note = db.session.scalars(db.select(EvidenceNote)).one()
    url = f"/enquiries/teams/{world.team.id}/evidence/{note.id}/file"
    download = client.get(url)
    assert download.status_code == 200 and download.data.startswith(b"%PDF")
    assert "attachment" in download.headers["Content-Disposition"]
    assert download.headers["Content-Type"] == "application/pdf"
    download.close()
    login(make_user(Role.PRACTITIONER))
    assert client.get(url).status_code == 403


def test_wrong_upload_type_is_refused_beside_the_field(client, login, world):
    login(world.ewan)
    response = client.post(
        f"/enquiries/teams/{world.team.id}/evidence/new",
        data={
            "kind": "observation",
            "on": "2021-03-02",
            "observer": "Ailsa",
            "text": "Kept text",
            "file": (io.BytesIO(b"<html>"), "page.html"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 422 and "must be one of" in response.text and "Kept text" in response.text


def test_theme_page_fragment(client, login, world, htmx_get):
    login(world.ewan)
    response = htmx_get(f"/enquiries/themes/{world.theme.id}", "theme-teams")
    assert response.text.lstrip().startswith('<div id="theme-teams"') and "Looks outwards" in response.text
    assert "HX-Request" in response.headers["Vary"]


def test_challenge_questions_start_once_and_open_in_the_framework_editor(client, login, world):
    login(world.admin)
    first = client.post(f"/enquiries/themes/{world.theme.id}/challenge-questions")
    assert first.status_code == 303 and "/frameworks/" in first.headers["Location"]
    again = client.post(f"/enquiries/themes/{world.theme.id}/challenge-questions")
    assert again.status_code == 303 and again.headers["Location"] == first.headers["Location"]


def test_registration_and_team_flow_over_http(client, login, make_theme, make_user):
    theme = make_theme("Learner Wellbeing")
    leader = make_user(Role.SENIOR_LEADER, Role.PRACTITIONER)
    login(leader)
    assert client.post(f"/enquiries/themes/{theme.id}/register", data={"scope": "establishment"}).status_code == 303
    response = client.post(f"/enquiries/themes/{theme.id}/teams/new", data={"name": "", "shared_goal": "kept"})
    assert response.status_code == 422 and "Give the team a name" in response.text and "kept" in response.text
    response = client.post(f"/enquiries/themes/{theme.id}/teams/new", data={"name": "Wellbeing Crew"})
    assert response.status_code == 302
    officer = make_user(Role.LA_OFFICER, authority_slug="glasgow-city")
    login(officer)
    page = client.get(f"/enquiries/themes/{theme.id}/registrations").text
    assert leader.name in page and "1 registration" in page
    login(make_user(Role.LA_OFFICER, authority_slug="inverclyde"))
    assert "0 registrations" in client.get(f"/enquiries/themes/{theme.id}/registrations").text


@pytest.fixture
def grow(world, app):
    """Add more teams, members, measures, points and notes to the same theme and team."""

    def grow_by(n):
        for i in range(n):
            team = teams.create_team(actor=world.ewan, theme=world.theme, name=f"Extra {i}")
            with app.test_request_context():
                teams.accept_invitation(teams.invite(team, world.ailsa.email, actor=world.ewan), actor=world.ailsa)
            m = plans.save_measure(
                world.enquiry,
                None,
                actor=world.ewan,
                name=f"M{i}",
                kind="quantitative",
                shows="outcome",
                baseline="1",
                target="9",
            )
            for d in range(12):
                evidence.add_data_point(world.enquiry, m, actor=world.ewan, on=date(2021, 1, d + 1), value=str(d))
            evidence.add_note(
                world.enquiry, actor=world.ewan, kind="observation", on=date(2021, 2, 1), observer="E", text="seen"
            )
            # The improvement record grows too: drivers, cycles on the charts, corrections in the history.
            primary = cycles.add_driver(world.enquiry, actor=world.ewan, kind="primary", text=f"Driver {i}")
            cycles.add_driver(world.enquiry, actor=world.ewan, kind="secondary", text="s", parent_id=primary.id)
            for measure in (m, world.measure):
                cycles.save_cycle(
                    world.enquiry,
                    None,
                    actor=world.ewan,
                    title=f"Cycle {i}",
                    measure_id=measure.id,
                    starts_on=date(2021, 1, 3),
                    ends_on=None,
                    prediction="p",
                )
            point = evidence.add_data_point(
                world.enquiry, world.measure, actor=world.ewan, on=date(2021, 1, 5), value="3"
            )
            corrections.edit_data_point(world.enquiry, world.measure, point, actor=world.ewan, on=point.on, value="4")
            key = ["change", "success", "timeline"][i % 3]
            saved = plans.plan_state(world.enquiry, world.ewan)[0].get(key)
            plans.save_section(
                world.enquiry, key, f"t{i}", base_version=saved.version if saved else 0, actor=world.ewan
            )
            themes.register(world.theme, actor=world.ailsa)
        db.session.commit()

    return grow_by


def test_query_counts_do_not_grow_with_the_data(client, login, world, grow):
    login(world.ewan)
    t = world.team.id
    urls = [
        f"/enquiries/teams/{t}",
        f"/enquiries/teams/{t}/plan",
        f"/enquiries/teams/{t}/evidence",
        f"/enquiries/teams/{t}/measures/{world.measure.id}",
        f"/enquiries/teams/{t}/summary",
        f"/enquiries/themes/{world.theme.id}",
        "/enquiries/",
        "/enquiries/teams",
        f"/enquiries/themes/{world.theme.id}/summaries",
        f"/enquiries/teams/{t}/drivers",
        f"/enquiries/teams/{t}/cycles/new",
    ]
    grow(1)
    small = {u: client.get(u).headers["X-Query-Count"] for u in urls}
    grow(6)
    large = {u: client.get(u).headers["X-Query-Count"] for u in urls}
    assert small == large


def test_my_teams_is_paged_with_the_same_queries_at_any_size(client, login, world):
    login(world.ewan)
    small = client.get("/enquiries/teams")
    assert small.status_code == 200 and "1 team" in small.text and "Page 1 of" not in small.text
    for i in range(30):
        teams.create_team(actor=world.ewan, theme=world.theme, name=f"Extra team {i:02d}")
    db.session.commit()
    first = client.get("/enquiries/teams")
    assert "31 teams" in first.text and "Page 1 of 2" in first.text and first.text.count("/enquiries/teams/") >= 25
    assert "Extra team 29" in first.text and "Outdoor Explorers" not in first.text  # newest first
    assert small.headers["X-Query-Count"] == first.headers["X-Query-Count"]
    second = client.get("/enquiries/teams?page=2")
    assert "Page 2 of 2" in second.text and "Outdoor Explorers" in second.text and "Extra team 29" not in second.text


def test_a_member_leaves_after_confirming_and_the_last_one_is_refused(client, login, world, make_user):
    t = world.team.id
    login(world.ailsa)
    assert "Leave this team" in client.get(f"/enquiries/teams/{t}").text
    confirm = client.get(f"/enquiries/teams/{t}/leave")
    assert confirm.status_code == 200 and "no longer see or change" in confirm.text
    left = client.post(f"/enquiries/teams/{t}/leave")
    assert left.status_code == 303 and left.headers["Location"].endswith("/enquiries/teams")
    assert "You have left Outdoor Explorers." in client.get(left.headers["Location"]).text
    assert client.get(f"/enquiries/teams/{t}").status_code == 403
    assert client.post(f"/enquiries/teams/{t}/leave").status_code == 403  # no longer a member
    login(world.ewan)
    assert "cannot leave it" in client.get(f"/enquiries/teams/{t}/leave").text
    refused = client.post(f"/enquiries/teams/{t}/leave", follow_redirects=True)
    assert "the last member cannot leave" in refused.text and "Outdoor Explorers" in refused.text
    login(make_user(Role.PRACTITIONER))
    assert client.get(f"/enquiries/teams/{t}/leave").status_code == 403


def test_a_member_removes_another_and_outsiders_cannot(client, login, world, make_user):
    from portal.enquiries.models import TeamMember

    t = world.team.id
    member = db.session.scalar(db.select(TeamMember).where(TeamMember.user_id == world.ailsa.id))
    url = f"/enquiries/teams/{t}/members/{member.id}/remove"
    login(make_user(Role.PRACTITIONER))
    assert client.post(url).status_code == 403
    login(world.ewan)
    page = client.get(f"/enquiries/teams/{t}").text
    assert url in page and "Remove from the team" in page
    done = client.post(url, data={"confirmed": "yes"})  # past the confirm step (tests/enquiries/test_confirm.py)
    assert done.status_code == 303 and done.headers["Location"].endswith(f"/enquiries/teams/{t}")
    after = client.get(done.headers["Location"]).text
    assert "Ailsa is no longer a member of Outdoor Explorers." in after and "Remove from the team" not in after
    assert client.post(url).status_code == 404  # already gone


def test_network_teams_offer_neither_leaving_nor_removing(client, login, make_user, app):
    from portal.enquiries.models import TeamMember

    a, b = make_user(Role.PRACTITIONER), make_user(Role.SENIOR_LEADER, authority_slug="inverclyde")
    team = teams.create_team(actor=make_user(Role.ADMIN), kind="network", name="Cohort B team 1", members=(a, b))
    db.session.commit()
    member_b = db.session.scalar(db.select(TeamMember).where(TeamMember.team_id == team.id, TeamMember.user_id == b.id))
    login(a)
    page = client.get(f"/enquiries/teams/{team.id}").text
    assert "Leave this team" not in page and "Remove from the team" not in page
    left = client.post(f"/enquiries/teams/{team.id}/leave", follow_redirects=True)
    assert "cohort matched" in left.text
    removed = client.post(
        f"/enquiries/teams/{team.id}/members/{member_b.id}/remove", data={"confirmed": "yes"}, follow_redirects=True
    )
    assert "cohort matched" in removed.text
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count(TeamMember.id)).where(TeamMember.team_id == team.id)) == 2


def test_a_plan_section_saves_without_javascript_with_csrf_on(app, client, login, world):
    """The section form is a real form: posted as a browser without JavaScript posts it, it saves."""
    from tests.support.forms import browser_data

    app.config["WTF_CSRF_ENABLED"] = True
    login(world.ewan)
    url = f"/enquiries/teams/{world.team.id}/plan"
    page = client.get(url).get_data(as_text=True)
    key = re.search(r'action="/enquiries/teams/\d+/plan/([a-z_]+)"', page).group(1)
    data = browser_data(page, f"/plan/{key}", text="Typed with JavaScript off")
    response = client.post(f"{url}/{key}", data=data)
    assert response.status_code == 303
    assert "Typed with JavaScript off" in client.get(url).get_data(as_text=True)
