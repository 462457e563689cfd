"""Expectations for the access matrix: who gets which answer on each route.

Every domain lists its endpoints in `tests/<domain>/access.py` as EXPECT = {endpoint: Expect(...)} and
may define `setup(world) -> None` to create the objects its URLs need, adding them to `world.args`
(endpoint -> url_for keyword arguments). tests/test_access_matrix.py walks the app's whole URL map, so a
route with no expectation fails the suite.
"""

from dataclasses import dataclass, field

ACTORS = (
    "anonymous",
    "practitioner",
    "senior_leader",
    "key_facilitator",
    "forum_coordinator",
    "la_officer",
    "admin",
    "researcher",
)


@dataclass(frozen=True)
class Expect:
    """Status per actor for one endpoint and method; actors not named get `default`."""

    default: int = 403
    statuses: dict = field(default_factory=dict)
    method: str = "GET"
    data: dict = field(default_factory=dict)

    def status_for(self, actor: str) -> int:
        return self.statuses.get(actor, self.default)


def only(*actors: str, ok: int = 200, anonymous: int = 302, method: str = "GET", data=None) -> Expect:
    """Signed-in `actors` get `ok`, other signed-in people 403, visitors are sent to sign in (302)."""
    statuses = {a: ok for a in actors} | {"anonymous": anonymous}
    return Expect(403, statuses, method, data or {})


def signed_in(ok: int = 200, method: str = "GET", data=None) -> Expect:
    """Everyone signed in gets `ok`; visitors are sent to sign in."""
    return Expect(ok, {"anonymous": 302}, method, data or {})


def public(ok: int = 200, signed_in_status: int | None = None, method: str = "GET", data=None) -> Expect:
    """Anyone gets `ok` (signed-in people may get `signed_in_status`, e.g. a redirect home)."""
    others = {a: signed_in_status for a in ACTORS if a != "anonymous"} if signed_in_status else {}
    return Expect(ok, others, method, data or {})
