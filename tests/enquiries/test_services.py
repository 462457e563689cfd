"""Enquiry rules without HTTP: registration, teams and invitations, conflicts, drafts, status, evidence."""

import io
from datetime import date, timedelta

import pytest
from werkzeug.datastructures import FileStorage

from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.enquiries import evidence, plans, teams, themes
from portal.enquiries.access import can_edit_team, can_read_summary, can_view_team, is_member
from portal.enquiries.queries import outlooks
from portal.extensions import db
from tests.support.smtp import Mailbox


def test_a_senior_leader_registers_their_establishment(make_theme, make_user):
    theme = make_theme()
    leader = make_user(Role.SENIOR_LEADER)
    reg = themes.register(theme, actor=leader, for_establishment=True)
    assert reg.establishment_id == leader.establishment_id and reg.authority_id == leader.home_authority_id
    with pytest.raises(ServiceError):
        themes.register(theme, actor=make_user(Role.PRACTITIONER), for_establishment=True)
    with pytest.raises(ServiceError):
        themes.register(theme, actor=make_user(Role.RESEARCHER))


def test_school_year_must_be_consecutive(make_theme):
    with pytest.raises(ServiceError):
        themes.check_school_year("2020-22")
    assert themes.check_school_year("2099-00") == "2099-00"


def test_team_looks_outwards_across_las(world):
    outlook = outlooks([world.team.id])[world.team.id]
    assert (outlook.members, outlook.establishments, outlook.authorities) == (2, 2, 2)
    assert outlook.looks_outwards


def test_invitation_by_email_link_works_once_for_that_address(world, make_user, mailbox, app):
    newcomer = make_user(Role.PRACTITIONER, email="new@test.example.org")
    with app.test_request_context():
        invitation = teams.invite(world.team, "New@Test.example.org", actor=world.ewan)
    db.session.commit()
    link = Mailbox.link(mailbox.last_to("new@test.example.org"), "/enquiries/join/")
    token = link.rsplit("/", 1)[-1]
    assert teams.invitation_from_token(token).id == invitation.id
    assert teams.invitation_from_token(token[:-2] + "xx") is None
    with pytest.raises(ServiceError, match="sent to new@test.example.org"):
        teams.accept_invitation(invitation, actor=make_user(Role.PRACTITIONER))
    teams.accept_invitation(invitation, actor=newcomer)
    db.session.commit()
    assert is_member(newcomer, world.team)
    assert teams.invitation_from_token(token) is None  # used


def test_only_members_invite(world, make_user, app):
    with app.test_request_context(), pytest.raises(ServiceError):
        teams.invite(world.team, "x@test.example.org", actor=make_user(Role.PRACTITIONER))


def test_request_to_join_accepted_by_a_member(world, make_user):
    asker = make_user(Role.PRACTITIONER)
    req = teams.request_to_join(world.team, actor=asker, message="Can I join?")
    assert teams.request_to_join(world.team, actor=asker) is req  # one pending request, not two
    with pytest.raises(ServiceError):
        teams.decide_request(req, actor=make_user(Role.PRACTITIONER), accept=True)
    teams.decide_request(req, actor=world.ailsa, accept=True)
    assert is_member(asker, world.team)
    with pytest.raises(ServiceError, match="already answered"):
        teams.decide_request(req, actor=world.ewan, accept=False)


def test_who_sees_a_team(world, make_user):
    team = world.team
    glasgow_officer = make_user(Role.LA_OFFICER, authority_slug="glasgow-city")
    inverclyde_officer = make_user(Role.LA_OFFICER, authority_slug="inverclyde")
    facilitator = make_user(Role.KEY_FACILITATOR)
    outsider = make_user(Role.PRACTITIONER)
    assert can_view_team(glasgow_officer, team) and not can_edit_team(glasgow_officer, team)
    assert not can_view_team(inverclyde_officer, team)
    assert not can_view_team(facilitator, team)
    teams.assign_facilitator(team, facilitator, actor=world.admin)
    assert can_view_team(facilitator, team) and not can_edit_team(facilitator, team)
    assert not can_view_team(outsider, team)
    researcher = make_user(Role.RESEARCHER)
    assert not can_read_summary(researcher, team, published=False)
    assert can_read_summary(researcher, team, published=True)
    themes.register(world.theme, actor=outsider)
    assert can_read_summary(outsider, team, published=True) and not can_view_team(outsider, team)


def test_a_stale_save_is_refused_and_keeps_both_texts(world):
    e = world.enquiry
    first = plans.save_section(e, "change", "Ewan's version", base_version=0, actor=world.ewan)
    assert first.version == 1
    db.session.commit()
    with pytest.raises(plans.SectionConflict) as caught:
        plans.save_section(e, "change", "Ailsa's version", base_version=0, actor=world.ailsa)
    assert caught.value.theirs.text == "Ewan's version"
    db.session.rollback()
    again = plans.save_section(e, "change", "Ewan's and Ailsa's", base_version=1, actor=world.ailsa)
    assert again.version == 2 and again.text == "Ewan's and Ailsa's"
    # saving the very same text from a stale version is not a conflict
    assert plans.save_section(e, "change", "Ewan's and Ailsa's", base_version=1, actor=world.ewan).version == 3


def test_drafts_are_per_person_and_cleared_on_save(world):
    e = world.enquiry
    plans.save_draft(e, "success", "half typed", base_version=0, actor=world.ewan)
    sections, drafts = plans.plan_state(e, world.ewan)
    assert drafts["success"].text == "half typed" and "success" not in sections
    assert plans.plan_state(e, world.ailsa)[1] == {}
    plans.save_section(e, "success", "finished", base_version=0, actor=world.ewan)
    assert plans.plan_state(e, world.ewan)[1] == {}
    with pytest.raises(ServiceError):
        plans.save_section(e, "no-such-section", "x", base_version=0, actor=world.ewan)


def test_status_moves_one_step_at_a_time(world):
    e = world.enquiry
    with pytest.raises(ServiceError, match="one step"):
        plans.set_status(e, "evaluating", actor=world.ewan)
    plans.set_status(e, "implementing", actor=world.ewan)
    plans.set_status(e, "planning", actor=world.ailsa)
    assert e.status == "planning"


def test_quantitative_measures_need_numbers(world):
    with pytest.raises(ServiceError) as caught:
        plans.save_measure(
            world.enquiry,
            None,
            actor=world.ewan,
            name="Attendance",
            kind="quantitative",
            shows="outcome",
            baseline="about ten",
            target="nan",
        )
    assert {f for f, _ in caught.value.errors} == {"baseline", "target"}
    m = plans.save_measure(
        world.enquiry,
        None,
        actor=world.ewan,
        name="Voice",
        kind="qualitative",
        shows="balancing",
        baseline="quiet",
        target="heard",
    )
    with pytest.raises(ServiceError, match="quantitative"):
        evidence.add_data_point(world.enquiry, m, actor=world.ewan, on=date.today(), value="3")


def test_data_points_check_value_and_date(world):
    with pytest.raises(ServiceError) as caught:
        evidence.add_data_point(
            world.enquiry, world.measure, actor=world.ewan, on=date.today() + timedelta(days=60), value="lots"
        )
    assert {f for f, _ in caught.value.errors} == {"on", "value"}
    point = evidence.add_data_point(world.enquiry, world.measure, actor=world.ewan, on=date(2021, 3, 1), value="42.5")
    assert point.value == 42.5


def test_notes_with_attachments_use_the_shared_upload_checks(world):
    with pytest.raises(ServiceError) as caught:
        evidence.add_note(
            world.enquiry,
            actor=world.ewan,
            kind="observation",
            on=date.today(),
            observer="",
            text="",
            upload=FileStorage(io.BytesIO(b"MZ..."), filename="virus.exe"),
        )
    assert {f for f, _ in caught.value.errors} == {"observer", "text"}
    with pytest.raises(ServiceError, match="must be one of"):
        evidence.add_note(
            world.enquiry,
            actor=world.ewan,
            kind="observation",
            on=date.today(),
            observer="Ewan",
            text="Seen",
            upload=FileStorage(io.BytesIO(b"MZ..."), filename="virus.exe"),
        )
    note = evidence.add_note(
        world.enquiry,
        actor=world.ewan,
        kind="qualitative",
        on=date.today(),
        observer="Ewan",
        text="Pupil voice",
        upload=FileStorage(io.BytesIO(b"%PDF-1.4"), filename="voice.pdf"),
    )
    assert note.file_key.endswith(".pdf") and note.filename == "voice.pdf"


def test_publishing_shares_the_enquiry(world, make_user):
    with pytest.raises(ServiceError):
        evidence.publish_summary(world.enquiry, actor=make_user(Role.PRACTITIONER))
    evidence.publish_summary(world.enquiry, actor=world.ailsa)
    assert world.enquiry.published_at and world.enquiry.status == "shared"


def test_network_teams_use_the_same_enquiry(make_user, app):
    a, b = make_user(Role.PRACTITIONER), make_user(Role.SENIOR_LEADER, authority_slug="inverclyde")
    team = teams.create_team(actor=make_user(Role.ADMIN), kind="network", name="Cohort A team 3", members=(a, b))
    assert team.theme_id is None and is_member(a, team) and is_member(b, team)
    from portal.enquiries.queries import team_page

    enquiry = team_page(team.id)[1]
    assert plans.save_section(enquiry, "change", "Network change", base_version=0, actor=b).version == 1


def test_an_autosave_of_the_saved_text_leaves_no_draft_behind(world):
    """Pressing Save also blurs the box, and that autosave may arrive after the save."""
    from sqlalchemy import select

    from portal.enquiries.plan_models import SectionDraft

    e, key = world.enquiry, "change"
    saved = plans.save_section(e, key, "We bought waterproofs.", base_version=0, actor=world.ewan)
    assert plans.save_draft(e, key, "We bought waterproofs.", base_version=0, actor=world.ewan) is None
    assert db.session.scalars(select(SectionDraft)).all() == []
    assert plans.save_draft(e, key, "Waterproofs and boots.", base_version=saved.version, actor=world.ewan)
    plans.save_draft(e, key, "We bought waterproofs.", base_version=saved.version, actor=world.ewan)
    assert db.session.scalars(select(SectionDraft)).all() == []


def test_a_member_leaves_but_the_last_member_cannot(world):
    teams.leave_team(world.team, actor=world.ailsa)
    assert not is_member(world.ailsa, world.team) and is_member(world.ewan, world.team)
    with pytest.raises(ServiceError, match="last member"):
        teams.leave_team(world.team, actor=world.ewan)
    with pytest.raises(ServiceError, match="not a member"):
        teams.leave_team(world.team, actor=world.ailsa)
    assert is_member(world.ewan, world.team)


def test_a_member_removes_another_member(world, make_user):
    from portal.enquiries.models import TeamMember

    ailsa = db.session.scalar(db.select(TeamMember).where(TeamMember.user_id == world.ailsa.id))
    with pytest.raises(ServiceError, match="Only the team's members"):
        teams.remove_member(world.team, ailsa, actor=make_user(Role.PRACTITIONER))
    assert teams.remove_member(world.team, ailsa, actor=world.ewan) == world.ailsa
    assert not is_member(world.ailsa, world.team)
    ewan = db.session.scalar(db.select(TeamMember).where(TeamMember.user_id == world.ewan.id))
    with pytest.raises(ServiceError, match="last member"):
        teams.remove_member(world.team, ewan, actor=world.admin)


def test_network_team_members_neither_leave_nor_are_removed(make_user, app):
    from portal.enquiries.models import TeamMember

    a, b = make_user(Role.PRACTITIONER), make_user(Role.SENIOR_LEADER, authority_slug="inverclyde")
    team = teams.create_team(actor=make_user(Role.ADMIN), kind="network", name="Cohort A team 4", members=(a, b))
    with pytest.raises(ServiceError, match="cohort matched"):
        teams.leave_team(team, actor=a)
    member_b = db.session.scalar(db.select(TeamMember).where(TeamMember.team_id == team.id, TeamMember.user_id == b.id))
    with pytest.raises(ServiceError, match="cohort matched"):
        teams.remove_member(team, member_b, actor=a)
    assert is_member(a, team) and is_member(b, team)


def test_reading_a_team_leaves_nothing_for_the_session_to_write(world):
    """Every enquiry page loads its team this way: a read that dirtied the enquiry made each page's next query
    flush the session (a unit of work with nothing to write) on every GET."""
    from portal.enquiries.queries import team_page

    db.session.commit()
    team, enquiry = team_page(world.team.id)
    assert enquiry.team is team and enquiry.team_id == team.id
    assert not db.session.dirty and not db.session.new
