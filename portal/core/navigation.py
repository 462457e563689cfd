"""What each role sees in the navigation and as next steps on the home page: one table for both.

Every endpoint named here exists (tests/main checks each role's navigation answers 200).
"""

from dataclasses import dataclass
from functools import cache

from flask import request, url_for

from portal.core.roles import Role

R = Role


@dataclass(frozen=True)
class Entry:
    label: str
    endpoint: str
    roles: frozenset
    description: str = ""
    in_nav: bool = True

    def url(self) -> str:
        # The same on every host and for every person: built once per script root (a mount point).
        key = (request.script_root, self.endpoint)
        url = _URLS.get(key)
        if url is None:
            url = _URLS[key] = url_for(self.endpoint)
        return url


_URLS: dict[tuple[str, str], str] = {}


def _e(label, endpoint, roles, description="", in_nav=True):
    return Entry(label, endpoint, frozenset(roles), description, in_nav)


ENTRIES = (
    _e(
        "Self-evaluation",
        "leadership.list_evaluations",
        {R.SENIOR_LEADER},
        "Evaluate your leadership of collaborative enquiry and your school's capacity to collaborate.",
    ),
    _e(
        "My programme",
        "leadership.my_programme",
        {R.SENIOR_LEADER},
        "Your leadership cohort, sessions, bookings and attendance, modules and what to do next.",
    ),
    _e(
        "Development plan",
        "leadership.list_plans",
        {R.SENIOR_LEADER},
        "Turn your self-evaluation into a professional development plan and choose modules.",
        in_nav=False,
    ),
    _e(
        "Themed enquiries",
        "enquiries.list_themes",
        {R.PRACTITIONER, R.SENIOR_LEADER, R.KEY_FACILITATOR},
        "Register for a theme, join a collaborative team and record your enquiry and its impact.",
    ),
    _e(
        "My teams",
        "enquiries.my_teams",
        {R.PRACTITIONER, R.SENIOR_LEADER, R.KEY_FACILITATOR},
        "Your collaborative teams, their plans and evidence.",
    ),
    _e(
        "Accounts of practice",
        "practice.library",
        set(R),
        "What teams changed and what happened: search, filter, reuse, and write your team's account.",
    ),
    _e(
        "Gateway",
        "gateway.home",
        {R.PRACTITIONER, R.SENIOR_LEADER, R.KEY_FACILITATOR, R.LA_OFFICER},
        "Find partners with a common interest across the eight authorities and start a collaborative enquiry.",
    ),
    _e(
        "My learning",
        "learning.my_record",
        set(R),
        "Your professional learning record for GTCS Professional Update, shared with your reviewer as you choose.",
    ),
    _e("Events", "events.list_events", set(R), "Book launches, webinars, drop-ins and sharing events."),
    _e(
        "Forums",
        "forums.list_forums",
        set(R),
        "Sector forums across the eight authorities: agendas, minutes and resources.",
    ),
    _e(
        "Network cohorts",
        "cohorts.list_cohorts",
        {R.LA_OFFICER, R.KEY_FACILITATOR, R.PRACTITIONER, R.SENIOR_LEADER},
        "Nominate establishments, answer the interests survey, match and work in network teams.",
    ),
    _e("Reports", "reports.overview", {R.LA_OFFICER, R.RESEARCHER}, "Participation and aggregate evidence of impact."),
    _e("People", "accounts.list_people", {R.LA_OFFICER}, "Find people, invite them and manage their roles."),
    _e(
        "Establishments",
        "organisations.list_establishments",
        {R.LA_OFFICER, R.RESEARCHER},
        "Schools and ELC settings in each local authority.",
    ),
    _e(
        "Import establishments",
        "organisations.import_establishments",
        {R.ADMIN},
        "Bring in or update establishments from a CSV file.",
        in_nav=False,
    ),
    _e("Invite people", "accounts.invite", {R.LA_OFFICER}, "Invite someone by e-mail.", in_nav=False),
    _e(
        "Invite people from CSV",
        "accounts.import_people",
        {R.LA_OFFICER},
        "Invite many people at once from a CSV file.",
        in_nav=False,
    ),
    _e(
        "Leadership cohorts",
        "leadership.list_cohorts",
        {R.LA_OFFICER},
        "Programme years and cohorts of the leadership programme: nominate senior leaders.",
        in_nav=False,
    ),
    _e(
        "Self-evaluation results",
        "leadership.insights",
        {R.LA_OFFICER, R.RESEARCHER},
        "Aggregate self-evaluation scores per domain and year (never fewer than 5 people).",
        in_nav=False,
    ),
    _e(
        "Learning requests",
        "leadership.list_learning_requests",
        {R.ADMIN},
        "Professional learning senior leaders asked for that is not on offer.",
        in_nav=False,
    ),
    _e(
        "Self-evaluation frameworks",
        "frameworks.list_frameworks",
        {R.ADMIN},
        "Edit the statements of the self-evaluation frameworks; answered versions are kept.",
        in_nav=False,
    ),
    _e(
        "What's new in discussions",
        "discussions.whats_new",
        {R.PRACTITIONER, R.SENIOR_LEADER, R.KEY_FACILITATOR, R.FORUM_COORDINATOR},
        "New topics and replies in your forums, themes and teams; ask questions and share practice.",
        in_nav=False,
    ),
    _e(
        "Answer the annual survey",
        "survey.mine",
        set(R),
        "The Conditions for Change survey of all staff: anonymous, about 15 minutes, once a year.",
        in_nav=False,
    ),
    _e(
        "Conditions for Change survey",
        "survey.list_surveys",
        {R.LA_OFFICER, R.RESEARCHER},
        "The annual staff survey: items, invitations, response rates and results by theme, year beside year.",
        in_nav=False,
    ),
    _e(
        "Feedback on events",
        "feedback.mine",
        {R.PRACTITIONER, R.SENIOR_LEADER, R.KEY_FACILITATOR, R.FORUM_COORDINATOR},
        "Tell the organisers how useful an event you attended was: one short form per event.",
        in_nav=False,
    ),
    _e(
        "Feedback on your events",
        "feedback.organised",
        {R.KEY_FACILITATOR, R.FORUM_COORDINATOR},
        "What the people at your events said: responses, ratings and confidence before and after.",
        in_nav=False,
    ),
    _e(
        "End-of-year evaluation",
        "feedback.my_evaluations",
        {R.PRACTITIONER, R.SENIOR_LEADER, R.KEY_FACILITATOR, R.FORUM_COORDINATOR},
        "Evaluate each network you took part in this year: progress, impact, what helped and hindered.",
        in_nav=False,
    ),
    _e(
        "Evaluation of the networks",
        "feedback.evaluations",
        {R.RESEARCHER},
        "The end-of-year evaluation of every network and event feedback per programme, under disclosure control.",
        in_nav=False,
    ),
    _e(
        "Audit log",
        "audit.list_entries",
        {R.ADMIN},
        "Search every security- and privacy-relevant change: who, what, when and from where.",
        in_nav=False,
    ),
    _e(
        "Erasure requests",
        "privacy.list_erasures",
        {R.ADMIN},
        "Confirm the erasure of people who asked for their account to be erased.",
        in_nav=False,
    ),
    _e(
        "Your data",
        "privacy.my_data",
        set(R),
        "Download everything the portal holds about you, or ask for erasure.",
        in_nav=False,
    ),
    _e(
        "E-mail outbox",
        "operations.mail_outbox",
        {R.ADMIN},
        "Messages the portal could not send yet: see why and send them again.",
        in_nav=False,
    ),
    _e("Your profile", "accounts.profile", set(R), "Keep your name, job and establishment up to date.", in_nav=False),
)


@cache
def _entries_for(roles: frozenset[str]) -> tuple[Entry, ...]:
    """The entries a set of roles sees: a pure function of the role names, so computed once per set."""
    return tuple(e for e in ENTRIES if R.ADMIN in roles or not roles.isdisjoint(e.roles))


def _role_names(user) -> frozenset[str]:
    return frozenset(str(row.role) for row in user.role_rows)


def nav_entries(user) -> list[Entry]:
    return [e for e in _entries_for(_role_names(user)) if e.in_nav]


def home_entries(user) -> list[Entry]:
    """Every entry for the person's roles."""
    return list(_entries_for(_role_names(user)))
