"""The survey's pages: answering from the link (422 keeps what was typed, then sent once), the signed-in
route, the lead officer's pages, results with chart and tables, CSV and XLSX downloads, written answers."""

import io

from openpyxl import load_workbook

from portal.core.roles import Role
from portal.extensions import db
from portal.survey import services
from portal.survey.queries import latest_version
from tests.survey.conftest import answers_for, invite, open_survey, respond


def _form(survey, version, establishment, value=3):
    data = {f"item-{k}": str(v) for k, v in answers_for(survey, version, value).items()}
    return data | {
        "sector": establishment.sector,
        "role_group": "teacher",
        "years_in_post": "0-2",
        "authority_id": str(establishment.authority_id),
        "open_answer": "More shared planning time.",
    }


def test_answer_from_the_link_keeps_answers_on_refusal_then_sends_once(client, app, make_establishment):
    survey = open_survey()
    school = make_establishment()
    token = invite(survey, "t@x.example.org", school, version="slt")
    page = client.get(f"/survey/answer/{token}")
    assert page.status_code == 200 and "How your anonymity is kept" in page.text
    slt_only = next(i for i in latest_version(survey).items if i.audience == "slt")
    assert slt_only.text in page.text
    data = _form(survey, "slt", school)
    missing = next(iter(k for k in data if k.startswith("item-")))
    partial = {k: v for k, v in data.items() if k != missing}
    refused = client.post(f"/survey/answer/{token}", data=partial)
    assert refused.status_code == 422 and "1 still to answer" in refused.text
    assert "More shared planning time." in refused.text and 'value="3" checked' in refused.text
    done = client.post(f"/survey/answer/{token}", data=data)
    assert done.status_code == 303 and done.headers["Location"].endswith("/survey/thanks")
    assert client.post(f"/survey/answer/{token}", data=data).status_code == 404  # the link is used


def test_signed_in_person_opens_their_own_link(client, app, login, make_user):
    open_survey()
    person = make_user(Role.SENIOR_LEADER)
    login(person)
    assert "Answer the survey" in client.get("/survey/mine").text
    opened = client.post("/survey/mine")
    assert opened.status_code == 303 and "/survey/answer/" in opened.headers["Location"]
    assert "Senior leadership team version" in client.get(opened.headers["Location"]).text


def test_results_pages_and_downloads(client, app, login, make_user, make_establishment):
    survey = open_survey()
    school = make_establishment()
    link = services.create_open_link(survey, school, cap=100, actor=None)
    db.session.commit()
    for n in range(12):
        respond(survey, link, school, value=1 + n % 4, open_answer="Time to visit other schools." if n == 0 else "")
    login(make_user(Role.RESEARCHER))
    page = client.get("/survey/results")
    assert page.status_code == 200
    assert "<svg" in page.text and "independent samples" in page.text and "fewer than 10" in page.text
    csv = client.get("/survey/results/download.csv?table=by-year")
    assert csv.status_code == 200 and csv.mimetype == "text/csv" and "Planning: share agreeing" in csv.text
    xlsx = client.get("/survey/results/download.xlsx")
    book = load_workbook(io.BytesIO(xlsx.data))
    assert "Notes" in book.sheetnames and "by-year" in book.sheetnames
    answers = client.get(f"/survey/{survey.id}/open-answers")
    assert "Time to visit other schools." in answers.text
    items = client.get(f"/survey/{survey.id}/item-level.csv")
    assert items.status_code == 200 and "Time to visit" not in items.text


def test_lead_officer_edits_items_and_imports_invitations(client, app, login, make_user, make_establishment):
    survey = open_survey()
    school = make_establishment(code="8123456")
    login(make_user(Role.ADMIN))
    assert client.get(f"/survey/{survey.id}/edit").status_code == 200
    added = client.post(f"/survey/{survey.id}/items", data={"theme": "planning", "audience": "both", "text": "New."})
    assert added.status_code == 303
    refused = client.post(f"/survey/{survey.id}/items", data={"theme": "planning", "audience": "both", "text": ""})
    assert refused.status_code == 422
    upload = {"establishment": "8123456", "file": (io.BytesIO(b"email,version\na@x.example.org,staff\n"), "s.csv")}
    assert client.post(f"/survey/{survey.id}/invitations", data=upload).status_code == 303
    rates = client.get(f"/survey/{survey.id}/invitations")
    assert school.name in rates.text


def test_an_unreadable_date_is_quoted_and_not_put_back(client, login, make_user):
    """The survey's dates and the evaluation round's: what was typed shows in the message, never in the input."""
    login(make_user(Role.ADMIN))
    survey = open_survey()
    for url, data in (
        ("/survey/", {"school_year": "2030", "opens_on": "31/02/2027", "closes_on": "2031-06-30"}),
        (f"/survey/{survey.id}/edit", {"opens_on": "31/02/2027", "closes_on": "2031-06-30", "open_question": "Q?"}),
        ("/feedback/evaluations", {"school_year": "2030", "opens_on": "31/02/2027", "closes_on": "2031-06-30"}),
    ):
        refused = client.post(url, data=data)
        assert refused.status_code == 422, url
        assert "You typed &#34;31/02/2027&#34;: enter a date like 2027-02-28." in refused.text, url
        assert 'value="31/02/2027"' not in refused.text and 'value="2031-06-30"' in refused.text, url


def test_la_officers_read_their_own_la_only(client, login, make_user, make_establishment):
    """An LA officer's results, tables and downloads hold their own LA's responses only, with the same
    suppression; the region's and another LA's figures never show. The lead officer still sees the region."""
    survey = open_survey()
    glasgow = make_establishment(sector="Primary")
    inverclyde = make_establishment(sector="Secondary", authority_slug="inverclyde")
    for place, count, value in ((glasgow, 12, 4), (inverclyde, 14, 1)):
        link = services.create_open_link(survey, place, cap=50, actor=None)
        db.session.commit()
        for _ in range(count):
            respond(survey, link, place, value=value)
    officer = make_user(Role.LA_OFFICER)  # Glasgow City's
    assert officer.authority_id == glasgow.authority_id
    login(officer)
    page = client.get("/survey/results")
    assert page.status_code == 200
    main = page.text.split("<main", 1)[1].split("</main>", 1)[0]  # the footer names every LA
    assert "Glasgow City only: 12 responses" in main
    assert "Inverclyde" not in main and "Secondary" not in main and "26 responses" not in main
    assert "4.00" in main and "1.00" not in main and "2.38" not in main  # Glasgow's mean only
    for table in ("by-year", "leaders-and-staff", "by-sector"):
        csv = client.get(f"/survey/results/download.csv?table={table}")
        assert csv.status_code == 200 and "Secondary" not in csv.text and "2.38" not in csv.text, table
    assert client.get("/survey/results/download.csv?table=by-authority").status_code == 404
    book = load_workbook(io.BytesIO(client.get("/survey/results/download.xlsx").data))
    cells = " ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None)
    assert "Inverclyde" not in cells and "Secondary" not in cells
    login(make_user(Role.ADMIN))
    region = client.get("/survey/results")
    assert "26 responses" in region.text and "Inverclyde" in region.text


def test_response_rates_are_kept_until_someone_answers_and_each_la_officer_sees_their_own(
    client, app, login, make_user, make_establishment
):
    survey = open_survey()
    glasgow = make_establishment(sector="Primary")
    inverclyde = make_establishment(sector="Secondary", authority_slug="inverclyde")
    token = invite(survey, "a@x.example.org", glasgow, version="staff")
    invite(survey, "b@x.example.org", inverclyde, version="staff")
    login(make_user(Role.ADMIN))
    path = f"/survey/{survey.id}/invitations"
    first = client.get(path).text
    assert first.split("<caption>")[1:3] == client.get(path).text.split("<caption>")[1:3]  # the second one kept
    assert f'<th scope="row">{glasgow.name}</th><td>Glasgow City</td><td>1</td><td>0</td><td>0%</td>' in first
    client.get("/sign-out")
    assert client.post(f"/survey/answer/{token}", data=_form(survey, "staff", glasgow)).status_code == 303
    login(make_user(Role.ADMIN))
    assert f'<th scope="row">{glasgow.name}</th><td>Glasgow City</td><td>1</td><td>1</td><td>100%</td>' in (
        client.get(path).text
    )
    client.get("/sign-out")
    login(make_user(Role.LA_OFFICER, authority_slug="inverclyde"))
    mine = client.get(path).text
    assert inverclyde.name in mine and glasgow.name not in mine
