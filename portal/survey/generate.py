"""Made-up responses for the demo and the scale data (imported only by demo.py and scale.py): answers drawn
around a level per theme that rises a little each year, inserted in bulk with random keys."""

import json

from portal.extensions import db
from portal.organisations.models import SECTORS
from portal.survey.models import ROLE_GROUPS, YEARS_IN_POST, SurveyResponse, new_uuid
from portal.survey.scoring import theme_scores

SLT_ROLES = ("headteacher", "promoted")
STAFF_ROLES = tuple(r for r in ROLE_GROUPS if r not in SLT_ROLES)
YEARS = tuple(YEARS_IN_POST)
WRITTEN = (
    "More time in the timetable to plan with colleagues from other schools.",
    "Cover so that we can visit each other's classes.",
    "A shared place to keep what each enquiry team found out.",
    "Clearer links between our improvement plan and the network projects.",
)


def response_rows(rng, survey, version_row, n: int, *, lift: float, places: list[tuple[int, str, int]]) -> list[dict]:
    """`n` response rows; `places` are (authority id, sector, establishment id) to draw from; SLT one in six."""
    shapes = {}
    for version in ("slt", "staff"):
        items = version_row.items_for(version)
        shapes[version] = ([i.key for i in items], {i.key: i.theme for i in items})
    rows = []
    for _ in range(n):
        version = "slt" if rng.random() < 1 / 6 else "staff"
        keys, themes = shapes[version]
        authority_id, sector, establishment_id = rng.choice(places)
        centre = 2.6 + lift + (0.3 if version == "slt" else 0)
        answers = {key: 0 if rng.random() < 0.05 else max(1, min(4, round(centre + rng.gauss(0, 0.8)))) for key in keys}
        rows.append(
            {
                "id": new_uuid(),
                "survey_id": survey.id,
                "version_id": version_row.id,
                "version": version,
                "sector": sector if sector in SECTORS else "Primary",
                "role_group": rng.choice(SLT_ROLES if version == "slt" else STAFF_ROLES),
                "years_in_post": rng.choice(YEARS),
                "authority_id": authority_id,
                "establishment_id": establishment_id if rng.random() < 0.3 else None,
                "answers": json.dumps(answers, sort_keys=True),
                "open_answer": rng.choice(WRITTEN) if rng.random() < 0.2 else "",
                **theme_scores(themes, answers),
            }
        )
    return rows


def insert_responses(rows: list[dict]) -> None:
    rows.sort(key=lambda r: r["id"])  # key order, never the order they were made
    for start in range(0, len(rows), 2000):
        db.session.execute(SurveyResponse.__table__.insert(), rows[start : start + 2000])  # Core executemany
    db.session.flush()
