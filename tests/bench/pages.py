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
    Page("team page (practitioner)", "practitioner", "/enquiries/teams/{id}",
         "select id from enquiry_team where name = 'Outdoor Explorers'"),
    Page("enquiry plan (practitioner)", "practitioner", "/enquiries/teams/{id}/plan",
         "select id from enquiry_team where name = 'Outdoor Explorers'"),
    Page("impact evidence (practitioner)", "practitioner", "/enquiries/teams/{id}/evidence",
         "select id from enquiry_team where name = 'Outdoor Explorers'"),
    Page("scale team evidence (lead officer)", "lead", "/enquiries/teams/{id}/evidence",
         "select min(id) from enquiry_team"),
    Page("my teams (LA officer)", "la_officer", "/enquiries/teams"),
]
