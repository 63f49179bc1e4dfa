"""tags: inline codes and placeholders lost, added or moved, on real strings."""

from __future__ import annotations

import pytest

from aligner.checks import CheckContext, run_checks
from aligner.checks.tags import CHECKS
from aligner.model import InlineCode, Location, Pair, Sentence, Severity


def _sentence(text: str, lang: str, codes=()) -> Sentence:
    return Sentence(text=text, loc=Location("f", 0, len(text), 1, 1), lang=lang, index=0,
                    paragraph=0, codes=tuple(codes))


def _codes(text: str) -> list[InlineCode]:
    """The records a reader makes for the tokens <gN>, </gN>, <xN/> written in ``text``."""
    import re
    out = []
    for m in re.finditer(r"<(/?)([gx])(\w+)(/?)>", text):
        kind = "close" if m.group(1) else "standalone" if m.group(4) else "open"
        out.append(InlineCode(m.start(), m.end(), kind, m.group(3),
                              {"open": "bpt", "close": "ept", "standalone": "ph"}[kind]))
    return out


def _run(src: str, tgt: str, codes: bool = False):
    pair = Pair(0, (_sentence(src, "ar", _codes(src) if codes else ()),),
                (_sentence(tgt, "en", _codes(tgt) if codes else ()),))
    return run_checks(CheckContext((pair,), "ar", "en"), CHECKS)


PASSES = [
    ("اضغط <g1>هنا</g1> للمتابعة.", "Click <g1>here</g1> to continue.", True),
    ("الصفحة <x1/> من <x2/>", "Page <x1/> of <x2/>", True),
    # Word order may move a code: <x2/> before <x1/> is fine when nothing opens or closes
    ("أرسل <x1/> إلى <x2/>", "Send to <x2/> the file <x1/>", False),
    ("مرحبا يا {name}، لديك {0} رسائل", "Hello {name}, you have {0} messages", False),
    ("تم حذف %d ملفات من %s", "%d files were deleted from %s", False),
    ("تم حذف %(count)d ملفات", "%(count)d files were deleted", False),
    ("مرحبا {{ user }}", "Hello {{user}}", False),
    # Prose: a price is not a placeholder, a percentage is not %d
    ("ارتفعت الأسعار بنسبة 5 في المئة", "Prices rose by 5%, to $1 billion", False),
    ("قال إن الصفقة بلغت 1 مليار دولار", "He said the deal was worth $1 billion", False),
]

FAILS = [
    ("زار الوزير <x2/> المدينة.", "The minister visited the city.", True, Severity.ERROR,
     "<x2/>"),
    ("اضغط <g1>هنا</g1>", "Click here", True, Severity.ERROR, "<g1>"),
    ("اضغط هنا", "Click <g1>here</g1>", True, Severity.WARNING, "<g1>"),
    ("أغلق <g3>النافذة</g3>", "Close </g3>the window<g3>", True, Severity.WARNING, "closing"),
    ("مرحبا يا {name}", "Hello", False, Severity.ERROR, "{name}"),
    ("تم حذف %s من %s", "Deleted %s", False, Severity.ERROR, "%s"),
    ("مرحبا {{user}}", "Hello user", False, Severity.ERROR, "{{user}}"),
    ("تم حذف %(count)d ملفات", "Files were deleted", False, Severity.ERROR, "%(count)d"),
    ("استبدل $1 بـ {0}", "Replace with {0}", False, Severity.ERROR, "$1"),
    ("مرحبا", "Hello %s", False, Severity.WARNING, "%s"),
]


@pytest.mark.parametrize("src, tgt, codes", PASSES)
def test_passes(src, tgt, codes):
    assert _run(src, tgt, codes) == ()


@pytest.mark.parametrize("src, tgt, codes, severity, named", FAILS)
def test_fails(src, tgt, codes, severity, named):
    findings = _run(src, tgt, codes)
    assert len(findings) == 1, findings
    (f,) = findings
    assert f.check == "tags" and f.severity == severity and f.side == "tgt"
    assert named in f.message


def test_extra_codes_point_at_their_tokens():
    (f,) = _run("اضغط هنا", "Click <g1>here</g1> now", codes=True)[:1]
    assert f.span == (6, 19)  # the opening and closing codes, reported once
    assert "<g1>" in f.message and "</g1>" in f.message


def test_moved_pair_of_codes_is_a_warning():
    findings = _run("<g1>أحمر</g1> و<g2>أزرق</g2>", "<g2>blue</g2> and <g1>red</g1>",
                    codes=True)
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert "order" in findings[0].message
