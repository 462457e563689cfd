"""Access expectations for every enquiries endpoint: a team's plan and evidence are for its members, its LA's
link officer, its assigned facilitator and the admin; published summaries also for registrants and researchers."""

import io
from datetime import date

from werkzeug.datastructures import FileStorage

from portal.enquiries import charts, cycles, evidence, plans, teams, themes
from portal.enquiries.models import JoinRequest, TeamMember, ThemeResource
from portal.enquiries.queries import team_page
from portal.extensions import db
from tests.support.access import Expect, only, signed_in

EDITORS = ("practitioner", "admin")  # the matrix practitioner is the team's member
VIEWERS = (*EDITORS, "la_officer", "key_facilitator")  # same-LA officer, assigned facilitator
REGISTRANTS = ("practitioner", "senior_leader", "key_facilitator")


def post(*actors, ok=303, data=None, **statuses):
    expect = only(*actors, ok=ok, method="POST", data=data)
    return Expect(expect.default, {**expect.statuses, **statuses}, "POST", expect.data)


EXPECT = {
    "enquiries.list_themes": signed_in(),
    "enquiries.new_theme": only("admin"),
    "enquiries.edit_theme": only("admin"),
    "enquiries.add_resource": post(
        "admin", ok=302, data={"resource-title": "Paper", "resource-url": "https://example.org/p"}
    ),
    "enquiries.delete_resource": post("admin"),
    "enquiries.download_resource": signed_in(),
    "enquiries.show_theme": signed_in(),
    "enquiries.register": post(*REGISTRANTS),
    "enquiries.list_registrations": only("la_officer", "admin"),
    "enquiries.list_summaries": only("admin", "researcher", "la_officer", "practitioner", "senior_leader"),
    "enquiries.link_officers": only("admin"),
    "enquiries.create_challenge_questions": post("admin"),
    "enquiries.my_teams": signed_in(),
    "enquiries.new_team": only(*REGISTRANTS),
    "enquiries.edit_team": only(*EDITORS),
    "enquiries.show_team": only(*VIEWERS),
    "enquiries.invite_member": post(*EDITORS, data={"email": "new.colleague@test.example.org"}, admin=422),
    "enquiries.accept_invitation": signed_in(410),
    "enquiries.request_join": post(*REGISTRANTS),
    "enquiries.leave_team": only(*EDITORS),
    "enquiries.remove_member": post(
        *EDITORS, data={"confirmed": "yes"}
    ),  # past the confirm step; the matrix member is the last one: refused, back to the team
    "enquiries.decide_request": post(*EDITORS, data={"decision": "decline"}),
    "enquiries.assign_facilitator": post("admin", data={"email": "nobody@test.example.org"}),
    "enquiries.show_plan": only(*VIEWERS),
    "enquiries.save_section": post(*EDITORS, data={"text": "Our change", "version": "0"}),
    "enquiries.autosave_section": post(*EDITORS, data={"text": "Half a thought", "version": "0"}),
    "enquiries.set_status": post(*EDITORS, data={"status": "implementing"}),
    "enquiries.new_measure": only(*EDITORS),
    "enquiries.edit_measure": only(*EDITORS),
    "enquiries.show_evidence": only(*VIEWERS),
    "enquiries.show_measure": only(*VIEWERS),
    "enquiries.add_data_point": post(*EDITORS, data={"on": "2021-03-01", "value": "5"}),
    "enquiries.new_note": only(*EDITORS),
    "enquiries.download_attachment": only(*VIEWERS),
    "enquiries.show_summary": only(*VIEWERS, "researcher", "senior_leader"),
    "enquiries.publish_summary": post(*EDITORS, data={"confirmed": "yes"}),  # past the confirm step
    "enquiries.set_chart": post(*EDITORS, data={"better": "up", "chart": "run"}),
    "enquiries.add_phase": post(*EDITORS, data={"starts_on": "2021-03-01", "label": "New timetable"}, admin=422),
    "enquiries.remove_phase": only(*EDITORS),  # GET: the confirm page
    # Corrections and the improvement record: deletes answer the confirm page (200) until confirmed.
    "enquiries.edit_data_point": only(*EDITORS),
    "enquiries.delete_data_point": post(*EDITORS, ok=200),
    "enquiries.delete_measure": post(*EDITORS, ok=200),
    "enquiries.edit_note": only(*EDITORS),
    "enquiries.delete_note": post(*EDITORS, ok=200),
    "enquiries.edit_aim": only(*EDITORS),
    "enquiries.edit_drivers": only(*EDITORS),
    "enquiries.remove_driver": post(*EDITORS, ok=200),
    "enquiries.new_cycle": only(*EDITORS),
    "enquiries.edit_cycle": only(*EDITORS),
    "enquiries.delete_cycle": post(*EDITORS, ok=200),
}


def setup(world):
    u = world.users
    admin = u["admin"]
    theme = themes.save_theme(None, actor=admin, school_year="2020-21", title="Outdoor Learning", description="")
    themes.add_resource(theme, actor=admin, title="To delete", url="https://example.org/old")
    kept = themes.add_resource(
        theme, actor=admin, title="Paper", upload=FileStorage(io.BytesIO(b"%PDF-1.4 paper"), filename="paper.pdf")
    )
    team = teams.create_team(actor=u["practitioner"], theme=theme, name="Matrix team")
    teams.assign_facilitator(team, u["key_facilitator"], actor=admin)
    themes.register(theme, actor=u["senior_leader"])
    enquiry = team_page(team.id)[1]
    measure = plans.save_measure(
        enquiry, None, actor=u["practitioner"], name="Minutes", kind="quantitative", shows="outcome"
    )
    phase = charts.add_phase(enquiry, measure, actor=u["practitioner"], starts_on=date(2021, 1, 11), label="Change")
    note = evidence.add_note(
        enquiry,
        actor=u["practitioner"],
        kind="observation",
        on=date.today(),
        observer="Ewan",
        text="Seen",
        upload=FileStorage(io.BytesIO(b"notes"), filename="notes.txt"),
    )
    evidence.publish_summary(enquiry, actor=u["practitioner"])
    point = evidence.add_data_point(enquiry, measure, actor=u["practitioner"], on=date(2021, 1, 4), value="5")
    driver = cycles.add_driver(enquiry, actor=u["practitioner"], kind="primary", text="Confident learners")
    cycle = cycles.save_cycle(
        enquiry,
        None,
        actor=u["practitioner"],
        title="Outdoor maths",
        measure_id=measure.id,
        starts_on=date(2021, 1, 11),
        ends_on=None,
        prediction="More minutes outdoors",
    )
    req = JoinRequest(team_id=team.id, user_id=u["forum_coordinator"].id)
    db.session.add(req)
    db.session.commit()
    deleted = db.session.scalar(db.select(ThemeResource).where(ThemeResource.title == "To delete"))
    t = {"team_id": team.id}
    world.args.update(
        {
            "enquiries.edit_theme": {"theme_id": theme.id},
            "enquiries.add_resource": {"theme_id": theme.id},
            "enquiries.delete_resource": {"resource_id": deleted.id},
            "enquiries.download_resource": {"resource_id": kept.id},
            "enquiries.show_theme": {"theme_id": theme.id},
            "enquiries.create_challenge_questions": {"theme_id": theme.id},
            "enquiries.register": {"theme_id": theme.id},
            "enquiries.list_registrations": {"theme_id": theme.id},
            "enquiries.list_summaries": {"theme_id": theme.id},
            "enquiries.new_team": {"theme_id": theme.id},
            "enquiries.accept_invitation": {"token": "forged"},
            "enquiries.decide_request": {"request_id": req.id},
            "enquiries.remove_member": {
                **t,
                "member_id": db.session.scalar(db.select(TeamMember.id).where(TeamMember.team_id == team.id)),
            },
            "enquiries.save_section": {**t, "key": "change"},
            "enquiries.autosave_section": {**t, "key": "change"},
            "enquiries.edit_measure": {**t, "measure_id": measure.id},
            "enquiries.show_measure": {**t, "measure_id": measure.id},
            "enquiries.add_data_point": {**t, "measure_id": measure.id},
            "enquiries.download_attachment": {**t, "note_id": note.id},
            "enquiries.set_chart": {**t, "measure_id": measure.id},
            "enquiries.add_phase": {**t, "measure_id": measure.id},
            "enquiries.remove_phase": {**t, "measure_id": measure.id, "phase_id": phase.id},
            "enquiries.edit_data_point": {**t, "measure_id": measure.id, "point_id": point.id},
            "enquiries.delete_data_point": {**t, "measure_id": measure.id, "point_id": point.id},
            "enquiries.delete_measure": {**t, "measure_id": measure.id},
            "enquiries.edit_note": {**t, "note_id": note.id},
            "enquiries.delete_note": {**t, "note_id": note.id},
            "enquiries.remove_driver": {**t, "driver_id": driver.id},
            "enquiries.edit_cycle": {**t, "cycle_id": cycle.id},
            "enquiries.delete_cycle": {**t, "cycle_id": cycle.id},
        }
    )
    for endpoint in (
        "edit_team",
        "show_team",
        "leave_team",
        "invite_member",
        "request_join",
        "assign_facilitator",
        "show_plan",
        "set_status",
        "new_measure",
        "show_evidence",
        "new_note",
        "show_summary",
        "publish_summary",
        "edit_aim",
        "edit_drivers",
        "new_cycle",
    ):
        world.args[f"enquiries.{endpoint}"] = t
