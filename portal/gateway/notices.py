"""The Gateway's e-mails: one function per event, so a notification service can take each over in one place.

Declining is quiet: there is deliberately no function for it.
"""

from flask import url_for
from sqlalchemy import select

from portal.accounts.models import User, UserRole
from portal.core.mail import send_mail
from portal.core.roles import Role
from portal.extensions import db


def _admins() -> list[str]:
    return list(db.session.scalars(select(User.email).join(UserRole).where(
        UserRole.role == str(Role.ADMIN), User.active.is_(True)).order_by(User.id)))


def request_sent(req) -> None:
    """Tell the recipient someone would like to collaborate (the sender's address is not in it)."""
    link = url_for("gateway.show_request", request_id=req.id, _external=True)
    send_mail(req.recipient.email, f"{req.sender.name} would like to collaborate",
              f"Hello,\n\n{req.sender.name} found your Gateway profile on the West Partnership portal and would "
              f"like to start a collaborative enquiry with you. Read their message and answer here:\n\n{link}\n\n"
              "If you decline, they are not told.\n")


def request_accepted(req) -> None:
    """Tell the sender their request is accepted: the team is formed and the contact details are shared."""
    link = url_for("enquiries.show_plan", team_id=req.team_id, _external=True)
    send_mail(req.sender.email, f"{req.recipient.name} accepted your request to collaborate",
              f"Hello,\n\n{req.recipient.name} accepted your request. You are now in a Gateway team together: "
              f"agree your shared goal and plan your enquiry here:\n\n{link}\n\n"
              f"You can write to {req.recipient.name} at {req.recipient.email}.\n")


def misuse_reported(report) -> None:
    """Tell the partnership lead officers that someone reported a misuse of the Gateway."""
    link = url_for("gateway.misuse_reports", _external=True)
    for email in _admins():
        send_mail(email, "A misuse of the Gateway was reported",
                  f"{report.reporter.name} reported {report.about.name}:\n\n{report.reason}\n\nSee {link}\n")


def support_requested(team, gateway_team, recipients: list[User]) -> None:
    """Ask the team's LA link officers (or the lead officers, who assign facilitators) to support a team."""
    link = url_for("enquiries.show_team", team_id=team.id, _external=True)
    emails = [p.email for p in recipients] or _admins()
    for email in emails:
        send_mail(email, f"The Gateway team '{team.name}' asks for support",
                  f"Hello,\n\nThe Gateway team '{team.name}' would like support from "
                  f"{'their LA link officer' if gateway_team.support_from == 'link_officer' else 'a key facilitator'}."
                  f"\n\n{gateway_team.support_note}\n\nSee the team here: {link}\n")
