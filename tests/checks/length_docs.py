"""A document of ten ordinary pairs for the length checks (omission, addition)."""

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

# The pairs' similarity scores as a scorer would give them: all alike.
USUAL = [0.88, 0.90, 0.87, 0.89, 0.86, 0.90, 0.88, 0.87, 0.89, 0.88]


def last_pair_context(arabic: str, english: str, score: float, scorer: str = "e5"):
    """The document with its last pair replaced and scored ``score`` (the others as usual), as
    the checks see it with ``scorer``."""
    from gold import gold_context

    from aligner.checks import CheckOptions

    src, tgt = list(SRC), list(TGT)
    src[9], tgt[9] = arabic, english
    scores = list(USUAL)
    scores[9] = score
    return gold_context(src, tgt, options=CheckOptions(scorer=scorer), scores=scores)
