"""Demo data: a small living region for `make run`, and a partnership-scale region for the benchmark."""
