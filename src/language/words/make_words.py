"""Regenerates en.txt and pt.txt: the 100,000 most frequent words of each
language, folded like Vitrine folds messages (lowercase, accents removed),
letters only, most frequent first. The first 25,000 are the language's
common words (never corrected into a catalog value); all of them are its
known words (asked for and reported when a catalog lacks them, where an
unknown string is taken for gibberish).

    pip install wordfreq==3.1.1 && python3 make_words.py
"""
import re
import unicodedata

import wordfreq

NAMES = {"en": "English", "pt": "Brazilian Portuguese"}
HEADER = """# The 100,000 most frequent words of {name}, folded (lowercase, no accents),
# most frequent first. From wordfreq 3.1 (https://github.com/rspeer/wordfreq), whose
# data is CC BY-SA 4.0. Every word here is a known word of the language (a
# shopper's word the catalog lacks is asked for and reported, not taken for
# gibberish); the first 25,000 are its common words, which typo correction
# never turns into a catalog value. Regenerate with src/language/words/make_words.py.
"""


def fold(word):
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


for lang, name in NAMES.items():
    seen, words = set(), []
    for word in wordfreq.iter_wordlist(lang, wordlist="best"):
        folded = fold(word)
        if re.fullmatch(r"[a-z]+", folded) and folded not in seen:
            seen.add(folded)
            words.append(folded)
            if len(words) == 100_000:
                break
    with open(f"{lang}.txt", "w") as out:
        out.write(HEADER.format(name=name) + "\n".join(words) + "\n")
