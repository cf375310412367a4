"""The web UI in a real browser: Debian's headless Chromium driven by Playwright, against the
real server (tests/serving.py). Screenshots of the main pages go to test-artifacts/ (not
committed).

Chromium must be installed (``.ci/chromium.sh`` installs it; ``.ci/run`` calls it): without it
these tests fail, unless CHUNAV_SKIP_BROWSER=1 says to skip them on this machine.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from serving import Served, served, served_issue8  # noqa: F401  (the fixtures)

CHROMIUM = os.environ.get("CHUNAV_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).parent.parent / "test-artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CHUNAV_SKIP_BROWSER") == "1":
            pytest.skip(f"no {CHROMIUM} and CHUNAV_SKIP_BROWSER=1")
        pytest.fail(f"no Chromium at {CHROMIUM}: run .ci/chromium.sh (or set "
                    "CHUNAV_SKIP_BROWSER=1 to skip the browser tests on this machine)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, served: Served):  # noqa: F811
    """A fresh page whose script errors fail the test."""
    yield from _page(browser, served)


@pytest.fixture
def page8(browser, served_issue8: Served):  # noqa: F811
    """A fresh page on the rebels and timeline test data."""
    yield from _page(browser, served_issue8)


def _page(browser, served: Served):  # noqa: F811
    context = browser.new_context(base_url=served.url, viewport={"width": 1100, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda err: errors.append(str(err)))
    yield pg
    context.close()
    assert not errors, errors


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_search_a_misspelt_seat_see_its_chart_and_click_through_to_the_winner(page):
    page.goto("/")
    shot(page, "search")
    page.fill("main input[name=q]", "Ladak")
    page.press("main input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Ladak")
    page.click("li.hit.constituency a:text-is('Ladakh')")
    page.wait_for_selector("#chart svg")
    assert page.inner_text("h1").startswith("Ladakh")
    assert page.inner_text("#result") == "Lok Sabha 2024"
    assert page.inner_text("#margin") == "27,862"
    # the chart: one bar per candidate, drawn as SVG paths by Vega
    bars = page.locator("#chart svg g.mark-rect path")
    assert bars.count() == page.locator("#results tbody tr").count() >= 3
    assert "Mohmad Haneefa" in page.inner_text("#chart")
    assert page.locator("#history tbody tr").count() == 4
    shot(page, "constituency")
    page.click("a.winner")
    page.wait_for_url("**/persons/*")
    assert page.inner_text("h1") == "Mohmad Haneefa"
    assert "Lok Sabha 2024" in page.inner_text("#records")
    shot(page, "person")


def test_search_a_person_by_part_of_the_name(page):
    page.goto("/search?q=haneefa")
    page.click("li.hit.person a")
    assert page.inner_text("h1") == "Mohmad Haneefa"
    assert "Mohmad Haneefa" in page.inner_text("#names")


def test_an_election_is_chosen_and_its_chart_redrawn(page):
    page.goto("/constituencies/Ladakh")
    page.select_option("#election", "Lok Sabha 2009")
    page.click("form.inline button")
    page.wait_for_selector("#chart svg g.mark-rect path")
    assert page.inner_text("#result") == "Lok Sabha 2009"
    assert "Hassan Khan" in page.inner_text("#chart")


def test_a_script_inside_an_article_never_runs(page):
    page.goto("/events")
    sentence = page.locator("blockquote.sentence", has_text="met National Conference")
    assert "<script>window.__pwned = 1;" in sentence.inner_text()  # shown as text
    shot(page, "events")
    page.click("li.event:has-text('MEET') .src a:first-child")
    page.wait_for_url("**/articles/*")
    text = page.inner_text("#article-text")
    assert "<script>" in text and '<img src=x onerror="window.__pwned = 2">' in text
    assert "<script>" in page.inner_text("h1")  # the title too
    for path in ("/events", "/events?person=Haneefa", page.url):
        page.goto(path)
        assert page.evaluate("window.__pwned") is None, path
        assert page.title() != "pwned", path
        assert page.locator("main script, main img").count() == 0, path


def test_conflicts_page(page):
    page.goto("/conflicts")
    assert page.inner_text("h1") == "Numbers where sources disagree"
    assert page.locator("h2").count() == 3


def test_from_a_seat_to_its_winners_timeline_and_a_source_sentence_in_its_article(page8):
    page8.goto("/constituencies/Nalagarh")
    assert page8.inner_text("#result") == "Himachal Pradesh Assembly 2022"
    page8.click("a.winner")
    page8.wait_for_url("**/persons/*")
    assert page8.inner_text("h1") == "KULDEEP SINGH RANA"
    rebel = page8.locator("#timeline tr.membership", has_text="rebel of Indian National")
    assert rebel.locator("td.date").inner_text() == "2022-10-22"
    sentence = rebel.locator("blockquote.sentence")
    assert "rebel Congress leader" in sentence.inner_text()
    won = page8.locator("#timeline tr.candidacy", has_text="Lok Sabha 2024")
    assert "5,20,202" in won.inner_text() and "results.csv, line 11" in won.inner_text()
    congress = page8.locator("#memberships tr", has_text="Indian National Congress")
    assert "2022-11-05 (resigned)" in congress.inner_text()
    shot(page8, "timeline")
    opening = sentence.inner_text()[:40]
    rebel.locator(".src a").click()
    page8.wait_for_url("**/articles/*#at-*")
    fragment = page8.url.rsplit("#", 1)[1]  # the sentence, highlighted in its article
    assert page8.inner_text(f"mark#{fragment}").startswith(opening)
    assert "a rebel Congress leader" in page8.inner_text("#article-text")


def test_as_of_a_day_the_timeline_stops_there(page8):
    page8.goto("/search?q=Kuldeep Rana")
    page8.click("li.hit.person a")
    page8.fill("input[name=as_of]", "2020-01-01")
    page8.click("form.inline button")
    page8.wait_for_url("**as_of=2020-01-01")
    assert page8.locator("#timeline tbody tr").count() == 2
    assert "in force" in page8.inner_text("#memberships")


def test_the_rebels_page_lists_a_rebel_with_his_tie_and_an_election_is_picked(page8):
    page8.goto("/")
    page8.click("nav a:text-is('Rebels')")
    page8.wait_for_url("**/rebels")
    row = page8.locator("#rebels tr.rebel")
    assert row.count() == 1 and "MOHD YASEEN WANI" in row.inner_text()
    assert "Rebel National Conference leader" in row.locator("blockquote").inner_text()
    assert "TSEWANG NORBU" in row.inner_text()
    shot(page8, "rebels")
    page8.select_option("#election", "Himachal Pradesh Assembly 2022")
    page8.click("form.inline button")
    page8.wait_for_url("**election=Himachal*")
    assert "KULDEEP SINGH RANA" in page8.inner_text("#rebels")
    page8.click("#rebels td a:text-is('KULDEEP SINGH RANA')")
    assert page8.inner_text("h1") == "KULDEEP SINGH RANA"


def test_precedents_from_the_constituency_page(page8):
    page8.goto("/constituencies/Tulail")
    page8.click("#precedents-link")
    page8.wait_for_url("**/precedents/Tulail?election=*")
    assert "MOHD YASEEN WANI" in page8.inner_text("#pattern")
    rows = page8.locator("#precedents tbody tr")
    assert rows.count() == 4 and "same seat" in rows.first.inner_text()
    assert "Lok Sabha 2014" in page8.inner_text("#missing")


def test_a_party_and_an_alliance(page8):
    page8.goto("/orgs/National Conference")
    assert page8.inner_text("h1") == "Jammu & Kashmir National Conference"
    assert "MOHD YASEEN WANI" in page8.inner_text("#members")
    page8.goto("/orgs/INDIA")
    assert page8.inner_text("h1") == "Indian National Developmental Inclusive Alliance"
    nc = page8.locator("table.partners tr", has_text="Jammu & Kashmir National Conference")
    assert "Jammu & Kashmir, Ladakh" in nc.inner_text()
    assert "Indian National Congress" in page8.locator("#seats tr", has_text="Ladakh").first \
        .inner_text()
    shot(page8, "alliance")
