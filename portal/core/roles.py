"""The roles a person can hold, with the words the portal shows for them."""

from enum import StrEnum


class Role(StrEnum):
    PRACTITIONER = "practitioner"
    SENIOR_LEADER = "senior_leader"
    KEY_FACILITATOR = "key_facilitator"
    FORUM_COORDINATOR = "forum_coordinator"
    LA_OFFICER = "la_officer"
    ADMIN = "admin"
    RESEARCHER = "researcher"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.PRACTITIONER: "Practitioner",
    Role.SENIOR_LEADER: "Senior leader",
    Role.KEY_FACILITATOR: "Key facilitator",
    Role.FORUM_COORDINATOR: "Forum coordinator",
    Role.LA_OFFICER: "LA link officer",
    Role.ADMIN: "Partnership lead officer",
    Role.RESEARCHER: "Partner or researcher",
}
