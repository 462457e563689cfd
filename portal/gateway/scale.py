"""Partnership-scale Gateway data: a profile for every scale practitioner (about 30,000), requests and teams."""

from datetime import datetime, timedelta

from sqlalchemy import insert

from portal.core.roles import Role
from portal.enquiries.models import Team, TeamMember
from portal.enquiries.plan_models import Enquiry
from portal.extensions import db
from portal.gateway.models import GatewayTeam, Profile, Request
from portal.gateway.vocabulary import INTERESTS, MODES, STAGES

WANTS = [
    "reluctant writers",
    "number sense",
    "outdoor learning",
    "play-based learning",
    "family engagement",
    "transitions to high school",
    "learner wellbeing",
    "anti-racist curriculum",
    "reading for pleasure",
    "attendance",
    "sciences fieldwork",
    "digital skills",
    "nurture groups",
    "feedback",
    "questioning",
]
WHO = [
    "in P1",
    "in P5 and P6",
    "in S1",
    "in the senior phase",
    "in our nursery",
    "with complex needs",
    "affected by poverty",
    "who are new to English",
]
SECTOR_STAGES = {
    "ELC": ["elc", "early"],
    "Primary": ["early", "first", "second"],
    "Secondary": ["broad", "senior"],
    "ASN": ["first", "second", "broad"],
}
REQUESTS, TEAMS = 6000, 1500


def _ids(model, rows, key) -> list[int]:
    return list(db.session.scalars(insert(model).returning(key, sort_by_parameter_order=True), rows))


def load_scale(ctx) -> None:
    rng = ctx.rng
    people = [u for u in ctx.user_ids_by_role[Role.PRACTITIONER] if u in ctx.user_establishment]
    keys, start = list(INTERESTS), datetime(2025, 8, 1)
    rows = []
    for uid in people:
        est = ctx.user_establishment[uid]
        sector = ctx.establishment_sector[est]
        created = start + timedelta(days=rng.randint(0, 480))
        rows.append(
            {
                "owner_id": uid,
                "kind": "person",
                "establishment_id": est,
                "sector": sector,
                "authority_id": ctx.establishment_authority[est],
                "hunch": f"Improving {rng.choice(WANTS)} for learners {rng.choice(WHO)}, and "
                f"{rng.choice(WANTS)} {rng.choice(WHO)}.",
                "interests": ",".join(rng.sample(keys, rng.randint(1, 4))),
                "stages": ",".join(s for s in SECTOR_STAGES[sector] if s in STAGES and rng.random() < 0.7),
                "mode": rng.choice(list(MODES)),
                "frequency": "monthly",
                "open_to_contact": rng.random() < 0.9,
                "status": rng.choices(["active", "paused", "withdrawn"], [90, 6, 4])[0],
                "created_at": created,
                "updated_at": created,
            }
        )
    profile_ids = _ids(Profile, rows, Profile.id)
    requests = []
    for _ in range(REQUESTS):
        k, j = rng.randrange(len(rows)), rng.randrange(len(rows))
        if k == j:
            continue
        sender, to = rows[k], rows[j]
        when = max(sender["created_at"], to["created_at"]) + timedelta(days=rng.randint(1, 30))
        requests.append(
            {
                "sender_id": sender["owner_id"],
                "profile_id": profile_ids[j],
                "recipient_id": to["owner_id"],
                "message": "Shall we work on this together?",
                "authority_id": sender["authority_id"],
                "sector": sender["sector"],
                "created_at": when,
                "status": rng.choices(["pending", "accepted", "declined"], [30, 50, 20])[0],
                "team_id": None,
                "decided_at": None,
            }
        )
    accepted = [r for r in requests if r["status"] == "accepted"][:TEAMS]
    team_ids = _ids(
        Team,
        [
            {"kind": "gateway", "name": f"Gateway team {n + 1}", "shared_goal": "", "created_at": r["created_at"]}
            for n, r in enumerate(accepted)
        ],
        Team.id,
    )
    members, records, enquiries = [], [], []
    for team_id, r in zip(team_ids, accepted, strict=True):
        r["team_id"], r["decided_at"] = team_id, r["created_at"] + timedelta(days=2)
        for uid in (r["sender_id"], r["recipient_id"]):
            est = ctx.user_establishment.get(uid)
            members.append(
                {
                    "team_id": team_id,
                    "user_id": uid,
                    "establishment_id": est,
                    "authority_id": ctx.establishment_authority.get(est),
                    "joined_at": r["decided_at"],
                }
            )
        records.append(
            {
                "team_id": team_id,
                "tier": "independent",
                "authority_id": r["authority_id"],
                "sector": r["sector"],
                "created_at": r["decided_at"],
            }
        )
        shared = rng.random() < 0.2
        enquiries.append(
            {
                "team_id": team_id,
                "status": "shared" if shared else "implementing",
                "published_at": r["decided_at"] + timedelta(days=200) if shared else None,
                "updated_at": r["decided_at"],
            }
        )
    db.session.execute(insert(Request), requests)
    if team_ids:
        db.session.execute(insert(TeamMember), members)
        db.session.execute(insert(GatewayTeam), records)
        db.session.execute(insert(Enquiry), enquiries)
    db.session.flush()
