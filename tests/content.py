"""Raw article content for tests: a complete, publishable body and its references."""


def reference(key, **fields):
    return {
        "key": key,
        "authors": "Smith J, Jones K",
        "title": f"Trial {key}",
        "publisher": "Journal of Testing",
        "year": 2020,
        "doi": f"10.1000/{key}",
        **fields,
    }


def overview(what_it_is="<p>A medicine for pain.</p>", **value):
    return {
        "type": "overview",
        "value": {
            "heading": "",
            "what_it_is": what_it_is,
            "how_it_works": "<p>It calms the nerves.</p>",
            **value,
        },
    }


def evidence(finding="It helped a little.", references="", **value):
    return {
        "finding": finding,
        "comparison": "versus placebo",
        "direction": "benefit",
        "certainty": "low",
        "references": references,
        **value,
    }


def efficacy(items=None, **value):
    return {
        "type": "efficacy",
        "value": {
            "heading": "",
            "introduction": "<p>Two small trials.</p>",
            "evidence": items if items is not None else [evidence(references="a")],
            "bottom_line": "It may help a little.",
            **value,
        },
    }


def safety(**value):
    return {
        "type": "safety",
        "value": {
            "heading": "",
            "warnings": [],
            "common_side_effects": ["Drowsiness"],
            "dependence": "",
            "interactions": [],
            "who_should_not_take_it": [],
            "practical_advice": [],
            **value,
        },
    }


def alternatives(options=None, **value):
    option = {
        "name": "Exercise therapy",
        "kind": "therapy",
        "evidence": "Helps people move better.",
        "certainty": "moderate",
        "references": "",
        "page": None,
    }
    return {
        "type": "alternatives",
        "value": {
            "heading": "",
            "introduction": "",
            "options": options if options is not None else [option],
            **value,
        },
    }


def linked_options(keys, pages):
    """Alternatives, one per reference key, each linking to an article of the site."""
    return [
        {
            "name": f"Option {n}",
            "kind": "therapy",
            "evidence": "Helps.",
            "certainty": "low",
            "references": key,
            "page": page.pk,
        }
        for n, (key, page) in enumerate(zip(keys, pages, strict=True))
    ]


def deciding(**value):
    return {
        "type": "deciding",
        "value": {
            "heading": "",
            "introduction": "",
            "questions": ["How long should I take it for?"],
            "factors": ["You drive for a living"],
            **value,
        },
    }


def bottom_line(text="<p>Not a good first choice.</p>", **value):
    return {"type": "bottom_line", "value": {"heading": "", "text": text, **value}}


def guideline(**fields):
    return {
        "organisation": "NICE",
        "title": "Low back pain and sciatica in over 16s (NG59)",
        "year": 2016,
        "strength": "do_not_offer",
        "recommendation": "Do not offer benzodiazepines.",
        "url": "https://www.nice.org.uk/guidance/ng59",
        **fields,
    }


def guidelines(recommendations=None, **value):
    return {
        "type": "guidelines",
        "value": {
            "heading": "",
            "recommendations": recommendations or [guideline()],
            **value,
        },
    }


def urgent_help(emergency=("you cannot feel your legs",), urgent=(), **value):
    return {
        "type": "urgent_help",
        "value": {
            "heading": "",
            "emergency": list(emergency),
            "urgent": list(urgent),
            **value,
        },
    }


def complete_body():
    """Every structured section, in reading order, citing reference "a"."""
    return [overview(), efficacy(), safety(), alternatives(), deciding(), bottom_line()]


def make_image(title="A physiotherapist guiding a stretch"):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    return Image.objects.create(title=title, file=get_test_image_file())


def person(slug="dr-test-reviewer", **fields):
    """A Person, created or updated: by default a medical reviewer."""
    from articles.models import Person

    defaults = {
        "name": "Dr Test Reviewer",
        "role": "General practitioner",
        "credentials": "MB ChB, MRCGP",
        "is_medical_reviewer": True,
        **fields,
    }
    return Person.objects.update_or_create(slug=slug, defaults=defaults)[0]


def writer(slug="test-writer", **fields):
    """A Person who writes articles and does not review them."""
    fields = {
        "name": "Terry Writer",
        "role": "Health writer",
        "credentials": "",
        "is_medical_reviewer": False,
        **fields,
    }
    return person(slug, **fields)
