"""Human-readable views of a run and of the curated data."""
