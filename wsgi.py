from portal import create_app
from portal.core import collector

app = create_app()
collector.settle()  # after loading: the portal itself is never scanned for garbage again (portal/core/collector.py)
