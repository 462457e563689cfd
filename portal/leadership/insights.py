"""Aggregates of submitted self-evaluations for admins, LA officers and researchers: mean score per domain
per year, never for fewer than MIN_GROUP people (portal/core/privacy)."""

from collections import defaultdict

from sqlalchemy import distinct, extract, func, select

from portal.accounts.models import User
from portal.core.access import officer_authority_id
from portal.core.privacy import suppress
from portal.extensions import db
from portal.frameworks.models import FrameworkItem, FrameworkSection
from portal.leadership.models import SUBMITTED, EvaluationAnswer, SelfEvaluation
from portal.organisations.models import Establishment


def domain_means(framework_id: int, actor) -> tuple[list[int], dict]:
    """(years, {domain title: {year: (mean or None, people)}}) in one grouped query; an LA officer sees
    their own LA's leaders only. Domains match across versions by their stable key."""
    year = extract("year", SelfEvaluation.submitted_at)
    stmt = (
        select(
            FrameworkSection.key,
            func.max(FrameworkSection.short_title),
            year,
            func.avg(EvaluationAnswer.rating),
            func.count(distinct(SelfEvaluation.owner_id)),
        )
        .join(EvaluationAnswer, EvaluationAnswer.evaluation_id == SelfEvaluation.id)
        .join(FrameworkItem, FrameworkItem.id == EvaluationAnswer.item_id)
        .join(FrameworkSection, FrameworkSection.id == FrameworkItem.section_id)
        .where(SelfEvaluation.framework_id == framework_id, SelfEvaluation.status == SUBMITTED)
        .group_by(FrameworkSection.key, year)
    )
    la = officer_authority_id(actor)
    if la is not None:
        stmt = (
            stmt.join(User, User.id == SelfEvaluation.owner_id)
            .join(Establishment, Establishment.id == User.establishment_id)
            .where(Establishment.authority_id == la)
        )
    table, years = defaultdict(dict), set()
    for _key, title, yr, mean, people in db.session.execute(stmt):
        years.add(int(yr))
        value = suppress(round(float(mean), 1), people)
        table[title][int(yr)] = (value, people)
    return sorted(years), dict(sorted(table.items()))
