"""The practice pages over HTTP: editing keeps what was typed, library filters and fragments, PDF, export, feed,
public pages without personal names, the event page listing presented accounts."""

import io
from datetime import datetime, timedelta

from pypdf import PdfReader

from portal.core.roles import Role
from portal.events import services as events
from portal.extensions import db
from portal.practice import services
from tests.practice.test_services import _publish


def test_draft_edit_keeps_what_was_typed_when_refused(client, login, world):
    login(world.ewan)
    response = client.post(f"/practice/teams/{world.team.id}/draft")
    assert response.status_code == 303
    edit_url = response.headers["Location"]
    page = client.get(edit_url)
    assert page.status_code == 200 and b"woodland" in page.data
    response = client.post(
        edit_url,
        data={
            "title": "Our woodland maths",
            "abstract": "word " * 121,
            "change": "Typed change",
            "visibility": "public",
        },
    )
    assert response.status_code == 422
    assert b"120 words or fewer" in response.data and b"Typed change" in response.data


def test_library_full_page_and_fragment(client, login, htmx_get, world, make_user):
    account = _publish(world)
    login(make_user(Role.PRACTITIONER, authority_slug="inverclyde"))
    page = client.get("/practice/?la=renfrewshire&q=woodland")
    assert page.status_code == 200 and account.title.encode() in page.data and b"<html" in page.data
    fragment = htmx_get("/practice/?la=inverclyde", "practice-results")
    assert fragment.status_code == 200 and b"<html" not in fragment.data
    assert b"No accounts match" in fragment.data and "HX-Request" in fragment.headers["Vary"]


def test_pdf_parses_and_holds_the_title(client, login, world, make_user):
    account = _publish(world)
    login(make_user(Role.PRACTITIONER))
    response = client.get(f"/practice/{account.id}.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.data)).pages).split())
    assert "Outdoor Learning: Outdoor Explorers" in text and "woodland" in text


def test_public_page_export_and_feed_name_nobody(client, world):
    account = _publish(world, visibility="public")
    for url in (
        f"/practice/public/{account.id}",
        f"/practice/{account.id}.html",
        "/practice/feed.atom",
        "/practice/public",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"Outdoor Explorers" in response.data, url
        for name in (world.ewan.name, world.ailsa.name, world.admin.name):
            assert name.encode() not in response.data, (url, name)
    assert client.get("/practice/feed.atom").mimetype == "application/atom+xml"


def test_partnership_accounts_are_not_public(client, world):
    account = _publish(world, visibility="partnership")
    assert client.get(f"/practice/public/{account.id}").status_code == 302  # sent to sign in
    assert b"Outdoor Explorers" not in client.get("/practice/public").data
    assert b"Outdoor Explorers" not in client.get("/practice/feed.atom").data


def test_drafts_are_for_the_team_and_reviewers_only(client, login, world, make_user):
    account = services.draft_from_enquiry(world.team.id, actor=world.ewan)
    db.session.commit()
    for person, status in (
        (make_user(Role.LA_OFFICER, authority_slug="renfrewshire"), 403),
        (make_user(Role.KEY_FACILITATOR), 403),
        (world.ailsa, 200),
        (world.admin, 200),
    ):
        login(person)
        assert client.get(f"/practice/{account.id}").status_code == status
        assert client.get(f"/practice/{account.id}.pdf").status_code == status
    login(make_user(Role.PRACTITIONER))
    assert b"Outdoor Explorers" not in client.get("/practice/").data


def test_event_page_lists_the_accounts_presented(client, login, world):
    account = _publish(world)
    start = datetime.now().replace(microsecond=0) + timedelta(days=30)
    event = events.create_event(
        actor=world.admin,
        title="Outdoor Learning sharing event",
        kind="sharing_event",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        context_type="theme",
        context_id=world.theme.id,
    )
    db.session.commit()
    login(world.ewan)
    response = client.post(f"/practice/{account.id}/present", data={"event_id": event.id})
    assert response.status_code == 303
    page = client.get(f"/events/{event.id}")
    assert b"Accounts of practice presented" in page.data and account.title.encode() in page.data


def test_demo_has_six_published_accounts_across_themes_and_sectors_and_one_in_review(app, demo):
    from sqlalchemy import func, select

    from portal.practice.models import AccountFacet, PracticeAccount

    published = select(PracticeAccount.id).where(PracticeAccount.state == "published")
    assert db.session.scalar(select(func.count()).select_from(published.subquery())) >= 6
    assert (
        db.session.scalar(
            select(func.count(func.distinct(PracticeAccount.theme_title))).where(PracticeAccount.state == "published")
        )
        >= 4
    )
    assert (
        db.session.scalar(
            select(func.count(func.distinct(AccountFacet.value))).where(
                AccountFacet.facet == "sector", AccountFacet.account_id.in_(published)
            )
        )
        == 4
    )
    assert db.session.scalar(select(func.count(PracticeAccount.id)).where(PracticeAccount.state == "in_review")) == 1


def test_a_too_long_note_is_refused_with_a_message(client, login, world, make_user):
    account = _publish(world)
    login(make_user(Role.PRACTITIONER))
    response = client.post(f"/practice/{account.id}/use", data={"note": "x" * 501}, follow_redirects=True)
    assert b"Keep the note under 500 characters" in response.data and b"0 schools have tried" in response.data


def test_an_earlier_version_reads_as_it_did(client, login, world):
    account = _publish(world)
    fields = {k: getattr(account, k) for k in services.TEXT_FIELDS} | {"findings": "Corrected findings."}
    services.save_account(account, actor=world.ewan, fields=fields, facets={}, visibility="public")
    db.session.commit()
    login(world.ailsa)
    current = client.get(f"/practice/{account.id}")
    assert b"Corrected findings." in current.data and b"updated" in current.data and b"Version 1</a>" in current.data
    first = client.get(f"/practice/{account.id}/versions/1")
    assert first.status_code == 200 and b"tripled" in first.data and b"Corrected findings." not in first.data
    assert client.get(f"/practice/{account.id}/versions/9").status_code == 404
