"""Survey rules: the instrument per year (copied once answered), invitations and open links, answering once
without a trace back to the person, and reminders to non-respondents only. Services flush; views commit."""

import hashlib
import json
import secrets
from datetime import date

from flask import current_app, has_request_context, url_for
from sqlalchemy import select, update

from portal.core.csvimport import ImportResult, RowError, read_rows
from portal.core.forms import ServiceError
from portal.core.mail import send_template
from portal.core.roles import Role
from portal.extensions import db
from portal.organisations.models import SECTORS, Establishment
from portal.survey import defaults
from portal.survey.models import (
    AUDIENCES,
    ROLE_GROUPS,
    THEME_LABELS,
    VERSIONS,
    YEARS_IN_POST,
    Survey,
    SurveyInvitation,
    SurveyItem,
    SurveyOpenLink,
    SurveyResponse,
    SurveyVersion,
    school_year_label,
)
from portal.survey.queries import latest_version
from portal.survey.scoring import theme_scores

OPEN_ANSWER_LIMIT = 2000


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --- the instrument ---------------------------------------------------------------------------------------


def create_survey(*, school_year: int, opens_on: date, closes_on: date, actor) -> Survey:
    """A year's survey with the items of the latest earlier year (or the portal's own first items)."""
    if db.session.scalar(select(Survey.id).where(Survey.school_year == school_year)):
        raise ServiceError(("school_year", f"There is already a survey for {school_year_label(school_year)}."))
    _check_dates(opens_on, closes_on)
    earlier = db.session.scalar(
        select(Survey).where(Survey.school_year < school_year).order_by(Survey.school_year.desc()).limit(1)
    )
    survey = Survey(
        school_year=school_year,
        opens_on=opens_on,
        closes_on=closes_on,
        open_question=earlier.open_question if earlier else defaults.OPEN_QUESTION,
    )
    version = SurveyVersion(survey=survey, number=1)
    if earlier:
        source = latest_version(earlier)
        version.items = [
            SurveyItem(key=i.key, theme=i.theme, audience=i.audience, position=i.position, text=i.text)
            for i in source.items
        ]
    else:
        position = 0
        for theme, items in defaults.ITEMS.items():
            for audience, text in items:
                position += 1
                version.items.append(SurveyItem(theme=theme, audience=audience, position=position, text=text))
    db.session.add(survey)
    db.session.flush()
    return survey


def _check_dates(opens_on: date, closes_on: date) -> None:
    if closes_on < opens_on:
        raise ServiceError(("closes_on", "The closing date must be on or after the opening date."))


def update_survey(survey: Survey, *, opens_on: date, closes_on: date, open_question: str, actor) -> None:
    _check_dates(opens_on, closes_on)
    survey.opens_on, survey.closes_on = opens_on, closes_on
    survey.open_question = _text("open_question", open_question, 300)
    db.session.flush()


def _text(field: str, value: str, limit: int) -> str:
    value = (value or "").strip()
    if not value:
        raise ServiceError((field, "Write the text."))
    if len(value) > limit:
        raise ServiceError((field, f"Keep it to {limit} characters."))
    return value


def writable_version(survey: Survey) -> SurveyVersion:
    """The latest version, or a copy of it when it has been answered (answered wording never changes)."""
    version = latest_version(survey)
    if not version.in_use:
        return version
    copy = SurveyVersion(survey_id=survey.id, number=version.number + 1)
    copy.items = [
        SurveyItem(key=i.key, theme=i.theme, audience=i.audience, position=i.position, text=i.text)
        for i in version.items
    ]
    db.session.add(copy)
    db.session.flush()
    return copy


def _check_item(theme: str, audience: str, text: str) -> str:
    if theme not in THEME_LABELS:
        raise ServiceError(("theme", "Choose a theme."))
    if audience not in AUDIENCES:
        raise ServiceError(("audience", "Choose who answers it."))
    return _text("text", text, 300)


def add_item(survey: Survey, *, theme: str, audience: str, text: str, actor) -> SurveyItem:
    text = _check_item(theme, audience, text)
    version = writable_version(survey)
    item = SurveyItem(
        theme=theme, audience=audience, text=text, position=max((i.position for i in version.items), default=0) + 1
    )
    version.items.append(item)
    db.session.flush()
    return item


def _find_item(version: SurveyVersion, key: str) -> SurveyItem:
    for item in version.items:
        if item.key == key:
            return item
    raise ServiceError((None, "That item is no longer in the survey."))


def update_item(survey: Survey, key: str, *, theme: str, audience: str, text: str, actor) -> SurveyItem:
    text = _check_item(theme, audience, text)
    item = _find_item(writable_version(survey), key)
    item.theme, item.audience, item.text = theme, audience, text
    db.session.flush()
    return item


def remove_item(survey: Survey, key: str, *, actor) -> None:
    version = writable_version(survey)
    version.items.remove(_find_item(version, key))
    db.session.flush()


# --- invitations and links ---------------------------------------------------------------------------------


def _answer_url(token: str) -> str:
    """The link's full address; outside a request (the reminder command) the base comes from PORTAL_URL."""
    if has_request_context():
        return url_for("survey.answer", token=token, _external=True)
    with current_app.test_request_context(base_url=current_app.config["PORTAL_URL"]):
        return url_for("survey.answer", token=token, _external=True)


def invite(survey: Survey, *, email: str, establishment: Establishment, version: str, today: date) -> bool:
    """Invite one person (once per survey) and e-mail their single-use link; False if already invited."""
    email = email.strip().lower()
    if db.session.scalar(
        select(SurveyInvitation.id).where(SurveyInvitation.survey_id == survey.id, SurveyInvitation.email == email)
    ):
        return False
    token = secrets.token_urlsafe(32)
    db.session.add(
        SurveyInvitation(
            survey_id=survey.id,
            email=email,
            establishment_id=establishment.id,
            version=version,
            token_hash=hash_token(token),
            invited_on=today,
        )
    )
    _mail(survey, email, token, "cfc_invitation")
    return True


def _mail(survey: Survey, email: str, token: str, template: str) -> None:
    send_template(
        email,
        template,
        survey=survey.label,
        closes=survey.closes_on,
        link=_answer_url(token),
        link_label="Answer the survey",
        reason="your establishment is part of the West Partnership, which asks all its staff this survey once a year",
    )


def import_invitations(survey: Survey, establishment: Establishment, data: bytes, *, today: date, actor):
    """A CSV of `email,version` (slt or staff) for one establishment: all rows valid, or none kept."""
    rows, errors = read_rows(data, ("email", "version"))
    result = ImportResult(errors=errors)
    seen = set()
    for line, row in rows:
        email, version = row.get("email", "").lower(), row.get("version", "").lower()
        if "@" not in email or len(email) > 254:
            result.errors.append(RowError(line, f"'{email}' is not an e-mail address."))
        elif version not in VERSIONS:
            result.errors.append(RowError(line, "The version must be slt or staff."))
        elif email in seen:
            result.errors.append(RowError(line, f"{email} is in the file twice."))
        seen.add(email)
    if result.errors:
        return result
    for _, row in rows:
        if invite(survey, email=row["email"], establishment=establishment, version=row["version"].lower(), today=today):
            result.created += 1
    db.session.flush()
    return result


def open_from_portal(survey: Survey, user, *, today: date) -> str:
    """A signed-in member's own link: their invitation (made now if they have none), with a fresh token."""
    if not survey.is_open(today):
        raise ServiceError((None, "The survey is not open."))
    if user.establishment_id is None:
        raise ServiceError((None, "The survey is for staff of the region's establishments: add yours to your profile."))
    invitation = db.session.scalar(
        select(SurveyInvitation).where(SurveyInvitation.survey_id == survey.id, SurveyInvitation.email == user.email)
    )
    if invitation is None:
        invitation = SurveyInvitation(
            survey_id=survey.id,
            email=user.email,
            establishment_id=user.establishment_id,
            version="slt" if user.promoted or user.has_role(Role.SENIOR_LEADER) else "staff",
            invited_on=today,
        )
        db.session.add(invitation)
    if invitation.answered_on is not None:
        raise ServiceError((None, "You have answered this year's survey. Thank you."))
    token = secrets.token_urlsafe(32)
    invitation.token_hash = hash_token(token)
    db.session.flush()
    return token


def create_open_link(survey: Survey, establishment: Establishment, *, cap: int, actor) -> SurveyOpenLink:
    if not 1 <= cap <= 2000:
        raise ServiceError(("cap", "The cap must be between 1 and 2,000 responses."))
    link = SurveyOpenLink(
        survey_id=survey.id, establishment_id=establishment.id, token=secrets.token_urlsafe(24), cap=cap, used=0
    )
    db.session.add(link)
    db.session.flush()
    return link


def find_invitation(token: str) -> SurveyInvitation | None:
    return db.session.scalar(select(SurveyInvitation).where(SurveyInvitation.token_hash == hash_token(token)))


def find_open_link(token: str) -> SurveyOpenLink | None:
    return db.session.scalar(select(SurveyOpenLink).where(SurveyOpenLink.token == token))


# --- answering --------------------------------------------------------------------------------------------


def submit(survey: Survey, *, via, version: str, answers: dict, about: dict, open_answer: str, today: date):
    """Record one anonymous response. `via` is the invitation (used once: a conditional update marks the
    day it was answered and forgets the token) or the open link (counted against its cap). The response
    gets a random key and no date, person or invitation."""
    if not survey.is_open(today):
        raise ServiceError((None, "The survey is closed."))
    if version not in VERSIONS:
        raise ServiceError((None, "Choose the version of the survey."))
    instrument = latest_version(survey)
    items = instrument.items_for(version)
    clean = {i.key: answers.get(i.key) for i in items}
    missing = [key for key, value in clean.items() if value not in (0, 1, 2, 3, 4)]
    if missing:
        raise ServiceError((None, f"Answer every statement, or choose Don't know: {len(missing)} still to answer."))
    _check_about(about)
    if len(open_answer or "") > OPEN_ANSWER_LIMIT:
        raise ServiceError(("open_answer", f"Keep your answer to {OPEN_ANSWER_LIMIT:,} characters."))
    if isinstance(via, SurveyInvitation):
        claimed = db.session.execute(
            update(SurveyInvitation)
            .where(SurveyInvitation.id == via.id, SurveyInvitation.answered_on.is_(None))
            .values(answered_on=today, token_hash=None)
            .execution_options(synchronize_session=False)
        ).rowcount
        if claimed != 1:
            raise ServiceError((None, "This link has been used: each person answers once."))
    else:
        claimed = db.session.execute(
            update(SurveyOpenLink)
            .where(SurveyOpenLink.id == via.id, SurveyOpenLink.used < SurveyOpenLink.cap)
            .values(used=SurveyOpenLink.used + 1)
            .execution_options(synchronize_session=False)
        ).rowcount
        if claimed != 1:
            raise ServiceError((None, "This link has had all the responses it allows."))
    instrument.in_use = True
    db.session.add(
        SurveyResponse(
            survey_id=survey.id,
            version_id=instrument.id,
            version=version,
            answers=json.dumps(clean, sort_keys=True),
            open_answer=(open_answer or "").strip(),
            **about,
            **theme_scores({i.key: i.theme for i in items}, clean),
        )
    )
    db.session.flush()


def _check_about(about: dict) -> None:
    checks = (("sector", SECTORS), ("role_group", ROLE_GROUPS), ("years_in_post", YEARS_IN_POST))
    for key, allowed in checks:
        if about.get(key) not in allowed:
            raise ServiceError((key, "Choose one."))
    if not about.get("authority_id"):
        raise ServiceError(("authority_id", "Choose one."))


# --- reminders ---------------------------------------------------------------------------------------------


def remind(today: date) -> int:
    """E-mail one reminder to everyone invited to an open survey who has not answered and has not been
    reminded (a fresh link replaces the first). Safe to run again: reminded_on is set."""
    sent = 0
    surveys = db.session.scalars(select(Survey).where(Survey.opens_on <= today, Survey.closes_on >= today))
    for survey in surveys:
        pending = db.session.scalars(
            select(SurveyInvitation).where(
                SurveyInvitation.survey_id == survey.id,
                SurveyInvitation.answered_on.is_(None),
                SurveyInvitation.reminded_on.is_(None),
                SurveyInvitation.invited_on < today,
            )
        ).all()
        for invitation in pending:
            token = secrets.token_urlsafe(32)
            invitation.token_hash = hash_token(token)
            invitation.reminded_on = today
            _mail(survey, invitation.email, token, "cfc_reminder")
            sent += 1
    db.session.flush()
    current_app.logger.info("survey reminders sent: %s", sent)
    return sent
