from tests.support.access import only, signed_in

EXPECT = {
    "organisations.list_authorities": only("la_officer", "admin", "researcher"),
    "organisations.list_establishments": only("la_officer", "admin", "researcher"),
    "organisations.import_establishments": only("admin"),
}
EXPECT["organisations.suggest_establishments"] = signed_in()
