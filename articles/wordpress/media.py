"""Images from the copy of wp-content/uploads given to the import: never fetched over the network.

An image is found by the attachment it belongs to, or by the path in its address after
"wp-content/uploads/". A file that is missing, outside the folder, or not a readable
image is reported and left out; the post is imported without it.
"""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import willow

from django.conf import settings
from django.core.files import File

from wagtail.images import get_image_model

from .ledger import Kind

UPLOADS = "/wp-content/uploads/"
# WordPress's resized copies: "back-300x200.jpg" for "back.jpg".
RESIZED = re.compile(r"-\d+x\d+(?=\.\w+$)")
MISSING = "image file not in the media folder"
NO_FOLDER = "no media folder given (--media-dir)"
UNREADABLE = "not a readable image"
NOT_ALLOWED = "not an image type the site accepts"
UNKNOWN = "address not under wp-content/uploads"


class Images:
    """Finds or makes the Wagtail image for each attachment or address, once per import."""

    def __init__(self, export, ledger, media_dir, dry_run=False):
        self.attachments = export.attachments
        self.ledger = ledger
        self.folder = Path(media_dir).resolve() if media_dir else None
        self.dry_run = dry_run
        self.images = {}  # relative path → image (None when left out)
        self.written = []  # files stored during the current post

    def forget(self):
        """After a post failed: its rows were rolled back, so its files go too."""
        for image in self.written:
            image.file.delete(save=False)
        self.written.clear()
        self.images.clear()

    def committed(self):
        self.written.clear()

    def for_attachment(self, attachment_id, report):
        """(image, alt text) for an attachment ID; (None, "") if left out."""
        attachment = self.attachments.get(attachment_id)
        if attachment is None:
            report.skipped("images", "attachment not in the export")
            return None, ""
        relative = attachment.file or relative_path(attachment.url)
        image = self.for_path(relative, attachment.title, report)
        return image, attachment.alt or attachment.title

    def for_ref(self, ref, report):
        """(image, alt text) for an <img> in a post."""
        if ref.attachment_id in self.attachments:
            image, alt = self.for_attachment(ref.attachment_id, report)
            return image, ref.alt or alt
        relative = relative_path(ref.src)
        if relative is None:
            report.skipped("images", UNKNOWN)
            return None, ""
        return self.for_path(relative, "", report), ref.alt

    def for_path(self, relative, title, report):
        if not relative:
            report.skipped("images", UNKNOWN)
            return None
        if relative not in self.images:
            self.images[relative] = self.find_or_create(relative, title, report)
        return self.images[relative]

    def find_or_create(self, relative, title, report):
        Image = get_image_model()
        for key in dict.fromkeys((relative, RESIZED.sub("", relative))):
            row = self.ledger.get(Kind.IMAGE, key)
            image = Image.objects.filter(pk=row.object_id).first() if row else None
            if image is not None:
                report.unchanged("images")
                return image
        path, reason = self.locate(relative)
        if path is None:
            report.skipped("images", reason)
            return None
        if path.suffix.lower().lstrip(".") not in settings.WAGTAILIMAGES_EXTENSIONS:
            report.skipped("images", NOT_ALLOWED)
            return None
        try:
            with path.open("rb") as handle:
                willow.Image.open(handle).get_size()
        except Exception:  # Pillow and willow raise many kinds for a bad file
            report.skipped("images", UNREADABLE)
            return None
        report.created("images")
        if self.dry_run:
            return None
        with path.open("rb") as handle:
            image = Image(
                title=(title or path.stem)[:255], file=File(handle, name=path.name)
            )
            image._set_image_file_metadata()
            image.save()
        self.written.append(image)
        # Keyed by the file found, so a resized copy's address finds it too.
        self.ledger.record(Kind.IMAGE, path.relative_to(self.folder).as_posix(), image)
        return image

    def locate(self, relative):
        """The file for a path under uploads, or (None, why not)."""
        if self.folder is None:
            return None, NO_FOLDER
        for candidate in (relative, RESIZED.sub("", relative)):
            path = (self.folder / candidate).resolve()
            # Never outside the folder, whatever "../" the export holds.
            if path.is_relative_to(self.folder) and path.is_file():
                return path, None
        return None, MISSING


def relative_path(url):
    """The path under uploads: ".../wp-content/uploads/2019/03/a.jpg" → "2019/03/a.jpg"."""
    if not url:
        return None
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return None
    if UPLOADS not in path:
        return None
    return path.split(UPLOADS, 1)[1].lstrip("/") or None
