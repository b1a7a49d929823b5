"""Headless Chromium for the site's tests and screenshots: Debian's /usr/bin/chromium
driven through /usr/bin/chromedriver, so Selenium Manager never downloads anything."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1200,900")


def available() -> bool:
    return CHROMIUM.is_file() and CHROMEDRIVER.is_file()


def chromium(profile: Path):  # type: ignore[no-untyped-def]
    """A fresh headless browser with its own profile folder (the caller removes it) and
    browser log."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
