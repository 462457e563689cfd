"""Inviting people from CSV: every row validated first, nothing sent or written unless all are valid."""

from sqlalchemy import select

from portal.accounts.access import can_invite_to_establishment
from portal.accounts.models import User
from portal.accounts.services import invite_person, normalise_email
from portal.core.csvimport import ImportResult, RowError, read_rows
from portal.core.roles import Role
from portal.extensions import db
from portal.organisations.models import Establishment

COLUMNS = ("name", "email", "seed_code")
TRUE = {"yes", "y", "true", "1"}


def import_people(data: bytes | str, *, actor: User) -> ImportResult:
    rows, errors = read_rows(data, COLUMNS)
    result = ImportResult(errors=errors)
    if errors:
        return result
    emails = [normalise_email(r.get("email", "")) for _, r in rows]
    taken = set(db.session.scalars(select(User.email).where(User.email.in_(emails))))
    codes = {r.get("seed_code", "") for _, r in rows}
    establishments = {
        e.seed_code: e for e in db.session.scalars(select(Establishment).where(Establishment.seed_code.in_(codes)))
    }
    seen: dict[str, int] = {}
    valid = []
    for line, row in rows:
        problems = []
        email = normalise_email(row.get("email", ""))
        if "@" not in email or "." not in email.rsplit("@", 1)[-1]:
            problems.append("email is not a valid address")
        elif email in taken:
            problems.append(f"{email} already has an account")
        elif email in seen:
            problems.append(f"{email} is also on line {seen[email]}")
        seen.setdefault(email, line)
        if not row.get("name"):
            problems.append("name is empty")
        est = establishments.get(row.get("seed_code", ""))
        if est is None:
            problems.append(f"no establishment has seed_code '{row.get('seed_code', '')}'")
        elif not can_invite_to_establishment(actor, est):
            problems.append(f"{est.name} is not in your local authority")
        roles = set()
        for name in filter(None, (p.strip().lower().replace(" ", "_") for p in row.get("roles", "").split(";"))):
            try:
                roles.add(Role(name))
            except ValueError:
                problems.append(f"'{name}' is not a role")
        if problems:
            result.errors.append(RowError(line, "; ".join(problems)))
        else:
            valid.append((row, email, est, roles))
    if result.errors:
        return result
    for row, email, est, roles in valid:
        invite_person(
            actor=actor,
            name=row["name"],
            email=email,
            establishment=est,
            job_title=row.get("job_title", ""),
            promoted=row.get("promoted", "").lower() in TRUE,
            roles=roles,
        )
        result.created += 1
    return result
