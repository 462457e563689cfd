"""Access expectations for the operations endpoints: health for anyone (the load balancer), the outbox for admins."""

from portal.core.mail import FAILED, OutboxMessage
from portal.extensions import db
from tests.support.access import only, public

EXPECT = {
    "operations.healthz": public(),
    # The matrix's database is made by create_all, not migrations: not ready, for everyone alike.
    "operations.readyz": public(ok=503),
    "operations.mail_outbox": only("admin"),
    "operations.retry_mail": only("admin", ok=303, method="POST"),
}


def setup(world):
    message = OutboxMessage(
        to_address="matrix@test.example.org",
        subject="Matrix",
        content=b"Subject: Matrix\r\n",
        status=FAILED,
        attempts=8,
        last_error="OSError: down",
    )
    db.session.add(message)
    db.session.commit()
    world.args["operations.retry_mail"] = {"message_id": message.id}
