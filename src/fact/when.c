/* Month and weekday names. */
#include <string.h>

#include "fact/fact_private.h"

static const char *const months[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
};
static const char *const abbrevs[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
    "nov", "dec",
};
static const char *const days[] = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday",
};

int when_month(const char *low)
{
    for (int i = 0; i < 12; i++)
        if (strcmp(low, months[i]) == 0 || strcmp(low, abbrevs[i]) == 0)
            return i + 1;
    if (strcmp(low, "sept") == 0)
        return 9;
    return 0;
}

int when_weekday(const char *low)
{
    size_t n = strlen(low);

    if (n > 2 && strcmp(low + n - 2, "'s") == 0)
        n -= 2;
    for (int i = 0; i < 7; i++)
        if (strlen(days[i]) == n && strncmp(low, days[i], n) == 0)
            return i;
    return -1;
}
