"""Screenshot of the review page (``docs/review.png`` in the README).

``python scripts/review_screenshot.py [--file PATH] [--out docs/review.png]`` renders the page of
one minutes file (default: the third corpus document in ``../shared/corpus``) in headless
Chromium, hovers a date nested inside other records so the tooltip shows, and saves a PNG.
Needs selenium (dev extra), ``chromium`` and ``chromedriver``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.analyst.review import ReviewError, load, render_review  # noqa: E402
from pipeline.analyst.review_browser import start_chrome  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"

# The first date inside two or more other highlights (else the deepest), so the tooltip shows
# how records nest.
_PICK = """
const depth = m => { let n = 0; while ((m = m.parentElement.closest('mark.rv'))) n++; return n; };
let best = null, most = -1;
for (const m of document.querySelectorAll('#doc mark.rv[data-kind="date"]')) {
  const d = depth(m);
  if (d >= 2) return m;
  if (d > most) { best = m; most = d; }
}
return best;
"""


def main(argv: list[str] | None = None) -> int:
    """Write the screenshot; exit 3 when the file gives no records."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    default = next(iter(sorted(CORPUS.glob("003_*.pdf"))), None)
    parser.add_argument("--file", default=default, required=default is None)
    parser.add_argument("--out", default=ROOT / "docs" / "review.png", type=Path)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args(argv)
    try:
        document, extraction = load(args.file)
    except ReviewError as exc:
        print(f"review_screenshot: {exc}", file=sys.stderr)
        return 3
    from selenium.webdriver.common.action_chains import ActionChains

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "review.html"
        page.write_text(render_review(document, extraction), encoding="utf-8")
        driver = start_chrome(Path(tmp) / "profile", args.width, args.height)
        try:
            driver.get(page.as_uri())
            mark = driver.execute_script(_PICK)
            if mark is not None:
                driver.execute_script(
                    "const r = arguments[0].getBoundingClientRect();"
                    "if (r.bottom > innerHeight * 0.55) scrollBy(0, r.top - innerHeight * 0.4);",
                    mark)
                ActionChains(driver).move_to_element(mark).perform()
            args.out.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(args.out))
        finally:
            driver.quit()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
