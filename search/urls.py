from django.urls import path, re_path

from . import views

urlpatterns = [
    path("", views.search, name="search"),
    # With or without the slash: scripts and readers may ask for either.
    re_path(r"^suggest/?$", views.suggest, name="search_suggest"),
]
