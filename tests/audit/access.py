from tests.support.access import only

EXPECT = {
    "audit.list_entries": only("admin"),
}
