"""Access expectations for the survey: the lead officer runs it; LA officers see rates and results;
researchers see results, written answers and item-level data; anyone with a link answers."""

from portal.extensions import db
from portal.survey import services
from tests.support.access import Expect, only, public, signed_in
from tests.survey.conftest import invite, open_survey

READERS = ("la_officer", "researcher", "admin")
ADMIN_POST_422 = Expect(403, {"admin": 422, "anonymous": 302}, "POST")


def setup(world):
    survey = open_survey(2031)
    establishment = world.users["practitioner"].establishment
    token = invite(survey, "matrix.invitee@test.example.org", establishment)
    link = services.create_open_link(survey, establishment, cap=5, actor=None)
    db.session.commit()
    s = {"survey_id": survey.id}
    key = {"survey_id": survey.id, "key": survey_items_first_key(survey)}
    world.args.update(
        {
            "survey.edit_survey": s,
            "survey.add_item": s,
            "survey.edit_item": key,
            "survey.remove_item": key,
            "survey.invitations": s,
            "survey.import_invitations": s,
            "survey.create_open_link": s,
            "survey.open_answers": s,
            "survey.item_level": s,
            "survey.download_results": {"fmt": "csv"},
            "survey.answer": {"token": token},
            "survey.answer_open": {"token": link.token},
        }
    )


def survey_items_first_key(survey):
    from portal.survey.queries import latest_version

    return latest_version(survey).items[0].key


EXPECT = {
    "survey.list_surveys": only(*READERS),
    "survey.create_survey": ADMIN_POST_422,
    "survey.edit_survey": only("admin"),
    "survey.add_item": ADMIN_POST_422,
    "survey.edit_item": only("admin"),
    "survey.remove_item": only("admin", method="POST"),  # the confirm page
    "survey.invitations": only("la_officer", "admin"),
    "survey.import_invitations": ADMIN_POST_422,
    "survey.create_open_link": ADMIN_POST_422,
    "survey.results_page": only(*READERS),
    "survey.download_results": only(*READERS),
    "survey.open_answers": only("researcher", "admin"),
    "survey.item_level": only("researcher", "admin"),
    "survey.answer": public(),
    "survey.answer_open": public(),
    "survey.thanks": public(),
    "survey.mine": signed_in(),
}
