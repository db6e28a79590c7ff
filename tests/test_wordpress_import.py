"""Moving a WordPress site in: a WXR export becomes draft articles, people, topics,
comments and redirects, and a bad file changes nothing."""

import re
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django_comments_xtd.models import XtdComment

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.test import override_settings

from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model

from articles.builders import build_home, build_index
from articles.comments.thread import article_thread
from articles.models import ArticlePage, Person, Topic
from articles.wordpress import importer, saving
from articles.wordpress.importer import import_wxr
from articles.wordpress.ledger import Kind
from articles.wordpress.models import ImportedObject
from articles.wordpress.sections import section_for, section_headings, split
from articles.wordpress.wxr import WXRError
from home.models import StandardPage
from tests.module_data import rolled_back

FIXTURES = Path(__file__).parent / "wordpress"
SITE = FIXTURES / "site.xml"
UPLOADS = FIXTURES / "uploads"
Image = get_image_model()


def imported_page(model, wordpress_id, source="old.example"):
    row = ImportedObject.objects.get(
        source=source,
        kind=Kind.PAGE if model is StandardPage else Kind.POST,
        source_id=str(wordpress_id),
    )
    return model.objects.get(pk=row.object_id)


def draft(page):
    """The page as its latest revision has it: imported content lives in revisions."""
    return page.get_latest_revision_as_object()


def copy_of_site(tmp_path, *replacements, name="site.xml"):
    """The fixture export with some text replaced, e.g. the WordPress site's address."""
    text = SITE.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def another_site(tmp_path):
    """The same export from another WordPress address: imported as new content."""
    return copy_of_site(tmp_path, ("https://old.example<", "https://other.example<"))


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            ArticlePage,
            StandardPage,
            Person,
            Topic,
            Image,
            XtdComment,
            Redirect,
            ImportedObject,
        )
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The fixture export imported once into a fresh site, for the whole module."""
    # Image files are not rolled back with the rows: they go to a folder of their own.
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, rolled_back(django_db_blocker):
        home = build_home()
        index = build_index(home)
        # Jo already writes here: the export's "jo" is matched by email, not copied.
        account = get_user_model().objects.create_user(
            username="jo.c", email="jo@clinic.example"
        )
        jo = Person.objects.create(
            name="Jo Clinician", slug="jo-clinician", role="GP", user=account
        )
        mail.outbox = []
        report = import_wxr(SITE, parent=index, media_dir=UPLOADS)
        yield SimpleNamespace(
            home=home,
            index=index,
            jo=jo,
            report=report,
            emails=list(mail.outbox),
            diazepam=imported_page(ArticlePage, 101),
            relaxants=imported_page(ArticlePage, 102),
            notes=imported_page(ArticlePage, 103),
            about=imported_page(StandardPage, 301),
        )


def blocks(page):
    return [(b.block_type, b.value.get("heading", "")) for b in draft(page).body]


def kind_counts(report, kind):
    data = next(k for k in report.as_dict()["kinds"] if k["kind"] == kind)
    return {
        "created": data["created"],
        "updated": data["updated"],
        "unchanged": data["unchanged"],
        "skipped": {s["reason"]: s["count"] for s in data["skipped"]},
    }


# The page tree, and what is live


def test_posts_become_draft_articles_under_the_index(db, world):
    children = ArticlePage.objects.child_of(world.index).order_by("path")
    assert [(a.title, a.slug) for a in children] == [
        ("Diazepam for back pain", "diazepam-for-back-pain"),
        ("Muscle relaxants explained", "muscle-relaxants-explained"),
        ("Notes with headings of their own", "notes-with-headings-of-their-own"),
    ]
    assert not ArticlePage.objects.filter(title="A post in the bin").exists()


def test_pages_become_standard_pages_under_the_home_page(db, world):
    about = world.about
    assert about.get_parent().specific == world.home
    assert about.title == "About us"
    assert about.introduction == "Who writes this site."
    assert "<h2" in about.body and "Placeholder text about the editors." in about.body


def test_nothing_imported_is_live(db, world, client):
    assert not ArticlePage.objects.live().exists()
    assert not StandardPage.objects.live().exists()
    assert client.get("/articles/diazepam-for-back-pain/").status_code == 404
    assert client.get("/about-us/").status_code == 404


def test_wordpress_dates_and_comment_settings_are_kept(db, world):
    assert world.diazepam.first_published_at.isoformat() == "2019-03-04T09:30:00+00:00"
    assert world.notes.first_published_at is None  # a draft in WordPress too
    assert world.diazepam.comments_open
    assert not world.relaxants.comments_open  # "closed" in WordPress


# Sections


def test_the_seed_headings_become_typed_sections(db, world):
    assert blocks(world.diazepam) == [
        ("rich_text", ""),
        ("overview", "Understanding diazepam for back pain"),
        ("efficacy", "Efficacy in Back Pains Management"),
        ("safety", "Safety Considerations diazepam for back pains"),
        ("rich_text", ""),  # Safety has no prose field: its text follows it
        ("alternatives", "Alternative Approaches"),
        ("deciding", "Individualized Treatment"),
        ("bottom_line", "Conclusion"),
    ]
    body = draft(world.diazepam).body
    assert "this post stands in for a health article" in body[0].value["text"].source
    assert "overview section" in body[1].value["what_it_is"].source
    assert "Placeholder caption text" in body[1].value["what_it_is"].source
    assert "efficacy section" in body[2].value["introduction"].source
    assert "safety section" in body[4].value["text"].source
    assert "alternatives section" in body[5].value["introduction"].source
    assert "deciding section" in body[6].value["introduction"].source
    assert "bottom line" in body[7].value["text"].source
    assert (
        draft(world.diazepam).summary == "A placeholder summary of the first test post."
    )


def test_a_block_editor_post_is_cleaned(db, world):
    assert blocks(world.relaxants) == [
        ("rich_text", ""),
        ("efficacy", "How well does it work?"),
        ("image", ""),
        ("safety", "Side effects"),
        ("rich_text", ""),
        ("bottom_line", "Bottom line"),
    ]
    raw = str(draft(world.relaxants).body.raw_data)
    for removed in (
        "wp:",
        "more",
        "script",
        "tracking",
        "onclick",
        "color: red",
        "ads.unknown.example",
        "gallery",
        "style",
    ):
        assert removed not in raw
    body = draft(world.relaxants).body
    assert "<b>how well</b>" in body[1].value["introduction"].source
    assert 'href="https://www.youtube.com/embed/abc123"' in raw
    assert "<li" in body[4].value["text"].source
    image = body[2].value["image"]
    assert image.title == "pill-box"
    assert image.contextual_alt_text == "A pill box"
    # With no excerpt, the summary is the post's opening words.
    assert draft(world.relaxants).summary == (
        "Placeholder opening paragraph for a block-editor post."
    )


def test_unknown_headings_become_rich_text_sections(db, world):
    assert blocks(world.notes) == [
        ("rich_text", ""),
        ("rich_text", "A short history"),
        ("rich_text", "Questions readers ask"),
        ("safety", "Safety"),
        ("rich_text", ""),
        # A second heading naming a section the article has already.
        ("rich_text", "Side effects"),
    ]
    history = draft(world.notes).body[1].value["text"].source
    assert "<h3" in history and "Early days" in history


def test_editors_extend_the_heading_table_in_settings(db, settings):
    settings.WORDPRESS_SECTION_HEADINGS = {
        "safety": ["cautions"],
        "overview": ["about"],
    }
    table = section_headings()
    assert section_for("Cautions for older people:", table) == "safety"
    assert section_for("About this medicine", table) == "overview"
    assert section_for("Side effects", table) == "safety"  # the defaults still apply
    assert section_for("Cautionary tales", table) is None  # whole words only
    sections = split("<h2>Cautions</h2><p>Text.</p>", table)
    assert [(s.kind, s.heading) for s in sections] == [("safety", "Cautions")]


def test_a_heading_table_naming_no_section_is_refused(db, settings, world, tmp_path):
    settings.WORDPRESS_SECTION_HEADINGS = {"side_effects": ["risks"]}
    before = counts()
    with pytest.raises(ImproperlyConfigured, match="not an article section"):
        import_wxr(another_site(tmp_path), parent=world.index)
    assert counts() == before


# People, topics, images


def test_authors_become_people_once(db, world):
    alex = Person.objects.get(name="Alex Writer")
    assert [a.person for a in draft(world.diazepam).authors.all()] == [alex]
    assert [a.person for a in draft(world.relaxants).authors.all()] == [alex]
    # Matched to the person whose account has the export's email address.
    assert [a.person for a in draft(world.notes).authors.all()] == [world.jo]
    assert not Person.objects.filter(name="Sam Unused").exists()
    assert Person.objects.count() == 2


def test_categories_and_tags_become_topics(db, world):
    assert set(Topic.objects.values_list("name", flat=True)) == {
        "Back pain",
        "Medicines",
        "Muscle relaxants",
    }
    assert {t.name for t in draft(world.diazepam).topics.all()} == {
        "Back pain",
        "Muscle relaxants",
    }
    assert {t.name for t in draft(world.relaxants).topics.all()} == {
        "Medicines",
        "Muscle relaxants",
    }
    assert not draft(world.notes).topics.exists()
    assert Topic.objects.get(name="Back pain").description == (
        "Placeholder description of a category."
    )


def test_the_featured_image_is_imported_and_a_missing_file_left_out(db, world):
    article = draft(world.diazepam)
    assert article.hero_image.title == "back-stretch"
    assert article.hero_image.width == 8
    assert article.hero_image_alt == "Someone stretching their back"
    # The in-post image whose file is missing: reported, and no broken block.
    assert "image" not in [b.block_type for b in article.body]
    assert kind_counts(world.report, "images")["skipped"] == {
        "image file not in the media folder": 1,
        "images in pages (standard pages have no place for images)": 1,
    }
    assert Image.objects.count() == 2


# Comments


def thread_of(page):
    """(name, level, public) in reading order, as the article's thread shows them."""
    shown = []

    def walk(entries):
        for entry in entries:
            shown.append((entry.name, entry.comment.level, entry.comment.is_public))
            walk(entry.children)

    walk(article_thread(page).entries)
    return shown


def test_comment_threads_are_kept_and_deep_replies_moved_up(db, world):
    assert thread_of(world.diazepam) == [
        ("Ana", 0, True),
        ("Ben", 1, True),
        ("Cleo", 2, True),
        # Deeper than the site's three levels: replies to Ben, in date order.
        ("Dev", 2, True),
        ("Eli", 2, True),
        ("Fay", 2, True),
        ("Ivy <b>Bold</b>", 0, True),  # a name is plain text, shown as typed
        ("Jay", 0, True),  # replied to spam: kept, at the top
    ]
    assert world.report.deepened == 3


def test_comment_states_and_fields(db, world):
    comments = {c.user_name: c for c in XtdComment.objects.all()}
    assert not comments["Gus"].is_public  # pending in WordPress: held for a moderator
    assert not comments["Gus"].is_removed
    for left_out in ("Cheap Pills", "Hal", "Another Blog", "Third Blog", "Lee"):
        assert left_out not in comments
    ana = comments["Ana"]
    assert (ana.user_email, ana.user_url, ana.ip_address) == (
        "ana@example.net",
        "https://ana.example.net",
        "192.0.2.1",
    )
    assert ana.submit_date.isoformat() == "2019-03-05T10:00:00+00:00"
    ivy = comments["Ivy <b>Bold</b>"]
    assert ivy.comment == (
        "See my notes (https://example.net/notes) and this.\n\nSecond paragraph."
    )
    assert ivy.user_url == ""  # a javascript: address is not a website
    assert ivy.ip_address is None
    assert comments["Kim"].content_object == world.relaxants


def test_imported_comments_send_no_email(db, world):
    assert world.emails == []


# Old addresses


def test_old_permalinks_redirect_permanently_to_the_new_page(db, world, client):
    response = client.get("/2019/03/diazepam-for-back-pain/")
    assert response.status_code == 301
    assert response["Location"] == "/articles/diazepam-for-back-pain/"
    response = client.get("/2019/04/muscle-relaxants-explained/")
    assert response.status_code == 301
    assert response["Location"] == "/articles/muscle-relaxants-explained/"


def test_old_numeric_addresses_redirect_too(db, world, client):
    for old, new in (
        ("/?p=101", "/articles/diazepam-for-back-pain/"),
        ("/?p=103", "/articles/notes-with-headings-of-their-own/"),
        ("/?page_id=301", "/about-us/"),
    ):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new)
    # Not an imported post: the home page as usual.
    assert client.get("/?p=999").status_code == 200
    assert client.get("/?p=abc").status_code == 200


# The report


def test_the_report_counts_everything(db, world):
    report = world.report
    assert kind_counts(report, "posts") == {
        "created": 3,
        "updated": 0,
        "unchanged": 0,
        "skipped": {
            "in the WordPress trash": 1,
            "not a post or a page (nav_menu_item)": 1,
        },
    }
    assert kind_counts(report, "pages")["created"] == 1
    assert kind_counts(report, "people") == {
        "created": 1,
        "updated": 0,
        "unchanged": 1,
        "skipped": {},
    }
    assert kind_counts(report, "topics") == {
        "created": 3,
        "updated": 0,
        "unchanged": 1,  # the "Back pain" tag is the "Back pain" category's topic
        "skipped": {"WordPress's default “Uncategorized” category": 1},
    }
    assert kind_counts(report, "images")["created"] == 2
    assert kind_counts(report, "comments") == {
        "created": 10,
        "updated": 0,
        "unchanged": 0,
        "skipped": {
            "pingbacks and trackbacks": 2,
            "marked as spam in WordPress": 1,
            "in the WordPress trash": 1,
            "comments on pages (only articles take comments)": 1,
        },
    }
    assert kind_counts(report, "redirects") == {
        "created": 6,
        "updated": 0,
        "unchanged": 0,
        "skipped": {"the old address is the new page's own": 1},
    }
    assert {d["what"]: d["count"] for d in report.as_dict()["dropped"]} == {
        "scripts": 1,
        "style sheets": 1,
        "inline event handlers (onclick and the like)": 1,
        "iframes from unknown hosts": 1,
        "embedded videos turned into links": 1,
        "shortcodes": 1,
        "[caption] shortcodes (caption kept as text)": 1,
        "block-editor comments": 24,
        "<!--more--> and <!--nextpage--> markers": 1,
    }
    assert report.error_count == 0
    text = report.as_text()
    assert "Posts (articles): 3 created, 2 skipped" in text
    assert "attached to their deepest allowed ancestor: 3" in text


# Running it again


def test_a_second_run_updates_the_changed_post_and_duplicates_nothing(
    db, world, tmp_path
):
    before = counts()
    changed = copy_of_site(
        tmp_path,
        ("Placeholder closing words.", "Placeholder closing words, revised."),
    )
    report = import_wxr(changed, parent=world.index, media_dir=UPLOADS)
    assert counts() == before
    assert kind_counts(report, "posts")["updated"] == 1
    assert kind_counts(report, "posts")["unchanged"] == 2
    assert kind_counts(report, "pages")["unchanged"] == 1
    assert kind_counts(report, "comments")["unchanged"] == 10
    assert kind_counts(report, "redirects")["unchanged"] == 6
    article = draft(ArticlePage.objects.get(pk=world.relaxants.pk))
    assert "closing words, revised" in article.body[-1].value["text"].source
    assert not ArticlePage.objects.live().exists()


def test_a_second_run_updates_changed_comments_and_adds_new_ones(db, world, tmp_path):
    changed = copy_of_site(
        tmp_path,
        ("A pending placeholder comment.", "The pending comment, edited."),
        (
            "<wp:comment_approved><![CDATA[0]]></wp:comment_approved>",
            "<wp:comment_approved><![CDATA[1]]></wp:comment_approved>",
        ),
        (
            "<wp:comment><wp:comment_id>2001</wp:comment_id>",
            "<wp:comment><wp:comment_id>2002</wp:comment_id><wp:comment_author>Max"
            "</wp:comment_author><wp:comment_date_gmt>2019-04-04 09:00:00"
            "</wp:comment_date_gmt><wp:comment_content>A new reply.</wp:comment_content>"
            "<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>2001"
            "</wp:comment_parent></wp:comment>"
            "<wp:comment><wp:comment_id>2001</wp:comment_id>",
        ),
    )
    report = import_wxr(changed, parent=world.index, media_dir=UPLOADS)
    assert kind_counts(report, "comments")["updated"] == 1
    assert kind_counts(report, "comments")["created"] == 1
    gus = XtdComment.objects.get(user_name="Gus")
    assert (gus.comment, gus.is_public) == ("The pending comment, edited.", True)
    assert thread_of(world.relaxants) == [("Kim", 0, True), ("Max", 1, True)]


def test_a_second_run_leaves_an_editors_changes_alone(db, world, tmp_path):
    article = draft(world.diazepam)
    article.title = "Diazepam for back pain: what the evidence says"
    article.save_revision()
    changed = copy_of_site(
        tmp_path, ("Placeholder text for the bottom line.", "Changed in WordPress.")
    )
    report = import_wxr(changed, parent=world.index)
    assert kind_counts(report, "posts")["skipped"][importer.EDITED] == 1
    assert draft(ArticlePage.objects.get(pk=world.diazepam.pk)).title == article.title


# Failures, dry runs, bad files


def test_a_failing_post_is_rolled_back_and_the_rest_go_on(
    db, world, tmp_path, monkeypatch
):
    real = importer.import_comments

    def fail_on_relaxants(page, *args):
        if page.title == "Muscle relaxants explained":
            raise RuntimeError("the database went away")
        return real(page, *args)

    monkeypatch.setattr(importer, "import_comments", fail_on_relaxants)
    pages_before = ArticlePage.objects.count()
    report = import_wxr(another_site(tmp_path), parent=world.index, media_dir=UPLOADS)
    assert report.errors == [
        {
            "id": 102,
            "title": "Muscle relaxants explained",
            "message": "RuntimeError: the database went away",
        }
    ]
    assert kind_counts(report, "posts")["created"] == 2
    assert ArticlePage.objects.count() == pages_before + 2
    # Nothing of the failed post is left: no page, no record, no redirect.
    assert ArticlePage.objects.filter(title="Muscle relaxants explained").count() == 1
    assert not ImportedObject.objects.filter(source="other.example", source_id="102")
    assert Redirect.objects.filter(old_path="/?p=102").count() == 1


def test_a_dry_run_reports_and_changes_nothing(db, world, tmp_path):
    media = Path(Image().file.storage.location)
    files_before = sorted(media.rglob("*")) if media.exists() else []
    before = counts()
    report = import_wxr(
        another_site(tmp_path), parent=world.index, media_dir=UPLOADS, dry_run=True
    )
    assert counts() == before
    assert (sorted(media.rglob("*")) if media.exists() else []) == files_before
    assert report.dry_run
    assert kind_counts(report, "posts")["created"] == 3
    assert kind_counts(report, "comments")["created"] == 10
    assert report.as_text().startswith("Dry run: nothing was saved.")


BAD_FILES = {
    "not-wxr.xml": "not a WordPress export (WXR): it starts with <catalogue>",
    "plain-rss.xml": "an RSS feed, not a WordPress export",
    "malformed.xml": "not well-formed XML (line 5",
    "entity-bomb.xml": "refused for safety",
    "external-entity.xml": "refused for safety",
    "latin-1.xml": "not UTF-8 text",
    "declared-latin-1.xml": "written in ISO-8859-1, not UTF-8",
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_gets_one_clear_error_and_changes_nothing(db, world, name):
    before = counts()
    with pytest.raises(WXRError, match=re.escape(BAD_FILES[name])):
        import_wxr(FIXTURES / name, parent=world.index)
    assert counts() == before


def test_a_truncated_file_changes_nothing(db, world, tmp_path):
    data = another_site(tmp_path).read_bytes()
    # Cut inside the third post: the first two must not be imported either.
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[: data.index(b"Notes with headings")])
    before = counts()
    with pytest.raises(WXRError, match="looks cut short"):
        import_wxr(cut, parent=world.index)
    assert counts() == before


def test_an_empty_file_is_refused(db, world, tmp_path):
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    with pytest.raises(WXRError, match="empty"):
        import_wxr(empty, parent=world.index)


# Going live


def test_live_import_publishes_pages_and_articles_awaiting_review(
    db, world, tmp_path, editor
):
    report = import_wxr(
        another_site(tmp_path), parent=world.index, live=True, user=editor
    )
    assert StandardPage.objects.live().filter(title="About us").count() == 1
    live = ArticlePage.objects.live()
    assert sorted(live.values_list("title", flat=True)) == [
        "Diazepam for back pain",
        "Muscle relaxants explained",
    ]
    assert not any(article.live_content_reviewed for article in live)
    assert report.live_awaiting_review == 2
    assert report.as_dict()["not_published"] == [
        {"reason": saving.NOT_PUBLISHED, "count": 1}
    ]


def test_live_import_of_articles_needs_an_administrator(db, world, tmp_path):
    report = import_wxr(another_site(tmp_path), parent=world.index, live=True)
    assert report.not_published[saving.NEEDS_ADMIN] == 2
    assert not ArticlePage.objects.live().exists()


# The command


def test_the_command_dry_run_shows_progress_and_the_report(db, world, tmp_path):
    out = StringIO()
    before = counts()
    call_command(
        "import_wordpress",
        str(another_site(tmp_path)),
        "--dry-run",
        "--parent",
        "/articles/",
        "--media-dir",
        str(UPLOADS),
        stdout=out,
    )
    assert counts() == before
    output = out.getvalue()
    assert "5 of 5 posts and pages read" in output
    assert "Dry run: nothing was saved." in output
    assert "Posts (articles): 3 created, 2 skipped" in output


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["missing.xml"], "There is no file at missing.xml"),
        ([str(FIXTURES / "not-wxr.xml")], "not a WordPress export"),
        ([str(SITE), "--parent", "/nowhere/"], "There is no page at /nowhere/"),
        ([str(SITE), "--parent", "/"], "cannot hold articles"),
        ([str(SITE), "--live-awaiting-review"], "an administrator's username"),
        ([str(SITE), "--media-dir", "/no/such/folder"], "does not exist"),
    ],
)
def test_the_command_refuses_bad_input_with_a_message(db, world, arguments, message):
    before = counts()
    with pytest.raises(CommandError, match=message):
        call_command("import_wordpress", *arguments, stdout=StringIO())
    assert counts() == before


# Editors take it from here


@pytest.mark.parametrize("name", ["diazepam", "relaxants", "notes", "about"])
def test_editors_open_and_preview_imported_pages(db, world, client, editor, name):
    """The edit form opens, and the draft's preview shows the imported text."""
    page = getattr(world, name)
    client.force_login(editor)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    revision = page.get_latest_revision()
    preview = client.get(f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/")
    assert preview.status_code == 200
    html = preview.content.decode()
    assert page.title in html
    assert "Placeholder" in html


def test_a_second_run_brings_back_an_article_an_editor_deleted(db, world, tmp_path):
    world.diazepam.delete()
    report = import_wxr(SITE, parent=world.index, media_dir=UPLOADS)
    assert kind_counts(report, "posts")["created"] == 1
    assert kind_counts(report, "comments")["created"] == 9
    article = imported_page(ArticlePage, 101)
    assert article.pk != world.diazepam.pk
    assert [name for name, _, _ in thread_of(article)][:2] == ["Ana", "Ben"]
    assert Redirect.objects.get(old_path="/?p=101").link == article.url


def test_old_numeric_addresses_cost_a_few_queries_and_others_none(
    db, world, client, django_assert_num_queries, django_assert_max_num_queries
):
    client.get("/")  # the site root cache warmed
    with django_assert_max_num_queries(20) as plain:
        client.get("/")
    # Other query strings are not looked up among the redirects.
    with django_assert_num_queries(len(plain.captured_queries)):
        client.get("/?utm_source=newsletter")
    with django_assert_max_num_queries(4):
        assert client.get("/?p=101").status_code == 301


def test_running_an_unchanged_export_again_is_cheap(
    db, world, django_assert_max_num_queries
):
    # Each post: its record, its page, its redirects and its comments' records.
    with django_assert_max_num_queries(40):
        report = import_wxr(SITE, parent=world.index, media_dir=UPLOADS)
    assert kind_counts(report, "posts")["unchanged"] == 3
