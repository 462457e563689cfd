"""Demo and scale data for the audit log and data rights: a demo colleague waiting for erasure, and five
years of audit entries at partnership scale (for `make bench`)."""

from datetime import timedelta

from sqlalchemy import insert, select

from portal.accounts.models import User
from portal.audit.models import AuditEntry
from portal.core.dates import utcnow
from portal.core.roles import Role
from portal.extensions import db

ACTIONS = (
    "sign_in.password",
    "sign_in.failed",
    "roles.changed",
    "invitation.sent",
    "evidence.data_point_added",
    "summary.published",
    "plan.shared",
    "data.exported",
)


def load_demo(ctx) -> None:
    """The lead officer finds one erasure request to review (idempotent)."""
    colleague = ctx.users.get("colleague") or db.session.scalar(
        select(User).where(User.email == "colleague@demo.example.org")
    )
    if colleague is not None and colleague.erasure_requested_at is None and colleague.erased_at is None:
        colleague.erasure_requested_at = utcnow() - timedelta(days=2)
        db.session.add(
            AuditEntry(
                actor_id=colleague.id, action="erasure.requested", subject_type="user_account", subject_id=colleague.id
            )
        )
    db.session.flush()


def load_scale(ctx) -> None:
    """100,000 audit entries over five years, in bulk."""
    rng = ctx.rng
    people = [uid for ids in ctx.user_ids_by_role.values() for uid in ids]
    admins = ctx.user_ids_by_role.get(Role.ADMIN, people[:1])
    now = utcnow()
    span = ctx.years * 365 * 24 * 3600
    rows = []
    for n in range(100_000):
        action = rng.choice(ACTIONS)
        subject = rng.choice(people)
        rows.append(
            {
                "at": now - timedelta(seconds=rng.randrange(span)),
                "action": action,
                "actor_id": rng.choice(admins) if action == "roles.changed" else subject,
                "subject_type": "user_account",
                "subject_id": subject,
                "address": f"10.{n % 250}.0.1",
            }
        )
        if len(rows) == 20_000:
            db.session.execute(insert(AuditEntry), rows)
            rows = []
    if rows:
        db.session.execute(insert(AuditEntry), rows)
