"""Demonstration comments under the diazepam article: invented readers, marked "(demo)"."""

from django.contrib.auth import get_user_model

from articles.comments.builders import build_comment, comments_of, days_ago

ARTICLE = "diazepam-for-back-pain"

EDITORIAL_TEAM = {
    "username": "editorial-team",
    "first_name": "Clear Health",
    "last_name": "editorial team",
    "email": "editorial-team@example.org",
}

# Each entry: a key for replies to name their parent, the fields, and its parent's key.
# Readers' names are unlike any demo author's, and they ask questions rather than
# vouch for a treatment: a comment must not read as a testimonial.
COMMENTS = [
    {
        "key": "driving",
        "name": "Riley Placeholder (demo)",
        "email": "riley.placeholder@example.com",
        "days_ago": 12,
        "comment": (
            "The article says diazepam can affect driving. Does that apply even if "
            "a doctor prescribed it?"
        ),
    },
    {
        "key": "driving-reply",
        "parent": "driving",
        "staff": True,
        "days_ago": 11,
        "comment": (
            "Thank you for asking, Riley. Drowsiness, dizziness and unsteadiness are "
            "among the most common side effects of diazepam, and they affect "
            "driving, prescribed or not. In England and Wales the drug-driving law "
            "names diazepam; the safety section explains what it says.\n\n"
            "We cannot give personal medical advice in comments. Your prescriber or "
            "a pharmacist can tell you what applies to you."
        ),
    },
    {
        "key": "guideline",
        "name": "Jordan Specimen (demo)",
        "email": "jordan.specimen@example.com",
        "days_ago": 5,
        "comment": (
            "For anyone who wants to read the NICE guideline the article quotes, it "
            "is here: https://www.nice.org.uk/guidance/ng59"
        ),
    },
]

# Readers an earlier version of the demo invented; their comments are removed on load.
RETIRED_EMAILS = ["alex.example@example.com", "jordan.sample@example.com"]


def editorial_team_user():
    """A staff account the team's comments belong to; nobody can sign in as it."""
    fields = dict(EDITORIAL_TEAM)
    user, created = get_user_model().objects.get_or_create(
        username=fields.pop("username"), defaults={**fields, "is_staff": True}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def retire_old_demo_comments(page):
    """Remove the earlier demo readers' comments, and the replies under them."""
    old = comments_of(page).filter(user_email__in=RETIRED_EMAILS, level=0)
    for comment in old:
        comments_of(page).filter(thread_id=comment.thread_id).delete()


def build_demo_comments(articles):
    """The demo thread on the diazepam article, updated in place when run again."""
    page = articles[ARTICLE]
    retire_old_demo_comments(page)
    team = editorial_team_user()
    built = {}
    for data in COMMENTS:
        author = (
            {"name": team.get_full_name(), "email": team.email, "user": team}
            if data.get("staff")
            else {"name": data["name"], "email": data["email"]}
        )
        parent = built.get(data.get("parent"))
        existing = comments_of(page).filter(
            user_email=author["email"], level=1 if parent else 0
        )
        if existing.exists():
            existing.update(
                comment=data["comment"],
                user_name=author["name"],
                is_public=True,
                is_removed=False,
            )
            built[data["key"]] = existing.first()
        else:
            built[data["key"]] = build_comment(
                page,
                data["comment"],
                parent=parent,
                submit_date=days_ago(data["days_ago"]),
                **author,
            )
    return built
