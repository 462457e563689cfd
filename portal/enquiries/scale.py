"""Partnership-scale enquiry history: five themes a year, teams, plans, measures, data and notes, in bulk."""

from datetime import date, datetime, timedelta

from sqlalchemy import insert

from portal.core.roles import Role
from portal.enquiries.cycle_models import Cycle
from portal.enquiries.demo import MINUTES, PLAN, THEMES_2020_21
from portal.enquiries.models import Registration, Team, TeamFacilitator, TeamMember, Theme
from portal.enquiries.plan_models import DataPoint, Enquiry, EvidenceNote, Measure, MeasurePhase, PlanSection
from portal.extensions import db

TEAMS_PER_THEME = 60


def _ids(model, rows) -> list[int]:
    return list(db.session.scalars(insert(model).returning(model.id, sort_by_parameter_order=True), rows))


def load_scale(ctx) -> None:
    rng = ctx.rng
    practitioners = ctx.user_ids_by_role[Role.PRACTITIONER]
    facilitators = ctx.user_ids_by_role.get(Role.KEY_FACILITATOR, [])
    est_la = ctx.establishment_authority
    years = [f"{2020 - k}-{(21 - k) % 100:02d}" for k in range(ctx.years)]
    theme_rows = [
        {"school_year": y, "title": t, "description": d, "created_at": datetime(int(y[:4]), 6, 1)}
        for y in years
        for t, d in THEMES_2020_21.items()
    ]
    theme_ids = _ids(Theme, theme_rows)
    team_rows, member_sets = [], []
    for theme_id, row in zip(theme_ids, theme_rows, strict=True):
        for n in range(TEAMS_PER_THEME):
            team_rows.append(
                {
                    "kind": "themed",
                    "theme_id": theme_id,
                    "name": f"{row['title'][:40]} team {n + 1}",
                    "shared_goal": "A small change, measured.",
                    "created_at": row["created_at"],
                }
            )
            member_sets.append(rng.sample(practitioners, rng.randint(2, 5)))
    team_ids = _ids(Team, team_rows)
    members, registrations, links = [], {}, []
    for team_id, row, people in zip(team_ids, team_rows, member_sets, strict=True):
        for uid in people:
            est = ctx.user_establishment.get(uid)
            members.append(
                {
                    "team_id": team_id,
                    "user_id": uid,
                    "establishment_id": est,
                    "authority_id": est_la.get(est),
                    "joined_at": row["created_at"],
                }
            )
            registrations[(row["theme_id"], uid)] = {
                "theme_id": row["theme_id"],
                "user_id": uid,
                "authority_id": est_la.get(est),
                "establishment_id": None,
                "created_at": row["created_at"],
            }
        if facilitators and rng.random() < 0.3:
            links.append({"team_id": team_id, "user_id": rng.choice(facilitators)})
    db.session.execute(insert(TeamMember), members)
    db.session.execute(insert(Registration), list(registrations.values()))
    if links:
        db.session.execute(insert(TeamFacilitator), links)
    enquiry_rows = [
        {
            "team_id": t,
            "status": "shared" if r["created_at"].year < 2020 else "implementing",
            "published_at": r["created_at"] + timedelta(days=280) if r["created_at"].year < 2020 else None,
            "updated_at": r["created_at"],
        }
        for t, r in zip(team_ids, team_rows, strict=True)
    ]
    enquiry_ids = _ids(Enquiry, enquiry_rows)
    sections, measures, notes = [], [], []
    for eid, row in zip(enquiry_ids, enquiry_rows, strict=True):
        for key, text in PLAN.items():
            sections.append(
                {"enquiry_id": eid, "key": key, "text": text, "version": 1, "updated_at": row["updated_at"]}
            )
        measures.append(
            {
                "enquiry_id": eid,
                "name": "Minutes of learning outdoors per week",
                "kind": "quantitative",
                "shows": "process",
                "baseline": "30",
                "target": "90",
                "how_collected": "Log",
                "when_collected": "Weekly",
            }
        )
        measures.append(
            {
                "enquiry_id": eid,
                "name": "Engagement",
                "kind": "observation",
                "shows": "outcome",
                "baseline": "",
                "target": "",
                "how_collected": "Observation",
                "when_collected": "Termly",
            }
        )
        for k in range(2):
            notes.append(
                {
                    "enquiry_id": eid,
                    "kind": "observation",
                    "on": row["updated_at"].date() + timedelta(days=40 * k),
                    "observer": "A colleague",
                    "text": "What we saw.",
                    "file_key": "",
                    "filename": "",
                    "created_at": row["updated_at"],
                }
            )
    db.session.execute(insert(PlanSection), sections)
    measure_ids = _ids(Measure, measures)
    points, phases, cycle_rows = [], [], []
    for mid, m, eid_row in zip(measure_ids, measures, [r for r in enquiry_rows for _ in range(2)], strict=True):
        if m["kind"] != "quantitative":
            continue
        start = eid_row["updated_at"].date() if isinstance(eid_row["updated_at"], datetime) else date(2020, 9, 1)
        for k in range(rng.randint(1, 3)):  # some PDSA cycles per team, drawn on this measure's chart
            cycle_rows.append(
                {
                    "enquiry_id": m["enquiry_id"],
                    "measure_id": mid,
                    "title": f"Cycle {k + 1}",
                    "starts_on": start + timedelta(weeks=6 + 2 * k),
                    "ends_on": start + timedelta(weeks=7 + 2 * k),
                    "prediction": "The change raises the measure.",
                    "done": "As planned.",
                    "showed": "A rise against the baseline median.",
                    "decision": rng.choice(("adopt", "adapt", "abandon")),
                    "created_at": eid_row["updated_at"],
                }
            )
        for week, value in enumerate(MINUTES):
            points.append(
                {
                    "measure_id": mid,
                    "on": start + timedelta(weeks=week),
                    "value": value + rng.randint(-5, 5),
                    "note": "",
                }
            )
        phases.append({"measure_id": mid, "starts_on": start + timedelta(weeks=6), "label": "After the change"})
    db.session.execute(insert(DataPoint), points)
    db.session.execute(insert(MeasurePhase), phases)
    if cycle_rows:
        db.session.execute(insert(Cycle), cycle_rows)
    db.session.execute(insert(EvidenceNote), notes)
    db.session.flush()
