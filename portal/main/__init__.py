"""The home page for each role, the accessibility statement, the benchmark's floor page."""
