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
    # The client compiler only and the serial collector: a run is a few seconds of work, over before the optimising
    # compiler (and its threads) would pay off. 151 saved pages: 2.2 s of CPU against 4.7 s. The client compiler's
    # frames are larger: the schema's evaluation needs a 4 MB stack (1 MB overflows).
    java = ["java", "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(VNU_JAR)]
    result = subprocess.run(
        [*java, "--errors-only", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode not in (0, 1) or not result.stderr.startswith("{"):  # 1: errors found, listed in the JSON
        raise RuntimeError(f"The Nu Html Checker did not run: {result.returncode}\n{result.stderr[-2000:]}")
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '').strip()[:100]}]"
        for m in messages
        if m["type"] == "error"
    ]
