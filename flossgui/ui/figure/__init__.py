"""ui.figure."""
