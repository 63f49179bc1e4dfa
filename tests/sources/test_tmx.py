"""Reading an existing TMX for QA: TICO-19, language codes, locations, hostile and broken XML."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner import Config, check
from aligner.cli import main
from aligner.errors import InputError
from aligner.model import SRC, TGT
from aligner.sources.discover import discover
from aligner.sources.tmx import read_tmx

ROOT = Path(__file__).resolve().parents[2]
TICO = ROOT / "tests" / "data" / "tico19" / "all.en-ar.tmx"
HEADER = ('<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" '
          'adminlang="en" srclang="{src}" datatype="plaintext"/>')


def write_tmx(path: Path, units: str, srclang: str = "ar", prolog: str = "") -> Path:
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + prolog
                    + '<tmx version="1.4">\n' + HEADER.format(src=srclang) + "\n<body>\n"
                    + units + "\n</body>\n</tmx>\n", encoding="utf-8")
    return path


def run_cli(*args: str, limit_bytes: int | None = None, timeout: float = 60):
    """The real ``align`` in a child process (optionally under an address-space limit)."""
    def limit():
        if limit_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "aligner", "check", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout, preexec_fn=limit)


# --- TICO-19: a real TM written by another tool ------------------------------------------

@pytest.fixture(scope="module")
def tico():
    """TICO-19 checked once for the tests that read it (seconds each), with the CPU time it took:
    CPU, not wall time, so that other work on a shared machine does not fail the test."""
    start = time.process_time()
    result = check([str(TICO)])
    return result, time.process_time() - start


@pytest.mark.slow
def test_tico19_memory_is_checked_unit_by_unit(tico):
    result, elapsed = tico
    assert len(result.pairs) == 3071
    assert all(p.bead == "1-1" for p in result.pairs)
    # The header says srclang="en": for TICO the original is English.
    assert (result.src_lang, result.tgt_lang) == ("en", "ar")
    first = result.pairs[0]
    assert first.text(SRC) == "about how long have these symptoms been going on?"
    assert first.text(TGT) == "منذ متى لا تزال هذه الأعراض مستمرة تقريبًا؟"
    assert result.tool["reader"] == "tmx"
    # About 5 s of CPU on an idle 2-core machine, up to 11 s when other jobs share its caches;
    # checking units pair by pair is linear, and anything quadratic in the units takes minutes.
    assert elapsed < 30, f"reading and checking 3,071 units took {elapsed:.1f}s of CPU"


def test_src_lang_overrides_the_header():
    # One cheap check: this is about the reader's sides (the full run is timed above).
    result = check([str(TICO)], Config(src_lang="ar", enabled=("untranslated",)))
    assert (result.src_lang, result.tgt_lang) == ("ar", "en")
    assert result.pairs[0].text(TGT) == "about how long have these symptoms been going on?"


@pytest.mark.slow
def test_tico19_locations_point_at_the_segment_text(tico):
    text = TICO.read_text(encoding="utf-8")
    lines = text.split("\n")
    result, _ = tico
    for pair in (result.pairs[0], result.pairs[1234], result.pairs[-1]):
        for sent in (*pair.src, *pair.tgt):
            loc = sent.loc
            assert loc.file == str(TICO)
            assert text[loc.start:loc.end] == sent.text
            assert lines[loc.line - 1][loc.col - 1:].startswith(sent.text)


def test_cli_reports_the_memory(tmp_path):
    res = CliRunner().invoke(main, ["check", str(TICO), "--checks", "untranslated",
                                    "--json", str(tmp_path / "r.json")])
    assert res.exit_code == 0, res.output
    assert "3071 pairs" in res.output
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert len(data["pairs"]) == 3071 and data["src_lang"] == "en"


def test_directories_pick_up_tmx_files(tmp_path):
    (tmp_path / "sub").mkdir()
    write_tmx(tmp_path / "sub" / "mem.TMX", '<tu><tuv xml:lang="ar"><seg>نص</seg></tuv>'
              '<tuv xml:lang="en"><seg>text</seg></tuv></tu>')
    assert discover([str(tmp_path)]) == [(str(tmp_path / "sub" / "mem.TMX"),)]


# --- languages ------------------------------------------------------------------------

def test_all_srclang_deprecated_lang_and_case_insensitive_codes(tmp_path):
    path = write_tmx(tmp_path / "m.tmx", srclang="*all*", units=(
        '<tu><tuv xml:lang="EN-us"><seg>Good morning.</seg></tuv>'
        '<tuv lang="AR-sa"><seg>صباح الخير.</seg></tuv></tu>'))
    result = check([str(path)])
    # *all* names no original: the project default, Arabic, is the source side.
    assert (result.src_lang, result.tgt_lang) == ("ar", "en")
    pair = result.pairs[0]
    assert (pair.text(SRC), pair.text(TGT)) == ("صباح الخير.", "Good morning.")


def test_region_subtags_match_the_header(tmp_path):
    path = write_tmx(tmp_path / "m.tmx", srclang="en-GB", units=(
        '<tu><tuv xml:lang="ar-EG"><seg>شكرا.</seg></tuv>'
        '<tuv xml:lang="en"><seg>Thanks.</seg></tuv></tu>'))
    result = check([str(path)])
    assert (result.src_lang, result.tgt_lang) == ("en", "ar")


def test_units_without_either_language_are_skipped_and_empty_segments_flagged(tmp_path):
    path = write_tmx(tmp_path / "m.tmx", units=(
        '<tu><tuv xml:lang="ar"><seg>مرحبا بكم.</seg></tuv><tuv xml:lang="en"><seg>Welcome.</seg>'
        '</tuv><tuv xml:lang="fr"><seg>Bienvenue.</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="fr"><seg>Seulement en français.</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="ar"><seg>لم تترجم هذه الجملة.</seg></tuv>'
        '<tuv xml:lang="en"><seg> </seg></tuv></tu>'))
    result = check([str(path)], Config(tgt_lang="en"))
    assert [p.bead for p in result.pairs] == ["1-1", "1-0"]
    assert any("1 unit(s)" in n for n in result.notices)
    assert [f.check for f in result.findings if f.pair == 1] == ["untranslated"]


def test_several_translations_need_a_choice(tmp_path):
    path = write_tmx(tmp_path / "m.tmx", units=(
        '<tu><tuv xml:lang="ar"><seg>مرحبا.</seg></tuv><tuv xml:lang="fr"><seg>Salut.</seg>'
        '</tuv><tuv xml:lang="de"><seg>Hallo.</seg></tuv></tu>'))
    with pytest.raises(InputError, match="--tgt-lang"):
        check([str(path)])
    assert check([str(path)], Config(tgt_lang="DE")).pairs[0].text(TGT) == "Hallo."


def test_inline_codes_are_placeholder_tokens_with_offsets(tmp_path):
    path = write_tmx(tmp_path / "m.tmx", units=(
        '<tu><tuv xml:lang="ar"><seg>اضغط <bpt i="1">&lt;b&gt;</bpt>هنا<ept i="1">&lt;/b&gt;'
        '</ept> الآن</seg></tuv><tuv xml:lang="en"><seg>Click <hi type="b">here</hi>'
        '<ph x="1">{0}</ph> now &amp; then</seg></tuv></tu>'))
    pair = check([str(path)]).pairs[0]
    # The native code inside <bpt>/<ph> is not text; <hi> content is.
    assert pair.text(SRC) == "اضغط <g1>هنا</g1> الآن"
    assert pair.text(TGT) == "Click here<x1/> now & then"
    (src,), (tgt,) = pair.src, pair.tgt
    assert [(c.kind, c.code, c.element, c.native) for c in src.codes] == [
        ("open", "1", "bpt", "<b>"), ("close", "1", "ept", "</b>")]
    assert [src.text[c.start:c.end] for c in src.codes] == ["<g1>", "</g1>"]
    assert [(tgt.text[c.start:c.end], c.native) for c in tgt.codes] == [("<x1/>", "{0}")]


def test_locations_with_several_segments_on_one_line(tmp_path):
    units = ('<tu><tuv xml:lang="ar"><seg>أولا</seg></tuv><tuv xml:lang="en"><seg>first</seg>'
             '</tuv></tu><tu><tuv xml:lang="ar"><seg>ثانيا</seg></tuv>'
             '<tuv xml:lang="en"><seg>second</seg></tuv></tu>')
    path = write_tmx(tmp_path / "m.tmx", units=units)
    text = path.read_text(encoding="utf-8")
    for pair in check([str(path)]).pairs:
        for sent in (*pair.src, *pair.tgt):
            assert text[sent.loc.start:sent.loc.end] == sent.text
            assert sent.loc.line == 5
            assert text.split("\n")[4][sent.loc.col - 1:].startswith(sent.text)


def test_one_language_memory_cannot_be_written_as_tmx(tmp_path):
    path = write_tmx(tmp_path / "m.tmx", units='<tu><tuv xml:lang="ar"><seg>نص</seg></tuv></tu>')
    out = tmp_path / "out.tmx"
    res = CliRunner().invoke(main, ["check", str(path), "--tmx", str(out)])
    assert res.exit_code == 2
    assert "no translation" in res.output
    assert not out.exists()


# --- broken and hostile files ------------------------------------------------------------

def _error_line(res) -> str:
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    assert "Traceback" not in res.stderr
    return lines[0]


def test_malformed_xml_exit_2_with_file_and_line(tmp_path):
    path = write_tmx(tmp_path / "bad.tmx", units=(
        '<tu><tuv xml:lang="ar"><seg>نص</seg></tuv>\n<tuv xml:lang="en"><seg>text</tuv></tu>'))
    res = run_cli(str(path))
    assert res.returncode == 2
    line = _error_line(res)
    assert line.startswith(f"align: error: {path}: line 6: malformed XML")


@pytest.mark.parametrize("body, reason", [
    ('<tu><tuv><seg>x</seg></tuv></tu>', "line 5: <tuv> without xml:lang"),
    ('<tu><tuv xml:lang="en"><note>n</note></tuv></tu>', "line 5: <tuv> without <seg>"),
])
def test_invalid_tmx_structure(tmp_path, body, reason):
    path = write_tmx(tmp_path / "bad.tmx", units=body)
    with pytest.raises(InputError, match=reason):
        read_tmx(path)


def test_not_a_tmx(tmp_path):
    path = tmp_path / "x.tmx"
    path.write_text("<?xml version='1.0'?>\n<xliff/>\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: not a TMX file"):
        read_tmx(path)
    empty = tmp_path / "empty.tmx"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.tmx: file is empty"):
        read_tmx(empty)


@pytest.mark.parametrize("data", [b"   \n\n", b"<?xml version='1.0'?>\n", b"<tmx"])
def test_blank_or_cut_short_tmx_never_reports_line_0(tmp_path, data):
    path = tmp_path / "short.tmx"
    path.write_bytes(data)
    with pytest.raises(InputError, match="malformed XML") as exc:
        read_tmx(path)
    assert "line 0" not in str(exc.value)


def test_external_entity_is_refused_and_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-4711", encoding="utf-8")
    path = write_tmx(
        tmp_path / "xxe.tmx",
        prolog=f'<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file://{secret}">]>\n',
        units='<tu><tuv xml:lang="ar"><seg>نص</seg></tuv>'
              '<tuv xml:lang="en"><seg>leak: &xxe;</seg></tuv></tu>')
    out = tmp_path / "out.json"
    res = run_cli(str(path), "--json", str(out), "--tmx", str(tmp_path / "o.tmx"))
    assert res.returncode == 2
    assert "declares entities (xxe)" in _error_line(res)
    assert "TOPSECRET" not in res.stdout + res.stderr
    assert not out.exists() and not (tmp_path / "o.tmx").exists()


def test_external_dtd_and_parameter_entities_are_never_opened(tmp_path):
    # A FIFO blocks whoever opens it for reading: if the parser ever tried to load it,
    # the command would hang and the timeout would fail the test.
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    units = ('<tu><tuv xml:lang="ar"><seg>نص</seg></tuv>'
             '<tuv xml:lang="en"><seg>text</seg></tuv></tu>')
    with_dtd = write_tmx(tmp_path / "dtd.tmx", units=units,
                         prolog=f'<!DOCTYPE tmx SYSTEM "file://{fifo}">\n')
    res = run_cli(str(with_dtd), timeout=30)
    assert res.returncode == 0, res.stderr  # a SYSTEM DTD is normal in TMX: not loaded, fine
    assert "1 pairs" in res.stdout
    param = write_tmx(tmp_path / "pe.tmx", units=units,
                      prolog=f'<!DOCTYPE tmx [<!ENTITY % p SYSTEM "file://{fifo}"> %p;]>\n')
    res = run_cli(str(param), timeout=30)
    assert res.returncode == 2
    assert "declares entities (p)" in _error_line(res)


def test_billion_laughs_is_refused_without_memory_blow_up(tmp_path):
    decls = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{k} "{("&lol" + (str(k - 1) if k > 1 else "") + ";") * 10}">'
        for k in range(1, 10)]
    path = write_tmx(tmp_path / "lol.tmx", prolog="<!DOCTYPE tmx [\n" + "\n".join(decls) + "\n]>\n",
                     units='<tu><tuv xml:lang="en"><seg>&lol9;</seg></tuv></tu>')
    start = time.perf_counter()
    # Expanded, &lol9; is 3 GB of text; the whole run must fit in 1 GiB of address space.
    res = run_cli(str(path), limit_bytes=1 << 30, timeout=60)
    assert res.returncode == 2, res.stderr
    assert "declares entities" in _error_line(res)
    assert time.perf_counter() - start < 30


@pytest.mark.parametrize("declared, codec, bom", [
    ("UTF-16", "utf-16", b""), ("windows-1256", "cp1256", b""),
    ("UTF-8", "utf-8", b"\xef\xbb\xbf")])
def test_declared_encodings_and_locations(tmp_path, declared, codec, bom):
    text = (f'<?xml version="1.0" encoding="{declared}"?>\r\n<tmx version="1.4">'
            + HEADER.format(src="ar") + "<body>\r\n"
            '<tu><tuv xml:lang="ar"><seg>مرحبا بكم</seg></tuv>\r\n'
            '<tuv xml:lang="en"><seg>Welcome</seg></tuv></tu></body></tmx>\r\n')
    path = tmp_path / "m.tmx"
    path.write_bytes(bom + text.encode(codec))
    pair = check([str(path)]).pairs[0]
    assert (pair.text(SRC), pair.text(TGT)) == ("مرحبا بكم", "Welcome")
    assert [(s.loc.line, s.loc.col) for s in (*pair.src, *pair.tgt)] == [(3, 29), (4, 25)]
    for sent in (*pair.src, *pair.tgt):
        assert text[sent.loc.start:sent.loc.end] == sent.text
