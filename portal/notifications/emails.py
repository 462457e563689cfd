"""The e-mails notifications send: one at a time, or a digest grouped by space; every one can unsubscribe."""

from flask import current_app, has_request_context, request, url_for

from portal.core.mail import send_template
from portal.notifications.kinds import label


def absolute(path: str) -> str:
    """A full address for a path in the portal; outside a request (the digest job) from PORTAL_URL."""
    if not path or path.startswith(("http://", "https://")):
        return path
    base = request.host_url if has_request_context() else current_app.config["PORTAL_URL"] + "/"
    return base.rstrip("/") + path


def path(endpoint: str, **values) -> str:
    """url_for that also works outside a request (services run from commands, the demo loader and tests)."""
    if has_request_context():
        return url_for(endpoint, **values)
    with current_app.test_request_context(base_url=current_app.config["PORTAL_URL"]):
        return url_for(endpoint, **values)


def unsubscribe_url(token: str) -> str:
    return absolute(path("notifications.unsubscribe", token=token))


def _reason(kind: str) -> str:
    return f'your setting for "{label(kind)}" asks for these e-mails'


def send_one(person, note, token: str, attachments=()) -> None:
    send_template(
        person.email,
        "notification",
        attachments,
        name=person.name,
        headline=note.subject,
        summary=note.summary,
        link=absolute(note.url) if note.url else "",
        link_label="Open it in the portal",
        unsubscribe=unsubscribe_url(token),
        reason=_reason(note.kind),
    )


def send_digest(person, period: str, notes: list, tokens: dict[str, str]) -> None:
    """One message listing `notes` grouped by space, with an unsubscribe link per kind it contains."""
    groups: dict[str, list] = {}
    for note in notes:
        groups.setdefault(note.space_label or "Across the portal", []).append(
            {"subject": note.subject, "link": absolute(note.url) if note.url else ""}
        )
    send_template(
        person.email,
        "digest",
        name=person.name,
        period=period,
        count=len(notes),
        groups=groups,
        unsubscribes=[(label(kind), unsubscribe_url(token)) for kind, token in tokens.items()],
        reason=f"you chose a {period} digest of portal updates",
    )
