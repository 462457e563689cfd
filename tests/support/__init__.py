"""Shared test machinery: the PostgreSQL server, the SMTP server, factories, access expectations."""
