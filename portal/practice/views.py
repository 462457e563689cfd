"""The library, one account, and the team's work on it: draft, edit, files, consent, submit, "Used this"."""

from flask import abort, redirect, request, url_for
from flask_login import current_user, login_required

from portal.core.access import get_or_404
from portal.core.forms import ActionForm, form_status, run_action, run_form
from portal.core.rendering import render
from portal.core.uploads import send_stored
from portal.organisations.models import AUTHORITIES
from portal.practice import bp, queries, services
from portal.practice.access import can_edit, is_reviewer, is_team_member
from portal.practice.forms import AccountForm, FileForm, ReviewForm, UseForm, choices
from portal.practice.loading import LABELS, body_context, load_account
from portal.practice.models import AccountFile, PracticeAccount
from portal.practice.vocabularies import PROGRAMMES


@bp.get("/")
@login_required
def library():
    filters = queries.LibraryFilter.from_args(request.args)
    page = queries.library_page(current_user, filters)
    ids = [a.id for a in page.items]
    return render(
        "practice/library.html",
        fragment="practice/_results.html",
        target="practice-results",
        filters=filters,
        page=page,
        facets=queries.facets_of(ids),
        uses=queries.use_counts(ids),
        choices=queries.filter_choices(),
        LABELS=LABELS,
        PROGRAMMES=PROGRAMMES,
        counts=queries.counts(),
        reviewer=is_reviewer(current_user),
    )


@bp.get("/mine")
@login_required
def my_accounts():
    return render("practice/mine.html", rows=queries.my_teams(current_user))


@bp.post("/teams/<int:team_id>/draft")
@login_required
def draft_account(team_id):
    done = run_action(
        lambda: services.draft_from_enquiry(team_id, actor=current_user),
        done="The account is drafted from your enquiry record: make it your own words.",
    )
    if not done:
        return redirect(url_for("practice.my_accounts"), code=303)
    return redirect(url_for("practice.edit_account", account_id=done.value.id), code=303)


@bp.get("/<int:account_id>")
def show_account(account_id):
    account = load_account(account_id)
    if not current_user.is_authenticated:
        return redirect(url_for("practice.public_account", account_id=account.id))
    team_view = can_edit(current_user, account) or is_reviewer(current_user)
    return render(
        "practice/account.html",
        **body_context(account),
        files=queries.files(account.id),
        can_edit=can_edit(current_user, account),
        reviewer=is_reviewer(current_user) and not is_team_member(current_user, account.team_id),
        consents=services.members_and_consents(account) if team_view else [],
        history=queries.history(account.id) if team_view else [],
        uses=queries.uses(account.id) if team_view else [],
        use_count=queries.use_counts([account.id]).get(account.id, 0),
        my_use=queries.my_use(account.id, current_user),
        versions=queries.versions(account.id),
        presentations=queries.presentations(account.id),
        review_form=ReviewForm(formdata=None, visibility=account.visibility),
        use_form=UseForm(formdata=None),
    )


def _account_form(account: PracticeAccount, *, fresh: bool) -> AccountForm:
    """The form as saved (fresh) or as posted; the authorities are the partnership's eight."""
    if fresh:
        form = AccountForm(
            formdata=None, obj=account, features=account.feature_keys, **services.facet_values(account.id)
        )
    else:
        form = AccountForm()
    form.la.choices = choices(AUTHORITIES)
    return form


@bp.route("/<int:account_id>/edit", methods=["GET", "POST"])
@login_required
def edit_account(account_id):
    account = load_account(account_id, edit=True)
    form = _account_form(account, fresh=request.method == "GET")
    done = run_form(
        form,
        lambda: services.save_account(
            account,
            actor=current_user,
            fields={k: getattr(form, k).data for k in form.TEXTS},
            facets={k: getattr(form, k).data or [] for k in form.FACETS},
            visibility=form.visibility.data,
            programme=form.programme.data,
        ),
        flash_message=lambda corrected: (
            "The correction is published as a new version." if corrected else "The account is saved."
        ),
    )
    if done:
        return redirect(url_for("practice.show_account", account_id=account.id), code=303)
    return render(
        "practice/edit.html",
        form=form,
        account=account,
        files=queries.files(account.id),
        file_form=FileForm(formdata=None),
        status=form_status(form),
    )


@bp.route("/<int:account_id>/files", methods=["POST"])
@login_required
def add_file(account_id):
    account = load_account(account_id, edit=True)
    form = FileForm()
    if run_form(
        form,
        lambda: services.add_file(account, form.file.data, actor=current_user, description=form.description.data or ""),
        flash_message="The file is added.",
    ):
        return redirect(url_for("practice.edit_account", account_id=account.id, _anchor="files"), code=303)
    return render(
        "practice/edit.html",
        form=_account_form(account, fresh=True),
        account=account,
        files=queries.files(account.id),
        file_form=form,
        status=422,
    )


def _file(account, file_id) -> AccountFile:
    item = get_or_404(AccountFile, file_id)
    if item.account_id != account.id:
        abort(404)
    return item


@bp.route("/<int:account_id>/files/<int:file_id>/remove", methods=["GET", "POST"])
@login_required
def remove_file(account_id, file_id):
    account = load_account(account_id, edit=True)
    item = _file(account, file_id)
    if request.method == "POST":
        ActionForm().validate_on_submit() or abort(400)
        run_action(lambda: services.remove_file(account, item, actor=current_user), done="The file is removed.")
        return redirect(url_for("practice.edit_account", account_id=account.id, _anchor="files"), code=303)
    return render("practice/remove_file.html", account=account, item=item)


@bp.get("/<int:account_id>/files/<int:file_id>")
@login_required
def download_file(account_id, file_id):
    account = load_account(account_id)
    item = _file(account, file_id)
    return send_stored(item.file_key, item.filename, inline=item.is_image)


@bp.post("/<int:account_id>/consent")
@login_required
def give_consent(account_id):
    account = load_account(account_id)
    ActionForm().validate_on_submit() or abort(400)
    agree = request.form.get("agree") != "no"
    run_action(
        lambda: services.give_consent(account, actor=current_user, agree=agree),
        done="You agree to this account being submitted." if agree else "Your agreement is withdrawn.",
    )
    return redirect(url_for("practice.show_account", account_id=account.id, _anchor="consent"), code=303)


@bp.post("/<int:account_id>/submit")
@login_required
def submit_account(account_id):
    account = load_account(account_id, edit=True)
    ActionForm().validate_on_submit() or abort(400)
    run_action(
        lambda: services.submit(account, actor=current_user),
        done="The account is submitted: the lead officer or a reviewer will read it.",
    )
    return redirect(url_for("practice.show_account", account_id=account.id), code=303)


@bp.post("/<int:account_id>/use")
@login_required
def record_use(account_id):
    account = load_account(account_id)
    ActionForm().validate_on_submit() or abort(400)  # the note's length is the service's rule (flashed)
    run_action(
        lambda: services.record_use(account, actor=current_user, note=request.form.get("note", "")),
        done="Thank you: the team can see that your school used this.",
    )
    return redirect(url_for("practice.show_account", account_id=account.id, _anchor="used"), code=303)


@bp.app_template_filter("label_list")
def label_list(values, labels) -> str:
    """Vocabulary keys as their labels, comma-separated (a filter: called per card without Jinja's Context.call)."""
    return ", ".join([labels.get(v, v) for v in values])


@bp.context_processor
def helpers():
    from portal.practice.models import STATE_LABELS, VISIBILITY_LABELS

    return {
        "choice_pairs": lambda values: [(v, v) for v in values],
        "STATE_LABELS": STATE_LABELS,
        "VISIBILITY_LABELS": VISIBILITY_LABELS,
    }
