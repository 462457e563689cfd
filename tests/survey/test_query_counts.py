"""The results page, the response rates and the written answers issue the same number of queries whatever the
number of responses, years, invitations and establishments."""

import random

from portal.core.roles import Role
from portal.extensions import db
from portal.survey import services
from portal.survey.generate import insert_responses, response_rows
from portal.survey.queries import latest_version
from tests.survey.conftest import open_survey

rng = random.Random(5)


def _grow(surveys, schools, n):
    places = [(s.authority_id, s.sector, s.id) for s in schools]
    for survey in surveys:
        insert_responses(response_rows(rng, survey, latest_version(survey), n, lift=0.1, places=places))
        for k in range(n // 10):
            services.invite(
                survey,
                email=f"p{n}.{k}@x.example.org",
                establishment=schools[k % len(schools)],
                version="staff",
                today=survey.opens_on,
            )
    db.session.commit()


def _counts(client, survey) -> dict:
    counts = {}
    pages = {
        "results": "/survey/results",
        "rates": f"/survey/{survey.id}/invitations",
        "written": f"/survey/{survey.id}/open-answers",
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        counts[name] = int(response.headers["X-Query-Count"])
    return counts


def test_query_counts_do_not_grow(client, login, make_user, make_establishment):
    login(make_user(Role.ADMIN))
    surveys = [open_survey(2024), open_survey(2025)]
    schools = [make_establishment(sector=s) for s in ("Primary", "Secondary")]
    _grow(surveys, schools, 15)
    small = _counts(client, surveys[-1])
    surveys.append(open_survey(2026))
    schools += [make_establishment(sector="ELC", authority_slug="east-renfrewshire")]
    _grow(surveys, schools, 60)
    assert _counts(client, surveys[-1]) == small
