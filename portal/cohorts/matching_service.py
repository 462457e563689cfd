"""The matching event over the engine (portal.matching): run, preview, move, pin, keep apart, re-optimise.

Every action is kept as a MatchingRecord (who, when, inputs, the plan after it) so a plan can be explained.
"""

from sqlalchemy import bindparam, select

from portal.accounts.models import User
from portal.cohorts import publishing, queries
from portal.cohorts.access import can_manage_cohorts
from portal.cohorts.models import MatchingConstraint, MatchingRecord, NetworkCohort
from portal.core.forms import ServiceError
from portal.extensions import db
from portal.matching import MatchingInputError, build_problem, check_plan, preview_move, similarity_matrix
from portal.matching.cli import run_json
from portal.matching.engine import STAY
from portal.matching.explain import plan_shared_percent, reasons, team_reports
from portal.matching.similarity import interest_vectors, total_score, vocabulary


def _admin(actor, cohort) -> None:
    if not can_manage_cohorts(actor):
        raise ServiceError((None, "Only the partnership lead officer runs the matching."))
    if cohort.stage != "matching":
        raise ServiceError((None, "Matching happens after the interests survey closes and before publication."))


def problem_input(cohort: NetworkCohort, *, entries=None, answers=None, constraints=None) -> dict:
    """The engine's JSON document for this cohort: establishments by id with their names and answers (none for
    an establishment that never answered: the engine places it by LA and sector), pins and linked pairs. A page
    that has already read the cohort's entries (queries.entries), answers or constraints passes them in."""
    if answers is None:
        answers = queries.responses_by_user(cohort)
    if entries is None:
        entries = queries.entries(cohort)
    if constraints is None:
        constraints = queries.constraints(cohort)
    establishments = [
        {
            "id": str(n.establishment_id),
            "name": n.name,
            "authority": n.authority,
            "sector": n.sector,
            "interests": [answers[pid].ranked for pid, _ in n.people if pid in answers],
        }
        for n in entries
    ]

    def pairs(kind):
        return [[str(c.establishment_id), str(c.other_establishment_id)] for c in constraints if c.kind == kind]

    return {
        "teams": cohort.team_count,
        "establishments": establishments,
        "pinned": {str(c.establishment_id): c.team_index for c in constraints if c.kind == "pin"},
        "apart": pairs("apart"),
        "together": pairs("together"),
    }


def non_respondents(data: dict) -> list[str]:
    """Names of the establishments nobody answered the survey for (placed by LA and sector alone)."""
    return [e["name"] for e in data["establishments"] if not e["interests"]]


def _problem(data: dict):
    try:
        return build_problem(
            data["establishments"],
            teams=data["teams"],
            pinned=data["pinned"],
            apart=data["apart"],
            together=data.get("together"),
        )
    except MatchingInputError as error:
        raise ServiceError((None, f"The matching cannot start: {error}.")) from None


def shared_percent(plan: dict) -> int:
    """The plan's score on a scale people read: the share of possible shared interests, 0-100."""
    return plan_shared_percent(plan["teams"], plan["score"])


def current(cohort: NetworkCohort):
    """The latest record that carries a plan: its action and its plan (`result`), or None."""
    return db.session.execute(_CURRENT, {"cohort_id": cohort.id}).first()


def history(cohort: NetworkCohort) -> list:
    """The latest thirty records, as the board lists them: when, what and by whom (not their inputs and plans)."""
    return db.session.execute(_HISTORY, {"cohort_id": cohort.id}).all()


_CURRENT = (
    select(MatchingRecord.action, MatchingRecord.result)
    .where(MatchingRecord.cohort_id == bindparam("cohort_id"), MatchingRecord.result.is_not(None))
    .order_by(MatchingRecord.id.desc())
    .limit(1)
)
_HISTORY = (
    select(MatchingRecord.at, MatchingRecord.action, User.name.label("by_name"))
    .join(User, User.id == MatchingRecord.by_id)
    .where(MatchingRecord.cohort_id == bindparam("cohort_id"))
    .order_by(MatchingRecord.id.desc())
    .limit(30)
)


def _record(cohort, actor, action, inputs, result) -> dict | None:
    db.session.add(MatchingRecord(cohort_id=cohort.id, action=action, by_id=actor.id, inputs=inputs, result=result))
    db.session.flush()
    return result


def _solve(data: dict, time_limit: float, seed: int) -> dict:
    try:
        return run_json(data, time_limit=time_limit, seed=seed)
    except MatchingInputError as error:
        raise ServiceError((None, f"The matching cannot start: {error}.")) from None


def run(cohort: NetworkCohort, *, actor, time_limit: float = 0.5, seed: int = 0) -> dict:
    """A fresh proposal for every team (pins and keep-apart pairs respected)."""
    _admin(actor, cohort)
    data = problem_input(cohort)
    return _record(cohort, actor, "run", {**data, "seed": seed}, _solve(data, time_limit, seed))


def reoptimise(cohort: NetworkCohort, *, actor, time_limit: float = 0.3, seed: int = 0, stay: float = STAY) -> dict:
    """Improve the current plan around the pins, moving an establishment only when the gain is worth `stay`
    (0: reshuffle freely); the result lists what moved."""
    _admin(actor, cohort)
    plan = _plan_or_fail(cohort)
    data = {**problem_input(cohort), "current": plan["teams"], "stay": stay}
    return _record(cohort, actor, "reoptimise", {**data, "seed": seed}, _solve(data, time_limit, seed))


def _plan_or_fail(cohort) -> dict:
    record = current(cohort)
    if record is None:
        raise ServiceError((None, "Run the matching first."))
    return record.result


def evaluate(data: dict, teams: list[list[str]]) -> dict:
    """Score, rule violations, team reports and reasons for a plan people arranged by hand."""
    problem = _problem(data)
    index = {e: i for i, e in enumerate(problem.ids)}
    as_idx = [[index[e] for e in members] for members in teams]
    vectors, labels = interest_vectors(problem), vocabulary(problem)[1]
    sim = similarity_matrix(problem)
    return {
        "teams": teams,
        "score": total_score(sim, as_idx),
        "violations": check_plan(problem, teams),
        "reasons": reasons(problem, as_idx, vectors, labels),
        "report": team_reports(problem, as_idx, vectors, sim, labels),
        "stats": {},
    }


def preview(cohort: NetworkCohort, est_id: str, to_team: int) -> dict:
    """What moving one establishment would do to the score and the rules, before anything changes."""
    plan = _plan_or_fail(cohort)
    data = problem_input(cohort)
    try:
        effect = preview_move(_problem(data), plan["teams"], est_id, to_team)
    except MatchingInputError as error:
        raise ServiceError(("team", f"That move is not possible: {error}.")) from None
    if effect["from"] == effect["to"]:
        raise ServiceError(("team", f"That establishment is in team {to_team + 1} already: choose another team."))
    return effect


def move(cohort: NetworkCohort, *, actor, est_id: str, to_team: int) -> dict:
    """Move one establishment by hand; the plan is re-scored and the move kept on record."""
    _admin(actor, cohort)
    effect = preview(cohort, est_id, to_team)
    teams = [[e for e in members if e != est_id] for members in _plan_or_fail(cohort)["teams"]]
    teams[to_team].append(est_id)
    result = {
        **evaluate(problem_input(cohort), teams),
        "moved": [{"id": est_id, "from": effect["from"], "to": to_team}],
    }
    return _record(cohort, actor, "move", {"id": est_id, "to": to_team, "preview": effect}, result)


def _in_cohort(cohort: NetworkCohort, *est_ids: int) -> None:
    """Refuse establishments the cohort has not nominated (a constraint on one would break every run)."""
    nominated = {n.establishment_id for n in queries.nominations(cohort)}
    if any(e not in nominated for e in est_ids):
        raise ServiceError(("establishment", "That establishment is not in this cohort: choose one from the list."))


def _name(est_id: int) -> str:
    return queries.establishment_name(est_id)


def _links(cohort) -> tuple[dict[int, int], set[frozenset], set[frozenset]]:
    constraints = queries.constraints(cohort)
    pins = {c.establishment_id: c.team_index for c in constraints if c.kind == "pin"}
    apart = {frozenset((c.establishment_id, c.other_establishment_id)) for c in constraints if c.kind == "apart"}
    together = {frozenset((c.establishment_id, c.other_establishment_id)) for c in constraints if c.kind == "together"}
    return pins, apart, together


def _pin_conflicts(cohort, est_id: int, team_index: int) -> None:
    """A pin that a keep-together or keep-apart pair contradicts is refused, naming the other establishment."""
    pins, apart, together = _links(cohort)
    for pair in together:
        if est_id in pair:
            (other,) = pair - {est_id}
            if pins.get(other) not in (None, team_index):
                raise ServiceError(
                    (
                        "team",
                        f"{_name(est_id)} is kept together with {_name(other)}, which is pinned to team "
                        f"{pins[other] + 1}: pin it there, or remove the pair first.",
                    )
                )
    for pair in apart:
        if est_id in pair:
            (other,) = pair - {est_id}
            if pins.get(other) == team_index:
                raise ServiceError(
                    (
                        "team",
                        f"{_name(est_id)} is kept apart from {_name(other)}, which is pinned to team "
                        f"{team_index + 1}: choose another team, or remove the pair first.",
                    )
                )


def pin(cohort: NetworkCohort, *, actor, est_id: int, team_index: int | None) -> None:
    """Pin an establishment to a team (None unpins it): re-optimising never moves it."""
    _admin(actor, cohort)
    _in_cohort(cohort, est_id)
    if team_index is not None and not 0 <= team_index < cohort.team_count:
        raise ServiceError(("team", f"There is no team {team_index + 1}: choose a team from 1 to {cohort.team_count}."))
    if team_index is not None:
        _pin_conflicts(cohort, est_id, team_index)
    db.session.execute(
        MatchingConstraint.__table__.delete().where(
            MatchingConstraint.cohort_id == cohort.id,
            MatchingConstraint.kind == "pin",
            MatchingConstraint.establishment_id == est_id,
        )
    )
    if team_index is not None:
        db.session.add(
            MatchingConstraint(
                cohort_id=cohort.id, kind="pin", establishment_id=est_id, team_index=team_index, by_id=actor.id
            )
        )
    _record(cohort, actor, "pin" if team_index is not None else "unpin", {"id": est_id, "team": team_index}, None)


def _pair_conflicts(cohort, kind: str, first: int, second: int) -> None:
    pins, apart, together = _links(cohort)
    a, b, pair = _name(first), _name(second), frozenset((first, second))
    if pair in (apart if kind == "apart" else together):
        raise ServiceError(("second", f"{a} and {b} are already kept {kind}."))
    if pair in (together if kind == "apart" else apart):
        other = "together" if kind == "apart" else "apart"
        raise ServiceError(("second", f"{a} and {b} are kept {other}: remove that pair first."))
    pa, pb = pins.get(first), pins.get(second)
    if kind == "apart" and pa is not None and pa == pb:
        raise ServiceError(("second", f"{a} and {b} are both pinned to team {pa + 1}: unpin one of them first."))
    if kind == "together" and None not in (pa, pb) and pa != pb:
        raise ServiceError(
            ("second", f"{a} is pinned to team {pa + 1} and {b} to team {pb + 1}: unpin one of them first.")
        )


def link(cohort: NetworkCohort, *, actor, kind: str, first: int, second: int) -> None:
    """Two establishments that must (kind "together") or must not ("apart") share a team, from the next run
    or re-optimisation on; a pair that contradicts a pin or another pair is refused with both names."""
    _admin(actor, cohort)
    if kind not in ("apart", "together"):
        raise ServiceError((None, "Unknown kind of pair."))
    if first == second:
        raise ServiceError(("second", "Choose two different establishments."))
    _in_cohort(cohort, first, second)
    _pair_conflicts(cohort, kind, first, second)
    db.session.add(
        MatchingConstraint(
            cohort_id=cohort.id, kind=kind, establishment_id=first, other_establishment_id=second, by_id=actor.id
        )
    )
    _record(cohort, actor, kind, {"ids": [first, second]}, None)


def keep_apart(cohort: NetworkCohort, *, actor, first: int, second: int) -> None:
    """Two establishments that must not share a team (applies at the next run or re-optimisation)."""
    link(cohort, actor=actor, kind="apart", first=first, second=second)


def unlink(cohort: NetworkCohort, *, actor, constraint_id: int) -> None:
    """Remove a keep-apart or keep-together pair."""
    _admin(actor, cohort)
    row = db.session.get(MatchingConstraint, constraint_id)
    if row is None or row.cohort_id != cohort.id or row.kind not in ("apart", "together"):
        raise ServiceError((None, "That pair is not kept for this cohort (perhaps it was removed already)."))
    db.session.delete(row)
    ids = [row.establishment_id, row.other_establishment_id]
    _record(cohort, actor, "unlink", {"kind": row.kind, "ids": ids}, None)


def pairs(cohort: NetworkCohort, nominations: dict, constraints=None) -> list[dict]:
    """Keep-apart and keep-together pairs with both establishments' names and LAs, for listing and removal."""
    out = []
    for c in queries.constraints(cohort) if constraints is None else constraints:
        if c.kind in ("apart", "together"):
            ends = [nominations.get(str(e)) for e in (c.establishment_id, c.other_establishment_id)]
            out.append({"id": c.id, "kind": c.kind, "ends": [n for n in ends if n is not None]})
    return sorted(out, key=lambda p: (p["kind"], p["id"]))


def publish_current(cohort: NetworkCohort, *, actor, notify: bool = True, plan: dict | None = None) -> list:
    """Publish the current plan: teams, members, facilitators by best fit, e-mails to everyone."""
    plan = plan or _plan_or_fail(cohort)
    if plan["violations"]:
        raise ServiceError(
            (
                None,
                "The plan breaks a rule: "
                + plan["violations"][0].get("detail", "see above")
                + ". Fix it before publishing.",
            )
        )
    by_est = {str(n.establishment_id): n.id for n in queries.nominations(cohort)}
    teams = [[by_est[e] for e in members] for members in plan["teams"]]
    dominant = [r.get("interests", []) for r in plan.get("report", [])]
    return publishing.publish(cohort, actor=actor, plan_teams=teams, dominant=dominant, notify=notify, plan=plan)
