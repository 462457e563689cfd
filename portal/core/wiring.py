"""What a domain's init_app adds to the app besides its blueprint: its demo and scale steps.

Steps are named by import path ("portal.events.demo:load_demo") and resolved only when `flask demo` runs, so
product code never imports demo code. They run in the order the domains are listed in portal.DOMAINS."""

from collections.abc import Callable

from flask import Flask
from werkzeug.utils import import_string

_KEY = "portal.demo_steps"


def add_demo_steps(app: Flask, *, demo: tuple[str, ...] = (), scale: tuple[str, ...] = ()) -> None:
    steps = app.extensions.setdefault(_KEY, {"demo": [], "scale": []})
    steps["demo"].extend(demo)
    steps["scale"].extend(scale)


def demo_steps(app: Flask, which: str) -> list[Callable]:
    """The registered "demo" or "scale" steps, imported now."""
    return [import_string(path) for path in app.extensions.get(_KEY, {}).get(which, [])]
