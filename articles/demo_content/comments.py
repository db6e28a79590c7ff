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
COMMENTS = [
    {
        "key": "drowsy",
        "name": "Alex Example (demo)",
        "email": "alex.example@example.com",
        "days_ago": 12,
        "comment": (
            "I was given diazepam for a few days when my back went into spasm last "
            "year. It helped me sleep, but I felt groggy the next morning.\n\n"
            "Is that usual?"
        ),
    },
    {
        "key": "drowsy-reply",
        "parent": "drowsy",
        "staff": True,
        "days_ago": 11,
        "comment": (
            "Thank you for sharing this, Alex. Feeling drowsy the next day is one of "
            "the most common side effects of diazepam; the safety section lists it "
            "with the others. It can affect driving, so check with your pharmacist "
            "before you drive.\n\n"
            "We cannot give personal medical advice in comments. If you are worried, "
            "talk to your GP or pharmacist."
        ),
    },
    {
        "key": "exercise",
        "name": "Jordan Sample (demo)",
        "email": "jordan.sample@example.com",
        "days_ago": 5,
        "comment": (
            "The section on what else can help was useful. My physiotherapist gave me "
            "a home exercise plan, which is what NICE recommends too: "
            "https://www.nice.org.uk/guidance/ng59"
        ),
    },
]


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


def build_demo_comments(articles):
    """The demo thread on the diazepam article, updated in place when run again."""
    page = articles[ARTICLE]
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
