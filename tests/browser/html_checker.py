"""The Nu Html Checker (npm `vnu-jar`, pinned in package.json, run with Java 17) over saved HTML files.

One Java start for many files: save every page first, then call `html_errors` once.
"""

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html_errors(paths: list[Path]) -> list[str]:
    """Every error the checker reports, as "file:line: message"; warnings are not errors."""
    if not VNU_JAR.exists() or shutil.which("java") is None:
        raise RuntimeError("The Nu Html Checker is missing: run `make test-tools` (npm ci and Java 17).")
    if not paths:
        return []
    result = subprocess.run(
        ["java", "-Xss1024k", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '').strip()[:100]}]"
        for m in messages
        if m["type"] == "error"
    ]
