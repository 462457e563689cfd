"""Entry point for `python -m portal.matching`."""

import sys

from .cli import main

sys.exit(main())
