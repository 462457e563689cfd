"""The leadership programme: self-evaluation, professional development plans, modules, cohorts."""
