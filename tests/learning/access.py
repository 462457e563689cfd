"""Access expectations for the learning record: everyone signed in has their own record; an entry is for the
person whose record it is (the matrix practitioner) and the reviewer it is shared with (the senior leader)."""

from portal.extensions import db
from tests.learning.conftest import attended_booking, own_entry, own_target
from tests.support.access import Expect, only, signed_in

OWNER, REVIEWER = "practitioner", "senior_leader"

EXPECT = {
    "learning.my_record": signed_in(),
    "learning.add_entry": signed_in(),
    "learning.shared_with_me": signed_in(),
    "learning.pack": signed_in(),
    "learning.pack_pdf": signed_in(),
    "learning.add_target": signed_in(),
    "learning.record_settings": signed_in(),
    "learning.show_target": only(OWNER, REVIEWER),
    "learning.edit_target": only(OWNER),
    "learning.remove_target": only(OWNER),  # the confirm page
    "learning.show_entry": only(OWNER, REVIEWER),
    "learning.edit_entry": only(OWNER),
    "learning.remove_entry": only(OWNER),  # the confirm page
    # someone else's attended booking: refused in the service, flashed and redirected; visitors sign in
    "learning.add_suggestion": Expect(303, {"anonymous": 302}, "POST"),
    # a registered activity that is nobody's: refused in the service, flashed and redirected
    "learning.add_activity": Expect(303, {"anonymous": 302}, "POST"),
}


def setup(world):
    u = world.users
    entry = own_entry(u[OWNER], reviewer=u[REVIEWER])
    booking = attended_booking(u[OWNER])
    target = own_target(u[OWNER], reviewer=u[REVIEWER])
    db.session.commit()
    e, t = {"entry_id": entry.id}, {"target_id": target.id}
    world.args.update(
        {
            "learning.show_entry": e,
            "learning.edit_entry": e,
            "learning.remove_entry": e,
            "learning.show_target": t,
            "learning.edit_target": t,
            "learning.remove_target": t,
            "learning.add_suggestion": {"booking_id": booking.id},
            "learning.add_activity": {"source": "leadership_plan", "source_id": 999999},
        }
    )
