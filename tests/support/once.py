"""Work done once per test session and shared by every test worker (pytest-xdist runs one process per worker).

The first worker to ask builds the thing in a folder beside the workers' own temporary folders; the others wait
for it (a file lock) and use what it left. A build that fails is not marked done, so the next worker tries again
and fails the same way, loudly.
"""

import fcntl
import os
from collections.abc import Callable
from pathlib import Path

import pytest


def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder every worker of this session sees (the parent of the workers' own base folders)."""
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder = root / "shared"
    folder.mkdir(exist_ok=True)
    return folder


def once_per_session(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """The folder `name` in the shared folder, filled by `build(folder)` exactly once per session."""
    folder = shared_folder(tmp_path_factory) / name
    with open(shared_folder(tmp_path_factory) / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (folder / ".done").exists():
                folder.mkdir(exist_ok=True)
                build(folder)
                (folder / ".done").touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return folder


def claim(tmp_path_factory: pytest.TempPathFactory, kind: str, key: str) -> bool:
    """True for the first worker of the session to claim `key` (e.g. a page shape to check), False after."""
    folder = shared_folder(tmp_path_factory) / f"claimed-{kind}"
    folder.mkdir(exist_ok=True)
    try:
        os.close(os.open(folder / key, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    return True
