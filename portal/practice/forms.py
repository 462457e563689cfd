"""Forms for accounts of practice: the account, files, review, "Used this", presenting, reviewers."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import EmailField, RadioField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from portal.core.forms import MultiCheckboxField
from portal.organisations.models import SECTOR_LABELS
from portal.practice.models import VISIBILITY_LABELS
from portal.practice.services import MAX_TEXT
from portal.practice.vocabularies import ABSTRACT_WORDS, KEY_FEATURES, MEASURE_TYPES, PROGRAMMES, STAGES, TAGS


def choices(pairs) -> list[SelectChoice]:
    return [SelectChoice(k, v) for k, v in pairs]


NO_NAMES = "Never learners' names; name schools only as far as the team chooses to."


class AccountForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired("Give the account a title."), Length(max=200)])
    abstract = TextAreaField(
        "Abstract",
        description=f"What you changed and what happened, in {ABSTRACT_WORDS} words or fewer: readers see this first.",
        validators=[Length(max=MAX_TEXT)],
    )
    question = TextAreaField("Our enquiry question", validators=[Length(max=MAX_TEXT)])
    context = TextAreaField(
        "Context",
        description="Sectors, stages, authorities and kinds of establishment. " + NO_NAMES,
        validators=[Length(max=MAX_TEXT)],
    )
    change = TextAreaField("The small change we made", validators=[Length(max=MAX_TEXT)])
    beneficiaries = TextAreaField("Who benefited", validators=[Length(max=MAX_TEXT)])
    findings = TextAreaField(
        "What we found",
        description="Qualitative findings and observations. " + NO_NAMES,
        validators=[Length(max=MAX_TEXT)],
    )
    not_worked = TextAreaField("What did not work", validators=[Length(max=MAX_TEXT)])
    next_steps = TextAreaField("What we would do next", validators=[Length(max=MAX_TEXT)])
    programme = SelectField("Programme", choices=choices(PROGRAMMES.items()))
    features = MultiCheckboxField("Key features of collaboration this shows", choices=choices(KEY_FEATURES.items()))
    sector = MultiCheckboxField("Sectors", choices=choices(SECTOR_LABELS.items()))
    stage = MultiCheckboxField("Stages (Curriculum for Excellence levels)", choices=choices(STAGES.items()))
    la = MultiCheckboxField("Local authorities", choices=[])
    measure = MultiCheckboxField("Kinds of measure", choices=choices(MEASURE_TYPES.items()))
    tag = MultiCheckboxField("National priorities, drivers and quality indicators", choices=choices(TAGS.items()))
    visibility = RadioField(
        "Who may read it once published", choices=choices(VISIBILITY_LABELS.items()), default="partnership"
    )

    FACETS = ("features", "sector", "stage", "la", "measure", "tag")
    TEXTS = (
        "title",
        "abstract",
        "question",
        "context",
        "change",
        "beneficiaries",
        "findings",
        "not_worked",
        "next_steps",
    )


class FileForm(FlaskForm):
    file = FileField(
        "Image or file", description="PNG, JPG, PDF, Word, Excel, PowerPoint, CSV or text; up to 5 MB; three at most"
    )
    description = StringField(
        "Describe it",
        description="For images: what it shows, for people who cannot see it. No faces of learners.",
        validators=[Optional(), Length(max=300)],
    )


class ReviewForm(FlaskForm):
    decision = RadioField(
        "Decision",
        choices=choices([("return", "Return to the team with comments"), ("publish", "Publish")]),
        validators=[DataRequired("Choose to return or publish the account.")],
    )
    visibility = RadioField("Who may read it", choices=choices(VISIBILITY_LABELS.items()), validators=[Optional()])
    comment = TextAreaField("Comments for the team", validators=[Optional(), Length(max=5000)])


class UseForm(FlaskForm):
    note = TextAreaField(
        "What your school tried (optional)",
        validators=[Optional(), Length(max=500)],
        description="A sentence or two: the team sees it. Up to 500 characters.",
    )


class PresentForm(FlaskForm):
    event_id = SelectField(
        "Sharing event", coerce=int, choices=[], validators=[DataRequired("Choose one of your team's sharing events.")]
    )


class ReviewerForm(FlaskForm):
    email = EmailField(
        "E-mail address of the new reviewer",
        validators=[DataRequired("Enter the reviewer's e-mail address."), Length(max=254)],
    )
