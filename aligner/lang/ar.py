"""Arabic: letters and words, proclitics, the article, months, and the word classes that
segmenters and checks read.

Word sets are written as ordinary text and compared after :func:`aligner.text.normalize_arabic`
(the ``*_N`` sets hold the normalised forms).
"""

from __future__ import annotations

import functools
import re
import unicodedata

CODE = "ar"
NAME = "Arabic"

# Character classes, to be used inside ``[...]``.
LETTERS = "\u0621-\u064A"       # hamza to ya: the letters of Arabic proper
HARAKAT = "\u064B-\u065F"       # tanwin, short vowels, shadda, sukun and the other marks
#: A word written with the tanwin of an indefinite common noun: the accusative's before its
#: final alef (كوبًا "a cup": the alef carries the ending, it is no letter of the stem), or the
#: nominative's or genitive's. One written after a name's own final alef (ضد إيطالياً) is a
#: writer's slip on the name, not matched.
INDEFINITE = re.compile("\u064B[\u064C-\u0652]*\u0627$|[\u064C\u064D]")
TATWEEL = "\u0640"
DAGGER_ALEF = "\u0670"
EXTENDED = "\u0671-\u06D3"      # alef wasla and the letters of Persian, Urdu, ...
BLOCK = "\u0600-\u06FF"         # the whole Arabic block: letters, marks, digits, punctuation
MORE_LETTERS = "\u06FA-\u06FF"  # letters at the end of the block (Sindhi, Persian, ...)
#: Presentation forms (text copied from PDFs): Arabic letters too; the analysis view folds them.
PRESENTATION_FORMS = "\uFB50-\uFDFF\uFE70-\uFEFC"
#: Diacritics: Quranic annotation signs, tanwin and short vowels, the dagger alef, small high
#: signs. Removed in the copies used for matching.
DIACRITIC_MARKS = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED"

#: A word with its marks and tatweel.
WORD = re.compile(f"[{LETTERS}{TATWEEL}{HARAKAT}{DAGGER_ALEF}]+")
#: A word that may also hold letters of the extended block (names, glossary terms).
WORD_EXTENDED = re.compile(f"[{LETTERS}{TATWEEL}{HARAKAT}{DAGGER_ALEF}{EXTENDED}]+")
#: Anything but a letter of Arabic proper (to strip a normalised word down to its letters).
NOT_LETTER = re.compile(f"[^{LETTERS}]")
#: Any Arabic letter, of the extended block and in presentation forms too (script detection).
LETTER = re.compile(f"[{LETTERS}{EXTENDED}{MORE_LETTERS}{PRESENTATION_FORMS}]")
DIACRITICS = re.compile(f"[{DIACRITIC_MARKS}]")

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ALEF_YA_TA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                             "ؤ": "و", "ئ": "ي"})


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Eastern Arabic-Indic digits as ASCII digits."""
    return text.translate(_DIGITS)


# Checks normalise the same words again and again (hundreds of thousands of calls on a
# translation memory); a bounded memo of this pure function changes no result.
@functools.lru_cache(maxsize=1 << 16)
def normalize_arabic(text: str) -> str:
    """NFC, no diacritics or tatweel, one alef/ya/ta-marbuta form, ASCII digits (a copy for
    matching; offsets never refer to it)."""
    text = unicodedata.normalize("NFC", text)
    text = DIACRITICS.sub("", text).replace(TATWEEL, "")
    return ascii_digits(text.translate(_ALEF_YA_TA))


ARTICLE = "ال"
#: Conjunctions written joined to the next word.
CONJUNCTION_CLITICS = ("و", "ف")
#: Every proclitic chain a word may carry (conjunction, preposition, article), longest first:
#: the order in which they are stripped.
PROCLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
              "و", "ف", "ب", "ل", "ك")


def _pick(chains: str) -> tuple[str, ...]:
    wanted = chains.split()
    assert set(wanted) <= set(PROCLITICS), wanted
    return tuple(p for p in PROCLITICS if p in wanted)


# The proclitics each user strips; the subsets differ as they did before this module (a later
# change may unify them where the held-out figures allow).
#: Stripped before a name's consonant skeleton is taken.
NAME_PROCLITICS = _pick("وال بال فال كال لل ال و ب ل ف")
#: Stripped before a word is matched against a name or a modal/negation stem.
LINK_PROCLITICS = _pick("وال بال فال لل ال و ب ل ف")
#: Stripped before a word is read as a number word.
NUMBER_PROCLITICS = _pick("وال بال لل ال و ب ل ف ك")
#: A word that starts with one of these is definite (the article, alone or after a proclitic).
DEFINITE_PREFIXES = ("ال", "لل", "بال", "وال", "فال", "كال")
#: The Arabic article as English writes it before a name (al-, el-, ash-, ad-, ...): a regex
#: alternation to which each user adds the separators it accepts.
LATIN_ARTICLE = r"(?:a[lsdnrtz]|el|ash|ath|adh)"


_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")


def word_before(text: str, start: int, reach: int = 40) -> str | None:
    """The word that ends, followed by spaces only, just before ``start`` (looking back at most
    ``reach`` characters), or ``None`` when a mark, a digit or nothing stands there."""
    m = _WORD_BEFORE.search(text, max(0, start - reach), start)
    return m.group(1) if m else None


#: A word written before a full stop that abbreviates: letters joined by full stops (ق.م "BC",
#: أ.د "Prof. Dr.", ص.ب "P.O. Box"), one letter (د "Dr.", م "AD"), a letter drawn out by a
#: tatweel, the mark of an abbreviation (هـ "AH"), and إلخ / الخ "etc." (its letters are a word).
_ABBREVIATION = re.compile(f"(?:[{LETTERS}]\\.)*[{LETTERS}]{TATWEEL}?|إلخ|الخ|اهـ")


def is_abbreviation(word: str) -> bool:
    """Whether ``word`` (without its final full stop) is an abbreviation, not a sentence's last
    word."""
    return _ABBREVIATION.fullmatch(word) is not None


def is_definite(word: str) -> bool:
    """Whether ``word`` as written carries the article ("البيت", "وبالمدينة", "للطلاب"). The
    article's alef is bare: "ألقى" and "إلى" do not start with it."""
    bare = DIACRITICS.sub("", word).replace(TATWEEL, "")
    if bare[:1] in CONJUNCTION_CLITICS and bare[1:].startswith(DEFINITE_PREFIXES):
        bare = bare[1:]  # "وبالمدينة"
    return any(bare.startswith(p) and len(bare) - len(p) >= 2 for p in DEFINITE_PREFIXES)


#: Suffixes of a perfect verb's subject (ذهبوا، ذهبنا، ذهبت، ذهبتم) and prefixes of the
#: imperfect (يفصل، تعمل، نعرف): the shapes :func:`verb_shape` reads.
_PERFECT_SUFFIXES = ("وا", "نا", "تم", "تن")
_IMPERFECT_PREFIXES = ("ي", "ت", "ن")


def verb_shape(word: str) -> bool:
    """Whether ``word`` has the shape of a finite verb: a perfect with a subject suffix or
    an imperfect prefix, with no article, no feminine or plural noun ending. A shape, not a
    lexicon: nouns share it (نتائج، تقرير), so a caller asks it only where a verb is expected
    and a lexicon has not said otherwise."""
    norm = normalize_arabic(word)
    if len(norm) < 4 or is_definite(word) or "\u064b" in word:
        return False  # short, with the article, or with the accusative tanwin (زمناً)
    if norm.endswith(_PERFECT_SUFFIXES):
        return True
    if norm.endswith(("ه", "ا", "ات", "ين", "يه")):
        return False  # a feminine or plural noun ending, an accusative (تأكيدا), a dual
    return len(norm) <= 6 and (norm.endswith("ت") or norm.startswith(_IMPERFECT_PREFIXES))


def normalised(words: str) -> frozenset[str]:
    """The normalised forms of whitespace-separated words."""
    return frozenset(normalize_arabic(w) for w in words.split())


# Months: the Gregorian names of Egypt and the Maghreb, and the Syriac names of the Levant and
# Iraq (often written together: "فبراير/شباط").
GREGORIAN_MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6,
    "يوليو": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12}
#: Other spellings of the Gregorian names.
GREGORIAN_VARIANTS = {"ابريل": 4, "يونيه": 6, "يوليه": 7, "اغسطس": 8, "اكتوبر": 10}
LEVANTINE_MONTHS = {
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12}
#: Every month name (normalised) → month number.
MONTHS_N = {normalize_arabic(k): v for k, v in
            {**GREGORIAN_MONTHS, **GREGORIAN_VARIANTS, **LEVANTINE_MONTHS}.items()}
#: The words that begin a month name in either system (normalised; كانون, تشرين alone).
MONTH_WORDS_N = frozenset(normalize_arabic(w) for w in
                          [*GREGORIAN_MONTHS, *(k.split()[0] for k in LEVANTINE_MONTHS)])
#: Month names that are also other words: مارس "practised", مايو "Mayo", نيسان "Nissan",
#: تموز "Tammuz", آب "father".
AMBIGUOUS_MONTHS_N = normalised("مارس مايو نيسان تموز آب")

# Word classes (normalised).
#: Prepositions written as words.
PREPOSITIONS_N = normalised("من إلى الى على عن في مع حتى منذ لدى عند بين نحو حول خلال ضد عبر "
                            "دون أمام")
#: Prepositions less common in news text, and ones of place.
RARE_PREPOSITIONS_N = normalised("مذ وراء")
SPATIAL_PREPOSITIONS_N = normalised("فوق تحت")
#: Prepositions that introduce a verb's or noun's complement ("تسعى إلى", "العديد من").
COMPLEMENT_PREPOSITIONS_N = normalised("من إلى الى عن")
#: Proclitic letters standing alone (a stray space after them).
CLITIC_LETTERS_N = normalised("ب ل ك و ف")
CONJUNCTIONS_N = normalised("ثم أو أم بل لكن")
#: Particles that need what follows (complementisers, conditionals, negation, tense).
PARTICLES_N = normalised("أن إن كي لكي لأن إذ إذا لو لم لن هل قد سوف")
RELATIVE_PRONOUNS_N = normalised("التي الذي الذين اللذين اللتين اللواتي اللاتي")
#: Words that open a clause without punctuation before them (relative and subordinating words),
#: as written: where omission's clause splitter cuts an Arabic sentence.
CLAUSE_OPENERS = ("التي", "الذي", "الذين", "حيث", "بينما", "لأن", "عندما", "كما", "مما")
#: Words that open an adjunct (a time, condition, cause or manner) inside a clause without
#: punctuation before it ("… قبل نهاية الأسبوع", "… مع الطعام", "… ريثما أجد المدير"), which a
#: translation may leave out on its own: where omission's deletion test also tries cutting the
#: rest of the clause (normalised).
ADJUNCT_OPENERS_N = normalised("قبل بعد منذ مع دون بدون رغم برغم حتى لكن لكي كي إذا لو ريثما "
                               "أثناء خلال بسبب عند حين حينما لأن ذات قرب بجانب")
#: Pronoun suffixes an opener may carry (لأنه، لكنها، بعدهم), normalised.
OBJECT_SUFFIXES_N = ("ها", "هم", "هن", "ه", "ني", "نا", "كم", "ك")


def opens_adjunct(word: str) -> bool:
    """Whether ``word`` (as written) is an adjunct opener, bare or with a pronoun suffix."""
    norm = normalize_arabic(word)
    return norm in ADJUNCT_OPENERS_N or any(
        norm.endswith(suffix) and norm[:-len(suffix)] in ADJUNCT_OPENERS_N
        for suffix in OBJECT_SUFFIXES_N)


# Construct-state heads, titles and adverbials that never end or open a sentence are not
# listed: the boundary model (aligner/segment/boundary.py) reads them from UD Arabic-PUD.

# Word classes for sentence-fragment (normalised).
#: Prepositions that can open a piece split off a sentence ("… وتجمع. في نهاية المطاف …").
FRAGMENT_PREPOSITIONS_N = PREPOSITIONS_N | RARE_PREPOSITIONS_N | SPATIAL_PREPOSITIONS_N
#: "أن"/"إن" with their pronoun suffixes: after a fronted phrase they bring the subject
#: ("من المتوقع أن …", "على الطلاب أن …").
COMPLEMENTIZERS_N = normalised("أن إن أنه أنها إنه إنها أنهم إنهم")
PERSONAL_PRONOUNS_N = normalised("أنا أنت أنتِ أنتم أنتما أنتن هو هي هم هما هن نحن")
DEMONSTRATIVES_N = normalised("هذا هذه هذان هاتان هؤلاء ذلك تلك ذاك أولئك")
#: Particles of negation and tense that open a verbal clause ("… لم أره", "… قد يتأخر").
CLAUSE_PARTICLES_N = normalised("لم لن لا قد لقد سوف")
#: كان and its sisters, which come before a negated predicate ("كانوا لا يعرفون").
COPULAS_N = normalised("كان كانت كانوا كنت كنا كانا كانتا يكون تكون يكونون نكون أكون "
                       "أصبح أصبحت أصبحوا ظل ظلت ظلوا بات باتت صار صارت")
#: Closed-class words (prepositions, particles, conjunctions, complementisers, relative words,
#: clause openers, pronouns, demonstratives, copulas): a word that is none of these may be a
#: noun (negation-drift, name-mismatch).
FUNCTION_WORDS_N = (PREPOSITIONS_N | RARE_PREPOSITIONS_N | SPATIAL_PREPOSITIONS_N
                    | CONJUNCTIONS_N | PARTICLES_N | COMPLEMENTIZERS_N | RELATIVE_PRONOUNS_N
                    | PERSONAL_PRONOUNS_N | DEMONSTRATIVES_N | COPULAS_N
                    | frozenset(normalize_arabic(w) for w in CLAUSE_OPENERS))
#: Prepositions that front a predicate before "أن".
PREDICATE_PREPOSITIONS_N = normalised("من على")
COMMAS = "،,"
#: Labels that open a caption or credit line ("صورة: …").
CREDIT_LABELS = ("الصورة", "صورة", "المصدر")

#: Countries, some capitals and international bodies whose Arabic name is often not a
#: transliteration of the English one (الصين / China, ألمانيا / Germany, الأمم المتحدة / United
#: Nations), so ``name-mismatch`` cannot pair them by sound: the English name, its other
#: English forms (adjective, short forms), and its Arabic forms
#: (without clitics; the article written where Arabic always writes it; a broken-plural
#: demonym, الهنود "Indians", names its country as the relative adjective does). Only unambiguous
#: forms: قطر ("diameter"), المغرب ("sunset"), البحرين ("the two seas") and عمان (Oman or
#: Amman) are left out.
PLACES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Afghanistan", ("Afghan", "Afghans"), ("أفغانستان", "الأفغان")),
    ("Albania", ("Albanian",), ("ألبانيا",)),
    ("Algeria", ("Algerian",), ("الجزائر",)),
    ("Argentina", ("Argentine", "Argentinian"), ("الأرجنتين",)),
    ("Armenia", ("Armenian",), ("أرمينيا",)),
    ("Australia", ("Australian",), ("أستراليا", "استراليا")),
    ("Austria", ("Austrian",), ("النمسا",)),
    ("Azerbaijan", ("Azerbaijani", "Azeri"), ("أذربيجان",)),
    ("Bangladesh", ("Bangladeshi",), ("بنغلاديش", "بنجلاديش")),
    ("Belarus", ("Belarusian",), ("بيلاروسيا", "بيلاروس", "روسيا البيضاء")),
    ("Belgium", ("Belgian",), ("بلجيكا",)),
    ("Bolivia", ("Bolivian",), ("بوليفيا",)),
    ("Bosnia", ("Bosnian",), ("البوسنة",)),
    ("Brazil", ("Brazilian",), ("البرازيل",)),
    ("Bulgaria", ("Bulgarian",), ("بلغاريا",)),
    ("Cambodia", ("Cambodian",), ("كمبوديا",)),
    ("Cameroon", ("Cameroonian",), ("الكاميرون",)),
    ("Canada", ("Canadian", "Canadians"), ("كندا",)),
    ("Chad", ("Chadian",), ("تشاد",)),
    ("Chile", ("Chilean",), ("تشيلي", "شيلي")),
    ("China", ("Chinese", "PRC"), ("الصين",)),
    ("Colombia", ("Colombian",), ("كولومبيا",)),
    ("Croatia", ("Croatian",), ("كرواتيا",)),
    ("Cuba", ("Cuban",), ("كوبا",)),
    ("Cyprus", ("Cypriot",), ("قبرص",)),
    ("Czech Republic", ("Czech", "Czechia"), ("التشيك", "تشيكيا")),
    ("Denmark", ("Danish",), ("الدنمارك", "الدانمارك")),
    ("Ecuador", ("Ecuadorian",), ("الإكوادور",)),
    ("Egypt", ("Egyptian", "Egyptians"), ("مصر",)),
    ("England", ("English",), ("إنجلترا", "إنكلترا", "الإنجليز")),
    ("Eritrea", ("Eritrean",), ("إريتريا",)),
    ("Ethiopia", ("Ethiopian",), ("إثيوبيا", "أثيوبيا")),
    ("Finland", ("Finnish",), ("فنلندا",)),
    ("France", ("French",), ("فرنسا",)),
    ("Georgia", ("Georgian",), ("جورجيا",)),
    ("Germany", ("German", "Germans"), ("ألمانيا", "الألمان")),
    ("Ghana", ("Ghanaian",), ("غانا",)),
    ("Greece", ("Greek", "Greeks"), ("اليونان",)),
    ("Hungary", ("Hungarian",), ("المجر", "هنغاريا")),
    ("Iceland", ("Icelandic",), ("آيسلندا", "أيسلندا")),
    ("India", ("Indian", "Indians"), ("الهند", "الهنود")),
    ("Indonesia", ("Indonesian",), ("إندونيسيا",)),
    ("Iran", ("Iranian", "Iranians", "Persia"), ("إيران",)),
    ("Iraq", ("Iraqi", "Iraqis"), ("العراق",)),
    ("Ireland", ("Irish",), ("أيرلندا", "إيرلندا", "ايرلندا")),
    ("Israel", ("Israeli", "Israelis"), ("إسرائيل",)),
    ("Italy", ("Italian", "Italians"), ("إيطاليا",)),
    ("Japan", ("Japanese",), ("اليابان",)),
    ("Jordan", ("Jordanian",), ("الأردن",)),
    ("Kazakhstan", ("Kazakh",), ("كازاخستان",)),
    ("Kenya", ("Kenyan",), ("كينيا",)),
    ("Kuwait", ("Kuwaiti",), ("الكويت",)),
    ("Lebanon", ("Lebanese",), ("لبنان",)),
    ("Liberia", ("Liberian",), ("ليبيريا",)),
    ("Libya", ("Libyan",), ("ليبيا",)),
    ("Malaysia", ("Malaysian",), ("ماليزيا",)),
    ("Mali", ("Malian",), ("مالي",)),
    ("Mexico", ("Mexican",), ("المكسيك",)),
    ("Mongolia", ("Mongolian",), ("منغوليا",)),
    ("Nepal", ("Nepali", "Nepalese"), ("نيبال",)),
    ("Netherlands", ("Dutch", "Holland"), ("هولندا",)),
    ("New Zealand", ("New Zealander",), ("نيوزيلندا", "نيوزلندا")),
    ("Niger", ("Nigerien",), ("النيجر",)),
    ("Nigeria", ("Nigerian",), ("نيجيريا",)),
    ("North Korea", ("North Korean", "DPRK"), ("كوريا الشمالية",)),
    ("Norway", ("Norwegian",), ("النرويج",)),
    ("Pakistan", ("Pakistani",), ("باكستان",)),
    ("Palestine", ("Palestinian", "Palestinians"), ("فلسطين",)),
    ("Peru", ("Peruvian",), ("بيرو",)),
    ("Philippines", ("Filipino", "Philippine"), ("الفلبين",)),
    ("Poland", ("Polish",), ("بولندا",)),
    ("Portugal", ("Portuguese",), ("البرتغال",)),
    ("Romania", ("Romanian",), ("رومانيا",)),
    ("Russia", ("Russian", "Russians"), ("روسيا", "الروس")),
    ("Rwanda", ("Rwandan",), ("رواندا",)),
    ("Saudi Arabia", ("Saudi", "Saudis"), ("السعودية",)),
    ("Scotland", ("Scottish",), ("اسكتلندا", "إسكتلندا")),
    ("Senegal", ("Senegalese",), ("السنغال",)),
    ("Serbia", ("Serbian", "Serbs"), ("صربيا", "الصرب")),
    ("Sierra Leone", ("Sierra Leonean",), ("سيراليون",)),
    ("Singapore", ("Singaporean",), ("سنغافورة",)),
    ("Somalia", ("Somali",), ("الصومال",)),
    ("South Africa", ("South African",), ("جنوب أفريقيا", "جنوب إفريقيا")),
    ("South Korea", ("South Korean", "Korea", "Korean"), ("كوريا الجنوبية", "كوريا")),
    ("Korea", ("Korean", "Koreans"), ("كوريا",)),
    ("Spain", ("Spanish",), ("إسبانيا", "أسبانيا")),
    ("Sri Lanka", ("Sri Lankan",), ("سريلانكا", "سري لانكا")),
    ("Sudan", ("Sudanese",), ("السودان",)),
    ("Sweden", ("Swedish",), ("السويد",)),
    ("Switzerland", ("Swiss",), ("سويسرا",)),
    ("Syria", ("Syrian", "Syrians"), ("سوريا", "سورية")),
    ("Taiwan", ("Taiwanese",), ("تايوان",)),
    ("Tanzania", ("Tanzanian",), ("تنزانيا",)),
    ("Thailand", ("Thai",), ("تايلاند", "تايلند")),
    ("Tunisia", ("Tunisian",), ("تونس",)),
    ("Turkey", ("Turkish", "Turks", "Türkiye"), ("تركيا", "الأتراك")),
    ("Uganda", ("Ugandan",), ("أوغندا",)),
    ("Ukraine", ("Ukrainian", "Ukrainians"), ("أوكرانيا",)),
    ("United Arab Emirates", ("UAE", "Emirati", "Emirates"), ("الإمارات",)),
    ("United Kingdom", ("UK", "U.K.", "Britain", "British"), ("المملكة المتحدة", "بريطانيا")),
    ("United States", ("US", "U.S.", "USA", "America", "American", "Americans"),
     ("الولايات المتحدة", "أمريكا", "أميركا")),
    ("Venezuela", ("Venezuelan",), ("فنزويلا",)),
    ("Vietnam", ("Vietnamese", "Viet Nam"), ("فيتنام",)),
    ("Yemen", ("Yemeni",), ("اليمن",)),
    ("Zambia", ("Zambian",), ("زامبيا",)),
    ("Zimbabwe", ("Zimbabwean",), ("زيمبابوي",)),
    ("Cairo", (), ("القاهرة",)),
    ("Beijing", ("Peking",), ("بكين",)),
    ("Moscow", (), ("موسكو",)),
    ("London", (), ("لندن",)),
    ("Paris", (), ("باريس",)),
    ("Berlin", (), ("برلين",)),
    ("Rome", ("Roman",), ("روما",)),
    ("Athens", ("Athenian",), ("أثينا",)),
    ("Vienna", (), ("فيينا",)),
    ("Lisbon", (), ("لشبونة",)),
    ("Damascus", (), ("دمشق",)),
    ("Baghdad", (), ("بغداد",)),
    ("Beirut", (), ("بيروت",)),
    ("Tehran", (), ("طهران",)),
    ("Riyadh", (), ("الرياض",)),
    ("Jerusalem", (), ("القدس",)),
    ("Washington", (), ("واشنطن",)),
    ("New York", (), ("نيويورك",)),
    ("Tokyo", (), ("طوكيو",)),
    ("Istanbul", (), ("إسطنبول", "اسطنبول")),
    ("Geneva", (), ("جنيف",)),
    ("Brussels", (), ("بروكسل",)),
    # International bodies whose Arabic name is a translation.
    ("United Nations", ("UN", "U.N."), ("الأمم المتحدة",)),
    ("European Union", ("EU", "E.U."), ("الاتحاد الأوروبي",)),
    ("NATO", ("North Atlantic Treaty Organization",), ("الناتو", "حلف شمال الأطلسي",
                                                       "حلف الأطلسي")),
    ("World Health Organization", ("WHO",), ("منظمة الصحة العالمية",)),
    ("World Bank", (), ("البنك الدولي",)),
    ("International Monetary Fund", ("IMF",), ("صندوق النقد الدولي",)),
    ("Arab League", ("League of Arab States",), ("الجامعة العربية", "جامعة الدول العربية")),
    ("Red Cross", ("ICRC",), ("الصليب الأحمر",)),
)
