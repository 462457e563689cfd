"""The Gateway: a person's profiles, requests, blocks and misuse reports, for "download my data" and erasure."""

from sqlalchemy import delete, or_, select, update

from portal.core import personal_data
from portal.core.dates import utcnow
from portal.extensions import db
from portal.gateway.models import Block, GatewayTeam, MisuseReport, Profile, Request


def _rows(model, *where):
    return personal_data.as_rows(db.session.scalars(select(model).where(*where)))


def export(user) -> dict:
    return {
        "profiles": _rows(Profile, Profile.owner_id == user.id),
        "requests": _rows(Request, or_(Request.sender_id == user.id, Request.recipient_id == user.id)),
        "blocks_made": _rows(Block, Block.blocker_id == user.id),
        "misuse_reports_made": _rows(MisuseReport, MisuseReport.reporter_id == user.id),
    }


def erase(user) -> None:
    """Profiles are withdrawn and emptied (uptake counts keep their rows), pending requests close, the person's
    request messages go; blocks either way end; reports stay for the lead officer under "a former member"."""
    mine = select(Profile.id).where(Profile.owner_id == user.id)
    db.session.execute(
        update(Request)
        .where(Request.status == "pending", or_(Request.sender_id == user.id, Request.profile_id.in_(mine)))
        .values(status="declined", decided_at=utcnow())
    )
    db.session.execute(update(Request).where(Request.sender_id == user.id).values(message=""))
    db.session.execute(
        update(Profile)
        .where(Profile.owner_id == user.id)
        .values(status="withdrawn", hunch="", open_to_contact=False, updated_at=utcnow())
    )
    db.session.execute(delete(Block).where(or_(Block.blocker_id == user.id, Block.blocked_id == user.id)))
    db.session.flush()


def register(app) -> None:
    personal_data.register(app, "gateway", export=export, erase=erase)
    personal_data.register_free_text(app, Profile.hunch, Request.message, MisuseReport.reason, GatewayTeam.support_note)
