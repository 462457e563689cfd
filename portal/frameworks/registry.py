"""What domains tell the framework editor: the kinds of framework they use and the modules a section can
point to (the leadership domain registers its five modules; a themed enquiry has none)."""

KINDS: dict[str, str] = {}  # kind -> label shown to the admin
MODULE_CHOICES: dict[str, list[tuple[str, str]]] = {}  # kind -> [(module key, label)]


def register_kind(kind: str, label: str, modules: list[tuple[str, str]] | None = None) -> None:
    """Called by the owning domain's init_app (idempotent: once per app, the same entries each time)."""
    KINDS[kind] = label
    MODULE_CHOICES[kind] = list(modules or [])


def kind_label(kind: str) -> str:
    return KINDS.get(kind, kind.replace("_", " ").capitalize())


def module_choices(kind: str) -> list[tuple[str, str]]:
    return MODULE_CHOICES.get(kind, [])


def module_label(kind: str, key: str | None) -> str:
    return dict(module_choices(kind)).get(key, "") if key else ""
