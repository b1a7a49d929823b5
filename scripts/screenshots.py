"""The README's screenshots of the site: index, an entity, a document, the timeline and
the network, taken in headless Chromium (tests/browser.py) at 1200 px wide.

    .venv/bin/kgbuild site --out /tmp/site && .venv/bin/python scripts/screenshots.py /tmp/site
"""

from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import chromium  # noqa: E402

from kgbuild.site.serve import make_server  # noqa: E402

PAGES = {
    "index": "/",
    "entity": "/person/vladimir-lenin/",
    "document": "/dataset/concerning-questions-of-leninism/document/"
                "concerning-questions-of-leninism/#section-3",
    "timeline": "/timeline/",
    "network": "/network/",
}


def main() -> None:
    server = make_server(Path(sys.argv[1]), 0, verbose=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    profile = tempfile.TemporaryDirectory(prefix="kgbuild-chromium-")
    driver = chromium(Path(profile.name))
    try:
        driver.set_window_size(1200, 800)
        for name, path in PAGES.items():
            driver.get(base + path)
            if name == "document":  # the chapter heading under the top edge
                driver.execute_script("window.scrollBy(0, -20)")
            driver.save_screenshot(str(ROOT / "docs" / "screenshots" / f"{name}.png"))
    finally:
        driver.quit()
        server.shutdown()
        profile.cleanup()


if __name__ == "__main__":
    main()
