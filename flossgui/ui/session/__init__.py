"""ui.session."""
