"""Build the site into a fresh folder, then swap it in: a failed build never replaces a good site."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException, PluginError


class BuildError(Exception):
    """The build did not produce a site; the message says why."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(root: Path, out: Path | None = None, production: bool = False,
               remind: Callable[[str], None] | None = None) -> Path:
    """Check the data, run mkdocs into a temporary sibling of ``out``, and move it into place. ``remind`` receives
    each reminder of the check (``path:line: 提醒：…``), which stops nothing."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # The plugin loads and checks the data (once) and stops the build with every problem.
    out = (out or root / "site").resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    collector = _Collect()
    logging.getLogger("mkdocs").addHandler(collector)
    built = False
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(staging))
        # The build mode is the plugin's option, set on this build's config only (never the environment,
        # which would leak into the next build of the same process).
        config.plugins["quality-portal"].config.production = production
        build(config)
        built = True
        portal = config.plugins["quality-portal"].portal
        for warning in portal.warnings if remind and portal else ():
            remind(str(warning))
    except PluginError as exc:
        raise BuildError(str(exc)) from None
    except (MkDocsException, OSError, SystemExit) as exc:
        details = "\n".join(collector.messages)
        raise BuildError(f"{details}\n{exc}".strip()) from None
    except Exception as exc:  # a defect of ours: say so plainly, still leave nothing behind
        raise BuildError(f"内部错误（{type(exc).__name__}: {exc}）：请把这条信息报告给门户维护者") from exc
    finally:
        logging.getLogger("mkdocs").removeHandler(collector)
        if not built:  # whatever stopped the build, KeyboardInterrupt included
            shutil.rmtree(staging, ignore_errors=True)
    _swap(staging, out)
    return out


def _swap(new: Path, out: Path) -> None:
    """Replace ``out`` by ``new`` with two renames, so readers never see a half-built site."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        out.rename(old)
    new.rename(out)
    new_mode = 0o755
    out.chmod(new_mode)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
