from portal.cohorts.models import NetworkCohort
from portal.extensions import db
from tests.support.access import only

STAFF = ("la_officer", "admin", "researcher")

EXPECT = {
    "reports.overview": only(*STAFF),
    "reports.aims": only(*STAFF),
    "reports.coverage": only(*STAFF),
    "reports.never_involved": only("la_officer", "admin"),  # lists establishments: not for researchers
    "reports.show_cohort": only(*STAFF),
    "reports.board_paper": only(*STAFF),
    "reports.board_paper_pdf": only(*STAFF),
    "reports.download_table": only(*STAFF),
    "reports.download_region": only(*STAFF),
    "reports.download_cohort_table": only(*STAFF),
    "reports.download_cohort": only(*STAFF),
}


def setup(world):
    cohort = NetworkCohort(school_year="2031-32", letter="A", stage="published", interests_text="A\nB\nC")
    db.session.add(cohort)
    db.session.commit()
    cohort_args = {"kind": "network", "cohort_id": cohort.id}
    world.args["reports.show_cohort"] = cohort_args
    world.args["reports.download_cohort"] = cohort_args
    world.args["reports.download_cohort_table"] = {**cohort_args, "name": "teams"}
    world.args["reports.download_table"] = {"name": "participation"}
