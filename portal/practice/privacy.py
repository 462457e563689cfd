"""Accounts of practice: what a person consented to, reviewed and noted as used, for "download my data" and
erasure. The accounts themselves are the team's words and stay; names typed into them are scrubbed."""

from sqlalchemy import delete, select, update

from portal.core import personal_data
from portal.extensions import db
from portal.practice.models import AccountFile, AccountVersion, Consent, PracticeAccount, Review, Reviewer, Use
from portal.practice.services import index_text


def _rows(model, *where):
    return personal_data.as_rows(db.session.scalars(select(model).where(*where)))


def export(user) -> dict:
    return {
        "consents_given": _rows(Consent, Consent.user_id == user.id),
        "reviews_written": _rows(Review, Review.actor_id == user.id),
        "reviewer_role": _rows(Reviewer, Reviewer.user_id == user.id),
        "used_this": _rows(Use, Use.user_id == user.id),
    }


def erase(user) -> None:
    """Counts of "used this" stay (the team's feedback figures), the person's note goes; review decisions stay
    with the account under "a former member"; the reviewer role ends."""
    db.session.execute(update(Use).where(Use.user_id == user.id).values(note=""))
    db.session.execute(delete(Reviewer).where(Reviewer.user_id == user.id))
    # Names scrubbed from the text (personal_data.scrub_free_text ran first) leave the search index too.
    scrubbed = select(PracticeAccount).where(PracticeAccount.search_text.contains(personal_data.FORMER_MEMBER_IN_TEXT))
    for account in db.session.scalars(scrubbed):
        index_text(account, account.search_text)
    db.session.flush()


def register(app) -> None:
    personal_data.register(app, "practice", export=export, erase=erase)
    personal_data.register_free_text(
        app,
        PracticeAccount.title,
        PracticeAccount.abstract,
        PracticeAccount.question,
        PracticeAccount.context,
        PracticeAccount.change,
        PracticeAccount.beneficiaries,
        PracticeAccount.findings,
        PracticeAccount.not_worked,
        PracticeAccount.next_steps,
        PracticeAccount.search_text,
        AccountVersion.snapshot,
        AccountFile.description,
        Review.comment,
        Use.note,
    )
