"""Leadership pages over HTTP: autosave, lost sessions, results, compare, plans, privacy, query counts."""

import re

import pytest

from portal.core.roles import Role
from portal.extensions import db
from portal.frameworks import services as frameworks
from portal.leadership import plans, programme, services, sessions
from portal.leadership.demo import ensure_frameworks
from portal.leadership.modules import CAPACITY_KIND
from tests.leadership.helpers import leader_world, submitted_evaluation


@pytest.fixture
def leader(make_user):
    return make_user(Role.SENIOR_LEADER, email="sl@test.example.org")


@pytest.fixture
def draft(app, leader):
    evaluation = services.start_evaluation(ensure_frameworks()["leadership"], label="Draft", actor=leader)
    db.session.commit()
    return evaluation


def items(evaluation, position=1):
    return frameworks.load_version(evaluation.version_id).sections[position - 1].items


def test_domain_page_and_plain_save(client, login, leader, draft):
    login(leader)
    url = f"/leadership/evaluations/{draft.id}/domains/1"
    page = client.get(url).get_data(as_text=True)
    assert "domain 1 of 5" in page and 'data-hx-trigger="change, input delay:800ms"' in page
    first = items(draft)[0].id
    response = client.post(url, data={f"rating-{first}": "4", f"notes-{first}": "Evidence here", "go": "next"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/domains/2")
    assert 'value="4" checked' in client.get(url).get_data(as_text=True)


def test_autosave_answers_a_status_fragment(client, login, leader, draft):
    login(leader)
    first = items(draft)[0].id
    response = client.post(
        f"/leadership/evaluations/{draft.id}/domains/1/autosave",
        data={f"rating-{first}": "5"},
        headers={"HX-Request": "true", "HX-Target": "autosave-status"},
    )
    assert response.status_code == 200 and "Saved as a draft" in response.get_data(as_text=True)
    assert "<html" not in response.get_data(as_text=True)
    assert services.answers_by_item(draft)[first].rating == 5


def test_overlong_note_is_422_and_keeps_every_typed_word(client, login, leader, draft):
    login(leader)
    first, second = items(draft)[0].id, items(draft)[1].id
    response = client.post(
        f"/leadership/evaluations/{draft.id}/domains/1",
        data={f"rating-{first}": "3", f"notes-{first}": "x" * 5000, f"notes-{second}": "keep me"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "There is a problem" in page
    assert "keep me" in page and 'value="3" checked' in page and "x" * 5000 in page


@pytest.mark.parametrize("field, value, status", [("rating-{first}", "9", 400), ("rating-999999", "3", 400)])
def test_tampered_answers_are_refused(client, login, leader, draft, field, value, status):
    login(leader)
    data = {field.format(first=items(draft)[0].id): value}
    assert client.post(f"/leadership/evaluations/{draft.id}/domains/1", data=data).status_code == status
    assert client.get(f"/leadership/evaluations/{draft.id}/domains/99").status_code == 404


def test_someone_elses_evaluation_is_404(client, login, make_user, draft):
    login(make_user(Role.SENIOR_LEADER))
    assert client.get(f"/leadership/evaluations/{draft.id}/domains/1").status_code == 404
    assert client.post(f"/leadership/evaluations/{draft.id}/domains/1/autosave", data={}).status_code == 404


def _session_ends(client, login, user):
    """This browser was signed in as `user`, then their sessions were ended (signed out elsewhere)."""
    login(user)
    user.session_version += 1
    db.session.commit()


def test_a_post_after_the_session_ended_is_kept_and_saved_after_signing_in(client, login, leader, draft):
    first = items(draft)[0].id
    url = f"/leadership/evaluations/{draft.id}/domains/1"
    _session_ends(client, login, leader)
    response = client.post(url, data={f"rating-{first}": "2", f"notes-{first}": "typed while signed out"})
    assert response.status_code == 303
    target = re.search(r"next=([^&]+)", response.headers["Location"]).group(1)
    assert "resume" in target
    assert services.answers_by_item(draft) == {}
    login(leader)
    from urllib.parse import unquote

    back = client.get(unquote(target))
    assert back.status_code == 302 and back.headers["Location"].endswith("/domains/1")
    answer = services.answers_by_item(draft)[first]
    assert (answer.rating, answer.notes) == (2, "typed while signed out")
    assert client.get(unquote(target)).status_code == 404  # used once


def test_autosave_after_the_session_ended_answers_401_and_sends_to_sign_in(client, draft):
    response = client.post(
        f"/leadership/evaluations/{draft.id}/domains/1/autosave", data={"notes-1": "x"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 401 and "/sign-in?next=" in response.headers["HX-Redirect"]


def test_a_kept_copy_cannot_be_applied_from_another_browser(app, client, login, leader, draft):
    first = items(draft)[0].id
    _session_ends(client, login, leader)
    response = client.post(f"/leadership/evaluations/{draft.id}/domains/1", data={f"rating-{first}": "6"})
    target = re.search(r"next=([^&]+)", response.headers["Location"]).group(1)
    other = app.test_client()
    login(leader, on=other)
    from urllib.parse import unquote

    assert other.get(unquote(target)).status_code == 404


def test_submit_then_result_with_chart_and_table(client, login, leader, draft):
    login(leader)
    assert client.post(f"/leadership/evaluations/{draft.id}/review").status_code == 422
    from tests.leadership.helpers import rate

    rate(draft, leader, {"data": 2}, submit=False)
    db.session.commit()
    assert client.post(f"/leadership/evaluations/{draft.id}/review").status_code == 302
    page = client.get(f"/leadership/evaluations/{draft.id}/result").get_data(as_text=True)
    assert "<svg" in page and "<caption>Score per domain" in page and "Data and impact" in page
    assert client.get(f"/leadership/evaluations/{draft.id}/domains/1").status_code == 302  # frozen


def test_compare_two_evaluations(client, login, leader):
    earlier, _ = submitted_evaluation(leader, 2, "Start")
    later, _ = submitted_evaluation(leader, 4, "End")
    db.session.commit()
    login(leader)
    page = client.get(f"/leadership/evaluations/compare?first={later.id}&second={earlier.id}").get_data(as_text=True)
    assert page.count("up 2.0") == 5


def test_plan_flow_and_privacy(client, login, leader, make_user):
    evaluation, version = submitted_evaluation(leader, {"data": 2})
    db.session.commit()
    login(leader)
    response = client.post(f"/leadership/evaluations/{evaluation.id}/plan")
    plan_url = response.headers["Location"]
    page = client.get(plan_url).get_data(as_text=True)
    assert "Data and impact: 2.0 of 6, your lowest domain" in page
    assert client.post(f"{plan_url}/goals", data={"what": "w", "actions": ""}).status_code == 422
    lead = make_user(Role.ADMIN, email="lead@test.example.org")
    admin_client = login(lead, on=client.application.test_client())
    assert admin_client.get(plan_url).status_code == 404  # admins see aggregates, not plans
    assert admin_client.get(f"/leadership/evaluations/{evaluation.id}/result").status_code == 404
    assert client.post(f"{plan_url}/share", data={"email": lead.email}).status_code == 302
    assert admin_client.get(plan_url).status_code == 200
    assert admin_client.get(f"/leadership/evaluations/{evaluation.id}/result").status_code == 200
    assert admin_client.post(f"{plan_url}/comments", data={"body": "Looks good"}).status_code == 302
    assert 'name="confirmed" value="yes"' in admin_client.post(f"{plan_url}/agree").get_data(as_text=True)
    assert admin_client.post(f"{plan_url}/agree", data={"confirmed": "yes"}).status_code == 302
    printable = client.get(f"{plan_url}/print").get_data(as_text=True)
    assert "Looks good" in printable and "Agreed" in printable


def _count(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return int(response.headers["X-Query-Count"])


def test_query_counts_do_not_grow_with_the_data(client, login, leader, make_user):
    admin = make_user(Role.ADMIN)
    made = leader_world(leader, admin)
    plan, cohort = made["plan"], made["cohort"]
    programme.confirm(made["place"], actor=admin)
    lead = make_user(Role.ADMIN)
    plans.share_plan(plan, lead.email, actor=leader)  # one of each kind of row, so only the size changes
    plans.add_comment(plan, "first", actor=lead)
    plans.add_goal(plan, what="first goal", actions="a", success="s", due_on=None, actor=leader)
    db.session.commit()
    register = f"/events/{sessions.cohort_sessions(cohort)[0].id}/register"
    urls = [
        f"/leadership/evaluations/{made['draft'].id}/domains/1",
        f"/leadership/evaluations/{made['submitted'].id}/result",
        f"/leadership/plans/{plan.id}",
        f"/leadership/evaluations/compare?first={made['earlier'].id}&second={made['submitted'].id}",
    ]
    login(leader)
    small = [_count(client, url) for url in urls]
    login(admin)
    small_register = _count(client, register)
    # Grow everything: more people, evaluations, answers, goals, comments, cohort places and bookings.
    for n in range(12):
        other = make_user(Role.SENIOR_LEADER)
        submitted_evaluation(other, 3)
        plans.add_goal(plan, what=f"goal {n}", actions="a", success="s", due_on=None, actor=leader)
        plans.add_comment(plan, f"comment {n}", actor=lead)
        plans.request_learning(plan, f"request {n}", actor=leader)
        programme.confirm(programme.nominate(cohort, other.email, actor=admin), actor=admin)
    services.save_answers(
        made["draft"], {i.id: ("3", "n") for i in items(made["draft"])}, scale_values=range(1, 7), actor=leader
    )
    db.session.commit()
    login(leader)
    assert [_count(client, url) for url in urls] == small
    login(admin)
    assert _count(client, register) == small_register


def test_insights_show_aggregates_and_suppress_small_groups(client, login, make_user):
    for n in range(6):
        submitted_evaluation(make_user(Role.SENIOR_LEADER), 3 if n < 5 else 6)
    db.session.commit()
    login(make_user(Role.RESEARCHER))
    page = client.get("/leadership/insights").get_data(as_text=True)
    assert "3.5 (6 people)" in page and "Not shown" not in page
    login(make_user(Role.LA_OFFICER, authority_slug="inverclyde"))
    assert "No submitted evaluations yet." in client.get("/leadership/insights").get_data(as_text=True)


def test_insights_never_show_fewer_than_five(client, login, make_user):
    for _ in range(4):
        submitted_evaluation(make_user(Role.SENIOR_LEADER), 2)
    db.session.commit()
    login(make_user(Role.ADMIN))
    page = client.get("/leadership/insights").get_data(as_text=True)
    assert "Not shown: fewer than 5 people" in page and "2.0" not in page


def test_the_evaluations_list_reads_the_same_statements_however_many_evaluations(client, login, leader):
    submitted_evaluation(leader, 3, label="First")
    db.session.commit()
    login(leader)
    few = _count(client, "/leadership/evaluations")
    for n in range(4):
        submitted_evaluation(leader, 4, label=f"Later {n}")
    services.start_evaluation(ensure_frameworks()[CAPACITY_KIND], label="A draft", actor=leader)
    db.session.commit()
    page = client.get("/leadership/evaluations").get_data(as_text=True)
    assert _count(client, "/leadership/evaluations") == few
    assert page.count("/result") == 5 and "/domains/1" in page and "Draft: continue" in page
    offered = re.findall(r'<label class="ds_radio__label" for="framework-\d+">([^<]+)</label>', page)
    assert offered == [f.title for f in ensure_frameworks().values()]  # leadership first, then school capacity
