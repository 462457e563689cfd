"""in_order_walk: SQLite walks the ORDER BY's index for a page and counts from the filter's own index."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite

from portal.accounts.access import people_visible_to
from portal.accounts.models import User
from portal.core.roles import Role
from portal.core.sqltext import in_order_walk, sorted_after_filter
from portal.enquiries.access import teams_visible_to
from portal.enquiries.models import Team
from portal.extensions import db
from tests.support.sql import sqlite_plan


def test_the_term_is_unindexed_on_sqlite_only_where_the_select_is_ordered():
    page = select(User.id).where(in_order_walk(User.authority_id) == 3).order_by(User.name)
    count = select(func.count()).select_from(page.order_by(None).subquery())
    assert "WHERE +user_account.authority_id = ?" in str(page.compile(dialect=sqlite.dialect()))
    assert "+" not in str(count.compile(dialect=sqlite.dialect()))
    assert "+" not in str(page.compile(dialect=postgresql.dialect()))
    windowed = page.add_columns(func.count().over()).limit(25)  # a search's page with its count
    assert "+user_account.authority_id" in str(windowed.compile(dialect=sqlite.dialect()))


def _plan(stmt) -> str:
    return sqlite_plan(str(stmt.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True})))


@pytest.mark.parametrize("app", ["sqlite"], indirect=True)
def test_sqlite_walks_the_name_index_for_an_las_people_and_the_date_index_for_its_teams(app, make_user):
    officer = make_user(Role.LA_OFFICER, authority_slug="inverclyde")
    people = people_visible_to(officer, select(User.id, User.name).order_by(User.name, User.id).limit(25))
    plan = _plan(people)
    assert plan.startswith("SCAN user_account USING COVERING INDEX ix_user_account_people_list")
    assert "TEMP B-TREE" not in plan
    count = _plan(select(func.count()).select_from(people.limit(None).order_by(None).subquery()))
    assert "ix_user_account_authority_id" in count and "ix_user_account_establishment_id" in count
    teams = teams_visible_to(officer, select(Team.id).order_by(Team.created_at.desc(), Team.id.desc()).limit(25))
    plan = _plan(teams)
    assert plan.startswith("SCAN enquiry_team USING COVERING INDEX ix_enquiry_team_created_at_id")
    assert "TEMP B-TREE" not in plan


def test_a_search_is_sorted_by_an_expression_no_btree_gives_on_postgresql_only():
    page = select(User.id).order_by(sorted_after_filter(User.name), User.id)
    assert "ORDER BY (user_account.name || '')," in str(page.compile(dialect=postgresql.dialect()))
    assert "ORDER BY user_account.name, user_account.id" in str(page.compile(dialect=sqlite.dialect()))


def test_an_ored_subquery_is_an_array_on_postgresql_only(app):
    from portal.accounts.access import of_authority

    stmt = select(User.id).where(of_authority(3))
    sql = str(stmt.compile(dialect=db.engine.dialect))
    if db.engine.dialect.name == "postgresql":
        assert "user_account.establishment_id = ANY (array((SELECT establishment.id" in sql
    else:
        assert "user_account.establishment_id IN (SELECT establishment.id" in sql
