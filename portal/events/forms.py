"""Forms for events: the list filter (GET), an event, a series of dated events."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    Form,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from portal.core.inputs import bounded_int
from portal.events.policies import registered, registered_kind_label, registered_kinds

KINDS = {
    "intro_day": "Introductory day",
    "module": "Module",
    "support_network": "Support network meeting",
    "launch_webinar": "Launch webinar",
    "webinar": "Webinar",
    "drop_in": "Drop-in",
    "sharing_event": "Sharing event",
    "launch": "Launch",
    "matching_event": "Matching event",
    "workshop": "Workshop",
    "meeting": "Meeting",
}


def all_kinds() -> dict[str, str]:
    """The general kinds and every kind a domain registered with its events policy (one list for all)."""
    return KINDS | registered_kinds()


def kind_label(kind: str) -> str:
    return registered_kind_label(kind) or KINDS.get(kind) or "Event"  # never show an internal code


def _kind_choices(blank: str | None = None) -> list:
    head = [SelectChoice("", blank)] if blank else []
    return head + [SelectChoice(k, v) for k, v in all_kinds().items()]


def _context_choices() -> list:
    return [SelectChoice(ct, policy.label) for ct, policy in registered().items()]


def _optional_int(value):
    return bounded_int(value, low=1) if value not in (None, "") else None


class EventFilterForm(Form):
    kind = SelectField("Kind of event", validate_choice=False)
    context = SelectField("Run by", validate_choice=False)
    context_id = StringField("Context", filters=[_optional_int])
    past = BooleanField("Show past events")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = _kind_choices("All kinds")
        self.context.choices = [SelectChoice("", "Everyone"), *_context_choices()]


class _EventFields(FlaskForm):
    title = StringField("Title", validators=[DataRequired("Enter a title."), Length(max=200)])
    description = TextAreaField("Description", validators=[Optional(), Length(max=5000)])
    kind = SelectField(
        "Kind of event",
        validators=[DataRequired("Choose what kind of event this is.")],
        invalid_choice_message="Choose one of the kinds of event listed.",
    )
    start_time = TimeField("Start time", validators=[DataRequired("Enter a start time, like 16:00.")])
    end_time = TimeField("End time", validators=[DataRequired("Enter an end time, like 17:30.")])
    location = StringField(
        "Place", description="Leave empty for online-only events", validators=[Optional(), Length(max=300)]
    )
    online_url = StringField(
        "Online link",
        description="Shown only to people with a place",
        validators=[Optional(), Length(max=500)],
    )
    capacity = IntegerField(
        "Places",
        description="Leave empty for no limit",
        validators=[Optional(), NumberRange(min=1, message="Places must be 1 or more.")],
    )
    compulsory = BooleanField("Everyone in the group attends")
    context_type = SelectField("Run by", validate_choice=False)
    context_id = IntegerField(
        "Group number",
        description="For example the theme or cohort number; leave empty for partnership-wide events",
        validators=[Optional()],
    )
    organiser = EmailField(
        "Organiser's e-mail address",
        description="They keep the register; optional",
        validators=[Optional(), Length(max=254)],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = _kind_choices()
        self.context_type.choices = _context_choices()


class EventForm(_EventFields):
    day = DateField("Date", validators=[DataRequired("Enter the date, like 2027-03-14.")])
    cancelled = BooleanField("Cancel this event (everyone booked is told)")


class SeriesForm(_EventFields):
    first_date = DateField(
        "First date",
        validators=[DataRequired("Enter the first date.")],
        description="The series repeats on the same weekday of each month",
    )
    count = IntegerField(
        "Number of dates",
        default=6,
        validators=[
            DataRequired("Enter how many dates."),
            NumberRange(1, 36, "Choose between 1 and 36 dates."),
        ],
    )
