"""The works the demo articles cite, keyed as the articles cite them."""

FRIEDMAN_2017 = {
    "key": "friedman2017",
    "authors": "Friedman BW, Irizarry E, Solorzano C, et al.",
    "title": "Diazepam is no better than placebo when added to naproxen for acute "
    "low back pain",
    "publisher": "Annals of Emergency Medicine",
    "year": 2017,
    "details": "70(2):169-176",
    "doi": "10.1016/j.annemergmed.2016.10.002",
    "pmid": "",
    "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC5517351/",
}

CASHIN_2021 = {
    "key": "cashin2021",
    "authors": "Cashin AG, Folly T, Bagg MK, et al.",
    "title": "Efficacy, acceptability, and safety of muscle relaxants for adults with "
    "non-specific low back pain: systematic review and meta-analysis",
    "publisher": "BMJ",
    "year": 2021,
    "details": "374:n1446",
    "doi": "10.1136/bmj.n1446",
    "pmid": "",
    "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC8262447/",
}

VAN_TULDER_2003 = {
    "key": "vantulder2003",
    "authors": "van Tulder MW, Touray T, Furlan AD, Solway S, Bouter LM.",
    "title": "Muscle relaxants for non-specific low back pain",
    "publisher": "Cochrane Database of Systematic Reviews",
    "year": 2003,
    "details": "(2):CD004252",
    "doi": "10.1002/14651858.CD004252",
    "pmid": "12804507",
    "url": "",
}

NICE_NG59 = {
    "key": "nice-ng59",
    "authors": "National Institute for Health and Care Excellence",
    "title": "Low back pain and sciatica in over 16s: assessment and management "
    "(NICE guideline NG59, updated December 2020)",
    "publisher": "NICE",
    "year": 2016,
    "details": "",
    "doi": "",
    "pmid": "",
    "url": "https://www.nice.org.uk/guidance/ng59",
}

FDA_2016 = {
    "key": "fda2016",
    "authors": "US Food and Drug Administration",
    "title": "FDA Drug Safety Communication: FDA warns about serious risks and death "
    "when combining opioid pain or cough medicines with benzodiazepines; requires "
    "its strongest warning",
    "publisher": "US Food and Drug Administration",
    "year": 2016,
    "details": "",
    "doi": "",
    "pmid": "",
    "url": "https://www.fda.gov/drugs/drug-safety-and-availability/"
    "fda-drug-safety-communication-fda-warns-about-serious-risks-and-death-when-"
    "combining-opioid-pain-or",
}

FDA_2020 = {
    "key": "fda2020",
    "authors": "US Food and Drug Administration",
    "title": "FDA requiring Boxed Warning updated to improve safe use of "
    "benzodiazepine drug class",
    "publisher": "US Food and Drug Administration",
    "year": 2020,
    "details": "",
    "doi": "",
    "pmid": "",
    "url": "https://www.fda.gov/drugs/drug-safety-and-availability/"
    "fda-requiring-boxed-warning-updated-improve-safe-use-benzodiazepine-drug-class",
}

CHOOSING_WISELY_FPM4 = {
    "key": "choosingwisely-fpm4",
    "authors": "Faculty of Pain Medicine, ANZCA",
    "title": "Do not prescribe benzodiazepines for low back pain",
    "publisher": "Choosing Wisely Australia",
    "year": None,
    "details": "",
    "doi": "",
    "pmid": "",
    "url": "https://www.choosingwisely.org.au/recommendations/fpm4",
}
