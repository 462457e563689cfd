"""Form helpers: a CSRF-only form for buttons, and mapping service errors back onto fields."""

from flask_wtf import FlaskForm


class ActionForm(FlaskForm):
    """A form with nothing but the CSRF token, for buttons that change state."""


class ServiceError(Exception):
    """A rule refused a change: carries (field, message) pairs; field None means the whole form."""

    def __init__(self, *errors: tuple[str | None, str]):
        super().__init__("; ".join(message for _, message in errors))
        self.errors = list(errors)


def apply_errors(form, error: ServiceError) -> None:
    """Attach a service's errors to the form's fields (or to form.form_errors)."""
    for field_name, message in error.errors:
        field = getattr(form, field_name, None) if field_name else None
        if field is not None:
            field.errors = [*field.errors, message]
        else:
            form.form_errors.append(message)
