"""The site in a real browser: headless Chromium from Debian's packages (scripts/setup.sh
installs them), driven by Selenium through /usr/bin/chromedriver, checked with axe-core
(axe-selenium-python ships it). Skipped only when /usr/bin/chromium is absent."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph

from tests.browser import CHROMIUM, available, chromium

pytestmark = pytest.mark.skipif(
    not available(), reason=f"{CHROMIUM} (Debian's chromium, chromium-driver) is not installed")

LENIN = "https://w3id.org/kgbuild/id/person/vladimir-lenin"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    driver = chromium(tmp_path_factory.mktemp("chromium-profile"))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def errors(driver: object) -> list[dict[str, object]]:
    """The browser console's errors since last asked."""
    return [entry for entry in driver.get_log("browser")  # type: ignore[attr-defined]
            if entry["level"] == "SEVERE"]


def test_search_a_name_open_the_page_follow_a_mention_to_its_span(
    browser: object, served: str, site: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    driver.get(served + "/")  # type: ignore[attr-defined]
    box = driver.find_element(By.ID, "q")  # type: ignore[attr-defined]
    box.send_keys("Lenin")
    wait = WebDriverWait(driver, 10)
    link = wait.until(ready.element_to_be_clickable((By.LINK_TEXT, "Vladimir Lenin")))
    link.click()
    wait.until(ready.title_contains("Vladimir Lenin"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Vladimir Lenin"  # type: ignore[attr-defined]
    mention = driver.find_element(By.CSS_SELECTOR, "ol.mentions li a")  # type: ignore[attr-defined]
    href = mention.get_attribute("href")
    anchor = href.rsplit("#", 1)[1]
    mention.click()
    wait.until(ready.url_contains("/document/"))
    mark = driver.find_element(By.ID, anchor)  # type: ignore[attr-defined]
    assert mark.tag_name == "mark"
    evidence = Graph().parse(site / "person" / "vladimir-lenin.nt")
    exact = {str(row[0]) for row in evidence.query(
        "PREFIX oa: <http://www.w3.org/ns/oa#> SELECT ?exact WHERE { "
        f"<https://w3id.org/kgbuild/id/annotation/{anchor[2:]}> oa:hasTarget/oa:hasSelector ?q ."
        " ?q oa:exact ?exact }")}
    assert exact == {mark.get_attribute("textContent")}
    assert mark.find_element(By.TAG_NAME, "a").get_attribute("href").endswith(
        "/person/vladimir-lenin/")
    assert errors(driver) == []


def test_the_charts_have_drawn_elements(browser: object, served: str) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    for page, shapes in (("timeline", "svg.timeline circle"), ("network", "svg.network circle")):
        driver.get(f"{served}/{page}/")  # type: ignore[attr-defined]
        drawn = driver.find_elements(By.CSS_SELECTOR, shapes)  # type: ignore[attr-defined]
        assert len(drawn) > 10, page
        box = driver.find_element(By.CSS_SELECTOR, "svg").rect  # type: ignore[attr-defined]
        assert box["width"] > 500 and box["height"] > 200, page
    assert errors(driver) == []


def test_the_embedded_json_ld_is_the_page_s_json_ld_file(
    browser: object, served: str, site: Path
) -> None:
    """What the browser reads from the page's <script type="application/ld+json">."""
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(served + "/person/vladimir-lenin/")  # type: ignore[attr-defined]
    script = driver.find_element(  # type: ignore[attr-defined]
        By.CSS_SELECTOR, 'script[type="application/ld+json"]')
    embedded = json.loads(script.get_attribute("textContent"))
    assert embedded == json.loads((site / "person" / "vladimir-lenin.jsonld").read_text("utf-8"))
    assert any(node["@id"] == LENIN for node in embedded["@graph"])
    assert re.search(r"Vladimir Lenin", driver.title)  # type: ignore[attr-defined]


def test_every_page_of_the_site_passes_axe(browser: object, served: str, site: Path) -> None:
    """Every page of the bundled text's site (index, listings, entities, their pages per
    document, the document, timeline, network) has no axe-core violation and logs no
    console error."""
    from axe_selenium_python import Axe

    driver = browser
    found = {}
    for page in sorted(site.rglob("*.html")):
        path = "/" + page.relative_to(site).as_posix().removesuffix("index.html")
        driver.get(served + path)  # type: ignore[attr-defined]
        axe = Axe(driver)
        axe.inject()
        if violations := axe.run()["violations"]:
            found[path] = sorted(v["id"] for v in violations)
    assert found == {}
    assert errors(driver) == []
