"""ui.export."""
