"""Theme pages: the yearly themes, their stimulus resources, registering, registrations and link officers."""

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user, login_required

from portal.core.access import get_or_404, roles_required
from portal.core.forms import ActionForm, ServiceError, attempt, form_status, run_action, run_form
from portal.core.rendering import render
from portal.core.roles import Role
from portal.core.uploads import send_stored
from portal.enquiries import bp, contexts, links, queries, themes
from portal.enquiries.access import (
    can_read_summaries,
    can_register,
    can_see_registrations,
    is_registered,
)
from portal.enquiries.forms import ResourceForm, ThemeForm
from portal.enquiries.models import Theme, ThemeResource


@bp.context_processor
def labels():
    from portal.enquiries.cycle_models import DECISIONS, DRIVER_KINDS
    from portal.enquiries.plan_models import MEASURE_KINDS, MEASURE_SHOWS, NOTE_KINDS

    return {
        "DECISIONS": DECISIONS,
        "DRIVER_KINDS": DRIVER_KINDS,
        "MEASURE_KINDS": MEASURE_KINDS,
        "MEASURE_SHOWS": MEASURE_SHOWS,
        "NOTE_KINDS": NOTE_KINDS,
        "network_context": contexts.for_team,
    }


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
    done = run_form(
        form,
        lambda: themes.save_theme(
            theme,
            actor=current_user,
            school_year=form.school_year.data,
            title=form.title.data,
            description=form.description.data or "",
        ),
        flash_message=lambda saved: f"The theme '{saved.title}' is saved.",
    )
    if done:
        return redirect(url_for("enquiries.show_theme", theme_id=done.value.id))
    resources = queries.theme_resources(theme.id) if theme and theme.id else []
    return render(
        "enquiries/theme_form.html",
        form=form,
        theme=theme,
        resources=resources,
        resource_form=ResourceForm(formdata=None, prefix="resource"),
        status=form_status(form),
    )


@bp.post("/themes/<int:theme_id>/resources")
@roles_required(Role.ADMIN)
def add_resource(theme_id):
    theme = get_or_404(Theme, theme_id)
    form = ResourceForm(prefix="resource")  # its title must not share an id with the theme's
    if run_form(
        form,
        lambda: themes.add_resource(
            theme, actor=current_user, title=form.title.data, url=form.url.data or "", upload=form.file.data
        ),
        flash_message="The resource is added.",
    ):
        return redirect(url_for("enquiries.edit_theme", theme_id=theme.id))
    return render(
        "enquiries/theme_form.html",
        form=ThemeForm(obj=theme),
        theme=theme,
        resource_form=form,
        resources=queries.theme_resources(theme.id),
        status=422,
    )


@bp.post("/resources/<int:resource_id>/delete")
@roles_required(Role.ADMIN)
def delete_resource(resource_id):
    resource = get_or_404(ThemeResource, resource_id)
    ActionForm().validate_on_submit() or abort(400)
    theme_id = resource.theme_id
    run_action(lambda: themes.remove_resource(resource, actor=current_user), done="The resource is removed.")
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
    page, outlooks = queries.theme_teams(theme.id)
    return render(
        "enquiries/theme.html",
        fragment="enquiries/_theme_teams.html",
        target="theme-teams",
        theme=theme,
        resources=queries.theme_resources(theme.id),
        page=page,
        outlooks=outlooks,
        registered=is_registered(current_user, theme.id),
        can_register=can_register(current_user),
        can_see_registrations=can_see_registrations(current_user),
        can_read_summaries=can_read_summaries(current_user, theme.id),
        officers=queries.link_officers([current_user.home_authority_id]),
        challenge_questions=links.challenge_questions(theme.id),
        events=links.theme_events(theme.id),
        framework_id=links.challenge_framework_id(theme.id),
    )


@bp.post("/themes/<int:theme_id>/challenge-questions")
@roles_required(Role.ADMIN)
def create_challenge_questions(theme_id):
    """Start the theme's challenge questions as a framework, then edit them in the framework editor."""
    theme = get_or_404(Theme, theme_id)
    ActionForm().validate_on_submit() or abort(400)
    started = attempt(
        lambda: (
            links.challenge_framework_id(theme.id)
            or links.create_challenge_questions(theme, actor=current_user, groups={"Challenge questions": []}).id
        )
    )
    if not started:
        flash(started.error, "info")
        return redirect(url_for("enquiries.show_theme", theme_id=theme.id), code=303)
    return redirect(url_for("frameworks.show_framework", framework_id=started.value), code=303)


@bp.post("/themes/<int:theme_id>/register")
@login_required
def register(theme_id):
    theme = get_or_404(Theme, theme_id)
    if not can_register(current_user):
        abort(403)
    ActionForm().validate_on_submit() or abort(400)
    run_action(
        lambda: themes.register(
            theme, actor=current_user, for_establishment=request.form.get("scope") == "establishment"
        ),
        done=f"You are registered for {theme.title}. Set up a team or ask to join one.",
    )
    return redirect(url_for("enquiries.show_theme", theme_id=theme.id), code=303)


@bp.get("/themes/<int:theme_id>/registrations")
@roles_required(Role.LA_OFFICER)
def list_registrations(theme_id):
    theme = get_or_404(Theme, theme_id)
    if not can_see_registrations(current_user):
        abort(403)
    scope = None if current_user.has_role(Role.ADMIN) else current_user.authority_id
    return render("enquiries/registrations.html", theme=theme, page=queries.registrations(theme.id, scope))


@bp.get("/themes/<int:theme_id>/summaries")
@login_required
def list_summaries(theme_id):
    theme = get_or_404(Theme, theme_id)
    if not can_read_summaries(current_user, theme.id):
        abort(403)
    return render("enquiries/summaries.html", theme=theme, page=queries.published_summaries(theme.id))


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

        def save_all():  # every LA's choice is checked; any refusal keeps none of them
            refused = []
            for la in las:
                chosen = request.form.get(f"la_{la.id}", type=int)
                officer = next((o for o in choices[la.id] if o.id == chosen), None)
                try:
                    themes.set_link_officer(la.id, officer, actor=current_user)
                except ServiceError as error:
                    refused += error.errors
            if refused:
                raise ServiceError(*refused)

        done = attempt(save_all)
        if done:
            flash("Link officers are saved.", "success")
            return redirect(url_for("enquiries.link_officers"), code=303)
        errors = list(done.errors)
    return render(
        "enquiries/link_officers.html",
        las=las,
        choices=choices,
        current=current,
        errors=errors,
        status=422 if errors else 200,
    )
