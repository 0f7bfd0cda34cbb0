#include "util/date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define SECS_PER_DAY 86400

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

int date_from_ymd(int y, int m, int d)
{
    if (y < 1000 || y > 9999 || d < 1 || d > date_month_days(y, m))
        return DATE_NONE;
    struct tm tm = { 0 };
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_hour = 12;  /* midday: no leap second can move the day */
    time_t t = timegm(&tm);
    struct tm back;
    if (!gmtime_r(&t, &back) || back.tm_year != y - 1900 ||
        back.tm_mon != m - 1 || back.tm_mday != d)
        return DATE_NONE;
    long long days = ((long long)t - SECS_PER_DAY / 2) / SECS_PER_DAY;
    return (int)days;
}

void date_to_ymd(int day, int *y, int *m, int *d)
{
    time_t t = (time_t)day * SECS_PER_DAY + SECS_PER_DAY / 2;
    struct tm tm;

    if (day == DATE_NONE || !gmtime_r(&t, &tm)) {
        *y = *m = *d = 0;
        return;
    }
    *y = tm.tm_year + 1900;
    *m = tm.tm_mon + 1;
    *d = tm.tm_mday;
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
