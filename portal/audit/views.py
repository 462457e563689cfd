"""The admin's view of the audit log: search and page; there is nothing to edit."""
