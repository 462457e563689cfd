from tests.support.access import Expect, only, signed_in

SL, ADMIN = "senior_leader", "admin"
STAFF = ("la_officer", "key_facilitator", ADMIN)


def owner_only(ok=200, method="GET", others=404, data=None):
    """Only the author of the evaluation or plan; everyone else is told it does not exist."""
    return Expect(others, {"anonymous": 302, SL: ok}, method, data or {})


EXPECT = {
    "leadership.list_evaluations": only(SL, ADMIN),
    "leadership.start_evaluation": only(SL, ADMIN, ok=404, method="POST"),  # no framework chosen
    "leadership.evaluate": owner_only(),
    "leadership.autosave_evaluation": Expect(404, {"anonymous": 401, SL: 200}, "POST"),
    "leadership.resume_evaluation": Expect(404, {"anonymous": 302}),  # no kept answers for this browser
    "leadership.review_evaluation": Expect(403, {"anonymous": 302, SL: 200, ADMIN: 404}),
    "leadership.show_result": owner_only(),
    "leadership.compare_evaluations": Expect(403, {"anonymous": 302, SL: 200, ADMIN: 404}),
    "leadership.list_plans": signed_in(),
    "leadership.create_plan": Expect(403, {"anonymous": 302, SL: 302, ADMIN: 404}, "POST"),
    "leadership.show_plan": owner_only(),
    "leadership.print_plan": owner_only(),
    "leadership.edit_priority": owner_only(422, "POST"),
    "leadership.add_goal": owner_only(422, "POST"),
    "leadership.remove_goal": owner_only(400, "POST"),  # a goal that is not in the plan
    "leadership.choose_modules": owner_only(302, "POST"),
    "leadership.request_learning": owner_only(422, "POST"),
    "leadership.share_plan": owner_only(422, "POST"),
    "leadership.comment_plan": owner_only(422, "POST"),
    "leadership.resolve_comment": owner_only(400, "POST"),  # a comment that is not on the plan
    "leadership.agree_plan": owner_only(403, "POST"),  # authors do not agree their own plans
    "leadership.delete_plan": owner_only(200, "POST"),  # the confirm page: nothing is deleted without it
    "leadership.list_learning_requests": only(ADMIN),
    "leadership.insights": only("la_officer", "researcher", ADMIN),
    "leadership.list_cohorts": only(*STAFF),
    "leadership.create_year": only(ADMIN, ok=422, method="POST"),
    "leadership.create_cohort": only(ADMIN, ok=422, method="POST"),
    "leadership.show_cohort": only(*STAFF),
    "leadership.nominate": only("la_officer", ADMIN, ok=422, method="POST"),
    "leadership.confirm_place": only(ADMIN, ok=302, method="POST"),
    # The living plan: the world's plan is a draft, so its owner may not yet work on it or be reviewed.
    "leadership.reopen_plan": owner_only(403, "POST"),
    "leadership.record_progress": owner_only(403, "POST"),
    "leadership.reflect_on_goal": owner_only(403, "POST"),
    "leadership.record_review": owner_only(403, "POST"),
    "leadership.complete_plan": owner_only(403, "POST"),
    "leadership.download_evidence": Expect(404, {"anonymous": 302}),  # no such update on the plan
    "leadership.my_programme": only(SL, ADMIN),
    "leadership.cohort_progress": Expect(403, {"anonymous": 302, "key_facilitator": 404, ADMIN: 200}),
}


def setup(world):
    from tests.leadership.helpers import leader_world

    made = leader_world(world.users[SL], world.users[ADMIN])
    a = world.args
    ev, draft, plan = made["submitted"], made["draft"], made["plan"]
    a["leadership.start_evaluation"] = {}
    for endpoint in ("evaluate", "autosave_evaluation"):
        a[f"leadership.{endpoint}"] = {"evaluation_id": draft.id, "position": 1}
    a["leadership.resume_evaluation"] = {"evaluation_id": draft.id, "token": "forged"}
    a["leadership.review_evaluation"] = {"evaluation_id": draft.id}
    a["leadership.show_result"] = {"evaluation_id": ev.id}
    a["leadership.create_plan"] = {"evaluation_id": ev.id}
    a["leadership.compare_evaluations"] = {"first": made["earlier"].id, "second": ev.id}
    for endpoint in (
        "show_plan",
        "print_plan",
        "add_goal",
        "choose_modules",
        "request_learning",
        "share_plan",
        "comment_plan",
        "agree_plan",
        "delete_plan",
        "reopen_plan",
        "record_review",
        "complete_plan",
    ):
        a[f"leadership.{endpoint}"] = {"plan_id": plan.id}
    a["leadership.edit_priority"] = {"plan_id": plan.id, "priority_id": plan.priorities[0].id}
    a["leadership.remove_goal"] = {"plan_id": plan.id, "goal_id": 999999}
    a["leadership.resolve_comment"] = {"plan_id": plan.id, "comment_id": 999999}
    for endpoint in ("record_progress", "reflect_on_goal"):
        a[f"leadership.{endpoint}"] = {"plan_id": plan.id, "goal_id": 999999}
    a["leadership.download_evidence"] = {"plan_id": plan.id, "update_id": 999999}
    a["leadership.my_programme"] = {}
    a["leadership.cohort_progress"] = {"cohort_id": made["cohort"].id}
    a["leadership.show_cohort"] = {"cohort_id": made["cohort"].id}
    a["leadership.nominate"] = {"cohort_id": made["cohort"].id}
    a["leadership.confirm_place"] = {"place_id": made["place"].id}
