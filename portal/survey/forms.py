"""Survey forms: a year's survey, its items, invitations by CSV, an open link, and the answers page."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from portal.organisations.models import SECTOR_LABELS, SECTORS
from portal.survey.models import AUDIENCES, ROLE_GROUPS, THEMES, YEARS_IN_POST
from portal.survey.services import OPEN_ANSWER_LIMIT


def required_choices(pairs) -> list[SelectChoice]:
    """A choice that must be made: an empty first option, then the pairs."""
    return [SelectChoice("", "Choose"), *(SelectChoice(k, v) for k, v in pairs)]


class SurveyForm(FlaskForm):
    school_year = IntegerField(
        "School year (the year it starts)",
        validators=[InputRequired(), NumberRange(2000, 2100)],
        description="For example 2026 for 2026/27",
    )
    opens_on = DateField("Opens on", validators=[InputRequired()])
    closes_on = DateField("Closes on", validators=[InputRequired()])


class SurveySettingsForm(FlaskForm):
    opens_on = DateField("Opens on", validators=[InputRequired()])
    closes_on = DateField("Closes on", validators=[InputRequired()])
    open_question = TextAreaField("The open question", validators=[DataRequired(), Length(max=300)])


class ItemForm(FlaskForm):
    theme = SelectField("Theme", choices=[SelectChoice(k, v) for k, v in THEMES])
    audience = SelectField("Who answers it", choices=[SelectChoice(k, v) for k, v in AUDIENCES.items()])
    text = TextAreaField(
        "Statement",
        validators=[DataRequired(), Length(max=300)],
        description="In the portal's own words; people answer from Strongly agree to Strongly disagree",
    )


class InvitationImportForm(FlaskForm):
    establishment = StringField("Establishment (SEED code or exact name)", validators=[DataRequired(), Length(max=12)])
    file = FileField(
        "CSV file",
        validators=[FileRequired()],
        description="Columns email,version (version is slt or staff); one line per person",
    )


class OpenLinkForm(FlaskForm):
    # Its own id: the invitations page shows this form beside the import form, which has an establishment too.
    establishment = StringField(
        "Establishment (SEED code or exact name)", validators=[DataRequired(), Length(max=12)], id="link-establishment"
    )
    cap = IntegerField("Most responses", validators=[InputRequired(), NumberRange(1, 2000)], default=50)


class AboutForm(FlaskForm):
    """The respondent questions; the agreement items are read from the request by their keys."""

    sector = SelectField("Your sector", choices=required_choices([(s, SECTOR_LABELS.get(s, s)) for s in SECTORS]))
    role_group = SelectField("Your role", choices=required_choices(ROLE_GROUPS.items()))
    years_in_post = SelectField("Years in your current post", choices=required_choices(YEARS_IN_POST.items()))
    authority_id = SelectField("Your local authority", choices=[], coerce=str)
    with_establishment = BooleanField("Record my establishment with my answers (optional)")
    open_answer = TextAreaField(validators=[Optional(), Length(max=OPEN_ANSWER_LIMIT)])
