"""The admin's view of the outbox: what failed or waits after an error, with a retry button."""

from flask import abort, redirect, url_for
from flask_login import current_user

from portal.core import outbox
from portal.core.access import get_or_404, roles_required
from portal.core.forms import ActionForm, run_action
from portal.core.mail import OutboxMessage
from portal.core.rendering import render
from portal.core.roles import Role
from portal.operations import bp


@bp.get("/admin/mail")
@roles_required(Role.ADMIN)
def mail_outbox():
    return render("operations/mail.html", counts=outbox.counts(), messages=outbox.troubled())


@bp.post("/admin/mail/<int:message_id>/retry")
@roles_required(Role.ADMIN)
def retry_mail(message_id):
    message = get_or_404(OutboxMessage, message_id)
    ActionForm().validate_on_submit() or abort(400)
    run_action(
        lambda: outbox.retry(message, actor=current_user),
        done=f"The message to {message.to_address} will be sent again in a moment.",
    )
    return redirect(url_for("operations.mail_outbox"), code=303)
