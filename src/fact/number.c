/* placeholder: filled in by its module's owner */ typedef int placeholder_number_t;
