"""Render the sample inventory and save docs/report-screenshot.png (and the page itself).

Run: /tmp/venv/bin/python tests/reports/make_screenshot.py [--lang fr|en] [--html OUT.html]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from playwright.sync_api import sync_playwright
from report_browser import SAMPLE_INVENTORY, launch, open_report

from fouille.reports.html import render_report

REPO = Path(__file__).resolve().parents[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="fr", choices=["fr", "en"])
    parser.add_argument("--out", default=str(REPO / "docs" / "report-screenshot.png"))
    parser.add_argument("--html", help="also write the rendered page here")
    parser.add_argument("--inventory", default=str(SAMPLE_INVENTORY),
                        help="inventory.json to render (e.g. the demo scan's)")
    parser.add_argument("--height", type=int, default=1800, help="height of the captured top part")
    args = parser.parse_args()

    page_html = render_report(json.loads(Path(args.inventory).read_text(encoding="utf-8")), args.lang)
    if args.html:
        Path(args.html).write_text(page_html, encoding="utf-8")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        opened = open_report(browser, page_html, viewport={"width": 1280, "height": args.height})
        opened.page.screenshot(path=args.out, full_page=False)
        browser.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
