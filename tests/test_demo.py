"""The demo region: loads idempotently, and every demo account finds its pages alive."""

import re

from sqlalchemy import func, select

from portal.demo.commands import load_demo
from portal.extensions import db


def _row_counts() -> dict[str, int]:
    return {t.name: db.session.scalar(select(func.count()).select_from(t)) for t in db.metadata.sorted_tables}


def test_loading_twice_changes_nothing(app, demo):
    before = _row_counts()
    load_demo()
    assert _row_counts() == before
    assert before["establishment"] >= 60 and before["user_account"] >= 7


def test_every_demo_account_has_a_home_and_working_navigation(app, client, demo):
    for key, user_id in demo.ids.items():
        with client.session_transaction() as session:
            session["_user_id"] = str(user_id)
        home = client.get("/home")
        assert home.status_code == 200, key
        page = home.get_data(as_text=True)
        assert "Not available yet" not in page, f"{key}: the home page still promises something unbuilt"
        nav = re.search(r'<nav class="ds_site-navigation" aria-label="Main">(.*?)</nav>', page, re.S).group(1)
        for href in re.findall(r'href="([^"]+)"', nav):
            assert client.get(href).status_code == 200, f"{key}: {href}"


def test_demo_refuses_to_run_without_demo_mode(app):
    from click.testing import CliRunner

    from portal.demo.commands import load_command

    app.config["DEMO_MODE"] = False
    result = CliRunner().invoke(load_command, [])
    assert result.exit_code == 1 and "Demo mode is off" in result.output
