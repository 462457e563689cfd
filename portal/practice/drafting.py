"""Draft an account from a team's enquiry record: every field pre-filled, none final (the team edits them all)."""

import json

from sqlalchemy import select

from portal.enquiries import contexts, plans, queries
from portal.enquiries.models import TeamMember
from portal.extensions import db
from portal.organisations.models import SECTOR_LABELS, Establishment, LocalAuthority

PROGRAMME_OF_KIND = {"themed": "themed", "network": "network"}


def _text(sections: dict, *keys: str) -> str:
    return "\n\n".join(sections[k].text.strip() for k in keys if k in sections and sections[k].text.strip())


def measures_snapshot(enquiry_id: int) -> tuple[list[dict], list[str]]:
    """The measures as the account keeps them (the data can change later; the account says what it said)."""
    snapshot, kinds = [], set()
    for measure, points in queries.measures_with_points(enquiry_id):
        kinds.add(measure.kind)
        snapshot.append(
            {
                "name": measure.name,
                "kind": measure.kind,
                "baseline": measure.baseline,
                "target": measure.target,
                "points": [[p.on.isoformat(), p.value] for p in points],
            }
        )
    return snapshot, sorted(kinds)


def draft_fields(team, enquiry) -> dict:
    """What the account starts from: the plan's words, the context in numbers (never names), the measures."""
    sections = {s.key: s for s in plans.plan_state(enquiry, _Nobody())[0].values()}
    network = contexts.for_team(team)
    rows = db.session.execute(
        select(Establishment.sector, LocalAuthority.slug, LocalAuthority.name)
        .select_from(TeamMember)
        .join(Establishment, Establishment.id == TeamMember.establishment_id)
        .join(LocalAuthority, LocalAuthority.id == Establishment.authority_id)
        .where(TeamMember.team_id == team.id)
    ).all()
    sectors = sorted({r[0] for r in rows})
    las = {r[1]: r[2] for r in rows}
    establishments = (
        db.session.scalar(
            select(db.func.count(db.distinct(TeamMember.establishment_id))).where(TeamMember.team_id == team.id)
        )
        or 0
    )
    measures, kinds = measures_snapshot(enquiry.id)
    notes = queries.notes(enquiry.id, limit=10)
    kinds = sorted(set(kinds) | {n.kind for n in notes})
    context = (
        f"A team from {establishments} {'establishment' if establishments == 1 else 'establishments'} "
        f"({', '.join(SECTOR_LABELS.get(s, s).lower() for s in sectors) or 'sector not recorded'}) in "
        f"{', '.join(sorted(las.values())) or 'the partnership'}."
    )
    features = ["question"] if (network and network.question) or team.shared_goal else []
    features += ["data"] if any(m["points"] for m in measures) else []
    features += ["observed"] if "observation" in kinds else []
    features += ["shared"] if enquiry.published_at else []
    return {
        "title": team.theme.title + ": " + team.name if team.theme else team.name,
        "question": (network.question if network and network.question else team.shared_goal) or "",
        "context": context,
        "change": _text(sections, "change"),
        "beneficiaries": _text(sections, "beneficiaries", "identifying"),
        "findings": "\n\n".join(filter(None, [_text(sections, "result")] + [n.text for n in notes])),
        "not_worked": _text(sections, "challenges"),
        "next_steps": _text(sections, "learning"),
        "features": ",".join(features),
        "measures_json": json.dumps(measures),
        "programme": PROGRAMME_OF_KIND.get(team.kind, "themed"),
        "theme_title": team.theme.title if team.theme else (network.label if network else ""),
        "school_year": team.theme.school_year if team.theme else school_year_of(team.created_at),
        "facets": {"sector": sectors, "la": sorted(las), "measure": kinds, "stage": [], "tag": []},
    }


def school_year_of(when) -> str:
    """The Scottish school year (August to June) a date falls in, e.g. "2026-27"."""
    start = when.year if when.month >= 8 else when.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


class _Nobody:
    """plan_state also loads one person's unsaved drafts; the account starts from saved text only."""

    id = -1
