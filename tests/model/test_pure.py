"""The model imports and runs with Qt made unimportable."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_model_runs_with_pyside6_blocked():
    code = textwrap.dedent(
        """
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"):
                    raise ImportError("Qt is blocked in this test: " + name)
        sys.meta_path.insert(0, Block())
        import pkgutil, importlib, flossgui.model
        names = [m.name for m in pkgutil.walk_packages(flossgui.model.__path__, "flossgui.model.")]
        for name in names:
            importlib.import_module(name)
        from flossgui.cli.main import main
        assert main(["timeline", "--fps", "5"]) == 0
        print("modules:", len(names))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "modules:" in result.stdout
