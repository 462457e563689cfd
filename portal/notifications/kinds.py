"""The kinds of notification every domain may send, with the words people see and the default e-mail mode."""

from dataclasses import dataclass

IMMEDIATELY, DAILY, WEEKLY, OFF = "immediately", "daily", "weekly", "off"
MODES = {IMMEDIATELY: "Straight away", DAILY: "Daily digest", WEEKLY: "Weekly digest", OFF: "Off (portal only)"}


@dataclass(frozen=True)
class Kind:
    label: str
    default: str = IMMEDIATELY


KINDS = {
    "mention": Kind("Someone mentions me"),
    "reply": Kind("A reply to my topic"),
    "new_topic": Kind("A new topic in a space I follow", DAILY),
    "comment": Kind("A comment on my plan or section"),
    "plan_shared": Kind("A plan shared with me, or agreed"),
    "plan_review": Kind("A development plan review is due or recorded"),
    "join_request": Kind("Join requests and their answers"),
    "nomination": Kind("Nominations and confirmations"),
    "survey_opened": Kind("A survey opened for me"),
    "evaluation_due": Kind("An end-of-year evaluation I have still to give"),
    "teams_published": Kind("Teams published"),
    "minutes_published": Kind("Minutes published", DAILY),
    "action_assigned": Kind("An action assigned to me"),
    "need_offer": Kind("An offer on a need I raised"),
    "need_raised": Kind("A need raised in a forum I coordinate", DAILY),
    "place_offered": Kind("A place from the waiting list"),
    "event_changed": Kind("An event I booked changed or was cancelled"),
    "post_reported": Kind("A post reported in a space I moderate"),
    "need_triaged": Kind("A coordinator's decision on a need I raised"),
    "report_outcome": Kind("The outcome of something I reported"),
    "post_moderated": Kind("A moderator removed a post of mine"),
    "comment_resolved": Kind("A comment of mine marked resolved", DAILY),
}


def label(kind: str) -> str:
    return KINDS[kind].label if kind in KINDS else kind
