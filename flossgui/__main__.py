"""``python -m flossgui``: the same as the ``flossgui`` command."""

from flossgui.cli.main import main

raise SystemExit(main())
