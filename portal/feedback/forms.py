"""Forms: event feedback, an end-of-year evaluation, and the lead officer's round dates."""

from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, IntegerField, RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange

from portal.feedback.evaluation import TEXT_LIMIT as EVALUATION_LIMIT
from portal.feedback.models import CONFIDENCE_LABELS, PROGRESS_LABELS, RATING_LABELS
from portal.feedback.services import TEXT_LIMIT


def scale(label: str, labels: dict, message: str) -> RadioField:
    return RadioField(
        label, choices=[SelectChoice(k, v) for k, v in labels.items()], coerce=int, validators=[InputRequired(message)]
    )


class FeedbackForm(FlaskForm):
    # "new" for a first answer, "correct" when the person corrects the answer shown to them: a second first
    # answer (another tab) is refused with a message instead of overwriting the first.
    mode = HiddenField(default="new")
    rating = scale("How useful was this event to you?", RATING_LABELS, "Choose how useful the event was.")
    confidence_before = scale(
        "Before the event, how confident were you about its focus?", CONFIDENCE_LABELS, "Choose your confidence before."
    )
    confidence_after = scale(
        "Now, after the event, how confident are you about its focus?", CONFIDENCE_LABELS, "Choose your confidence now."
    )
    do_differently = TextAreaField(
        "What will you do differently after this event?",
        validators=[Length(max=TEXT_LIMIT)],
        description="Optional. Organisers read this without your name, and only when at least five people answer",
    )


class EvaluationForm(FlaskForm):
    mode = HiddenField(default="new")
    progress = scale("How much progress has your project made this year?", PROGRESS_LABELS, "Choose your progress.")
    impact = scale("How much impact has it had on learners or practice?", PROGRESS_LABELS, "Choose the impact.")
    progress_text = TextAreaField(
        "Describe the progress and impact", validators=[Length(max=EVALUATION_LIMIT)], description="Optional"
    )
    helped = TextAreaField("What helped?", validators=[Length(max=EVALUATION_LIMIT)], description="Optional")
    hindered = TextAreaField("What hindered?", validators=[Length(max=EVALUATION_LIMIT)], description="Optional")


class RoundForm(FlaskForm):
    school_year = IntegerField(
        "School year (the year it starts)",
        validators=[InputRequired(), NumberRange(2000, 2100)],
        description="For example 2026 for 2026-27",
    )
    opens_on = DateField("Opens on", validators=[InputRequired()])
    closes_on = DateField("Closes on", validators=[InputRequired()])


class RoundDatesForm(FlaskForm):
    opens_on = DateField("Opens on", validators=[InputRequired()])
    closes_on = DateField("Closes on", validators=[InputRequired()])
