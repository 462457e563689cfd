"""The record's rules without HTTP: save, share, delete, add from an attended event once; the pure pack."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db
from portal.learning import queries, services
from portal.learning.models import KIND_LABELS, SECTION_LABELS, STANDARD_LABELS, LearningEntry
from portal.learning.pack import hours_by_standard, paste_text, school_year
from tests.learning.conftest import attended_booking, own_entry


def test_school_year_runs_august_to_july():
    assert school_year(date(2026, 11, 30)) == (date(2026, 8, 1), date(2027, 7, 31))
    assert school_year(date(2027, 3, 1)) == (date(2026, 8, 1), date(2027, 7, 31))


def test_hours_by_standard_and_paste_text():
    entries = [
        SimpleNamespace(standard="clpl", hours=Decimal("1.5")),
        SimpleNamespace(standard="middle", hours=3),
        SimpleNamespace(standard="clpl", hours=Decimal("2")),
    ]
    assert hours_by_standard(entries, STANDARD_LABELS) == [
        ("The Standard for Career-Long Professional Learning", Decimal("3.5")),
        ("The Standard for Middle Leadership", Decimal("3")),
    ]
    entry = SimpleNamespace(
        title="Visit",
        kind="visit",
        started_on=date(2026, 9, 1),
        ended_on=date(2026, 9, 2),
        hours=Decimal("6"),
        standard="clpl",
        section_keys=["1", "3"],
        reflection="",
        evidence_lines=["notes"],
    )
    text = paste_text(entry, kind_labels=KIND_LABELS, standard_labels=STANDARD_LABELS, section_labels=SECTION_LABELS)
    assert "Dates: 01/09/2026 to 02/09/2026" in text
    assert "Sections: 1 Being a Teacher in Scotland; 3 Professional Skills and Abilities" in text
    assert "Evidence: notes" in text


def test_save_updates_and_shares_with_a_named_reviewer(make_user):
    person, reviewer = make_user(Role.PRACTITIONER), make_user(Role.SENIOR_LEADER)
    entry = own_entry(person)
    first = entry.updated_at
    assert entry.sections == "2,3" and entry.shared_with_id is None
    services.save_entry(
        entry,
        actor=person,
        fields={
            "title": "Changed",
            "started_on": entry.started_on,
            "standard": "middle",
            "hours": 2,
            "sections": ["1"],
        },
        reviewer_email=reviewer.email.upper(),
    )
    assert entry.shared_with_id == reviewer.id and entry.title == "Changed" and entry.updated_at >= first
    history = services.revisions(entry)  # the correction keeps the earlier wording
    assert [content["title"] for _, content in history] == ["Read about loose parts play"]
    assert history[0][1]["sections"] == "2,3"
    services.save_entry(
        entry,
        actor=person,
        fields={
            "title": "Changed",
            "started_on": entry.started_on,
            "standard": "middle",
            "hours": 2,
            "sections": ["1"],
        },
        reviewer_email=reviewer.email,
    )
    assert len(services.revisions(entry)) == 1  # saving without a change keeps no copy


@pytest.mark.parametrize("email, message", [("nobody@example.org", "No one"), ("self", "not yourself")])
def test_sharing_refuses_unknown_people_and_oneself(make_user, email, message):
    person = make_user(Role.PRACTITIONER)
    with pytest.raises(ServiceError, match=message):
        services.save_entry(
            None,
            actor=person,
            fields={"title": "x", "started_on": date(2026, 9, 1), "standard": "clpl", "hours": 1},
            reviewer_email=person.email if email == "self" else email,
        )


def test_only_the_owner_changes_or_removes(make_user):
    person, other = make_user(Role.PRACTITIONER), make_user(Role.PRACTITIONER)
    entry = own_entry(person)
    with pytest.raises(ServiceError):
        services.save_entry(
            entry, actor=other, fields={"title": "x", "started_on": date(2026, 9, 1), "standard": "clpl", "hours": 1}
        )
    with pytest.raises(ServiceError):
        services.delete_entry(entry, actor=other)
    services.delete_entry(entry, actor=person)
    assert db.session.get(LearningEntry, entry.id) is None


def test_attended_events_are_suggested_and_added_once(make_user):
    person = make_user(Role.PRACTITIONER)
    booking = attended_booking(person)
    attended_booking(person, title="Missed webinar", attended=False)
    assert [event.title for _, event in queries.suggestions(person)] == ["Network meeting: enquiry questions"]
    entry = services.add_from_booking(booking.id, actor=person)
    assert (entry.kind, entry.hours, entry.started_on) == ("event", Decimal("1.5"), date(2026, 10, 6))
    assert services.add_from_booking(booking.id, actor=person).id == entry.id  # no duplicate
    assert queries.suggestions(person) == []


def test_nobody_adds_someone_elses_or_an_unattended_booking(make_user):
    person, other = make_user(Role.PRACTITIONER), make_user(Role.PRACTITIONER)
    booking = attended_booking(person)
    with pytest.raises(ServiceError):
        services.add_from_booking(booking.id, actor=other)
    missed = attended_booking(person, attended=None)
    with pytest.raises(ServiceError):
        services.add_from_booking(missed.id, actor=person)


def test_scale_step_inserts_a_few_entries_per_person(make_user):
    import random

    from portal.demo.context import ScaleContext
    from portal.learning.demo import load_scale

    people = [make_user(Role.PRACTITIONER).id for _ in range(3)]
    load_scale(ScaleContext(rng=random.Random(1), user_ids_by_role={Role.PRACTITIONER: people}))
    counts = [
        db.session.scalar(db.select(db.func.count(LearningEntry.id)).where(LearningEntry.user_id == p)) for p in people
    ]
    assert all(3 <= c <= 6 for c in counts)


def test_five_years_to_sign_off():
    from portal.learning.pack import five_years_to

    assert five_years_to(date(2027, 6, 30)) == (date(2022, 7, 1), date(2027, 6, 30))
    assert five_years_to(date(2028, 2, 29)) == (date(2023, 3, 1), date(2028, 2, 29))
