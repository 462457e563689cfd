"""The e-mails notifications send: one at a time, or a digest grouped by space; every one can unsubscribe."""

from flask import current_app, has_request_context, request, url_for

from portal.core.mail import send_mail
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


def _footer(token: str, kind: str) -> str:
    return (f"\n--\nYou get this because of your setting for \"{label(kind)}\".\n"
            f"Stop these e-mails (one click, no sign-in needed): {unsubscribe_url(token)}\n")


def send_one(person, note, token: str, attachments=()) -> None:
    lines = [f"Hello {person.name},", "", note.subject]
    if note.summary:
        lines += ["", note.summary]
    if note.url:
        lines += ["", f"Open it in the portal: {absolute(note.url)}"]
    send_mail(person.email, note.subject, "\n".join(lines) + "\n" + _footer(token, note.kind), attachments)


def send_digest(person, period: str, notes: list, tokens: dict[str, str]) -> None:
    """One message listing `notes` grouped by space, with an unsubscribe link per kind it contains."""
    groups: dict[str, list] = {}
    for note in notes:
        groups.setdefault(note.space_label or "Across the portal", []).append(note)
    lines = [f"Hello {person.name},", "", f"Your {period} digest from the West Partnership portal:"]
    for space, items in groups.items():
        lines += ["", space, "-" * len(space)]
        for note in items:
            lines.append(f"* {note.subject}" + (f"\n  {absolute(note.url)}" if note.url else ""))
    lines += ["", "--", "Stop e-mails of one kind (one click, no sign-in needed):"]
    lines += [f"{label(kind)}: {unsubscribe_url(token)}" for kind, token in tokens.items()]
    count = len(notes)
    send_mail(person.email, f"Your {period} digest: {count} update{'' if count == 1 else 's'}", "\n".join(lines) + "\n")
