"""How a report table's cell is written: the `report_cell` filter writes what the template macro it replaced wrote."""

from datetime import date
from decimal import Decimal

import pytest

# The macro the pages used before the filter (templates/reports/_macros.html), kept here as the reference.
MACRO = """{% macro cell(value, kind) -%}
{%- if value is none %}<span class="wp_hint">not shown</span>
{%- elif kind == 'percent' %}{{ '%d%%'|format((value * 100)|round) }}
{%- elif kind == 'decimal' %}{{ '%.2f'|format(value) }}
{%- elif kind == 'date' %}{{ value|long_date }}
{%- else %}{{ value }}{% endif -%}
{%- endmacro %}"""

VALUES = [
    (None, "int"), (None, "percent"), (0, "int"), (1234, "int"), (0.125, "percent"), (0.135, "percent"),
    (Decimal("0.995"), "percent"), (1, "percent"), (-0.004, "percent"), (2.675, "decimal"),
    (Decimal("3.125"), "decimal"), (0.0, "decimal"), (date(2026, 3, 1), "date"), ("Ann & Bob <b>", "text"),
    ("Team 3", "text"), (0.5, "text"),
]  # fmt: skip


@pytest.mark.parametrize("value, kind", VALUES)
def test_the_filter_writes_what_the_macro_wrote(app, value, kind):
    with app.test_request_context():
        macro = app.jinja_env.from_string(MACRO + "{{ cell(value, kind) }}|{{ cell(value, kind)|striptags }}")
        mine = app.jinja_env.from_string("{{ value|report_cell(kind) }}|{{ value|report_cell(kind)|striptags }}")
        assert mine.render(value=value, kind=kind) == macro.render(value=value, kind=kind)
