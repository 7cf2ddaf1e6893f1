"""dyad's knowledge, shared by the stages that read it: actors (states, blocs, organisations, groups,
institutions, office holders), names (a token matcher), places (countries, regions, divisions and cities),
and the user's own dictionaries. Everything is data in ``data/`` or comes from installed packages, loaded once.
"""
