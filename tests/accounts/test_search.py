"""People search: any part of a name or address, in any case (of ASCII letters; beyond them as the database's
locale folds), from an index on both databases, following
renames and erasures."""

import pytest

from portal.accounts.queries import PeopleFilter, people_query
from portal.core.roles import Role
from portal.extensions import db
from portal.privacy.services import erase
from tests.support.sql import sqlite_plan, statements


def _found(actor, q: str) -> set[str]:
    return {row.name for row in db.session.execute(people_query(actor, PeopleFilter(q=q)))}


def test_a_search_finds_any_part_of_a_name_or_address_in_any_case(app, make_user):
    lead = make_user(Role.ADMIN, name="Lead Officer")
    make_user(name="Élodie MacLeod", email="e.macleod@school.example.org")
    make_user(name="Ewan Macintyre", email="ewan@other.example.org")
    make_user(name="Somebody Else", email="someone@school.example.org")
    assert _found(lead, "macl") == {"Élodie MacLeod"}
    assert _found(lead, "Élodie MACL") == {"Élodie MacLeod"}
    assert _found(lead, "MAC") == {"Élodie MacLeod", "Ewan Macintyre"}
    assert _found(lead, "school.example") == {"Élodie MacLeod", "Somebody Else"}  # the address
    assert _found(lead, "ew") == {"Ewan Macintyre"}  # shorter than an index entry
    assert _found(lead, 'mac"leod') == _found(lead, "{name}: x") == set()  # the index's own syntax is text


def test_a_search_follows_a_rename_and_forgets_an_erased_name(app, make_user):
    lead = make_user(Role.ADMIN, name="Lead Officer")
    other_lead = make_user(Role.ADMIN, name="Second Lead")
    person = make_user(name="Morag Quinlan", email="morag.quinlan@school.example.org")
    db.session.commit()
    person.name = "Morag Strachan"
    db.session.commit()
    assert _found(lead, "quinlan") == {"Morag Strachan"}  # by the address, which did not change
    assert _found(lead, "strachan") == {"Morag Strachan"}
    erase(person, actor=other_lead)
    db.session.commit()
    assert _found(lead, "strachan") == _found(lead, "quinlan") == set()


def test_sqlite_answers_a_search_from_its_trigram_index(app, make_user):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL answers it from its pg_trgm indexes")
    lead = make_user(Role.ADMIN)
    with statements() as sent:
        db.session.execute(people_query(lead, PeopleFilter(q="mactav"))).all()
    search = next(i for i, sql in enumerate(sent) if "MATCH" in sql)
    plan = sqlite_plan(sent[search], sent.parameters[search])
    assert "user_account_search VIRTUAL TABLE" in plan and "SCAN user_account " not in plan + " ", plan
