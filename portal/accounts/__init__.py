"""People, roles, signing in, invitations and password resets."""
