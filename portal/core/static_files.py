"""Static files at versioned addresses: `static_url(filename)` gives `/static/<filename>?v=<hash of its bytes>`, and
the answer to an address whose version is the file's own may be kept by browsers (and nginx: deploy/) for a year.
A changed file gets a new address, so no browser runs last week's script against this week's page, and a page
load asks for the page alone instead of checking every stylesheet and script again (on a phone each check is a
round trip).

A process keeps each file's version and address once made: they describe the code it serves (a release restarts
the workers), never data. In debug mode (development) the file is looked at on every call, so an edited file gets
a new address at once."""

import hashlib
import os
from functools import lru_cache

from flask import Flask, current_app, has_request_context, request, url_for
from werkzeug.security import safe_join

YEAR = 365 * 24 * 3600


@lru_cache(maxsize=256)
def _digest(path: str, size: int, modified: int) -> str:
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()[:12]


def _version_now(folder: str, filename: str) -> str | None:
    path = safe_join(folder, filename)
    try:
        found = os.stat(path) if path else None
    except OSError:
        return None
    return _digest(path, found.st_size, found.st_mtime_ns) if found else None


_version_kept = lru_cache(maxsize=256)(_version_now)


def version(filename: str) -> str | None:
    """The version of a file in the static folder (None if there is no such file)."""
    look = _version_now if current_app.debug else _version_kept
    return look(current_app.static_folder, filename)


def static_url(filename: str) -> str:
    """The address of a static file, versioned by its content (every template asks for static files this way)."""
    app = current_app._get_current_object()
    if app.debug or not has_request_context():
        return url_for("static", filename=filename, v=version(filename))
    kept, key = app.extensions["static_addresses"], (request.script_root, filename)
    address = kept.get(key)
    if address is None:
        address = kept[key] = url_for("static", filename=filename, v=version(filename))
    return address


class VersionedStatic(Flask):
    """Flask, with static answers kept for a year when the address names the file's current version; any other
    static answer (no version, or an old one) is checked again each time, as before."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extensions["static_addresses"] = {}  # (script root, file name) -> address, made once per process

    def get_send_file_max_age(self, filename: str | None) -> int | None:
        if filename and request.args.get("v") and request.args["v"] == version(filename):
            return YEAR
        return super().get_send_file_max_age(filename)
