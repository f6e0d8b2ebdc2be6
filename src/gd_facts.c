/*
 * gd_facts.c - narrative facts: a phrase of gd_fact_rules (key phrase ->
 * fact key, unit) and the number that follows it within the sentence.
 *
 * Takes the text and the section spans; returns r->facts, in rule order per
 * section.
 */
#include "gd_template.h"

#include <string.h>

#define FACT_SCAN_MAX 65536		/* prose scanned per section for facts */

/* Match key at t[pos..end) skipping whitespace in the text; returns end or 0. */
static size_t
match_skipping_space(const char *t, size_t pos, size_t end, const char *key)
{
	for (const char *k = key; *k; k++)
	{
		while (pos < end && gd_is_blank(t[pos]))
			pos++;
		if (pos >= end || t[pos] != *k)
			return 0;
		pos++;
	}
	return pos;
}

static bool
is_sentence_end(const char *t, size_t i, size_t end)
{
	return gd_starts_with(t + i, end - i, "。") || gd_starts_with(t + i, end - i, "；") ||
		gd_starts_with(t + i, end - i, "！") || gd_starts_with(t + i, end - i, "？");
}

/* After a phrase: the first number followed by one of the units, in the window. */
static bool
number_after(gd_text *tx, size_t from, size_t end, const gd_fact_rule *rule, gd_fact *fact)
{
	const char *t = tx->t;
	size_t		limit = from + rule->window < end ? from + rule->window : end;

	for (size_t i = from; i < limit; i++)
	{
		size_t		ns,
					ne,
					u;

		if (is_sentence_end(t, i, end))
			return false;
		if (!gd_is_digit(t[i]))
			continue;
		ns = i;
		while (i < end && (gd_is_digit(t[i]) ||
						   ((t[i] == '.' || t[i] == ',') && i + 1 < end && gd_is_digit(t[i + 1]))))
			i++;
		ne = i;
		u = ne;
		while (u < end && gd_is_blank(t[u]))
			u++;
		if (gd_starts_with(t + u, end - u, "余"))
			u += strlen("余");
		else if (gd_starts_with(t + u, end - u, "多"))
			u += strlen("多");
		for (int k = 0; k < 3 && rule->units[k]; k++)
			if (gd_starts_with(t + u, end - u, rule->units[k]) &&
				gd_parse_value(t + ns, ne - ns, &fact->value))
			{
				fact->value.line = gd_line_of(tx, ns);
				fact->unit = rule->units[k];
				fact->span.len = u + strlen(rule->units[k]) - fact->span.off;
				return true;
			}
		i = ne > ns ? ne - 1 : ns;
	}
	return false;
}

/*
 * One pass over a prose section for every rule still unanswered: the first
 * phrase of a rule followed by a number decides it.  Facts are appended in
 * rule order.
 */
static void
find_facts_in(gd_text *tx, gd_report *r, size_t start, size_t end, bool *have)
{
	enum
	{
		NRULES = GD_FACT_RULES
	};
	gd_fact		found[NRULES];
	bool		got[NRULES] = {false};
	gd_trigram_set starts;
	int			open = 0;

	if (end - start > FACT_SCAN_MAX)
		end = start + FACT_SCAN_MAX;
	gd_note_work(tx, end - start);
	memset(&starts, 0, sizeof(starts));
	for (size_t fr = 0; fr < NRULES; fr++)
	{
		if (have[gd_fact_rules[fr].key])
			continue;
		open++;
		for (int k = 0; k < 6 && gd_fact_rules[fr].phrases[k]; k++)
			gd_trigram_add(&starts, gd_fact_rules[fr].phrases[k]);	/* each begins with a CJK character */
	}
	for (size_t i = start; open > 0 && i + 2 < end; i++)
	{
		unsigned char c = (unsigned char) tx->t[i];

		if (c < 0xE0)
			continue;
		if (!gd_trigram_has(&starts, tx->t + i))
		{
			i += (c < 0xF0) ? 2 : 0;	/* past the rest of this 3-byte character */
			continue;
		}
		for (size_t fr = 0; fr < NRULES; fr++)
		{
			const gd_fact_rule *rule = &gd_fact_rules[fr];

			if (have[rule->key] || got[fr])
				continue;
			for (int k = 0; k < 6 && rule->phrases[k]; k++)
			{
				size_t		pe;

				if (tx->t[i] != rule->phrases[k][0] || tx->t[i + 1] != rule->phrases[k][1] ||
					tx->t[i + 2] != rule->phrases[k][2])
					continue;
				pe = match_skipping_space(tx->t, i, end, rule->phrases[k]);
				if (!pe)
					continue;
				memset(&found[fr], 0, sizeof(gd_fact));
				found[fr].key = rule->key;
				found[fr].span.off = i;
				if (number_after(tx, pe, end, rule, &found[fr]))
				{
					got[fr] = true;
					open--;
				}
				break;
			}
		}
	}
	for (size_t fr = 0; fr < NRULES; fr++)
		if (got[fr] && r->fact_count < GD_MAX_FACTS)
		{
			r->facts[r->fact_count++] = found[fr];
			have[gd_fact_rules[fr].key] = true;
		}
}


void
gd_find_facts(gd_text *tx, gd_report *r)
{
	/* the prose sections, and the preamble, which states the period */
	static const int prose[] = {0, 1, 5, 6};
	bool		have_fact[GD_FACT_KEY_COUNT] = {false};

	for (size_t k = 0; k < sizeof(prose) / sizeof(prose[0]); k++)
		if (r->section_found[prose[k]] && (prose[k] != 0 || r->section_found[1] || r->section_found[2]))
			find_facts_in(tx, r, r->section_content[prose[k]].off,
						  r->section_content[prose[k]].off + r->section_content[prose[k]].len, have_fact);
}
