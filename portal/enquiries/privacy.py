"""Registrations, team memberships and the evidence a person wrote, for "download my data" and erasure."""

from datetime import timedelta

from sqlalchemy import delete, func, select, update

from portal.core import personal_data
from portal.enquiries.cycle_models import Correction, Cycle
from portal.enquiries.models import JoinRequest, Registration, Team, TeamMember
from portal.enquiries.plan_models import DataPoint, EvidenceNote, Measure, PlanSection, SectionDraft
from portal.extensions import db


def _rows(model, *where):
    return personal_data.as_rows(db.session.scalars(select(model).where(*where)))


def export(user) -> dict:
    return {
        "theme_registrations": _rows(Registration, Registration.user_id == user.id),
        "team_memberships": _rows(TeamMember, TeamMember.user_id == user.id),
        "join_requests": _rows(JoinRequest, JoinRequest.user_id == user.id),
        "evidence_notes_written": _rows(EvidenceNote, EvidenceNote.created_by_id == user.id),
        "data_points_recorded": _rows(DataPoint, DataPoint.recorded_by_id == user.id),
        "plan_sections_last_saved": _rows(PlanSection, PlanSection.updated_by_id == user.id),
        "unsaved_drafts": _rows(SectionDraft, SectionDraft.user_id == user.id),
        "cycles_planned": _rows(Cycle, Cycle.created_by_id == user.id),
        "corrections_made": _rows(Correction, Correction.by_id == user.id),
    }


def erase(user) -> None:
    """The team's evidence and plan stay (they are the team's), credited to "a former member"; the person's
    unsaved drafts and the name they were given as an observer go."""
    db.session.execute(
        update(EvidenceNote).where(EvidenceNote.observer == user.name).values(observer=personal_data.FORMER_MEMBER)
    )
    db.session.execute(SectionDraft.__table__.delete().where(SectionDraft.user_id == user.id))
    # Old values kept by corrections may name them as an observer too.
    db.session.execute(
        update(Correction)
        .where(Correction.old.contains(f"observer: {user.name}", autoescape=True))
        .values(old=func.replace(Correction.old, f"observer: {user.name}", f"observer: {personal_data.FORMER_MEMBER}"))
    )
    db.session.flush()


def purge_drafts(cutoff) -> int:
    return db.session.execute(delete(SectionDraft).where(SectionDraft.saved_at < cutoff)).rowcount


def register(app) -> None:
    personal_data.register(app, "enquiries", export=export, erase=erase)
    personal_data.register_free_text(
        app,
        PlanSection.text,
        EvidenceNote.text,
        EvidenceNote.focus,
        EvidenceNote.responses,
        EvidenceNote.next_steps,
        DataPoint.note,
        Cycle.prediction,
        Cycle.done,
        Cycle.showed,
        Correction.old,
        Measure.how_collected,
        Team.shared_goal,
        JoinRequest.message,
    )
    personal_data.register_retention(app, "unsaved drafts of enquiry plans", timedelta(days=180), purge_drafts)
