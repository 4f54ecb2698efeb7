"""The places stage: where things happened.

Owns the offline gazetteer (``gazetteer``), finding and disambiguating place mentions in
an annotated document (``geoparse``) and placing one event at the most precise level the
text supports (``locate``). Data we write ourselves lives in ``sitrep/data/places``.
"""

from sitrep.places.gazetteer import Gazetteer, load_gazetteer

__all__ = ["Gazetteer", "load_gazetteer"]

from sitrep.places.geoparse import find_places, story_country  # noqa: E402
from sitrep.places.locate import Location, locate_event  # noqa: E402

__all__ += ["find_places", "story_country", "Location", "locate_event"]
