"""Parser repairs: where the small model misreads a sentence, the auditor corrects it here.

* :mod:`~auditor.nlp.repairs.rereading` - the ``auditor_misparses`` component: a sentence
  the model misread is read again with one word nudged in, and the new parse is kept only
  if its tokens and sentence bounds are unchanged (detectors in
  :mod:`~auditor.nlp.repairs.misparse_nudges`);
* :mod:`~auditor.nlp.repairs.misparses` - readings that correct a misparse in place (a
  clause read as a subject, a subject after a heading);
* :mod:`~auditor.nlp.repairs.misplaced_clauses`,
  :mod:`~auditor.nlp.repairs.stranded_clauses` - a reported clause the parser hung on the
  wrong word is given back to its cue;
* :mod:`~auditor.nlp.repairs.double_subjects` - a verb the parser gave two subjects keeps
  the real one.

Every other module of :mod:`auditor.nlp` reads the parse as it is; a correction of the
model belongs here, named for the misreading it corrects.
"""
