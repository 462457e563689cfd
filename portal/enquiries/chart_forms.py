"""Forms for a measure's chart: which direction is better, run chart or XmR, and where phases start."""

from flask_wtf import FlaskForm
from wtforms import DateField, RadioField, SelectChoice, StringField
from wtforms.validators import Length, Optional

from portal.enquiries.runchart import BETTER, CHART_KINDS

DATE_HINT = "For example, 14/03/2021"


class ChartSettingsForm(FlaskForm):
    better = RadioField(
        "Which direction is better?", choices=[SelectChoice(k, v) for k, v in BETTER.items()], default=""
    )
    chart = RadioField("Kind of chart", choices=[SelectChoice(k, v) for k, v in CHART_KINDS.items()], default="run")


class PhaseForm(FlaskForm):
    starts_on = DateField("When the new phase starts", description=DATE_HINT, validators=[Optional()])
    label = StringField(
        "What changed",
        description="For example, New timetable",
        validators=[Length(max=80, message="Keep it to 80 characters.")],
    )
