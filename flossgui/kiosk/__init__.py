"""The waiting-room kiosk, apart from its window: settings, opening hours and the staff PIN.

Pure Python: nothing here imports Qt, so it can be tested without a display.
"""
