"""Forms for forums, meetings, agenda items, minutes, actions, resources and needs."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
    URLField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from portal.core.forms import MultiCheckboxField
from portal.forums.models import NEED_STATUSES

SECTOR_CHOICES = [
    SelectChoice("", "None"),
    SelectChoice("ELC", "Early years"),
    SelectChoice("Primary", "Primary"),
    SelectChoice("ASN", "Additional support needs"),
    SelectChoice("Secondary", "Secondary"),
]


class ForumForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired("Enter the forum's name."), Length(max=120)])
    kind = SelectField(
        "Kind",
        choices=[
            SelectChoice("sector", "Sector forum"),
            SelectChoice("subject", "Secondary curriculum network"),
        ],
    )
    sector = SelectField("Sector", choices=SECTOR_CHOICES, validators=[Optional()])
    subject = StringField("Subject (curriculum networks)", validators=[Optional(), Length(max=80)])
    description = TextAreaField("Description and focus", validators=[Length(max=4000)])
    officer = StringField("Partnership officer's e-mail address", validators=[Optional(), Length(max=254)])


class FocusForm(FlaskForm):
    description = TextAreaField(
        "Description and focus", description="Everyone can read this, members or not.", validators=[Length(max=4000)]
    )
    standing_items = TextAreaField(
        "Standing agenda items",
        description="One a line: every new meeting's draft agenda starts with these.",
        validators=[Length(max=2000)],
    )


class NetworkForm(FlaskForm):
    name = StringField(
        "Name of the specialist network",
        description="For example: Enquiry network, School visits, Youth voice",
        validators=[DataRequired("Enter the network's name."), Length(max=120)],
    )
    description = TextAreaField("Its focus", validators=[Length(max=4000)])


class MeetingForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired("Enter a title for the meeting."), Length(max=160)])
    day = DateField("Date", validators=[Optional()], description="For example 2026-03-17")
    start = TimeField("Start time", validators=[Optional()])
    end = TimeField("End time", validators=[Optional()])
    place = StringField("Place", description="Leave empty for an online-only meeting", validators=[Length(max=200)])
    online_link = URLField(
        "Online link",
        validators=[Optional(), Length(max=500)],
        description="For example a Teams or Zoom link",
    )
    formal = BooleanField("Formal meeting (a forum holds up to three a school year)", default=True)
    record_past = BooleanField("Record a past meeting (it has already happened)")


class ItemForm(FlaskForm):
    title = StringField("Item title", validators=[DataRequired("Enter a title for the agenda item."), Length(max=200)])
    lead = StringField("Lead person", validators=[Optional(), Length(max=120)])
    allotted_minutes = IntegerField(
        "Minutes allotted",
        default=10,
        validators=[
            Optional(),
            NumberRange(min=0, max=600, message="Minutes allotted cannot be negative or over 600: enter 0 to 600."),
        ],
    )
    notes = TextAreaField("Notes", validators=[Optional(), Length(max=4000)])
    resources = MultiCheckboxField("Linked resources", coerce=int, validate_choice=False)


class MoveForm(FlaskForm):
    version = HiddenField()


class ActionRecordForm(FlaskForm):
    what = StringField("What is to be done", validators=[DataRequired("Enter what is to be done."), Length(max=300)])
    who = StringField("Who", validators=[Optional(), Length(max=120)])
    due = DateField("By when", validators=[Optional()])


class AttendanceForm(FlaskForm):
    """The meeting's register; the choices (the forum's members) are set by the view."""

    attended = MultiCheckboxField("Who attended", coerce=int, choices=[])


class ResourceForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired("Enter a title for the resource."), Length(max=200)])
    description = TextAreaField("Description", validators=[Optional(), Length(max=2000)])
    tags = StringField(
        "Tags",
        description="Separated by commas, for example: play, transitions, outdoor learning",
        validators=[Optional(), Length(max=300)],
    )
    url = URLField("Link", description="A web address, or leave empty and choose a file", validators=[Optional()])
    file = FileField("File")


class NeedForm(FlaskForm):
    title = StringField(
        "Development need",
        validators=[DataRequired("Enter the development need in a few words."), Length(max=200)],
    )
    detail = TextAreaField("Detail", validators=[Optional(), Length(max=4000)])
    raised_by = StringField(
        "Raised by",
        description="For example: several members at the March meeting",
        validators=[Optional(), Length(max=200)],
    )


class TriageForm(FlaskForm):
    decision = SelectField(
        "Decision",
        choices=[
            SelectChoice("", "Choose a decision"),
            SelectChoice("accept", "Accept: the partnership team will respond with professional learning"),
            SelectChoice("decline", "Decline"),
            SelectChoice("merge", "Merge into another need of this forum"),
        ],
    )
    merge_into = SelectField("Need to merge it into", coerce=int, validators=[Optional()])
    note = TextAreaField(
        "A note for the member who raised it",
        validators=[Length(max=1000)],
        description="Required when declining.",
    )


class ResponseForm(FlaskForm):
    status = SelectField(
        "Status", choices=[SelectChoice(k, v) for k, v in NEED_STATUSES.items()], validators=[InputRequired()]
    )
    offer = TextAreaField("Professional learning offered", validators=[Optional(), Length(max=4000)])
    offer_event = SelectField(
        "Event on this portal",
        coerce=int,
        validators=[Optional()],
        description="Members can book it from the forum's page",
    )
    offer_url = URLField(
        "Or a link to a course elsewhere",
        validators=[Optional(), Length(max=500)],
    )
