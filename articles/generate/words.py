"""The vocabulary generated articles are written from: conditions, treatments, people.

Names of conditions and medicines are real so pages read like the site's own; every
claim made with them is invented, and each generated article says so at its top.
"""

from dataclasses import dataclass
from functools import cache

# Conditions, one a line: name | other names | * when articles need urgent-help advice.
# Each becomes a topic, in this order; the first 100 serve a 10,000-article site.
CONDITIONS = """
Migraine | Sick headache | *
Tension headache | | *
Neck pain | | *
Shoulder pain | Frozen shoulder |
Knee osteoarthritis | Knee arthritis |
Hip osteoarthritis | Hip arthritis |
Rheumatoid arthritis | RA |
Gout | |
Fibromyalgia | |
Sciatica | Nerve root pain | *
Plantar fasciitis | Heel pain |
Tennis elbow | Lateral epicondylitis |
Carpal tunnel syndrome | |
Osteoporosis | Thinning bones |
Chest pain | Angina | *
High blood pressure | Hypertension |
High cholesterol | Hyperlipidaemia |
Heart failure | | *
Atrial fibrillation | AF, Irregular heartbeat | *
Varicose veins | |
Type 2 diabetes | Diabetes |
Underactive thyroid | Hypothyroidism |
Overactive thyroid | Hyperthyroidism |
Asthma | | *
COPD | Chronic obstructive pulmonary disease, Emphysema | *
Hay fever | Allergic rhinitis |
Sinusitis | Sinus infection |
Common cold | |
Flu | Influenza | *
Sore throat | Tonsillitis |
Earache | Ear infection |
Tinnitus | |
Dry eyes | |
Conjunctivitis | Pink eye |
Acid reflux | Heartburn, GORD |
Indigestion | Dyspepsia |
Irritable bowel syndrome | IBS |
Constipation | |
Diarrhoea | | *
Haemorrhoids | Piles |
Crohn's disease | IBD |
Ulcerative colitis | IBD |
Coeliac disease | |
Gallstones | | *
Urinary tract infection | UTI, Cystitis | *
Kidney stones | Renal colic | *
Overactive bladder | |
Enlarged prostate | BPH |
Erectile dysfunction | |
Period pain | Dysmenorrhoea |
Heavy periods | Menorrhagia |
Endometriosis | |
Menopause symptoms | Hot flushes |
Morning sickness | Nausea in pregnancy | *
Thrush | Vaginal yeast infection |
Eczema | Atopic dermatitis |
Psoriasis | |
Acne | |
Rosacea | |
Cold sores | Herpes labialis |
Shingles | Herpes zoster |
Athlete's foot | Tinea pedis |
Head lice | Nits |
Warts and verrucas | |
Insomnia | Sleeplessness |
Anxiety | Generalised anxiety disorder |
Depression | Low mood | *
Panic attacks | Panic disorder | *
Obsessive compulsive disorder | OCD |
ADHD | Attention deficit hyperactivity disorder |
Dementia | Alzheimer's disease |
Parkinson's disease | |
Epilepsy | Seizures | *
Multiple sclerosis | MS |
Restless legs syndrome | |
Vertigo | Dizziness | *
Bell's palsy | Facial palsy | *
Smoking cessation | Stopping smoking |
Alcohol dependence | |
Obesity | Weight management |
Anaemia | Iron deficiency |
Vitamin D deficiency | |
Chronic fatigue syndrome | ME/CFS |
Long COVID | Post-COVID syndrome |
Lyme disease | |
Travel sickness | Motion sickness |
Jet lag | |
Sunburn | |
Insect bites and stings | | *
Sprains and strains | |
Broken wrist | Wrist fracture | *
Whiplash | | *
Osteoarthritis of the hand | Hand arthritis |
Ankylosing spondylitis | Axial spondyloarthritis |
Polymyalgia rheumatica | PMR | *
Raynaud's phenomenon | |
Chilblains | |
Dry mouth | Xerostomia |
Mouth ulcers | |
Toothache | | *
Bad breath | Halitosis |
Snoring | Sleep apnoea |
Glaucoma | | *
Cataracts | |
Macular degeneration | AMD |
Hearing loss | |
Nosebleeds | | *
""".strip()

# Treatments, one a line: name | kind for readers | treatment type | other names |
# what it is. The kinds are AlternativeBlock's; the types are AboutMixin's.
TREATMENTS = """
Ibuprofen | medicine | Drug | Nurofen, Brufen | an anti-inflammatory painkiller
Naproxen | medicine | Drug | Naprosyn | an anti-inflammatory painkiller
Paracetamol | medicine | Drug | Panadol, Calpol | a painkiller for mild to moderate pain
Codeine | medicine | Drug | | a weak opioid painkiller
Tramadol | medicine | Drug | Zydol | an opioid painkiller
Amitriptyline | medicine | Drug | | an older antidepressant also used for nerve pain
Gabapentin | medicine | Drug | Neurontin | a medicine for epilepsy and nerve pain
Pregabalin | medicine | Drug | Lyrica | a medicine for epilepsy, anxiety and nerve pain
Sertraline | medicine | Drug | Lustral | an SSRI antidepressant
Citalopram | medicine | Drug | Cipramil | an SSRI antidepressant
Mirtazapine | medicine | Drug | Zispin | an antidepressant that can help sleep
Diazepam | medicine | Drug | Valium | a benzodiazepine
Melatonin | medicine | Drug | Circadin | a hormone that helps set the body clock
Omeprazole | medicine | Drug | Losec | a proton pump inhibitor that reduces stomach acid
Lansoprazole | medicine | Drug | Zoton | a proton pump inhibitor that reduces stomach acid
Metformin | medicine | Drug | Glucophage | a medicine that lowers blood sugar
Atorvastatin | medicine | Drug | Lipitor | a statin that lowers cholesterol
Simvastatin | medicine | Drug | Zocor | a statin that lowers cholesterol
Ramipril | medicine | Drug | Tritace | an ACE inhibitor for blood pressure
Amlodipine | medicine | Drug | Istin | a calcium channel blocker for blood pressure
Bisoprolol | medicine | Drug | Cardicor | a beta blocker
Apixaban | medicine | Drug | Eliquis | an anticoagulant (blood thinner)
Aspirin | medicine | Drug | Disprin | a painkiller and, at low doses, a blood thinner
Salbutamol | medicine | Drug | Ventolin | a reliever inhaler
Beclometasone | medicine | Drug | Clenil, Qvar | a steroid preventer inhaler
Cetirizine | medicine | Drug | Zirtek | an antihistamine that causes little drowsiness
Loratadine | medicine | Drug | Clarityn | an antihistamine that causes little drowsiness
Chlorphenamine | medicine | Drug | Piriton | a sedating antihistamine
Fluticasone nasal spray | medicine | Drug | Flixonase | a steroid nasal spray
Levothyroxine | medicine | Drug | | a thyroid hormone replacement
Prednisolone | medicine | Drug | | a steroid tablet
Hydrocortisone cream | medicine | Drug | | a mild steroid cream
Emollients | self_care | DrugClass | Moisturisers | creams and ointments that keep skin moist
Amoxicillin | medicine | Drug | | a penicillin antibiotic
Nitrofurantoin | medicine | Drug | Macrobid | an antibiotic for urine infections
Aciclovir | medicine | Drug | Zovirax | an antiviral medicine
Sumatriptan | medicine | Drug | Imigran | a triptan for migraine attacks
Propranolol | medicine | Drug | Inderal | a beta blocker also used to prevent migraine
Topiramate | medicine | Drug | Topamax | an epilepsy medicine also used to prevent migraine
Loperamide | medicine | Drug | Imodium | a medicine that slows the gut
Laxatives | medicine | DrugClass | Lactulose, Senna, Macrogol | medicines that ease constipation
Mebeverine | medicine | Drug | Colofac | an antispasmodic for the gut
Peppermint oil capsules | self_care | Drug | Colpermin | capsules that relax the gut
Tamsulosin | medicine | Drug | Flomax | an alpha blocker for prostate symptoms
Sildenafil | medicine | Drug | Viagra | a PDE5 inhibitor
Hormone replacement therapy | medicine | DrugClass | HRT | hormones that replace oestrogen
Tranexamic acid | medicine | Drug | Cyklokapron | a medicine that reduces bleeding
Nicotine replacement therapy | medicine | DrugClass | NRT, Nicotine patches | nicotine without tobacco
Varenicline | medicine | Drug | Champix | a medicine that eases nicotine cravings
Orlistat | medicine | Drug | Xenical, Alli | a medicine that reduces fat absorption
Vitamin D supplements | self_care | Drug | Colecalciferol | a vitamin supplement
Iron tablets | medicine | Drug | Ferrous sulfate | an iron supplement
Glucosamine | self_care | Drug | | a food supplement
Capsaicin cream | medicine | Drug | Zacin | a cream made from chilli peppers
Topical NSAIDs | medicine | DrugClass | Voltarol gel, Ibuprofen gel | anti-inflammatory gels
Steroid injections | procedure | DrugClass | Cortisone injections | injections of a steroid
Physiotherapy | therapy | MedicalTherapy | Physical therapy | treatment by a physiotherapist
Exercise programmes | therapy | MedicalTherapy | | supervised exercise, often in a group
Yoga | therapy | MedicalTherapy | | exercise with breathing and relaxation
Tai chi | therapy | MedicalTherapy | | slow, flowing exercise
Acupuncture | therapy | MedicalTherapy | | fine needles placed in the skin
Massage | therapy | MedicalTherapy | | hands-on treatment of the muscles
Manual therapy | therapy | MedicalTherapy | Spinal manipulation | hands-on treatment of joints
Cognitive behavioural therapy | therapy | MedicalTherapy | CBT | a talking therapy
Mindfulness | therapy | MedicalTherapy | MBCT | attention and meditation practice
Counselling | therapy | MedicalTherapy | Talking therapy | a talking therapy
Weight loss programmes | self_care | MedicalTherapy | | structured support to lose weight
Heat packs | self_care | MedicalTherapy | Hot water bottles | warmth applied to the body
Ice packs | self_care | MedicalTherapy | Cold therapy | cold applied to the body
TENS machines | self_care | MedicalTherapy | TENS | small electrical pulses through the skin
Compression stockings | self_care | MedicalTherapy | Support stockings | tight-fitting stockings
Sleep hygiene | self_care | MedicalTherapy | | habits that make sleep easier
Pelvic floor exercises | self_care | MedicalTherapy | Kegel exercises | exercises for the pelvic floor
Knee replacement surgery | procedure | MedicalTherapy | | an operation to replace the knee joint
Keyhole surgery | procedure | MedicalTherapy | Arthroscopy | surgery through small cuts
Splints and braces | self_care | MedicalTherapy | | supports worn on a joint
Insoles | self_care | MedicalTherapy | Orthotics | shoe inserts that change how the foot lands
""".strip()

# Conditions named after a person or place keep their capital inside a sentence.
PROPER_NAMES = {"Bell's", "Crohn's", "Lyme", "Parkinson's", "Raynaud's"}


def _names(text):
    return tuple(text.split())


# Whom an article's advice is for; the first is everyone.
POPULATIONS = ("", " in older people", " in children", " during pregnancy", " at work")

FIRST_NAMES = _names(
    "Abena Adam Aisha Alan Amara Amir Ana Ben Bethan Caitlin Callum Chen Chloe Dami "
    "Daniel Deepa Eilidh Elena Emeka Erin Fatima Finn Gemma Hamza Hannah Harriet Ioana "
    "Isaac Jack Jamal Jia Joanna Jonah Kavita Kofi Laura Liam Lina Maya Mei Mohammed "
    "Nadia Niamh Noah Olu Omar Parveen Rachel Rhys Rosa Ruth Sam Sara Sean Simran "
    "Sophie Tariq Theo Tom Una Yasmin Zainab Zara"
)
LAST_NAMES = _names(
    "Adeyemi Ahmed Anderson Baker Banerjee Bell Brennan Campbell Chowdhury Clarke Cohen "
    "Davies Dlamini Edwards Evans Fischer Fraser Gallagher Green Gupta Hall Hughes "
    "Hussain Iqbal Jackson Jones Kaur Kelly Khan Kowalski Lewis Lim Lloyd MacLeod "
    "Mensah Mitchell Morgan Murphy Nair Nowak Okafor Oyelaran Patel Phillips Price "
    "Quinn Rahman Reid Roberts Robinson Santos Shah Singh Stewart Taylor Thomas "
    "Thompson Turner Walsh Watson Williams Wilson Wright Yusuf Zhang"
)

WRITER_ROLES = (
    ("Health writer", "BA, MSc Science Communication"),
    ("Senior health writer", "BSc, MSc Public Health"),
    ("Medical editor", "PhD, PGCert Medical Writing"),
    ("Evidence reviewer", "MSc Evidence-Based Healthcare"),
)
REVIEWER_ROLES = (
    ("General practitioner", "MB ChB, MRCGP"),
    ("Clinical pharmacist", "MPharm, PGDip Clin Pharm"),
    ("Consultant rheumatologist", "MBBS, FRCP"),
    ("Physiotherapist", "BSc Physiotherapy, MCSP"),
    ("Consultant cardiologist", "MBBS, PhD, FRCP"),
    ("Clinical psychologist", "DClinPsy"),
)

PUBLISHERS = (
    "BMJ",
    "The Lancet",
    "Cochrane Database of Systematic Reviews",
    "JAMA",
    "Annals of Internal Medicine",
    "British Journal of General Practice",
    "Pain",
    "Rheumatology",
    "Journal of Clinical Medicine",
    "Family Practice",
)
ORGANISATIONS = ("NICE", "SIGN", "WHO", "Royal College of Physicians", "BNF")
REFERENCE_KINDS = (
    "A randomised controlled trial of {treatment} for {condition}",
    "{treatment} for {condition}: a systematic review and meta-analysis",
    "Long-term outcomes of {treatment} in {condition}: a cohort study",
    "Harms of {treatment} in people with {condition}",
    "{treatment} compared with usual care for {condition}",
    "Patient information leaflet: {treatment}",
)


@dataclass(frozen=True)
class Condition:
    name: str
    other_names: str
    needs_urgent_help: bool

    @property
    def phrase(self):
        """The name inside a sentence: "migraine", but "Crohn's disease" and "COPD"."""
        first = self.name.split()[0]
        if first.isupper() or first in PROPER_NAMES:
            return self.name
        return self.name[0].lower() + self.name[1:]


@dataclass(frozen=True)
class Treatment:
    name: str
    kind: str
    treatment_type: str
    other_names: str
    what_it_is: str

    @property
    def is_medicine(self):
        return self.kind == "medicine"

    @property
    def phrase(self):
        return self.name[0].lower() + self.name[1:]


def _rows(text):
    return [[cell.strip() for cell in line.split("|")] for line in text.splitlines()]


@cache
def conditions():
    return tuple(
        Condition(name, other_names, flag == "*")
        for name, other_names, flag in _rows(CONDITIONS)
    )


@cache
def treatments():
    return tuple(Treatment(*row) for row in _rows(TREATMENTS))
