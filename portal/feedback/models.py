"""Event feedback (one form per person per event, from people marked present) and the end-of-year evaluation
of each network (one per person per network per school year).

Both are their author's personal data (exported and erased with the person). Answers are corrected in place
until the form closes: no earlier text is kept, so nothing shows organisers what someone first wrote. Nothing
an organiser or researcher reads carries a name or a date: aggregates, and free text with no author.
"""

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.core.dates import utcnow
from portal.extensions import db

SCALE = (1, 2, 3, 4, 5)
RATING_LABELS = {1: "1 - not useful", 2: "2", 3: "3", 4: "4", 5: "5 - very useful"}
CONFIDENCE_LABELS = {1: "1 - not confident", 2: "2", 3: "3", 4: "4", 5: "5 - very confident"}
PROGRESS_LABELS = {1: "1 - little", 2: "2", 3: "3", 4: "4", 5: "5 - a great deal"}
RATED_HIGH_FROM = 4  # "share rating 4 or 5"
NETWORK_KINDS = {"cohort": "Network cohort", "theme": "Themed enquiry", "forum": "Forum"}
ROLES = {"participant": "Participant", "facilitator": "Facilitator"}


class EventFeedback(db.Model):
    """One person's feedback on one event they attended."""

    __tablename__ = "event_feedback"
    __table_args__ = (UniqueConstraint("event_id", "user_id", name="uq_event_feedback_event_id_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    rating: Mapped[int] = mapped_column(SmallInteger)  # 1-5: how useful
    do_differently: Mapped[str] = mapped_column(Text, default="")
    confidence_before: Mapped[int] = mapped_column(SmallInteger)  # 1-5 on the event's focus
    confidence_after: Mapped[int] = mapped_column(SmallInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class FeedbackPrompt(db.Model):
    """That one person was e-mailed the feedback form of one event (so `flask feedback remind` asks once)."""

    __tablename__ = "event_feedback_prompt"
    __table_args__ = (UniqueConstraint("event_id", "user_id", name="uq_event_feedback_prompt_event_id_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    sent_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class EvaluationRound(db.Model):
    """The end-of-year evaluation of a school year: open to every network's participants and facilitators."""

    __tablename__ = "network_evaluation_round"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_year: Mapped[int] = mapped_column(Integer, unique=True)  # 2026 = 2026-27
    opens_on: Mapped[date] = mapped_column(Date)
    closes_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    @property
    def label(self) -> str:
        return f"End-of-year evaluation {self.school_year}-{str(self.school_year + 1)[2:]}"

    def is_open(self, today: date) -> bool:
        return self.opens_on <= today <= self.closes_on


class EvaluationReminder(db.Model):
    """That one person was reminded of one round of the end-of-year evaluation (so the reminder goes once)."""

    __tablename__ = "evaluation_reminder"
    __table_args__ = (UniqueConstraint("round_id", "user_id", name="uq_evaluation_reminder_round_id_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("network_evaluation_round.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    sent_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class NetworkEvaluation(db.Model):
    """One person's end-of-year evaluation of one network (a cohort, a theme or a forum) in one school year."""

    __tablename__ = "network_evaluation"
    __table_args__ = (
        UniqueConstraint("round_id", "network_kind", "network_id", "user_id", name="uq_network_evaluation_once"),
        Index("ix_network_evaluation_network", "round_id", "network_kind", "network_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("network_evaluation_round.id", ondelete="CASCADE"))
    network_kind: Mapped[str] = mapped_column(String(10))  # cohort | theme | forum
    network_id: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(12))  # participant | facilitator
    progress: Mapped[int] = mapped_column(SmallInteger)  # 1-5: progress of their project
    impact: Mapped[int] = mapped_column(SmallInteger)  # 1-5: impact on learners / practice
    progress_text: Mapped[str] = mapped_column(Text, default="")
    helped: Mapped[str] = mapped_column(Text, default="")
    hindered: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    round: Mapped[EvaluationRound] = relationship(lazy="raise_on_sql")
