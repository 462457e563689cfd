"""The framework editor for the partnership admin: sections (domains) and statements, versions, publishing."""

from functools import partial

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import select
from wtforms import SelectChoice

from portal.core.access import get_or_404, roles_required
from portal.core.confirm import confirm_page, confirmed
from portal.core.forms import attempt, form_status, run_form
from portal.core.rendering import render, wants_fragment
from portal.core.roles import Role
from portal.extensions import db
from portal.frameworks import bp, registry, services
from portal.frameworks.forms import (
    FrameworkForm,
    ItemForm,
    MoveForm,
    NewFrameworkForm,
    NewSectionForm,
    SectionForm,
)
from portal.frameworks.models import Framework, FrameworkItem, FrameworkSection, RatingScale

EDITOR = "framework-editor"


@bp.get("/")
@roles_required(Role.ADMIN)
def list_frameworks():
    frameworks = db.session.scalars(select(Framework).order_by(Framework.kind, Framework.title)).all()
    return render("frameworks/list.html", frameworks=frameworks, kind_label=registry.kind_label)


@bp.route("/new", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def new_framework():
    form = NewFrameworkForm()
    form.kind.choices = [SelectChoice(k, label) for k, label in registry.KINDS.items()]
    form.scale.choices = [SelectChoice(s.id, s.title) for s in db.session.scalars(select(RatingScale))]
    done = run_form(
        form,
        lambda: services.create_framework(
            slug=form.slug.data,
            title=form.title.data,
            kind=form.kind.data,
            purpose=form.purpose.data or "",
            scale=db.session.get(RatingScale, form.scale.data),
            publish=False,
        ),
        flash_message="The framework is created. Add its domains and statements, then publish it.",
    )
    if done:
        return redirect(url_for("frameworks.show_framework", framework_id=done.value.id))
    return render("frameworks/new.html", form=form, status=form_status(form))


def _editor(framework, *, status=200, failed=None, header_form=None):
    """The editor page (or just its fragment), showing `failed` = (section id or None, form) in place."""
    number = request.args.get("version", type=int)
    versions = services.version_summaries(framework)
    if number:
        chosen = next((v for v in versions if v.number == number), None) or abort(404)
        version = services.load_version(chosen.id)
    else:
        version = services.latest_version(framework)
    failed_at, failed_form = failed or (None, None)
    # formdata=None: after a successful htmx post the fresh forms must not echo what was just added.
    item_forms = {
        s.id: failed_form if failed_at == s.id else ItemForm(prefix=f"s{s.id}", formdata=None) for s in version.sections
    }
    return render(
        "frameworks/show.html",
        fragment="frameworks/_editor.html",
        target=EDITOR,
        status=status,
        framework=framework,
        version=version,
        versions=versions,
        item_forms=item_forms,
        failed_form=failed_form,
        section_form=failed_form if failed_at == "new-section" else NewSectionForm(formdata=None),
        editable=version.number == versions[0].number,
        header_form=header_form or FrameworkForm(formdata=None, obj=framework),
        module_label=lambda key: registry.module_label(framework.kind, key),
    )


def _done(framework, message: str):
    """After a committed change: the fragment for htmx, or post/redirect/get with a flash."""
    if wants_fragment(EDITOR):
        return _editor(framework)
    flash(message, "success")
    return redirect(url_for("frameworks.show_framework", framework_id=framework.id))


def _guard(callable_, *args, **kwargs):
    try:
        return callable_(*args, **kwargs)
    except services.NotFound:
        abort(404)


@bp.get("/<int:framework_id>")
@roles_required(Role.ADMIN)
def show_framework(framework_id):
    return _editor(get_or_404(Framework, framework_id))


@bp.post("/<int:framework_id>")
@roles_required(Role.ADMIN)
def update_framework(framework_id):
    framework = get_or_404(Framework, framework_id)
    form = FrameworkForm()
    if run_form(
        form,
        lambda: services.update_framework(
            framework, title=form.title.data, purpose=form.purpose.data or "", actor=current_user
        ),
    ):
        return _done(framework, "The framework's title and purpose are saved.")
    return _editor(framework, status=422, header_form=form)


@bp.post("/<int:framework_id>/sections")
@roles_required(Role.ADMIN)
def add_section(framework_id):
    framework = get_or_404(Framework, framework_id)
    form = NewSectionForm()
    if run_form(form, lambda: services.add_section(framework, title=form.title.data, actor=current_user)):
        return _done(framework, "The domain is added.")
    return _editor(framework, status=422, failed=("new-section", form))


def _section_form(framework, section=None):
    form = SectionForm(obj=section)
    form.module.choices = [
        SelectChoice("", "None"),
        *(SelectChoice(k, lab) for k, lab in registry.module_choices(framework.kind)),
    ]
    return form


@bp.route("/<int:framework_id>/sections/<int:section_id>", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def edit_section(framework_id, section_id):
    framework = get_or_404(Framework, framework_id)
    section = _guard(services.find, framework, FrameworkSection, section_id)
    form = _section_form(framework, section)
    save = partial(
        services.update_section,
        framework,
        section_id,
        title=form.title.data,
        short_title=form.short_title.data or "",
        module=form.module.data or None,
        description=form.description.data or "",
        actor=current_user,
    )
    return _edit_page(framework, form, save, "The domain is saved.", "frameworks/edit_section.html", section=section)


def _edit_page(framework, form, save, message: str, template: str, **context):
    """A domain's or statement's own edit page: `save()` on a valid post, else the form (422 once submitted)."""
    if run_form(form, lambda: _guard(save)):
        return _done(framework, message)
    return render(template, framework=framework, form=form, status=form_status(form), **context)


def _change_part(framework_id, change, *args, message: str):
    """An editor button on a domain or statement: `change(framework, *args)`, 404 for a part not in it."""
    framework = get_or_404(Framework, framework_id)
    done = attempt(lambda: _guard(change, framework, *args, actor=current_user))
    if not done:
        flash(done.error, "info")
        return redirect(url_for("frameworks.show_framework", framework_id=framework.id))
    return _done(framework, message)


def _direction() -> str:
    form = MoveForm()
    form.validate_on_submit() or abort(400)
    return form.direction.data


@bp.post("/<int:framework_id>/sections/<int:section_id>/move")
@roles_required(Role.ADMIN)
def move_section(framework_id, section_id):
    return _change_part(framework_id, services.move_section, section_id, _direction(), message="The domain is moved.")


@bp.post("/<int:framework_id>/sections/<int:section_id>/remove")
@roles_required(Role.ADMIN)
def remove_section(framework_id, section_id):
    if not confirmed():
        framework = get_or_404(Framework, framework_id)
        section = _guard(services.find, framework, FrameworkSection, section_id)
        return confirm_page(
            f"Remove the domain “{section.title}” and all its statements from {framework.title}?",
            details=["Published versions keep it: responses already given are not changed."],
            action_label="Remove the domain",
            back_url=url_for("frameworks.show_framework", framework_id=framework.id),
        )
    return _change_part(
        framework_id, services.remove_section, section_id, message="The domain and its statements are removed."
    )


@bp.post("/<int:framework_id>/sections/<int:section_id>/items")
@roles_required(Role.ADMIN)
def add_item(framework_id, section_id):
    framework = get_or_404(Framework, framework_id)
    form = ItemForm(prefix=f"s{section_id}")
    add = partial(services.add_item, framework, section_id, text=form.text.data, actor=current_user)
    if run_form(form, lambda: _guard(add)):
        return _done(framework, "The statement is added.")
    _guard(services.find, framework, FrameworkSection, section_id)
    return _editor(framework, status=422, failed=(section_id, form))


@bp.route("/<int:framework_id>/items/<int:item_id>", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def edit_item(framework_id, item_id):
    framework = get_or_404(Framework, framework_id)
    item = _guard(services.find, framework, FrameworkItem, item_id)
    form = ItemForm(obj=item)
    save = partial(services.update_item, framework, item_id, text=form.text.data, actor=current_user)
    return _edit_page(framework, form, save, "The statement is saved.", "frameworks/edit_item.html", item=item)


@bp.post("/<int:framework_id>/items/<int:item_id>/move")
@roles_required(Role.ADMIN)
def move_item(framework_id, item_id):
    return _change_part(framework_id, services.move_item, item_id, _direction(), message="The statement is moved.")


@bp.post("/<int:framework_id>/items/<int:item_id>/remove")
@roles_required(Role.ADMIN)
def remove_item(framework_id, item_id):
    if not confirmed():
        framework = get_or_404(Framework, framework_id)
        item = _guard(services.find, framework, FrameworkItem, item_id)
        return confirm_page(
            f"Remove the statement “{item.text[:120]}” from {framework.title}?",
            details=["Published versions keep it: responses already given are not changed."],
            action_label="Remove the statement",
            back_url=url_for("frameworks.show_framework", framework_id=framework.id),
        )
    return _change_part(framework_id, services.remove_item, item_id, message="The statement is removed.")


@bp.post("/<int:framework_id>/publish")
@roles_required(Role.ADMIN)
def publish_framework(framework_id):
    framework = get_or_404(Framework, framework_id)
    if not confirmed():
        return confirm_page(
            f"Publish the latest version of {framework.title}?",
            details=["New self-evaluations use it from now on; answers already given stay with their version."],
            action_label="Publish the version",
            back_url=url_for("frameworks.show_framework", framework_id=framework.id),
        )
    done = attempt(lambda: services.publish_latest(framework, actor=current_user))
    if not done:
        flash(done.error, "info")
        return redirect(url_for("frameworks.show_framework", framework_id=framework.id))
    return _done(framework, f"Version {done.value.number} is published: new responses use it.")
