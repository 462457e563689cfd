"""One confirm step for destructive actions (remove, cancel, publish, agree): the same POST, asked twice.

The first POST (without `confirmed=yes`) answers a confirm page that repeats every posted field; its button
posts again with `confirmed=yes`. With JavaScript, static/portal.js asks in the page first (data-confirm on
the form) and adds `confirmed=yes` itself, so the page is seen only without JavaScript.
"""

from flask import request

from portal.core.rendering import render

FLAG = "confirmed"


def confirmed() -> bool:
    return request.form.get(FLAG) == "yes"


def confirm_page(
    question: str,
    *,
    action_label: str,
    back_url: str,
    details: list[str] | tuple = (),
    title: str = "Check before you continue",
):
    """The confirm page for the current POST: what will happen, a button that re-posts, a way back."""
    fields = [(name, value) for name, value in request.form.items(multi=True) if name not in ("csrf_token", FLAG)]
    return render(
        "confirm.html",
        page_title=title,
        question=question,
        details=list(details),
        action=request.path,
        action_label=action_label,
        back_url=back_url,
        fields=fields,
    )
