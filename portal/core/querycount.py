"""Counting SQL statements per request (X-Query-Count), so tests and the benchmark can see N+1s."""

from flask import g, has_request_context
from sqlalchemy import event

from portal.extensions import db


def register_query_counter(app) -> None:
    if not app.config.get("COUNT_QUERIES"):
        return

    with app.app_context():
        engine = db.engine

    @event.listens_for(engine, "before_cursor_execute")
    def count(conn, cursor, statement, parameters, context, executemany):
        if has_request_context():
            g.query_count = g.get("query_count", 0) + 1

    @app.after_request
    def add_header(response):
        response.headers["X-Query-Count"] = str(g.get("query_count", 0))
        return response
