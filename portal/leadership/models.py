"""Self-evaluations and their answers, development plans, programme years and leadership cohorts."""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.extensions import db
from portal.frameworks.models import Framework, FrameworkVersion

DRAFT, SUBMITTED = "draft", "submitted"
SHARED, AGREED = "shared", "agreed"
# A plan's life after agreement: progress begins, a midpoint review, completion; REOPENED is an agreed plan
# opened for a change (it goes back to the reviewer, who agrees it again).
IN_PROGRESS, MIDPOINT, COMPLETED, REOPENED = "in_progress", "midpoint", "completed", "reopened"
PLAN_STATUS_LABELS = {
    DRAFT: "Draft",
    SHARED: "Shared",
    AGREED: "Agreed",
    IN_PROGRESS: "In progress",
    MIDPOINT: "Reviewed at midpoint",
    COMPLETED: "Completed",
    REOPENED: "Reopened for a change",
}
# Goal progress statuses, in the order offered.
GOAL_STATUSES = {
    "not_started": "Not started",
    "on_track": "On track",
    "at_risk": "Needs attention",
    "achieved": "Achieved",
}
MIDPOINT_REVIEW, END_REVIEW = "midpoint", "end"
EDITABLE = (DRAFT, SHARED, REOPENED)  # an agreed plan changes only once reopened
UNDER_WAY = (AGREED, IN_PROGRESS, MIDPOINT)  # agreed and not completed: progress, reviews, reopening
NOMINATED, CONFIRMED = "nominated", "confirmed"
MAX_COHORT = 30


class SelfEvaluation(db.Model):
    __tablename__ = "self_evaluation"
    # A leader's evaluations of one framework by date: the repeat of an evaluation (the development plan, the
    # result page) is one seek, not a walk of every submitted evaluation in the region (SQLite picked `status`).
    __table_args__ = (Index("ix_self_evaluation_owner_framework", "owner_id", "framework_id", "submitted_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    framework_id: Mapped[int] = mapped_column(ForeignKey("framework.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("framework_version.id"), index=True)
    label: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(12), default=DRAFT, index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)

    owner: Mapped[User] = relationship(lazy="raise_on_sql")
    framework: Mapped[Framework] = relationship(lazy="joined")
    version: Mapped[FrameworkVersion] = relationship(lazy="raise_on_sql")
    answers: Mapped[list["EvaluationAnswer"]] = relationship(
        back_populates="evaluation", cascade="all, delete-orphan", lazy="raise_on_sql"
    )

    @property
    def submitted(self) -> bool:
        return self.status == SUBMITTED


class EvaluationAnswer(db.Model):
    __tablename__ = "evaluation_answer"
    __table_args__ = (UniqueConstraint("evaluation_id", "item_id", name="uq_evaluation_answer_evaluation_id_item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("self_evaluation.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("framework_item.id"), index=True)
    rating: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    evaluation: Mapped[SelfEvaluation] = relationship(back_populates="answers")


class PendingAnswers(db.Model):
    """Answers posted after the sign-in session had ended, kept until their author signs in again."""

    __tablename__ = "pending_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("self_evaluation.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # the domain page it came from
    payload: Mapped[str] = mapped_column(Text)  # JSON: {"rating-12": "4", "notes-12": "..."}
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DevelopmentPlan(db.Model):
    __tablename__ = "development_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    evaluation_id: Mapped[int | None] = mapped_column(ForeignKey("self_evaluation.id", ondelete="SET NULL"), index=True)
    # The programme year whose bookings the plan may drive (None: made before any year existed).
    year_id: Mapped[int | None] = mapped_column(ForeignKey("programme_year.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(160))
    status: Mapped[str] = mapped_column(String(12), default=DRAFT, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    shared_at: Mapped[datetime | None] = mapped_column(DateTime)
    agreed_at: Mapped[datetime | None] = mapped_column(DateTime)
    agreed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    # The school-capacity evaluation the plan draws on beside the leadership one (evaluation_id).
    capacity_evaluation_id: Mapped[int | None] = mapped_column(
        ForeignKey("self_evaluation.id", ondelete="SET NULL"), index=True
    )
    modules_chosen: Mapped[bool] = mapped_column(Boolean, default=False)  # False: recommended ones pre-ticked
    # Reopened for a change: the status to return to once agreed again, and the plan as last agreed (JSON).
    reopened_from: Mapped[str | None] = mapped_column(String(12))
    agreed_snapshot: Mapped[str] = mapped_column(Text, default="")
    change_note: Mapped[str] = mapped_column(Text, default="")
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    review_prompted: Mapped[str] = mapped_column(String(8), default="")  # the last review e-mailed for

    owner: Mapped[User] = relationship(foreign_keys=[owner_id], lazy="raise_on_sql")
    agreed_by: Mapped[User | None] = relationship(foreign_keys=[agreed_by_id], lazy="raise_on_sql")
    evaluation: Mapped[SelfEvaluation | None] = relationship(foreign_keys=[evaluation_id], lazy="raise_on_sql")
    capacity_evaluation: Mapped[SelfEvaluation | None] = relationship(
        foreign_keys=[capacity_evaluation_id], lazy="raise_on_sql"
    )
    priorities: Mapped[list["PlanPriority"]] = relationship(
        cascade="all, delete-orphan", order_by="PlanPriority.position", lazy="raise_on_sql"
    )
    goals: Mapped[list["PlanGoal"]] = relationship(
        cascade="all, delete-orphan", order_by="PlanGoal.id", lazy="raise_on_sql"
    )
    modules: Mapped[list["PlanModule"]] = relationship(cascade="all, delete-orphan", lazy="raise_on_sql")
    requests: Mapped[list["LearningRequest"]] = relationship(
        back_populates="plan",
        cascade="all, delete-orphan",
        order_by="LearningRequest.id",
        lazy="raise_on_sql",
    )
    shares: Mapped[list["PlanShare"]] = relationship(cascade="all, delete-orphan", lazy="raise_on_sql")
    comments: Mapped[list["PlanComment"]] = relationship(
        cascade="all, delete-orphan", order_by="PlanComment.id", lazy="raise_on_sql"
    )
    reviews: Mapped[list["PlanReview"]] = relationship(
        cascade="all, delete-orphan", order_by="PlanReview.id", lazy="raise_on_sql"
    )

    @property
    def module_keys(self) -> set[str]:
        return {m.module for m in self.modules}

    @property
    def status_label(self) -> str:
        return PLAN_STATUS_LABELS.get(self.status, self.status.capitalize())


class PlanPriority(db.Model):
    __tablename__ = "plan_priority"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("development_plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    section_key: Mapped[str] = mapped_column(String(40), default="")
    title: Mapped[str] = mapped_column(String(200))
    module: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class PlanGoal(db.Model):
    __tablename__ = "plan_goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("development_plan.id", ondelete="CASCADE"), index=True)
    what: Mapped[str] = mapped_column(Text)
    actions: Mapped[str] = mapped_column(Text, default="")
    success: Mapped[str] = mapped_column(Text, default="")  # how I will know
    due_on: Mapped[date | None] = mapped_column(Date)
    reflection: Mapped[str] = mapped_column(Text, default="")  # the final reflection on the goal

    updates: Mapped[list["GoalUpdate"]] = relationship(
        back_populates="goal", cascade="all, delete-orphan", order_by="GoalUpdate.id", lazy="raise_on_sql"
    )

    @property
    def latest_status(self) -> str:
        return self.updates[-1].status if self.updates else "not_started"


class GoalUpdate(db.Model):
    """A progress update on a goal: a short note, a status and optional evidence (a file kept by the shared
    upload store, the leader's own team's enquiry, or a booking they attended)."""

    __tablename__ = "goal_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("plan_goal.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12))
    file_key: Mapped[str | None] = mapped_column(String(80))
    file_name: Mapped[str] = mapped_column(String(200), default="")
    enquiry_team_id: Mapped[int | None] = mapped_column(ForeignKey("enquiry_team.id", ondelete="SET NULL"))
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("event_booking.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    goal: Mapped[PlanGoal] = relationship(back_populates="updates")
    # The names of the linked team and session, when the loading query asks for them (queries.load_plan).
    team_name: Mapped[str | None] = query_expression()
    session_title: Mapped[str | None] = query_expression()
    session_starts_at: Mapped[datetime | None] = query_expression()

    @property
    def status_label(self) -> str:
        return GOAL_STATUSES.get(self.status, self.status)


class PlanReview(db.Model):
    """A midpoint or end-of-year review meeting with the facilitator or lead officer: the record and the
    next steps agreed."""

    __tablename__ = "plan_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("development_plan.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # midpoint | end
    met_on: Mapped[date] = mapped_column(Date)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    record: Mapped[str] = mapped_column(Text)
    next_steps: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    reviewer: Mapped[User | None] = relationship(lazy="joined")


class PlanModule(db.Model):
    __tablename__ = "plan_module"
    __table_args__ = (UniqueConstraint("plan_id", "module", name="uq_plan_module_plan_id_module"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("development_plan.id", ondelete="CASCADE"), index=True)
    module: Mapped[str] = mapped_column(String(40))


class LearningRequest(db.Model):
    """Professional learning a leader asks for that the programme does not offer (the admin sees a list)."""

    __tablename__ = "learning_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("development_plan.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)

    plan: Mapped[DevelopmentPlan] = relationship(back_populates="requests", lazy="raise_on_sql")


class PlanShare(db.Model):
    __tablename__ = "plan_share"
    __table_args__ = (UniqueConstraint("plan_id", "user_id", name="uq_plan_share_plan_id_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("development_plan.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)

    user: Mapped[User] = relationship(lazy="joined")


class PlanComment(db.Model):
    __tablename__ = "plan_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("development_plan.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("plan_goal.id", ondelete="SET NULL"), index=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    author: Mapped[User] = relationship(lazy="joined", foreign_keys=[author_id])


class ProgrammeYear(db.Model):
    __tablename__ = "programme_year"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(20), unique=True)  # e.g. 2026-27
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)


class LeadershipCohort(db.Model):
    """A leadership programme cohort (at most 30 senior leaders); not a network cohort."""

    __tablename__ = "leadership_cohort"
    __table_args__ = (UniqueConstraint("year_id", "name", name="uq_leadership_cohort_year_id_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(ForeignKey("programme_year.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    year: Mapped[ProgrammeYear] = relationship(lazy="joined")
    facilitator: Mapped[User | None] = relationship(lazy="joined")

    def __str__(self) -> str:
        return cohort_label(self.name, self.year.label)


def cohort_label(name: str, year_label: str) -> str:
    """A leadership cohort as people read it: its name and programme year."""
    return f"{name} ({year_label})"


class CohortPlace(db.Model):
    """A senior leader's place in a leadership cohort: nominated by their LA officer, confirmed by the admin."""

    __tablename__ = "cohort_place"
    __table_args__ = (UniqueConstraint("cohort_id", "person_id", name="uq_cohort_place_cohort_id_person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("leadership_cohort.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    nominated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(12), default=NOMINATED)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    person: Mapped[User] = relationship(foreign_keys=[person_id], lazy="joined")
    cohort: Mapped[LeadershipCohort] = relationship(lazy="raise_on_sql")


class EvaluationDomainScore(db.Model):
    """A submitted evaluation's rating total and count per domain, written once at submission so insights
    aggregate a few rows per evaluation instead of every answer. Owner, framework and year are copied from
    the (frozen) evaluation so one covering index answers the insights query."""

    __tablename__ = "evaluation_domain_score"
    __table_args__ = (
        UniqueConstraint("evaluation_id", "section_key", name="uq_evaluation_domain_score_evaluation_id_key"),
        Index(
            "ix_evaluation_domain_score_insights",
            "framework_id",
            "section_key",
            "year",
            "owner_id",
            "title",
            "rating_sum",
            "rating_count",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("self_evaluation.id", ondelete="CASCADE"))
    framework_id: Mapped[int] = mapped_column(ForeignKey("framework.id"))
    owner_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)  # of submitted_at
    section_key: Mapped[str] = mapped_column(String(40))  # domains match across versions by key
    title: Mapped[str] = mapped_column(String(60))  # the section's short title
    rating_sum: Mapped[int] = mapped_column(Integer)
    rating_count: Mapped[int] = mapped_column(Integer)
