"""The seeds' HTML report in a real browser: headless Chromium at phone and desktop widths, checked with axe-core.

Needs Debian's ``chromium`` and ``chromium-driver`` (``apt-get install chromium chromium-driver``)
and the test extras (selenium, axe-core-python); skipped with the reason when one is missing.
Screenshots are saved as test artefacts: in ``$FRAMING_SCREENSHOTS`` when set, else in
pytest's temporary folder (printed with ``-rA``).  The report itself has no script: axe is
injected by the test through WebDriver.
"""

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.report import html as report_html

pytestmark = pytest.mark.slow

WIDTHS = (390, 1280)
BLOCKING = ("serious", "critical")


def _browser_missing() -> str:
    for program in ("chromium", "chromedriver"):
        if shutil.which(program) is None:
            return f"{program} is not installed (apt-get install chromium chromium-driver)"
    try:
        import axe_core_python  # noqa: F401
        import selenium  # noqa: F401
    except ImportError as error:
        return f"{error.name} is not installed (pip install -e '.[test]')"
    return ""


missing = _browser_missing()
if missing:
    pytest.skip(f"browser tests need Chromium and its driver: {missing}", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium")
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def reports(tmp_path_factory, seeds_dir):
    """The seeds report as one page, and split into one page per outlet."""
    folder = tmp_path_factory.mktemp("browser")
    for name, limit in (("one", report_html.ONE_PAGE_ARTICLES), ("split", 2)):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(report_html, "ONE_PAGE_ARTICLES", limit)
            result = CliRunner().invoke(main, ["report", str(seeds_dir), "--out", str(folder / name), "--jobs", "1",
                                               "--format", "html"])
        assert result.exit_code == 0, result.output
    return folder


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("FRAMING_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_at_width(driver, page: Path, width: int) -> None:
    """Load ``page`` with a viewport exactly ``width`` CSS pixels wide."""
    driver.set_window_size(width, 900)
    driver.get(page.as_uri())
    inner = driver.execute_script("return window.innerWidth")
    if inner != width:  # the window's frame takes some pixels: widen the window by as many
        driver.set_window_size(2 * width - inner, 900)
        driver.get(page.as_uri())
    assert driver.execute_script("return window.innerWidth") == width


def overflowing(driver) -> list[str]:
    """Elements sticking out to the right of the viewport (outside boxes that scroll on purpose)."""
    return driver.execute_script("""
        return Array.from(document.querySelectorAll('body *'))
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !e.closest('.table-wrap')
                         && e.getClientRects().length)
            .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className);""")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", ["one/report.html", "split/report.html", "split/rt.html"])
def test_nothing_overflows_and_a_screenshot_is_saved(browser, reports, screenshots, page, width):
    open_at_width(browser, reports / page, width)
    scroll_width = browser.execute_script("return document.documentElement.scrollWidth")
    assert scroll_width <= width, overflowing(browser)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    name = page.replace("/", "_").replace(".html", "")
    browser.save_screenshot(str(screenshots / f"{name}_{width}.png"))
    browser.set_window_size(browser.get_window_size()["width"], min(height, 8000))
    browser.save_screenshot(str(screenshots / f"{name}_{width}_full.png"))
    assert (screenshots / f"{name}_{width}.png").stat().st_size > 1000


@pytest.mark.parametrize("page", ["one/report.html", "split/rt.html"])
def test_axe_finds_no_serious_violation(browser, reports, page):
    from axe_core_python.selenium import Axe

    open_at_width(browser, reports / page, 1280)
    results = Axe().run(browser)
    blocking = [f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])}×, e.g. {v['nodes'][0]['target']})"
                for v in results["violations"] if v["impact"] in BLOCKING]
    assert blocking == []
    assert results["passes"], "axe ran its checks"


def test_the_page_runs_no_script_even_in_the_browser(browser, reports):
    open_at_width(browser, reports / "one" / "report.html", 1280)
    assert browser.execute_script("return document.scripts.length") == 0
    assert browser.execute_script("return document.documentElement.lang") == "en"
    marks = browser.execute_script(
        "return Array.from(document.querySelectorAll('article mark.term')).map(m => m.textContent)")
    assert {"reunification", "annexation"} <= set(marks)


def test_keyboard_focus_is_visible(browser, reports):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    open_at_width(browser, reports / "one" / "report.html", 1280)
    ActionChains(browser).send_keys(Keys.TAB).perform()
    outline = browser.execute_script("""const e = document.activeElement;
        return [e.className, getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth];""")
    assert outline == ["skip", "solid", "3px"]


def test_printed_pages_drop_the_navigation_and_print_the_links(browser, reports):
    open_at_width(browser, reports / "split" / "the-moscow-times.html", 1280)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = browser.execute_script("""return ['header.pages', '.toc-wide', '.toc-narrow'].map(
            s => getComputedStyle(document.querySelector(s)).display);""")
        printed = browser.execute_script("""const a = document.querySelector('main a[href^="http"]');
            return [a.getAttribute('href'), getComputedStyle(a, '::after').content];""")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert hidden == ["none", "none", "none"]
    assert printed[0].startswith("http") and printed[0] in printed[1]  # the address follows the link
