"""An article's JSON-LD: a MedicalWebPage with its people, subjects and citations."""

from django.db.models import prefetch_related_objects

from home.seo import absolute_url, meta_description, social_image
from home.structured_data import LANGUAGE

MEDICINE_FACTS = "medicine_facts"
# Medicine facts that schema.org's Drug names a property for. "If you take too much"
# is its `overdosage` ("information related to overdose ... emergency response").
DRUG_PROPERTIES = {
    "pregnancy": "pregnancyWarning",
    "breastfeeding": "breastfeedingWarning",
    "alcohol": "alcoholWarning",
    "too_much": "overdosage",
}
CHECK_FIRST = "Who should not take it, or should check with a doctor first: "


def person_node(request, person):
    node = {"@type": "Person", "name": person.name}
    if person.role:
        node["jobTitle"] = person.role
    if person.credentials:
        node["honorificSuffix"] = person.credentials
    node["url"] = absolute_url(request, person.get_absolute_url())
    return node


def named(node, other_names):
    """`node` with the other names readers know it by, if any."""
    if other_names:
        node["alternateName"] = other_names
    return node


def medicine_facts(page):
    """The article's medicine facts, or None."""
    for section in page.sections:
        if section.block.block_type == MEDICINE_FACTS:
            return section.block.value
    return None


def drug_warnings(facts):
    """schema.org Drug properties from the medicine facts; only facts given."""
    properties = {}
    for name, prop in DRUG_PROPERTIES.items():
        text = (facts.get(name) or "").strip()
        if text:
            properties[prop] = text
    warnings = [(facts.get("driving") or "").strip()]
    if facts.get("check_first"):
        warnings.append(CHECK_FIRST + "; ".join(facts["check_first"]) + ".")
    warnings = [w for w in warnings if w]
    if warnings:
        properties["warning"] = warnings
    return properties


def treatment_node(page):
    treatment_type = page.about_treatment_type or "Drug"
    node = named(
        {"@type": treatment_type, "name": page.about_treatment},
        page.other_names_list,
    )
    if treatment_type == "Drug" and (facts := medicine_facts(page)) is not None:
        node.update(drug_warnings(facts))
    return node


def subjects(page):
    """What the article is about: the editor's named treatment and condition, else
    its topics. Nothing is guessed."""
    things = []
    if page.about_treatment:
        things.append(treatment_node(page))
    if page.about_condition:
        things.append({"@type": "MedicalCondition", "name": page.about_condition})
    if things:
        return things
    return [
        named({"@type": "Thing", "name": t.name}, t.other_names_list)
        for t in topics_of(page)
    ]


def topics_of(page):
    """The page's topics, fetched once: the header's links and the JSON-LD share them."""
    if page.pk and not getattr(page, "_cluster_related_objects", None):
        # Into the page's own cache; a preview's unsaved topics are already in memory.
        prefetch_related_objects([page], "topics")
    return page.topics.all()


def citation_node(reference):
    scholarly = bool(reference.doi or reference.pmid)
    node = {
        "@type": "ScholarlyArticle" if scholarly else "CreativeWork",
        "name": reference.title,
    }
    if reference.authors:
        # Free text, often a group ("NICE"): left as text rather than guessed people.
        node["author"] = reference.authors
    if reference.year:
        node["datePublished"] = str(reference.year)
    if reference.publisher:
        node["isPartOf" if scholarly else "publisher"] = {
            "@type": "Periodical" if scholarly else "Organization",
            "name": reference.publisher,
        }
    links = [u for u in (reference.doi_url, reference.pubmed_url) if u]
    url = reference.url or (links[0] if links else "")
    if url:
        node["url"] = url
    if links:
        node["sameAs"] = links
    return node


def medical_web_page(request, page, site_name, url):
    home = absolute_url(request, "/")
    node = {
        "@type": "MedicalWebPage",
        "@id": f"{url}#webpage",
        "url": url,
        "headline": page.title,
        "name": page.seo_title or page.title,
        "description": meta_description({"page": page}),
        "inLanguage": LANGUAGE,
        "isPartOf": {"@type": "WebSite", "@id": f"{home}#website", "url": home},
        "publisher": {
            "@type": "Organization",
            "@id": f"{home}#organization",
            "name": site_name,
            "url": home,
        },
    }
    if page.first_published_at:
        node["datePublished"] = page.first_published_at.isoformat()
    if page.last_updated:
        node["dateModified"] = page.last_updated.isoformat()
    image = social_image(request, page)
    if image:
        node["image"] = image.url
    # Shared with the byline, so the people are fetched once.
    authors = [person_node(request, person) for person in page.author_people]
    if authors:
        node["author"] = authors
    # Only a review of what readers see: not an assigned reviewer, nor an older version.
    if page.live_content_reviewed:
        node["lastReviewed"] = page.last_reviewed_at.isoformat()
        node["reviewedBy"] = person_node(request, page.last_reviewed_by)
    about = subjects(page)
    if about:
        node["about"] = about
    citations = [citation_node(entry.reference) for entry in page.citation_index]
    if citations:
        node["citation"] = citations
    return node
