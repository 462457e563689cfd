"""Loaders shared by the practice views: the account (or 404/403) and what every rendering of it shows."""

import base64

from flask import abort, current_app, url_for
from flask_login import current_user

from portal.core.access import get_or_404
from portal.core.uploads import stored_image
from portal.enquiries import runchart
from portal.events.extras import EventExtra
from portal.organisations.models import AUTHORITIES, SECTOR_LABELS
from portal.practice import queries
from portal.practice.access import can_edit, can_view
from portal.practice.models import PracticeAccount
from portal.practice.vocabularies import KEY_FEATURES, MEASURE_TYPES, PROGRAMMES, STAGES, TAGS

LA_NAMES = dict(AUTHORITIES)
LABELS = {"sector": SECTOR_LABELS, "stage": STAGES, "la": LA_NAMES, "measure": MEASURE_TYPES, "tag": TAGS}


def load_account(account_id: int, *, edit: bool = False) -> PracticeAccount:
    account = get_or_404(PracticeAccount, account_id)
    if not can_view(current_user, account):
        if not current_user.is_authenticated:
            abort(current_app.login_manager.unauthorized())
        abort(403)
    if edit and not can_edit(current_user, account):
        abort(403)
    return account


def charted(measures: list[dict]) -> list[dict]:
    """Each measure with its run chart (pure runchart functions) when it has numbers."""
    out = []
    for m in measures:
        values = [v for _, v in m["points"]]
        chart = None
        if m["kind"] == "quantitative" and values:
            chart = {
                "verdict": runchart.judge(values),
                "geometry": runchart.geometry(values, baseline=_number(m["baseline"]), target=_number(m["target"])),
            }
        out.append({**m, "chart": chart, "result": values[-1] if values else None})
    return out


def _number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def _images(account: PracticeAccount, how: str) -> list[tuple[str, str]]:
    """The account's images as (address, alt text): a portal link on its page, the public link on the public
    page, or data: URLs without metadata in the PDF and the .html export (self-contained, nothing fetched)."""
    out = []
    for item in queries.files(account.id):
        if not item.is_image:
            continue
        if how == "inline":
            found = stored_image(item.file_key)
            if found is None:
                continue
            data, content_type = found
            out.append((f"data:{content_type};base64,{base64.b64encode(data).decode()}", item.description))
        else:
            endpoint = "practice.public_image" if how == "public" else "practice.download_file"
            out.append((url_for(endpoint, account_id=account.id, file_id=item.id), item.description))
    return out


def body_context(account: PracticeAccount, *, images: str = "page") -> dict:
    """What the account's body shows, the same on the page, in print, in the PDF and in the export.

    `images`: "page" (signed-in links), "public" (the public image route) or "inline" (data: URLs)."""
    return {
        "account": account,
        "images": _images(account, images),
        "measures": charted(queries.measures(account)),
        "facets": queries.facets_of([account.id])[account.id],
        "LABELS": LABELS,
        "KEY_FEATURES": KEY_FEATURES,
        "PROGRAMMES": PROGRAMMES,
    }


def event_extra(event, user) -> EventExtra | None:
    """For the event page: the accounts of practice presented there."""
    accounts = queries.presented_at(event.id, user)
    if not accounts:
        return None
    return EventExtra(
        "Accounts of practice presented",
        [(a.title, url_for("practice.show_account", account_id=a.id)) for a in accounts],
    )
