"""The waiting-room kiosk, apart from its window: settings, opening hours and the staff PIN.

Pure Python: nothing here imports Qt, so it can be tested without a display.
"""

# Exit status of `flossgui --kiosk` when staff leave with the PIN. The launcher passes it
# on and the systemd unit (RestartPreventExitStatus=3) does not restart the kiosk then;
# any other exit, a crash included, is restarted.
LEAVE_STATUS = 3
