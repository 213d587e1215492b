"""ui.theme."""
