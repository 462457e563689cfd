"""Forms for the framework editor."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length, Optional, Regexp


class NewFrameworkForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired("Enter a title."), Length(max=200)])
    slug = StringField(
        "Short name for addresses",
        description="Lower-case letters, digits and hyphens",
        validators=[
            DataRequired("Enter a short name."),
            Length(max=80),
            Regexp(r"^[a-z0-9-]+$", message="Use lower-case letters, digits and hyphens."),
        ],
    )
    kind = SelectField("Used for", validators=[DataRequired("Choose what it is used for.")])
    scale = SelectField("Rating scale", coerce=int)
    purpose = TextAreaField("Purpose", validators=[Optional(), Length(max=2000)])


class FrameworkForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired("Enter a title."), Length(max=200)])
    purpose = TextAreaField("Purpose", validators=[Optional(), Length(max=2000)])


class SectionForm(FlaskForm):
    title = StringField("Domain title", validators=[DataRequired("Enter the domain title."), Length(max=200)])
    short_title = StringField("Short title for charts", validators=[Optional(), Length(max=60)])
    module = SelectField("Module it points to", validators=[Optional()])
    description = TextAreaField("Description", validators=[Optional(), Length(max=2000)])


class NewSectionForm(FlaskForm):
    title = StringField("New domain title", validators=[DataRequired("Enter the domain title."), Length(max=200)])


class ItemForm(FlaskForm):
    text = TextAreaField("Statement", validators=[DataRequired("Enter the statement."), Length(max=1000)])


class MoveForm(FlaskForm):
    direction = HiddenField(validators=[AnyOf(["up", "down"])])
