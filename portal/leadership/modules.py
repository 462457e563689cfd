"""The five modules of Leading Improvement through Collaborative Enquiry, and the two framework kinds."""

from dataclasses import dataclass

from portal.frameworks.registry import register_kind


@dataclass(frozen=True)
class Module:
    key: str
    number: int
    title: str
    summary: str


MODULES = (
    Module(
        "enquiry",
        1,
        "Developing enquiry skills",
        "From a hunch to a clear enquiry question, and planning a small change to test it.",
    ),
    Module(
        "collaboration",
        2,
        "Facilitating collaboration",
        "Building teams that agree a shared goal, ring-fence time and reflect honestly together.",
    ),
    Module(
        "data",
        3,
        "Leading staff in using data to identify gaps and measure impact",
        "Choosing quantitative and qualitative measures, collecting them well and reading what they show.",
    ),
    Module(
        "observation",
        4,
        "Leading staff in developing skills in direct observation",
        "Lesson study and other ways of watching learning closely, with trust and a clear focus.",
    ),
    Module(
        "sharing",
        5,
        "Sharing, reporting and upscaling collaborative learning",
        "Telling the story of an enquiry, reporting impact and helping others adopt what works.",
    ),
)
BY_KEY = {m.key: m for m in MODULES}

# Support beyond the modules that a school-capacity domain can point to (the admin maps each capacity domain
# to a module or to one of these in the framework editor).
SUPPORT = {
    "network": "Support network meetings with leaders from other schools",
    "facilitator": "Coaching conversations with your key facilitator",
    "practice": "Accounts of practice from other schools in the partnership",
}


def action_label(key: str | None) -> str:
    """What a domain's module or support key offers, in words ("" for none)."""
    if key in BY_KEY:
        module = BY_KEY[key]
        return f"Module {module.number}: {module.title}"
    return SUPPORT.get(key or "", "")


LEADERSHIP_KIND = "leadership"
CAPACITY_KIND = "school_capacity"


def register_kinds() -> None:
    """Tell the framework editor about the two leadership self-evaluation kinds (called from init_app)."""
    register_kind(
        LEADERSHIP_KIND,
        "Leading collaborative enquiry (senior leaders)",
        [(m.key, f"Module {m.number}: {m.title}") for m in MODULES],
    )
    register_kind(
        CAPACITY_KIND,
        "School capacity to collaborate (senior leaders)",
        [(m.key, f"Module {m.number}: {m.title}") for m in MODULES] + list(SUPPORT.items()),
    )


EVALUATION_KINDS = (LEADERSHIP_KIND, CAPACITY_KIND)
