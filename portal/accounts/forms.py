"""Forms for signing in, passwords, profiles, invitations and roles."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    SelectChoice,
    SelectField,
    StringField,
)
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional

from portal.core.forms import MultiCheckboxField
from portal.core.roles import ROLE_LABELS

ROLE_CHOICES = [SelectChoice(str(r), label) for r, label in ROLE_LABELS.items()]


class SignInForm(FlaskForm):
    email = EmailField("E-mail address", validators=[DataRequired("Enter your e-mail address.")])
    password = PasswordField("Password", validators=[DataRequired("Enter your password.")])


class SetPasswordForm(FlaskForm):
    password = PasswordField(
        "New password",
        validators=[DataRequired("Enter a new password."), Length(min=12, message="Use at least 12 characters.")],
    )
    confirm = PasswordField(
        "Confirm new password",
        validators=[DataRequired("Enter the password again."), EqualTo("password", "The two passwords do not match.")],
    )


class ForgotPasswordForm(FlaskForm):
    email = EmailField(
        "E-mail address",
        validators=[DataRequired("Enter your e-mail address."), Email("Enter an e-mail address like name@school.org.")],
    )


class EstablishmentField(StringField):
    """An establishment named by its SEED code or exact name; resolved to the record by the view."""

    def __call__(self, **kwargs):
        # The datalist that `establishment_field` in _macros/forms.html fills with suggestions.
        kwargs.setdefault("list", f"{self.id}-options")
        kwargs.setdefault("autocomplete", "off")
        return super().__call__(**kwargs)


class ProfileForm(FlaskForm):
    name = StringField("Full name", validators=[DataRequired("Enter your name."), Length(max=120)])
    job_title = StringField("Job title", validators=[Optional(), Length(max=120)])
    establishment = EstablishmentField(
        "Establishment",
        description="Its SEED code or its full name, e.g. 8300123 or Riverside Primary",
        validators=[Optional()],
    )
    promoted = BooleanField("I hold a promoted post (for example depute head, principal teacher)")


class InviteForm(ProfileForm):
    email = EmailField(
        "E-mail address",
        validators=[
            DataRequired("Enter their e-mail address."),
            Email("Enter an e-mail address like name@school.org."),
        ],
    )
    establishment = EstablishmentField(
        "Establishment",
        description="Its SEED code or its full name",
        validators=[DataRequired("Enter their establishment.")],
    )
    roles = MultiCheckboxField("Roles", choices=ROLE_CHOICES)
    promoted = BooleanField("Holds a promoted post")


class RolesForm(FlaskForm):
    roles = MultiCheckboxField("Roles", choices=ROLE_CHOICES)
    authority = SelectField("Local authority (for LA officers)", coerce=int, validators=[Optional()])
    active = BooleanField("Account active (can sign in)")


class CsvUploadForm(FlaskForm):
    file = FileField(
        "CSV file", validators=[FileRequired("Choose a CSV file."), FileAllowed(["csv", "txt"], "Choose a .csv file.")]
    )


class CodeForm(FlaskForm):
    code = StringField(
        "Code",
        description="The 6 digits your authenticator app shows, or a recovery code",
        validators=[DataRequired("Enter the code."), Length(max=20)],
    )


class ChangePasswordForm(SetPasswordForm):
    current = PasswordField("Current password", validators=[DataRequired("Enter your current password.")])
