"""Network cohorts (not leadership cohorts): nominations, survey answers, matching records, teams."""

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.enquiries import models as _enquiries  # noqa: F401  (cohort_team.team_id refers to enquiry_team)
from portal.extensions import db
from portal.organisations.models import Establishment, LocalAuthority

STAGES = ("nominating", "survey", "matching", "published")
STAGE_LABELS = {
    "nominating": "Taking nominations",
    "survey": "Interests survey open",
    "matching": "Matching teams",
    "published": "Teams published",
}
# The cohort's dates, in the order they happen: (attribute, label). Sessions among them are events
# (portal/cohorts/sessions.py); the survey window drives the interests survey.
EVENT_DATES = (
    ("launch_on", "Launch"),
    ("survey_opens_on", "Interests survey opens"),
    ("survey_closes_on", "Interests survey closes"),
    ("matching_on", "Matching event"),
    ("enquiry_question_on", "From a hunch to an enquiry question"),
    ("measuring_impact_on", "Measuring impact"),
    ("direct_observation_on", "Direct observation strategies"),
    ("sharing_on", "Sharing event"),
)


class NetworkCohort(db.Model):
    """One Collaborative Learning Network cohort (A or B of a school year), matched into teams."""

    __tablename__ = "network_cohort"
    __table_args__ = (UniqueConstraint("school_year", "letter", name="uq_network_cohort_school_year_letter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    school_year: Mapped[str] = mapped_column(String(7), index=True)  # "2026-27"
    letter: Mapped[str] = mapped_column(String(1))  # "A" or "B"
    interests_text: Mapped[str] = mapped_column(Text, default="")  # one interest per line
    team_count: Mapped[int] = mapped_column(Integer, default=8)
    stage: Mapped[str] = mapped_column(String(20), default="nominating")
    launch_on: Mapped[date | None] = mapped_column(Date)
    survey_opens_on: Mapped[date | None] = mapped_column(Date)
    survey_closes_on: Mapped[date | None] = mapped_column(Date)
    matching_on: Mapped[date | None] = mapped_column(Date)
    enquiry_question_on: Mapped[date | None] = mapped_column(Date)
    measuring_impact_on: Mapped[date | None] = mapped_column(Date)
    direct_observation_on: Mapped[date | None] = mapped_column(Date)
    sharing_on: Mapped[date | None] = mapped_column(Date)
    published_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    @property
    def name(self) -> str:
        return f"{self.school_year} {self.letter}"

    @property
    def interests(self) -> list[str]:
        return [line.strip() for line in self.interests_text.splitlines() if line.strip()]

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS[self.stage]

    def __str__(self) -> str:
        return self.name


class RuleWaiver(db.Model):
    """The admin proceeded although a soft design rule failed: who, when and why."""

    __tablename__ = "cohort_rule_waiver"

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("network_cohort.id", ondelete="CASCADE"), index=True)
    rule: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text)
    by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    by: Mapped[User] = relationship(lazy="joined")


class CohortTeam(db.Model):
    """A collaborative learning team formed by matching (not a themed enquiry team)."""

    __tablename__ = "cohort_team"
    __table_args__ = (UniqueConstraint("cohort_id", "number", name="uq_cohort_team_cohort_id_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("network_cohort.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1-based, as people say it
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    summary: Mapped[str] = mapped_column(Text, default="")  # dominant interests at publication
    enquiry_question: Mapped[str] = mapped_column(Text, default="")
    question_checks: Mapped[list] = mapped_column(JSON, default=list)  # keys of the checklist ticked
    observation_plan: Mapped[str] = mapped_column(Text, default="")
    # The enquiries Team (kind "network") that holds the plan, data collection plan and evidence.
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("enquiry_team.id", ondelete="SET NULL"), unique=True, index=True
    )

    cohort: Mapped[NetworkCohort] = relationship(lazy="joined")
    facilitator: Mapped[User | None] = relationship(lazy="joined")
    nominations: Mapped[list["Nomination"]] = relationship(back_populates="team", lazy="raise_on_sql")
    meetings: Mapped[list["SupportMeeting"]] = relationship(
        back_populates="team",
        lazy="raise_on_sql",
        order_by="SupportMeeting.kind",
        cascade="all, delete-orphan",
    )

    @property
    def name(self) -> str:
        return f"Team {self.number}"


class Nomination(db.Model):
    """An establishment nominated by its LA, with its promoted member of staff and its practitioner."""

    __tablename__ = "cohort_nomination"
    __table_args__ = (
        UniqueConstraint("cohort_id", "establishment_id", name="uq_cohort_nomination_cohort_id_establishment_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("network_cohort.id", ondelete="CASCADE"), index=True)
    establishment_id: Mapped[int] = mapped_column(ForeignKey("establishment.id"), index=True)
    # Copied from the establishment so an LA's nominations are one indexed filter.
    authority_id: Mapped[int] = mapped_column(ForeignKey("local_authority.id"), index=True)
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    practitioner_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    nominated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("cohort_team.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    establishment: Mapped[Establishment] = relationship(lazy="joined")
    authority: Mapped[LocalAuthority] = relationship(lazy="joined", viewonly=True)
    leader: Mapped[User | None] = relationship(foreign_keys=[leader_id], lazy="joined")
    practitioner: Mapped[User | None] = relationship(foreign_keys=[practitioner_id], lazy="joined")
    team: Mapped[CohortTeam | None] = relationship(back_populates="nominations", lazy="raise_on_sql")
    cohort: Mapped[NetworkCohort] = relationship(lazy="joined")

    @property
    def people(self) -> list[User]:
        return [p for p in (self.leader, self.practitioner) if p is not None]


class CohortFacilitator(db.Model):
    """A key facilitator an LA named for a cohort; assigned to one team when teams are published."""

    __tablename__ = "cohort_facilitator"
    __table_args__ = (UniqueConstraint("cohort_id", "user_id", name="uq_cohort_facilitator_cohort_id_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("network_cohort.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    authority_id: Mapped[int] = mapped_column(ForeignKey("local_authority.id"), index=True)
    interests_text: Mapped[str] = mapped_column(Text, default="")  # for the best-fit assignment
    nominated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    user: Mapped[User] = relationship(foreign_keys=[user_id], lazy="joined")


class InterestResponse(db.Model):
    """A participant's three ranked interests and their hunch."""

    __tablename__ = "cohort_interest_response"
    __table_args__ = (UniqueConstraint("cohort_id", "user_id", name="uq_cohort_interest_response_cohort_id_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("network_cohort.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    first: Mapped[str] = mapped_column(String(80))
    second: Mapped[str] = mapped_column(String(80))
    third: Mapped[str] = mapped_column(String(80))
    hunch: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SurveyReminder(db.Model):
    """A reminder e-mail round sent to everyone who had not answered the interests survey."""

    __tablename__ = "cohort_survey_reminder"

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("network_cohort.id", ondelete="CASCADE"), index=True)
    by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    recipients: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ConfidenceResponse(db.Model):
    """Confidence in enquiry skills at the start or end of a cohort (same items; paired per person)."""

    __tablename__ = "cohort_confidence_response"
    __table_args__ = (
        UniqueConstraint("cohort_id", "user_id", "phase", name="uq_cohort_confidence_response_cohort_id_user_id_phase"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("network_cohort.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    phase: Mapped[str] = mapped_column(String(5))  # "start" | "end"
    answers: Mapped[dict] = mapped_column(JSON)  # item key -> 1..5
    answered_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class FutureFacilitatorFlag(db.Model):
    """The admin marks a participant as a potential future key facilitator."""

    __tablename__ = "cohort_future_facilitator"
    __table_args__ = (UniqueConstraint("cohort_id", "user_id", name="uq_cohort_future_facilitator_cohort_id_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("network_cohort.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class MatchingConstraint(db.Model):
    """A lock the matching event added: a pin (establishment in team) or a keep-apart pair."""

    __tablename__ = "cohort_matching_constraint"

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("network_cohort.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # "pin" | "apart"
    establishment_id: Mapped[int] = mapped_column(ForeignKey("establishment.id"))
    other_establishment_id: Mapped[int | None] = mapped_column(ForeignKey("establishment.id"))
    team_index: Mapped[int | None] = mapped_column(Integer)  # 0-based, as the engine counts
    by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class MatchingRecord(db.Model):
    """Every run, move, lock and publication of the matching: who, when, the inputs and the result."""

    __tablename__ = "cohort_matching_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("network_cohort.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(20))  # run, move, pin, unpin, apart, reoptimise, publish
    by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    inputs: Mapped[dict] = mapped_column(JSON, default=dict)
    # The plan after this action; SQL NULL (not JSON null) for pure locks, so "latest plan" is one query.
    result: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))

    by: Mapped[User] = relationship(lazy="joined")


MEETINGS = (
    (1, "Finalise the enquiry question"),
    (2, "Finalise the data collection plan"),
    (3, "Plan the change to practice"),
    (4, "Plan direct observation"),
    (5, "Prepare for the sharing event"),
)


class SupportMeeting(db.Model):
    """One of a team's five support meetings with its facilitator."""

    __tablename__ = "cohort_support_meeting"
    __table_args__ = (UniqueConstraint("team_id", "kind", name="uq_cohort_support_meeting_team_id_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("cohort_team.id", ondelete="CASCADE"), index=True)
    kind: Mapped[int] = mapped_column(Integer)
    meets_on: Mapped[date | None] = mapped_column(Date)
    held: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    actions: Mapped[str] = mapped_column(Text, default="")

    team: Mapped[CohortTeam] = relationship(back_populates="meetings")

    @property
    def title(self) -> str:
        return dict(MEETINGS)[self.kind]
