"""Tests of the render stage: Word, decks (the engine), calendars, the overview page."""
