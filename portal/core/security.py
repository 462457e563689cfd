"""Security headers on every response, and the client address read through a configured number of proxies."""

import time
from contextlib import contextmanager

from flask import request
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)


PERMISSIONS = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=(), "
    "browsing-topics=()"
)


def trust_proxies(app) -> None:
    """Behind PROXY_COUNT reverse proxies, take the client address and scheme from their X-Forwarded-* headers
    (only that many hops: a client cannot forge its address by adding its own header)."""
    count = app.config.get("PROXY_COUNT", 0)
    if count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)


def register_security_headers(app) -> None:
    trust_proxies(app)
    hsts = app.config["ENV_NAME"] != "development"  # development serves plain http on loopback

    @app.after_request
    def add_headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        response.headers.setdefault("Permissions-Policy", PERMISSIONS)
        if hsts:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        if request.endpoint != "static" and current_user.is_authenticated:
            # A signed-in page is personal: no browser, proxy or back button may keep a copy.
            response.headers["Cache-Control"] = "no-store"
        return response


@contextmanager
def taking_at_least(seconds: float):
    """Run the block, then wait out the rest of `seconds`: an answer whose work depends on a secret (does this
    address have an account?) leaves after the same time either way. The floor must exceed the slow path."""
    started = time.monotonic()
    try:
        yield
    finally:
        left = seconds - (time.monotonic() - started)
        if left > 0:
            time.sleep(left)
