"""Reading articles: text with a date line, HTML, JSON Lines, and every kind of bad input."""

from __future__ import annotations

import json
from datetime import date

from chunav.ingest.articles import read_article_file, read_articles


def only(path):
    items = list(read_article_file(path))
    assert len(items) == 1
    return items[0]


def test_date_line_on_its_own_line(write):
    a = only(write("a.txt", "date 2024-06-11\nThe BJP won the seat."))
    assert a.published == date(2024, 6, 11) and a.text == "The BJP won the seat."


def test_date_run_into_the_first_sentence(write):
    a = only(write("b.txt", " date 2024-06-11 The meeting of the leaders was brief."))
    assert a.published == date(2024, 6, 11)
    assert a.text == "The meeting of the leaders was brief."


def test_text_without_a_date(write):
    a = only(write("c.txt", "Shillong: The VPP won.\n\nMore text."))
    assert a.published is None and a.text.startswith("Shillong")


def test_html_main_text_title_and_date(write):
    html = ("<html><head><title>Result</title><meta property='article:published_time' "
            "content='2024-06-05'></head><body><nav>Home | States | Videos</nav><article>"
            "<h1>VPP wins Shillong</h1><p>Voice of the People Party candidate Ricky Syngkon "
            "won the Shillong seat on Tuesday, defeating Congress MP Vincent Pala by a wide "
            "margin of more than three lakh votes in the Lok Sabha election.</p><p>The "
            "party's president congratulated the voters of the hill state.</p></article>"
            "<footer>Copyright 2024 All rights reserved</footer></body></html>")
    a = only(write("d.html", html))
    assert a.published == date(2024, 6, 5)
    assert "defeating Congress MP Vincent Pala" in a.text and "Copyright" not in a.text


def test_jsonl_articles_and_bad_lines(write):
    lines = [json.dumps({"text": "The BJP won Puri.", "date": "2024-06-04", "title": "Puri",
                         "url": "https://example.org/puri", "outlet": "Example"}),
             "{not json", json.dumps({"title": "no text"}),
             json.dumps({"text": "Congress won Tura.", "date": "June 4"}), "",
             json.dumps({"text": "CPI(M) won Alathur."})]
    items = list(read_article_file(write("e.jsonl", "\n".join(lines))))
    good = [i for i in items if not hasattr(i, "code")]
    bad = {(i.line, i.code) for i in items if hasattr(i, "code")}
    assert [a.text for a in good] == ["The BJP won Puri.", "CPI(M) won Alathur."]
    assert good[0].url == "https://example.org/puri" and good[0].outlet == "Example"
    assert bad == {(2, "E134"), (3, "E134"), (4, "E135")}


def test_bad_articles_are_named_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("date 2024-06-05\nThe BJP won the Puri seat.")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (folder / "empty.txt").write_text("")
    (folder / "huge.txt").write_text("The Congress won the seat. " * 200_000)  # 5.4 MB
    (folder / "broken.html").write_text("<html><body><div><script>var x = 1;<b></div")
    (folder / "sloppy.html").write_text("<html><body><p>Congress candidate Deep Bayan filed "
                                        "his nomination for the Barpeta Lok Sabha seat on "
                                        "Tuesday, in front of hundreds of party workers.<div>")
    (folder / "latin.txt").write_bytes("Jos\xe9 won.".encode("latin-1"))
    files, errors = read_articles([folder])
    by_file = {e.file.rsplit("/", 1)[-1]: e for e in errors}
    assert set(by_file) == {"binary.txt", "empty.txt", "huge.txt", "broken.html", "latin.txt"}
    assert by_file["binary.txt"].code == "E131" and "binary" in by_file["binary.txt"].message
    assert by_file["empty.txt"].code == "E101"
    assert by_file["huge.txt"].code == "E132" and "5,399,999 characters" in str(
        by_file["huge.txt"])
    assert by_file["broken.html"].code == "E133"
    assert by_file["latin.txt"].code == "E102"
    names = sorted(a.name for group in files.values() for a in group)
    assert names == ["good", "sloppy"]  # unclosed tags around real text still read


def test_the_same_text_is_one_article(write):
    a = only(write("x.txt", "date 2024-06-05\nThe BJP won."))
    b = only(write("y.txt", "date 2024-06-05\nThe BJP won."))
    assert a.content_hash == b.content_hash


def test_two_inputs_with_one_name_never_overwrite_each_other(runner, tmp_path, data):
    """Regression: `facts d1/a.txt d2/a.txt` reported every fact but kept only the last file."""
    import json

    from chunav.cli import cli

    for folder, source in (("d1", "dev-10.txt"), ("d2", "dev-04.txt")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(
            (data / "articles" / source).read_text("utf-8"), encoding="utf-8")
    out_dir = tmp_path / "out"
    result = runner.invoke(cli, ["facts", str(tmp_path / "d1" / "a.txt"),
                                 str(tmp_path / "d2" / "a.txt"), "--out", str(out_dir)])
    assert result.exit_code == 0, result.output
    written = {p.name: p.read_text("utf-8").splitlines() for p in out_dir.iterdir()}
    assert sorted(written) == ["a.jsonl", "d2-a.jsonl"]
    total = sum(len(lines) for lines in written.values())
    assert f": {total} facts written" in result.output
    assert all(json.loads(line)["kind"] for lines in written.values() for line in lines)
