"""The rating buttons written in Python write what the template's loop over the scale wrote."""

from types import SimpleNamespace

import pytest

from portal.leadership.markup import rating_radios

# The markup _statement.html wrote with a loop over the levels, kept here to compare with.
TEMPLATE_LOOP = """{% for level in levels %}
    <div class="ds_radio ds_radio--small"><input class="ds_radio__input" type="radio" {#
        #}id="rating-{{ item_id }}-{{ level.value }}" name="rating-{{ item_id }}" value="{{ level.value }}" {#
        #}{{ 'checked' if rating == level.value|string }}>
      <label class="ds_radio__label" for="rating-{{ item_id }}-{{ level.value }}">{#
        #}{{ level.value }} {{ level.label }}</label></div>
  {% endfor %}"""

LEVELS = [SimpleNamespace(value=v, label=label) for v, label in [(1, "Not yet"), (2, 'A "<b>" & co'), (3, "Strong")]]


@pytest.mark.parametrize("rating", ["", "1", "2", "3", "7", "x", "<b>"])
@pytest.mark.parametrize("item_id", [1, 4321])
def test_rating_radios_write_what_the_template_loop_wrote(app, item_id, rating):
    loop = app.jinja_env.from_string(TEMPLATE_LOOP)
    expected = loop.render(item_id=item_id, levels=LEVELS, rating=rating)
    assert str(rating_radios(item_id, LEVELS, rating)) == expected
    assert rating_radios(item_id, [], rating) == loop.render(item_id=item_id, levels=[], rating=rating) == ""


def test_the_statement_template_uses_the_filter(app):
    written = app.jinja_env.from_string("{{ 5|rating_radios(levels, '3') }}").render(levels=LEVELS)
    assert written == str(rating_radios(5, LEVELS, "3"))
    assert 'value="3" checked>' in written and "&#34;&lt;b&gt;&#34; &amp; co" in written
