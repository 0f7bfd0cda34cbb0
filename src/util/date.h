#ifndef CROSSCHECK_DATE_H
#define CROSSCHECK_DATE_H
/* Calendar dates as day numbers: days since 1970-01-01 (proleptic
 * Gregorian, UTC), computed with timegm/gmtime_r.  DATE_NONE marks an
 * absent date. */

#include <stdbool.h>
#include <stddef.h>

#define DATE_NONE (-2147483647 - 1)

/* Day number of y-m-d, or DATE_NONE when the date does not exist
 * (2026-02-30, month 13, year outside 1000..9999). */
int date_from_ymd(int y, int m, int d);
/* Split a day number into its year, month (1-12) and day (1-31); all
 * three are 0 for DATE_NONE. */
void date_to_ymd(int day, int *y, int *m, int *d);
/* 0 = Sunday ... 6 = Saturday. */
int date_weekday(int day);
/* Days in month m of year y. */
int date_month_days(int y, int m);
/* Parse exactly "YYYY-MM-DD" from s (len bytes); DATE_NONE if not a
 * real date. */
int date_parse_iso(const char *s, size_t len);
/* Write "YYYY-MM-DD" and a NUL into out (11 bytes); "" for DATE_NONE. */
void date_format(int day, char out[11]);

#endif
