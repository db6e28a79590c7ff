"""Reader comments on articles: django-comments-xtd, with what a health publisher needs.

What this package replaces in django-comments-xtd 2.10, and why:

- apps.py: `XtdCommentsConfig` (listed in INSTALLED_APPS in place of
  `django_comments_xtd`) disconnects xtd's pre_save signal that copies a comment's
  visibility to its replies, so approving or removing one comment never publishes or
  hides the others; it also stops xtd emailing inside the request. `CommentsConfig`
  unregisters xtd's models from Django's admin: moderation happens in Wagtail's
  Comments area (admin/), where every decision is logged and followers are told.
- confirmation.py and mail.py: an anonymous reader's comment is stored first (a
  PendingComment) and its confirmation email is sent by a task on the "mail" queue,
  with retries, so a mail outage loses nothing; confirming is idempotent under
  concurrency. Email subjects are set in mail.py.
- forms.py, moderation.py, decisions.py: the form checks what the reader can fix (with a
  message); moderation.py has the final say on new comments; decisions.py holds the
  moderators' actions, shared by reader views and the admin.
- visibility.py and ids.py: comments exist only on live, public articles, and every
  comment id in an address or form goes through one parser.
- sites.py: a post_migrate handler writes SITE_DOMAIN to django.contrib.sites' Site,
  which xtd builds email links and permalinks from.
- Templates in three namespaces: `article_comments/` (this project's own thread, form
  and admin pages), and `comments/` and `django_comments_xtd/`, which override
  django_comments' and xtd's templates of the same names (they are looked up globally,
  not per model).
"""
