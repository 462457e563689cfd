"""Collaborative Learning Network cohorts: nominations, interests survey, matching, teams, confidence."""
