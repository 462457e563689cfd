"""Insights aggregate the per-domain scores written at submission: exact, suppressed, constant queries."""

from collections import defaultdict
from datetime import datetime

from sqlalchemy import delete, select

from portal.core.roles import Role
from portal.extensions import db
from portal.frameworks.models import FrameworkItem, FrameworkSection
from portal.leadership import insights
from portal.leadership.demo import ensure_frameworks
from portal.leadership.models import EvaluationAnswer, EvaluationDomainScore, SelfEvaluation
from tests.leadership.helpers import submitted_evaluation


def _from_answers(framework_id, owners=None):
    """The reference: mean of every answer per domain and year, people counted once, straight from answers."""
    rows = db.session.execute(
        select(
            FrameworkSection.short_title, SelfEvaluation.submitted_at, SelfEvaluation.owner_id, EvaluationAnswer.rating
        )
        .join(EvaluationAnswer, EvaluationAnswer.evaluation_id == SelfEvaluation.id)
        .join(FrameworkItem, FrameworkItem.id == EvaluationAnswer.item_id)
        .join(FrameworkSection, FrameworkSection.id == FrameworkItem.section_id)
        .where(SelfEvaluation.framework_id == framework_id, SelfEvaluation.status == "submitted")
    )
    ratings, people = defaultdict(list), defaultdict(set)
    for title, when, owner, rating in rows:
        if owners is None or owner in owners:
            ratings[title, when.year].append(rating)
            people[title, when.year].add(owner)
    table = defaultdict(dict)
    for (title, year), values in ratings.items():
        count = len(people[title, year])
        table[title][year] = (round(sum(values) / len(values), 1) if count >= 5 else None, count)
    return dict(table)


def test_submission_records_one_score_per_domain(app, make_user):
    evaluation, version = submitted_evaluation(make_user(Role.SENIOR_LEADER), {"data": 2, "enquiry": 5})
    Score = EvaluationDomainScore
    scores = db.session.scalars(select(Score).where(Score.evaluation_id == evaluation.id))
    got = {s.section_key: (s.rating_sum, s.rating_count, s.year, s.title) for s in scores}
    want = {}
    for section in version.sections:
        value = {"data": 2, "enquiry": 5}.get(section.module, 4)
        count = len(section.items)
        want[section.key] = (value * count, count, evaluation.submitted_at.year, section.short_title)
    assert got == want


def test_insights_equal_the_answers_for_every_year_and_la(app, make_user):
    framework = ensure_frameworks()["leadership"]
    glasgow = []
    for n in range(14):
        owner = make_user(Role.SENIOR_LEADER, authority_slug="glasgow-city" if n % 2 else "inverclyde")
        if n % 2:
            glasgow.append(owner.id)
        for back, rating in ((0, 2 + n % 4), (1, 1 + n % 6)):
            evaluation, _ = submitted_evaluation(owner, {"data": rating, "sharing": 7 - rating})
            evaluation.submitted_at = datetime(2024 - back, 3, 1 + n)
            insights.record_scores(evaluation.id)  # re-dated after submission, as the demo does
    db.session.commit()
    researcher = make_user(Role.RESEARCHER)
    years, table = insights.domain_means(framework.id, researcher)
    assert years == [2023, 2024] and table == _from_answers(framework.id)
    officer = make_user(Role.LA_OFFICER, authority_slug="glasgow-city")
    assert insights.domain_means(framework.id, officer)[1] == _from_answers(framework.id, set(glasgow))
    # The bulk path (scale loader, migration) writes exactly the same rows.
    before = sorted(db.session.execute(select(*[getattr(EvaluationDomainScore, c) for c in insights.SCORE_COLUMNS])))
    db.session.execute(delete(EvaluationDomainScore))
    insights.record_scores()
    after = sorted(db.session.execute(select(*[getattr(EvaluationDomainScore, c) for c in insights.SCORE_COLUMNS])))
    assert after == before


def test_insights_query_count_does_not_grow(client, login, make_user):
    submitted_evaluation(make_user(Role.SENIOR_LEADER), 3)
    db.session.commit()
    login(make_user(Role.LA_OFFICER, authority_slug="glasgow-city"))
    small = client.get("/leadership/insights").headers["X-Query-Count"]
    for n in range(8):
        submitted_evaluation(make_user(Role.SENIOR_LEADER, authority_slug="glasgow-city"), 1 + n % 6)
    db.session.commit()
    response = client.get("/leadership/insights")
    assert response.status_code == 200 and "(9 people)" in response.get_data(as_text=True)
    assert response.headers["X-Query-Count"] == small
