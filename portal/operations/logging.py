"""Logs as JSON lines carrying a request id (from the proxy's X-Request-ID, else made here), and optional
error reporting to Sentry when SENTRY_DSN is set."""

import json
import logging
import time
import uuid

from flask import Flask, g, has_request_context, request


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if has_request_context() and "request_id" in g:
            entry["request_id"] = g.request_id
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def register_logging(app: Flask) -> None:
    access = logging.getLogger("portal.access")
    if app.config["LOG_JSON"]:
        handler = logging.StreamHandler()
        handler.setFormatter(JsonFormatter())
        for logger in (app.logger, access):
            logger.handlers[:] = [handler]
            logger.setLevel(app.config["LOG_LEVEL"])
            logger.propagate = False
            logger.disabled = False  # alembic's fileConfig (flask db upgrade in-process) disables loggers
    if app.config["SENTRY_DSN"]:
        import sentry_sdk  # only imported (and initialised) when a DSN is configured

        sentry_sdk.init(dsn=app.config["SENTRY_DSN"], environment=app.config["ENV_NAME"], send_default_pii=False)

    @app.before_request
    def start_request() -> None:
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if 0 < len(incoming) <= 64 and incoming.isprintable() else uuid.uuid4().hex
        g.request_started = time.perf_counter()

    @app.after_request
    def log_request(response):
        response.headers["X-Request-ID"] = g.get("request_id", "")
        if app.config["LOG_REQUESTS"]:
            access.info(
                "request",
                extra={
                    "fields": {
                        "method": request.method,
                        "path": request.path,
                        "status": response.status_code,
                        "ms": round((time.perf_counter() - g.get("request_started", time.perf_counter())) * 1000, 1),
                    }
                },
            )
        return response
