"""The Gateway's e-mails: one function per event, so a notification service can take each over in one place.

Declining is quiet: there is deliberately no function for it.
"""

from flask import url_for
from sqlalchemy import select

from portal.accounts.models import User, UserRole
from portal.core.mail import send_template
from portal.core.roles import Role
from portal.extensions import db


def _admins() -> list[str]:
    return list(
        db.session.scalars(
            select(User.email)
            .join(UserRole)
            .where(UserRole.role == str(Role.ADMIN), User.active.is_(True))
            .order_by(User.id)
        )
    )


def request_sent(req) -> None:
    """Tell the recipient someone would like to collaborate (the sender's address is not in it)."""
    send_template(
        req.recipient.email,
        "gateway_request",
        sender=req.sender.name,
        link=url_for("gateway.show_request", request_id=req.id, _external=True),
        link_label="Read the message and answer",
        reason="your Gateway profile is open to contact",
    )


def request_accepted(req) -> None:
    """Tell the sender their request is accepted: the team is formed and the contact details are shared."""
    send_template(
        req.sender.email,
        "gateway_accepted",
        recipient=req.recipient.name,
        recipient_email=req.recipient.email,
        link=url_for("enquiries.show_plan", team_id=req.team_id, _external=True),
        link_label="Plan your enquiry",
        reason="you asked to collaborate through the Gateway",
    )


def misuse_reported(report) -> None:
    """Tell the partnership lead officers that someone reported a misuse of the Gateway."""
    link = url_for("gateway.misuse_reports", _external=True)
    for email in _admins():
        send_template(
            email,
            "gateway_misuse",
            reporter=report.reporter.name,
            about=report.about.name,
            reason_text=report.reason,
            link=link,
            link_label="See the reports",
            reason="you are a lead officer of the partnership",
        )


def misuse_resolved(report, actor) -> None:
    """Tell the reporter what the lead officer did (in the portal and by e-mail, per their preference)."""
    from portal.gateway.models import MISUSE_OUTCOMES
    from portal.notifications.services import notify, portal_path

    summary = MISUSE_OUTCOMES[report.outcome] + (f". {report.outcome_note}" if report.outcome_note else ".")
    notify(
        [report.reporter],
        "report_outcome",
        f"Your Gateway report about {report.about.name} is resolved",
        summary,
        portal_path("gateway.home"),
        actor=actor,
    )


def support_requested(team, gateway_team, recipients: list[User]) -> None:
    """Ask the team's LA link officers (or the lead officers, who assign facilitators) to support a team."""
    link = url_for("enquiries.show_team", team_id=team.id, _external=True)
    support_from = "their LA link officer" if gateway_team.support_from == "link_officer" else "a key facilitator"
    for email in [p.email for p in recipients] or _admins():
        send_template(
            email,
            "gateway_support",
            team=team.name,
            support_from=support_from,
            note=gateway_team.support_note,
            link=link,
            link_label="See the team",
            reason="you support collaborative teams for the partnership",
        )
