"""Who owns a discussion space and who may see, post in and moderate it: a registry keyed by space_type.

Discussions never decide membership themselves; each owner (forum, theme, team, ...) is described once in
portal/discussions/contexts.py with a SpacePolicy:

- load(id) -> the owning object or None; name(obj) -> str; url(obj) -> the owner's page;
- can_view(user, obj) -> bool: read and post; can_moderate(user, obj) -> bool: delete others' posts, resolve;
- access(user, obj) -> (can view, can moderate), optional: both in one read where the owner has one (a forum's
  standing is one query); a space loaded for a person (`load_or_404` with the user) holds that person's answers;
- members(obj) -> a select of user ids who may see the space (mentions are looked up among them only);
- visible_ids(user) -> a select of the space ids the person may see, or None for all (the what's new page);
- names(ids) -> {id: name} in one query;
- anchor_label(obj, anchor) -> "the section 'What success looks like'" or None: comments in context hang on
  an anchor (e.g. "section:success", "measure:12"); a space without anchors takes no comments.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

from flask import abort


@dataclass(frozen=True)
class SpacePolicy:
    label: str
    load: Callable
    name: Callable
    url: Callable
    can_view: Callable
    can_moderate: Callable
    members: Callable
    visible_ids: Callable
    names: Callable  # names(ids) -> {id: name}, one query (lists of topics from many spaces)
    anchor_label: Callable = lambda owner, anchor: None  # what a comment thread is about, None if unknown
    access: Callable | None = None  # access(user, owner) -> (can_view, can_moderate) in one read


@dataclass(frozen=True)
class Space:
    """One loaded space: its type, id, owner object and policy; `viewer` is (user id, can view, can moderate) when
    it was loaded for that person (a view's one reader): their answers are read once per request, not per
    question. A space found without a person (`find`) asks the owner's rules every time."""

    type: str
    id: int
    owner: object
    policy: SpacePolicy
    viewer: tuple[int, bool, bool] | None = None

    @property
    def name(self) -> str:
        return self.policy.name(self.owner)

    @property
    def label(self) -> str:
        return f"{self.policy.label}: {self.name}"

    @property
    def ref(self) -> tuple[str, int, str]:
        """(type, id, label): how notifications name the space for digests."""
        return (self.type, self.id, self.label)

    def _viewer(self, user) -> tuple[int, bool, bool] | None:
        return self.viewer if self.viewer is not None and self.viewer[0] == getattr(user, "id", None) else None

    def can_view(self, user) -> bool:
        if known := self._viewer(user):
            return known[1]
        return bool(getattr(user, "is_authenticated", False) and self.policy.can_view(user, self.owner))

    def can_moderate(self, user) -> bool:
        if known := self._viewer(user):
            return known[2]
        return bool(getattr(user, "is_authenticated", False) and self.policy.can_moderate(user, self.owner))


_REGISTRY: dict[str, SpacePolicy] = {}


def register(space_type: str, policy: SpacePolicy) -> None:
    _REGISTRY[space_type] = policy


def registered() -> dict[str, SpacePolicy]:
    return dict(_REGISTRY)


def find(space_type: str, space_id: int) -> Space | None:
    policy = _REGISTRY.get(space_type)
    owner = policy.load(space_id) if policy else None
    return Space(space_type, space_id, owner, policy) if owner is not None else None


def load_or_404(space_type: str, space_id: int, user=None) -> Space:
    """The space, 404 if unknown; 403 when `user` is given and may not see it. Loaded for a signed-in `user`
    whose owner answers both questions at once (`access`), the space holds that person's answers."""
    space = find(space_type, space_id)
    if space is None:
        abort(404)
    if user is not None and getattr(user, "is_authenticated", False) and space.policy.access is not None:
        space = replace(space, viewer=(user.id, *map(bool, space.policy.access(user, space.owner))))
    if user is not None and not space.can_view(user):
        abort(403)
    return space
