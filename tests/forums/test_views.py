"""Forum pages in both renderings, plain forms without JavaScript, refusals with messages, query counts."""

import io
from datetime import timedelta

from portal.core.roles import Role
from portal.extensions import db
from portal.forums import agenda, services
from portal.forums.meetings import local_now
from portal.forums.models import AgendaItem, Meeting, Need, Resource
from tests.support.smtp import Mailbox


def _murl(world, meeting, tail=""):
    return f"/forums/{world.forum.id}/meetings/{meeting.id}{tail}"


def test_outsiders_see_the_public_description_and_a_join_button(client, login, world, make_meeting):
    make_meeting(world.forum, world.coordinator, title="Secret planning")
    login(world.outsider)
    page = client.get(f"/forums/{world.forum.id}").get_data(as_text=True)
    assert "The public description of Early Years Forum" in page and "Join Early Years Forum" in page
    assert "Secret planning" not in page
    client.post(f"/forums/{world.forum.id}/join")
    page = client.get(f"/forums/{world.forum.id}").get_data(as_text=True)
    assert "Secret planning" in page and "Leave Early Years Forum" in page


def test_the_forum_list_shows_membership_and_coordinators(client, login, world):
    login(world.member)
    page = client.get("/forums").get_data(as_text=True)
    assert "You are a member" in page and "Cora Coordinator" in page


def test_the_last_coordinator_is_told_why_they_cannot_leave(client, login, world):
    login(world.coordinator)
    response = client.post(f"/forums/{world.forum.id}/leave", follow_redirects=True)
    assert "only coordinator of Early Years Forum" in response.get_data(as_text=True)
    assert services.coordinator_count(world.forum) == 1


def test_hand_over_from_the_members_page(client, login, world):
    login(world.coordinator)
    page = client.get(f"/forums/{world.forum.id}/members").get_data(as_text=True)
    assert "Hand over to Mo Member" in page
    client.post(
        f"/forums/{world.forum.id}/members/{world.member.id}/coordinator",
        data={"coordinator": "1", "hand_over": "1"},
    )
    login(world.member)
    assert client.get(f"/forums/{world.forum.id}/members").status_code == 200


def test_create_meeting_page_previews_the_draft_agenda(client, login, world, make_meeting):
    past = make_meeting(world.forum, world.coordinator, days=-10)
    agenda.add_action(past, world.forum, actor=world.coordinator, what="Bring photos of block play")
    db.session.commit()
    login(world.coordinator)
    page = client.get(f"/forums/{world.forum.id}/meetings/new").get_data(as_text=True)
    assert "Carried forward: Bring photos of block play" in page and "Welcome and apologies" in page
    day = (local_now() + timedelta(days=30)).date().isoformat()
    response = client.post(
        f"/forums/{world.forum.id}/meetings/new",
        data={
            "title": "Spring",
            "day": day,
            "start": "16:00",
            "end": "17:30",
            "place": "Hall",
            "formal": "y",
        },
    )
    assert response.status_code == 302 and response.headers["Location"].endswith("#agenda")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Carried forward: Bring photos of block play" in page


def test_a_rejected_meeting_keeps_what_was_typed(client, login, world):
    login(world.coordinator)
    response = client.post(
        f"/forums/{world.forum.id}/meetings/new",
        data={"title": "Spring", "day": "", "start": "16:00", "end": "15:00", "place": "Riverside hall"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "There is a problem" in page
    assert "Enter the date of the meeting." in page and 'value="Riverside hall"' in page


def test_meeting_page_in_both_renderings(client, login, htmx_get, world, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator)
    login(world.coordinator)
    full = client.get(_murl(world, meeting))
    assert full.status_code == 200 and "<html" in full.get_data(as_text=True)
    assert "HX-Request" in full.headers["Vary"]
    part = htmx_get(_murl(world, meeting), "agenda")
    body = part.get_data(as_text=True)
    assert body.lstrip().startswith('<section id="agenda"') and "<html" not in body
    assert "HX-Request" in part.headers["Vary"]


def test_members_do_not_see_a_draft_agenda_or_its_tools(client, login, world, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator)
    login(world.member)
    page = client.get(_murl(world, meeting)).get_data(as_text=True)
    assert "have not published the agenda yet" in page and "Move down" not in page


def test_add_item_with_htmx_and_without(client, login, world, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator)
    login(world.coordinator)
    data = {"title": "Block play", "lead": "Mo", "allotted_minutes": "25", "notes": ""}
    part = client.post(
        _murl(world, meeting, "/items"), data=data, headers={"HX-Request": "true", "HX-Target": "agenda"}
    )
    assert part.status_code == 200 and "Added: Block play." in part.get_data(as_text=True)
    assert "25 of 90 minutes planned" in part.get_data(as_text=True)
    plain = client.post(_murl(world, meeting, "/items"), data={**data, "title": "Second"})
    assert plain.status_code == 302 and "#item-" in plain.headers["Location"]


def test_bad_item_is_refused_with_everything_kept(client, login, world, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator)
    login(world.coordinator)
    response = client.post(
        _murl(world, meeting, "/items"),
        data={"title": " ", "lead": "Guest speaker", "allotted_minutes": "-5"},
        headers={"HX-Request": "true", "HX-Target": "agenda"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Enter a title for the agenda item." in page
    assert "Minutes allotted cannot be negative" in page and 'value="Guest speaker"' in page


def test_edit_item_in_place(client, login, htmx_get, world, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator)
    item = meeting.items[0]
    login(world.coordinator)
    part = htmx_get(_murl(world, meeting, f"/items/{item.id}/edit"), "agenda")
    assert 'name="edit-title"' in part.get_data(as_text=True)
    saved = client.post(
        _murl(world, meeting, f"/items/{item.id}/edit"),
        data={"edit-title": "Hello and apologies", "edit-allotted_minutes": "5"},
    )
    assert saved.status_code == 302
    db.session.expire_all()
    assert db.session.get(AgendaItem, item.id).title == "Hello and apologies"


def test_move_without_javascript_with_htmx_and_from_a_stale_page(client, login, world, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator)
    first, second = meeting.items[0].id, meeting.items[1].id
    login(world.coordinator)
    plain = client.post(
        _murl(world, meeting, f"/items/{second}/move"),
        data={"version": str(meeting.agenda_version), "direction": "up"},
    )
    assert plain.status_code == 302
    part = client.post(
        _murl(world, meeting, f"/items/{second}/move"),
        data={"version": str(meeting.agenda_version + 1), "direction": "down"},
        headers={"HX-Request": "true", "HX-Target": "agenda"},
    )
    assert part.status_code == 200 and "Moved down" in part.get_data(as_text=True)
    stale = client.post(
        _murl(world, meeting, f"/items/{first}/move"),
        data={"version": str(meeting.agenda_version), "direction": "down"},
        headers={"HX-Request": "true", "HX-Target": "agenda"},
    )
    assert stale.status_code == 422 and "changed since you opened this page" in stale.get_data(as_text=True)


def test_publish_by_http_and_past_meetings_refused(client, login, world, make_meeting, mailbox):
    upcoming = make_meeting(world.forum, world.coordinator)
    past = make_meeting(world.forum, world.coordinator, days=-2)
    login(world.coordinator)
    asked = client.post(_murl(world, upcoming, "/publish"))
    assert 'name="confirmed" value="yes"' in asked.get_data(as_text=True)  # destructive: confirm first
    response = client.post(_murl(world, upcoming, "/publish"), data={"confirmed": "yes"}, follow_redirects=True)
    assert "e-mailed to 2 members" in response.get_data(as_text=True)
    assert Mailbox.link(mailbox.last_to("mo@test.example.org"), _murl(world, upcoming))
    refused = client.post(_murl(world, past, "/publish"))
    assert refused.status_code == 422 and "in the past" in refused.get_data(as_text=True)


def test_changed_since_published_is_shown_to_members(client, login, world, make_meeting, app):
    meeting = make_meeting(world.forum, world.coordinator)
    with app.test_request_context():
        agenda.publish(meeting, world.forum, actor=world.coordinator)
    agenda.update_item(meeting.items[0], meeting, world.forum, actor=world.coordinator, title="New welcome")
    db.session.commit()
    login(world.member)
    page = client.get(_murl(world, meeting)).get_data(as_text=True)
    assert "Changed since published" in page and "title was &#39;Welcome and apologies&#39;" in page


def test_minutes_and_actions(client, login, world, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator, days=-1)
    login(world.coordinator)
    item = meeting.items[0]
    client.post(_murl(world, meeting, "/minutes"), data={f"minute-{item.id}": "Eight settings came."})
    bad = client.post(_murl(world, meeting, "/actions"), data={"what": "", "who": "Mo"})
    assert bad.status_code == 422 and 'value="Mo"' in bad.get_data(as_text=True)
    client.post(_murl(world, meeting, "/actions"), data={"what": "Visit Hillview", "who": "Mo"})
    login(world.member)
    page = client.get(_murl(world, meeting)).get_data(as_text=True)
    assert "Eight settings came." in page and "Visit Hillview" in page


def test_resource_library_files_links_search_and_bad_files(client, login, world):
    login(world.coordinator)
    base = f"/forums/{world.forum.id}/resources"
    client.post(f"{base}/new", data={"title": "Play guidance", "url": "https://example.org/play", "tags": "Play"})
    client.post(
        f"{base}/new",
        data={
            "title": "Transition notes",
            "tags": "transitions",
            "file": (io.BytesIO(b"notes"), "notes.txt"),
        },
        content_type="multipart/form-data",
    )
    bad = client.post(
        f"{base}/new",
        data={"title": "Program", "file": (io.BytesIO(b"MZ"), "run.exe")},
        content_type="multipart/form-data",
    )
    assert bad.status_code == 422 and "The file must be one of" in bad.get_data(as_text=True)
    login(world.member)
    assert "2 resources found" in client.get(base).get_data(as_text=True)
    assert "1 resource found" in client.get(f"{base}?tag=play").get_data(as_text=True)
    found = client.get(f"{base}?q=transition", headers={"HX-Request": "true", "HX-Target": "resource-results"})
    assert found.get_data(as_text=True).lstrip().startswith('<div id="resource-results"')
    resource = db.session.query(Resource).filter_by(title="Transition notes").one()
    download = client.get(f"{base}/{resource.id}/file")
    assert download.data == b"notes" and "attachment" in download.headers["Content-Disposition"]
    download.close()


def test_needs_from_forum_to_partnership_offer(client, login, world):
    login(world.coordinator)
    client.post(f"/forums/{world.forum.id}/needs/new", data={"title": "Observing play", "raised_by": "Members"})
    need = db.session.query(Need).one()
    login(world.admin)
    assert "Observing play" in client.get("/forums/needs").get_data(as_text=True)
    refused = client.post(f"/forums/needs/{need.id}", data={"status": "offered", "offer": ""})
    assert refused.status_code == 422 and "Describe the professional learning" in refused.get_data(as_text=True)
    client.post(
        f"/forums/needs/{need.id}",
        data={
            "status": "offered",
            "offer": "Twilight on observation",
            "offer_url": "https://example.org/event",
        },
    )
    login(world.member)
    page = client.get(f"/forums/{world.forum.id}").get_data(as_text=True)
    assert "Offered" in page and "Twilight on observation" in page


def test_a_need_offer_links_to_an_event(client, login, world):
    from portal.events.models import Event

    event = Event(
        title="Observation twilight",
        kind="workshop",
        starts_at=local_now() + timedelta(days=9),
        ends_at=local_now() + timedelta(days=9, hours=2),
    )
    need = Need(forum_id=world.forum.id, title="Observing play")
    db.session.add_all([event, need])
    db.session.commit()
    login(world.admin)
    form = client.get(f"/forums/needs/{need.id}").get_data(as_text=True)
    assert "Observation twilight" in form
    client.post(
        f"/forums/needs/{need.id}", data={"status": "offered", "offer": "A twilight", "offer_event": str(event.id)}
    )
    login(world.member)
    page = client.get(f"/forums/{world.forum.id}").get_data(as_text=True)
    assert f'href="/events/{event.id}"' in page and "Book: Observation twilight" in page


def test_post_without_csrf_token_is_refused(app, client, login, world):
    app.config["WTF_CSRF_ENABLED"] = True
    login(world.outsider)
    assert client.post(f"/forums/{world.forum.id}/join").status_code == 400


def _grow(world, make_user, make_meeting, n):
    """Add n meetings with items, resources, actions, changes, members and coordinators."""
    for k in range(n):
        extra = make_user(Role.PRACTITIONER)
        services.join(world.forum, actor=extra)
        services.set_coordinator(world.forum, extra.id, k % 2 == 0, actor=world.coordinator)
        db.session.add(Resource(forum_id=world.forum.id, title=f"R{k}", url="https://example.org", tags=",a,"))
        db.session.add(Need(forum_id=world.forum.id, title=f"N{k}"))
    db.session.commit()
    resources = db.session.query(Resource).all()
    for k in range(n):
        past = make_meeting(world.forum, world.coordinator, days=-(k + 1) * 3, formal=False)
        agenda.add_action(past, world.forum, actor=world.coordinator, what=f"Action {k}")
        make_meeting(world.forum, world.coordinator, days=(k + 1) * 3, formal=False)
    db.session.commit()
    return resources


def _counts(client, world, meeting):
    urls = [
        f"/forums/{world.forum.id}",
        _murl(world, meeting),
        f"/forums/{world.forum.id}/meetings",
        f"/forums/{world.forum.id}/resources",
        f"/forums/{world.forum.id}/members",
        "/forums",
    ]
    counts = [client.get(u).headers["X-Query-Count"] for u in urls]
    part = client.get(_murl(world, meeting), headers={"HX-Request": "true", "HX-Target": "agenda"})
    return [*counts, part.headers["X-Query-Count"]]


def test_query_counts_do_not_grow_with_the_data(app, client, login, world, make_user, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator)
    login(world.coordinator)

    def enrich():
        resources = db.session.query(Resource).all()
        m = db.session.get(Meeting, meeting.id)
        for r in resources:
            agenda.add_item(m, world.forum, actor=world.coordinator, title=f"Item {r.title}", resource_ids=[r.id])
        with app.test_request_context():
            agenda.publish(m, world.forum, actor=world.coordinator)
        agenda.update_item(m.items[0], m, world.forum, actor=world.coordinator, title="Changed")
        db.session.commit()

    _grow(world, make_user, make_meeting, 1)
    enrich()
    small = _counts(client, world, meeting)
    _grow(world, make_user, make_meeting, 6)
    enrich()
    large = _counts(client, world, meeting)
    print("query counts (forum, meeting, meetings, resources, members, list, agenda fragment):", small, large)
    assert small == large, (small, large)
