"""Rules for network team spaces: enquiry question and checklist, observation plan, support meetings."""

from sqlalchemy import select

from portal.cohorts.access import can_edit_meetings, can_view_team
from portal.cohorts.models import MEETINGS, CohortTeam, SupportMeeting
from portal.cohorts.rules import QUESTION_CHECKLIST
from portal.core.forms import ServiceError
from portal.extensions import db


def member_ids(team: CohortTeam) -> set[int]:
    return {p.id for n in team.nominations for p in n.people}


def save_plan(team: CohortTeam, *, actor, question: str, checks: list[str], observation_plan: str) -> None:
    """Members and the facilitator shape the team's enquiry question and direct observation plan."""
    if not can_view_team(actor, team, member_ids(team)):
        raise ServiceError((None, "Only the team's members and facilitator change its plan."))
    if len(question) > 1000 or len(observation_plan) > 4000:
        raise ServiceError(("enquiry_question", "Keep the question under 1,000 characters and the plan under 4,000."))
    known = {key for key, _ in QUESTION_CHECKLIST}
    team.enquiry_question = question.strip()
    team.question_checks = [c for c in checks if c in known]
    team.observation_plan = observation_plan.strip()
    db.session.flush()


def ensure_meetings(team: CohortTeam) -> None:
    """Every team has its five support meetings from the start (dates and notes filled in later)."""
    have = (
        {m.kind for m in team.meetings}
        if "meetings" in team.__dict__
        else set(db.session.scalars(select(SupportMeeting.kind).where(SupportMeeting.team_id == team.id)))
    )
    for kind, _ in MEETINGS:
        if kind not in have:
            db.session.add(SupportMeeting(team_id=team.id, kind=kind))
    db.session.flush()


def save_meeting(meeting: SupportMeeting, *, actor, meets_on, held: bool, notes: str, actions: str) -> None:
    """The facilitator records a support meeting's date, whether it happened, its notes and actions."""
    if not can_edit_meetings(actor, meeting.team):
        raise ServiceError((None, "Only the team's facilitator records its support meetings."))
    if held and meets_on is None:
        raise ServiceError(("meets_on", "Give the date the meeting was held."))
    meeting.meets_on, meeting.held = meets_on, held
    meeting.notes, meeting.actions = notes.strip(), actions.strip()
    db.session.flush()
