"""Forms for development plans and leadership cohorts."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    DateField,
    EmailField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from portal.core.forms import MultiCheckboxField
from portal.leadership.models import END_REVIEW, GOAL_STATUSES, MIDPOINT_REVIEW
from portal.leadership.modules import MODULES


class PriorityForm(FlaskForm):
    title = StringField("Priority", validators=[DataRequired("Enter the priority."), Length(max=200)])
    notes = TextAreaField("Your notes on this priority", validators=[Optional(), Length(max=4000)])


class GoalForm(FlaskForm):
    what = TextAreaField(
        "What I want to achieve", validators=[DataRequired("Say what you want to achieve."), Length(max=4000)]
    )
    actions = TextAreaField(
        "Actions I will take", validators=[DataRequired("List the actions you will take."), Length(max=4000)]
    )
    success = TextAreaField(
        "How I will know", validators=[DataRequired("Say how you will know you have achieved it."), Length(max=4000)]
    )
    due_on = DateField("By when", validators=[Optional()], description="For example 2027-03-31")


class ModulesForm(FlaskForm):
    modules = MultiCheckboxField(
        "Modules I will take", choices=[SelectChoice(m.key, f"Module {m.number}: {m.title}") for m in MODULES]
    )


class LearningRequestForm(FlaskForm):
    text = TextAreaField(
        "Professional learning I need that is not on offer",
        validators=[DataRequired("Describe the professional learning you need."), Length(max=2000)],
    )


class ShareForm(FlaskForm):
    email = EmailField(
        "E-mail address of your key facilitator or the lead officer",
        validators=[DataRequired("Enter an e-mail address.")],
    )


class CommentForm(FlaskForm):
    body = TextAreaField("Comment", validators=[DataRequired("Write a comment."), Length(max=4000)])
    goal = SelectField("About", coerce=int, validators=[Optional()])  # 0: the whole plan


class ReopenForm(FlaskForm):
    note = TextAreaField(
        "What you want to change, and why",
        description="Your reviewer sees this beside the changes and agrees the plan again.",
        validators=[DataRequired("Say what you want to change and why."), Length(max=2000)],
    )


class ProgressForm(FlaskForm):
    """A progress update on one goal (prefix g<goal id>); the evidence choices are set by the view."""

    note = TextAreaField(
        "Progress note", validators=[DataRequired("Write a short note on your progress."), Length(max=1000)]
    )
    status = SelectField("Status", choices=[SelectChoice(k, v) for k, v in GOAL_STATUSES.items()])
    evidence = FileField("Evidence file (optional)")
    team = SelectField("Evidence: your team's enquiry (optional)", coerce=int, validators=[Optional()])
    booking = SelectField("Evidence: a session you attended (optional)", coerce=int, validators=[Optional()])


class ReflectionForm(FlaskForm):
    reflection = TextAreaField(
        "Final reflection on this goal",
        description="What changed in your practice, for learners and for colleagues.",
        validators=[DataRequired("Write your reflection."), Length(max=4000)],
    )


class ReviewForm(FlaskForm):
    kind = SelectField(
        "Review",
        choices=[SelectChoice(MIDPOINT_REVIEW, "Midpoint review"), SelectChoice(END_REVIEW, "End-of-year review")],
    )
    met_on = DateField("Date you met", validators=[DataRequired("Enter the date you met.")])
    record = TextAreaField(
        "Record of the meeting", validators=[DataRequired("Write a record of the meeting."), Length(max=4000)]
    )
    next_steps = TextAreaField(
        "Next steps agreed", validators=[DataRequired("Write the next steps you agreed."), Length(max=2000)]
    )


class CohortForm(FlaskForm):
    year = SelectField("Programme year", coerce=int)
    name = StringField("Cohort name", validators=[DataRequired("Enter a name."), Length(max=80)])
    first_day = DateField(
        "First introductory day",
        validators=[Optional()],
        description="With a date, the cohort's sessions are scheduled from it",
    )
    place = StringField("Venue for the sessions", validators=[Optional(), Length(max=300)])


class YearForm(FlaskForm):
    label = StringField(
        "Year",
        description="For example 2026-27",
        validators=[DataRequired("Enter the year."), Length(max=20)],
    )
    starts_on = DateField("Starts on", validators=[DataRequired("Enter the start date.")])
    ends_on = DateField("Ends on", validators=[DataRequired("Enter the end date.")])


class NominateForm(FlaskForm):
    email = EmailField("Senior leader's e-mail address", validators=[DataRequired("Enter an e-mail address.")])
