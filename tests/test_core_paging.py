"""paginate: a Listing (a list's count and page built once, values bound) gives the pages a select built per
request gives, with the same two statements."""

from sqlalchemy import bindparam, select

from portal.accounts.models import User
from portal.core.paging import listing, paginate
from portal.core.roles import Role
from tests.support.sql import statements


def test_a_listing_pages_as_its_select_does(app, make_user):
    people = [make_user(Role.PRACTITIONER, name=f"Paged {i:02}") for i in range(7)]
    wanted = [p.id for p in people]
    built_once = listing(select(User.id).where(User.id.in_(bindparam("ids", expanding=True))).order_by(User.name))
    with app.test_request_context("/"):
        for number in (1, 2, 3, 4):
            per_request = paginate(
                select(User.id).where(User.id.in_(wanted)).order_by(User.name), per_page=3, page=number
            )
            with statements() as seen:
                found = paginate(built_once, per_page=3, page=number, params={"ids": wanted})
            assert len(seen) == 2
            assert (found.items, found.total, found.pages) == (per_request.items, 7, 3)
    assert found.items == [] and per_request.items == []  # past the end
