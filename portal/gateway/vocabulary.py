"""The Gateway's fixed words: interests (themes, curriculum areas, NIF priorities), stages, ways of working."""

THEMES = (
    "Engaging Families in Transition Processes",
    "Learning Through Play",
    "Racial Equality",
    "Outdoor Learning",
    "Learner Wellbeing",
)
CURRICULUM_AREAS = (
    "Expressive arts",
    "Health and wellbeing",
    "Languages and literacy",
    "Mathematics and numeracy",
    "Religious and moral education",
    "Sciences",
    "Social studies",
    "Technologies",
)
# The National Improvement Framework's priorities, in short words of our own.
NIF_PRIORITIES = (
    "Children's rights and needs at the centre",
    "Health and wellbeing of every learner",
    "Closing the poverty-related attainment gap",
    "Skills and positive destinations",
    "Attainment in literacy and numeracy",
)


def _key(label: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in label.lower()).strip("-")[:40]


INTEREST_GROUPS = (("Themes", THEMES), ("Curriculum areas", CURRICULUM_AREAS), ("NIF priorities", NIF_PRIORITIES))
INTERESTS = {_key(label): label for _, labels in INTEREST_GROUPS for label in labels}
# Stages in order: neighbours are "close" (a P1 teacher and an ELC practitioner share early level).
STAGES = {
    "elc": "Early learning and childcare",
    "early": "Early level (P1)",
    "first": "First level (P2 to P4)",
    "second": "Second level (P5 to P7)",
    "broad": "Broad general education (S1 to S3)",
    "senior": "Senior phase (S4 to S6)",
}
MODES = {"online": "Online", "in_person": "In person", "either": "Online or in person"}
FREQUENCIES = {
    "weekly": "Every week",
    "fortnightly": "Every two weeks",
    "monthly": "Every month",
    "termly": "Once a term",
}
SECTORS = ("ELC", "Primary", "Secondary", "ASN")  # as portal.organisations; copied so ranking needs no models
KINDS = {"person": "Practitioner", "establishment": "Establishment"}
STATUSES = {"active": "Published", "paused": "Paused", "withdrawn": "Withdrawn"}
TIERS = {
    "partnership": "Across the partnership",
    "la": "Across one local authority",
    "school": "Within a school or department",
    "independent": "Independent (Gateway)",
}
SUPPORT_FROM = {"link_officer": "Our LA link officer", "facilitator": "A key facilitator"}


def interest_key(label: str) -> str:
    return _key(label)
