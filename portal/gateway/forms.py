"""Forms for profiles, requests, blocks, misuse reports and a Gateway team's support."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectChoice, SelectField, TextAreaField
from wtforms.validators import Length, Optional

from portal.core.forms import MultiCheckboxField
from portal.gateway.models import MISUSE_OUTCOMES
from portal.gateway.vocabulary import (
    CURRICULUM_AREAS,
    FREQUENCIES,
    MODES,
    NIF_PRIORITIES,
    STAGES,
    SUPPORT_FROM,
    THEMES,
    TIERS,
    interest_key,
)

DATE_HINT = "Optional. For example, 14/03/2027"


def _choices(labels: dict) -> list:
    return [SelectChoice(k, v) for k, v in labels.items()]


def _interest_choices(labels) -> list:
    return [SelectChoice(interest_key(label), label) for label in labels]


class ProfileForm(FlaskForm):
    hunch = TextAreaField(
        "What would you like to improve? (your hunch)",
        description="A sentence or two, e.g. 'Our P6 boys are reluctant writers: would writing outdoors help?'",
        validators=[Length(max=2000)],
    )
    themes = MultiCheckboxField("Themes", choices=_interest_choices(THEMES))
    areas = MultiCheckboxField("Curriculum areas", choices=_interest_choices(CURRICULUM_AREAS))
    priorities = MultiCheckboxField(
        "National Improvement Framework priorities", choices=_interest_choices(NIF_PRIORITIES)
    )
    stages = MultiCheckboxField("Stages you work with", choices=_choices(STAGES))
    mode = SelectField("How would you like to work?", choices=_choices(MODES), default="either")
    frequency = SelectField("How often could you meet?", choices=_choices(FREQUENCIES), default="monthly")
    available_from = DateField("Available from", description=DATE_HINT, validators=[Optional()])
    available_until = DateField("Available until", description=DATE_HINT, validators=[Optional()])
    open_to_contact = BooleanField("Others may send me requests to collaborate", default=True)

    @property
    def chosen_interests(self) -> list[str]:
        return [*(self.themes.data or []), *(self.areas.data or []), *(self.priorities.data or [])]


class RequestForm(FlaskForm):
    message = TextAreaField(
        "Your message", description="What you would like to do together, and how.", validators=[Length(max=2000)]
    )
    team = SelectField("Invite them to", coerce=int, choices=[SelectChoice(0, "A new Gateway team")], default=0)


class ReportForm(FlaskForm):
    reason = TextAreaField("What happened?", validators=[Length(max=2000)])


class ResolveMisuseForm(FlaskForm):
    outcome = SelectField(
        "What was done?",
        choices=[SelectChoice("", "Choose an outcome"), *(SelectChoice(k, v) for k, v in MISUSE_OUTCOMES.items())],
    )
    note = TextAreaField(
        "A note for the person who reported it",
        validators=[Length(max=2000)],
        description="They are told the outcome and this note; the person reported is not named to anyone else.",
    )


class SupportForm(FlaskForm):
    tier = SelectField("Tier of support", choices=_choices(TIERS), default="independent")
    support_from = SelectField(
        "Ask for support from", choices=[SelectChoice("", "Nobody for now"), *_choices(SUPPORT_FROM)], default=""
    )
    note = TextAreaField("What would help? (optional)", validators=[Optional(), Length(max=2000)])
