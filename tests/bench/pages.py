"""The pages `make bench` loads, per role. Domains append their pages here.

Each entry: (label, demo account key, path). A path may contain `{id}`, filled from `sql` (the first row's
first column), so pages of records that only exist in the scale data can be measured.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    label: str
    account: str | None  # a key of portal.demo.region.DEMO_ACCOUNTS, or None for a visitor
    path: str
    sql: str = ""
    reference: bool = False  # a floor to read the pages against, not a page of the portal: no target of its own


FLOOR = Page("floor: 50 rows from one table", None, "/floor")

PAGES = [
    FLOOR,
    Page("sign-in page", None, "/sign-in"),
    Page("home (lead officer)", "lead", "/home"),
    Page("home (practitioner)", "practitioner", "/home"),
    Page("home (senior leader)", "leader", "/home"),
    Page("people, first page (lead officer)", "lead", "/people"),
    Page("people search (lead officer)", "lead", "/people?q=mac&role=senior_leader"),
    Page("people in their LA (LA officer)", "la_officer", "/people"),
    Page("establishments, filtered (lead officer)", "lead", "/establishments?sector=Primary&q=park"),
    Page("establishments, last page (researcher)", "researcher", "/establishments?page=80"),
    Page("authorities summary (researcher)", "researcher", "/authorities"),
    Page("person (lead officer)", "lead", "/people/{id}", "select max(id) from user_account"),
    Page("profile (practitioner)", "practitioner", "/profile"),
    Page("themed enquiries (practitioner)", "practitioner", "/enquiries/"),
    Page("theme with 60 teams (lead officer)", "lead", "/enquiries/themes/{id}", "select min(id) from enquiry_theme"),
    Page(
        "team page (practitioner)",
        "practitioner",
        "/enquiries/teams/{id}",
        "select id from enquiry_team where name = 'Outdoor Explorers'",
    ),
    Page(
        "enquiry plan (practitioner)",
        "practitioner",
        "/enquiries/teams/{id}/plan",
        "select id from enquiry_team where name = 'Outdoor Explorers'",
    ),
    Page(
        "impact evidence (practitioner)",
        "practitioner",
        "/enquiries/teams/{id}/evidence",
        "select id from enquiry_team where name = 'Outdoor Explorers'",
    ),
    Page(
        "scale team evidence (lead officer)",
        "lead",
        "/enquiries/teams/{id}/evidence",
        "select min(id) from enquiry_team",
    ),
    Page("my teams (LA officer)", "la_officer", "/enquiries/teams"),
]

# Forums: scale forums are inserted first into the empty database, so forum 1 is a scale forum with five
# years of meetings; the lead officer may read every forum.
PAGES += [
    Page("forums list (practitioner)", "practitioner", "/forums"),
    Page("forum page, five years of history (lead officer)", "lead", "/forums/1"),
    Page("forum meetings, first page (lead officer)", "lead", "/forums/1/meetings"),
    Page(
        "meeting with agenda and minutes (lead officer)",
        "lead",
        "/forums/1/meetings/{id}",
        "select max(id) from forum_meeting where forum_id = 1",
    ),
    Page("forum resources, tag filter (lead officer)", "lead", "/forums/1/resources?tag=play"),
    Page("forum members (lead officer)", "lead", "/forums/1/members"),
    Page("development needs across forums (lead officer)", "lead", "/forums/needs"),
]

LEADER = "select id from user_account where email = 'leader@demo.example.org'"
FACILITATOR = "select id from user_account where email = 'facilitator@demo.example.org'"

# Events, the leadership programme and network cohorts: the demo accounts' own records on top of the scale data.
PAGES += [
    Page("events list (practitioner)", "practitioner", "/events"),
    Page("my bookings (practitioner)", "practitioner", "/events/mine"),
    Page(
        "event page (practitioner)",
        "practitioner",
        "/events/{id}",
        "select min(id) from event where starts_at > CURRENT_TIMESTAMP and context_type = 'partnership'",
    ),
    Page("attendance report (lead officer)", "lead", "/events/attendance"),
    Page("self-evaluations (senior leader)", "leader", "/leadership/evaluations"),
    Page(
        "evaluation domain page (senior leader)",
        "leader",
        "/leadership/evaluations/{id}/domains/1",
        f"select max(id) from self_evaluation where status = 'draft' and owner_id = ({LEADER})",
    ),
    Page(
        "evaluation result (senior leader)",
        "leader",
        "/leadership/evaluations/{id}/result",
        f"select min(id) from self_evaluation where status = 'submitted' and owner_id = ({LEADER})",
    ),
    Page(
        "development plan (senior leader)",
        "leader",
        "/leadership/plans/{id}",
        f"select min(id) from development_plan where owner_id = ({LEADER})",
    ),
    Page("leadership insights, 8,000 evaluations (researcher)", "researcher", "/leadership/insights"),
    Page("audit log, 100,000 entries (lead officer)", "lead", "/audit/"),
    Page("audit log by person (lead officer)", "lead", "/audit/?person=practitioner@demo.example.org"),
    Page("your data (practitioner)", "practitioner", "/profile/data"),
    # The least a signed-in page can cost: the layout, the person's own load and n one-row reads (12 SQL at most).
    Page(
        "signed-in floor: layout, 1 SQL (practitioner)", "practitioner", "/floor/signed-in?statements=0", reference=True
    ),
    Page(
        "signed-in floor: layout, 6 SQL (practitioner)", "practitioner", "/floor/signed-in?statements=5", reference=True
    ),
    Page(
        "signed-in floor: layout, 12 SQL (practitioner)",
        "practitioner",
        "/floor/signed-in?statements=11",
        reference=True,
    ),
    Page("network cohorts (lead officer)", "lead", "/cohorts"),
    Page("network cohort page (lead officer)", "lead", "/cohorts/{id}", "select max(id) from network_cohort"),
    Page("survey status (lead officer)", "lead", "/cohorts/{id}/survey-status", "select max(id) from network_cohort"),
    Page(
        "matching event with pairs kept together and apart (lead officer)",
        "lead",
        "/cohorts/{id}/matching",
        "select max(cohort_id) from cohort_matching_constraint where kind = 'together'",
    ),
    Page(
        "cohort team space (facilitator)",
        "facilitator",
        "/cohort-teams/{id}",
        f"select min(id) from cohort_team where facilitator_id = ({FACILITATOR})",
    ),
]

# Accounts of practice: the scale data holds 400 published accounts with facets and uses.
PAGES += [
    Page("accounts of practice library (practitioner)", "practitioner", "/practice/"),
    Page(
        "accounts of practice, filters and search (practitioner)",
        "practitioner",
        "/practice/?la=glasgow-city&sector=Primary&q=learners",
    ),
    Page("accounts of practice, public list (visitor)", None, "/practice/public?q=outdoor"),
]

# Gateway: every scale practitioner has a profile (about 30,000); ranking runs over all of them on each request.
GATEWAY_TEAM = "select min(team_id) from gateway_team"
PAGES += [
    Page("gateway home (practitioner)", "practitioner", "/gateway/"),
    Page("gateway suggestions, 30,000 profiles (practitioner)", "practitioner", "/gateway/suggestions"),
    Page(
        "gateway suggestions, filtered (practitioner)",
        "practitioner",
        "/gateway/suggestions?sector=Secondary&interest=outdoor-learning",
    ),
    Page(
        "gateway profile (practitioner)",
        "practitioner",
        "/gateway/profiles/{id}",
        "select min(id) from gateway_profile where status = 'active'",
    ),
    Page("gateway uptake (lead officer)", "lead", "/gateway/uptake"),
    Page("gateway uptake (LA officer)", "la_officer", "/gateway/uptake"),
]

# Discussions and notifications: forum 1 holds five years of topics (~1,200) in the scale data; the bell is on
# every page (lazily loaded), so it is measured on its own.
PAGES += [
    Page("forum discussions, years of topics (lead officer)", "lead", "/discussions/forum/1"),
    Page("forum discussions, page 40 (lead officer)", "lead", "/discussions/forum/1?page=40"),
    Page("discussion search in a forum (lead officer)", "lead", "/discussions/forum/1?q=measured"),
    Page(
        "topic with the most posts (lead officer)",
        "lead",
        "/discussions/topics/{id}",
        "select id from discussion_topic where space_type = 'forum' and space_id = 1 order by post_count desc limit 1",
    ),
    Page(
        "theme discussions (practitioner)",
        "practitioner",
        "/discussions/theme/{id}",
        "select theme_id from enquiry_team where name = 'Outdoor Explorers'",
    ),
    Page("what's new (practitioner)", "practitioner", "/discussions/new"),
    Page("what's new, every space (lead officer)", "lead", "/discussions/new"),
    Page("notification bell (practitioner)", "practitioner", "/notifications/bell"),
    Page("notifications (practitioner)", "practitioner", "/notifications"),
    Page("learning record (practitioner)", "practitioner", "/learning/"),
    Page("learning shared with me (senior leader)", "leader", "/learning/shared"),
    Page("Professional Update pack (practitioner)", "practitioner", "/learning/pack"),
    Page("learning record settings (practitioner)", "practitioner", "/learning/settings"),
    Page("survey results, five years (researcher)", "researcher", "/survey/results"),
    Page("survey results, XLSX (lead officer)", "lead", "/survey/results/download.xlsx"),
    Page(
        "survey response rates (lead officer)",
        "lead",
        "/survey/{id}/invitations",
        "select max(id) from cfc_survey",
    ),
]

# Feedback: the organiser's list (the lead officer's: every event; the facilitator's: their own), one event's
# summary; programmes.
PAGES += [
    Page("feedback on events (lead officer)", "lead", "/feedback/events"),
    Page(
        "feedback on events (facilitator: by name and through the leadership policy)", "facilitator", "/feedback/events"
    ),
    Page(
        "event feedback summary (lead officer)",
        "lead",
        "/feedback/events/{id}/results",
        "select max(event_id) from event_feedback",
    ),
    Page("event feedback per programme (researcher)", "researcher", "/feedback/programmes"),
    Page("feedback still to give (practitioner)", "practitioner", "/feedback/mine"),
    Page(
        "end-of-year evaluation results (researcher)",
        "researcher",
        "/feedback/evaluations/{id}/results",
        "select max(round_id) from network_evaluation",
    ),
]

# Reports: the six aims, coverage, a cohort dashboard, the board paper and the region's downloads over five years.
PUBLISHED_COHORT = "select max(id) from network_cohort where stage = 'published'"
PAGES += [
    Page("reports: six aims (lead officer)", "lead", "/reports/aims"),
    Page("reports: six aims in their LA (LA officer)", "la_officer", "/reports/aims"),
    Page("reports: coverage (researcher)", "researcher", "/reports/coverage"),
    Page("reports: never involved (LA officer)", "la_officer", "/reports/coverage/never-involved"),
    Page("reports: network cohort dashboard (lead officer)", "lead", "/reports/cohorts/network/{id}", PUBLISHED_COHORT),
    Page("reports: board paper (lead officer)", "lead", "/reports/board"),
    Page("reports: region export, XLSX (lead officer)", "lead", "/reports/region.xlsx"),
    Page("reports: participation CSV (researcher)", "researcher", "/reports/tables/participation.csv"),
]
