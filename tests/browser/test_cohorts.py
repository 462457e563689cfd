"""The matching event in a real browser: run, preview and make a move, pin, re-optimise, publish (axe-clean)."""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from portal.cohorts.models import InterestResponse, NetworkCohort, Nomination
from portal.extensions import db
from tests.browser.conftest import assert_accessible, sign_in

pytest.importorskip("portal.matching")


def _cohort_at_matching(app) -> int:
    """A second cohort with the demo cohort's establishments and answers, waiting at the matching event."""
    with app.app_context():
        demo = db.session.scalar(select(NetworkCohort).where(NetworkCohort.letter == "A"))
        cohort = NetworkCohort(school_year="2027-28", letter="A", stage="matching", interests_text=demo.interests_text)
        db.session.add(cohort)
        db.session.flush()
        for n in db.session.scalars(select(Nomination).where(Nomination.cohort_id == demo.id)):
            db.session.add(
                Nomination(
                    cohort_id=cohort.id,
                    establishment_id=n.establishment_id,
                    authority_id=n.authority_id,
                    leader_id=n.leader_id,
                    practitioner_id=n.practitioner_id,
                )
            )
        for r in db.session.scalars(select(InterestResponse).where(InterestResponse.cohort_id == demo.id)):
            db.session.add(
                InterestResponse(
                    cohort_id=cohort.id, user_id=r.user_id, first=r.first, second=r.second, third=r.third, hunch=r.hunch
                )
            )
        db.session.commit()
        cohort_id = cohort.id
        db.session.remove()
    return cohort_id


def test_matching_event(page, live_server):
    cohort_id = _cohort_at_matching(live_server.app)
    sign_in(page, live_server, "lead")
    page.goto(f"{live_server.url}/cohorts/{cohort_id}/matching")
    assert_accessible(page)
    page.get_by_role("button", name="Run the matching").click()
    expect(page.get_by_role("heading", name=re.compile("Proposed teams: score"))).to_be_visible()
    expect(page.get_by_role("table")).to_have_count(8)
    assert_accessible(page)
    first_team = page.get_by_role("table").first
    first_team.get_by_role("button", name=re.compile("Preview move")).first.click()
    expect(page.locator("#move-preview")).to_contain_text("Score change")
    expect(page.locator("#move-preview")).to_be_focused()  # a phone scrolls to it
    assert_accessible(page)
    page.get_by_role("button", name="Move it").click()
    expect(page.get_by_role("status").first).to_contain_text("Moved to team 2")
    assert_accessible(page)
    page.get_by_role("table").first.get_by_role("button", name=re.compile("Pin here")).first.click()
    expect(page.locator("#matching-plan")).to_contain_text("Pinned")
    page.get_by_role("button", name="Re-optimise everything not pinned").click()
    expect(page.locator("#matching-plan")).to_contain_text("Re-optimised")
    assert_accessible(page)
    page.get_by_role("button", name="Publish the teams").click()
    expect(page.get_by_role("status").first).to_contain_text("8 teams are published")
    assert_accessible(page)


def test_facilitator_sees_their_team_and_meetings(page, live_server):
    sign_in(page, live_server, "facilitator")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Network cohorts").click()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("2026-27 A: Team")).click()
    expect(page.get_by_role("heading", name=re.compile("Support meetings: 2 of 5 held"))).to_be_visible()
    assert_accessible(page)
    # The team's data collection plan and evidence are the enquiries' pages (the demo team has a measure).
    page.get_by_role("link", name="Data collection plan", exact=True).click()
    expect(page.get_by_text("Learners confident in mental arithmetic (%)").first).to_be_visible()
    expect(page.get_by_role("heading", name="Our enquiry question")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Impact evidence", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("Learners confident"))).to_be_visible()
    assert_accessible(page)
