"""The works the demo articles cite, keyed as the articles cite them.

Every entry is a real, published source; where only a copy of a page could be found,
the title or publisher says whose copy it is.
"""


def ref(
    key, title, publisher, *, authors="", year=None, details="", doi="", pmid="", url=""
):
    return {
        "key": key,
        "authors": authors,
        "title": title,
        "publisher": publisher,
        "year": year,
        "details": details,
        "doi": doi,
        "pmid": pmid,
        "url": url,
    }


# Trials and reviews

FRIEDMAN_2017 = ref(
    "friedman2017",
    "Diazepam is no better than placebo when added to naproxen for acute low back pain",
    "Annals of Emergency Medicine",
    authors="Friedman BW, Irizarry E, Solorzano C, et al.",
    year=2017,
    details="70(2):169-176",
    doi="10.1016/j.annemergmed.2016.10.002",
    url="https://pmc.ncbi.nlm.nih.gov/articles/PMC5517351/",
)

CASHIN_2021 = ref(
    "cashin2021",
    "Efficacy, acceptability, and safety of muscle relaxants for adults with "
    "non-specific low back pain: systematic review and meta-analysis",
    "BMJ",
    authors="Cashin AG, Folly T, Bagg MK, et al.",
    year=2021,
    details="374:n1446",
    doi="10.1136/bmj.n1446",
    url="https://pmc.ncbi.nlm.nih.gov/articles/PMC8262447/",
)

# The version indexed by PubMed (search to October 2001); the Cochrane Library copy
# is a later version.
VAN_TULDER_2003 = ref(
    "vantulder2003",
    "Muscle relaxants for non-specific low back pain",
    "Cochrane Database of Systematic Reviews",
    authors="van Tulder MW, Touray T, Furlan AD, Solway S, Bouter LM.",
    year=2003,
    details="(2):CD004252",
    doi="10.1002/14651858.CD004252",
    pmid="12804507",
    url="https://pubmed.ncbi.nlm.nih.gov/12804507/",
)

# Guidelines and recommendations

NICE_NG59 = ref(
    "nice-ng59",
    "Low back pain and sciatica in over 16s: assessment and management "
    "(NICE guideline NG59, updated December 2020)",
    "NICE",
    authors="National Institute for Health and Care Excellence",
    year=2016,
    url="https://www.nice.org.uk/guidance/ng59",
)

CHOOSING_WISELY_FPM4 = ref(
    "choosingwisely-fpm4",
    "Do not prescribe benzodiazepines for low back pain",
    "Choosing Wisely Australia",
    authors="Faculty of Pain Medicine, ANZCA",
    url="https://www.choosingwisely.org.au/recommendations/fpm4",
)

NI_FORMULARY = ref(
    "ni-formulary",
    "Northern Ireland Formulary, 10.2.2 Skeletal muscle relaxants",
    "Health and Social Care Northern Ireland",
    url="https://niformulary.hscni.net/formulary/10-0-musculoskeletal-and-joint-"
    "diseases/10-2-drugs-used-in-neuromuscular-disorders/10-2-2-skeletal-muscle-"
    "relaxants/",
)

# Product information and patient leaflets

SMPC_DIAZEPAM = ref(
    "smpc-diazepam",
    "Diazepam 2mg/5ml Oral Solution Sugar Free: Summary of Product Characteristics",
    "electronic Medicines Compendium (emc)",
    url="https://www.medicines.org.uk/emc/product/5783/smpc",
)

PIL_DIAZEPAM = ref(
    "pil-diazepam",
    "Diazepam 2 mg, 5 mg and 10 mg Tablets: patient information leaflet "
    "(GB 726-7511-APIL)",
    "Drugs.com (UK edition)",
    url="https://www.drugs.com/uk/diazepam-2mg-tablets-leaflet.html",
)

PIL_DIAZEPAM_2015 = ref(
    "pil-diazepam-2015",
    "Diazepam 2mg, 5mg and 10mg tablets: patient information leaflet (07 May 2015)",
    "Drugs.com (UK edition)",
    year=2015,
    url="https://www.drugs.com/uk/diazepam-10-mg-tablets-leaflet.html",
)

NHS_DIAZEPAM = ref(
    "nhs-diazepam",
    "Who can and cannot take diazepam",
    "NHS (nhs.uk)",
    authors="NHS",
    year=2022,
    url="https://www.nhs.uk/medicines/diazepam/who-can-and-cannot-take-diazepam/",
)

HEADMEDS_DIAZEPAM = ref(
    "headmeds-diazepam",
    "Diazepam: sex, drink, weight and everything else",
    "HeadMeds (YoungMinds)",
    url="https://www.headmeds.org.uk/medications/18-diazepam/sex_drink_and_everything",
)

# Regulators

MHRA_2020_OPIOIDS = ref(
    "mhra2020-opioids",
    "Benzodiazepines and opioids: reminder of risk of potentially fatal respiratory "
    "depression (Drug Safety Update, March 2020)",
    "Medicines and Healthcare products Regulatory Agency (MHRA)",
    year=2020,
    url="https://www.gov.uk/drug-safety-update/benzodiazepines-and-opioids-reminder-"
    "of-risk-of-potentially-fatal-respiratory-depression",
)

MHRA_GABAPENTIN_2017 = ref(
    "mhra2017-gabapentin",
    "Gabapentin (Neurontin): risk of severe respiratory depression "
    "(Drug Safety Update, October 2017)",
    "Medicines and Healthcare products Regulatory Agency (MHRA)",
    year=2017,
    url="https://www.gov.uk/drug-safety-update/gabapentin-neurontin-risk-of-severe-"
    "respiratory-depression",
)

MHRA_PREGABALIN_2021 = ref(
    "mhra2021-pregabalin",
    "Pregabalin (Lyrica): reports of severe respiratory depression "
    "(Drug Safety Update, February 2021)",
    "Medicines and Healthcare products Regulatory Agency (MHRA)",
    year=2021,
    url="https://www.gov.uk/drug-safety-update/pregabalin-lyrica-reports-of-severe-"
    "respiratory-depression",
)

MHRA_ELDERLY = ref(
    "mhra-benzo-elderly",
    "Benzodiazepines learning module, section 4.2: Elderly",
    "Medicines and Healthcare products Regulatory Agency (MHRA)",
    url="http://www.mhra.gov.uk/benzodiazepines-learning-module/con234573"
    "?useSecondary=&showpage=16",
)

MHRA_PREGNANCY = ref(
    "mhra-benzo-pregnancy",
    "Benzodiazepines learning module, section 4.1: Pregnancy and breastfeeding",
    "Medicines and Healthcare products Regulatory Agency (MHRA)",
    url="https://cpd.mhra.gov.uk/benzodiazepines/CON234573_15",
)

UKTIS_DIAZEPAM = ref(
    "uktis-diazepam",
    "Use of diazepam in pregnancy (version 1)",
    "UK Teratology Information Service (UKTIS)",
    year=2012,
    url="https://uktis.org/monographs/use-of-diazepam-in-pregnancy/",
)

FDA_2016 = ref(
    "fda2016",
    "FDA Drug Safety Communication: FDA warns about serious risks and death when "
    "combining opioid pain or cough medicines with benzodiazepines; requires its "
    "strongest warning",
    "US Food and Drug Administration",
    authors="US Food and Drug Administration",
    year=2016,
    url="https://www.fda.gov/drugs/drug-safety-and-availability/"
    "fda-drug-safety-communication-fda-warns-about-serious-risks-and-death-when-"
    "combining-opioid-pain-or",
)

FDA_2020 = ref(
    "fda2020",
    "FDA requiring Boxed Warning updated to improve safe use of benzodiazepine drug "
    "class",
    "US Food and Drug Administration",
    authors="US Food and Drug Administration",
    year=2020,
    url="https://www.fda.gov/drugs/drug-safety-and-availability/"
    "fda-requiring-boxed-warning-updated-improve-safe-use-benzodiazepine-drug-class",
)

FDA_2020_PODCAST = ref(
    "fda2020-podcast",
    "FDA requiring Boxed Warning updated to improve safe use of benzodiazepine drug "
    "class (Drug Safety Podcast)",
    "US Food and Drug Administration",
    authors="US Food and Drug Administration",
    year=2020,
    url="https://www.fda.gov/drugs/fda-drug-safety-podcasts/fda-requiring-boxed-"
    "warning-updated-improve-safe-use-benzodiazepine-drug-class",
)

# Driving law (England and Wales)

DRUG_DRIVING_REGULATIONS = ref(
    "si-2014-2868",
    "The Drug Driving (Specified Limits) (England and Wales) Regulations 2014 "
    "(SI 2014/2868)",
    "legislation.gov.uk",
    year=2014,
    url="https://legislation.gov.uk/ukdsi/2014/9780111117422/data.htm",
)

DFT_DRUG_DRIVING = ref(
    "dft-drug-driving",
    "Drug driving",
    "Department for Transport, GOV.UK",
    authors="Department for Transport",
    url="https://www.gov.uk/government/collections/drug-driving",
)

MIMS_DRUG_DRIVING = ref(
    "mims-drug-driving",
    "Blood drug levels set for new driving offence",
    "MIMS",
    year=2015,
    url="https://www.mims.co.uk/blood-drug-levels-set-new-driving-offence/neurology/"
    "article/1305372",
)

# Back pain: reassurance and red flags

NHS_BACK_PAIN = ref(
    "nhs-back-pain",
    "Back pain (NHS text, as republished by Bridge Street Surgery)",
    "Bridge Street Surgery",
    url="https://bridgestreetsurgery.co.uk/health-information/4205-2/back-pain",
)

NORTHERN_TRUST_LBP = ref(
    "northern-trust-lbp",
    "Low Back Pain (LBP)",
    "Northern Health and Social Care Trust, physiotherapy service",
    url="https://www.northerntrust.hscni.net/services/physiotherapy-services/"
    "physiotherapy-service-outpatient-service/low-back-pain/",
)

GCARE_RED_FLAGS = ref(
    "gcare-red-flags",
    "Red flags for spinal conditions",
    "NHS Gloucestershire, G-care clinical pathway",
    url="https://g-care.glos.nhs.uk/pathway/71/resource/3",
)

# NSAIDs

NICE_KTT13 = ref(
    "nice-ktt13",
    "Non-steroidal anti-inflammatory drugs (Key therapeutic topic KTT13): "
    "evidence context",
    "NICE",
    authors="National Institute for Health and Care Excellence",
    url="https://www.nice.org.uk/advice/ktt13/chapter/Evidence-context",
)

GGC_NSAIDS = ref(
    "ggc-nsaids",
    "Oral Non-Steroidal Anti-Inflammatory (NSAID) Guidelines",
    "NHS Greater Glasgow and Clyde",
    url="https://covid19app.nhsggc.org.uk/musculoskeletal-and-joint-disease/oral-non-"
    "steroidal-anti-inflammatory-nsaid-guidelines/",
)

UKTIS_IBUPROFEN = ref(
    "uktis-ibuprofen",
    "Ibuprofen (version 3.0)",
    "medicinesinpregnancy.org (UKTIS and BUMPS)",
    year=2024,
    url="https://www.medicinesinpregnancy.org/Medicine--pregnancy/Ibuprofen/",
)

NHS_IBUPROFEN_PREGNANT = ref(
    "nhs-ibuprofen-who",
    "Who can and cannot take ibuprofen (NHS wording, as reprinted by Yahoo News UK)",
    "Yahoo News UK",
    url="https://uk.news.yahoo.com/cannot-ibuprofen-winter-illnesses-continue-"
    "115900812.html",
)

NHS_IBUPROFEN_CONDITIONS = ref(
    "nhs-ibuprofen-conditions",
    "NHS issues warning to everyone who takes ibuprofen (NHS wording, as reprinted "
    "from the Mirror)",
    "newszop",
    url="https://newszop.mobi/english-news/publisher-mirror/top-news/nhs-issues-"
    "warning-to-everyone-who-takes-ibuprofen/articleshow/"
    "1450482014f46f3d2398037a5721eb647c6f69a5",
)

NHS_IBUPROFEN_OVER_65 = ref(
    "nhs-ibuprofen-over65",
    "Ibuprofen warning for over-65s (NHS wording, as quoted by the Daily Record, "
    "16 February 2026)",
    "Daily Record",
    year=2026,
    url="https://news.anyfans.com/?p=142700",
)
