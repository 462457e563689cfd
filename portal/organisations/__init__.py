"""Local authorities and establishments (schools and ELC settings)."""
