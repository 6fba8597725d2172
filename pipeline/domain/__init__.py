"""The kommun-wide facts and checks: every input read and checked, analyses, the timetable."""
