"""Options of the ``quality-portal`` mkdocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PortalConfig(Config):
    # Project folder holding schemes/, standards/, public_lists/ and templates/;
    # relative paths are taken from the folder of mkdocs.yml.
    root = c.Type(str, default=".")
    templates = c.Type(str, default="templates")
    # Refuse sample notices (set by `python -m generator build --production`).
    production = c.Type(bool, default=False)
