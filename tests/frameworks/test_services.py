"""Framework services without HTTP: creation, copy-on-write versioning, reordering, scoring."""

import pytest

from portal.core.forms import ServiceError
from portal.extensions import db
from portal.frameworks import scoring, services
from portal.frameworks.defaults import six_point_scale
from tests.support.sql import statements


@pytest.fixture
def framework(app):
    fw = services.create_framework(
        slug="demo",
        title="Demo framework",
        kind="test",
        scale=six_point_scale(),
        sections=[
            {"title": "Alpha", "module": "m1", "items": ["a1", "a2", "a3"]},
            {"title": "Beta", "items": ["b1", "b2"]},
        ],
    )
    db.session.commit()
    return fw


def texts(version):
    return [(s.title, [i.text for i in s.items]) for s in version.sections]


def test_scale_is_six_points_with_descriptors(app):
    scale = six_point_scale()
    assert list(scale.values) == [1, 2, 3, 4, 5, 6]
    assert all(level.descriptor for level in scale.levels)
    assert six_point_scale().id == scale.id  # idempotent


def test_outline_reads_what_load_version_loads_in_one_statement(framework):
    version = services.latest_version(framework)
    services.add_section(framework, title="Empty", short_title="E", actor=None)  # a section with no statements
    db.session.commit()
    db.session.expire_all()
    loaded = services.load_version(version.id)
    with statements() as sent:
        outline = services.outline(version.id)
    assert len(sent) == 1
    assert texts(outline) == texts(loaded)
    assert [(s.id, s.key, s.label, s.module) for s in outline.sections] == [
        (s.id, s.key, s.label, s.module) for s in loaded.sections
    ]
    assert [(i.id, i.key, i.position) for i in outline.items] == [(i.id, i.key, i.position) for i in loaded.items]
    assert services.shapes(outline) == services.shapes(loaded)


def test_unanswered_version_is_edited_in_place(framework):
    v1 = services.latest_version(framework)
    services.add_item(framework, v1.sections[1].id, text="b3", actor=None)
    db.session.commit()
    latest = services.latest_version(framework)
    assert latest.number == 1
    assert texts(latest)[1] == ("Beta", ["b1", "b2", "b3"])


def test_answered_version_is_copied_and_stays_untouched(framework):
    v1 = services.latest_version(framework)
    services.mark_in_use(v1)
    old_item = v1.sections[0].items[0]
    services.update_item(framework, old_item.id, text="a1 reworded", actor=None)
    db.session.commit()
    db.session.expire_all()
    v1_again, v2 = services.load_version(v1.id), services.latest_version(framework)
    assert v2.number == 2 and not v2.published and not v2.in_use
    assert v1_again.sections[0].items[0].text == "a1"
    assert v2.sections[0].items[0].text == "a1 reworded"
    assert v2.sections[0].items[0].key == old_item.key  # the same statement across versions
    # A second edit goes into the same (unanswered) version 2, even when it names a version-1 id.
    services.remove_item(framework, old_item.id, actor=None)
    db.session.commit()
    db.session.expire_all()
    assert services.latest_version(framework).number == 2
    assert texts(services.latest_version(framework))[0] == ("Alpha", ["a2", "a3"])
    assert services.published_version_id(framework.id) == v1.id
    services.publish_latest(framework, actor=None)
    assert services.published_version_id(framework.id) == v2.id


def test_reorder_and_remove_sections(framework):
    version = services.latest_version(framework)
    services.move_section(framework, version.sections[1].id, "up", actor=None)
    db.session.commit()
    db.session.expire_all()
    assert [s.title for s in services.latest_version(framework).sections] == ["Beta", "Alpha"]
    version = services.latest_version(framework)
    services.move_item(framework, version.sections[1].items[2].id, "up", actor=None)
    services.remove_section(framework, version.sections[0].id, actor=None)
    db.session.commit()
    db.session.expire_all()
    assert texts(services.latest_version(framework)) == [("Alpha", ["a1", "a3", "a2"])]
    assert [s.position for s in services.latest_version(framework).sections] == [1]


def test_ids_from_another_framework_are_not_found(framework):
    other = services.create_framework(
        slug="other",
        title="Other",
        kind="test",
        scale=six_point_scale(),
        sections=[{"title": "X", "items": ["x"]}],
    )
    foreign = services.latest_version(other).sections[0]
    with pytest.raises(services.NotFound):
        services.update_section(framework, foreign.id, title="Hijack", actor=None)


def test_blank_or_long_text_is_refused(framework):
    section = services.latest_version(framework).sections[0]
    with pytest.raises(ServiceError):
        services.add_item(framework, section.id, text="   ", actor=None)
    with pytest.raises(ServiceError):
        services.add_item(framework, section.id, text="x" * 1001, actor=None)
    with pytest.raises(ServiceError):
        services.create_framework(slug="demo", title="Again", kind="test", scale=six_point_scale())


def test_scoring_is_pure():
    shapes = [
        scoring.SectionShape("a", "Alpha", "m1", (1, 2, 3)),
        scoring.SectionShape("b", "Beta", None, (4, 5)),
    ]
    scores = scoring.section_scores(shapes, {1: 2, 2: 3, 3: None, 4: 6, 5: 5})
    assert [(s.key, s.mean, s.answered, s.total) for s in scores] == [("a", 2.5, 2, 3), ("b", 5.5, 2, 2)]
    assert [s.key for s in scoring.weakest(scores, 1)] == ["a"]
    assert [s.key for s in scoring.strongest(scores, 1)] == ["b"]
    later = scoring.section_scores(shapes, {1: 4, 2: 4, 3: 4, 4: 6, 5: 6})
    changes = {c.key: c.delta for c in scoring.compare(scores, later)}
    assert changes == {"a": 1.5, "b": 0.5}
    assert scoring.split_items({1: 6, 2: 5, 3: 4, 4: 3, 5: 1, 6: None}, 6) == ([1, 2], [4, 5])
    assert scoring.section_scores(shapes, {})[0].mean is None
