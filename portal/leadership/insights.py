"""Aggregates of submitted self-evaluations for admins, LA officers and researchers: mean score per domain
per year, never for fewer than MIN_GROUP people (portal/core/privacy).

Each submitted evaluation's rating total and count per domain are written once, at submission
(`record_scores`), so the insights page aggregates a handful of rows per evaluation, from one covering index,
instead of every answer."""

from collections import defaultdict

from sqlalchemy import Integer, cast, delete, distinct, exists, extract, func, insert, select

from portal.accounts.models import User
from portal.core.access import officer_authority_id
from portal.core.privacy import suppress
from portal.extensions import db
from portal.frameworks.models import FrameworkItem, FrameworkSection
from portal.leadership.models import SUBMITTED, EvaluationAnswer, EvaluationDomainScore, SelfEvaluation
from portal.organisations.models import Establishment

Score = EvaluationDomainScore
SCORE_COLUMNS = [
    "evaluation_id",
    "framework_id",
    "owner_id",
    "year",
    "section_key",
    "title",
    "rating_sum",
    "rating_count",
]


def _scores_of_answers():
    """Per submitted evaluation and domain key: the rows EvaluationDomainScore holds, computed from answers."""
    year = cast(extract("year", SelfEvaluation.submitted_at), Integer)
    return (
        select(
            SelfEvaluation.id,
            SelfEvaluation.framework_id,
            SelfEvaluation.owner_id,
            year,
            FrameworkSection.key,
            func.max(FrameworkSection.short_title),
            func.sum(EvaluationAnswer.rating),
            func.count(EvaluationAnswer.rating),
        )
        .join(EvaluationAnswer, EvaluationAnswer.evaluation_id == SelfEvaluation.id)
        .join(FrameworkItem, FrameworkItem.id == EvaluationAnswer.item_id)
        .join(FrameworkSection, FrameworkSection.id == FrameworkItem.section_id)
        .where(SelfEvaluation.status == SUBMITTED)
        .group_by(SelfEvaluation.id, SelfEvaluation.framework_id, SelfEvaluation.owner_id, year, FrameworkSection.key)
    )


def record_scores(evaluation_id: int | None = None) -> None:
    """(Re)write one submitted evaluation's domain scores; with no id, those of every submitted evaluation
    that has none yet (bulk loads). One insert from a grouped select."""
    source = _scores_of_answers()
    if evaluation_id is None:
        source = source.where(~exists().where(Score.evaluation_id == SelfEvaluation.id))
    else:
        db.session.execute(delete(Score).where(Score.evaluation_id == evaluation_id))
        source = source.where(SelfEvaluation.id == evaluation_id)
    db.session.execute(insert(Score).from_select(SCORE_COLUMNS, source))


def domain_means(framework_id: int, actor) -> tuple[list[int], dict]:
    """(years, {domain title: {year: (mean or None, people)}}) in one grouped query; an LA officer sees
    their own LA's leaders only. Domains match across versions by their stable key."""
    stmt = (
        select(
            Score.section_key,
            func.max(Score.title),
            Score.year,
            func.sum(Score.rating_sum),
            func.sum(Score.rating_count),
            func.count(distinct(Score.owner_id)),
        )
        .where(Score.framework_id == framework_id)
        .group_by(Score.section_key, Score.year)
    )
    la = officer_authority_id(actor)
    if la is not None:
        stmt = (
            stmt.join(User, User.id == Score.owner_id)
            .join(Establishment, Establishment.id == User.establishment_id)
            .where(Establishment.authority_id == la)
        )
    table, years = defaultdict(dict), set()
    for _key, title, yr, total, count, people in db.session.execute(stmt):
        if not count:
            continue  # no rated statement in this domain (cannot happen once submitted; kept safe)
        years.add(int(yr))
        table[title][int(yr)] = (suppress(round(total / count, 1), people), people)
    return sorted(years), dict(sorted(table.items()))


READS = (Score, User, Establishment)  # what `domain_means` reads


def domain_tables(frameworks, actor) -> dict[str, tuple[list[int], dict]]:
    """`domain_means` of each framework, by its title (the insights page keeps its rendered tables until an
    evaluation is scored or a leader moves: `READS`)."""
    return {f.title: domain_means(f.id, actor) for f in frameworks}
