"""Moving a WordPress site in: its WXR export becomes articles, people, topics and comments."""
