"""Write a large WordPress export (WXR) for benchmarking `manage.py import_wordpress`.

    python .bench/wxr_export.py OUT.xml [--posts 10000] [--comments 100000] [--seed 1]

Streams to the file, so any size is written in constant memory. Posts mix the classic
and block editors, with the headings an imported health article has, images (whose
files are absent: reported, not fetched), categories, tags and threaded comments, some
pending, spam, trashed or pingbacks, as a real site's export has.
"""

import argparse
import random
from datetime import datetime, timedelta
from xml.sax.saxutils import escape

AUTHORS = 25
CATEGORIES = 40
TAGS = 200
HEADINGS = (
    "Understanding the treatment:",
    "How well does it work?",
    "Safety considerations:",
    "Side effects",
    "Alternative approaches:",
    "Individualised treatment:",
    "A note on dosing",
    "Questions readers ask",
    "Conclusion:",
)
SENTENCES = (
    "This paragraph is placeholder text generated for a benchmark.",
    "It has the length and shape of a paragraph in a health article.",
    "Several trials are mentioned here without naming any of them.",
    "Readers often ask how long it takes before a change is noticed.",
    "The evidence summarised in this section is invented for the test.",
    'A link to <a href="https://example.org/source">a source</a> sits in the text.',
    "Some words are <strong>bold</strong> and some are <em>emphasised</em>.",
)
START = datetime(2012, 1, 1, 9, 0, 0)


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def paragraph(rng):
    return " ".join(rng.sample(SENTENCES, rng.randint(2, 4)))


def classic_body(rng, headings):
    parts = [paragraph(rng)]
    for heading in headings:
        parts.append(f"<h2>{heading}</h2>")
        parts += [paragraph(rng) for _ in range(rng.randint(1, 3))]
    return "\n\n".join(parts)


def block_body(rng, headings, post_id):
    parts = [f"<!-- wp:paragraph -->\n<p>{paragraph(rng)}</p>\n<!-- /wp:paragraph -->"]
    for n, heading in enumerate(headings):
        parts.append(
            f'<!-- wp:heading -->\n<h2 class="wp-block-heading">{heading}</h2>\n'
            "<!-- /wp:heading -->"
        )
        parts += [
            f"<!-- wp:paragraph -->\n<p>{paragraph(rng)}</p>\n<!-- /wp:paragraph -->"
            for _ in range(rng.randint(1, 3))
        ]
        if n == 1:
            parts.append(
                f'<!-- wp:image {{"id":{post_id}}} -->\n<figure class="wp-block-image">'
                f'<img src="https://old.example/wp-content/uploads/2020/01/figure-{post_id}'
                f'.jpg" alt="A figure" class="wp-image-{post_id}"/></figure>\n'
                "<!-- /wp:image -->"
            )
    return "\n\n".join(parts)


def comment_xml(rng, comment_id, parent_id, when):
    roll = rng.random()
    approved, kind = "1", "comment"
    if roll < 0.05:
        approved = "0"
    elif roll < 0.08:
        approved = "spam"
    elif roll < 0.09:
        approved = "trash"
    elif roll < 0.10:
        kind = "pingback"
    name = f"Reader {rng.randint(1, 5000)}"
    return (
        "\t\t<wp:comment>"
        f"<wp:comment_id>{comment_id}</wp:comment_id>"
        f"<wp:comment_author>{cdata(name)}</wp:comment_author>"
        f"<wp:comment_author_email>reader{comment_id}@example.net</wp:comment_author_email>"
        "<wp:comment_author_url></wp:comment_author_url>"
        f"<wp:comment_author_IP>192.0.2.{comment_id % 250 + 1}</wp:comment_author_IP>"
        f"<wp:comment_date_gmt>{when:%Y-%m-%d %H:%M:%S}</wp:comment_date_gmt>"
        f"<wp:comment_content>{cdata(paragraph(rng))}</wp:comment_content>"
        f"<wp:comment_approved>{approved}</wp:comment_approved>"
        f"<wp:comment_type>{kind}</wp:comment_type>"
        f"<wp:comment_parent>{parent_id}</wp:comment_parent>"
        "</wp:comment>\n"
    )


def comments_xml(rng, first_id, count, published):
    """`count` comments in date order, about half replying to a recent one."""
    out, ids = [], []
    for n in range(count):
        comment_id = first_id + n
        parent = rng.choice(ids[-6:]) if ids and rng.random() < 0.5 else 0
        when = published + timedelta(hours=3 * (n + 1))
        out.append(comment_xml(rng, comment_id, parent, when))
        ids.append(comment_id)
    return "".join(out)


def item_xml(rng, post_id, comment_id, comment_count):
    published = START + timedelta(hours=7 * post_id)
    headings = rng.sample(HEADINGS, rng.randint(3, 6))
    if rng.random() < 0.5:
        body = classic_body(rng, headings)
    else:
        body = block_body(rng, headings, post_id)
    category = rng.randint(1, CATEGORIES)
    tags = rng.sample(range(1, TAGS + 1), 2)
    slug = f"treatment-{post_id}"
    terms = f'\t\t<category domain="category" nicename="category-{category}">{cdata(f"Category {category}")}</category>\n'
    terms += "".join(
        f'\t\t<category domain="post_tag" nicename="tag-{t}">{cdata(f"Tag {t}")}</category>\n'
        for t in tags
    )
    return (
        "\t<item>\n"
        f"\t\t<title>{escape(f'Treatment {post_id} for a common complaint')}</title>\n"
        f"\t\t<link>https://old.example/{published:%Y/%m}/{slug}/</link>\n"
        f"\t\t<dc:creator>{cdata(f'author{post_id % AUTHORS + 1}')}</dc:creator>\n"
        f"\t\t<content:encoded>{cdata(body)}</content:encoded>\n"
        f"\t\t<excerpt:encoded>{cdata('')}</excerpt:encoded>\n"
        f"\t\t<wp:post_id>{post_id}</wp:post_id>\n"
        f"\t\t<wp:post_date_gmt>{published:%Y-%m-%d %H:%M:%S}</wp:post_date_gmt>\n"
        "\t\t<wp:comment_status>open</wp:comment_status>\n"
        f"\t\t<wp:post_name>{slug}</wp:post_name>\n"
        "\t\t<wp:status>publish</wp:status>\n"
        "\t\t<wp:post_type>post</wp:post_type>\n"
        f"{terms}"
        f"{comments_xml(rng, comment_id, comment_count, published)}"
        "\t</item>\n"
    )


def header():
    authors = "".join(
        f"\t<wp:author><wp:author_login>author{n}</wp:author_login>"
        f"<wp:author_email>author{n}@old.example</wp:author_email>"
        f"<wp:author_display_name>{cdata(f'Author Number {n}')}</wp:author_display_name>"
        "</wp:author>\n"
        for n in range(1, AUTHORS + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" ?>\n'
        '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
        "\t<title>Benchmark Health Blog</title>\n\t<link>https://old.example</link>\n"
        "\t<wp:wxr_version>1.2</wp:wxr_version>\n"
        "\t<wp:base_site_url>https://old.example</wp:base_site_url>\n"
        "\t<wp:base_blog_url>https://old.example</wp:base_blog_url>\n" + authors
    )


def write_export(path, posts, comments, seed=1):
    rng = random.Random(seed)  # noqa: S311 - placeholder text, not a secret
    base, extra = divmod(comments, posts) if posts else (0, 0)
    comment_id = 1
    with open(path, "w", encoding="utf-8") as out:
        out.write(header())
        for n in range(posts):
            count = base + (1 if n < extra else 0)
            out.write(item_xml(rng, n + 1, comment_id, count))
            comment_id += count
        out.write("</channel>\n</rss>\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--comments", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    write_export(options.out, options.posts, options.comments, options.seed)


if __name__ == "__main__":
    main()
