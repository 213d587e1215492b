"""``python -m flossgui``: the same as the ``flossgui`` command."""

from flossgui.cli import main

raise SystemExit(main())
