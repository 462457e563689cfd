"""Filter form for the establishments list (a plain GET form, enhanced by htmx)."""

from wtforms import Form, SearchField, SelectChoice, SelectField

from portal.organisations.models import SECTOR_LABELS


class EstablishmentFilterForm(Form):
    q = SearchField("Name or SEED code")
    authority = SelectField("Local authority", coerce=lambda v: int(v) if v and str(v).isdigit() else None)
    sector = SelectField("Sector", choices=[SelectChoice("", "All sectors"),
                                            *(SelectChoice(k, v) for k, v in SECTOR_LABELS.items())])
