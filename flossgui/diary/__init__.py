"""diary."""
