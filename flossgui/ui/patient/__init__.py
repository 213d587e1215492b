"""ui.patient."""
