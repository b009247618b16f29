"""Quality Award Portal: scheme data, validation, and the mkdocs site generator."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
