"""Reading an account: print view, PDF, .html export, earlier versions, the public pages and the Atom feed."""

import json
from types import SimpleNamespace

from flask import abort, make_response, render_template, request
from werkzeug.utils import secure_filename

from portal.core.dates import utcnow
from portal.core.pdf import pdf_response
from portal.core.rendering import render
from portal.core.uploads import stored_image
from portal.extensions import db
from portal.practice import bp, queries
from portal.practice.loading import LABELS, body_context, charted, load_account
from portal.practice.models import PUBLIC, PUBLISHED, AccountFile
from portal.practice.vocabularies import PROGRAMMES


def _slug(account) -> str:
    return secure_filename(account.title.lower())[:60] or f"account-{account.id}"


@bp.get("/<int:account_id>/print")
def print_account(account_id):
    return render("practice/print.html", **body_context(load_account(account_id)))


@bp.get("/<int:account_id>.pdf")
def pdf_account(account_id):
    account = load_account(account_id)
    html = render_template("practice/print.html", for_pdf=True, **body_context(account, images="inline"))
    return pdf_response(html, f"{_slug(account)}.pdf")


@bp.get("/<int:account_id>.html")
def export_account(account_id):
    """The account as one self-contained HTML file (no scripts, no links back into the portal needed)."""
    account = load_account(account_id)
    html = render_template("practice/print.html", for_export=True, **body_context(account, images="inline"))
    response = make_response(html)
    response.headers["Content-Disposition"] = f'attachment; filename="{_slug(account)}.html"'
    return response


@bp.get("/<int:account_id>/versions/<int:number>")
def show_version(account_id, number):
    """An earlier published version's text, as it read then (corrections keep the history)."""
    account = load_account(account_id)
    kept = next((v for v in queries.versions(account.id) if v.number == number), None)
    if kept is None:
        abort(404)
    text = json.loads(kept.snapshot)
    then = SimpleNamespace(**({c.key: getattr(account, c.key) for c in account.__table__.columns} | text))
    then.feature_keys = [k for k in text.get("features", "").split(",") if k]
    then.is_published, then.revised_at, then.version = True, None, kept.number
    context = body_context(account) | {"account": then, "measures": charted(json.loads(text["measures_json"]))}
    return render("practice/version.html", current=account, kept=kept, **context)


def _public_or_404(account_id: int):
    account = load_account(account_id)
    if account.state != PUBLISHED or account.visibility != PUBLIC:
        abort(404)
    return account


@bp.get("/public")
def public_library():
    filters = queries.LibraryFilter.from_args(request.args)
    page = queries.library_page(_Visitor(), filters)
    return render(
        "practice/public_list.html",
        fragment="practice/_results.html",
        target="practice-results",
        filters=filters,
        page=page,
        facets=queries.facets_of([a.id for a in page.items]),
        uses=None,  # not shown to visitors
        LABELS=LABELS,
        PROGRAMMES=PROGRAMMES,
        public=True,
    )


@bp.get("/public/<int:account_id>")
def public_account(account_id):
    return render("practice/public_account.html", **body_context(_public_or_404(account_id), images="public"))


@bp.get("/public/<int:account_id>/images/<int:file_id>")
def public_image(account_id, file_id):
    """An image of a public account, without its metadata (no camera, place or author)."""
    account = _public_or_404(account_id)
    item = db.session.get(AccountFile, file_id)
    found = stored_image(item.file_key) if item is not None and item.account_id == account.id else None
    if found is None:
        abort(404)
    data, content_type = found
    response = make_response(data)
    response.headers["Content-Type"] = content_type
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/feed.atom")
def feed():
    accounts = queries.public_feed()
    response = make_response(
        render_template(
            "practice/feed.xml",
            accounts=accounts,
            updated=max((a.revised_at or a.published_at for a in accounts), default=utcnow()),
        )
    )
    response.headers["Content-Type"] = "application/atom+xml; charset=utf-8"
    return response


class _Visitor:
    """The public pages list what a visitor may see, whoever is signed in."""

    is_authenticated = False
    id = None
