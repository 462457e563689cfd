"""Forms for themes, teams, plan sections, measures and evidence."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    DateField,
    EmailField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
    URLField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from portal.core.inputs import MAX_INT
from portal.enquiries.plan_models import MEASURE_KINDS, MEASURE_SHOWS, MEASURE_UNITS, NOTE_KINDS
from portal.enquiries.sections import MAX_TEXT


def _choices(labels: dict) -> list:
    return [SelectChoice(k, v) for k, v in labels.items()]


DATE_HINT = "For example, 14/03/2021"


class ThemeForm(FlaskForm):
    school_year = StringField(
        "School year", description="For example, 2020-21", validators=[DataRequired("Enter the school year.")]
    )
    title = StringField("Title", validators=[DataRequired("Enter the theme's title."), Length(max=160)])
    description = TextAreaField("Description", validators=[Optional(), Length(max=MAX_TEXT)])


class ResourceForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired("Enter a title for the resource."), Length(max=200)])
    url = URLField(
        "Link", description="A web address, or leave empty and choose a file", validators=[Optional(), Length(max=500)]
    )
    file = FileField("File", description="PDF, Word, Excel, PowerPoint, image, CSV or text; up to 5 MB")


class TeamForm(FlaskForm):
    name = StringField("Team name", validators=[DataRequired("Give the team a name."), Length(max=160)])
    shared_goal = TextAreaField(
        "Our shared goal",
        description="What the team agrees to work towards together",
        validators=[Optional(), Length(max=MAX_TEXT)],
    )


class InviteForm(FlaskForm):
    email = EmailField(
        "Colleague's e-mail address",
        description="They sign in with this address to join",
        validators=[DataRequired("Enter their e-mail address."), Length(max=254)],
    )


class JoinRequestForm(FlaskForm):
    message = TextAreaField("Message to the team (optional)", validators=[Optional(), Length(max=1000)])


class SectionForm(FlaskForm):
    text = TextAreaField("Text", validators=[Optional(), Length(max=MAX_TEXT)])
    version = IntegerField("Version", validators=[Optional(), NumberRange(min=0, max=MAX_INT)])


class StatusForm(FlaskForm):
    status = HiddenField("Status", validators=[DataRequired()])


class MeasureForm(FlaskForm):
    name = StringField("Name of the measure", validators=[DataRequired("Name the measure."), Length(max=200)])
    kind = SelectField("Kind", choices=_choices(MEASURE_KINDS))
    shows = SelectField(
        "What it shows",
        choices=_choices(MEASURE_SHOWS),
        description="Outcome: the result for learners; process: whether the change happens as "
        "planned; balancing: anything that gets worse because of it",
    )
    unit = SelectField(
        "What it counts",
        choices=_choices(MEASURE_UNITS),
        validate_choice=False,  # the service checks
        description="For a quantitative measure: its values are checked against this",
    )
    baseline = StringField(
        "Baseline", description="A number for a quantitative measure", validators=[Optional(), Length(max=200)]
    )
    target = StringField("Target or prediction", validators=[Optional(), Length(max=200)])
    how_collected = TextAreaField("How it is collected", validators=[Optional(), Length(max=MAX_TEXT)])
    when_collected = StringField(
        "When it is collected", description="For example, every Friday", validators=[Optional(), Length(max=200)]
    )


class DataPointForm(FlaskForm):
    on = DateField("Date", description=DATE_HINT, validators=[Optional()])
    value = StringField("Value", description="A number, e.g. 12 or 3.5")
    note = StringField("Note (optional)", validators=[Optional(), Length(max=300)])


class NoteForm(FlaskForm):
    kind = SelectField("Kind of evidence", choices=_choices(NOTE_KINDS))
    on = DateField("Date", description=DATE_HINT, validators=[Optional()])
    observer = StringField("Who observed or collected it", validators=[Length(max=160)])
    measure_id = SelectField("Measure it is evidence for", coerce=int, validate_choice=False, default=0)
    cycle_id = SelectField("Cycle of change it belongs to", coerce=int, validate_choice=False, default=0)
    focus = StringField(
        "Observation focus",
        description="For a direct observation: what you agreed to look for, e.g. how pupils explain their measuring",
        validators=[Optional(), Length(max=200)],
    )
    text = TextAreaField("What was seen or said", validators=[Length(max=MAX_TEXT)])
    responses = TextAreaField(
        "Learners' responses", description="For a direct observation", validators=[Optional(), Length(max=MAX_TEXT)]
    )
    next_steps = TextAreaField(
        "What next", description="For a direct observation", validators=[Optional(), Length(max=MAX_TEXT)]
    )
    file = FileField("Attachment (optional)", description="PDF, Word, Excel, image, CSV or text; up to 5 MB")


class FacilitatorForm(FlaskForm):
    email = EmailField("Facilitator's e-mail address", validators=[DataRequired("Enter their e-mail address.")])
