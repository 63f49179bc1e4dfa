import pytest

from aligner.errors import InputError
from aligner.sources import pick_sides, read_source
from aligner.sources.combined import read_blocks

EN = "The minister met the ambassador on Monday.\nThey discussed trade."
AR = "التقى الوزير السفير يوم الاثنين.\nوناقشا التجارة."


def test_languages_come_from_the_script_not_the_order():
    for text in (f"{EN}\n{AR}\n", f"{AR}\n{EN}\n"):
        blocks = read_blocks(text, "f.txt")
        assert sorted(b.lang for b in blocks) == ["ar", "en"]
        for b in blocks:
            assert (b.content.strip() in (EN, AR))


def test_url_line_and_digit_only_lines():
    text = f"https://example.org/news/1\n{EN}\n2024\n{AR}\n"
    blocks = read_blocks(text, "f.txt")
    assert [b.lang for b in blocks] == ["en", "ar"]
    assert "https" not in blocks[0].content
    assert blocks[0].content.endswith("2024")  # a line without letters stays with its block


def test_original_side_is_arabic_by_default(tmp_path):
    path = tmp_path / "combined.txt"
    path.write_text(f"{EN}\n{AR}\n", encoding="utf-8")
    src, tgt = pick_sides(read_source([str(path)]), None, None)
    assert (src.lang, tgt.lang) == ("ar", "en")


def test_src_lang_override(tmp_path):
    path = tmp_path / "combined.txt"
    path.write_text(f"{AR}\n{EN}\n", encoding="utf-8")
    src, tgt = pick_sides(read_source([str(path)]), "en-US", None)
    assert (src.lang, tgt.lang) == ("en", "ar")


def test_interleaved_languages_are_an_input_error():
    with pytest.raises(InputError, match="interleaved"):
        read_blocks(f"{EN}\n{AR}\n{EN}\n", "f.txt")


@pytest.mark.parametrize("arabic", [
    "التقى الوزير السفير يوم الاثنين.\n(AFP)\nوناقشا التجارة.",    # a credit inside
    "التقى الوزير السفير يوم الاثنين.\nوناقشا التجارة.\nElbrus Kutrashev",  # a name at the end
], ids=["credit-inside", "name-at-end"])
def test_a_short_line_in_the_other_script_stays_in_its_block(arabic):
    # A credit or a name in Latin letters inside the Arabic is not a second English block.
    text = f"{EN}\n\n{arabic}\n"
    blocks = read_blocks(text, "f.txt")
    assert [(b.lang, b.content) for b in blocks] == [("en", EN), ("ar", arabic)]


def test_a_short_line_before_the_first_block_joins_it():
    text = f"Reuters\n{AR}\n{EN}\n"
    blocks = read_blocks(text, "f.txt")
    assert [(b.lang, b.content) for b in blocks] == [("ar", "Reuters\n" + AR), ("en", EN)]


def test_interleaved_full_sentences_are_still_an_input_error():
    one_line = "The minister met the ambassador on Monday."
    with pytest.raises(InputError, match="interleaved"):
        read_blocks(f"{AR}\n{one_line}\n{AR}\n{EN}\n", "f.txt")


def test_parallel_files_in_any_order(tmp_path):
    ar, en = tmp_path / "a.txt", tmp_path / "b.txt"
    ar.write_text(AR, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    for order in ([en, ar], [ar, en]):
        source = read_source([str(p) for p in order])
        src, tgt = pick_sides(source, None, None)
        assert src.file == str(ar) and tgt.file == str(en)


def test_parallel_files_in_the_same_language(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(EN, encoding="utf-8")
    b.write_text(EN, encoding="utf-8")
    with pytest.raises(InputError, match="same language"):
        read_source([str(a), str(b)])


def test_one_language_missing_when_two_are_needed(tmp_path):
    path = tmp_path / "only-en.txt"
    path.write_text(EN, encoding="utf-8")
    with pytest.raises(InputError, match="Arabic is missing") as exc:
        pick_sides(read_source([str(path)]), None, None, need_both=True)
    assert str(path) in str(exc.value)
    src, tgt = pick_sides(read_source([str(path)]), None, None, need_both=False)
    assert src.lang == "en" and tgt is None
