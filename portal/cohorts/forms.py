"""Forms for cohorts, nominations, the interests survey and the confidence questionnaire."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from portal.cohorts.models import EVENT_DATES
from portal.cohorts.rules import CONFIDENCE_ITEMS, QUESTION_CHECKLIST, SCALE


def choices(pairs) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


class CohortForm(FlaskForm):
    school_year = StringField(
        "School year", description="For example 2026-27", validators=[DataRequired("Enter the school year.")]
    )
    letter = SelectField("Cohort", choices=choices([("A", "Cohort A"), ("B", "Cohort B")]))
    team_count = IntegerField(
        "Number of teams", default=8, validators=[NumberRange(2, 20, "Choose between 2 and 20 teams.")]
    )
    interests = TextAreaField(
        "Interests participants choose from",
        description="One per line",
        validators=[DataRequired("List the interests."), Length(max=4000)],
    )


for _attr, _label in EVENT_DATES:
    setattr(CohortForm, _attr, DateField(_label, validators=[Optional()], description="Leave blank if not set"))


class AdvanceForm(FlaskForm):
    reason = TextAreaField("Why go ahead although some rules are not met?", validators=[Optional(), Length(max=2000)])


class NominateForm(FlaskForm):
    establishment = SelectField(
        "Establishment", coerce=int, validators=[DataRequired("Choose an establishment to nominate.")]
    )


class PeopleForm(FlaskForm):
    """Name the promoted member of staff and the practitioner: pick someone, or invite someone new."""

    leader = SelectField("Promoted member of staff", coerce=int, validate_choice=False)
    leader_name = StringField("Or invite someone new: full name", validators=[Optional(), Length(max=120)])
    leader_email = EmailField("Their e-mail address", validators=[Optional(), Email("Enter a valid e-mail address.")])
    practitioner = SelectField("Practitioner", coerce=int, validate_choice=False)
    practitioner_name = StringField("Or invite someone new: full name", validators=[Optional(), Length(max=120)])
    practitioner_email = EmailField(
        "Their e-mail address", validators=[Optional(), Email("Enter a valid e-mail address.")]
    )


class FacilitatorForm(FlaskForm):
    facilitator = SelectField("Key facilitator", coerce=int, validators=[DataRequired("Choose a key facilitator.")])
    interests = StringField(
        "Their interests (optional)",
        description="Comma-separated, used to fit them to a team",
        validators=[Optional(), Length(max=300)],
    )


class InterestsForm(FlaskForm):
    first = SelectField("First choice", validators=[DataRequired("Choose your first interest.")])
    second = SelectField("Second choice", validators=[DataRequired("Choose your second interest.")])
    third = SelectField("Third choice", validators=[DataRequired("Choose your third interest.")])
    hunch = TextAreaField(
        "Your hunch",
        description="The question you wonder about in your own practice, in a sentence or two.",
        validators=[DataRequired("Write your hunch."), Length(max=2000)],
    )

    def set_interests(self, interests: list[str]) -> None:
        for f in (self.first, self.second, self.third):
            f.choices = choices([("", "Choose an interest"), *((i, i) for i in interests)])


class ConfidenceForm(FlaskForm):
    pass


for _key, _label in CONFIDENCE_ITEMS:
    setattr(
        ConfidenceForm,
        _key,
        RadioField(
            _label,
            coerce=int,
            choices=choices(SCALE.items()),
            validators=[DataRequired("Choose how confident you feel.")],
        ),
    )


class FlagForm(FlaskForm):
    person = HiddenField(validators=[DataRequired()])
    flagged = HiddenField(default="1")


class TeamPlanForm(FlaskForm):
    enquiry_question = TextAreaField(
        "Our enquiry question",
        description="From a hunch to a question: what small change, for which learners, and how will we know?",
        validators=[Optional(), Length(max=1000)],
    )
    checks = SelectMultipleField(
        "Quality checklist: our question...",
        choices=choices(QUESTION_CHECKLIST),
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    observation_plan = TextAreaField(
        "Direct observation plan",
        description="For example lesson study cycles: who observes whom, when, and what you look for.",
        validators=[Optional(), Length(max=4000)],
    )


class MeetingForm(FlaskForm):
    meets_on = DateField("Date", validators=[Optional()])
    held = BooleanField("This meeting has been held")
    notes = TextAreaField("Notes", validators=[Optional(), Length(max=4000)])
    actions = TextAreaField("Actions", validators=[Optional(), Length(max=2000)])
