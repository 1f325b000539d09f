"""The static quiz in real headless Chromium: mouse, keyboard, reload, same grades as Python.

The demo bank is written as a page with ``medialit-quiz.js`` and ``.css`` into a temporary
folder, served by ``http.server`` on 127.0.0.1; every request is recorded and any request
that leaves 127.0.0.1 fails the test (it is also blocked).
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from pathlib import Path

import pytest

import medialit.quiz as mq

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A folder with demo.html, evil.html and the quiz's JS and CSS, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("quiz-site")
    for f in mq.static_files():
        shutil.copy(f, root / f.name)
    (root / "demo.html").write_text(mq.standalone_page(mq.load_bank("demo")), encoding="utf-8")
    (root / "lesson09.html").write_text(mq.standalone_page(mq.load_bank("lesson09")), encoding="utf-8")
    evil = "<img src=x onerror=\"document.title='pwned'\">"
    bank = mq.parse_bank({"id": "evil", "title": "Evil", "lesson": 1, "questions": [
        {"id": "s", "type": "single", "prompt": evil, "explanation": f"**{evil}**",
         "options": [{"text": evil, "correct": True, "feedback": evil}, {"text": "b"}]},
        {"id": "r", "type": "reflection", "prompt": "Write"},
    ]})
    (root / "evil.html").write_text(mq.standalone_page(bank), encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser(chromium_browser):
    return chromium_browser  # shared: see tests/conftest.py


@pytest.fixture
def visit(browser, site):
    """Open a page of the site in a fresh context; checks at the end that nothing left 127.0.0.1."""
    context = browser.new_context()
    requests: list[str] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.startswith("http://127.0.0.1:"):
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)

    def open_page(name: str = "demo.html"):
        page = context.new_page()
        page.on("request", lambda req: requests.append(req.url))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.goto(site + name)
        page.wait_for_selector(".medialit-quiz[data-mq-ready]")
        return page

    yield open_page
    context.close()
    outside = [u for u in requests if not u.startswith(site)]
    assert requests and not outside, f"requests left 127.0.0.1: {outside}"
    assert not errors, errors


def question(page, qid):
    return page.locator(f'.mq-question[data-qid="{qid}"]')


def test_click_an_answer_and_see_feedback(visit):
    page = visit()
    q = question(page, "single-hedge")
    assert q.locator(".mq-feedback").inner_text() == ""
    q.get_by_label("time").check()
    q.get_by_role("button", name="Check").click()
    feedback = q.locator(".mq-feedback")
    assert feedback.get_attribute("aria-live") == "polite"
    assert "Not quite." in feedback.inner_text()
    assert "part of what is claimed" in feedback.inner_text()
    assert "Explanation:" in feedback.inner_text()
    q.get_by_label("likely").check()
    q.get_by_role("button", name="Check").click()
    assert "✔ Correct." in feedback.inner_text()
    assert "1 of 10 points" in page.locator(".mq-score").inner_text()
    q.get_by_role("button", name="Hint").click()
    assert q.locator(".mq-hint").is_visible()
    assert q.get_by_role("button", name="Hint").get_attribute("aria-expanded") == "true"


def test_answer_by_keyboard_only(visit):
    page = visit()
    q = question(page, "single-hedge")
    page.keyboard.press("Tab")  # first stop on the page: the first radio of question 1
    assert page.evaluate("document.activeElement.id").endswith("-o0")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "keyboard focus must be visible"
    page.keyboard.press("ArrowDown")  # moves to "time" and selects it: no grading on arrows
    assert q.locator(".mq-feedback").inner_text() == ""
    page.keyboard.press("ArrowUp")  # back to "likely"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check"
    page.keyboard.press("Enter")
    assert "Correct." in q.locator(".mq-feedback").inner_text()

    words = question(page, "select-boosters")
    words.locator(".mq-word").first.focus()
    page.keyboard.press("Space")  # "Clearly"
    for _ in range(4):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "certainly"
    pressed = words.locator('.mq-word[aria-pressed="true"]').all_inner_texts()
    assert pressed == ["Clearly", "certainly"]
    numeric = question(page, "numeric-paragraphs")
    numeric.get_by_label("Your answer").focus()
    page.keyboard.type("14")
    page.keyboard.press("Enter")
    assert "Correct." in numeric.locator(".mq-feedback").inner_text()


def test_reload_keeps_the_answer(visit):
    page = visit()
    q = question(page, "multiple-checks")
    q.get_by_label("Search what other outlets say about the publisher").check()
    q.get_by_role("button", name="Check").click()
    assert "Partly right: 1 of 2 points." in q.locator(".mq-feedback").inner_text()
    page.reload()
    page.wait_for_selector(".medialit-quiz[data-mq-ready]")
    q = question(page, "multiple-checks")
    assert q.get_by_label("Search what other outlets say about the publisher").is_checked()
    assert not q.get_by_label("Find the original interview the article refers to").is_checked()
    text = q.locator(".mq-feedback").inner_text()
    assert "Your saved answer is restored." in text and "Partly right" in text
    assert "1 of 10 points (1 of 6 questions checked)" in page.locator(".mq-score").inner_text()


def test_an_answer_saved_before_lesson_8_became_lesson_9_is_restored(visit):
    # An older book saved the answer under the old bank id "lesson08"; make that state, then reload.
    page = visit("lesson09.html")
    q = question(page, "next-step")
    q.get_by_label("Decide that the article is unreliable").check()
    q.get_by_role("button", name="Check").click()
    old, new = "medialit-quiz:v1:lesson08:next-step", "medialit-quiz:v1:lesson09:next-step"
    page.evaluate("([before, now]) => { localStorage.setItem(before, localStorage.getItem(now));"
                  " localStorage.removeItem(now); }", [old, new])
    page.reload()
    page.wait_for_selector(".medialit-quiz[data-mq-ready]")
    q = question(page, "next-step")
    assert q.get_by_label("Decide that the article is unreliable").is_checked()
    assert "Your saved answer is restored." in q.locator(".mq-feedback").inner_text()
    stored = page.evaluate("keys => keys.map(k => localStorage.getItem(k))", [old, new])
    assert stored[0] is None and stored[1] is not None


def test_answers_are_not_in_the_page_source(visit, site):
    page = visit()
    source = page.request.get(site + "demo.html").text()
    bank = mq.load_bank("demo")
    for q in bank.questions:
        if q.explanation:
            assert q.explanation[:40] not in source
        for o in q.options:
            assert not o.feedback or o.feedback[:20] not in source
    assert "correct" not in source.lower()


def _set_in_browser(page, q, answer):
    loc = question(page, q.id)
    if q.type == "single":
        loc.locator("input").nth(answer).check()
    elif q.type == "multiple":
        for i in answer:
            loc.locator("input").nth(i).check()
    elif q.type == "numeric":
        loc.locator("input.mq-number").fill(str(answer))
    elif q.type == "select-words":
        for i in answer:
            loc.locator(f'.mq-word[data-i="{i}"]').click()
    elif q.type == "match":
        for i, value in enumerate(answer):
            loc.locator("select").nth(i).select_option(value)
    else:
        loc.locator("textarea").fill(answer)
    loc.locator(".mq-check").click()
    return loc.locator(".mq-feedback .mq-status").inner_text()


def _words(q, *texts):
    return [i for i, w in enumerate(q.words) if w.text in texts]


def test_every_question_type_grades_as_in_python(visit):
    bank = mq.load_bank("demo")
    answers = {
        "single-hedge": 2,
        "multiple-checks": [0, 1, 3],
        "numeric-paragraphs": "13",
        "select-hedges-case-study": None,  # filled below: one hit, one false alarm run
        "select-boosters": None,
        "match-sources": ["named source", "no source", "no source"],
        "reflection-first-reading": "It wants me to believe that an alliance is coming.",
    }
    hedges = bank.question("select-hedges-case-study")
    answers["select-hedges-case-study"] = _words(hedges, "likely", "president")
    boosters = bank.question("select-boosters")
    answers["select-boosters"] = _words(boosters, "Clearly", "as", "everyone", "knows")
    page = visit()
    for q in bank.questions:
        shown = _set_in_browser(page, q, answers[q.id])
        expected = mq.grade(q, answers[q.id])
        assert re.sub(r"^\W+\s", "", shown) == expected.status, q.id
        feedback = question(page, q.id).locator(".mq-feedback").inner_text()
        for message in expected.feedback:
            assert message.replace("*", "") in feedback, (q.id, message)
    total = sum(mq.grade(q, answers[q.id]).score for q in bank.questions)
    assert f"Your score: {total:g} of 10 points" in page.locator(".mq-score").inner_text()


def test_bank_text_is_never_run_as_html(visit):
    page = visit("evil.html")
    q = question(page, "s")
    q.locator("input").first.check()
    q.locator(".mq-check").click()
    assert page.title() == "Evil"
    assert page.locator(".medialit-quiz img").count() == 0
    assert "onerror" in q.locator(".mq-feedback").inner_text()
    r = question(page, "r")
    r.locator("textarea").fill("<img src=x onerror=\"document.title='pwned'\"> my answer")
    r.locator(".mq-check").click()
    page.reload()
    page.wait_for_selector(".medialit-quiz[data-mq-ready]")
    assert page.title() == "Evil" and page.locator(".medialit-quiz img").count() == 0
    assert "my answer" in question(page, "r").locator("textarea").input_value()


def _luminance(rgb: str) -> float:
    values = [int(v) / 255 for v in re.findall(r"\d+", rgb)[:3]]
    lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_feedback_contrast_and_axe(visit):
    page = visit()
    for qid, pick in (("single-hedge", 0), ("multiple-checks", 0), ("numeric-paragraphs", None)):
        q = question(page, qid)
        if pick is None:
            q.locator("input.mq-number").fill("3")
        else:
            q.locator("input").nth(pick).check()
        q.locator(".mq-check").click()
        colours = q.locator(".mq-status").evaluate(
            "el => [getComputedStyle(el).color, getComputedStyle(el.parentElement).backgroundColor]")
        fg, bg = (_luminance(c) for c in colours)
        ratio = (max(fg, bg) + 0.05) / (min(fg, bg) + 0.05)
        assert ratio >= 4.5, (qid, colours, ratio)
    if not AXE.is_file():
        pytest.skip("tests/vendor/axe-core/axe.min.js not found")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document.querySelector('.medialit-quiz'))")
    serious = [(v["id"], len(v["nodes"])) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []


def _random_answer(rng, q):
    if q.type == "single":
        return rng.randrange(len(q.options))
    if q.type == "multiple":
        return sorted(rng.sample(range(len(q.options)), rng.randint(1, len(q.options))))
    if q.type == "numeric":
        return str(rng.choice([q.answer, q.answer + 1, q.answer - 0.5, q.answer + q.tolerance]))
    if q.type == "select-words":
        n = len(q.words)
        near = sorted({i for i, w in enumerate(q.words) for a in q.answers
                       if w.start < a.end + 20 and a.start - 20 < w.end})
        picked = rng.sample(near, min(len(near), rng.randint(1, 5))) + rng.sample(range(n), rng.randint(0, 2))
        return sorted(set(picked))
    if q.type == "match":
        return [rng.choice(q.categories) for _ in q.items]
    return " ".join(["word"] * rng.randint(1, 8))


@pytest.mark.parametrize("seed", range(4))
def test_random_answers_grade_the_same_in_browser_and_python(visit, seed):
    import random

    rng = random.Random(seed)
    bank = mq.load_bank("demo")
    page = visit()
    for q in bank.questions:
        answer = _random_answer(rng, q)
        shown = _set_in_browser(page, q, answer)
        assert re.sub(r"^\W+\s", "", shown) == mq.grade(q, answer).status, (q.id, answer)
