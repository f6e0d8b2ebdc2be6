#!/usr/bin/env python3
"""Write the corpus of the copied-text benchmark in COPY text format: source<TAB>body.

    make_copied_corpus.py N OUT [--seed S]

The reports of make_corpus.py (every layout, one body and year each), but the
prose of each first section is its own: sentences drawn from a vocabulary of
made-up words with a Zipf-like skew, so reports share words as real ones do
but not whole passages.  Every 50th report copies the prose of the report 25
before it (another body) with one word in fifty replaced; its source names
the original ("copy-of-000123"), so the benchmark can count what was found.
"""
import make_corpus

VOCABULARY = 4000
COPY_EVERY, COPY_FROM, COPY_PHASE = 50, 25, 25


def make_vocabulary(rng):
    return ["".join(chr(0x4E00 + rng.randrange(0x5000)) for _ in range(rng.randint(2, 4)))
            for _ in range(VOCABULARY)]


def prose(rng, words, weights, size):
    """Sentences of 8-20 words until size bytes (3 per character)."""
    out, total = [], 0
    while total < size:
        sentence = "".join(rng.choices(words, weights, k=rng.randint(8, 20))) + "。"
        out.append(sentence)
        total += len(sentence) * 3
    return out


def near_copy(rng, sentences, words):
    def change(sentence):
        parts = [sentence[k:k + 3] for k in range(0, len(sentence), 3)]
        return "".join(rng.choice(words) if rng.random() < 0.02 else p for p in parts)
    return [change(s) for s in sentences]


def main():
    args, rng = make_corpus.corpus_arguments()
    words = make_vocabulary(rng)
    weights = [1.0 / (k + 1) for k in range(VOCABULARY)]
    templates = make_corpus.load_templates()
    recent = {}
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for i in range(args.n):
            t = templates[i % len(templates)]
            copied = i % COPY_EVERY == COPY_PHASE and i - COPY_FROM in recent

            def write_narrative(rng, year, size, html):
                sentences = (near_copy(rng, recent[i - COPY_FROM], words) if copied
                             else prose(rng, words, weights, max(size, 600)))
                recent[i] = sentences
                recent.pop(i - COPY_EVERY, None)
                return "".join(f"<p>{s}</p>\n" if html else s + "\n" for s in sentences)

            body = make_corpus.make_report(t, rng, i, write_narrative, size_kb=(3, 8))
            source = f"bench/{i:06d}" + (f"/copy-of-{i - COPY_FROM:06d}" if copied else "")
            f.write(f"{source}\t{make_corpus.copy_escape(body)}\n")


if __name__ == "__main__":
    main()
