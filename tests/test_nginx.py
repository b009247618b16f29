"""The site as deployed: deploy/nginx.conf serving the build, with the generated CSP as a
header. Every page type works under the policy, and no request leaves the site."""

from __future__ import annotations

import gzip
import json
import urllib.request

import pytest

PAGES = [
    "", "compare/", "profile/", "about/", "office/", "notices/", "winners/", "winners/2024/",
    "notices/haizhou-quality-award/2024/",
    "notices/yancheng-mayor-quality-award/2026/2026-06-30-winners/",
    *[f"schemes/suzhou-quality-award/{p}" for p in ("", "eligibility/", "process/", "scoring/", "materials/",
                                                     "notices/", "forms/", "contacts/", "obligations/", "source/")],
    "schemes/jiangsu-quality-credit/scoring/",
]


def fetch(url: str, gzip_ok: bool = False, accept: str | None = None) -> tuple[int, dict, bytes]:
    encoding = accept or ("gzip" if gzip_ok else None)
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, b""


def test_headers_types_compression_and_caching(nginx, site):
    status, headers, _ = fetch(nginx)
    assert status == 200
    policies = json.loads((site / "_deploy" / "csp.json").read_text())
    assert headers["content-security-policy"] == policies["default"]
    assert "wasm-unsafe-eval" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    _, headers, _ = fetch(nginx + "assess/")
    assert headers["content-security-policy"] == policies["/assess/"]
    _, headers, _ = fetch(nginx + "search/")
    assert headers["content-security-policy"] == policies["/search/"]
    _, headers, _ = fetch(nginx + "compare/")
    assert "wasm-unsafe-eval" not in headers["content-security-policy"]
    pyodide = next((site / "assets" / "pyodide").iterdir()).name
    _, headers, body = fetch(f"{nginx}assets/pyodide/{pyodide}/pyodide.asm.wasm", gzip_ok=True)
    assert headers["content-type"] == "application/wasm"
    assert headers["content-encoding"] == "gzip" and "immutable" in headers["cache-control"]
    raw = (site / "assets" / "pyodide" / pyodide / "pyodide.asm.wasm").read_bytes()
    assert gzip.decompress(body) == raw and len(body) < 0.5 * len(raw)
    _, headers, _ = fetch(f"{nginx}assets/pyodide/{pyodide}/pyodide.mjs")
    assert headers["content-type"].startswith("text/javascript")
    _, headers, _ = fetch(nginx + "feeds/notices.atom")
    assert headers["content-type"].startswith("application/atom+xml")
    assert fetch(nginx + "_deploy/csp.json")[0] == 403
    assert fetch(nginx + "no/such/page/")[0] == 404


def test_security_headers_on_every_response(nginx, site):
    """Issue 9: Referrer-Policy and Permissions-Policy were declared but dropped wherever a location
    added a header of its own (pages, assets): now every response carries all of them."""
    pyodide = next((site / "assets" / "pyodide").iterdir()).name
    jx = "notices/jiaxing-mayor-quality-award/2026/2026-11-20-proposed-winners/"
    for path in ["", "assess/", "schemes/suzhou-quality-award/eligibility/", "feeds/notices.atom",
                 "data/schemes.json", f"assets/pyodide/{pyodide}/pyodide.asm.wasm", "no/such/page/",
                 jx, jx + "2026-11-20-proposed-winners-summary.csv"]:
        _, headers, _ = fetch(nginx + path)
        assert headers.get("referrer-policy") == "no-referrer", path
        assert "camera=()" in headers.get("permissions-policy", ""), path
        assert headers.get("x-content-type-options") == "nosniff", path
        assert headers.get("content-security-policy"), path
        assert "cache-control" in headers, path
    _, headers, _ = fetch(nginx + jx + "2026-11-20-proposed-winners-summary.csv")
    assert headers["content-disposition"] == "attachment"
    _, headers, _ = fetch(nginx + jx)
    assert "content-disposition" not in headers


def test_large_assets_are_served_precompressed(nginx, site):
    """The 9.6 MB wasm is gzipped once at build time and sent as is (gzip_static), not per request."""
    pyodide = next((site / "assets" / "pyodide").iterdir()).name
    wasm = site / "assets" / "pyodide" / pyodide / "pyodide.asm.wasm"
    packed = wasm.with_name(wasm.name + ".gz")
    assert packed.is_file() and packed.stat().st_size < 0.45 * wasm.stat().st_size
    _, headers, body = fetch(f"{nginx}assets/pyodide/{pyodide}/pyodide.asm.wasm", gzip_ok=True)
    assert headers["content-encoding"] == "gzip" and body == packed.read_bytes()
    _, headers, body = fetch(f"{nginx}assets/pyodide/{pyodide}/pyodide.asm.wasm")
    assert "content-encoding" not in headers and body == wasm.read_bytes()


def test_brotli_copies_are_served_to_browsers_that_accept_them(nginx, site):
    """A browser sends "gzip, deflate, br, zstd": it gets the build's brotli copy (brotli_static), byte for byte."""
    folder = next((site / "assets" / "pyodide").iterdir())
    for name in ("pyodide.asm.wasm", "engine.zip"):
        _, headers, body = fetch(f"{nginx}assets/pyodide/{folder.name}/{name}", accept="gzip, deflate, br, zstd")
        assert headers["content-encoding"] == "br" and body == (folder / f"{name}.br").read_bytes()
    _, headers, _ = fetch(f"{nginx}assets/pyodide/{folder.name}/engine.zip", accept="gzip")
    assert headers["content-encoding"] == "gzip" and headers["cache-control"] == "no-cache"


@pytest.mark.browser
def test_every_page_type_works_under_the_policy(browser, nginx):
    context = browser.new_context()
    context.add_init_script("""window.__csp = [];
        document.addEventListener('securitypolicyviolation',
            e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));""")
    outside: list[str] = []
    context.on("request", lambda r: None if r.url.startswith(nginx) else outside.append(r.url))
    errors: list[str] = []
    for path in PAGES:
        page = context.new_page()
        page.on("pageerror", lambda e, path=path: errors.append(f"{path}: {e}"))
        page.goto(nginx + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__csp") == [], path
        page.close()
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(f"search: {e}"))
    page.goto(nginx + "search/?q=%E9%A6%96%E5%B8%AD%E8%B4%A8%E9%87%8F%E5%AE%98")  # 首席质量官
    page.locator(".pagefind-ui__result-link").first.wait_for(state="attached", timeout=20000)
    assert page.evaluate("window.__csp") == []
    page.close()
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(f"assess: {e}"))
    page.goto(nginx + "assess/")
    page.get_by_text("计算引擎已就绪").wait_for(timeout=60000)
    # A locator, not wait_for_function: its polling may evaluate the predicate with eval(), which this page's policy
    # (rightly) forbids; it failed that way once in eleven runs.
    page.locator("#qp-assess[data-result-id]:not([data-result-id=''])").wait_for(state="attached", timeout=60000)
    assert page.evaluate("window.__csp") == []
    context.close()
    assert errors == [] and outside == []


def gitlab_script(root) -> list[str]:
    import yaml

    return yaml.safe_load((root / ".gitlab-ci.yml").read_text())["test"]["script"]


def test_ci_workflows_validate_publish_and_rebuild_daily():
    import yaml

    from generator import ROOT

    github = yaml.safe_load((ROOT / ".github" / "workflows" / "portal.yml").read_text())
    triggers = github[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    minute, hour, *every = triggers["schedule"][0]["cron"].split()
    assert every == ["*", "*", "*"] and (int(hour) + 8) % 24 == 0 and int(minute) <= 15  # daily, just after 00:00 China
    steps = [s.get("run", "") for s in github["jobs"]["publish"]["steps"]]
    # The build and the seal count the day of the run in China, not the commit's day (which never moves on).
    day = "SOURCE_DATE_EPOCH=$(date -d \"$(TZ=Asia/Shanghai date +%F) 00:00 +0800\" +%s)"
    build = next(n for n, s in enumerate(steps) if "./dev build --production" in s)
    assert any(day in s for s in steps[:build]) and not any("git log" in s for s in steps)
    assert any(day in s for s in yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())["publish"]["script"])
    assert github["jobs"]["publish"]["needs"] == "test"
    # Checked against the ledger as published; the publish job seals what it published.
    checks = " ".join(s.get("run", "") for s in github["jobs"]["test"]["steps"])
    assert "./dev check --ledger-base" in checks
    assert any("generator seal" in s and "git push" in s for s in steps)
    assert any("--ledger-base" in s for s in gitlab_script(ROOT)) and any(
        "generator seal" in s for s in yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())["publish"]["script"])
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    assert "./dev test" in gitlab["test"]["script"]
    assert any(r.get("if") == '$CI_PIPELINE_SOURCE == "schedule"' for r in gitlab["publish"]["rules"])
    assert any("--production" in s for s in gitlab["publish"]["script"])


def test_attachments_are_downloads_whatever_the_case_of_their_extension(nginx, site):
    """Issue 24: the map was case-sensitive, so SUMMARY.PDF was shown inline on the portal's origin."""
    folder = site / "notices" / "haizhou-quality-award" / "2026" / "case-test"
    folder.mkdir(parents=True)
    try:
        for name in ("SUMMARY.PDF", "summary.Pdf", "LIST.XLSX", "list.Csv", "PHOTO.JPG", "summary.pdf"):
            (folder / name).write_bytes(b"%PDF-1.4\n")
            _, headers, _ = fetch(f"{nginx}notices/haizhou-quality-award/2026/case-test/{name}")
            assert headers.get("content-disposition") == "attachment", name
    finally:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
