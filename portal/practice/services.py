"""Rules for accounts: drafting, editing, files, consent, submission, review, versions, uses, presentations.

Every function takes the acting person, raises ServiceError with (field, message) pairs, flushes, never commits.
"""

import json

from sqlalchemy import delete, func, literal_column, select

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.core.uploads import delete_stored, store_upload
from portal.enquiries.models import TeamMember
from portal.enquiries.queries import team_page
from portal.extensions import db
from portal.organisations.models import SECTORS, LocalAuthority
from portal.practice import drafting
from portal.practice.access import can_edit, can_view, is_reviewer, is_team_member
from portal.practice.figures import counts  # noqa: F401  (the reports' entry point: services.counts(scope))
from portal.practice.models import (
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    RETURNED,
    SEARCH_CONFIG,
    VISIBILITY_LABELS,
    AccountFacet,
    AccountFile,
    AccountVersion,
    Consent,
    PracticeAccount,
    Presentation,
    Review,
    Reviewer,
    Use,
)
from portal.practice.vocabularies import (
    ABSTRACT_WORDS,
    KEY_FEATURES,
    MAX_FILES,
    MEASURE_TYPES,
    PROGRAMMES,
    STAGES,
    TAGS,
)

TEXT_FIELDS = (
    "title",
    "abstract",
    "question",
    "context",
    "change",
    "beneficiaries",
    "findings",
    "not_worked",
    "next_steps",
)
MAX_TEXT = 10000


def words(text: str) -> int:
    return len((text or "").split())


def draft_from_enquiry(team_id: int, *, actor) -> PracticeAccount:
    """Start the team's account from its enquiry record (one account per team: the existing one is returned)."""
    team, enquiry = team_page(team_id)
    if team is None or not is_team_member(actor, team.id):
        raise ServiceError((None, "Only the team's members can draft its account of practice."))
    found = db.session.scalar(select(PracticeAccount).where(PracticeAccount.team_id == team.id))
    if found is not None:
        return found
    fields = drafting.draft_fields(team, enquiry)
    facets = fields.pop("facets")
    account = PracticeAccount(team_id=team.id, **fields)
    db.session.add(account)
    db.session.flush()
    _set_facets(account, facets)
    index_text(account, _search_text(account, facets))
    db.session.flush()
    return account


def facet_values(account_id: int) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"sector": [], "stage": [], "la": [], "measure": [], "tag": []}
    for facet, value in db.session.execute(
        select(AccountFacet.facet, AccountFacet.value)
        .where(AccountFacet.account_id == account_id)
        .order_by(AccountFacet.facet, AccountFacet.value)
    ):
        found.setdefault(facet, []).append(value)
    return found


def _allowed_facets() -> dict[str, set]:
    las = set(db.session.scalars(select(LocalAuthority.slug)))
    return {"sector": set(SECTORS), "stage": set(STAGES), "la": las, "measure": set(MEASURE_TYPES), "tag": set(TAGS)}


def _set_facets(account: PracticeAccount, facets: dict[str, list[str]]) -> None:
    allowed = _allowed_facets()
    db.session.execute(delete(AccountFacet).where(AccountFacet.account_id == account.id))
    db.session.add_all(
        AccountFacet(account_id=account.id, facet=facet, value=value)
        for facet, values in facets.items()
        for value in sorted(set(values))
        if value in allowed.get(facet, ())
    )


def _search_text(account: PracticeAccount, facets: dict) -> str:
    """What full-text search reads: the account's words and the labels of its tags."""
    tags = " ".join(TAGS[t] for t in facets.get("tag", []) if t in TAGS)
    return "\n".join([*(getattr(account, f) or "" for f in TEXT_FIELDS), account.theme_title, tags])


def index_text(account: PracticeAccount, text: str) -> None:
    """Keep what search reads: the text, and on PostgreSQL its tsvector (computed by the database)."""
    account.search_text = text
    if db.session.get_bind().dialect.name == "postgresql":
        account.search_vector = func.to_tsvector(literal_column(f"'{SEARCH_CONFIG}'"), text)


def snapshot(account: PracticeAccount) -> str:
    return json.dumps({f: getattr(account, f) for f in (*TEXT_FIELDS, "features", "measures_json")})


def save_account(
    account: PracticeAccount, *, actor, fields: dict, facets: dict, visibility: str, programme: str | None = None
) -> bool:
    """Save the team's words; returns True when a published account was corrected (a new version, "updated").
    A change to a draft clears the consents given to the earlier text."""
    if not can_edit(actor, account):
        raise ServiceError((None, "Only the team's members can change its account."))
    if account.state == IN_REVIEW:
        raise ServiceError((None, "The account is with the reviewer: wait until it is returned or published."))
    errors = []
    fields = {k: (fields.get(k) or "").replace("\r\n", "\n").strip() for k in TEXT_FIELDS}
    if not fields["title"]:
        errors.append(("title", "Give the account a title."))
    if len(fields["title"]) > 200:
        errors.append(("title", "Keep the title under 200 characters."))
    if words(fields["abstract"]) > ABSTRACT_WORDS:
        errors.append(
            ("abstract", f"Keep the abstract to {ABSTRACT_WORDS} words or fewer (it has {words(fields['abstract'])}).")
        )
    for key in TEXT_FIELDS[1:]:
        if len(fields[key]) > MAX_TEXT:
            errors.append((key, f"Keep this under {MAX_TEXT:,} characters."))
    if visibility not in VISIBILITY_LABELS:
        errors.append(("visibility", "Choose who may read the account."))
    if programme is not None and programme not in PROGRAMMES:
        errors.append(("programme", "Choose the programme from the list."))
    if errors:
        raise ServiceError(*errors)
    features = ",".join(k for k in KEY_FEATURES if k in (facets.pop("features", None) or []))
    changed = any(getattr(account, k) != v for k, v in fields.items()) or account.features != features
    for key, value in fields.items():
        setattr(account, key, value)
    account.features, account.visibility, account.updated_at = features, visibility, utcnow()
    account.programme = programme or account.programme
    _set_facets(account, facets)
    index_text(account, _search_text(account, facets))
    corrected = account.state == PUBLISHED and changed
    if corrected:
        _publish_version(account, actor, "updated")
        account.revised_at = account.updated_at
    elif changed:
        db.session.execute(delete(Consent).where(Consent.account_id == account.id))
    db.session.flush()
    return corrected


def add_file(account: PracticeAccount, upload, *, actor, description: str = "") -> AccountFile:
    """Attach an image or file (the shared upload checks); at most MAX_FILES per account."""
    if not can_edit(actor, account):
        raise ServiceError((None, "Only the team's members can add files."))
    count = db.session.scalar(select(func.count(AccountFile.id)).where(AccountFile.account_id == account.id))
    if count >= MAX_FILES:
        raise ServiceError(("file", f"An account has at most {MAX_FILES} images or files: remove one first."))
    stored = store_upload(upload, field="file")
    if stored.key.rsplit(".", 1)[-1] in {"png", "jpg", "jpeg"} and not description.strip():
        delete_stored(stored.key)
        raise ServiceError(("description", "Describe the image for people who cannot see it."))
    item = AccountFile(
        account_id=account.id,
        file_key=stored.key,
        filename=stored.filename,
        size=stored.size,
        description=description.strip()[:300],
    )
    db.session.add(item)
    db.session.flush()
    return item


def remove_file(account: PracticeAccount, item: AccountFile, *, actor) -> None:
    if not can_edit(actor, account):
        raise ServiceError((None, "Only the team's members can remove files."))
    db.session.delete(item)
    db.session.flush()
    delete_stored(item.file_key)


def members_and_consents(account: PracticeAccount) -> list[tuple[User, bool]]:
    """Every current member of the team, and whether they have agreed: two queries."""
    people = list(
        db.session.scalars(
            select(User)
            .join(TeamMember, TeamMember.user_id == User.id)
            .where(TeamMember.team_id == account.team_id)
            .order_by(User.name)
        )
    )
    agreed = set(db.session.scalars(select(Consent.user_id).where(Consent.account_id == account.id)))
    return [(p, p.id in agreed) for p in people]


def give_consent(account: PracticeAccount, *, actor, agree: bool = True) -> None:
    """A current member agrees (or stops agreeing) to the account, as it reads now, being submitted."""
    if not is_team_member(actor, account.team_id):
        raise ServiceError((None, "Only the team's current members give consent."))
    found = db.session.get(Consent, (account.id, actor.id))
    if agree and found is None:
        db.session.add(Consent(account_id=account.id, user_id=actor.id))
    elif not agree and found is not None:
        db.session.delete(found)
    db.session.flush()


def submit(account: PracticeAccount, *, actor) -> None:
    """Send the account for review: every current member must have agreed first."""
    if not can_edit(actor, account):
        raise ServiceError((None, "Only the team's members can submit its account."))
    if account.state not in (DRAFT, RETURNED):
        raise ServiceError((None, "Only a draft or a returned account can be submitted."))
    waiting = [p.name for p, agreed in members_and_consents(account) if not agreed]
    if waiting:
        raise ServiceError(
            (None, f"Every member must agree before the account is submitted: waiting for {len(waiting)} of the team.")
        )
    account.state, account.submitted_at = IN_REVIEW, utcnow()
    db.session.add(Review(account_id=account.id, actor_id=actor.id, decision="submitted"))
    db.session.flush()


def review(account: PracticeAccount, *, actor, decision: str, comment: str = "", visibility: str = "") -> None:
    """The lead officer or a reviewer returns the account with comments, or publishes it (confirming who may
    read it: the partnership, or the public)."""
    if not is_reviewer(actor):
        raise ServiceError((None, "Only the lead officer and the reviewers they name review accounts."))
    if is_team_member(actor, account.team_id):
        raise ServiceError((None, "You are in this team: another reviewer reviews its account."))
    if account.state != IN_REVIEW:
        raise ServiceError((None, "This account is not waiting for review."))
    comment = (comment or "").strip()
    if decision == "return":
        if not comment:
            raise ServiceError(("comment", "Say what the team should change."))
        account.state = RETURNED
        db.session.add(Review(account_id=account.id, actor_id=actor.id, decision="returned", comment=comment))
    elif decision == "publish":
        if visibility not in VISIBILITY_LABELS:
            raise ServiceError(("visibility", "Confirm who may read the account."))
        account.state, account.visibility = PUBLISHED, visibility
        account.published_at = account.published_at or utcnow()
        _publish_version(account, actor, "published", comment)
    else:
        raise ServiceError(("decision", "Choose to return or publish the account."))
    db.session.flush()


def _publish_version(account: PracticeAccount, actor, decision: str, comment: str = "") -> None:
    account.version += 1
    db.session.add(AccountVersion(account_id=account.id, number=account.version, snapshot=snapshot(account)))
    db.session.add(Review(account_id=account.id, actor_id=actor.id, decision=decision, comment=comment))


def set_reviewer(person: User, *, actor, granted: bool = True) -> None:
    """The lead officer names (or stops naming) a reviewer of accounts."""
    from portal.core.roles import Role

    if not actor.has_role(Role.ADMIN):
        raise ServiceError((None, "Only the partnership lead officer names reviewers."))
    found = db.session.get(Reviewer, person.id)
    if granted and found is None:
        db.session.add(Reviewer(user_id=person.id, granted_by_id=actor.id))
    elif not granted and found is not None:
        db.session.delete(found)
    db.session.flush()


def record_use(account: PracticeAccount, *, actor, note: str) -> Use:
    """A reader's school tried the idea: one record per person (a second one replaces the note)."""
    if account.state != PUBLISHED or not can_view(actor, account) or not actor.is_authenticated:
        raise ServiceError((None, "Only published accounts can be marked as used."))
    if is_team_member(actor, account.team_id):
        raise ServiceError((None, "This is your own team's account: 'Used this' is for other schools."))
    note = (note or "").strip()
    if len(note) > 500:
        raise ServiceError(("note", "Keep the note under 500 characters."))
    use = db.session.scalar(select(Use).where(Use.account_id == account.id, Use.user_id == actor.id))
    if use is None:
        use = Use(account_id=account.id, user_id=actor.id)
        db.session.add(use)
    use.note, use.establishment_id, use.authority_id = note, actor.establishment_id, actor.home_authority_id
    use.created_at = utcnow()
    db.session.flush()
    return use


def present_at(account: PracticeAccount, event, *, actor, eligible_ids: set[int]) -> None:
    """The team signs up to present its account at one of its sharing events."""
    if not can_edit(actor, account):
        raise ServiceError((None, "Only the team's members sign it up to present."))
    if event is None or event.id not in eligible_ids:
        raise ServiceError(("event_id", "Choose one of your team's sharing events."))
    if db.session.get(Presentation, (account.id, event.id)) is None:
        db.session.add(Presentation(account_id=account.id, event_id=event.id))
    db.session.flush()


def withdraw_presentation(account: PracticeAccount, event_id: int, *, actor) -> None:
    if not can_edit(actor, account):
        raise ServiceError((None, "Only the team's members can change where it presents."))
    db.session.execute(
        delete(Presentation).where(Presentation.account_id == account.id, Presentation.event_id == event_id)
    )
    db.session.flush()
