"""What every domain uses: roles and access, htmx rendering, errors, security headers, mail."""
