#include "util/date.h"

#include <stdio.h>
#include <string.h>


static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_month_days(int y, int m)
{
    static const int days[12] = {
        31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
    };

    if (m < 1 || m > 12)
        return 0;
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar, by
 * Howard Hinnant's days_from_civil.  Not timegm: glibc's timegm and
 * gmtime_r take the time-zone lock on every call, and the extractor asks
 * for dates from every thread for every time expression it meets; the
 * tests hold these to timegm and gmtime_r for every day of 1000-9999. */
int date_from_ymd(int y, int m, int d)
{
    if (y < 1000 || y > 9999 || d < 1 || d > date_month_days(y, m))
        return DATE_NONE;
    int yy = m <= 2 ? y - 1 : y;
    int era = yy / 400;   /* yy > 0 here */
    int yoe = yy - era * 400;
    int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The inverse, Hinnant's civil_from_days. */
void date_to_ymd(int day, int *y, int *m, int *d)
{
    if (day == DATE_NONE) {
        *y = *m = *d = 0;
        return;
    }
    long z = (long)day + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int date_weekday(int day)
{
    int w = (day % 7 + 7 + 4) % 7;  /* 1970-01-01 was a Thursday */

    return w;
}

static int digits(const char *s, size_t n)
{
    int v = 0;

    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int date_parse_iso(const char *s, size_t len)
{
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return DATE_NONE;
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 0 || m < 0 || d < 0)
        return DATE_NONE;
    return date_from_ymd(y, m, d);
}

void date_format(int day, char out[11])
{
    int y, m, d;

    date_to_ymd(day, &y, &m, &d);
    if (!y) {
        out[0] = '\0';
        return;
    }
    char tmp[40];
    snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d);
    memcpy(out, tmp, 11);
}
