"""People administration: search, roles, invitations one by one and by CSV."""

from flask import abort, redirect, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from portal.accounts import bp, importing, queries, services, sessions
from portal.accounts.access import can_edit_roles, can_view_person
from portal.accounts.forms import CsvUploadForm, InviteForm, RolesForm
from portal.accounts.models import User
from portal.core.access import get_or_404, roles_required
from portal.core.forms import form_status, run_form, run_import
from portal.core.rendering import render
from portal.core.roles import Role
from portal.organisations.lookup import resolve_establishment
from portal.organisations.services import authorities


@bp.get("/people")
@roles_required(Role.LA_OFFICER)
def list_people():
    filters = queries.PeopleFilter.from_args(request.args)
    page = queries.people_page(current_user, filters)
    return render(
        "accounts/people.html",
        fragment="accounts/_people_results.html",
        target="people-results",
        page=page,
        filters=filters,
        authorities=authorities(),
        roles=list(Role),
    )


@bp.route("/people/<int:person_id>", methods=["GET", "POST"])
@roles_required(Role.LA_OFFICER)
def show_person(person_id):
    person = get_or_404(User, person_id)
    if not can_view_person(current_user, person):
        abort(404)  # people outside an officer's LA are not theirs to know about
    form = RolesForm(
        obj=None,
        data={"roles": [str(r) for r in person.roles], "authority": person.authority_id, "active": person.active},
    )
    form.authority.choices = [SelectChoice(0, "None"), *(SelectChoice(la.id, la.name) for la in authorities())]
    if request.method == "POST" and not can_edit_roles(current_user, person):
        abort(403)

    def save():
        services.set_roles(
            person, {Role(r) for r in form.roles.data}, actor=current_user, authority_id=form.authority.data or None
        )
        services.set_active(person, form.active.data, actor=current_user)

    if run_form(form, save, flash_message=f"Roles for {person.name} are saved."):
        if person.id == current_user.id:
            sessions.start(person)  # changing one's own roles ends one's other sessions, not this one
        return redirect(url_for("accounts.show_person", person_id=person.id))
    return render(
        "accounts/person.html",
        person=person,
        form=form,
        can_edit=can_edit_roles(current_user, person),
        status=form_status(form),
    )


@bp.route("/people/invite", methods=["GET", "POST"])
@roles_required(Role.LA_OFFICER)
def invite():
    form = InviteForm()

    def invite_person():
        return services.invite_person(
            actor=current_user,
            name=form.name.data,
            email=form.email.data,
            job_title=form.job_title.data or "",
            establishment=resolve_establishment(form.establishment.data, field="establishment"),
            promoted=form.promoted.data,
            roles={Role(r) for r in form.roles.data},
        )

    done = run_form(form, invite_person, flash_message=lambda person: f"An invitation is on its way to {person.email}.")
    if done:
        return redirect(url_for("accounts.show_person", person_id=done.value.id))
    return render("accounts/invite.html", form=form, status=form_status(form))


@bp.route("/people/import", methods=["GET", "POST"])
@roles_required(Role.LA_OFFICER)
def import_people():
    form = CsvUploadForm()
    done = run_import(
        form,
        lambda data: importing.import_people(data, actor=current_user),
        flash_message=lambda result: f"{result.created} invitations sent.",
    )
    if done:
        return redirect(url_for("accounts.list_people"))
    return render("accounts/import_people.html", form=form, result=done.value, status=form_status(form))
