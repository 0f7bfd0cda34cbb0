/* placeholder: filled in by its module's owner */ typedef int placeholder_when_t;
