"""Quality Award Portal: scheme data, validation, and the mkdocs site generator."""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
"""The generator's own code: what engine.zip and office.zip ship is read from here, whatever the project."""

ROOT = PACKAGE.parent
"""This checkout: the default project root of the command line (``--root``) and of the tests. Below the entry points
the project root is passed down (``--root``, mkdocs.yml's ``root`` option: PortalConfig.root), never read from here
(tests/test_layers.py)."""
