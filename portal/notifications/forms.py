"""The e-mail preferences form: one choice per kind of notification."""

from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField

from portal.notifications.kinds import KINDS, MODES


def preferences_form(current: dict[str, str]) -> FlaskForm:
    """A form with one select per kind, set to the person's current modes."""

    class PreferencesForm(FlaskForm):
        pass

    choices = [SelectChoice(mode, text) for mode, text in MODES.items()]
    for kind, spec in KINDS.items():
        setattr(PreferencesForm, kind, SelectField(spec.label, choices=choices, default=current[kind]))
    return PreferencesForm()
