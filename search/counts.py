"""How many results there are, when a search shows only the best of them."""


class AtLeast(int):
    """A count that the real number may exceed; it reads "500+" on the page."""

    def __str__(self):
        return f"{int(self)}+"


def count_of(n, more):
    return AtLeast(n) if more else n
