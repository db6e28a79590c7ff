"""“At a glance”: the answers a reader came for, built from the article's own sections.

Each line comes from its section (the efficacy bottom line and its certainty, the
most serious safety warnings, the best-supported alternatives, the first guideline), so
it changes when the section does. An editor may reword a line; the page then says so.
"""

from dataclasses import dataclass

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .blocks.choices import CERTAINTY_MARKS

MAX_RISKS = 2
MAX_ALTERNATIVES = 3


@dataclass
class GlanceLine:
    question: str
    text: str
    anchor: str  # the section it summarises
    section: str  # that section's heading
    edited: bool = False  # worded by an editor rather than taken from the section
    certainty: str = ""


def override_field(question):
    return models.CharField(
        question,
        max_length=250,
        blank=True,
        help_text="Leave blank to use the line built from the section.",
    )


class AtAGlanceMixin(models.Model):
    glance_works = override_field("Does it work?")
    glance_risks = override_field("Main risks")
    glance_alternatives = override_field("What else helps")

    glance_panel = MultiFieldPanel(
        [
            FieldPanel("glance_works"),
            FieldPanel("glance_risks"),
            FieldPanel("glance_alternatives"),
        ],
        heading="At a glance",
        help_text="Shown at the top of the article. Each line is built from its section "
        "unless you write your own wording here; readers see which it is.",
        classname="collapsed",
    )

    class Meta:
        abstract = True

    def at_a_glance(self):
        sections = {s.block.block_type: s for s in self.sections}
        lines = [
            self._glance_line(
                sections.get("efficacy"), "Does it work?", self.glance_works, works
            ),
            self._glance_line(
                sections.get("safety"), "Main risks", self.glance_risks, risks
            ),
            self._glance_line(
                sections.get("alternatives"),
                "What else helps",
                self.glance_alternatives,
                alternatives,
            ),
            self._glance_line(
                sections.get("guidelines"), "What guidelines say", "", guidelines
            ),
        ]
        return [line for line in lines if line is not None]

    @staticmethod
    def _glance_line(section, question, override, build):
        if section is None:
            return None
        text, certainty = build(section.block.value)
        if override.strip():
            text, edited = override.strip(), True
        else:
            edited = False
        if not text:
            return None
        return GlanceLine(
            question=question,
            text=text,
            anchor=section.anchor,
            section=section.heading,
            edited=edited,
            certainty=certainty,
        )


def works(value):
    return value.get("bottom_line") or "", value.certainty_label


def risks(value):
    """The serious warnings (editors put boxed warnings first), else side effects."""
    titles = [
        w.get("title").strip().rstrip(".")
        for w in value.get("warnings") or []
        if (w.get("title") or "").strip()
    ]
    if titles:
        return "; ".join(titles[:MAX_RISKS]) + ".", ""
    effects = list(value.get("common_side_effects") or [])
    if effects:
        return "Common side effects: " + ", ".join(effects[:3]) + ".", ""
    return "", ""


def alternatives(value):
    """The options with the most certain evidence, best first."""
    options = sorted(
        value.get("options") or [],
        key=lambda o: -CERTAINTY_MARKS.get(o.get("certainty"), 0),
    )
    names = [o.get("name") for o in options[:MAX_ALTERNATIVES] if o.get("name")]
    return (", ".join(names) + "." if names else ""), ""


def guidelines(value):
    recommendations = value.get("recommendations") or []
    if not recommendations:
        return "", ""
    first = recommendations[0]
    return f"{first.get('organisation')}: {first.get('recommendation')}", ""
