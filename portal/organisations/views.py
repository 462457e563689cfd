"""Local authorities and establishments: browsing with a live filter, and CSV import."""

from flask import redirect, request, url_for
from flask_login import login_required
from wtforms import SelectChoice

from portal.accounts.forms import CsvUploadForm
from portal.core.access import roles_required
from portal.core.forms import form_status, run_import
from portal.core.rendering import render
from portal.core.roles import Role
from portal.extensions import db
from portal.organisations import bp, services
from portal.organisations.forms import EstablishmentFilterForm


@bp.get("/authorities")
@roles_required(Role.LA_OFFICER, Role.RESEARCHER)
def list_authorities():
    return render(
        "organisations/authorities.html", authorities=services.authorities(), counts=services.counts_by_authority()
    )


@bp.get("/establishments")
@roles_required(Role.LA_OFFICER, Role.RESEARCHER)
def list_establishments():
    form = EstablishmentFilterForm(request.args)
    form.authority.choices = [
        SelectChoice("", "All authorities"),
        *(SelectChoice(la.id, la.name) for la in services.authorities()),
    ]
    page = services.establishments_page(
        q=(form.q.data or "").strip()[:100], authority_id=form.authority.data, sector=form.sector.data or ""
    )
    return render(
        "organisations/establishments.html",
        fragment="organisations/_establishment_results.html",
        target="establishment-results",
        form=form,
        page=page,
    )


@bp.route("/establishments/import", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def import_establishments():
    form = CsvUploadForm()
    done = run_import(
        form,
        services.import_establishments,
        flash_message=lambda r: f"Import complete: {r.created} added, {r.updated} updated.",
    )
    if done:
        return redirect(url_for("organisations.list_establishments"))
    return render("organisations/import.html", form=form, result=done.value, status=form_status(form))


@bp.get("/establishments/suggest")
@login_required
def suggest_establishments():
    """Options for the establishment field's datalist (fragment only: it has no page of its own)."""
    q = request.args.get("q", request.args.get("establishment", "")).strip()[:100]
    matches = db.session.scalars(services.establishment_query(q=q).limit(12)).all() if len(q) >= 2 else []
    return render("organisations/_establishment_options.html", matches=matches)
