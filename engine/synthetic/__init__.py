"""The parts of the synthetic benchmark log that ``engine.synthetic_log`` puts together: ``people``
(who the learners are and on which days they practise), ``activity`` (what they did, as numbers),
``rows`` (those numbers as the rows the app writes) and ``writer`` (both databases, in batches)."""
