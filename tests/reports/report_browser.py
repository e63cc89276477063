"""Headless Chromium for the report tests and the screenshot script.

Debian's ``chromium`` driven by Playwright (never ``playwright install``). A page
is served from a fake origin by a route that answers only the report's own URL
and records (then aborts) every other request, so "no request leaves the page"
is observed, not assumed.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM_PATH = os.environ.get("FOUILLE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPORT_URL = "http://report.fouille.test/report.html"
SAMPLE_INVENTORY = Path(__file__).with_name("sample_inventory.json")
# Hostile strings planted in scanned data: none may ever run in a page we write.
PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)" x="',
    "'><svg onload=alert(1)>",
    "</style><script>alert(1)</script>",
    "</title><img src=x onerror=alert(1)>",
)


def chromium_available() -> bool:
    return Path(CHROMIUM_PATH).exists()


def launch(playwright):
    """Start Debian's Chromium headless."""
    return playwright.chromium.launch(
        executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True
    )


@dataclass
class OpenedPage:
    """A loaded report page and what happened while loading it."""

    page: object
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def open_report(
    browser, page_html: str, javascript: bool = True, viewport: dict | None = None
) -> OpenedPage:
    """Load ``page_html`` at REPORT_URL in a fresh context, recording requests and errors."""
    context = browser.new_context(
        java_script_enabled=javascript, viewport=viewport or {"width": 1280, "height": 900}
    )
    page = context.new_page()
    opened = OpenedPage(page)
    page.on("console", lambda msg: msg.type == "error" and opened.console_errors.append(msg.text))
    page.on("pageerror", lambda err: opened.page_errors.append(str(err)))

    def on_dialog(dialog):
        opened.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("request", lambda req: req.url != REPORT_URL and opened.requests.append(req.url))

    def route(route):
        if route.request.url == REPORT_URL:
            route.fulfill(status=200, body=page_html, content_type="text/html; charset=utf-8")
        else:
            route.abort()

    page.route("**/*", route)
    page.goto(REPORT_URL, wait_until="load")
    page.wait_for_timeout(150)  # let late errors, dialogs or requests surface
    return opened


_COUNT_COLOURS = """async (b64) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + b64;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width; canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const colours = new Set();
  let nonWhite = 0;
  for (let i = 0; i < data.length; i += 4) {
    colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) nonWhite += 1;
  }
  return {colours: colours.size, nonWhite: nonWhite / (data.length / 4)};
}"""


def pixel_variety(browser, png: bytes) -> dict:
    """Distinct colours and share of non-white pixels in a PNG, decoded by the browser."""
    page = browser.new_page()
    try:
        return page.evaluate(_COUNT_COLOURS, base64.b64encode(png).decode("ascii"))
    finally:
        page.close()
