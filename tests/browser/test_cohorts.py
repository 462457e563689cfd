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
    """The lead officer on a projector (1920x1080): eight teams side by side; a move by keyboard and one by
    drag, each previewed beside the team it changes; re-optimising moves few; then pin and publish."""
    page.set_viewport_size({"width": 1920, "height": 1080})
    cohort_id = _cohort_at_matching(live_server.app)
    sign_in(page, live_server, "lead")
    page.goto(f"{live_server.url}/cohorts/{cohort_id}/matching")
    assert_accessible(page)
    page.get_by_role("button", name="Run the matching").click()
    expect(
        page.get_by_role("heading", name=re.compile("Proposed teams: \\d+% of possible shared interests"))
    ).to_be_visible()
    cards = page.locator(".wp_team")
    expect(cards).to_have_count(8)
    tops = {round(cards.nth(i).bounding_box()["y"]) for i in range(8)}
    assert len(tops) == 1, f"the eight teams are not side by side at 1920 px: rows at {sorted(tops)}"
    assert_accessible(page)

    # By keyboard: choose team 3 in the first member's list, then the preview button, all without a mouse.
    first = cards.nth(0).locator(".wp_member").first
    name = first.locator("strong").inner_text()
    first.get_by_label(f"Move {name} to").focus()
    first.get_by_label(f"Move {name} to").select_option(label="Team 3")
    page.keyboard.press("Tab")
    expect(first.get_by_role("button", name=re.compile("Preview move"))).to_be_focused()
    page.keyboard.press("Enter")
    preview = page.locator("#preview-slot-2 #move-preview")
    expect(preview).to_contain_text(f"Move {name} from team 1 to team 3")
    expect(preview).to_be_focused()
    assert_accessible(page)
    preview.get_by_role("button", name="Move it").focus()
    page.keyboard.press("Enter")
    moved = cards.nth(2).locator(".wp_member", has_text=name)
    expect(moved).to_be_focused()  # focus stays on what changed
    expect(moved).to_contain_text("just moved")
    expect(moved).to_be_in_viewport()  # the page stays at the change, not back at the top
    assert_accessible(page)

    # By drag and drop: the second team's first member onto team 6.
    dragged = cards.nth(1).locator(".wp_member").first
    dragged_name = dragged.locator("strong").inner_text()
    dragged.drag_to(cards.nth(5), target_position={"x": 60, "y": 30})  # onto the card's heading
    preview = page.locator("#preview-slot-5 #move-preview")
    expect(preview).to_contain_text(f"Move {dragged_name} from team 2 to team 6")
    expect(preview).to_be_focused()
    expect(page.locator("#move-preview")).to_have_count(1)
    preview.get_by_role("button", name="Move it").click()
    expect(cards.nth(5).locator(".wp_member", has_text=dragged_name)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Re-optimise everything not pinned").click()
    status = page.locator("#flashes")
    expect(status).to_contain_text(re.compile(r"Re-optimised: \d+ establishments? moved"))
    moved_count = int(re.search(r"Re-optimised: (\d+)", status.inner_text()).group(1))
    assert moved_count <= 6, f"re-optimising after two moves reshuffled {moved_count} establishments"
    assert_accessible(page)
    cards.nth(0).get_by_role("button", name=re.compile("Pin here")).first.click()
    expect(page.locator("#matching-plan")).to_contain_text("pinned")
    page.once("dialog", lambda dialog: dialog.accept())  # publishing confirms first
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
    expect(page.locator("#step-measures > details")).to_have_attribute("open", "")  # the link opens its step
    assert_accessible(page)
    page.get_by_role("link", name="Impact evidence", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("Learners confident"))).to_be_visible()
    assert_accessible(page)
