"""Readability guidance for editors, shown in the article editor.

The whole article gets a Flesch reading ease score; each body section gets a
Flesch–Kincaid grade against the target of grade 8 or lower, so an editor sees which
section to simplify.
"""

from dataclasses import dataclass, field

from textstat.textstat import textstatistics

from wagtail.admin.panels import Panel

from .text import article_text, as_sentences, section_texts

TARGET_SCORE = 60
LONG_SENTENCE = 20
# Body text should read at Flesch–Kincaid grade 8 or lower (US school grade, about
# age 13 to 14), the usual target for health information.
TARGET_GRADE = 8
# A grade from a few words is noise: "Drowsiness." alone is grade 20.
MIN_GRADED_WORDS = 20

# Flesch's own bands, in plain words.
BANDS = [
    (90, "Very easy"),
    (80, "Easy"),
    (70, "Fairly easy"),
    (60, "Plain English"),
    (50, "Fairly difficult"),
    (30, "Difficult"),
]


def band(score):
    for floor, label in BANDS:
        if score >= floor:
            return label
    return "Very difficult"


def _textstat():
    stats = textstatistics()
    stats.set_lang("en_GB")
    return stats


@dataclass
class SectionGrade:
    heading: str
    words: int
    grade: float | None  # None when too short to grade

    @property
    def too_hard(self):
        return self.grade is not None and self.grade > TARGET_GRADE


def grade_sections(page):
    """The reading grade of each body section with words in it, in reading order."""
    stats = _textstat()
    grades = []
    for section in section_texts(page):
        text = as_sentences(section.paragraphs)
        words = stats.lexicon_count(text)
        if not words:
            continue
        grade = None
        if words >= MIN_GRADED_WORDS:
            grade = max(0.0, round(stats.flesch_kincaid_grade(text), 1))
        grades.append(SectionGrade(heading=section.heading, words=words, grade=grade))
    return grades


@dataclass
class Readability:
    score: float
    band: str
    words: int
    words_per_sentence: float
    sections: list = field(default_factory=list)

    @property
    def hard_sections(self):
        return [s for s in self.sections if s.too_hard]

    @property
    def hints(self):
        hints = []
        if hard := self.hard_sections:
            names = ", ".join(f"“{s.heading}”" for s in hard)
            hints.append(
                f"Above grade {TARGET_GRADE}: {names}. Start there: shorter sentences "
                "and words of fewer syllables bring the grade down."
            )
        if self.score < TARGET_SCORE:
            hints.append(
                f"Aim for {TARGET_SCORE} or more; shorter sentences and everyday "
                "words help."
            )
        if self.words_per_sentence > LONG_SENTENCE:
            hints.append(
                f"Sentences average more than {LONG_SENTENCE} words: split the "
                "longest ones."
            )
        return hints or ["Most adults can read this easily. Keep it that way."]


def measure(text, sections=()):
    """Reading ease of `text`, or None when there is nothing to measure.

    `sections` are the body's SectionGrades, shown beside the score.
    """
    stats = _textstat()
    words = stats.lexicon_count(text)
    if not words:
        return None
    score = stats.flesch_reading_ease(text)
    return Readability(
        score=round(score),
        band=band(score),
        words=words,
        words_per_sentence=round(stats.words_per_sentence(text), 1),
        sections=list(sections),
    )


class ReadabilityPanel(Panel):
    """Reading ease of the saved article, as guidance; never a gate."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Readability")
        kwargs.setdefault(
            "help_text",
            "Flesch reading ease of the summary and body, and the reading grade of "
            f"each section (aim for grade {TARGET_GRADE} or lower), as last saved. "
            "Guidance only: it does not stop publishing. It updates when the draft "
            "is saved and the editor is reloaded.",
        )
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/admin/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["readability"] = (
                measure(article_text(page), grade_sections(page)) if page else None
            )
            context["target_score"] = TARGET_SCORE
            context["target_grade"] = TARGET_GRADE
            context["min_graded_words"] = MIN_GRADED_WORDS
            return context
