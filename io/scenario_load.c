/* placeholder, replaced by the loader */
#include "scenario_load.h"
int scenario_load(const char *dir, const char *variant, Scenario **out, DiagList *diags)
{ (void)dir; (void)variant; *out = NULL; diag_add(diags, "", 0, 0, "not implemented"); return 1; }
int scenario_list_variants(const char *dir, char ***names, int *count, DiagList *diags)
{ (void)dir; (void)diags; *names = NULL; *count = 0; return 0; }
