"""The region itself: establishments across the eight authorities and one demo account per role."""

import itertools

from sqlalchemy import insert, select
from werkzeug.security import generate_password_hash

from portal.accounts.models import User, UserRole
from portal.core.roles import Role
from portal.demo.names import FIRST, JOBS, LAST, PLACES, PROMOTED_WORDS, SECTOR_SUFFIX
from portal.extensions import db
from portal.organisations.models import SECTORS, Establishment, LocalAuthority

DEMO_DOMAIN = "demo.example.org"
# key, e-mail local part, name, roles, job title, establishment index (None: no establishment), LA slug
DEMO_ACCOUNTS = (
    ("lead", "lead", "Morven Lead", {Role.ADMIN}, "Partnership lead officer", None, None),
    ("la_officer", "la.officer", "Gordon Officer", {Role.LA_OFFICER}, "Education officer", None, "glasgow-city"),
    ("leader", "leader", "Catriona Leader", {Role.SENIOR_LEADER, Role.PRACTITIONER}, "Depute head teacher", 2, None),
    ("practitioner", "practitioner", "Ewan Practitioner", {Role.PRACTITIONER}, "Class teacher", 2, None),
    (
        "facilitator",
        "facilitator",
        "Fiona Facilitator",
        {Role.KEY_FACILITATOR, Role.PRACTITIONER},
        "Principal teacher",
        10,
        None,
    ),
    (
        "coordinator",
        "coordinator",
        "Callum Coordinator",
        {Role.FORUM_COORDINATOR, Role.PRACTITIONER},
        "Early years practitioner",
        0,
        None,
    ),
    ("researcher", "researcher", "Rhona Researcher", {Role.RESEARCHER}, "Research fellow", None, None),
)
DEMO_ESTABLISHMENTS_PER_LA = 8  # 64 across all four sectors


def establishment_rows(count: int, authority_ids: list[int], start_code: int) -> list[dict]:
    """Deterministic invented establishments spread over the LAs and the four sectors (60% primary)."""
    sector_cycle = [
        "Primary",
        "Primary",
        "Primary",
        "ELC",
        "Secondary",
        "Primary",
        "ELC",
        "ASN",
        "Secondary",
        "Primary",
    ]
    rows = []
    for i in range(count):
        sector = sector_cycle[i % len(sector_cycle)]
        place = PLACES[(i * 7) % len(PLACES)]
        suffix = "" if i < len(PLACES) * 4 else f" {i // (len(PLACES) * 4) + 1}"
        rows.append(
            {
                "seed_code": str(start_code + i),
                "name": f"{place} {SECTOR_SUFFIX[sector]}{suffix}",
                "authority_id": authority_ids[i % len(authority_ids)],
                "sector": sector,
                "roll": 40 + (i * 37) % 1200,
            }
        )
    return rows


def load_demo_region(ctx) -> None:
    las = list(db.session.scalars(select(LocalAuthority).order_by(LocalAuthority.name)))
    ctx.authorities = las
    wanted = establishment_rows(len(las) * DEMO_ESTABLISHMENTS_PER_LA, [la.id for la in las], 8400001)
    existing = {
        e.seed_code
        for e in db.session.scalars(
            select(Establishment).where(Establishment.seed_code.in_([r["seed_code"] for r in wanted]))
        )
    }
    for row in wanted:
        if row["seed_code"] not in existing:
            db.session.add(Establishment(**row))
    db.session.flush()
    ctx.establishments = list(
        db.session.scalars(
            select(Establishment)
            .where(Establishment.seed_code.in_([r["seed_code"] for r in wanted]))
            .order_by(Establishment.seed_code)
        )
    )
    by_slug = {la.slug: la for la in las}
    for key, local, name, roles, job, est_index, la_slug in DEMO_ACCOUNTS:
        email = f"{local}@{DEMO_DOMAIN}"
        user = db.session.scalar(select(User).where(User.email == email))
        if user is None:
            est = ctx.establishments[est_index] if est_index is not None else None
            user = User(
                name=name,
                email=email,
                password_hash=ctx.password_hash(),
                establishment=est,
                job_title=job,
                promoted=any(w in job for w in PROMOTED_WORDS),
                authority_id=by_slug[la_slug].id if la_slug else None,
            )
            user.role_rows = [UserRole(role=str(r)) for r in roles]
            db.session.add(user)
        ctx.users[key] = user
    db.session.flush()


def load_scale_region(ctx) -> None:
    """2,000 establishments and 30,000 people with a realistic mix of roles, inserted in bulk."""
    las = list(db.session.scalars(select(LocalAuthority).order_by(LocalAuthority.id)))
    ctx.authority_ids = [la.id for la in las]
    # Glasgow and the Lanarkshires are much larger than Inverclyde: weight the spread accordingly.
    weights = [5, 3, 12, 2, 11, 4, 11, 3]
    spread = list(itertools.chain.from_iterable([la.id] * w for la, w in zip(las, weights, strict=True)))
    rows = establishment_rows(2000, spread, 8000001)
    db.session.execute(insert(Establishment), rows)
    ids = db.session.execute(select(Establishment.id, Establishment.sector, Establishment.authority_id)).all()
    ctx.establishment_ids = [i for i, _, _ in ids]
    ctx.establishment_sector = {i: s for i, s, _ in ids}
    ctx.establishment_authority = {i: a for i, _, a in ids}
    password = generate_password_hash("scale-data-password", method="pbkdf2:sha256:1000")
    rng = ctx.rng
    people, mixes = [], []
    for n in range(30000):
        est = ctx.establishment_ids[n % len(ctx.establishment_ids)]
        job = rng.choice(JOBS[ctx.establishment_sector[est]])
        promoted = any(w in job for w in PROMOTED_WORDS)
        people.append(
            {
                "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                "email": f"person{n + 1}@scale.example.org",
                "password_hash": password,
                "establishment_id": est,
                "authority_id": None,
                "job_title": job,
                "promoted": promoted,
                "active": True,
            }
        )
        mix = [Role.PRACTITIONER]
        if promoted and rng.random() < 0.5:
            mix.append(Role.SENIOR_LEADER)
        if n % 150 == 0:
            mix.append(Role.KEY_FACILITATOR)
        if n % 400 == 1:
            mix.append(Role.FORUM_COORDINATOR)
        mixes.append(mix)
    for j, la in enumerate(ctx.authority_ids * 5):  # five officers per LA
        people.append(
            {
                "name": f"Officer {j + 1}",
                "email": f"officer{j + 1}@scale.example.org",
                "password_hash": password,
                "establishment_id": None,
                "authority_id": la,
                "job_title": "Education officer",
                "promoted": True,
                "active": True,
            }
        )
        mixes.append([Role.LA_OFFICER])
    ids = list(db.session.scalars(insert(User).returning(User.id, sort_by_parameter_order=True), people))
    roles = []
    for user_id, person, mix in zip(ids, people, mixes, strict=True):
        for r in mix:
            roles.append({"user_id": user_id, "role": str(r)})
            ctx.user_ids_by_role.setdefault(r, []).append(user_id)
        if person["establishment_id"]:
            ctx.user_establishment[user_id] = person["establishment_id"]
    db.session.execute(insert(UserRole), roles)
    db.session.flush()


__all__ = ["SECTORS", "load_demo_region", "load_scale_region"]
