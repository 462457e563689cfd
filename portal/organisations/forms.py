"""Filter form for the establishments list (a plain GET form, enhanced by htmx)."""

from wtforms import Form, SearchField, SelectChoice, SelectField

from portal.core.inputs import bounded_int
from portal.organisations.models import SECTOR_LABELS


class EstablishmentFilterForm(Form):
    q = SearchField("Name or SEED code")
    authority = SelectField("Local authority", coerce=lambda v: bounded_int(v, low=1))
    sector = SelectField(
        "Sector", choices=[SelectChoice("", "All sectors"), *(SelectChoice(k, v) for k, v in SECTOR_LABELS.items())]
    )
