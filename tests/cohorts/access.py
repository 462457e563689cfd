"""Access expectations for network cohorts: staff pages, an LA's own nominations, participants, team spaces."""

from portal.cohorts.models import CohortFacilitator, CohortTeam, NetworkCohort, Nomination
from portal.cohorts.teams import ensure_meetings
from portal.extensions import db
from tests.support.access import Expect, only, signed_in

EXPECT = {
    "cohorts.list_cohorts": signed_in(),
    "cohorts.new_cohort": only("admin"),
    "cohorts.edit_cohort": only("admin"),
    "cohorts.show_cohort": only("key_facilitator", "la_officer", "admin"),
    "cohorts.advance_cohort": only("admin", ok=422, method="POST"),  # rules not met and no reason given
    "cohorts.list_nominations": only("la_officer", "admin"),
    "cohorts.nominate": only("la_officer", ok=422, method="POST"),  # nothing chosen; the admin names no LA here: 403
    "cohorts.name_facilitator": only("la_officer", ok=422, method="POST"),
    "cohorts.edit_nomination": only("la_officer", "admin"),  # a Glasgow nomination; the officer is Glasgow's
    # The officer removes it first, so the admin then finds nothing to remove.
    "cohorts.remove_nomination": Expect(403, {"anonymous": 302, "la_officer": 302, "admin": 404}, "POST"),
    "cohorts.remove_facilitator": Expect(403, {"anonymous": 302, "la_officer": 302, "admin": 404}, "POST"),
    "cohorts.answer_survey": only("practitioner"),  # participants only
    "cohorts.my_cohort": only("practitioner"),
    "cohorts.confidence": only("practitioner"),
    "cohorts.survey_status": only("admin"),
    "cohorts.send_reminders": only("admin", ok=302, method="POST"),
    "cohorts.flag_facilitator": only("admin", ok=400, method="POST"),  # no person named
    "cohorts.show_team": only("practitioner", "key_facilitator", "admin"),
    "cohorts.save_team_plan": only("practitioner", "key_facilitator", "admin", ok=302, method="POST"),
    "cohorts.save_meeting": only("key_facilitator", "admin", ok=302, method="POST"),
    "cohorts.matching_event": only("admin"),
    "cohorts.preview_move": only("admin", ok=422),  # no plan yet
    # "run" before the survey closed: refused, flashed, back to the board (post/redirect/get)
    "cohorts.change_matching": only("admin", ok=302, method="POST"),
    "cohorts.reopen_survey": only("admin", ok=302, method="POST"),  # refused (not closed): flashed
    "cohorts.change_published_team": only("admin", ok=404, method="POST"),  # no establishment named
    "cohorts.change_published_person": only("admin", ok=404, method="POST"),  # no person named
    "cohorts.assign_facilitator": only("admin", ok=302, method="POST"),
}


def setup(world):
    users = world.users
    open_cohort = NetworkCohort(school_year="2030-31", letter="A", stage="nominating", interests_text="A\nB\nC")
    done = NetworkCohort(school_year="2030-31", letter="B", stage="published", interests_text="A\nB\nC")
    db.session.add_all([open_cohort, done])
    db.session.flush()
    la = users["practitioner"].establishment.authority_id  # Glasgow City, like the matrix's LA officer
    team = CohortTeam(cohort_id=done.id, number=1, facilitator_id=users["key_facilitator"].id)
    db.session.add(team)
    db.session.flush()
    ensure_meetings(team)
    mine = Nomination(
        cohort_id=done.id,
        establishment=users["practitioner"].establishment,
        authority_id=la,
        practitioner=users["practitioner"],
        team_id=team.id,
    )
    editable = Nomination(cohort_id=open_cohort.id, establishment=users["senior_leader"].establishment, authority_id=la)
    removable = Nomination(
        cohort_id=open_cohort.id, establishment=users["forum_coordinator"].establishment, authority_id=la
    )
    fac = CohortFacilitator(cohort_id=open_cohort.id, user=users["key_facilitator"], authority_id=la)
    db.session.add_all([mine, editable, removable, fac])
    db.session.commit()
    cohort_args = {"cohort_id": open_cohort.id}
    for endpoint in (
        "edit_cohort",
        "show_cohort",
        "advance_cohort",
        "list_nominations",
        "nominate",
        "name_facilitator",
        "survey_status",
        "send_reminders",
        "flag_facilitator",
        "reopen_survey",
        "change_published_team",
        "change_published_person",
    ):
        world.args[f"cohorts.{endpoint}"] = cohort_args
    for endpoint in ("answer_survey", "my_cohort"):
        world.args[f"cohorts.{endpoint}"] = {"cohort_id": done.id}
    world.args["cohorts.confidence"] = {"cohort_id": done.id, "phase": "start"}
    world.args["cohorts.edit_nomination"] = {"nomination_id": editable.id}
    world.args["cohorts.remove_nomination"] = {"nomination_id": removable.id}
    world.args["cohorts.remove_facilitator"] = {"row_id": fac.id}
    world.args["cohorts.show_team"] = {"team_id": team.id}
    world.args["cohorts.save_team_plan"] = {"team_id": team.id}
    world.args["cohorts.save_meeting"] = {"team_id": team.id, "kind": 1}
    world.args["cohorts.matching_event"] = cohort_args
    world.args["cohorts.preview_move"] = cohort_args
    world.args["cohorts.change_matching"] = {**cohort_args, "action": "run"}
    world.args["cohorts.assign_facilitator"] = {"team_id": team.id}
