"""Nothing reaches readers, or the reviewers, without authors, a reviewer and sources."""

import pytest

from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset

import tests.test_editor_rules as admin_forms
from articles.models import ArticlePage
from tests.content import person, reference, writer
from tests.html import soup

AUTHOR = "Add at least one author before publishing."
REVIEWER = "Choose a medical reviewer before publishing."
SUMMARY = "Add a summary before publishing"
# An administrator confirms publishing outside the workflow; the rules still apply.
PUBLISH = {"action-publish": "action-publish", "publish_without_review": "on"}
SUBMIT = {"action-submit": "action-submit"}


@pytest.fixture
def post(client, editor, index):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))

    def send(action=PUBLISH, **fields):
        data = admin_forms.article_form(**fields)
        data.update(action)
        return client.post(url, data)

    return send


def no_authors():
    return admin_forms.nested_form_data({"authors": inline_formset([])})


def assert_refused(response, *messages):
    assert response.status_code == 200
    content = response.content.decode()
    for message in messages:
        assert message in content, message
    assert not ArticlePage.objects.exists()


@pytest.mark.parametrize("action", [PUBLISH, SUBMIT], ids=["publish", "submit"])
def test_an_article_needs_an_author(post, action):
    data = admin_forms.article_form()
    data.update(no_authors())
    response = post(action, **{k: v for k, v in data.items() if k != "topics"})
    assert_refused(response, AUTHOR)


def test_a_removed_author_does_not_count(post):
    authors = admin_forms.nested_form_data(
        {"authors": inline_formset([{"person": writer().pk}], initial=0)}
    )
    authors["authors-0-DELETE"] = "1"
    data = admin_forms.article_form()
    data.update(authors)
    response = post(**{k: v for k, v in data.items() if k != "topics"})
    assert_refused(response, AUTHOR)


@pytest.mark.parametrize("action", [PUBLISH, SUBMIT], ids=["publish", "submit"])
def test_an_article_needs_a_medical_reviewer(post, action):
    assert_refused(post(action, medical_reviewer=""), REVIEWER)


def test_the_reviewer_must_be_a_medical_reviewer(post):
    response = post(medical_reviewer=writer().pk)
    assert_refused(response, "Select a valid choice")


@pytest.mark.parametrize("action", [PUBLISH, SUBMIT], ids=["publish", "submit"])
def test_an_article_needs_a_summary(post, action):
    assert_refused(post(action, summary=""), SUMMARY)


def test_every_missing_piece_is_named_at_once(post):
    data = admin_forms.article_form(summary="", medical_reviewer="")
    data.update(no_authors())
    response = post(**{k: v for k, v in data.items() if k != "topics"})
    assert_refused(response, AUTHOR, REVIEWER, SUMMARY)


def test_a_draft_can_be_saved_without_author_reviewer_or_summary(post):
    data = admin_forms.article_form(summary="", medical_reviewer="")
    data.update(no_authors())
    response = post({}, **{k: v for k, v in data.items() if k != "topics"})
    assert response.status_code == 302
    article = ArticlePage.objects.get()
    assert not article.live
    draft = article.get_latest_revision().as_object()
    assert draft.summary == ""
    assert list(draft.authors.all()) == []


def test_a_complete_article_is_submitted_for_review(post):
    response = post(SUBMIT)
    assert response.status_code == 302
    article = ArticlePage.objects.get()
    assert not article.live
    assert WorkflowState.objects.for_instance(article).exists()
    assert [
        a.person.name for a in article.get_latest_revision().as_object().authors.all()
    ] == ["Terry Writer"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"doi": "doi:bmj.n1446"}, "A DOI starts with 10. and a slash"),
        ({"pmid": "PMID128045"}, "A PMID is digits only"),
        ({"url": "not a web address"}, "Enter a valid URL"),
        ({"doi": "", "pmid": "", "url": ""}, "Give a DOI, a PMID or a URL"),
    ],
    ids=["doi", "pmid", "url", "none"],
)
def test_references_that_readers_cannot_find_are_refused(post, fields, message):
    response = post(references=[admin_forms.reference_form(**fields)])
    assert_refused(response, message)


def test_a_reference_with_only_a_pmid_is_accepted(post):
    response = post(references=[admin_forms.reference_form(doi="", pmid="12804507")])
    assert response.status_code == 302
    assert ArticlePage.objects.get().references.get().pmid == "12804507"


def test_doi_and_pubmed_links_render(client, article_factory):
    article = article_factory(
        references=[reference("a", doi="10.1136/bmj.n1446", pmid="12804507")]
    )
    item = soup(client.get(article.url)).select_one("li#ref-a")
    hrefs = [a["href"] for a in item.select("a.reference-link")]
    assert hrefs == [
        "https://doi.org/10.1136/bmj.n1446",
        "https://pubmed.ncbi.nlm.nih.gov/12804507/",
    ]


def test_editor_chooses_the_reviewer_from_clinicians_only(client, editor, index):
    clinician = person("dr-yes", name="Dr Yes")
    author = writer("no-reviewer", name="Not A Reviewer")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))
    select = soup(client.get(url)).select_one("select#id_medical_reviewer")
    options = [o["value"] for o in select.find_all("option")]
    assert options == ["", str(clinician.pk)]
    assert author.pk not in options
