"""Access expectations for every practice endpoint: drafts only for the team and reviewers; published accounts
for everyone signed in; public pages for visitors; review for the lead officer (and reviewers they name)."""

from portal.extensions import db
from portal.practice import services
from tests.practice.conftest import build_team
from tests.practice.images import png_with_metadata, upload
from tests.support.access import ACTORS, Expect, only, public, signed_in

TEAM = ("practitioner",)  # the matrix practitioner is a member of the drafting team
SIGNED_IN = tuple(a for a in ACTORS if a != "anonymous")


def post(*actors, ok=303, data=None, **statuses):
    expect = only(*actors, ok=ok, method="POST", data=data)
    return Expect(expect.default, {**expect.statuses, **statuses}, "POST", expect.data)


EXPECT = {
    "practice.library": signed_in(),
    "practice.my_accounts": signed_in(),
    "practice.draft_account": post(*SIGNED_IN),  # refused in the service for non-members: flashed, redirected
    "practice.show_account": only(*TEAM, "admin"),  # the draft (visitors are sent to sign in)
    "practice.edit_account": only(*TEAM),
    "practice.add_file": post(*TEAM, ok=422),  # no file chosen: the form comes back
    "practice.remove_file": only(*TEAM),
    "practice.download_file": only(*TEAM, "admin"),
    "practice.give_consent": post(*TEAM, "admin"),  # the admin is refused in the service (not a member)
    "practice.submit_account": post(*TEAM),
    "practice.record_use": post(*SIGNED_IN),  # published account; the team's member is refused in the service
    "practice.print_account": Expect(200, {"anonymous": 200}),  # published and public
    "practice.pdf_account": Expect(200, {"anonymous": 200}),
    "practice.export_account": Expect(200, {"anonymous": 200}),
    "practice.show_version": Expect(200, {"anonymous": 200}),  # version 1 of the public account
    "practice.public_library": public(),
    "practice.public_account": public(),
    "practice.public_image": public(),
    "practice.feed": public(),
    "practice.review_queue": only("admin"),
    "practice.review_account": post("admin", ok=422),  # no decision chosen
    "practice.reviewers": only("admin"),
    "practice.remove_reviewer": post("admin"),
    "practice.present_account": only(*TEAM),
}


def setup(world):
    u = world.users
    team = _team_for(world)
    draft = services.draft_from_enquiry(team.team.id, actor=u["practitioner"])
    published = services.draft_from_enquiry(team.other_team.id, actor=team.ewan)
    image = services.add_file(published, upload(png_with_metadata(), "wall.png"), actor=team.ewan, description="A wall")
    for person in (team.ewan, team.ailsa):
        services.give_consent(published, actor=person)
    services.submit(published, actor=team.ewan)
    services.review(published, actor=u["admin"], decision="publish", visibility="public")
    from io import BytesIO

    from werkzeug.datastructures import FileStorage

    item = services.add_file(draft, FileStorage(BytesIO(b"notes"), filename="notes.txt"), actor=u["practitioner"])
    db.session.commit()
    d, p = {"account_id": draft.id}, {"account_id": published.id}
    world.args.update(
        {
            "practice.draft_account": {"team_id": team.team.id},
            "practice.show_account": d,
            "practice.edit_account": d,
            "practice.add_file": d,
            "practice.remove_file": {**d, "file_id": item.id},
            "practice.download_file": {**d, "file_id": item.id},
            "practice.give_consent": d,
            "practice.submit_account": d,
            "practice.present_account": d,
            "practice.record_use": p,
            "practice.print_account": p,
            "practice.pdf_account": p,
            "practice.export_account": p,
            "practice.public_account": p,
            "practice.public_image": {**p, "file_id": image.id},
            "practice.review_account": p,
            "practice.show_version": {**p, "number": 1},
            "practice.remove_reviewer": {"user_id": team.reviewer.id},
        }
    )


def _team_for(world):
    """A team of the matrix practitioner (for the draft) and another team (for a published account)."""
    from types import SimpleNamespace

    from portal.accounts.models import User, UserRole
    from portal.enquiries import teams
    from portal.enquiries.models import Theme

    u = world.users
    establishment = u["practitioner"].establishment

    def make_user(*roles, name, email, establishment=establishment):
        person = User(name=name, email=email, establishment=establishment, job_title="Teacher")
        person.role_rows = [UserRole(role=str(r)) for r in roles]
        db.session.add(person)
        db.session.flush()
        return person

    theme = db.session.scalar(db.select(Theme).limit(1))
    mine = teams.create_team(actor=u["practitioner"], theme=theme, name="Matrix practice team")
    other = build_team(make_user, lambda **kw: establishment, prefix="matrix")
    reviewer = make_user(name="Matrix reviewer", email="matrix-reviewer@test.example.org")
    services.set_reviewer(reviewer, actor=u["admin"])
    return SimpleNamespace(team=mine, other_team=other.team, ewan=other.ewan, ailsa=other.ailsa, reviewer=reviewer)
