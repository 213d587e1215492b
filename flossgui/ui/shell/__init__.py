"""ui.shell."""
