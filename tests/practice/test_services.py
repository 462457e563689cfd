"""The account's life without HTTP: drafting, editing, consent, review, versions, uses, search."""

import pytest
from sqlalchemy import select

from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db
from portal.practice import queries, services
from portal.practice.models import IN_REVIEW, PUBLISHED, RETURNED, AccountVersion
from portal.practice.queries import LibraryFilter

TEXTS = ("title", "abstract", "question", "context", "change", "beneficiaries", "findings", "not_worked", "next_steps")


def _fields(account, **changes):
    return {**{k: getattr(account, k) for k in TEXTS}, **changes}


def _publish(world, visibility="public"):
    account = services.draft_from_enquiry(world.team.id, actor=world.ewan)
    services.give_consent(account, actor=world.ewan)
    services.give_consent(account, actor=world.ailsa)
    services.submit(account, actor=world.ewan)
    services.review(account, actor=world.admin, decision="publish", visibility=visibility)
    db.session.commit()
    return account


def test_draft_prefills_from_the_record_without_names(world):
    account = services.draft_from_enquiry(world.team.id, actor=world.ewan)
    assert "woodland" in account.change and "tripled" in account.findings
    assert "Quiet learners led" in account.findings
    assert "Ailsa" not in account.findings + account.context  # the note's observer is not copied
    facets = services.facet_values(account.id)
    assert facets["la"] == ["glasgow-city", "renfrewshire"] and facets["sector"] == ["ELC", "Primary"]
    assert set(facets["measure"]) == {"quantitative", "observation"}
    assert "data" in account.feature_keys and "observed" in account.feature_keys
    assert queries.measures(account)[0]["points"][-1][1] == 70
    assert services.draft_from_enquiry(world.team.id, actor=world.ailsa).id == account.id  # one per team


def test_only_members_draft(world, make_user):
    with pytest.raises(ServiceError):
        services.draft_from_enquiry(world.team.id, actor=make_user(Role.PRACTITIONER))


def test_abstract_is_at_most_120_words(world):
    account = services.draft_from_enquiry(world.team.id, actor=world.ewan)
    with pytest.raises(ServiceError) as refused:
        services.save_account(
            account,
            actor=world.ewan,
            fields=_fields(account, abstract="word " * 121),
            facets={},
            visibility="partnership",
        )
    assert refused.value.errors[0][0] == "abstract"
    services.save_account(
        account, actor=world.ewan, fields=_fields(account, abstract="word " * 120), facets={}, visibility="partnership"
    )


def test_every_current_member_consents_and_an_edit_asks_again(world):
    account = services.draft_from_enquiry(world.team.id, actor=world.ewan)
    services.give_consent(account, actor=world.ewan)
    with pytest.raises(ServiceError, match="waiting for 1"):
        services.submit(account, actor=world.ewan)
    services.give_consent(account, actor=world.ailsa)
    services.save_account(
        account, actor=world.ewan, fields=_fields(account, title="New title"), facets={}, visibility="public"
    )
    assert not any(agreed for _, agreed in services.members_and_consents(account))
    services.give_consent(account, actor=world.ewan)
    services.give_consent(account, actor=world.ailsa)
    services.submit(account, actor=world.ewan)
    assert account.state == IN_REVIEW


def test_review_returns_with_a_comment_then_publishes(world, make_user):
    account = services.draft_from_enquiry(world.team.id, actor=world.ewan)
    for person in (world.ewan, world.ailsa):
        services.give_consent(account, actor=person)
    services.submit(account, actor=world.ewan)
    with pytest.raises(ServiceError):
        services.review(account, actor=world.ewan, decision="publish", visibility="public")  # not a reviewer
    with pytest.raises(ServiceError) as refused:
        services.review(account, actor=world.admin, decision="return")
    assert refused.value.errors[0][0] == "comment"
    services.review(account, actor=world.admin, decision="return", comment="Add the baseline.")
    assert account.state == RETURNED
    services.submit(account, actor=world.ewan)
    reviewer = make_user(Role.PRACTITIONER)
    services.set_reviewer(reviewer, actor=world.admin)
    services.review(account, actor=reviewer, decision="publish", visibility="partnership")
    assert account.state == PUBLISHED and account.version == 1


def test_a_correction_after_publishing_is_a_new_version(world):
    account = _publish(world)
    corrected = services.save_account(
        account, actor=world.ewan, fields=_fields(account, findings="Corrected."), facets={}, visibility="public"
    )
    db.session.commit()
    assert corrected and account.version == 2 and account.revised_at is not None
    kept = db.session.scalars(select(AccountVersion).where(AccountVersion.account_id == account.id)).all()
    assert len(kept) == 2 and "tripled" in kept[0].snapshot


def test_used_this_is_counted_once_per_person_and_not_by_the_team(world, make_user):
    account = _publish(world)
    reader = make_user(Role.PRACTITIONER, authority_slug="inverclyde")
    services.record_use(account, actor=reader, note="We tried it in P3.")
    services.record_use(account, actor=reader, note="And in P4.")
    with pytest.raises(ServiceError):
        services.record_use(account, actor=world.ailsa, note="")
    db.session.commit()
    assert queries.use_counts([account.id]) == {account.id: 1}


def test_search_by_word_and_filter(world, make_user):
    account = _publish(world)
    reader = make_user(Role.PRACTITIONER)
    found = db.session.scalars(queries.library_query(reader, LibraryFilter(q="woodland"))).all()
    assert [a.id for a in found] == [account.id]
    assert not db.session.scalars(queries.library_query(reader, LibraryFilter(q="submarine"))).all()
    by_la = LibraryFilter(facets={"la": "renfrewshire", "measure": "quantitative"})
    assert db.session.scalars(queries.library_query(reader, by_la)).all() == [account]
    assert not db.session.scalars(queries.library_query(reader, LibraryFilter(facets={"la": "inverclyde"}))).all()


def test_a_member_who_leaves_is_no_longer_asked(world, make_user):
    from portal.enquiries import teams

    account = services.draft_from_enquiry(world.team.id, actor=world.ewan)
    services.give_consent(account, actor=world.ewan)
    teams.leave_team(world.team, actor=world.ailsa)
    services.submit(account, actor=world.ewan)
    assert account.state == IN_REVIEW
    assert [p.name for p, _ in services.members_and_consents(account)] == ["Ewan Member"]


def test_at_most_three_files_and_images_are_described(world):
    import io

    from werkzeug.datastructures import FileStorage

    account = services.draft_from_enquiry(world.team.id, actor=world.ewan)
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 20
    with pytest.raises(ServiceError) as refused:
        services.add_file(account, FileStorage(io.BytesIO(png), filename="trail.png"), actor=world.ewan)
    assert refused.value.errors[0][0] == "description"
    for n in range(3):
        services.add_file(account, FileStorage(io.BytesIO(b"notes"), filename=f"n{n}.txt"), actor=world.ewan)
    with pytest.raises(ServiceError, match="at most 3"):
        services.add_file(account, FileStorage(io.BytesIO(b"notes"), filename="four.txt"), actor=world.ewan)


def test_scale_step_publishes_searchable_accounts_for_the_teams(world, make_user):
    import random

    from portal.demo.context import ScaleContext
    from portal.practice.demo import load_scale

    readers = [make_user(Role.PRACTITIONER).id for _ in range(5)]
    load_scale(ScaleContext(rng=random.Random(1), user_ids_by_role={Role.PRACTITIONER: readers}))
    db.session.commit()
    found = db.session.scalars(queries.library_query(world.ewan, LibraryFilter(q="loose parts"))).all()
    assert len(found) == 1 and found[0].team_id == world.team.id and found[0].state == PUBLISHED
