#!/usr/bin/env python3
"""Write a synthetic corpus of political news for the ingest benchmark.

What it writes
    A JSON Lines corpus that `chronicle ingest` and `chronicle extract` read
    (*.jsonl, one article a line: id, url, source, published, lang, title,
    text).  About half the articles are Arabic and half English.  Each article
    is built from sentence templates of political news that the extractor can
    read ("Russian President Vladimir Putin said on Tuesday that ...",
    "زار وزير الخارجية التركي هاكان فيدان القاهرة يوم الثلاثاء"), filled with
    real actors (heads of state and government, ministers, states, capitals,
    organisations, news agencies) and with dates in many forms (weekday names,
    explicit dates, yesterday / أمس, last week / الأسبوع الماضي, none).
    Sentences of ordinary news prose with no event fill the rest.

    * Sizes: an article's JSON line is drawn between 1 and 6 KB of UTF-8
      (triangular, mean 3 KB).
    * Events: --events-per-article K (default 10) is the mean number of
      event-bearing sentences; an article gets K x its size / 3 KB of them, so
      short articles are not all events.  A sentence may hold more than one
      event word, so the extractor finds roughly K events per article.
    * Dates: `published` is spread over 2015-2025; explicit dates in the text
      lie up to 45 days before it.
    * Urls are unique within a corpus: https://bench.example/LANG/N.

    The output depends only on --seed: the same seed gives a byte-identical
    file, and the first M articles are the same for every --articles >= M (a
    larger corpus extends a smaller one).  Articles are written as they are
    made, so memory stays constant for any N.

Usage
    gen_corpus.py --articles N --out FILE.jsonl [--seed S]
                  [--events-per-article K]

    The number of bytes and articles written is printed on standard error.
"""

import argparse
import collections
import datetime
import json
import os
import random
import re
import sys

MEAN_BYTES = 3000                       # mean size of an article's JSON line
MIN_BYTES, MAX_BYTES, MODE_BYTES = 1000, 6000, 2000   # triangular: mean 3000
FIRST_DAY = datetime.date(2015, 1, 1)
LAST_DAY = datetime.date(2025, 12, 31)
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

# --------------------------------------------------------------------------
# Actors.  Gender ("m"/"f") is that of the Arabic verb the actor takes as
# subject (and of English his/her for people).
# --------------------------------------------------------------------------

State = collections.namedtuple("State", "en ar en_adj ar_adj en_capital ar_capital gender")
Person = collections.namedtuple("Person", "en_title en_name en_short"
                                          " ar_title ar_name ar_short gender state")
Body = collections.namedtuple("Body", "en ar gender")     # organisation, agency

STATES = {
    "RU": ("Russia", "روسيا", "Russian", "الروسي", "Moscow", "موسكو", "f"),
    "TR": ("Turkey", "تركيا", "Turkish", "التركي", "Ankara", "أنقرة", "f"),
    "EG": ("Egypt", "مصر", "Egyptian", "المصري", "Cairo", "القاهرة", "f"),
    "QA": ("Qatar", "قطر", "Qatari", "القطري", "Doha", "الدوحة", "f"),
    "US": ("the United States", "الولايات المتحدة", "US", "الأمريكي",
           "Washington", "واشنطن", "f"),
    "FR": ("France", "فرنسا", "French", "الفرنسي", "Paris", "باريس", "f"),
    "DE": ("Germany", "ألمانيا", "German", "الألماني", "Berlin", "برلين", "f"),
    "GB": ("the United Kingdom", "بريطانيا", "British", "البريطاني",
           "London", "لندن", "f"),
    "CN": ("China", "الصين", "Chinese", "الصيني", "Beijing", "بكين", "f"),
    "IR": ("Iran", "إيران", "Iranian", "الإيراني", "Tehran", "طهران", "f"),
    "SY": ("Syria", "سوريا", "Syrian", "السوري", "Damascus", "دمشق", "f"),
    "SA": ("Saudi Arabia", "السعودية", "Saudi", "السعودي", "Riyadh", "الرياض", "f"),
    "JO": ("Jordan", "الأردن", "Jordanian", "الأردني", "Amman", "عمان", "m"),
    "IL": ("Israel", "إسرائيل", "Israeli", "الإسرائيلي", "Tel Aviv", "تل أبيب", "f"),
    "UA": ("Ukraine", "أوكرانيا", "Ukrainian", "الأوكراني", "Kyiv", "كييف", "f"),
    "KP": ("North Korea", "كوريا الشمالية", "North Korean", "الكوري الشمالي",
           "Pyongyang", "بيونغ يانغ", "f"),
    "IN": ("India", "الهند", "Indian", "الهندي", "New Delhi", "نيودلهي", "f"),
    "LB": ("Lebanon", "لبنان", "Lebanese", "اللبناني", "Beirut", "بيروت", "m"),
    "IQ": ("Iraq", "العراق", "Iraqi", "العراقي", "Baghdad", "بغداد", "m"),
    "DZ": ("Algeria", "الجزائر", "Algerian", "الجزائري", "Algiers", "الجزائر", "f"),
    "TN": ("Tunisia", "تونس", "Tunisian", "التونسي", "Tunis", "تونس", "f"),
    "AE": ("the United Arab Emirates", "الإمارات", "Emirati", "الإماراتي",
           "Abu Dhabi", "أبوظبي", "f"),
    "PS": ("Palestine", "فلسطين", "Palestinian", "الفلسطيني",
           "Ramallah", "رام الله", "f"),
    "JP": ("Japan", "اليابان", "Japanese", "الياباني", "Tokyo", "طوكيو", "f"),
    "OM": ("Oman", "سلطنة عمان", "Omani", "العماني", "Muscat", "مسقط", "f"),
    "IT": ("Italy", "إيطاليا", "Italian", "الإيطالي", "Rome", "روما", "f"),
    "SD": ("Sudan", "السودان", "Sudanese", "السوداني", "Khartoum", "الخرطوم", "m"),
    "LY": ("Libya", "ليبيا", "Libyan", "الليبي", "Tripoli", "طرابلس", "f"),
}
STATES = {code: State(*row) for code, row in STATES.items()}

# The state is None for officials of an organisation.
PEOPLE = [
    ("Russian President", "Vladimir Putin", "Putin",
     "الرئيس الروسي", "فلاديمير بوتين", "بوتين", "m", "RU"),
    ("Russian Foreign Minister", "Sergei Lavrov", "Lavrov",
     "وزير الخارجية الروسي", "سيرغي لافروف", "لافروف", "m", "RU"),
    ("Kremlin spokesman", "Dmitry Peskov", "Peskov",
     "المتحدث باسم الكرملين", "دميتري بيسكوف", "بيسكوف", "m", "RU"),
    ("Russian Deputy Foreign Minister", "Sergei Ryabkov", "Ryabkov",
     "نائب وزير الخارجية الروسي", "سيرغي ريابكوف", "ريابكوف", "m", "RU"),
    ("Russian Foreign Ministry spokeswoman", "Maria Zakharova", "Zakharova",
     "المتحدثة باسم وزارة الخارجية الروسية", "ماريا زاخاروفا", "زاخاروفا", "f", "RU"),
    ("Turkish President", "Recep Tayyip Erdogan", "Erdogan",
     "الرئيس التركي", "رجب طيب أردوغان", "أردوغان", "m", "TR"),
    ("Turkish Foreign Minister", "Hakan Fidan", "Fidan",
     "وزير الخارجية التركي", "هاكان فيدان", "فيدان", "m", "TR"),
    ("Egyptian President", "Abdel Fattah al-Sisi", "Sisi",
     "الرئيس المصري", "عبد الفتاح السيسي", "السيسي", "m", "EG"),
    ("Egyptian Foreign Minister", "Sameh Shoukry", "Shoukry",
     "وزير الخارجية المصري", "سامح شكري", "شكري", "m", "EG"),
    ("Qatar's Emir", "Sheikh Tamim bin Hamad Al Thani", "Sheikh Tamim",
     "أمير قطر", "الشيخ تميم بن حمد آل ثاني", "الشيخ تميم", "m", "QA"),
    ("Qatari Prime Minister", "Sheikh Mohammed bin Abdulrahman Al Thani",
     "Sheikh Mohammed bin Abdulrahman", "رئيس الوزراء القطري",
     "الشيخ محمد بن عبد الرحمن آل ثاني", "الشيخ محمد بن عبد الرحمن", "m", "QA"),
    ("US Secretary of State", "Antony Blinken", "Blinken",
     "وزير الخارجية الأمريكي", "أنتوني بلينكن", "بلينكن", "m", "US"),
    ("US President", "Joe Biden", "Biden",
     "الرئيس الأمريكي", "جو بايدن", "بايدن", "m", "US"),
    ("US President", "Donald Trump", "Trump",
     "الرئيس الأمريكي", "دونالد ترامب", "ترامب", "m", "US"),
    ("US special envoy", "Keith Kellogg", "Kellogg",
     "المبعوث الأمريكي الخاص", "كيث كيلوج", "كيلوج", "m", "US"),
    ("US Defense Secretary", "Lloyd Austin", "Austin",
     "وزير الدفاع الأمريكي", "لويد أوستن", "أوستن", "m", "US"),
    ("French President", "Emmanuel Macron", "Macron",
     "الرئيس الفرنسي", "إيمانويل ماكرون", "ماكرون", "m", "FR"),
    ("German Chancellor", "Olaf Scholz", "Scholz",
     "المستشار الألماني", "أولاف شولتس", "شولتس", "m", "DE"),
    ("German Foreign Minister", "Annalena Baerbock", "Baerbock",
     "وزيرة الخارجية الألمانية", "أنالينا بيربوك", "بيربوك", "f", "DE"),
    ("British Prime Minister", "Keir Starmer", "Starmer",
     "رئيس الوزراء البريطاني", "كير ستارمر", "ستارمر", "m", "GB"),
    ("Italian Prime Minister", "Giorgia Meloni", "Meloni",
     "رئيسة الوزراء الإيطالية", "جورجيا ميلوني", "ميلوني", "f", "IT"),
    ("Chinese President", "Xi Jinping", "Xi",
     "الرئيس الصيني", "شي جين بينغ", "شي جين بينغ", "m", "CN"),
    ("Chinese Foreign Minister", "Wang Yi", "Wang Yi",
     "وزير الخارجية الصيني", "وانغ يي", "وانغ يي", "m", "CN"),
    ("Iran's Supreme Leader", "Ali Khamenei", "Khamenei",
     "المرشد الأعلى الإيراني", "علي خامنئي", "خامنئي", "m", "IR"),
    ("Iranian President", "Masoud Pezeshkian", "Pezeshkian",
     "الرئيس الإيراني", "مسعود بزشكيان", "بزشكيان", "m", "IR"),
    ("Iranian Foreign Minister", "Abbas Araghchi", "Araghchi",
     "وزير الخارجية الإيراني", "عباس عراقجي", "عراقجي", "m", "IR"),
    ("Syrian President", "Bashar al-Assad", "Assad",
     "الرئيس السوري", "بشار الأسد", "الأسد", "m", "SY"),
    ("Syrian Foreign Minister", "Faisal Mekdad", "Mekdad",
     "وزير الخارجية والمغتربين السوري", "فيصل المقداد", "المقداد", "m", "SY"),
    ("Saudi Crown Prince", "Mohammed bin Salman", "Mohammed bin Salman",
     "ولي العهد السعودي", "الأمير محمد بن سلمان", "محمد بن سلمان", "m", "SA"),
    ("Saudi Foreign Minister", "Prince Faisal bin Farhan", "Prince Faisal",
     "وزير الخارجية السعودي", "الأمير فيصل بن فرحان", "فيصل بن فرحان", "m", "SA"),
    ("Jordan's King", "Abdullah II", "King Abdullah",
     "العاهل الأردني", "الملك عبد الله الثاني", "الملك عبد الله", "m", "JO"),
    ("Jordanian Foreign Minister", "Ayman Safadi", "Safadi",
     "وزير الخارجية الأردني", "أيمن الصفدي", "الصفدي", "m", "JO"),
    ("Israeli Prime Minister", "Benjamin Netanyahu", "Netanyahu",
     "رئيس الوزراء الإسرائيلي", "بنيامين نتنياهو", "نتنياهو", "m", "IL"),
    ("Ukrainian President", "Volodymyr Zelensky", "Zelensky",
     "الرئيس الأوكراني", "فولوديمير زيلينسكي", "زيلينسكي", "m", "UA"),
    ("Ukrainian Foreign Minister", "Dmytro Kuleba", "Kuleba",
     "وزير الخارجية الأوكراني", "دميترو كوليبا", "كوليبا", "m", "UA"),
    ("North Korean leader", "Kim Jong Un", "Kim Jong Un",
     "الزعيم الكوري الشمالي", "كيم جونغ أون", "كيم جونغ أون", "m", "KP"),
    ("Indian Prime Minister", "Narendra Modi", "Modi",
     "رئيس الوزراء الهندي", "ناريندرا مودي", "مودي", "m", "IN"),
    ("Palestinian President", "Mahmoud Abbas", "Abbas",
     "الرئيس الفلسطيني", "محمود عباس", "عباس", "m", "PS"),
    ("Lebanese Prime Minister", "Najib Mikati", "Mikati",
     "رئيس الوزراء اللبناني", "نجيب ميقاتي", "ميقاتي", "m", "LB"),
    ("Iraqi Prime Minister", "Mohammed Shia al-Sudani", "Sudani",
     "رئيس الوزراء العراقي", "محمد شياع السوداني", "السوداني", "m", "IQ"),
    ("Algerian President", "Abdelmadjid Tebboune", "Tebboune",
     "الرئيس الجزائري", "عبد المجيد تبون", "تبون", "m", "DZ"),
    ("Tunisian President", "Kais Saied", "Saied",
     "الرئيس التونسي", "قيس سعيد", "قيس سعيد", "m", "TN"),
    ("UAE President", "Sheikh Mohamed bin Zayed", "Sheikh Mohamed bin Zayed",
     "رئيس دولة الإمارات", "الشيخ محمد بن زايد آل نهيان", "الشيخ محمد بن زايد", "m", "AE"),
    ("Japanese Prime Minister", "Fumio Kishida", "Kishida",
     "رئيس الوزراء الياباني", "فوميو كيشيدا", "كيشيدا", "m", "JP"),
    ("Omani Foreign Minister", "Badr Albusaidi", "Albusaidi",
     "وزير الخارجية العماني", "بدر البوسعيدي", "البوسعيدي", "m", "OM"),
    ("UN Secretary-General", "Antonio Guterres", "Guterres",
     "الأمين العام للأمم المتحدة", "أنطونيو غوتيريش", "غوتيريش", "m", None),
    ("NATO Secretary-General", "Jens Stoltenberg", "Stoltenberg",
     "الأمين العام لحلف شمال الأطلسي", "ينس ستولتنبرغ", "ستولتنبرغ", "m", None),
    ("Arab League Secretary-General", "Ahmed Aboul Gheit", "Aboul Gheit",
     "الأمين العام لجامعة الدول العربية", "أحمد أبو الغيط", "أبو الغيط", "m", None),
    ("EU foreign policy chief", "Josep Borrell", "Borrell",
     "مسؤول السياسة الخارجية في الاتحاد الأوروبي", "جوزيب بوريل", "بوريل", "m", None),
]
PEOPLE = [Person(*row) for row in PEOPLE]

ORGANISATIONS = [
    ("NATO", "حلف شمال الأطلسي", "m"),
    ("the United Nations", "الأمم المتحدة", "f"),
    ("the European Union", "الاتحاد الأوروبي", "m"),
    ("the Arab League", "جامعة الدول العربية", "f"),
    ("the African Union", "الاتحاد الأفريقي", "m"),
    ("the UN Security Council", "مجلس الأمن الدولي", "m"),
    ("the International Atomic Energy Agency", "الوكالة الدولية للطاقة الذرية", "f"),
    ("the Gulf Cooperation Council", "مجلس التعاون الخليجي", "m"),
    ("the World Health Organization", "منظمة الصحة العالمية", "f"),
    ("the Organisation of Islamic Cooperation", "منظمة التعاون الإسلامي", "f"),
]
ORGANISATIONS = [Body(*row) for row in ORGANISATIONS]

AGENCIES = [
    ("Reuters", "رويترز", "f"),
    ("TASS", "وكالة تاس", "f"),
    ("SANA", "وكالة سانا", "f"),
    ("QNA", "وكالة الأنباء القطرية", "f"),
    ("AFP", "وكالة الصحافة الفرنسية", "f"),
    ("Anadolu", "وكالة الأناضول", "f"),
    ("Xinhua", "وكالة شينخوا", "f"),
    ("IRNA", "وكالة إرنا", "f"),
    ("Sputnik", "وكالة سبوتنيك", "f"),
    ("MENA", "وكالة أنباء الشرق الأوسط", "f"),
    ("WAM", "وكالة أنباء الإمارات", "f"),
    ("the Associated Press", "وكالة أسوشيتد برس", "f"),
]
AGENCIES = [Body(*row) for row in AGENCIES]

# --------------------------------------------------------------------------
# Words that fill the templates, by language.
# --------------------------------------------------------------------------

QUOTES = {
    "en": ["We will not accept this", "Our position has not changed",
           "The door to dialogue remains open",
           "We are ready to work with all our partners",
           "This is a dangerous escalation",
           "There can be no military solution to this crisis",
           "We expect concrete steps, not words",
           "The security of the region concerns everyone"],
    "ar": ["لن نقبل بهذا", "موقفنا لم يتغير", "باب الحوار لا يزال مفتوحا",
           "نحن مستعدون للعمل مع جميع شركائنا", "هذا تصعيد خطير",
           "لا حل عسكريا لهذه الأزمة", "ننتظر خطوات ملموسة لا أقوالا",
           "أمن المنطقة يهم الجميع"],
}

CLAIMS = {          # indirect speech after "said that" / "أكد أن"
    "en": ["the talks had been constructive",
           "the door to dialogue remained open",
           "regional security required joint efforts",
           "the situation on the ground was getting worse",
           "no agreement had been reached yet",
           "pressure would not change the position of the government",
           "trade between the two countries had grown significantly",
           "the crisis could only be resolved by political means"],
    "ar": ["المحادثات كانت بناءة", "باب الحوار لا يزال مفتوحا",
           "أمن المنطقة يتطلب جهودا مشتركة", "الوضع على الأرض يزداد سوءا",
           "المفاوضات لم تسفر عن اتفاق حتى الآن", "الضغوط لن تغير موقف الحكومة",
           "حجم التبادل التجاري بين البلدين ارتفع بشكل ملحوظ",
           "الأزمة لا يمكن حلها إلا بالوسائل السياسية"],
}

TOPICS = {
    "en": ["regional security", "the situation in Gaza", "the war in Ukraine",
           "energy supplies", "grain exports", "the Iranian nuclear file",
           "bilateral trade", "the crisis in Sudan", "the return of refugees",
           "shipping in the Red Sea", "the reconstruction of Syria", "water security"],
    "ar": ["الأمن الإقليمي", "الأوضاع في غزة", "الحرب في أوكرانيا",
           "إمدادات الطاقة", "صادرات الحبوب", "الملف النووي الإيراني",
           "التبادل التجاري", "الأزمة في السودان", "عودة اللاجئين",
           "الملاحة في البحر الأحمر", "إعادة إعمار سوريا", "الأمن المائي"],
}

AGREEMENTS = {
    "en": ["an economic cooperation agreement",
           "a memorandum of understanding on energy", "a free trade agreement",
           "a defence cooperation agreement", "an agreement on visa exemption",
           "a memorandum of understanding on investment"],
    "ar": ["اتفاقية تعاون اقتصادي", "مذكرة تفاهم في مجال الطاقة",
           "اتفاقية للتجارة الحرة", "اتفاقية تعاون دفاعي",
           "اتفاقية للإعفاء من التأشيرات", "مذكرة تفاهم في مجال الاستثمار"],
}

WATERS = {
    "en": ["the Black Sea", "the Mediterranean", "the Gulf", "the Red Sea",
           "the Sea of Japan"],
    "ar": ["البحر الأسود", "البحر المتوسط", "مياه الخليج", "البحر الأحمر",
           "بحر اليابان"],
}

WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "ar": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
}

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"],
    "levant": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
               "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"],
    "egypt": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو",
              "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
}

# --------------------------------------------------------------------------
# Templates.  {SLOT} is filled (see Filler.value); [masc|fem] takes the form
# that agrees with the subject, [masc|fem:SLOT] with another slot's actor.
# The subject is the first actor slot of the template.
#   P/p  a person: title and name / short name;  Q/q  a second person
#   S T U  states;  Sa Ta  their adjectives;  Sc Tc  their capitals
#   Pc  the capital of P's state;  C  a capital P does not govern
#   O  an organisation;  A  a news agency
#   D  a date ("on Tuesday", "يوم 12 آذار 2024", "yesterday", or nothing)
#   X  a quotation;  Y  reported content;  Z  a topic;  G  an agreement
#   W  a sea or gulf
# --------------------------------------------------------------------------

EVENT_TEMPLATES = {
    "en": [
        "{P} said {D} that {Y}.",
        "{P} visited {C} {D}, where [he|she] held talks with senior officials on {Z}.",
        "{S} and {T} signed {G} in {C} {D}.",
        '"{X}," {p} told reporters.',
        "{S} imposed sanctions on {T} {D}.",
        "{p} met [his|her] {Ta} counterpart in {Tc} {D}.",
        "{P} met {Q} in {C} {D} to discuss {Z}.",
        "{p} held talks with {Q} {D} on {Z}.",
        "{P} spoke by phone with {Q} {D} about {Z}.",
        "{O} called on all parties to exercise restraint {D}.",
        "{S} condemned the air strikes on targets in {T} {D}.",
        "{O} welcomed the agreement between {S} and {T} on {Z} {D}.",
        "{p} accused {T} {D} of obstructing efforts to resolve the crisis.",
        "{S} threatened to impose sanctions on {T} {D}.",
        "{S} summoned the {Ta} ambassador {D} in protest at remarks by {q}.",
        "{p} denied {D} that any secret negotiations with {T} were under way.",
        "{P} will visit {C} next week, {A} reported.",
        "{p} told {A} {D} that {Y}.",
        "{P} and {Q} discussed {Z} during a meeting in {C} {D}.",
        "{O} demanded the release of detainees held in {T} {D}.",
        "{p} rejected a proposal put forward by {T} to settle the crisis {D}.",
        "{P} praised the mediation efforts of {S} {D}.",
        "{S} pledged humanitarian aid to {T} {D}.",
        "{S} suspended talks with {T} {D}.",
        "{S} hosted a new round of talks between {T} and {U} in {Sc} {D}.",
        "{S} restored diplomatic relations with {T} {D}, {A} reported.",
        "{P} warned {D} that any escalation in {W} would have serious consequences.",
        "{P} attended a summit of {O} in {C} {D}.",
        "{O} denounced the attack on an aid convoy in {T} {D}.",
        "{S} launched air strikes on positions in {T} {D}.",
        "{S} and {T} held joint military exercises in {W} {D}.",
        "{S} freed several {Ta} citizens {D}, {A} said.",
        '"{X}," {p} added.',
        "{p} told a news conference in {C} {D} that {Y}.",
        "{P} criticized the policy of {T} on {Z} {D}.",
        "{S} expelled diplomats of {T} {D}.",
        "{P} received {Q} in {Pc} {D} for talks on {Z}.",
        "{O} urged {S} and {T} {D} to return to negotiations.",
    ],
    "ar": [
        "[أكد|أكدت] {P} {D} أن {Y}.",
        "[زار|زارت] {P} {C} {D}، حيث [أجرى|أجرت] محادثات مع كبار المسؤولين حول {Z}.",
        "[وقع|وقعت] {S} و{T} {G} في {C} {D}.",
        "[وقال|وقالت] {p} في مؤتمر صحفي: “{X}”.",
        "[فرض|فرضت] {S} عقوبات على {T} {D}.",
        "[التقى|التقت] {p} [نظيره|نظيرها] {Ta} في {Tc} {D}.",
        "[التقى|التقت] {P} {Q} في {C} {D} لبحث {Z}.",
        "[أجرى|أجرت] {p} محادثات مع {Q} {D} تناولت {Z}.",
        "[أجرى|أجرت] {P} اتصالا هاتفيا مع {Q} {D} تناول {Z}.",
        "[دعا|دعت] {O} {D} جميع الأطراف إلى ضبط النفس.",
        "[أدان|أدانت] {S} {D} الغارات التي استهدفت مواقع في {T}.",
        "[رحب|رحبت] {O} {D} بالاتفاق بين {S} و{T} بشأن {Z}.",
        "[انتقد|انتقدت] {p} {D} سياسة {T} تجاه {Z}.",
        "[هدد|هددت] {S} {D} بفرض عقوبات جديدة على {T}.",
        "[سلم|سلمت] {S} {D} سفير {T} مذكرة احتجاج على تصريحات {q}.",
        "[نفى|نفت] {p} {D} وجود أي مفاوضات سرية مع {T}.",
        "[وذكر|وذكرت:A] {A} أن {P} [سيزور|ستزور:P] {C} الأسبوع المقبل.",
        "[ونقل|ونقلت:A] {A} عن {p} [قوله|قولها:P] {D} إن {Y}.",
        "[اجتمع|اجتمعت] {P} مع {Q} في {C} {D} وبحث الجانبان {Z}.",
        "[طالب|طالبت] {O} {D} بالإفراج عن المحتجزين في {T}.",
        "[رفض|رفضت] {p} {D} المقترح الذي [قدمه|قدمته:T] {T} لتسوية الأزمة.",
        "[أشاد|أشادت] {P} {D} بجهود {S} في الوساطة بين الأطراف.",
        "[تعهد|تعهدت] {S} {D} بتقديم مساعدات إنسانية إلى {T}.",
        "[أعلن|أعلنت] {S} {D} تعليق المفاوضات مع {T}.",
        "[استضاف|استضافت] {S} في {Sc} {D} جولة جديدة من المحادثات بين {T} و{U}.",
        "[قرر|قررت] {S} {D} استئناف العلاقات الدبلوماسية مع {T}، حسبما [أفاد|أفادت:A] {A}.",
        "[حذر|حذرت] {P} {D} من أن أي تصعيد في {W} ستكون له عواقب وخيمة.",
        "[شارك|شاركت] {P} {D} في قمة {O} التي عقدت في {C}.",
        "[ندد|نددت] {O} {D} بالاعتداء على قافلة مساعدات في {T}.",
        "[شن|شنت] {S} {D} غارات جوية على مواقع في {T}.",
        "[أجرى|أجرت] {S} و{T} {D} مناورات عسكرية مشتركة في {W}.",
        "[أفرج|أفرجت] {S} {D} عن عدد من مواطني {T}، وفق {A}.",
        "[وأضاف|وأضافت] {p}: “{X}”.",
        "[وأوضح|وأوضحت] {p} {D} في مؤتمر صحفي في {C} أن {Y}.",
        "[أعلن|أعلنت] {S} {D} طرد دبلوماسيين يعملون في سفارة {T}.",
        "[استقبل|استقبلت] {P} في {Pc} {D} {Q}، وجرى خلال اللقاء بحث {Z}.",
        "[حث|حثت] {O} {D} {S} و{T} على العودة إلى المفاوضات.",
        "[أبرم|أبرمت] {S} و{T} {D} صفقة لتبادل الأسرى بوساطة {U}.",
    ],
}

# Ordinary news prose with no actor and no event word; {n} is a small number
# (2-95), {N} a count (10-9000).
FILLER = {
    "en": [
        "Prices of basic goods rose by {n} percent over the past year.",
        "Traffic was heavy on the main roads leading into the city centre.",
        "The local currency was little changed against the dollar in early trading.",
        "Schools in several districts reopened after a short winter break.",
        "The national football team is preparing for a qualifying match.",
        "Farmers in the north are expecting a better harvest than last season.",
        "Electricity supplies were restored to most neighbourhoods by the evening.",
        "A new bridge over the river is expected to open to traffic next year.",
        "The stock exchange index closed {N} points higher.",
        "Hospitals in the region have recorded a rise in seasonal flu cases.",
        "Airlines added extra flights to cope with demand during the holidays.",
        "Fuel queues have become shorter in recent days.",
        "The results of the national exams were published on the ministry website.",
        "Construction of the new metro line is about {n} percent complete.",
        "Rain is forecast for coastal areas over the coming days.",
        "Tourist numbers have recovered to their level before the pandemic.",
        "The central bank kept its main interest rate unchanged.",
        "Analysts expect growth to slow slightly in the coming quarter.",
        "Residents complain about the rising cost of rent in the capital.",
        "The annual book fair opened its doors with more than {N} publishers taking part.",
        "Exports of fruit and vegetables increased compared with the same period last year.",
        "A heatwave pushed demand for electricity to a record high.",
        "The port handled more than {N} containers in the first half of the year.",
        "Officials hope the new highway will cut journey times between the two cities.",
        "The government plans to build {N} new housing units over the next five years.",
        "Wheat prices on world markets fell for a third consecutive week.",
        "The national museum reopened after a renovation that lasted nearly two years.",
        "Unemployment among young people remains high.",
        "Several roads were closed for maintenance work.",
        "The new school year will begin in September.",
    ],
    "ar": [
        "وارتفعت أسعار المواد الغذائية الأساسية بنسبة {n} بالمئة خلال العام الماضي.",
        "وتشهد الطرق الرئيسية المؤدية إلى وسط المدينة ازدحاما مروريا كبيرا.",
        "واستقر سعر صرف العملة المحلية أمام الدولار في تعاملات الصباح.",
        "وعادت المدارس في عدد من المحافظات إلى استئناف الدراسة بعد عطلة قصيرة.",
        "ويستعد المنتخب الوطني لكرة القدم لخوض مباراة حاسمة في التصفيات.",
        "ويتوقع المزارعون في المناطق الشمالية موسما زراعيا أفضل من الموسم السابق.",
        "وعادت الكهرباء إلى معظم الأحياء في ساعات المساء.",
        "ومن المتوقع افتتاح الجسر الجديد أمام حركة المرور العام المقبل.",
        "وأغلق مؤشر البورصة مرتفعا بمقدار {N} نقطة.",
        "وسجلت المستشفيات ارتفاعا في حالات الإنفلونزا الموسمية.",
        "وسيرت شركات الطيران رحلات إضافية لتلبية الطلب المتزايد خلال العطلة.",
        "وتراجعت طوابير الوقود أمام المحطات في الأيام الأخيرة.",
        "وظهرت نتائج الامتحانات الوطنية على الموقع الإلكتروني للوزارة.",
        "وبلغت نسبة الإنجاز في مشروع الخط الجديد للمترو نحو {n} بالمئة.",
        "وتتوقع الأرصاد الجوية هطول أمطار على المناطق الساحلية خلال الأيام المقبلة.",
        "واستعاد قطاع السياحة عافيته بعد سنوات من التراجع.",
        "وأبقى البنك المركزي على سعر الفائدة الرئيسي دون تغيير.",
        "ويتوقع محللون تباطؤ النمو الاقتصادي بشكل طفيف في الربع المقبل.",
        "ويشكو السكان من ارتفاع أسعار الإيجارات في العاصمة.",
        "وافتتح معرض الكتاب السنوي أبوابه أمام الزوار بمشاركة أكثر من {N} دار نشر.",
        "وارتفعت صادرات الفواكه والخضار مقارنة بالفترة نفسها من العام الماضي.",
        "ودفعت موجة الحر الطلب على الكهرباء إلى مستوى قياسي.",
        "وتعامل الميناء مع أكثر من {N} حاوية خلال النصف الأول من العام.",
        "ويأمل المسؤولون أن يسهم الطريق السريع الجديد في تقليص زمن الرحلة بين المدينتين.",
        "وتعتزم الحكومة بناء {N} وحدة سكنية جديدة خلال السنوات الخمس المقبلة.",
        "وتراجعت أسعار القمح في الأسواق العالمية للأسبوع الثالث على التوالي.",
        "وأعيد افتتاح المتحف الوطني بعد أعمال ترميم استمرت نحو عامين.",
        "ولا تزال نسبة البطالة بين الشباب مرتفعة.",
        "وأغلقت عدة طرق أمام حركة السير لإجراء أعمال صيانة.",
        "ويبدأ العام الدراسي الجديد في أيلول.",
    ],
}

TITLES = {
    "en": ["{S} and {T} discuss {Z}", "{p} weighs in on {Z}",
           "Diplomatic activity intensifies over {Z}", "{O} focuses on {Z}"],
    "ar": ["{S} و{T} [يبحثان|تبحثان] {Z}", "{p} [يتحدث|تتحدث] عن {Z}",
           "حراك دبلوماسي مكثف حول {Z}", "{O} [يركز|تركز] على {Z}"],
}

TOKEN = re.compile(r"\{(\w+)\}|\[([^\]|]*)\|([^\]:]*)(?::(\w+))?\]")
ACTOR_OF = {"P": "P", "p": "P", "Q": "Q", "q": "Q", "S": "S", "T": "T", "U": "U",
            "O": "O", "A": "A"}         # slot -> the actor it names


def compile_template(text):
    """A template as a list of parts: text, ("slot", NAME) or
    ("alt", MASC, FEM, ACTOR), ACTOR being the slot the words agree with."""
    slots = [m.group(1) for m in TOKEN.finditer(text) if m.group(1) in ACTOR_OF]
    subject = ACTOR_OF[slots[0]] if slots else None
    parts, pos = [], 0
    for match in TOKEN.finditer(text):
        parts.append(text[pos:match.start()])
        slot, masc, fem, agree = match.groups()
        if slot:
            parts.append(("slot", slot))
        else:
            parts.append(("alt", masc, fem, ACTOR_OF.get(agree, subject)))
        pos = match.end()
    parts.append(text[pos:])
    return [part for part in parts if part != ""]


COMPILED = {kind: {lang: [compile_template(t) for t in table[lang]] for lang in table}
            for kind, table in (("event", EVENT_TEMPLATES), ("filler", FILLER),
                                ("title", TITLES))}


class Filler:
    """Fills one sentence.  Its actors are picked once, so that a slot used
    twice ({P} ... {p}) names the same actor, and a second actor differs from
    the first: a person of another state, another state, a foreign city."""

    def __init__(self, rng, lang, published):
        self.rng, self.lang, self.published = rng, lang, published
        self.ar = lang == "ar"
        self.chosen = {}

    def words(self, english, arabic):
        return arabic if self.ar else english

    def person(self, name):
        if name not in self.chosen:
            first = self.chosen.get("P")
            pool = PEOPLE if first is None else \
                [p for p in PEOPLE
                 if p is not first and (p.state is None or p.state != first.state)]
            self.chosen[name] = self.rng.choice(pool)
        return self.chosen[name]

    def state(self, name):
        if name not in self.chosen:
            taken = {self.chosen.get(s) for s in ("S", "T", "U")}
            if "P" in self.chosen:
                taken.add(self.chosen["P"].state)
            self.chosen[name] = self.rng.choice([c for c in STATES if c not in taken])
        return STATES[self.chosen[name]]

    def body(self, name):
        """An organisation (O) or a news agency (A)."""
        if name not in self.chosen:
            self.chosen[name] = self.rng.choice(ORGANISATIONS if name == "O" else AGENCIES)
        return self.chosen[name]

    def capital(self, code=None):
        """The capital of state code, else of a state that P does not govern."""
        if code is None:
            home = self.chosen["P"].state if "P" in self.chosen else None
            code = self.rng.choice([c for c in STATES if c != home])
        state = STATES[code]
        return self.words(state.en_capital, state.ar_capital)

    def gender(self, name):
        """Arabic gender (m/f) of the actor in slot name."""
        if name in ("P", "Q"):
            return self.person(name).gender
        if name in ("S", "T", "U"):
            return self.state(name).gender
        return self.body(name).gender

    def value(self, slot):
        """The words for slot, in the sentence's language."""
        rng = self.rng
        if slot in ("P", "Q"):
            p = self.person(slot)
            return self.words(p.en_title + " " + p.en_name, p.ar_title + " " + p.ar_name)
        if slot in ("p", "q"):
            p = self.person(slot.upper())
            return self.words(p.en_short, p.ar_short)
        if slot in ("S", "T", "U"):
            state = self.state(slot)
            return self.words(state.en, state.ar)
        if slot in ("Sa", "Ta"):
            state = self.state(slot[0])
            return self.words(state.en_adj, state.ar_adj)
        if slot in ("Sc", "Tc"):
            self.state(slot[0])
            return self.capital(self.chosen[slot[0]])
        if slot == "Pc":
            return self.capital(self.person("P").state or rng.choice(sorted(STATES)))
        if slot == "C":
            return self.capital()
        if slot in ("O", "A"):
            body = self.body(slot)
            return self.words(body.en, body.ar)
        if slot == "D":
            return date_phrase(rng, self.lang, self.published)
        if slot in ("n", "N"):
            number = str(rng.randint(2, 95) if slot == "n" else rng.randint(10, 9000))
            return number.translate(ARABIC_INDIC) if self.ar and rng.random() < 0.3 else number
        table = {"X": QUOTES, "Y": CLAIMS, "Z": TOPICS, "G": AGREEMENTS, "W": WATERS}[slot]
        return rng.choice(table[self.lang])

    def fill(self, parts):
        out = []
        for part in parts:
            if isinstance(part, str):
                out.append(part)
            elif part[0] == "slot":
                out.append(self.value(part[1]))
            else:
                out.append(part[1] if self.gender(part[3]) == "m" else part[2])
        return tidy("".join(out), self.ar)


def tidy(sentence, arabic):
    """Spaces left by an empty date removed; an English sentence capitalised."""
    sentence = re.sub(r" {2,}", " ", sentence)
    sentence = re.sub(r" ([.,،:])", r"\1", sentence).strip()
    if not arabic and sentence[:1].islower():
        sentence = sentence[0].upper() + sentence[1:]
    return sentence


def date_phrase(rng, lang, published):
    """A date as news writes it, relative to the article's publication day,
    or "" (no date).  Explicit dates lie up to 45 days before publication."""
    kind = rng.choices(("weekday", "explicit", "yesterday", "last week",
                        "last month", "today", "none"),
                       weights=(30, 25, 10, 10, 5, 5, 15))[0]
    ar = lang == "ar"
    if kind == "weekday":
        day = rng.choice(WEEKDAYS[lang])
        if ar:
            return rng.choice(("يوم ", "يوم ", "مساء ", "صباح ")) + day
        return "on " + day + rng.choice(("", "", "", " evening", " morning"))
    if kind == "explicit":
        when = published - datetime.timedelta(days=rng.randint(1, 45))
        if not ar:
            month = MONTHS["en"][when.month - 1]
            if rng.random() < 0.5:
                return "on %s %d, %d" % (month, when.day, when.year)
            return "on %d %s %d" % (when.day, month, when.year)
        month = MONTHS["levant" if rng.random() < 0.5 else "egypt"][when.month - 1]
        text = "%d %s %d" % (when.day, month, when.year)
        if rng.random() < 0.2:
            text = text.translate(ARABIC_INDIC)
        return rng.choice(("يوم ", "في ")) + text
    words = {"yesterday": ("yesterday", "أمس"), "last week": ("last week", "الأسبوع الماضي"),
             "last month": ("last month", "الشهر الماضي"), "today": ("today", "اليوم"),
             "none": ("", "")}[kind]
    return words[1] if ar else words[0]


def article_text(rng, lang, published, events, budget):
    """Paragraphs of `events` event sentences mixed with filler sentences until
    the text reaches `budget` bytes of UTF-8 (an event sentence leads)."""
    sentences = [Filler(rng, lang, published).fill(rng.choice(COMPILED["event"][lang]))
                 for _ in range(events)]
    size = sum(len(s.encode("utf-8")) + 1 for s in sentences)
    templates = COMPILED["filler"][lang]
    order = rng.sample(range(len(templates)), len(templates))   # few repeats
    fillers = []
    while size < budget:
        template = templates[order[len(fillers) % len(order)]]
        sentence = Filler(rng, lang, published).fill(template)
        fillers.append(sentence)
        size += len(sentence.encode("utf-8")) + 1
    for sentence in fillers:            # filler goes anywhere after the lead
        sentences.insert(rng.randint(1 if sentences else 0, len(sentences)), sentence)
    paragraphs, start = [], 0
    while start < len(sentences):
        length = rng.randint(2, 4)
        paragraphs.append(" ".join(sentences[start:start + length]))
        start += length
    return "\n".join(paragraphs)


def make_article(rng, number, events_per_article):
    """Article number (1-based) as a dict in the corpus's field order."""
    lang = "ar" if rng.random() < 0.5 else "en"
    published = FIRST_DAY + datetime.timedelta(
        days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    target = int(rng.triangular(MIN_BYTES, MAX_BYTES, MODE_BYTES))
    events = int(events_per_article * target / MEAN_BYTES + rng.random())
    if events_per_article > 0:
        events = max(1, events)
    agency = rng.choice(AGENCIES)
    article = {
        "id": str(number),
        "url": "https://bench.example/%s/%d" % (lang, number),
        "source": agency.ar if lang == "ar" else agency.en,
        "published": published.isoformat(),
        "lang": lang,
        "title": Filler(rng, lang, published).fill(rng.choice(COMPILED["title"][lang])),
        "text": "",
    }
    overhead = len(json.dumps(article, ensure_ascii=False).encode("utf-8")) + 1
    article["text"] = article_text(rng, lang, published, events, target - overhead)
    return article


def write_corpus(path, articles, seed, events_per_article):
    """Writes the corpus (via a temporary file, renamed when complete);
    returns the number of bytes written."""
    rng = random.Random(seed)
    written = 0
    partial = path + ".tmp"
    with open(partial, "w", encoding="utf-8", newline="\n") as out:
        for number in range(1, articles + 1):
            line = json.dumps(make_article(rng, number, events_per_article),
                              ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
    os.replace(partial, path)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="number of articles")
    parser.add_argument("--out", required=True, help="the corpus to write (*.jsonl)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--events-per-article", type=float, default=10.0, metavar="K",
                        help="mean event sentences per article (default 10)")
    args = parser.parse_args(argv)
    if args.articles < 0 or args.events_per_article < 0:
        parser.error("--articles and --events-per-article must not be negative")
    if not args.out.endswith(".jsonl"):
        parser.error("--out must end in .jsonl (chronicle reads a corpus by that name)")
    written = write_corpus(args.out, args.articles, args.seed, args.events_per_article)
    print("gen_corpus: wrote %d bytes, %d articles to %s"
          % (written, args.articles, args.out), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
