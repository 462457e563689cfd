"""run_form and form_status: the submit cycle every form view shares (validate, act, commit or refuse)."""

import io

from flask import get_flashed_messages
from flask_wtf.file import FileField
from wtforms import StringField
from wtforms.validators import DataRequired

from portal.core.csvimport import ImportResult, RowError
from portal.core.forms import ActionForm, ServiceError, form_status, run_form, run_import
from portal.extensions import db
from tests.factories import authority


class NameForm(ActionForm):
    name = StringField(validators=[DataRequired()])


def _rename(name: str):
    la = authority()
    la.name = name
    db.session.flush()
    return la


def test_success_commits_flashes_and_returns_the_value(app):
    with app.test_request_context(method="POST", data={"name": "Renamed"}):
        form = NameForm()
        done = run_form(form, lambda: _rename(form.name.data), flash_message=lambda la: f"{la.name} saved.")
        assert done and done.ok
        assert done.value.name == "Renamed"
        assert get_flashed_messages(with_categories=True) == [("success", "Renamed saved.")]
        assert form_status(form) == 422  # were the view to show the form again, it would be a re-show
    db.session.rollback()  # only committed changes survive this
    assert authority().name == "Renamed"


def test_a_plain_message_is_flashed_as_is(app):
    with app.test_request_context(method="POST", data={"name": "Renamed"}):
        assert run_form(NameForm(), lambda: None, flash_message="Saved.")
        assert get_flashed_messages() == ["Saved."]


def test_service_error_rolls_back_and_lands_on_the_form(app):
    original = authority().name
    with app.test_request_context(method="POST", data={"name": "Renamed"}):
        form = NameForm()

        def refuse():
            _rename("Half done")
            raise ServiceError(("name", "That name is taken."), (None, "Nothing was saved."))

        done = run_form(form, refuse, flash_message="Saved.")
        assert not done and done.value is None
        assert form.name.errors == ["That name is taken."]
        assert form.form_errors == ["Nothing was saved."]
        assert get_flashed_messages() == []
        assert form_status(form) == 422
    assert authority().name == original


def test_invalid_form_never_runs_the_action(app):
    calls = []
    with app.test_request_context(method="POST", data={"name": ""}):
        form = NameForm()
        assert not run_form(form, lambda: calls.append(1))
        assert calls == []
        assert form.name.errors
        assert form_status(form) == 422


def test_a_fresh_form_is_200_and_not_run(app):
    with app.test_request_context(method="GET"):
        form = NameForm()
        assert not run_form(form, lambda: 1 / 0)
        assert form_status(form) == 200


class UploadForm(ActionForm):
    file = FileField()


def _upload(text: str) -> dict:
    return {"file": (io.BytesIO(text.encode()), "rows.csv")}


def test_run_import_commits_a_clean_file_and_flashes(app):
    def importer(data: bytes) -> ImportResult:
        _rename(data.decode().strip())
        return ImportResult(created=1)

    with app.test_request_context(method="POST", data=_upload("Imported"), content_type="multipart/form-data"):
        done = run_import(UploadForm(), importer, flash_message=lambda r: f"{r.created} added.")
        assert done and done.value.created == 1
        assert get_flashed_messages() == ["1 added."]
    db.session.rollback()
    assert authority().name == "Imported"


def test_run_import_keeps_no_row_of_a_rejected_file(app):
    original = authority().name

    def importer(data: bytes) -> ImportResult:
        _rename("Half imported")
        return ImportResult(errors=[RowError(2, "Bad row.")])

    with app.test_request_context(method="POST", data=_upload("x"), content_type="multipart/form-data"):
        form = UploadForm()
        done = run_import(form, importer, flash_message=lambda r: "never")
        assert not done and done.value.errors == [RowError(2, "Bad row.")]
        assert get_flashed_messages() == []
        assert form_status(form) == 422
    assert authority().name == original


def test_run_action_commits_and_flashes_or_rolls_back_and_flashes_the_refusal(app, make_establishment):
    from flask import get_flashed_messages

    from portal.core.forms import ServiceError, run_action
    from portal.extensions import db
    from portal.organisations.models import Establishment

    school = make_establishment(name="Before")
    with app.test_request_context():

        def refuse():
            db.session.get(Establishment, school.id).name = "Half-written"
            raise ServiceError((None, "Not now."))

        assert not run_action(refuse, done="never")
        assert get_flashed_messages(with_categories=True) == [("info", "Not now.")]
    db.session.expire_all()
    assert db.session.get(Establishment, school.id).name == "Before"
    with app.test_request_context():

        def rename():
            db.session.get(Establishment, school.id).name = "After"
            return "After"

        done = run_action(rename, done=lambda value: f"Renamed to {value}.")
        assert done and done.value == "After"
        assert get_flashed_messages(with_categories=True) == [("success", "Renamed to After.")]
    db.session.expire_all()
    assert db.session.get(Establishment, school.id).name == "After"


def test_an_unreadable_date_is_quoted_in_the_message_and_never_put_back_in_the_input(app):
    """A date input's value must be a date (the Nu Html Checker refuses anything else): what was typed is kept
    visible in the message, in the summary and beside the field, and the input is left empty; a readable date
    is put back as it was."""
    from flask import render_template_string
    from wtforms import DateField

    class DatesForm(ActionForm):
        opens_on = DateField("Opens on", validators=[DataRequired("Enter the opening date.")])
        closes_on = DateField("Closes on", validators=[DataRequired()])

    page = (
        '{% from "_macros/forms.html" import error_summary, field %}'
        "{{ error_summary(form) }}{{ field(form.opens_on) }}{{ field(form.closes_on) }}"
    )
    data = {"opens_on": "31/02/2027", "closes_on": "2027-03-01"}
    with app.test_request_context(method="POST", data=data):
        form = DatesForm()
        assert not form.validate()
        html = render_template_string(page, form=form)
    typed = "You typed &#34;31/02/2027&#34;: enter a date like 2027-02-28."
    assert html.count(typed) == 2  # the summary and the field
    assert "Enter the opening date." not in html and "Not a valid date value" not in html
    assert 'value="31/02/2027"' not in html and 'type="date" value=""' in html
    assert 'value="2027-03-01"' in html


def test_selects_render_exactly_as_wtforms_writes_them(app):
    """The portal writes plain options itself (speed); every kind of choice must come out as WTForms' own widget
    writes it: selected or not, numbers, booleans, markup in values and labels, extra attributes, groups."""
    from markupsafe import Markup
    from wtforms import Form, SelectChoice, SelectField, SelectMultipleField
    from wtforms.widgets import Select

    c = SelectChoice

    class Choices(Form):
        one = SelectField(
            choices=[
                c("", "Any"),
                c("a&b", "A & <b>"),
                c(3, "Three"),
                c(True, "Yes"),
                c(Markup('q"x'), Markup("<i>i</i>")),
            ]
        )
        grouped = SelectField(
            choices=[c("g", "G", optgroup="Group"), c("o", "O", {"disabled": True}, optgroup="Other")]
        )
        many = SelectMultipleField(choices=[c("x", "X"), c("y", "Y"), c("z", "")])

    form = Choices(data={"one": "a&b", "grouped": "o", "many": ["x", "z"]})
    for field, plain in ((form.one, Select()), (form.grouped, Select()), (form.many, Select(multiple=True))):
        assert type(field.widget) is not Select  # the portal's widget is the one in use
        assert str(field(class_="ds_select")) == str(plain(field, class_="ds_select"))
    assert '<option selected value="a&amp;b">A &amp; &lt;b&gt;</option>' in str(form.one())


def test_attributes_are_written_exactly_as_wtforms_writes_them(app):
    """Inputs, labels, text areas and selects write their attributes through the portal's html_params (speed):
    the same string as WTForms' own for every kind of value and name."""
    from markupsafe import Markup
    from wtforms import widgets
    from wtforms.widgets import core

    from portal.core.forms import WTFORMS_HTML_PARAMS

    assert core.html_params is widgets.html_params is core.Input.html_params is not WTFORMS_HTML_PARAMS
    values = ["", "plain", 'say "hi" & <b>', Markup('<i>"q"</i>'), 0, 12, 1.5, None, True, False, "\u00e9t\u00e9"]
    names = ["id", "class_", "for_", "data_hx_get", "aria_describedby", "value", "required", "a<b"]
    for value in values:
        for name in names:
            assert core.html_params(**{name: value}) == WTFORMS_HTML_PARAMS(**{name: value})
    mixed = {"type": "text", "name": "q", "value": 'a"b', "required": True, "disabled": False, "data_x": 3}
    assert core.html_params(**mixed) == WTFORMS_HTML_PARAMS(**mixed)
    assert core.html_params() == WTFORMS_HTML_PARAMS() == ""
