"""house-rule: a checklist of regex rules, forbidden and required terms."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from formal import covered, run_one

from aligner.checks import CheckOptions
from aligner.checks.house_rule import load_checklist
from aligner.cli import main
from aligner.errors import ConfigError
from aligner.model import Severity

CHECKLIST = '''
[[rule]]
id = "double-hyphen"
target = " -- "
severity = "info"
message = "Use an em dash."
suggestion = "Replace -- with —."

[[rule]]
id = "source-question"
source = "؟"
target-absent = "\\\\?"
message = "The source asks a question."

[[forbidden]]
term = "utilise"
suggestion = "use"

[[required]]
source = "الأونروا"
target = ["UNRWA", "the UN agency for Palestinian refugees"]
'''


@pytest.fixture
def options(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text(CHECKLIST, encoding="utf-8")
    return CheckOptions(checklist=path)


@pytest.mark.parametrize("src, tgt", [
    ("قالت الأونروا إن المدارس ستفتح.", "UNRWA said the schools would open."),
    ("هل ستفتح المدارس؟", "Will the schools open?"),
    ("ستستخدم الوكالة الأموال — كلها.", "The agency will use the funds — all of them."),
    ("ستستخدم الوكالة الأموال.", "The agency will use the utilised funds."),  # another word
])
def test_passes(options, src, tgt):
    assert run_one("house-rule", [src], [tgt], options=options) == []


@pytest.mark.parametrize("src, tgt, rule, side, span", [
    ("قالت الأونروا إن المدارس ستفتح.", "The agency said the schools would open.",
     "required-unrwa", "src", "الأونروا"),
    ("هل ستفتح المدارس؟", "The schools will open.", "source-question", "src", "؟"),
    ("ستستخدم الوكالة الأموال — كلها.", "The agency will use the funds -- all of them.",
     "double-hyphen", "tgt", " -- "),
    ("ستستخدم الوكالة الأموال.", "The agency will Utilise the funds.", "forbidden-utilise",
     "tgt", "Utilise"),
])
def test_fails(options, src, tgt, rule, side, span):
    hits = run_one("house-rule", [src], [tgt], options=options)
    assert len(hits) == 1
    assert hits[0].message.startswith(f"[{rule}] ")
    assert hits[0].side == side and covered(hits[0], [src], [tgt]) == span
    expected = Severity.INFO if rule == "double-hyphen" else Severity.WARNING
    assert hits[0].severity == expected


@pytest.mark.parametrize("text, problem", [
    ('[[rule]]\nid = "x"\ntarget = "(open"\nmessage = "m"\n', "[[rule]] #1 ('x'): bad regular"),
    ('[[rule]]\nid = "x"\nmessage = "m"\n', "needs source, target or both"),
    ('[[rule]]\nid = "x"\ntarget = "a"\nmessage = "m"\ncolour = "red"\n', "unknown key"),
    ('[[rule]]\nid = "x"\ntarget = "a"\nmessage = "m"\nseverity = "fatal"\n', "#1"),
    ('[[forbidden]]\nterm = "a"\n[[forbidden]]\nterm = "a"\n', "used twice"),
    ('[[rule]\n', "not valid TOML"),
    ('[[rules]]\nid = "x"\n', "unknown table 'rules'"),
])
def test_bad_checklist_names_file_and_rule(tmp_path, text, problem):
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_checklist(path)
    assert problem in str(err.value) and str(path) in str(err.value)


def test_cli_bad_checklist_exits_2(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("The agency will use the funds.\nستستخدم الوكالة الأموال.\n", encoding="utf-8")
    bad = tmp_path / "rules.toml"
    bad.write_text('[[rule]]\nid = "x"\ntarget = "(open"\nmessage = "m"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(doc), "--scorer", "lexical",
                                       "--checklist", str(bad)])
    assert result.exit_code == 2
    assert "rules.toml" in result.output and "'x'" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_checklist_from_config_and_command_line(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("The agency will utilise the funds.\nستستخدم الوكالة الأموال.\n",
                   encoding="utf-8")
    (tmp_path / "rules.toml").write_text('[[forbidden]]\nterm = "utilise"\n', encoding="utf-8")
    cfg = tmp_path / "setup.cfg"
    cfg.write_text("[align]\nchecklist = rules.toml\nscorer = lexical\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(doc), "--config", str(cfg)])
    assert "[forbidden-utilise]" in result.output
    other = tmp_path / "other.toml"
    other.write_text('[[forbidden]]\nid = "no-agency"\nterm = "agency"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(doc), "--config", str(cfg),
                                       "--checklist", str(other)])
    assert "[no-agency]" in result.output and "[forbidden-utilise]" not in result.output


def test_arabic_required_term_with_proclitics(options):
    for src in ("وقالت والأونروا إن المدارس ستفتح.", "قدمت الدول الدعم للأونروا هذا العام."):
        hits = run_one("house-rule", [src], ["The agency got support."], options=options)
        assert [h.message.split()[0] for h in hits] == ["[required-unrwa]"], src


def test_the_documented_example_checklist_loads():
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "docs" / "house-rules.example.toml"
    ids = [r.id for r in load_checklist(example).rules]
    assert "forbidden-utilise" in ids and "required-unrwa" in ids and "double-hyphen" in ids
