"""Loading the reference data (the eight authorities) into a database built without migrations (tests)."""

from sqlalchemy import insert, select

from portal.extensions import db
from portal.organisations.models import AUTHORITIES, LocalAuthority


def ensure_authorities() -> None:
    if db.session.scalar(select(LocalAuthority.id).limit(1)) is None:
        db.session.execute(insert(LocalAuthority), [{"slug": s, "name": n} for s, n in AUTHORITIES])
        db.session.flush()
