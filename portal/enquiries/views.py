"""Theme pages: the yearly themes, their stimulus resources, registering, registrations and link officers."""

from flask import Blueprint, abort, current_app, flash, redirect, request, url_for
from flask_login import current_user, login_required

from portal.core.access import get_or_404, roles_required
from portal.core.forms import ActionForm, ServiceError, apply_errors, run_action
from portal.core.rendering import render
from portal.core.roles import Role
from portal.core.uploads import send_stored
from portal.enquiries import contexts, links, queries, themes
from portal.enquiries.access import (
    can_edit_team,
    can_register,
    can_see_registrations,
    can_view_team,
    is_registered,
)
from portal.enquiries.forms import ResourceForm, ThemeForm
from portal.enquiries.models import Theme, ThemeResource
from portal.extensions import db

bp = Blueprint("enquiries", __name__, url_prefix="/enquiries")


@bp.context_processor
def labels():
    from portal.enquiries.plan_models import MEASURE_KINDS, MEASURE_SHOWS, NOTE_KINDS

    return {"MEASURE_KINDS": MEASURE_KINDS, "MEASURE_SHOWS": MEASURE_SHOWS, "NOTE_KINDS": NOTE_KINDS,
            "network_context": contexts.for_team}


def load_team(team_id: int, *, edit: bool = False):
    """The team and its enquiry, or 404/403: members, link officers, facilitators and the admin only."""
    team, enquiry = queries.team_page(team_id)
    if team is None:
        abort(404)
    if not can_view_team(current_user, team) or (edit and not can_edit_team(current_user, team)):
        abort(403)
    return team, enquiry


def page_number() -> int:
    return max(request.args.get("page", 1, type=int) or 1, 1)


@bp.get("/")
@login_required
def list_themes():
    all_themes, mine, counts = queries.themes_with_counts(current_user)
    return render("enquiries/themes.html", themes=all_themes, mine=mine, counts=counts)


@bp.route("/themes/new", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def new_theme():
    return _theme_form(None)


@bp.route("/themes/<int:theme_id>/edit", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def edit_theme(theme_id):
    return _theme_form(get_or_404(Theme, theme_id))


def _theme_form(theme):
    form = ThemeForm(obj=theme)
    if form.validate_on_submit():
        try:
            theme = themes.save_theme(theme, actor=current_user, school_year=form.school_year.data,
                                      title=form.title.data, description=form.description.data or "")
        except ServiceError as error:
            apply_errors(form, error)
        else:
            db.session.commit()
            flash(f"The theme '{theme.title}' is saved.", "success")
            return redirect(url_for("enquiries.show_theme", theme_id=theme.id))
    resources = queries.theme_resources(theme.id) if theme and theme.id else []
    return render("enquiries/theme_form.html", form=form, theme=theme, resources=resources,
                  resource_form=ResourceForm(formdata=None, prefix="resource"),
                  status=422 if form.is_submitted() else 200)


@bp.post("/themes/<int:theme_id>/resources")
@roles_required(Role.ADMIN)
def add_resource(theme_id):
    theme = get_or_404(Theme, theme_id)
    form = ResourceForm(prefix="resource")  # its title must not share an id with the theme's
    if form.validate_on_submit():
        try:
            themes.add_resource(theme, actor=current_user, title=form.title.data, url=form.url.data or "",
                                upload=form.file.data)
        except ServiceError as error:
            apply_errors(form, error)
        else:
            db.session.commit()
            flash("The resource is added.", "success")
            return redirect(url_for("enquiries.edit_theme", theme_id=theme.id))
    return render("enquiries/theme_form.html", form=ThemeForm(obj=theme), theme=theme, resource_form=form,
                  resources=queries.theme_resources(theme.id), status=422)


@bp.post("/resources/<int:resource_id>/delete")
@roles_required(Role.ADMIN)
def delete_resource(resource_id):
    resource = get_or_404(ThemeResource, resource_id)
    ActionForm().validate_on_submit() or abort(400)
    theme_id = resource.theme_id
    themes.remove_resource(resource, actor=current_user)
    db.session.commit()
    flash("The resource is removed.", "success")
    return redirect(url_for("enquiries.edit_theme", theme_id=theme_id), code=303)


@bp.get("/resources/<int:resource_id>")
@login_required
def download_resource(resource_id):
    resource = get_or_404(ThemeResource, resource_id)
    if not resource.file_key:
        return redirect(resource.url)
    return send_stored(resource.file_key, resource.filename)


@bp.get("/themes/<int:theme_id>")
@login_required
def show_theme(theme_id):
    theme = get_or_404(Theme, theme_id)
    rows, total, outlooks = queries.theme_teams(theme.id, page_number(), current_app.config["PAGE_SIZE"])
    return render("enquiries/theme.html", fragment="enquiries/_theme_teams.html", target="theme-teams",
                  theme=theme, resources=queries.theme_resources(theme.id), rows=rows, total=total,
                  outlooks=outlooks, page=page_number(), per_page=current_app.config["PAGE_SIZE"],
                  registered=is_registered(current_user, theme.id), can_register=can_register(current_user),
                  officers=queries.link_officers([current_user.home_authority_id]),
                  challenge_questions=links.challenge_questions(theme.id), events=links.theme_events(theme.id),
                  framework=links.challenge_framework(theme.id))


@bp.post("/themes/<int:theme_id>/challenge-questions")
@roles_required(Role.ADMIN)
def create_challenge_questions(theme_id):
    """Start the theme's challenge questions as a framework, then edit them in the framework editor."""
    theme = get_or_404(Theme, theme_id)
    ActionForm().validate_on_submit() or abort(400)
    framework = links.challenge_framework(theme.id) or links.create_challenge_questions(
        theme, actor=current_user, groups={"Challenge questions": []})
    db.session.commit()
    return redirect(url_for("frameworks.show_framework", framework_id=framework.id), code=303)


@bp.post("/themes/<int:theme_id>/register")
@login_required
def register(theme_id):
    theme = get_or_404(Theme, theme_id)
    if not can_register(current_user):
        abort(403)
    ActionForm().validate_on_submit() or abort(400)
    run_action(lambda: themes.register(theme, actor=current_user,
                                       for_establishment=request.form.get("scope") == "establishment"),
               done=f"You are registered for {theme.title}. Set up a team or ask to join one.")
    return redirect(url_for("enquiries.show_theme", theme_id=theme.id), code=303)


@bp.get("/themes/<int:theme_id>/registrations")
@roles_required(Role.LA_OFFICER)
def list_registrations(theme_id):
    theme = get_or_404(Theme, theme_id)
    if not can_see_registrations(current_user):
        abort(403)
    scope = None if current_user.has_role(Role.ADMIN) else current_user.authority_id
    rows, total = queries.registrations(theme.id, scope, page_number(), current_app.config["PAGE_SIZE"])
    return render("enquiries/registrations.html", theme=theme, rows=rows, total=total, page=page_number(),
                  per_page=current_app.config["PAGE_SIZE"])


@bp.get("/themes/<int:theme_id>/summaries")
@login_required
def list_summaries(theme_id):
    theme = get_or_404(Theme, theme_id)
    if not (current_user.has_role(Role.ADMIN, Role.RESEARCHER, Role.LA_OFFICER)
            or is_registered(current_user, theme.id)):
        abort(403)
    rows, total = queries.published_summaries(theme.id, page_number(), current_app.config["PAGE_SIZE"])
    return render("enquiries/summaries.html", theme=theme, rows=rows, total=total, page=page_number(),
                  per_page=current_app.config["PAGE_SIZE"])


@bp.route("/link-officers", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def link_officers():
    """One link officer per LA, chosen from that LA's officers (shown to the LA's teams)."""
    from portal.organisations.services import authorities

    las = authorities()
    choices = {la.id: queries.la_officers(la.id) for la in las}
    current = {lo.authority_id: lo.user_id for lo in queries.link_officers([la.id for la in las])}
    errors = []
    if request.method == "POST":
        ActionForm().validate_on_submit() or abort(400)
        for la in las:
            chosen = request.form.get(f"la_{la.id}", type=int)
            officer = next((o for o in choices[la.id] if o.id == chosen), None)
            try:
                themes.set_link_officer(la.id, officer, actor=current_user)
            except ServiceError as error:
                errors += error.errors
        if not errors:
            db.session.commit()
            flash("Link officers are saved.", "success")
            return redirect(url_for("enquiries.link_officers"), code=303)
        db.session.rollback()
    return render("enquiries/link_officers.html", las=las, choices=choices, current=current, errors=errors,
                  status=422 if errors else 200)


from portal.enquiries import evidence_views, plan_views, team_views  # noqa: E402, F401  (routes on bp)
