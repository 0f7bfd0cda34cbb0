/* placeholder: filled in by its module's owner */ typedef int placeholder_extract_t;
