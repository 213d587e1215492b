"""ui.clinician."""
