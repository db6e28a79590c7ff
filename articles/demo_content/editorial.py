"""The demo editorial policy: how articles are written, reviewed, sourced and corrected."""

from articles.builders import get_or_create_child
from home.models import StandardPage
from home.site_settings import EditorialSettings

from .common import RATING_ANCHOR

EDITORIAL_POLICY = {
    "title": "Editorial policy",
    "slug": "editorial-policy",
    "introduction": (
        "How we write, check, source and correct our articles, and how to tell us "
        "about a mistake. This is a demonstration policy for a demonstration site."
    ),
    "body": (
        "<h2>How we write articles</h2>"
        "<p>Each article is written by a named health writer. We start from the best "
        "evidence we can find: systematic reviews, large trials and national "
        "guidance such as NICE's. We say how sure the evidence is, and we say so "
        "plainly when it is weak or missing.</p>"
        "<p>Every article follows the same plan: what the treatment is, how well it "
        "works, what guidelines say, what the risks are, what else can help and how "
        "to decide with your clinician. An article cannot be published without a "
        "summary, a section on risks, a bottom line and at least one reference. "
        "Articles on topics such as back pain must also list the symptoms that need "
        "urgent help.</p>"
        "<h2>How articles are reviewed</h2>"
        "<p>Before publication, every article goes through two checks. An editor "
        "checks that it is clear, balanced and follows this policy. Then a medical "
        "reviewer, a registered clinician named on the article, checks it against "
        "the evidence and current practice.</p>"
        "<p>The article shows who reviewed it and when, and the date by which it "
        "will be reviewed again: at most twelve months later, sooner for "
        "fast-moving topics. If that date passes before the review is done, the "
        "article says so at the top while we check it.</p>"
        "<h2>How we use sources</h2>"
        "<p>Every claim about how well a treatment works, or what it risks, is "
        "numbered and linked to its source in the reference list. References give a "
        "DOI, a PubMed number or a web address so that you can read them "
        "yourself. We do not accept advertising or payment from the makers of the "
        "treatments we write about.</p>"
        f'<h2 id="{RATING_ANCHOR}">How we rate evidence</h2>'
        "<p>Each finding in an article has a certainty rating: high, moderate, low "
        "or very low. These are our editors' ratings. They say how sure we can be "
        "that a finding is right, not how well a treatment works.</p>"
        "<ul>"
        "<li><b>High</b>: further research is very unlikely to change the "
        "finding.</li>"
        "<li><b>Moderate</b>: further research may change it.</li>"
        "<li><b>Low</b>: further research is likely to change it.</li>"
        "<li><b>Very low</b>: the finding is very uncertain.</li>"
        "</ul>"
        "<p>The four levels come from GRADE, a common way of rating health "
        "evidence. When a review has rated its own evidence this way, we use its "
        "rating. Otherwise our editors rate it and the medical reviewer checks the "
        "rating. A single small trial, or a trial in one place, is rated low at "
        "most. We rate evidence lower when it comes from an old review, or from "
        "studies of other medicines than the one the article is about.</p>"
        "<p>Some options rest on a guideline's advice rather than on trials we have "
        "rated. We rate those low until we have checked the research, and we say "
        "the advice comes from the guideline. Guideline recommendations appear "
        "under “What guidelines say”, apart from the findings: a recommendation is "
        "advice, not evidence.</p>"
        "<h2>How we correct mistakes</h2>"
        "<p>When we find or are told about a mistake, we fix it and add a dated "
        "correction note at the top of the article saying what changed. We do not "
        "quietly rewrite what we said.</p>"
        "<h2>How to report a problem</h2>"
        "<p>Every article has a link, “Report a problem with this page”, below the "
        "article. Use it to tell us about a mistake, a broken link or anything hard "
        "to understand. Our editors read every report. Please do not send details "
        "about your own health: we cannot give personal medical advice.</p>"
        "<h2>About this demonstration</h2>"
        "<p>This site, its articles and the people named on them are a "
        "demonstration. The people are fictional, and nothing here is medical "
        "advice.</p>"
    ),
}


def build_standard_page(home, *, title, slug, introduction, body):
    """A standard page under the home page, created or updated in place, and live."""
    page = get_or_create_child(
        home, StandardPage, slug, title=title, introduction=introduction, body=body
    )
    page.save_revision().publish()
    return page


def build_editorial_policy(home, **fields):
    """The demo policy page, chosen in the settings of the site it is on."""
    page = build_standard_page(home, **{**EDITORIAL_POLICY, **fields})
    settings = EditorialSettings.for_site(home.get_site())
    settings.editorial_policy_page = page
    settings.save()
    return page
