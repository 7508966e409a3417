"""The read side: the record types ``load()`` returns, and how a record is shown
(dates, figures, citations, HTML). Standard library only."""
