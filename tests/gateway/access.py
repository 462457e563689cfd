"""Access expectations for every Gateway endpoint: profiles and requests for people in an establishment,
a request for its two people only, uptake for the lead officer and LA officers, misuse reports for the lead."""

from portal.gateway import services
from portal.gateway.models import Profile
from portal.gateway.vocabulary import interest_key
from tests.support.access import Expect, only, signed_in

USERS = ("practitioner", "senior_leader", "key_facilitator")  # the matrix's people with a Gateway profile


def hidden(*actors, ok=200, method="GET", data=None) -> Expect:
    """`actors` get `ok`; other signed-in people 404 (the thing is not theirs to know about)."""
    return Expect(404, {a: ok for a in actors} | {"anonymous": 302}, method, data or {})


EXPECT = {
    "gateway.home": signed_in(),
    "gateway.edit_profile": only(*USERS),
    "gateway.change_status": only(*USERS),
    "gateway.suggestions": only(*USERS),
    "gateway.show_profile": hidden(*USERS, "admin"),
    # the owner is refused on the form (422); other people in an establishment send it
    "gateway.send_request": Expect(
        403,
        {"anonymous": 302, "practitioner": 303, "key_facilitator": 303, "senior_leader": 422},
        "POST",
        {"message": "Shall we?", "team": "0"},
    ),
    "gateway.show_request": hidden("practitioner", "key_facilitator", "admin"),
    "gateway.decide_request": hidden(
        "practitioner", "key_facilitator", "admin", ok=303, method="POST", data={"decision": "decline"}
    ),
    "gateway.block_person": hidden("practitioner", "senior_leader"),
    "gateway.report_person": hidden("practitioner", "senior_leader"),
    "gateway.team_support": only("practitioner", "senior_leader", "admin"),
    "gateway.uptake": only("la_officer", "admin"),
    "gateway.misuse_reports": only("admin"),
    "gateway.resolve_misuse": only("admin"),
}


def _publish(user, kind="person") -> Profile:
    return services.save_profile(
        actor=user,
        kind=kind,
        hunch="Outdoor numeracy",
        mode="either",
        frequency="monthly",
        interests=[interest_key("Outdoor Learning")],
        stages=["second"],
    )


def setup(world):
    from portal.extensions import db

    u = world.users
    mine, theirs = _publish(u["practitioner"]), _publish(u["senior_leader"])
    _publish(u["key_facilitator"])
    _publish(u["senior_leader"], "establishment")
    with world.app.test_request_context():  # the e-mails carry links
        waiting = services.send_request(mine, actor=u["key_facilitator"], message="Hello")
        accepted = services.send_request(mine, actor=u["senior_leader"], message="Shall we?")
        team = services.decide_request(accepted, actor=u["practitioner"], accept=True)
        report = services.report_misuse(u["key_facilitator"], actor=u["practitioner"], reason="Sales pitches")
    db.session.commit()
    world.args.update(
        {
            "gateway.edit_profile": {"kind": "person"},
            "gateway.change_status": {"kind": "person", "status": "paused"},
            "gateway.show_profile": {"profile_id": mine.id},
            "gateway.send_request": {"profile_id": theirs.id},
            "gateway.show_request": {"request_id": waiting.id},
            "gateway.decide_request": {"request_id": waiting.id},
            "gateway.block_person": {"user_id": u["key_facilitator"].id},
            "gateway.report_person": {"user_id": u["key_facilitator"].id},
            "gateway.team_support": {"team_id": team.id},
            "gateway.resolve_misuse": {"report_id": report.id},
        }
    )
