"""Reading text: documents with offsets and line:column, formats and masking, language,
sentences, normalisation. The package imports none of its modules at import time."""
