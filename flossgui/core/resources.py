"""The one place that finds shipped assets (exercise files, icons, sounds).

In a wheel the ``assets/`` folder is installed as ``flossgui/assets``; in a source checkout
(editable install or tests) it sits beside the package. Nothing is looked up relative to the
working directory.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # flossgui/


def assets_dir() -> Path:
    """The folder holding the shipped assets."""
    for candidate in (_PACKAGE_DIR / "assets", _PACKAGE_DIR.parent / "assets"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"{_PACKAGE_DIR / 'assets'}: the app's assets folder is missing; reinstall flossgui")


def asset(*parts: str) -> Path:
    """Path of one shipped asset, e.g. ``asset("exercises", "lumbar-nerve-floss.toml")``.

    Raises FileNotFoundError naming the missing file.
    """
    path = assets_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"{path}: shipped asset is missing; reinstall flossgui")
    return path
