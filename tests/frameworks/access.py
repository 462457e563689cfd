from tests.support.access import Expect, only

ADMIN = "admin"

EXPECT = {
    "frameworks.list_frameworks": only(ADMIN),
    "frameworks.new_framework": only(ADMIN),
    "frameworks.show_framework": only(ADMIN),
    "frameworks.update_framework": only(ADMIN, ok=302, method="POST", data={"title": "Renamed"}),
    "frameworks.add_section": only(ADMIN, ok=302, method="POST", data={"title": "A domain"}),
    "frameworks.edit_section": only(ADMIN),
    "frameworks.move_section": only(ADMIN, ok=302, method="POST", data={"direction": "down"}),
    "frameworks.remove_section": Expect(403, {"anonymous": 302, ADMIN: 404}, "POST"),  # a missing id
    "frameworks.add_item": only(ADMIN, ok=422, method="POST"),  # no text
    "frameworks.edit_item": only(ADMIN),
    "frameworks.move_item": only(ADMIN, ok=302, method="POST", data={"direction": "up"}),
    "frameworks.remove_item": Expect(403, {"anonymous": 302, ADMIN: 404}, "POST"),
    "frameworks.publish_framework": only(ADMIN, ok=200, method="POST"),  # the confirm page
}


def setup(world):
    from portal.extensions import db
    from portal.frameworks.defaults import six_point_scale
    from portal.frameworks.services import create_framework, latest_version

    framework = create_framework(
        slug="matrix-framework",
        title="Matrix framework",
        kind="test",
        scale=six_point_scale(),
        sections=[{"title": "One", "items": ["a", "b"]}, {"title": "Two", "items": ["c"]}],
    )
    db.session.commit()
    version = latest_version(framework)
    section, item = version.sections[0], version.sections[0].items[0]
    fid = {"framework_id": framework.id}
    for endpoint in ("show_framework", "update_framework", "add_section", "publish_framework"):
        world.args[f"frameworks.{endpoint}"] = fid
    for endpoint in ("edit_section", "move_section", "add_item"):
        world.args[f"frameworks.{endpoint}"] = fid | {"section_id": section.id}
    for endpoint in ("edit_item", "move_item"):
        world.args[f"frameworks.{endpoint}"] = fid | {"item_id": item.id}
    world.args["frameworks.remove_section"] = fid | {"section_id": 999999}
    world.args["frameworks.remove_item"] = fid | {"item_id": 999999}
