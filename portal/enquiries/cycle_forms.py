"""Forms for the improvement record: aim statement, driver diagram boxes, PDSA cycles, corrections of data points."""

from flask_wtf import FlaskForm
from wtforms import DateField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import Length, Optional

from portal.enquiries.cycle_models import DECISIONS, DRIVER_KINDS
from portal.enquiries.sections import MAX_TEXT

DATE_HINT = "For example, 14/03/2021"


class AimForm(FlaskForm):
    what = StringField(
        "What will improve", description="For example, pupils' confidence in measuring", validators=[Length(max=300)]
    )
    who = StringField(
        "For whom", description="For example, the 52 pupils in our two P4 classes", validators=[Length(max=200)]
    )
    how_much = StringField(
        "By how much",
        description="For example, from 40% to 70% saying they are confident",
        validators=[Length(max=200)],
    )
    by = DateField("By when", description=DATE_HINT, validators=[Optional()])


class DriverForm(FlaskForm):
    kind = SelectField("What it is", choices=[SelectChoice(k, v) for k, v in DRIVER_KINDS.items()])
    parent_id = SelectField(
        "Under which box",
        description="A secondary driver goes under a primary driver; a change idea under a secondary driver",
        coerce=int,
        validate_choice=False,  # the service checks
        default=0,
    )
    text = StringField("Text", validators=[Length(max=200)])


class CycleForm(FlaskForm):
    title = StringField("The change we are testing", validators=[Length(max=120)])
    measure_id = SelectField(
        "Measure it is judged by",
        description="Its chart shows the cycle over the points it covers",
        coerce=int,
        validate_choice=False,
        default=0,
    )
    starts_on = DateField("Starts", description=DATE_HINT, validators=[Optional()])
    ends_on = DateField("Ends (leave empty while it runs)", description=DATE_HINT, validators=[Optional()])
    prediction = TextAreaField("Plan: what we predict will happen", validators=[Length(max=MAX_TEXT)])
    done = TextAreaField("Do: what we did", validators=[Optional(), Length(max=MAX_TEXT)])
    showed = TextAreaField(
        "Study: what the data showed against the prediction", validators=[Optional(), Length(max=MAX_TEXT)]
    )
    decision = SelectField(
        "Act: our decision",
        choices=[SelectChoice("", "Not decided yet")] + [SelectChoice(k, v) for k, v in DECISIONS.items()],
        validate_choice=False,  # the service checks (and a missing answer means not decided yet)
    )


class EditPointForm(FlaskForm):
    on = DateField("Date", description=DATE_HINT, validators=[Optional()])
    value = StringField("Value", description="A number, e.g. 12 or 3.5", validators=[Length(max=40)])
    note = StringField("Note (optional)", validators=[Optional(), Length(max=300)])


def link_choices(form, measures, cycles) -> None:
    """Fill a form's measure and cycle choices (a note's or a cycle's) from the enquiry's own."""
    if hasattr(form, "measure_id"):
        form.measure_id.choices = [SelectChoice(0, "None")] + [SelectChoice(m.id, m.name) for m in measures]
    if hasattr(form, "cycle_id"):
        form.cycle_id.choices = [SelectChoice(0, "None")] + [SelectChoice(c.id, c.title) for c in cycles]


NOTE_FIELDS = ("kind", "on", "observer", "measure_id", "cycle_id", "focus", "text", "responses", "next_steps")


def note_fields(form) -> dict:
    """A note form's fields as the evidence service takes them (no link: 0 becomes None there)."""
    return {f: getattr(form, f).data or (0 if f.endswith("_id") else ("" if f != "on" else None)) for f in NOTE_FIELDS}
