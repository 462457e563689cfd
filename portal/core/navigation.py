"""What each role sees in the navigation and as next steps on the home page: one table for both.

An entry whose endpoint does not exist yet is a capability a later piece of work delivers; the home
page says so plainly instead of linking to nothing.
"""

from dataclasses import dataclass

from flask import current_app, url_for

from portal.core.roles import Role

R = Role


@dataclass(frozen=True)
class Entry:
    label: str
    endpoint: str
    roles: frozenset
    description: str = ""
    in_nav: bool = True
    arrives_with: str = ""  # the planned capability, shown while the endpoint does not exist

    def url(self) -> str | None:
        if self.endpoint in current_app.view_functions:
            return url_for(self.endpoint)
        return None


def _e(label, endpoint, roles, description="", in_nav=True, arrives_with=""):
    return Entry(label, endpoint, frozenset(roles), description, in_nav, arrives_with)


ENTRIES = (
    _e("Self-evaluation", "leadership.list_evaluations", {R.SENIOR_LEADER},
       "Evaluate your leadership of collaborative enquiry and your school's capacity to collaborate.",
       arrives_with="the leadership programme"),
    _e("Development plan", "leadership.list_plans", {R.SENIOR_LEADER},
       "Turn your self-evaluation into a professional development plan and choose modules.", in_nav=False,
       arrives_with="the leadership programme"),
    _e("Themed enquiries", "enquiries.list_themes", {R.PRACTITIONER, R.SENIOR_LEADER, R.KEY_FACILITATOR},
       "Register for a theme, join a collaborative team and record your enquiry and its impact.",
       arrives_with="themed collaborative enquiries"),
    _e("My teams", "enquiries.my_teams", {R.PRACTITIONER, R.SENIOR_LEADER, R.KEY_FACILITATOR},
       "Your collaborative teams, their plans and evidence.", arrives_with="themed collaborative enquiries"),
    _e("Events", "events.list_events", set(R),
       "Book launches, webinars, drop-ins and sharing events.", arrives_with="programme sessions and events"),
    _e("Forums", "forums.list_forums", set(R),
       "Sector forums across the eight authorities: agendas, minutes and resources.",
       arrives_with="West Partnership forums"),
    _e("Network cohorts", "cohorts.list_cohorts", {R.LA_OFFICER, R.KEY_FACILITATOR, R.PRACTITIONER, R.SENIOR_LEADER},
       "Nominate establishments, answer the interests survey, match and work in network teams.",
       arrives_with="Collaborative Learning Network cohorts"),
    _e("Reports", "reports.overview", {R.LA_OFFICER, R.RESEARCHER},
       "Participation and aggregate evidence of impact.", arrives_with="reports"),
    _e("People", "accounts.list_people", {R.LA_OFFICER},
       "Find people, invite them and manage their roles."),
    _e("Establishments", "organisations.list_establishments", {R.LA_OFFICER, R.RESEARCHER},
       "Schools and ELC settings in each local authority."),
    _e("Import establishments", "organisations.import_establishments", {R.ADMIN},
       "Bring in or update establishments from a CSV file.", in_nav=False),
    _e("Invite people", "accounts.invite", {R.LA_OFFICER}, "Invite someone by e-mail.", in_nav=False),
    _e("Invite people from CSV", "accounts.import_people", {R.LA_OFFICER},
       "Invite many people at once from a CSV file.", in_nav=False),
    _e("Leadership cohorts", "leadership.list_cohorts", {R.LA_OFFICER},
       "Programme years and cohorts of the leadership programme: nominate senior leaders.", in_nav=False),
    _e("Self-evaluation results", "leadership.insights", {R.LA_OFFICER, R.RESEARCHER},
       "Aggregate self-evaluation scores per domain and year (never fewer than 5 people).", in_nav=False),
    _e("Learning requests", "leadership.list_learning_requests", {R.ADMIN},
       "Professional learning senior leaders asked for that is not on offer.", in_nav=False),
    _e("Self-evaluation frameworks", "frameworks.list_frameworks", {R.ADMIN},
       "Edit the statements of the self-evaluation frameworks; answered versions are kept.", in_nav=False),
    _e("E-mail outbox", "operations.mail_outbox", {R.ADMIN},
       "Messages the portal could not send yet: see why and send them again.", in_nav=False),
    _e("Your profile", "accounts.profile", set(R), "Keep your name, job and establishment up to date.",
       in_nav=False),
)


def _visible(user, entry: Entry) -> bool:
    return user.has_role(*entry.roles) or user.has_role(R.ADMIN)


def nav_entries(user) -> list[Entry]:
    return [e for e in ENTRIES if e.in_nav and _visible(user, e) and e.url()]


def home_entries(user) -> list[Entry]:
    """Every entry for the person's roles, available or not (unavailable ones say what delivers them)."""
    return [e for e in ENTRIES if _visible(user, e)]
