"""Read-only queries of the survey: surveys, grouped theme figures (one query per breakdown), response rates."""

from flask import current_app
from sqlalchemy import case, func, literal, select

from portal.core.paging import Page, paginate
from portal.core.snapshots import kept
from portal.extensions import db
from portal.organisations.models import Establishment, LocalAuthority
from portal.survey.models import THEMES, Survey, SurveyInvitation, SurveyOpenLink, SurveyResponse, SurveyVersion


def surveys() -> list[Survey]:
    return list(db.session.scalars(select(Survey).order_by(Survey.school_year.desc())))


def survey_for_year(year: int | None) -> Survey | None:
    query = select(Survey).order_by(Survey.school_year.desc()).limit(1)
    if year is not None:
        query = select(Survey).where(Survey.school_year == year)
    return db.session.scalar(query)


def open_survey(today) -> Survey | None:
    return db.session.scalar(
        select(Survey).where(Survey.opens_on <= today, Survey.closes_on >= today).order_by(Survey.school_year.desc())
    )


def latest_version(survey: Survey) -> SurveyVersion:
    return db.session.scalar(
        select(SurveyVersion).where(SurveyVersion.survey_id == survey.id).order_by(SurveyVersion.number.desc())
    )


def _theme_columns():
    cols = []
    for t, _ in THEMES:
        rated = getattr(SurveyResponse, f"{t}_rated")
        cols += [
            func.sum(case((rated > 0, 1), else_=0)).label(f"n_{t}"),
            func.sum(rated).label(f"rated_{t}"),
            func.sum(getattr(SurveyResponse, f"{t}_agree")).label(f"agree_{t}"),
            func.sum(getattr(SurveyResponse, f"{t}_sum")).label(f"sum_{t}"),
        ]
    return cols


def _filtered(query, scope):
    if scope is not None and scope.authority_id is not None:
        query = query.where(SurveyResponse.authority_id == scope.authority_id)
    if scope is not None and scope.sector:
        query = query.where(SurveyResponse.sector == scope.sector)
    return query


def grouped(survey_ids: list[int], by, scope=None) -> list:
    """Theme sums per (survey, group) for the surveys given; `by` is a response column or None (everyone)."""
    group = by if by is not None else literal(None)
    query = (
        select(SurveyResponse.survey_id, group.label("grp"), *_theme_columns())
        .where(SurveyResponse.survey_id.in_(survey_ids))
        .group_by(SurveyResponse.survey_id, *([by] if by is not None else []))
    )
    return list(db.session.execute(_filtered(query, scope)))


def authority_names() -> dict[int, str]:
    return dict(db.session.execute(select(LocalAuthority.id, LocalAuthority.name)).all())


def response_count(survey: Survey, scope=None) -> int:
    return db.session.scalar(_filtered(select(func.count()).where(SurveyResponse.survey_id == survey.id), scope)) or 0


def rates_by_establishment(survey: Survey, authority_id: int | None = None):
    """(establishment, LA name, invited, answered, open-link responses) for every establishment with either."""
    invited = (
        select(
            SurveyInvitation.establishment_id.label("est"),
            func.count().label("invited"),
            func.count(SurveyInvitation.answered_on).label("answered"),
        )
        .where(SurveyInvitation.survey_id == survey.id)
        .group_by(SurveyInvitation.establishment_id)
        .subquery()
    )
    opened = (
        select(SurveyOpenLink.establishment_id.label("est"), func.sum(SurveyOpenLink.used).label("used"))
        .where(SurveyOpenLink.survey_id == survey.id)
        .group_by(SurveyOpenLink.establishment_id)
        .subquery()
    )
    query = (
        select(
            Establishment.name,
            LocalAuthority.name,
            func.coalesce(invited.c.invited, 0),
            func.coalesce(invited.c.answered, 0),
            func.coalesce(opened.c.used, 0),
        )
        .select_from(Establishment)
        .join(LocalAuthority, LocalAuthority.id == Establishment.authority_id)
        .outerjoin(invited, invited.c.est == Establishment.id)
        .outerjoin(opened, opened.c.est == Establishment.id)
        .where((invited.c.est.is_not(None)) | (opened.c.est.is_not(None)))
        .order_by(LocalAuthority.name, Establishment.name)
    )
    if authority_id is not None:
        query = query.where(Establishment.authority_id == authority_id)
    return query


def rates_by_authority(survey: Survey, authority_id: int | None = None) -> list:
    """(LA name, invited, answered, open-link responses) per LA."""
    inv = (
        select(
            Establishment.authority_id.label("la"),
            func.count().label("invited"),
            func.count(SurveyInvitation.answered_on).label("answered"),
        )
        .join(Establishment, Establishment.id == SurveyInvitation.establishment_id)
        .where(SurveyInvitation.survey_id == survey.id)
        .group_by(Establishment.authority_id)
        .subquery()
    )
    opn = (
        select(Establishment.authority_id.label("la"), func.sum(SurveyOpenLink.used).label("used"))
        .join(Establishment, Establishment.id == SurveyOpenLink.establishment_id)
        .where(SurveyOpenLink.survey_id == survey.id)
        .group_by(Establishment.authority_id)
        .subquery()
    )
    query = (
        select(
            LocalAuthority.name,
            func.coalesce(inv.c.invited, 0),
            func.coalesce(inv.c.answered, 0),
            func.coalesce(opn.c.used, 0),
        )
        .outerjoin(inv, inv.c.la == LocalAuthority.id)
        .outerjoin(opn, opn.c.la == LocalAuthority.id)
        .order_by(LocalAuthority.name)
    )
    if authority_id is not None:
        query = query.where(LocalAuthority.id == authority_id)
    return list(db.session.execute(query))


RATES_READ = (SurveyInvitation, SurveyOpenLink, Establishment, LocalAuthority)  # what `kept_rates` reads


def kept_rates(survey: Survey, authority_id: int | None, page: int) -> tuple[list, Page]:
    """The response rates page's figures: by LA, and one page of establishments with their count, kept (portal.core
    .snapshots) by survey, scope and page until an invitation, open link or establishment changes: each read groups
    every invitation of the survey, and the page counted them twice (its rows and its total)."""

    def compute():
        found = paginate(rates_by_establishment(survey, authority_id), rows=True, page=page)
        return [list(r) for r in rates_by_authority(survey, authority_id)], [list(r) for r in found.items], found.total

    by_authority, rows, total = kept("survey_rates", [survey.id, authority_id, page], compute)
    return by_authority, Page(rows, total, page, current_app.config["PAGE_SIZE"])


def open_answers(survey: Survey):
    """The open answers only, in key order (random), with nothing about who wrote them."""
    return (
        select(SurveyResponse.open_answer)
        .where(SurveyResponse.survey_id == survey.id, SurveyResponse.open_answer != "")
        .order_by(SurveyResponse.id)
    )


def item_level(survey: Survey):
    """Rows for the research download: version, sector, role group, years in post, LA id, answers JSON."""
    return db.session.execute(
        select(
            SurveyResponse.id,
            SurveyResponse.version,
            SurveyResponse.sector,
            SurveyResponse.role_group,
            SurveyResponse.years_in_post,
            SurveyResponse.authority_id,
            SurveyResponse.answers,
        )
        .where(SurveyResponse.survey_id == survey.id)
        .order_by(SurveyResponse.id)
    ).all()


def invitation_for_email(survey: Survey, email: str) -> SurveyInvitation | None:
    return db.session.scalar(
        select(SurveyInvitation).where(SurveyInvitation.survey_id == survey.id, SurveyInvitation.email == email)
    )


def open_links(survey: Survey) -> list:
    return list(
        db.session.execute(
            select(SurveyOpenLink, Establishment.name)
            .join(Establishment, Establishment.id == SurveyOpenLink.establishment_id)
            .where(SurveyOpenLink.survey_id == survey.id)
            .order_by(Establishment.name)
        )
    )
