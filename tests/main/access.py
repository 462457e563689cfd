from tests.support.access import public, signed_in

EXPECT = {
    "main.index": public(200, signed_in_status=302),
    "main.home": signed_in(),
    "main.accessibility": public(),
    "main.floor": public(404),  # only while benchmarking is configured (tests/security/test_headers.py)
    "main.signed_in_floor": signed_in(404),  # the same
    "static": public(),
}


def setup(world):
    world.args["static"] = {"filename": "portal.css"}
