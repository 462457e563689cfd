"""The library, search, account and public pages issue the same number of queries at two library sizes."""

from sqlalchemy import insert

from portal.core.dates import utcnow
from portal.core.roles import Role
from portal.extensions import db
from portal.practice import services
from portal.practice.models import AccountFacet, PracticeAccount, Use
from tests.practice.test_services import _publish


def _grow(count: int, start: int, readers: list[int]) -> None:
    now = utcnow()
    rows = [
        {
            "state": "published",
            "visibility": "public",
            "title": f"Grown account {start + i}",
            "abstract": "Learners outdoors",
            "programme": "themed",
            "theme_title": "Outdoor Learning",
            "school_year": "2020-21",
            "search_text": "woodland learners outdoors",
            "version": 1,
            "published_at": now,
            "features": "",
            "measures_json": "[]",
        }
        for i in range(count)
    ]
    ids = db.session.scalars(insert(PracticeAccount).returning(PracticeAccount.id), rows).all()
    db.session.execute(
        insert(AccountFacet),
        [
            {"account_id": a, "facet": f, "value": v}
            for a in ids
            for f, v in (("la", "renfrewshire"), ("sector", "ELC"), ("tag", "nif-p2"))
        ],
    )
    db.session.execute(insert(Use), [{"account_id": a, "user_id": u, "note": ""} for a in ids for u in readers])
    for account in db.session.scalars(db.select(PracticeAccount).where(PracticeAccount.id.in_(ids))):
        services.index_text(account, account.search_text)
    db.session.commit()


def _counts(client, login, reader, account_id) -> dict:
    pages = {
        "library": "/practice/",
        "search": "/practice/?q=woodland&la=renfrewshire&sector=ELC",
        "account": f"/practice/{account_id}",
        "public": "/practice/public?q=woodland",
        "public_account": f"/practice/public/{account_id}",
        "feed": "/practice/feed.atom",
    }
    login(reader)
    counts = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = int(response.headers["X-Query-Count"])
    return counts


def test_query_counts_do_not_grow(client, login, world, make_user):
    account = _publish(world)
    reader = make_user(Role.PRACTITIONER)
    readers = [make_user(Role.PRACTITIONER).id for _ in range(3)]
    _grow(3, 0, readers[:1])
    small = _counts(client, login, reader, account.id)
    _grow(60, 1000, readers)
    large = _counts(client, login, reader, account.id)
    assert small == large, (small, large)
