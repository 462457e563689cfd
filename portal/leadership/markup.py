"""Markup the self-evaluation pages write many times over, written in Python (see rating_radios)."""

from markupsafe import Markup, escape

_RADIO = (
    '\n    <div class="ds_radio ds_radio--small"><input class="ds_radio__input" type="radio" '
    'id="rating-{item}-{value}" name="rating-{item}" value="{value}" {checked}>\n'
    '      <label class="ds_radio__label" for="rating-{item}-{value}">{value} {label}</label></div>\n  '
)


def rating_radios(item_id, levels, rating: str) -> Markup:
    """One statement's radio buttons, a button per level of the scale, the one whose value is `rating` (a string:
    as stored or as typed) checked (the `rating_radios` filter). A filter, not a loop in the template: a domain
    page writes a button per statement and level, and Jinja writes each button in some twenty pieces."""
    item = escape(item_id)
    return Markup(
        "".join(
            _RADIO.format(
                item=item,
                value=escape(level.value),
                label=escape(level.label),
                checked="checked" if rating == str(level.value) else "",
            )
            for level in levels
        )
    )
