"""Generic versioned self-evaluation frameworks (leadership self-evaluation, themed challenge questions)."""
