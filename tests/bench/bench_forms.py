"""Benchmark form rendering alone: two of the portal's forms through the shared `field` macro, written by WTForms'
own attribute and option writers and by the portal's (`portal.core.forms`), interleaved in one process so a busy
machine slows both alike; the HTML must be the same.

Run from the repository root: `python tests/bench/bench_forms.py [--rounds 8] [--renders 200]`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import wtforms.widgets  # noqa: E402
import wtforms.widgets.core  # noqa: E402
from wtforms import SelectField, SelectMultipleField  # noqa: E402
from wtforms.widgets import Select  # noqa: E402

from portal import create_app  # noqa: E402
from portal.core import forms  # noqa: E402
from tests.conftest import config_for_tests  # noqa: E402


def _events_filter():
    from portal.events.forms import EventFilterForm

    return EventFilterForm()


def _support_meeting():
    from portal.cohorts.forms import MeetingForm

    return MeetingForm(prefix="m1", formdata=None)


FORMS = {
    "events filter form (3 fields, 31 options)": (
        '{% from "_macros/forms.html" import field %}{{ field(f.kind) }}{{ field(f.context) }}{{ field(f.past) }}',
        _events_filter,
    ),
    "support meeting form (4 fields)": (
        '{% from "_macros/forms.html" import field %}{{ field(f.meets_on, type="date") }}{{ field(f.held) }}'
        "{{ field(f.notes) }}{{ field(f.actions) }}",
        _support_meeting,
    ),
}


def use(portal_writers: bool) -> None:
    """Install the portal's writers (as the app does at start-up) or put WTForms' own back."""
    write = forms._html_params if portal_writers else forms.WTFORMS_HTML_PARAMS
    core = wtforms.widgets.core
    core.html_params = wtforms.widgets.html_params = write
    core.Input.html_params = core.Button.html_params = staticmethod(write)
    SelectField.widget = forms._Select() if portal_writers else Select()
    SelectMultipleField.widget = forms._Select(multiple=True) if portal_writers else Select(multiple=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--renders", type=int, default=200)
    args = parser.parse_args()
    app = create_app(config_for_tests(SQLALCHEMY_DATABASE_URI="sqlite://"))
    with app.test_request_context("/"):
        for name, (source, make) in FORMS.items():
            template, form = app.jinja_env.from_string(source), make()
            best, html = {}, {}
            for _ in range(args.rounds):
                for portal_writers in (False, True):
                    use(portal_writers)
                    html[portal_writers] = template.render(f=form)
                    started = time.process_time()
                    for _ in range(args.renders):
                        template.render(f=form)
                    ms = (time.process_time() - started) / args.renders * 1000
                    best[portal_writers] = min(ms, best.get(portal_writers, ms))
            assert html[False] == html[True], f"{name}: the two writers differ"
            print(f"{name}: WTForms' writers {best[False]:.3f} ms, the portal's {best[True]:.3f} ms (same HTML)")
    use(True)


if __name__ == "__main__":
    main()
