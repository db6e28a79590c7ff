"""Where editors may put each kind of page, and that readers can reach them."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from articles.builders import build_article, build_home, build_index
from articles.models import ArticleAuthor, ArticleIndexPage, ArticlePage
from home.models import HomePage
from tests.content import complete_body, person, reference, writer


class PageTreeRules(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = build_home()
        cls.index = build_index(cls.home)
        cls.article = build_article(
            cls.index,
            "Testamol for back pain",
            slug="testamol",
            summary="What the evidence says.",
            body=complete_body(),
            references=[reference("a")],
            authors=[ArticleAuthor(person=writer())],
            medical_reviewer=person(),
        )

    def test_articles_live_only_in_the_article_index(self):
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(Page, ArticlePage)

    def test_article_index_holds_only_articles(self):
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})

    def test_articles_have_no_children(self):
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_home_page_sits_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_article_index_goes_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, ArticleIndexPage)

    def test_article_index_goes_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ArticleIndexPage, {HomePage})

    def test_there_is_one_home_page_and_one_article_index(self):
        root = Page.get_first_root_node()
        self.assertFalse(HomePage.can_create_at(root))
        self.assertFalse(ArticleIndexPage.can_create_at(self.home))

    def test_readers_can_reach_every_page(self):
        self.assertPageIsRoutable(self.home)
        self.assertPageIsRoutable(self.index)
        self.assertPageIsRoutable(self.article)
        self.assertEqual(self.article.url, "/articles/testamol/")
