"""Headless Chromium through selenium, for the review page's browser test and its screenshot.

selenium is a development dependency: it is imported only when a browser is started.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

CHROME_ARGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run")
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
DRIVER_NAME = "chromedriver"


def find_browser() -> tuple[str, str] | str:
    """``(browser, driver)`` paths, or the reason why a headless browser cannot be started."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    browser = next((p for p in map(shutil.which, CHROMIUM_NAMES) if p), None)
    if browser is None:
        return f"no Chromium on PATH (looked for {', '.join(CHROMIUM_NAMES)})"
    driver = shutil.which(DRIVER_NAME)
    if driver is None:
        return f"no {DRIVER_NAME} on PATH (Debian: apt-get install chromium-driver)"
    return browser, driver


def start_chrome(user_data_dir: Path, width: int = 1280, height: int = 900) -> Any:
    """A headless Chromium WebDriver with a fresh profile in ``user_data_dir``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = find_browser()
    if isinstance(found, str):
        raise RuntimeError(found)
    browser, driver = found
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in CHROME_ARGS:
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={user_data_dir}")
    options.add_argument(f"--window-size={width},{height}")
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)
