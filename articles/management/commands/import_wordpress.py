"""manage.py import_wordpress EXPORT.xml: move a WordPress site's content in."""

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Page, Site

from articles.wordpress.importer import ImportRefused, import_wxr
from articles.wordpress.wxr import WXRError

BAR_WIDTH = 30


class Progress:
    """A progress bar on a terminal; a line every tenth of the way otherwise."""

    def __init__(self, out, interactive):
        self.out, self.interactive = out, interactive
        self.shown = -1

    def __call__(self, done, total, message=""):
        share = done / total if total else 1
        if self.interactive:
            filled = round(BAR_WIDTH * share)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            title = str(message)[:40]
            self.out.write(f"\r[{bar}] {done:,}/{total:,} {title:<40}", ending="")
            if done >= total:
                self.out.write("")
            self.out.flush()
        elif (tenth := int(share * 10)) > self.shown:
            self.shown = tenth
            self.out.write(f"{done:,} of {total:,} posts and pages read")


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR file from Tools › Export): posts become draft "
        "articles, pages become standard pages, with their authors, topics, images, "
        "comments and old addresses. Running it again updates what it imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The .xml file WordPress exported.")
        parser.add_argument(
            "--parent",
            help="The path of the page to hold the articles, e.g. /articles/ "
            "(default: the site's articles index).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would be imported, and change nothing.",
        )
        parser.add_argument(
            "--media-dir",
            help="A copy of the site's wp-content/uploads folder, for the images.",
        )
        parser.add_argument(
            "--live-awaiting-review",
            action="store_true",
            help="Publish what WordPress had published: pages go live; articles go "
            "live awaiting medical review (readers are told so) if they have a "
            "summary, an author and any urgent-help block their topics need; the rest "
            "stay drafts, and the report says why. Any later change goes through "
            "medical review. Needs --user (an administrator).",
        )
        parser.add_argument(
            "--user",
            help="The username the import is recorded against; an administrator's "
            "for --live-awaiting-review.",
        )

    def handle(self, *args, **options):
        path = Path(options["export"])
        if not path.is_file():
            raise CommandError(f"There is no file at {path}.")
        media_dir = options["media_dir"]
        if media_dir and not Path(media_dir).is_dir():
            raise CommandError(f"The media folder {media_dir} does not exist.")
        user = self.user(options["user"])
        if options["live_awaiting_review"] and not (user and user.is_superuser):
            raise CommandError(
                "--live-awaiting-review publishes articles without a medical review, "
                "which only an administrator may do: give an administrator's "
                "username with --user."
            )
        try:
            report = import_wxr(
                path,
                parent=self.parent(options["parent"]),
                dry_run=options["dry_run"],
                media_dir=media_dir,
                live=options["live_awaiting_review"],
                progress=Progress(self.stdout, sys.stdout.isatty()),
                user=user,
            )
        except (WXRError, ImportRefused, ImproperlyConfigured) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(report.as_text())

    @staticmethod
    def user(username):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user “{username}”.")
        return user

    @staticmethod
    def parent(path):
        if not path:
            return None
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("The site has no default site to find the parent in.")
        url_path = site.root_page.url_path + path.strip("/") + "/"
        page = Page.objects.filter(url_path=url_path.replace("//", "/")).first()
        if page is None:
            raise CommandError(f"There is no page at {path}.")
        return page
