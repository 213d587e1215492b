"""ui.kiosk."""
