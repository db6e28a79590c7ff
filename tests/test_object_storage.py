"""Media in S3-compatible object storage: what an editor uploads, readers can fetch.

The storage is moto's S3 server, started here on this machine; the site is configured
for it the way a server is, from the environment (settings/services.py).
"""

import json
import urllib.error
import urllib.request

import pytest

from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from settings.services import media_storage

boto3 = pytest.importorskip("boto3", reason="boto3 is not installed")
moto_server = pytest.importorskip(
    "moto.moto_server.threaded_moto_server", reason="moto[server] is not installed"
)
BUCKET = "health-media"
# The bucket policy README asks for: images are public, documents are not.
READERS_SEE_IMAGES = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": [
                f"arn:aws:s3:::{BUCKET}/original_images/*",
                f"arn:aws:s3:::{BUCKET}/images/*",
            ],
        }
    ],
}


@pytest.fixture(scope="module")
def s3():
    server = moto_server.ThreadedMotoServer(
        ip_address="127.0.0.1", port=0, verbose=False
    )
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def bucket(s3, settings, monkeypatch, db):
    """The site's media in a fresh bucket, configured as AWS_STORAGE_BUCKET_NAME sets it."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    client = boto3.client("s3", endpoint_url=s3, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(READERS_SEE_IMAGES))
    configured = {
        "STORAGES": settings.STORAGES,
        "CONTENT_SECURITY_POLICY": settings.CONTENT_SECURITY_POLICY,
    }
    media_storage(
        configured,
        {"AWS_STORAGE_BUCKET_NAME": BUCKET, "MEDIA_S3_ENDPOINT_URL": s3},
    )
    for name, value in configured.items():
        setattr(settings, name, value)
    yield client
    # The site's own S3 connections, closed before their sockets are left to the collector.
    storage = storages["default"]
    for connection in (storage.connection, storage.unsigned_connection):
        connection.meta.client.close()
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
        for item in page.get("Contents", []):
            client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)
    client.close()


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the test's own server
        return response.status, response.headers["Content-Type"], response.read()


def png():
    return get_test_image_file(filename="stretch.png").file.getvalue()


def test_an_uploaded_image_is_stored_in_the_bucket_and_served_from_it(
    client, editor, bucket, s3
):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "A physiotherapist guiding a stretch",
            "file": SimpleUploadedFile("stretch.png", png(), content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302

    image = Image.objects.get(title="A physiotherapist guiding a stretch")
    assert image.file.url.startswith(f"{s3}/{BUCKET}/original_images/")
    status, content_type, body = fetch(image.file.url)
    assert (status, content_type, body) == (200, "image/png", png())

    rendition = image.get_rendition("width-100")
    status, content_type, body = fetch(rendition.url)
    assert (status, content_type) == (200, "image/png")
    assert rendition.url.startswith(f"{s3}/{BUCKET}/images/")
    keys = {item["Key"] for item in bucket.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert keys == {image.file.name, rendition.file.name}


def test_two_uploads_with_one_name_keep_both_files(bucket):
    first = Image.objects.create(title="First", file=get_test_image_file("same.png"))
    second = Image.objects.create(
        title="Second", file=get_test_image_file("same.png", colour="black")
    )

    assert first.file.name != second.file.name
    assert fetch(first.file.url)[2] != fetch(second.file.url)[2]


def test_a_document_is_served_through_the_site(client, bucket):
    document = Document.objects.create(
        title="Exercise leaflet",
        file=SimpleUploadedFile("leaflet.txt", b"Stretch every morning.\n"),
    )

    response = client.get(document.url)

    # Not a redirect to the bucket: the site checks private collections on each download.
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Stretch every morning.\n"
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(document.file.url)
    refused.value.close()
    assert refused.value.code == 403


def test_readers_pages_let_browsers_load_images_from_the_bucket(
    client, home, bucket, s3
):
    policy = client.get("/").headers["Content-Security-Policy"]

    (img_src,) = [d for d in policy.split(";") if d.strip().startswith("img-src")]
    assert s3 in img_src.split()
