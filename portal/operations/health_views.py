"""Health for the load balancer: /healthz (the process answers) and /readyz (database and migrations)."""

from flask import jsonify

from portal.operations import bp
from portal.operations.readiness import readiness


@bp.get("/healthz")
def healthz():
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz():
    problems = readiness()
    return jsonify(status="fail" if problems else "ok", problems=problems), 503 if problems else 200
