"""Creating, reading and editing versioned frameworks (copy-on-write once a version has responses)."""

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import selectinload

from portal.core.forms import ServiceError
from portal.extensions import db
from portal.frameworks.models import (
    Framework,
    FrameworkItem,
    FrameworkSection,
    FrameworkVersion,
    RatingLevel,
    RatingScale,
)
from portal.frameworks.scoring import SectionShape

MAX_TITLE = 200
MAX_SHORT = 60
MAX_TEXT = 1000


class NotFound(LookupError):
    """An id that is not part of this framework (views answer 404)."""


def create_scale(*, slug: str, title: str, levels: list[tuple[int, str, str]]) -> RatingScale:
    """A rating scale from (value, label, descriptor) triples."""
    scale = RatingScale(
        slug=slug, title=title, levels=[RatingLevel(value=v, label=lab, descriptor=d) for v, lab, d in levels]
    )
    db.session.add(scale)
    db.session.flush()
    return scale


def create_framework(
    *,
    slug: str,
    title: str,
    kind: str,
    scale: RatingScale,
    purpose: str = "",
    sections: list[dict] = (),
    publish: bool = True,
) -> Framework:
    """A framework with version 1 built from `sections` ({title, short_title, module, description, items})."""
    if db.session.scalar(select(Framework.id).where(Framework.slug == slug)):
        raise ServiceError(("slug", "A framework with this short name already exists."))
    framework = Framework(slug=slug, title=title, kind=kind, scale=scale, purpose=purpose)
    version = FrameworkVersion(framework=framework, number=1, published=publish)
    for p, spec in enumerate(sections, start=1):
        section = FrameworkSection(
            position=p,
            title=spec["title"],
            short_title=spec.get("short_title", ""),
            description=spec.get("description", ""),
            module=spec.get("module"),
        )
        section.items = [FrameworkItem(position=n, text=text) for n, text in enumerate(spec["items"], start=1)]
        version.sections.append(section)
    db.session.add_all([framework, version])
    db.session.flush()
    return framework


def load_version(version_id: int) -> FrameworkVersion | None:
    """A version with its sections and statements loaded (three queries, whatever the size)."""
    return db.session.scalar(
        select(FrameworkVersion)
        .where(FrameworkVersion.id == version_id)
        .options(selectinload(FrameworkVersion.sections).selectinload(FrameworkSection.items))
    )


class OutlineItem(NamedTuple):
    id: int
    key: str
    position: int
    text: str


@dataclass(frozen=True)
class OutlineSection:
    """A section of a version as pages read it: the same attributes as FrameworkSection, its statements as
    OutlineItems."""

    id: int
    key: str
    position: int
    title: str
    short_title: str
    description: str
    module: str | None
    items: list[OutlineItem]

    @property
    def label(self) -> str:
        return self.short_title or self.title


@dataclass(frozen=True)
class Outline:
    """A version's sections and statements, read only (`load_version` gives the objects, for editing)."""

    id: int
    sections: list[OutlineSection]

    @property
    def items(self) -> list[OutlineItem]:
        return [item for section in self.sections for item in section.items]


def outline(version_id: int) -> Outline:
    """A version's sections and their statements in order, for pages that show or score them: one query of
    plain rows, no objects."""
    sections: list[OutlineSection] = []
    for row in db.session.execute(_outline_query(), {"version_id": version_id}):
        if not sections or sections[-1].id != row[0]:
            sections.append(OutlineSection(*row[:7], []))
        if row[7] is not None:
            sections[-1].items.append(OutlineItem._make(row[7:]))
    return Outline(version_id, sections)


@cache
def _outline_query():
    """outline()'s statement, built once per process."""
    return (
        select(
            FrameworkSection.id,
            FrameworkSection.key,
            FrameworkSection.position,
            FrameworkSection.title,
            FrameworkSection.short_title,
            FrameworkSection.description,
            FrameworkSection.module,
            FrameworkItem.id,
            FrameworkItem.key,
            FrameworkItem.position,
            FrameworkItem.text,
        )
        .outerjoin(FrameworkItem, FrameworkItem.section_id == FrameworkSection.id)
        .where(FrameworkSection.version_id == bindparam("version_id"))
        .order_by(FrameworkSection.position, FrameworkSection.id, FrameworkItem.position, FrameworkItem.id)
    )


def latest_version(framework: Framework) -> FrameworkVersion:
    """The newest version: the one the admin edits."""
    number = db.session.scalar(
        select(func.max(FrameworkVersion.number)).where(FrameworkVersion.framework_id == framework.id)
    )
    version_id = db.session.scalar(
        select(FrameworkVersion.id).where(
            FrameworkVersion.framework_id == framework.id, FrameworkVersion.number == number
        )
    )
    return load_version(version_id)


def published_version_id(framework_id: int) -> int | None:
    """The newest published version's id: the one new responses use."""
    return db.session.scalar(
        select(FrameworkVersion.id)
        .where(FrameworkVersion.framework_id == framework_id, FrameworkVersion.published.is_(True))
        .order_by(FrameworkVersion.number.desc())
        .limit(1)
    )


def published_items(slug: str) -> list[tuple[str, str, str]]:
    """(section title, item key, item text) of the newest published version of the framework `slug`, in
    order: one query, no objects (pages that only show the questions)."""
    return [tuple(row) for row in db.session.execute(_published_items_query(), {"slug": slug})]


@cache
def _published_items_query():
    """published_items' statement, built once per process (every enquiry plan page runs it)."""
    newest = (
        select(FrameworkVersion.id)
        .join(Framework, Framework.id == FrameworkVersion.framework_id)
        .where(Framework.slug == bindparam("slug"), FrameworkVersion.published.is_(True))
        .order_by(FrameworkVersion.number.desc())
        .limit(1)
        .scalar_subquery()
    )
    return (
        select(FrameworkSection.title, FrameworkItem.key, FrameworkItem.text)
        .join(FrameworkItem, FrameworkItem.section_id == FrameworkSection.id)
        .where(FrameworkSection.version_id == newest)
        .order_by(FrameworkSection.position, FrameworkItem.position)
    )


def published_frameworks(kinds: tuple[str, ...]) -> list:
    """Frameworks of these kinds that have a published version, as rows (`id`, `title`, `kind`): by kind in the
    order given, then by title (one query)."""
    has_published = select(FrameworkVersion.framework_id).where(FrameworkVersion.published.is_(True))
    rows = db.session.execute(
        select(Framework.id, Framework.title, Framework.kind)
        .where(Framework.kind.in_(kinds), Framework.id.in_(has_published))
        .order_by(Framework.title)
    )
    return sorted(rows, key=lambda row: kinds.index(row.kind))


def shapes(version: FrameworkVersion | Outline) -> list[SectionShape]:
    """The plain shape of a loaded version or its outline, for the pure scoring functions."""
    return [SectionShape(s.key, s.label, s.module, tuple(i.id for i in s.items)) for s in version.sections]


def mark_in_use(version: FrameworkVersion) -> None:
    """Freeze `version`: called by a domain when it records the first response to it."""
    if not version.in_use:
        version.in_use = True
        db.session.flush()


def copy_version(version: FrameworkVersion) -> FrameworkVersion:
    """A new, unpublished version with the same sections and statements (and the same keys)."""
    copy = FrameworkVersion(framework_id=version.framework_id, number=version.number + 1, published=False)
    for s in version.sections:
        section = FrameworkSection(
            key=s.key,
            position=s.position,
            title=s.title,
            short_title=s.short_title,
            description=s.description,
            module=s.module,
        )
        section.items = [FrameworkItem(key=i.key, position=i.position, text=i.text) for i in s.items]
        copy.sections.append(section)
    db.session.add(copy)
    db.session.flush()
    return load_version(copy.id)


def writable_version(framework: Framework) -> FrameworkVersion:
    """The version an edit goes into: the latest, or a fresh copy of it once it has responses."""
    latest = latest_version(framework)
    return copy_version(latest) if latest.in_use else latest


def find(framework: Framework, model, obj_id: int):
    """The object with `obj_id` in any version of this framework, or NotFound (tampered ids)."""
    if model is FrameworkItem:
        stmt = (
            select(FrameworkItem)
            .join(FrameworkSection)
            .join(FrameworkVersion, FrameworkVersion.id == FrameworkSection.version_id)
        )
    else:
        stmt = select(FrameworkSection).join(FrameworkVersion)
    obj = db.session.scalar(stmt.where(model.id == obj_id, FrameworkVersion.framework_id == framework.id))
    if obj is None:
        raise NotFound(obj_id)
    return obj


def _in_writable(framework: Framework, model, obj_id: int):
    """(writable version, the same object in it). Ids from older pages still work: objects match by key."""
    key = find(framework, model, obj_id).key
    version = writable_version(framework)
    pool = version.sections if model is FrameworkSection else version.items
    match = next((o for o in pool if o.key == key), None)
    if match is None:
        raise NotFound(obj_id)
    return version, match


def _check_text(field: str, value: str, label: str, limit: int) -> str:
    value = (value or "").strip()
    if not value:
        raise ServiceError((field, f"Enter the {label}."))
    if len(value) > limit:
        raise ServiceError((field, f"The {label} must be {limit} characters or fewer."))
    return value


def update_framework(framework: Framework, *, title: str, purpose: str, actor) -> None:
    """Rename a framework or restate its purpose (not versioned: responses do not depend on them)."""
    framework.title = _check_text("title", title, "title", MAX_TITLE)
    framework.purpose = (purpose or "").strip()
    db.session.flush()


def _section_values(*, title: str, short_title: str = "", module: str | None = None, description: str = "") -> dict:
    """A section's wording, checked and tidied: the fields add_section and update_section take."""
    return {
        "title": _check_text("title", title, "section title", MAX_TITLE),
        "short_title": (short_title or "").strip()[:MAX_SHORT],
        "module": module or None,
        "description": (description or "").strip(),
    }


def add_section(framework: Framework, *, actor, **fields) -> FrameworkSection:
    """Append a section (fields as _section_values) to the framework, in a new version if this one has responses."""
    values = _section_values(**fields)
    version = writable_version(framework)
    section = FrameworkSection(version_id=version.id, position=len(version.sections) + 1, **values)
    db.session.add(section)
    db.session.flush()
    return section


def update_section(framework: Framework, section_id: int, *, actor, **fields) -> FrameworkSection:
    """Change a section's wording or module (fields as _section_values)."""
    values = _section_values(**fields)
    _, section = _in_writable(framework, FrameworkSection, section_id)
    for name, value in values.items():
        setattr(section, name, value)
    db.session.flush()
    return section


def _move(siblings: list, obj, direction: str) -> None:
    index = siblings.index(obj)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    for n, sibling in enumerate(siblings, start=1):
        sibling.position = n


def move_section(framework: Framework, section_id: int, direction: str, *, actor) -> None:
    """Move a section one place up or down."""
    version, section = _in_writable(framework, FrameworkSection, section_id)
    _move(list(version.sections), section, direction)
    db.session.flush()


def remove_section(framework: Framework, section_id: int, *, actor) -> None:
    """Remove a section and its statements from the framework's editable version."""
    version, section = _in_writable(framework, FrameworkSection, section_id)
    version.sections.remove(section)  # delete-orphan removes it and its statements
    for n, s in enumerate(version.sections, start=1):
        s.position = n
    db.session.flush()


def add_item(framework: Framework, section_id: int, *, text: str, actor) -> FrameworkItem:
    """Append a statement to a section."""
    text = _check_text("text", text, "statement", MAX_TEXT)
    _, section = _in_writable(framework, FrameworkSection, section_id)
    item = FrameworkItem(section_id=section.id, position=len(section.items) + 1, text=text)
    db.session.add(item)
    db.session.flush()
    return item


def update_item(framework: Framework, item_id: int, *, text: str, actor) -> FrameworkItem:
    """Reword a statement."""
    text = _check_text("text", text, "statement", MAX_TEXT)
    _, item = _in_writable(framework, FrameworkItem, item_id)
    item.text = text
    db.session.flush()
    return item


def move_item(framework: Framework, item_id: int, direction: str, *, actor) -> None:
    """Move a statement one place up or down within its section."""
    _, item = _in_writable(framework, FrameworkItem, item_id)
    _move(list(item.section.items), item, direction)
    db.session.flush()


def remove_item(framework: Framework, item_id: int, *, actor) -> None:
    """Remove a statement from the framework's editable version."""
    _, item = _in_writable(framework, FrameworkItem, item_id)
    section = item.section
    section.items.remove(item)
    for n, i in enumerate(section.items, start=1):
        i.position = n
    db.session.flush()


def publish_latest(framework: Framework, *, actor) -> FrameworkVersion:
    """Make the newest version the one new responses use; it needs at least one statement."""
    version = latest_version(framework)
    if not version.items:
        raise ServiceError((None, "Add at least one statement before publishing."))
    version.published = True
    db.session.flush()
    return version


def version_summaries(framework: Framework) -> list[FrameworkVersion]:
    return list(
        db.session.scalars(
            select(FrameworkVersion)
            .where(FrameworkVersion.framework_id == framework.id)
            .order_by(FrameworkVersion.number.desc())
        )
    )
