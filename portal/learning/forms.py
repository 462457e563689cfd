"""Forms for the learning record: an entry, and the pack's period."""

from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    DecimalField,
    EmailField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from portal.core.forms import MultiCheckboxField
from portal.learning.models import KIND_LABELS, OWN_KINDS, SECTIONS, STANDARDS


class EntryForm(FlaskForm):
    title = StringField("What you did", validators=[DataRequired("Say what the learning was."), Length(max=200)])
    kind = SelectField("Type", choices=[SelectChoice(k, KIND_LABELS[k]) for k in OWN_KINDS])
    started_on = DateField("Date (or first day)", validators=[DataRequired("Give the date, as day/month/year.")])
    ended_on = DateField("Last day", validators=[Optional()], description="Leave empty for a single day.")
    hours = DecimalField(
        "Hours",
        places=1,
        validators=[
            DataRequired("Give the hours (for example 1.5)."),
            NumberRange(0.1, 500, "Hours are between 0.1 and 500."),
        ],
    )
    standard = SelectField(
        "GTCS Professional Standard", choices=[SelectChoice(k, v) for k, v in STANDARDS], default="clpl"
    )
    sections = MultiCheckboxField("Sections of the standard", choices=[SelectChoice(k, v) for k, v in SECTIONS])
    reflection = TextAreaField(
        "Reflection",
        description="The impact on your practice, on learners and on colleagues. Never learners' names.",
        validators=[Length(max=10000)],
    )
    evidence = TextAreaField(
        "Evidence", description="Links or short descriptions, one a line.", validators=[Length(max=4000)]
    )
    reviewer_email = EmailField(
        "Share with your reviewer (their e-mail)",
        validators=[Optional(), Length(max=254)],
        description="For Professional Review and Development. Leave empty to keep the entry private.",
    )

    FIELDS = ("title", "kind", "started_on", "ended_on", "hours", "standard", "sections", "reflection", "evidence")


class TargetForm(FlaskForm):
    """A Professional Review and Development target; the year's and the goal's choices are set by the view."""

    title = StringField("Target", validators=[DataRequired("Say what the target is."), Length(max=200)])
    description = TextAreaField(
        "What you will do, and how you will know",
        validators=[Optional(), Length(max=4000)],
        description="Optional. Never learners' names.",
    )
    year = SelectField("School year of the PRD cycle", coerce=int, choices=[])
    goal = SelectField(
        "Linked goal in your development plan",
        coerce=int,
        choices=[],
        description="Optional: your reviewer then sees the goal and its progress beside the target.",
    )
    reviewer_email = EmailField(
        "Share with your reviewer (their e-mail)",
        validators=[Optional(), Length(max=254)],
        description="For Professional Review and Development. Leave empty to keep the target private.",
    )


class SettingsForm(FlaskForm):
    signoff_on = DateField(
        "Your GTCS Professional Update sign-off date",
        validators=[Optional()],
        description="The date on your MyGTCS account. The pack can then show the five years up to it. Leave "
        "empty to remove it.",
    )


class PeriodForm(FlaskForm):
    class Meta:
        csrf = False  # a GET filter

    start = DateField("From", validators=[Optional()])
    end = DateField("To", validators=[Optional()])
