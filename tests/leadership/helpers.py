"""Building blocks for leadership tests: frameworks, rated evaluations, a plan, a cohort."""

from datetime import date, timedelta

from portal.extensions import db
from portal.frameworks import services as frameworks
from portal.leadership import plans, programme, queries, services
from portal.leadership.demo import ensure_frameworks


def rate(evaluation, owner, ratings_by_module: dict | int, submit=True):
    """Give every statement a rating (per module key, or one value for all) and optionally submit."""
    version = frameworks.load_version(evaluation.version_id)
    for section in version.sections:
        value = ratings_by_module if isinstance(ratings_by_module, int) else ratings_by_module.get(section.module, 4)
        services.save_answers(
            evaluation, {i.id: (str(value), "") for i in section.items}, scale_values=range(1, 7), actor=owner
        )
    if submit:
        services.submit_evaluation(evaluation, version, actor=owner)
    return version


def submitted_evaluation(owner, ratings=4, label="Start of year"):
    framework = ensure_frameworks()["leadership"]
    evaluation = services.start_evaluation(framework, label=label, actor=owner)
    version = rate(evaluation, owner, ratings)
    return evaluation, version


def plan_from(evaluation, version, owner):
    result = services.result_of(version, services.answers_by_item(evaluation), 6)
    return queries.load_plan(plans.create_plan(evaluation, result, 6, actor=owner).id)


def leader_world(leader, admin):
    """A leader with an earlier and a later submitted evaluation, a draft, a plan; a cohort with a place."""
    earlier, _ = submitted_evaluation(leader, 3, "Earlier")
    submitted, version = submitted_evaluation(leader, {"data": 2, "observation": 3}, "Later")
    draft = services.start_evaluation(ensure_frameworks()["leadership"], label="Draft", actor=leader)
    plan = plan_from(submitted, version, leader)
    today = date.today()
    year = programme.create_year(
        label="2030-31", starts_on=today - timedelta(days=30), ends_on=today + timedelta(days=330), actor=admin
    )
    cohort = programme.create_cohort(year, name="Cohort A", actor=admin, first_day=date.today() + timedelta(days=30))
    place = programme.nominate(cohort, leader.email, actor=admin)
    db.session.commit()
    return {
        "earlier": earlier,
        "submitted": submitted,
        "draft": draft,
        "plan": plan,
        "cohort": cohort,
        "place": place,
        "version": version,
    }
