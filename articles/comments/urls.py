"""The reader's comment URLs. xtd's REST API is left out: it would skip the form's rules."""

from django.urls import path

from . import ids, views  # noqa: F401 (ids registers the comment_id converter)

urlpatterns = [
    path("post/", views.post, name="comments-post-comment"),
    path("posted/", views.posted, name="comments-comment-done"),
    path("sent/", views.sent, name="comments-xtd-sent"),
    path("confirm/<str:key>/", views.confirm, name="comments-xtd-confirm"),
    path("mute/<str:key>/", views.mute, name="comments-xtd-mute"),
    path("reply/<comment_id:cid>/", views.reply, name="comments-xtd-reply"),
    path("flag/<comment_id:comment_id>/", views.flag, name="comments-flag"),
    path("flagged/", views.flagged, name="comments-flag-done"),
    path("delete/<comment_id:comment_id>/", views.delete, name="comments-delete"),
    # A comment's permalink (comment.get_absolute_url): to its article, if public.
    path(
        "cr/<str:content_type_id>/<str:object_pk>/",
        views.permalink,
        name="comments-url-redirect",
    ),
]
