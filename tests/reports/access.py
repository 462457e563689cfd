from tests.support.access import only

EXPECT = {
    "reports.overview": only("la_officer", "admin", "researcher"),
}
