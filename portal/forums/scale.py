"""Partnership-scale forum history for the benchmark: forums, members, five years of meetings, resources."""

from datetime import date, timedelta

from sqlalchemy import insert

from portal.core.roles import Role
from portal.extensions import db
from portal.forums.demo import _at
from portal.forums.meetings import local_now
from portal.forums.models import Action, AgendaItem, Forum, Meeting, Membership, Need, Resource
from portal.forums.rules import school_year, tags_to_store

SUBJECTS = (
    "Mathematics",
    "English",
    "Sciences",
    "Modern Languages",
    "Social Subjects",
    "Technologies",
    "Expressive Arts",
    "Health and Wellbeing",
    "Religious and Moral Education",
    "Computing Science",
)


def load_scale(ctx) -> None:
    """Forums for every sector and ten subjects, members and coordinators, five years of meetings with
    agendas, minutes and actions, libraries and needs, inserted in bulk."""
    rng = ctx.rng
    officer = ctx.user_ids_by_role[Role.LA_OFFICER][0]
    specs = [
        ("sector", s, "", f"{label} Forum")
        for s, label in (("ELC", "Early Years"), ("Primary", "Primary"), ("ASN", "ASN"))
    ]
    specs += [("subject", "Secondary", s, f"{s} Network") for s in SUBJECTS]
    forum_rows = [
        {
            "slug": f"scale-{i}",
            "name": name,
            "kind": kind,
            "sector": sector,
            "subject": subject,
            "description": f"The {name} of the West Partnership.",
            "officer_id": officer,
            "standing_items": "Welcome\nSharing practice\nNetworking",
        }
        for i, (kind, sector, subject, name) in enumerate(specs)
    ]
    forum_ids = list(db.session.scalars(insert(Forum).returning(Forum.id, sort_by_parameter_order=True), forum_rows))
    practitioners = ctx.user_ids_by_role[Role.PRACTITIONER]
    coordinators = ctx.user_ids_by_role.get(Role.FORUM_COORDINATOR, [])
    members = []
    for forum_id in forum_ids:
        chosen = set(rng.sample(practitioners, 400))
        picked = set(rng.sample(coordinators, min(10, len(coordinators))))
        members += [{"forum_id": forum_id, "user_id": u, "coordinator": u in picked} for u in chosen | picked]
    db.session.execute(insert(Membership), members)
    this_year = school_year(local_now())
    meetings = []
    for forum_id in forum_ids:
        for year in range(this_year - ctx.years + 1, this_year + 1):
            for n, month in enumerate((9, 1, 5, 11)):  # three formal and one informal meeting a year
                day = date(year + (month < 8), month, 10 + n)
                meetings.append(
                    {
                        "forum_id": forum_id,
                        "title": f"Meeting {n + 1}",
                        "starts_at": _at(day, 16),
                        "ends_at": _at(day, 17, 30),
                        "school_year": year,
                        "formal": n < 3,
                        "place": "Online",
                        "online_link": "https://meet.example.org/forum",
                        "published_at": _at(day, 9) - timedelta(days=14),
                        "sent_at": _at(day, 9) - timedelta(days=14),
                        "sequence": 0,
                        "agenda_version": 1,
                    }
                )
    meeting_ids = list(
        db.session.scalars(insert(Meeting).returning(Meeting.id, sort_by_parameter_order=True), meetings)
    )
    items, actions = [], []
    for meeting_id in meeting_ids:
        for p in range(6):
            items.append(
                {
                    "meeting_id": meeting_id,
                    "position": p,
                    "title": f"Item {p + 1}",
                    "lead": "",
                    "allotted_minutes": 15,
                    "notes": "",
                    "minutes_text": "Discussed and agreed.",
                }
            )
        actions += [
            {
                "meeting_id": meeting_id,
                "what": f"Follow-up {k + 1}",
                "who": "Coordinator",
                "done": rng.random() < 0.9,
            }
            for k in range(2)
        ]
    db.session.execute(insert(AgendaItem), items)
    db.session.execute(insert(Action), actions)
    resources = [
        {
            "forum_id": forum_id,
            "title": f"Resource {k + 1}",
            "description": "Shared by a member.",
            "tags": tags_to_store(rng.choice(["play", "numeracy", "literacy", "wellbeing", "transitions"])),
            "url": "https://example.org/resource",
        }
        for forum_id in forum_ids
        for k in range(200)
    ]
    db.session.execute(insert(Resource), resources)
    db.session.execute(
        insert(Need),
        [
            {"forum_id": forum_id, "title": f"Need {k + 1}", "status": "raised"}
            for forum_id in forum_ids
            for k in range(10)
        ],
    )
    db.session.flush()
