"""The forums list reads rows of what it shows: no forum or person records (with their officers, parents,
establishments and authorities joined) for a list of names and descriptions."""

from portal.forums import queries
from tests.support.sql import statements


def test_the_forums_list_reads_names_not_records(client, login, world, make_forum):
    network = make_forum("Early Years Outdoor Network", coordinators=[world.coordinator], parent=world.forum)
    login(world.member)
    with statements() as seen:
        page = client.get("/forums").get_data(as_text=True)
    assert "Cora Coordinator" in page and network.name in page and "You are a member" in page
    after_sign_in = seen[1:]  # the first reads the signed-in person
    assert not [s for s in after_sign_in if "user_account.email" in s or "forum.officer_id" in s]
    assert queries.coordinator_names([world.forum.id]) == {world.forum.id: ["Cora Coordinator"]}
