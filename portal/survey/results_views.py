"""Results: per theme the share agreeing, mean and n, leaders beside staff, by sector and LA, year beside
year with a chart; downloads as CSV and XLSX; open answers and the item-level file for the lead officer and
the research partner only."""

import csv
import io
from dataclasses import asdict

from flask import Response, abort, request
from flask_login import current_user

from portal.audit.services import record
from portal.core.access import roles_required
from portal.core.paging import paginate
from portal.core.rendering import kept_fragment, render
from portal.core.roles import Role
from portal.core.tables import csv_response, xlsx_download
from portal.core.uploads import content_disposition
from portal.extensions import db
from portal.organisations.models import LocalAuthority
from portal.survey import bp, queries, results
from portal.survey.access import can_read_open_answers, results_scope
from portal.survey.chart import geometry
from portal.survey.deidentify import item_level_rows
from portal.survey.loading import load_survey
from portal.survey.models import THEMES


def _chosen():
    surveys = queries.surveys()
    year = request.args.get("year", type=int)
    survey = next((s for s in surveys if s.school_year == year), None) or (surveys[0] if surveys else None)
    return survey, surveys


@bp.get("/results")
@roles_required(Role.LA_OFFICER, Role.RESEARCHER)
def results_page():
    survey, surveys = _chosen()
    if survey is None:
        return render("survey/results.html", survey=None, surveys=[])
    scope = results_scope(current_user)
    readers = can_read_open_answers(current_user)

    def figures():
        parts, n = results.breakdowns(survey, surveys, scope), queries.response_count(survey, scope)
        years = parts[0]
        return dict(
            survey=survey,
            parts=parts,
            chart=geometry([(label, {t: c.share for t, c in cells.items()}) for label, cells in years.rows], THEMES),
            themes=THEMES,
            n=n,
            authority=db.session.get(LocalAuthority, scope.authority_id) if scope.authority_id else None,
            definitions=results.DEFINITIONS,
            cohorts=results.COHORTS,
            can_read_open_answers=readers,
        )

    key = [survey.id, [s.id for s in surveys], asdict(scope), readers]
    body = kept_fragment("survey_results.html", key, "survey/_results_body.html", figures)
    return render("survey/results.html", survey=survey, surveys=surveys, body=body)


@bp.get("/results/download.<fmt>")
@roles_required(Role.LA_OFFICER, Role.RESEARCHER)
def download_results(fmt):
    survey, surveys = _chosen()
    if survey is None or fmt not in ("csv", "xlsx"):
        abort(404)
    scope = results_scope(current_user)
    if fmt == "xlsx":
        workbook = results.kept_workbook(survey, surveys, scope)
        return xlsx_download(workbook, f"conditions-for-change-{survey.school_year}.xlsx")
    tables = [b.table() for b in results.kept_breakdowns(survey, surveys, scope)]
    name = request.args.get("table", tables[0].name)
    table = next((t for t in tables if t.name == name), None)
    if table is None:
        abort(404)
    table.name = f"conditions-for-change-{survey.school_year}-{table.name}"
    return csv_response(table)


@bp.get("/<int:survey_id>/open-answers")
@roles_required(Role.RESEARCHER)
def open_answers(survey_id):
    survey = load_survey(survey_id)
    return render("survey/open_answers.html", survey=survey, page=paginate(queries.open_answers(survey), rows=True))


@bp.get("/<int:survey_id>/item-level.csv")
@roles_required(Role.RESEARCHER)
def item_level(survey_id):
    survey = load_survey(survey_id)
    header, rows = item_level_rows(survey)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    record(current_user, "survey.item_level_download", survey, None, {"rows": len(rows)})
    db.session.commit()
    response = Response(out.getvalue(), mimetype="text/csv", headers={"Cache-Control": "no-store"})
    response.headers["Content-Disposition"] = content_disposition(
        f"conditions-for-change-{survey.school_year}-items.csv"
    )
    return response
