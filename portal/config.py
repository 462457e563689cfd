"""Configuration read from the environment; SQLite in instance/ is the embedded default."""

import os
from pathlib import Path

INSTANCE = Path(__file__).resolve().parent.parent / "instance"


def _bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


class Config:
    DEV_SECRET_KEY = "dev-only-change-me"
    SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", f"sqlite:///{INSTANCE / 'portal.db'}")
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    # Development unless told otherwise: cookies are Secure everywhere else.
    ENV_NAME = os.environ.get("PORTAL_ENV", "development")
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = ENV_NAME != "development"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the signed session cookie
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_CONTENT_LENGTH", 10 * 1024 * 1024))
    DEMO_MODE = _bool("DEMO_MODE")
    # Two-factor sign-in required for the partnership admin and LA officers: on unless turned off, and off in
    # demo mode so the demo accounts sign in with the password alone.
    TWO_FACTOR_REQUIRED = _bool("TWO_FACTOR_REQUIRED", default=not DEMO_MODE)
    TWO_FACTOR_PENDING_SECONDS = 5 * 60  # between the password and the code
    DEMO_PASSWORD = "demo-portal-2026"
    # E-mail: "file" writes .eml files to MAIL_OUTBOX (development); "smtp" sends.
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "file")
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "127.0.0.1")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", 25))
    MAIL_SENDER = os.environ.get("MAIL_SENDER", "West Partnership portal <no-reply@westpartnership.example>")
    MAIL_OUTBOX = os.environ.get("MAIL_OUTBOX", str(INSTANCE / "outbox"))
    # The outbox worker: SMTP timeout, first retry delay (doubling, at most an hour), attempts before giving
    # up (the admin can retry), how long a claimed message is reserved, and the worker's rest when idle.
    MAIL_TIMEOUT = int(os.environ.get("MAIL_TIMEOUT", 10))
    MAIL_RETRY_SECONDS = int(os.environ.get("MAIL_RETRY_SECONDS", 60))
    MAIL_MAX_ATTEMPTS = int(os.environ.get("MAIL_MAX_ATTEMPTS", 8))
    MAIL_CLAIM_SECONDS = int(os.environ.get("MAIL_CLAIM_SECONDS", 300))
    MAIL_WORKER_INTERVAL = float(os.environ.get("MAIL_WORKER_INTERVAL", 2))
    # The public address, for links in e-mails sent outside a request (the reminder job).
    PORTAL_URL = os.environ.get("PORTAL_URL", "http://127.0.0.1:5000")
    UPLOAD_ROOT = os.environ.get("UPLOAD_ROOT", str(INSTANCE / "uploads"))
    INVITATION_MAX_AGE = 7 * 24 * 3600
    RESET_MAX_AGE = 3600
    # "Forgot password" answers no sooner than this, so a known address (token, e-mail queued) and an unknown
    # one (nothing to do) take the same time; tests/security/test_timing.py measures both.
    RESET_ANSWER_SECONDS = float(os.environ.get("RESET_ANSWER_SECONDS", 0.4))
    # Sign-in throttling (portal/accounts/throttle.py): delays, never lock-outs.
    LOGIN_FREE_FAILURES = 3  # per account and address before the delay starts (2, 4, 8 ... seconds)
    LOGIN_MAX_DELAY_SECONDS = 15 * 60
    LOGIN_ADDRESS_LIMIT = 20  # failures from one address before each new guess from it waits
    LOGIN_ADDRESS_DELAY_SECONDS = 5
    LOGIN_WINDOW_SECONDS = 15 * 60
    # Reverse proxies in front of the portal whose X-Forwarded-For/-Proto are trusted (Werkzeug's ProxyFix).
    PROXY_COUNT = int(os.environ.get("PROXY_COUNT", 0))
    PAGE_SIZE = 25
    # Report figures are kept until the data they read changes (portal/core/snapshots.py); this is the safety net
    # for a change made outside the portal's sessions (a raw SQL fix): no kept result is older than this.
    KEPT_FIGURES = _bool("KEPT_FIGURES", True)
    KEPT_FIGURES_MAX_AGE = int(os.environ.get("KEPT_FIGURES_MAX_AGE", 3600))
    # Compiled templates kept on disk (Jinja's bytecode cache, keyed by each template's source): a new web worker
    # or a restarted host skips compiling every template again. Empty: compiled in memory per process only.
    TEMPLATE_CACHE_DIR = os.environ.get("TEMPLATE_CACHE_DIR", "")
    COUNT_QUERIES = _bool("COUNT_QUERIES")  # X-Query-Count header, used by the benchmark
    BENCHMARK = _bool("BENCHMARK")  # the benchmark's /floor page exists only with this on
    # Operations: JSON log lines (with the request id), one line per request, optional error reporting.
    LOG_JSON = _bool("LOG_JSON", True)
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
    LOG_REQUESTS = _bool("LOG_REQUESTS", True)
    SENTRY_DSN = os.environ.get("SENTRY_DSN", "")


class TestConfig(Config):
    WTF_CSRF_ENABLED = False  # one test proves refusal with it on; browser tests run with it on
    TESTING = True
    SECRET_KEY = "test-secret"
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = False
    DEMO_MODE = True
    TWO_FACTOR_REQUIRED = False  # tests/security/test_two_factor.py turns it on
    MAIL_BACKEND = "smtp"
    COUNT_QUERIES = True
    RESET_ANSWER_SECONDS = 0  # tests/security/test_timing.py sets the production floor back
    LOG_REQUESTS = False  # tests/operations turns it on to check the log line
