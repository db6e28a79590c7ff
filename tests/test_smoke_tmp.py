def test_build(article_factory, client):
    a = article_factory()
    r = client.get(a.url)
    print(r.status_code, a.url)
