"""Compatibility imports: speaker finding now lives in ``extractors.interventions``."""

from extractors.interventions.reported import Analysis, Event, SpeakerFinder
from extractors.interventions.segments import Segment, is_annex, segments

__all__ = ["Analysis", "Event", "Segment", "SpeakerFinder", "is_annex", "segments"]
