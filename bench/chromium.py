"""The headless Chromium of the tests and the benchmarks: Debian's, with background networking and other noise off,
so that what is measured or asserted is the page's own traffic and work."""

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
