"""Themed collaborative enquiries: themes, registrations, teams, enquiry plans, impact evidence, summaries."""
