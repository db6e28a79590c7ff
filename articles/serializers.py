"""How an article's related records appear in the read-only API (wagtail.api.v2)."""

from rest_framework import serializers


class TopicSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()


class PersonSerializer(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.CharField()
    credentials = serializers.CharField()


class AuthorSerializer(serializers.Serializer):
    name = serializers.CharField(source="person.name")
    role = serializers.CharField(source="person.role")
    credentials = serializers.CharField(source="person.credentials")


class ReferenceSerializer(serializers.Serializer):
    key = serializers.CharField()
    authors = serializers.CharField()
    title = serializers.CharField()
    publisher = serializers.CharField()
    year = serializers.IntegerField(allow_null=True)
    details = serializers.CharField()
    doi = serializers.CharField()
    pmid = serializers.CharField()
    url = serializers.CharField()
    doi_url = serializers.CharField()
    pubmed_url = serializers.CharField()
