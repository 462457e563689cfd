"""Report pages: the six aims, coverage and the never-involved list, cohort dashboards, the board paper."""

from dataclasses import asdict
from datetime import timedelta

from flask import abort, render_template, request
from flask_login import current_user
from sqlalchemy import select

from portal.core.access import roles_required
from portal.core.paging import paginate
from portal.core.pdf import pdf_download
from portal.core.rendering import kept_fragment, render
from portal.core.roles import Role
from portal.extensions import db
from portal.organisations.models import SECTORS, LocalAuthority
from portal.reports import board, bp, kept, service
from portal.reports.access import can_choose_authority, can_list_never_involved, can_see_names, scoped_authority
from portal.reports.cohort_service import cohort_title
from portal.reports.grouping import PROGRAMMES
from portal.reports.loading import (
    cohort_report,
    period_from_request,
    reported_cohort,
    scope_args,
    scope_from_request,
)
from portal.reports.service import Section
from portal.reports.stats import VARIANT

STAFF = (Role.LA_OFFICER, Role.RESEARCHER)


def _filters(scope):
    return dict(
        scope=scope,
        args=scope_args(scope),
        authorities=list(
            db.session.execute(select(LocalAuthority.id, LocalAuthority.name).order_by(LocalAuthority.name))
        ),
        sectors=SECTORS,
        programmes=PROGRAMMES,
        choose_authority=can_choose_authority(current_user),
    )


@bp.get("/aims")
@roles_required(*STAFF)
def aims():
    scope = scope_from_request()
    results = kept_fragment(
        "aims.html",
        asdict(scope),
        "reports/_aims.html",
        lambda: dict(aims=service.aims(scope), variant=VARIANT, args=scope_args(scope)),
    )
    return render(
        "reports/aims.html", fragment="_partials/kept.html", target="aims-results", results=results, **_filters(scope)
    )


@bp.get("/coverage")
@roles_required(*STAFF)
def coverage():
    scope = scope_from_request()
    can_list = can_list_never_involved(current_user)
    results = kept_fragment(
        "coverage.html",
        [asdict(scope), can_list],
        "reports/_coverage.html",
        lambda: dict(sections=service.coverage(scope), can_list=can_list, scope=scope, args=scope_args(scope)),
    )
    return render("reports/coverage.html", results=results, **_filters(scope))


@bp.get("/coverage/never-involved")
@roles_required(Role.LA_OFFICER)
def never_involved():
    if not can_list_never_involved(current_user):
        abort(403)
    authorities = list(db.session.scalars(select(LocalAuthority).order_by(LocalAuthority.name)))
    chosen = scoped_authority(current_user, request.args.get("authority", type=int)) or authorities[0].id
    authority = db.session.get(LocalAuthority, chosen) or abort(404)
    page = paginate(kept.never_involved_query(authority.id))
    return render(
        "reports/never_involved.html",
        page=page,
        authority=authority,
        authorities=authorities,
        choose_authority=current_user.has_role(Role.ADMIN),
    )


@bp.get("/cohorts/<kind>/<int:cohort_id>")
@roles_required(*STAFF)
def show_cohort(kind, cohort_id):
    cohort = reported_cohort(kind, cohort_id)
    scope = scope_from_request()
    csv_args = dict(kind=kind, cohort_id=cohort_id, **scope_args(scope))
    body = kept_fragment(
        "cohort.html",
        [kind, cohort_id, asdict(scope), can_see_names(current_user)],
        "reports/_cohort_body.html",
        lambda: dict(report=cohort_report(kind, cohort_id, cohort), csv_args=csv_args),
    )
    return render(
        "reports/cohort.html",
        title=cohort_title(kind, cohort),
        body=body,
        kind=kind,
        cohort_id=cohort_id,
        args=scope_args(scope),
    )


def _board_context():
    """The period, the scope's links and the paper's body (kept as HTML by scope, period and names)."""
    scope = scope_from_request()
    since, until = period_from_request()
    names = can_see_names(current_user)

    def body():
        paper = board.board_paper(scope, since, until, names=names)
        return dict(
            since=since,
            until=until,
            headline=Section(paper.headline, chart=None),
            one_day=timedelta(days=1),
            aims=paper.aims,
            variant=VARIANT,
            cohorts=paper.cohorts,
            authority=db.session.get(LocalAuthority, scope.authority_id) if scope.authority_id else None,
        )

    return dict(
        since=since,
        until=until,
        one_day=timedelta(days=1),
        args=scope_args(scope),
        body=kept_fragment("board.html", [asdict(scope), since, until, names], "reports/_board_body.html", body),
    )


@bp.get("/board")
@roles_required(*STAFF)
def board_paper():
    return render("reports/board.html", **_board_context())


@bp.get("/board.pdf")
@roles_required(*STAFF)
def board_paper_pdf():
    context = _board_context()
    html = render_template("reports/board_print.html", **context)
    filename = f"board-paper-{context['since']:%Y-%m-%d}-{context['until']:%Y-%m-%d}.pdf"
    return pdf_download(kept.board_paper_pdf(html), filename)
