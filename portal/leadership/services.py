"""Self-evaluation: start, save answers as drafts (also after a lost session), submit, score."""

import json
import secrets
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from sqlalchemy import bindparam, delete, func, select

from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.extensions import db
from portal.frameworks import scoring
from portal.frameworks import services as frameworks
from portal.frameworks.models import Framework, FrameworkVersion
from portal.leadership import insights
from portal.leadership.models import DRAFT, SUBMITTED, EvaluationAnswer, PendingAnswers, SelfEvaluation
from portal.leadership.modules import EVALUATION_KINDS

MAX_NOTES = 4000
PENDING_MAX_AGE = timedelta(days=7)
PENDING_MAX_BYTES = 64 * 1024
PENDING_PER_HOUR = 20


class BadInput(ValueError):
    """Input no honest form can send (a rating off the scale, a statement from elsewhere): answer 400."""


def start_evaluation(framework: Framework, *, label: str, actor) -> SelfEvaluation:
    """A new draft evaluation on the framework's published version (which is frozen from now on)."""
    if framework.kind not in EVALUATION_KINDS:
        raise BadInput("not a self-evaluation framework")
    version_id = frameworks.published_version_id(framework.id)
    if version_id is None:
        raise ServiceError(("framework", "This framework is not published yet."))
    label = (label or "").strip() or f"{framework.title}, {utcnow():%B %Y}"
    evaluation = SelfEvaluation(
        owner_id=actor.id, framework_id=framework.id, version_id=version_id, label=label[:120], status=DRAFT
    )
    db.session.add(evaluation)
    frameworks.mark_in_use(db.session.get(FrameworkVersion, version_id))
    db.session.flush()
    return evaluation


def answers_by_item(evaluation: SelfEvaluation) -> dict:
    """The evaluation's answers keyed by statement id, as rows (`rating`, `notes`) to read (one query)."""
    rows = db.session.execute(_answers_query(), {"evaluation_id": evaluation.id})
    return {row.item_id: row for row in rows}


@cache
def _answers_query():
    """answers_by_item's statement, built once per process."""
    answer = EvaluationAnswer
    return select(answer.item_id, answer.rating, answer.notes).where(answer.evaluation_id == bindparam("evaluation_id"))


def parse_answers(form, item_ids: list[int]) -> dict[int, tuple[str, str]]:
    """(raw rating, notes) per statement from posted fields `rating-<id>` / `notes-<id>`; fields for any other
    statement are tampering."""
    wanted = set(item_ids)
    posted = {}
    for name in form:
        kind, _, ident = name.partition("-")
        if kind in ("rating", "notes"):
            if not ident.isdigit() or int(ident) not in wanted:
                raise BadInput(name)
            posted.setdefault(int(ident), ["", ""])[0 if kind == "rating" else 1] = form.get(name, "")
    return {i: (r, n) for i, (r, n) in posted.items()}


def save_answers(evaluation: SelfEvaluation, answers: dict[int, tuple[str, str]], *, scale_values: range, actor) -> int:
    """Save ratings and notes as the draft; returns how many statements changed. Notes are kept even when a
    rating is missing; an over-long note is refused (the page keeps what was typed)."""
    if evaluation.owner_id != actor.id or evaluation.status != DRAFT:
        raise PermissionError("not your draft")
    clean = {}
    for item_id, (raw, notes) in answers.items():
        rating = None
        if raw not in ("", None):
            if not str(raw).isdigit() or int(raw) not in scale_values:
                raise BadInput(f"rating {raw!r}")
            rating = int(raw)
        if len(notes) > MAX_NOTES:
            raise ServiceError((f"notes-{item_id}", f"Keep each note to {MAX_NOTES} characters or fewer."))
        clean[item_id] = (rating, notes.strip())
    stored = db.session.scalars(select(EvaluationAnswer).where(EvaluationAnswer.evaluation_id == evaluation.id))
    existing = {a.item_id: a for a in stored}
    changed = 0
    for item_id, (rating, notes) in clean.items():
        answer = existing.get(item_id)
        if answer is None:
            db.session.add(EvaluationAnswer(evaluation_id=evaluation.id, item_id=item_id, rating=rating, notes=notes))
        elif (answer.rating, answer.notes) == (rating, notes):
            continue
        else:
            answer.rating, answer.notes, answer.updated_at = rating, notes, utcnow()
        changed += 1
    evaluation.updated_at = utcnow()
    db.session.flush()
    return changed


def submit_evaluation(evaluation: SelfEvaluation, version: FrameworkVersion | frameworks.Outline, *, actor) -> None:
    """Freeze a draft once every statement has a rating, and record its domain scores for insights."""
    if evaluation.owner_id != actor.id or evaluation.status != DRAFT:
        raise PermissionError("not your draft")
    answers = answers_by_item(evaluation)
    missing = [
        s for s in version.sections if any(answers.get(i.id) is None or answers[i.id].rating is None for i in s.items)
    ]
    if missing:
        names = ", ".join(s.label for s in missing)
        raise ServiceError((None, f"Rate every statement before you submit. Still to rate: {names}."))
    evaluation.status, evaluation.submitted_at = SUBMITTED, utcnow()
    db.session.flush()
    insights.record_scores(evaluation.id)


def keep_pending(evaluation_id: int, position: int, form, *, session_owner_id: int | None) -> str:
    """Keep answers that arrived after the session ended; the token brings them back after signing in.
    Anonymous writes are bounded: kept only for the evaluation's owner (the person whose ended session this
    browser still carries), only up to PENDING_MAX_BYTES and PENDING_PER_HOUR; the caller answers alike
    whether or not anything was kept, for known and unknown evaluations."""
    token = secrets.token_urlsafe(24)
    payload = json.dumps({k: v for k, v in form.items() if k.partition("-")[0] in ("rating", "notes")})
    evaluation = db.session.get(SelfEvaluation, evaluation_id)
    if evaluation is None or session_owner_id is None or evaluation.owner_id != session_owner_id:
        return token
    if len(payload.encode()) > PENDING_MAX_BYTES:
        return token
    recent = db.session.scalar(
        select(func.count())
        .select_from(PendingAnswers)
        .where(
            PendingAnswers.evaluation_id == evaluation.id, PendingAnswers.created_at >= utcnow() - timedelta(hours=1)
        )
    )
    if recent >= PENDING_PER_HOUR:
        return token
    db.session.add(PendingAnswers(token=token, evaluation_id=evaluation.id, position=position, payload=payload))
    db.session.execute(delete(PendingAnswers).where(PendingAnswers.created_at < utcnow() - PENDING_MAX_AGE))
    db.session.flush()
    return token


def take_pending(token: str, evaluation: SelfEvaluation) -> PendingAnswers | None:
    """The kept answers for this evaluation under `token` (removed once taken), or None."""
    pending = db.session.scalar(
        select(PendingAnswers).where(PendingAnswers.token == token, PendingAnswers.evaluation_id == evaluation.id)
    )
    if pending is None or pending.created_at < utcnow() - PENDING_MAX_AGE:
        return None
    db.session.delete(pending)
    return pending


@dataclass
class Result:
    scores: list[scoring.SectionScore]
    strengths: dict[str, list]  # section key -> statements rated highly
    areas: dict[str, list]
    notes: dict[str, list]  # section key -> (statement, note)
    overall: float | None


def result_of(version: FrameworkVersion | frameworks.Outline, answers: dict, top: int) -> Result:
    """Scores per domain, strengths, areas for development and notes, from a version (or its outline) and
    answers (`answers_by_item`)."""
    ratings = {i: a.rating for i, a in answers.items()}
    scores = scoring.section_scores(frameworks.shapes(version), ratings)
    strengths, areas, notes = {}, {}, {}
    for section in version.sections:
        rated = {i.id: ratings.get(i.id) for i in section.items}
        strong, weak = scoring.split_items(rated, top)
        texts = {i.id: i for i in section.items}
        strengths[section.key] = [texts[i] for i in strong]
        areas[section.key] = [texts[i] for i in weak]
        notes[section.key] = [
            (i, answers[i.id].notes) for i in section.items if i.id in answers and answers[i.id].notes
        ]
    return Result(scores, strengths, areas, notes, scoring.mean(s.mean for s in scores if s.mean is not None))
