"""omission / addition: length ratio far outside the document's own distribution."""

from __future__ import annotations

from gold import gold_context

from aligner.checks.lengths import find_addition, find_omission

# Ten ordinary pairs: the English runs about 1.2 times the Arabic letters.
SRC = [
    "عقد وزراء الخارجية اجتماعا طارئا في العاصمة لبحث التطورات الأمنية الأخيرة في المنطقة.",
    "وأكد المتحدث باسم الحكومة أن المفاوضات ستستأنف الأسبوع المقبل بمشاركة جميع الأطراف.",
    "وأعلن الجيش أنه أحبط محاولة تسلل عبر الحدود الشمالية خلال ساعات الليل الماضية.",
    "وطالبت المعارضة بإجراء تحقيق مستقل في الحادثة ومحاسبة المسؤولين عنها فورا.",
    "وقال السفير إن بلاده مستعدة لتقديم المساعدة في إعادة إعمار المناطق المتضررة.",
    "وأشار التقرير إلى تراجع أعداد النازحين بعد تحسن الأوضاع في عدد من المحافظات.",
    "ودعا البرلمان الحكومة إلى تقديم خطة واضحة لمعالجة أزمة الكهرباء قبل الصيف.",
    "ورحبت الأمم المتحدة بالاتفاق ووصفته بأنه خطوة مهمة نحو الاستقرار في البلاد.",
    "واتهم النائب الوزارة بالتقصير في متابعة ملف المفقودين منذ سنوات طويلة.",
    "وأكدت الشرطة أنها اعتقلت ثلاثة مشتبه بهم في عملية أمنية جنوب المدينة.",
]
TGT = [
    "The foreign ministers held an emergency meeting in the capital to discuss the latest "
    "security developments in the region.",
    "The government spokesman stressed that the negotiations would resume next week with the "
    "participation of all parties.",
    "The army announced that it had foiled an infiltration attempt across the northern border "
    "during the past night.",
    "The opposition demanded an independent investigation into the incident and that those "
    "responsible be held to account at once.",
    "The ambassador said his country was ready to help rebuild the affected areas.",
    "The report pointed to a fall in the number of displaced people after conditions improved "
    "in several provinces.",
    "Parliament called on the government to present a clear plan to address the electricity "
    "crisis before the summer.",
    "The United Nations welcomed the agreement and described it as an important step towards "
    "stability in the country.",
    "The deputy accused the ministry of failing to follow the file of the missing for many "
    "years.",
    "The police said they had arrested three suspects in a security operation south of the "
    "city.",
]


def test_normal_document_has_no_findings():
    ctx = gold_context(SRC, TGT)
    assert list(find_omission(ctx)) == [] and list(find_addition(ctx)) == []


def test_truncated_translation_is_an_omission():
    tgt = list(TGT)
    tgt[4] = "The ambassador spoke."
    (hit,) = find_omission(gold_context(SRC, tgt))
    assert hit.pair == 4 and hit.side == "src" and hit.span == (0, len(SRC[4]))
    assert list(find_addition(gold_context(SRC, tgt))) == []


def test_padded_translation_is_an_addition():
    tgt = list(TGT)
    tgt[2] = (TGT[2] + " Officials added that several soldiers were wounded in a long exchange "
              "of fire, and that reinforcements had been sent to the whole border area.")
    (hit,) = find_addition(gold_context(SRC, tgt))
    assert hit.pair == 2 and hit.side == "tgt"


def test_small_documents_are_left_alone():
    ctx = gold_context(SRC[:3], ["Short.", TGT[1], TGT[2]])
    assert list(find_omission(ctx)) == []


def test_corpus_normal_pairs_not_flagged(corpus_result):
    assert [f for f in corpus_result.findings if f.check in ("omission", "addition")] == []


def test_acronym_spelt_out_in_translation_is_not_an_omission():
    src = list(SRC)
    tgt = list(TGT)
    # The Arabic spells out what the English abbreviates.
    src[5] = ("وأشار تقرير منظمة الصحة العالمية وصندوق الأمم المتحدة للطفولة وبرنامج الأغذية "
              "العالمي إلى تراجع النازحين.")
    tgt[5] = "The WHO, UNICEF and WFP report pointed to fewer IDPs."
    ctx = gold_context(src, tgt)
    assert list(find_omission(ctx)) == []
