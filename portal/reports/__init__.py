"""Reports: participation across the partnership and aggregate evidence of impact (read-only)."""
