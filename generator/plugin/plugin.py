"""The ``quality-portal`` mkdocs plugin.

``on_config`` loads and validates the data (a problem stops the build with every
``path:line: message``) and sets the navigation; ``on_files`` adds the generated pages
and downloads as virtual files, so ``mkdocs build`` and ``mkdocs serve`` do everything.
"""

from __future__ import annotations

import json
import os
from functools import partial
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from generator import urls
from generator.load.holidays import calendar_json
from generator.load.portal import Portal, load_portal
from generator.load.regions import RegionError, regions_json
from generator.office.package import bundle_office, office_data, published_json, repository, schemes_json
from generator.plugin import timing
from generator.plugin.config import PortalConfig
from generator.plugin.render import make_env
from generator.plugin.structure.nav import build_nav
from generator.plugin.structure.pages import generate
from generator.plugin.tables import reflow_tables
from generator.ship.bundle import DOWNLOADED, BundleError, bundle_pyodide, pyodide_source
from generator.ship.csp import write_policies
from generator.ship.modules import imports_of
from generator.ship.offline import write_service_worker
from generator.ship.precompress import precompress
from generator.ship.search import SearchIndexError, index_site
from generator.views.export import engine_json, fields_json
from generator.views.profile_schema import profile_schema_json

log = get_plugin_logger(__name__)

# Site-wide assets under site_src/assets/, in the order pages load them.
STYLESHEETS = ("assets/stylesheets/portal.css",)
SCRIPTS = ("assets/javascripts/print.js", "assets/javascripts/notices.js")
MODULES = ("assets/javascripts/notices.js",)  # loaded as modules: they import (notices.js: china-day.mjs)
# Folders whose changes rebuild the preview (mkdocs serve watches docs_dir and mkdocs.yml itself).
WATCHED = ("schemes", "standards", "templates", "public_lists", "holidays")


def _symlinks(folder: Path) -> list[str]:
    """Symbolic links under ``folder`` (mkdocs would follow them and publish their targets)."""
    found = []
    for here, dirs, files in os.walk(folder):
        found += [os.path.join(here, name) for name in [*dirs, *files] if os.path.islink(os.path.join(here, name))]
    return sorted(found)


def _local(url: str) -> bool:
    """Whether ``url`` is missing or points at this machine (no reader could follow it)."""
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    return host in ("", "localhost", "127.0.0.1", "::1", "0.0.0.0")


class PortalPlugin(BasePlugin[PortalConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.portal: Portal | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        with timing.section("load+check"):
            return self._on_config(config)

    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").resolve().parent
        self.root = (base / self.config.root).resolve()
        self._register_assets(config)
        if self.config.production and _local(config.site_url or ""):
            raise PluginError(f"mkdocs.yml: site_url 是本机地址 {config.site_url or '（未设置）'}："
                              "生产构建的订阅源和网站地图须指向门户的公开地址。请设置环境变量 PORTAL_SITE_URL，"
                              "例如 PORTAL_SITE_URL=https://zlj.example.gov.cn/portal/")
        self.portal = load_portal(self.root, production=self.config.production)
        if self.portal.problems:
            lines = "\n".join(str(p) for p in self.portal.problems)
            raise PluginError(f"scheme data has {len(self.portal.problems)} problem(s):\n{lines}")
        for warning in self.portal.warnings:  # info, not warning: mkdocs.yml is strict, and a reminder stops nothing
            log.info("%s", warning)
        links = _symlinks(Path(config.docs_dir))
        if links:
            raise PluginError("\n".join(f"{link}:1: 是符号链接：site_src 中只能有普通文件，"
                                        "符号链接可能把仓库外的文件发布出去" for link in links))
        hand_written = sorted(
            str(p.relative_to(config.docs_dir)).replace("\\", "/") for p in Path(config.docs_dir).rglob("*.md")
        )
        config.nav = build_nav(self.portal, hand_written)
        return config

    def _register_assets(self, config: MkDocsConfig) -> None:
        """The plugin brings its own theme overrides, styles and scripts, so mkdocs.yml need not list them."""
        theme_dir = str(self.root / self.config.templates / "theme")
        if theme_dir not in config.theme.dirs:
            config.theme.dirs.insert(0, theme_dir)  # where mkdocs puts a theme's custom_dir
        for css in STYLESHEETS:
            if css not in config.extra_css:
                config.extra_css.append(css)
        present = {str(s) for s in config.extra_javascript}
        for js in SCRIPTS:
            if js not in present:
                script = ExtraScriptValue(js)
                script.type = "module" if js in MODULES else ""
                config.extra_javascript.append(script)

    def on_serve(self, server, *, config: MkDocsConfig, builder):  # noqa: ANN001 (mkdocs' LiveReloadServer)
        """Live reload on the data and templates too."""
        for name in WATCHED:
            server.watch(str(self.root / name))
        return server

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        with timing.section("generate"):
            return self._on_files(files, config)

    def _on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.portal is not None
        env = make_env(self.root / self.config.templates)
        try:
            pyodide_folder, pyodide_version = pyodide_source(self.root)
        except BundleError as exc:
            raise PluginError(str(exc)) from None
        env.globals["pyodide_version"] = pyodide_version
        # The modules a page's script imports, for its preload links (from their import lines: ship/modules.py).
        env.globals["imports_of"] = partial(imports_of, Path(config.docs_dir))
        # What the calculator downloads before it can answer, so its progress bar can count real bytes.
        env.globals["pyodide_download"] = {name: (pyodide_folder / name).stat().st_size for name in DOWNLOADED}
        site_url = config.site_url or "/"
        generated = list(
            generate(self.portal, env, self.portal.today, site_url if site_url.endswith("/") else site_url + "/")
        )
        try:  # the schemes' area codes were checked against the same table by the check (load/schemes.py)
            regions = regions_json(self.root)
        except RegionError as exc:
            raise PluginError(str(exc)) from None
        try:
            office = office_data(self.portal.schemes, self.portal.today.isoformat(), repository(config.extra))
        except BundleError as exc:
            raise PluginError(str(exc)) from None
        generated += [("data/schemes.json", engine_json(self.portal)), ("data/profile-fields.json", fields_json()),
                      (urls.PROFILE_SCHEMA, profile_schema_json([s.id for s in self.portal.schemes])),
                      (urls.REGIONS_JSON, regions),
                      (urls.OFFICE_JSON, json.dumps(office, ensure_ascii=False, sort_keys=True)),
                      (urls.OFFICE_SCHEMES_JSON, schemes_json(self.portal.schemes)),
                      (urls.OFFICE_PUBLISHED_JSON, published_json(self.portal.notices, self.root)),
                      (urls.OFFICE_HOLIDAYS_JSON, calendar_json(self.portal.calendar))]
        for src_uri, content in generated:
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"site_src/{src_uri} 与生成的同名页面冲突：请改名")
            files.append(File.generated(config, src_uri, content=content))
        # Two sources for one output file: mkdocs would keep one silently.
        seen: dict[str, str] = {}
        for file in files:
            other = seen.setdefault(file.dest_uri, file.src_uri)
            if other != file.src_uri:
                raise PluginError(f"{other} 与 {file.src_uri} 都会生成 {file.dest_uri}：请改名其中之一")
        return files

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:  # noqa: ANN001
        """Every table boxed and labelled, so that it reads on a phone (generator/plugin/tables.py)."""
        return reflow_tables(html)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._on_post_build(config)

    def _on_post_build(self, config: MkDocsConfig) -> None:
        try:
            with timing.section("bundle"):
                sizes = bundle_pyodide(self.root, Path(config.site_dir))
                # assess/sw.js: the calculator offline; assets/office/: the editor's check
                write_service_worker(Path(config.site_dir), self.root / self.config.templates)
                sizes |= bundle_office(self.root, Path(config.site_dir))
        except BundleError as exc:
            raise PluginError(str(exc)) from None
        log.info("pyodide bundle: %s", ", ".join(f"{k} {v // 1024} KiB" for k, v in sizes.items()))
        try:
            with timing.section("pagefind", external=True):
                size = index_site(self.root, Path(config.site_dir))
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None
        log.info("pagefind index: %d KiB", size // 1024)
        with timing.section("csp"):
            write_policies(Path(config.site_dir))
        with timing.section("precompress"):
            packed = precompress(Path(config.site_dir), cache=self.root / ".cache" / "precompress")
        log.info("precompressed: %d files, %d KiB", len(packed), sum(packed.values()) // 1024)
