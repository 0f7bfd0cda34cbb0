#ifndef CROSSCHECK_ARTICLE_PRIVATE_H
#define CROSSCHECK_ARTICLE_PRIVATE_H
/* What the article readers share: text files (article.c) and JSON Lines
 * (jsonl.c). */

struct article;

/* Fill a->lines and a->nlines from a->text[0 .. a->len). */
void article_index_lines(struct article *a);

#endif
