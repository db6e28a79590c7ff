"""What generated article sections say: red flags, side effects, warnings, questions.

Sentences take the article's words: {t} the treatment inside a sentence, {T} at its
start, {c} the condition.
"""

GENERATED_NOTICE = (
    "<p>This article was generated to test how the site copes with a large number of "
    "pages. Its findings, figures and references are invented. It is not medical "
    "advice.</p>"
)

EMERGENCY = (
    "you have chest pain that spreads to your arm, jaw, neck or back",
    "you suddenly feel confused, or cannot stay awake",
    "you have difficulty breathing, or your lips turn blue",
    "you have weakness or numbness on one side of your body",
    "you have a sudden, severe headache unlike any you have had before",
    "you collapse or have a fit for the first time",
    "you are bleeding heavily and it will not stop",
)
URGENT = (
    "your symptoms get worse quickly",
    "you have a high temperature and feel very unwell",
    "the pain wakes you at night and does not ease",
    "you have lost weight without trying",
    "you are still unwell after a week of treatment",
    "you are pregnant and your symptoms change suddenly",
)
SIDE_EFFECTS = (
    "Feeling sick",
    "Headache",
    "Drowsiness",
    "Dizziness",
    "Dry mouth",
    "Constipation",
    "Diarrhoea",
    "Stomach ache",
    "Skin rash",
    "Trouble sleeping",
    "Tiredness",
    "Muscle aches",
)
WARNINGS = (
    (
        "Can cause serious allergic reactions",
        "Rarely, {t} causes a serious allergic reaction. Stop and get help at once if "
        "your face, lips or throat swell.",
    ),
    (
        "Take care with other medicines",
        "{T} can change how some other medicines work. Your pharmacist can check the "
        "medicines you already take.",
    ),
    (
        "Not for long-term use without review",
        "Using {t} for months without a review can cause problems that build up "
        "slowly. Ask for a review if you still need it after a few weeks.",
    ),
    (
        "Extra care for older people",
        "Older people are more likely to get side effects from {t}, and may need a "
        "lower dose or closer checks.",
    ),
)
INTERACTIONS = (
    ("Alcohol", "It can add to drowsiness.", "Avoid alcohol, or drink very little."),
    (
        "Blood thinners (anticoagulants)",
        "A higher risk of bleeding.",
        "Ask a pharmacist before taking both.",
    ),
    (
        "Other painkillers",
        "Taking two similar painkillers adds to the risk of side effects.",
        "Check the ingredients of any painkiller you buy.",
    ),
    (
        "Antidepressants",
        "Together they can cause more side effects.",
        "Tell your prescriber about every medicine you take.",
    ),
    (
        "Medicines for blood pressure",
        "Your blood pressure may drop further than expected.",
        "Stand up slowly and ask for a blood pressure check.",
    ),
)
ADVICE = (
    ("Keep active", "Gentle activity helps most people recover sooner."),
    ("Keep a diary", "Note when symptoms come and go; it helps at appointments."),
    ("Give it time", "Most treatments need a few weeks before you can judge them."),
    ("Ask a pharmacist", "A pharmacist can check the medicines you already take."),
    ("Stopping", "Ask before you stop: some treatments need to be reduced slowly."),
)
QUESTIONS = (
    "How soon should I expect {t} to help?",
    "What should I do if {t} does not help?",
    "Are there side effects I should watch for?",
    "How does {t} fit with the other treatments I use?",
    "Is {t} suitable for me if I have other health problems?",
)
FACTORS = (
    "You take other medicines every day",
    "You are pregnant or breastfeeding",
    "You are over 65",
    "You have kidney or liver problems",
    "You need to drive for work",
    "You have tried {t} before",
    "What matters most to you: quick relief, or fewer side effects",
)
FAQ = (
    (
        "Can I buy {t} without a prescription?",
        "Some forms can be bought from a "
        "pharmacy. A pharmacist can tell you whether it suits you.",
    ),
    (
        "Can children have {t}?",
        "Some treatments are licensed only for adults. Ask a "
        "pharmacist or doctor before giving it to a child.",
    ),
    (
        "Does {t} work straight away?",
        "Some people notice a change within days; for others it takes several weeks.",
    ),
    (
        "What if I forget to use it?",
        "Carry on as normal. Do not take a double dose to make up for a missed one.",
    ),
)
