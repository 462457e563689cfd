from tests.support.access import Expect, only, public, signed_in

STAFF = ("la_officer", "admin")

EXPECT = {
    "accounts.sign_in": public(200, signed_in_status=302),
    "accounts.sign_out": Expect(302, method="POST"),
    "accounts.accept_invitation": public(410),  # a forged token: the link-expired page
    "accounts.reset_password": public(410),
    "accounts.forgot_password": public(),
    "accounts.profile": signed_in(),
    "accounts.list_people": only(*STAFF),
    "accounts.show_person": only(*STAFF),  # the person is in the officer's LA
    "accounts.invite": only(*STAFF),
    "accounts.import_people": only(*STAFF),
    "accounts.sign_in_code": public(302),  # nobody is half-way through signing in: back to sign in
    "accounts.sign_out_everywhere": signed_in(302, method="POST"),
    "accounts.two_factor": signed_in(),
    "accounts.change_password": signed_in(),
    "accounts.turn_off_two_factor": signed_in(422, method="POST"),  # no code given
}


def setup(world):
    world.args["accounts.accept_invitation"] = {"token": "forged"}
    world.args["accounts.reset_password"] = {"token": "forged"}
    world.args["accounts.show_person"] = {"person_id": world.users["practitioner"].id}
