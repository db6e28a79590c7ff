"""Readability guidance for editors, shown in the article editor."""

from dataclasses import dataclass

from textstat.textstat import textstatistics

from wagtail.admin.panels import Panel

from .text import article_text

TARGET_SCORE = 60
LONG_SENTENCE = 20

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
class Readability:
    score: float
    band: str
    words: int
    words_per_sentence: float

    @property
    def hints(self):
        hints = []
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


def measure(text):
    """Reading ease of `text`, or None when there is nothing to measure."""
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
    )


class ReadabilityPanel(Panel):
    """Reading ease of the saved article, as guidance; never a gate."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Readability")
        kwargs.setdefault(
            "help_text",
            "Flesch reading ease of the summary and body, as last saved. Guidance "
            "only: it does not stop publishing. It updates when the draft is saved "
            "and the editor is reloaded.",
        )
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/admin/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["readability"] = (
                measure(article_text(self.instance)) if self.instance else None
            )
            context["target_score"] = TARGET_SCORE
            return context
