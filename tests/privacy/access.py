from tests.support.access import Expect, only, public, signed_in

EXPECT = {
    "privacy.notice": public(),
    "privacy.my_data": signed_in(),
    "privacy.download_my_data": signed_in(method="POST"),
    "privacy.request_erasure": signed_in(),
    "privacy.withdraw_erasure": signed_in(302, method="POST"),
    "privacy.list_erasures": only("admin"),
    "privacy.confirm_erasure": Expect(403, {"anonymous": 302, "admin": 404}),  # nobody asked: nothing to confirm
}


def setup(world):
    world.args["privacy.confirm_erasure"] = {"person_id": world.users["practitioner"].id}
