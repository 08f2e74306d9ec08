/*
 * summary_json.c — the summary object of a plan (see summary_json.h).
 * Every json_object_set_new result is checked through one flag, so an
 * out-of-memory anywhere yields NULL instead of a partial summary.
 */
#include "summary_json.h"

#include "week_dates.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csv_write.h"

typedef struct Builder {
    int failed;
} Builder;

static void set(Builder *b, json_t *obj, const char *key, json_t *value)
{
    if (!obj || !value || json_object_set_new(obj, key, value) != 0)
        b->failed = 1;
}

static json_t *real_or_null(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

static json_t *counts(long assigned, long unassigned)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    if (json_object_set_new(o, "assigned", json_integer(assigned)) != 0 ||
        json_object_set_new(o, "unassigned", json_integer(unassigned)) != 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static int is_assigned(const Plan *plan, int i)
{
    return i < plan->nassignments && plan->assignments[i].cohort >= 0 &&
           plan->assignments[i].cohort < plan->ncohorts;
}

json_t *summary_json_build(const Scenario *s, const Plan *plan, const int *sizes,
                           const Settlement *st)
{
    Builder b = {0};
    json_t *root = json_object();
    long nm = s->nmunicipalities > 0 ? s->nmunicipalities : 1;
    long *home_in = calloc((size_t)nm, sizeof *home_in);
    long *home_out = calloc((size_t)nm, sizeof *home_out);
    long *track_in = calloc(s->ntracks > 0 ? (size_t)s->ntracks : 1, sizeof *track_in);
    long *track_cohorts = calloc(s->ntracks > 0 ? (size_t)s->ntracks : 1, sizeof *track_cohorts);
    if (!root || !home_in || !home_out || !track_in || !track_cohorts) {
        b.failed = 1;
        goto done;
    }
    long grp[GROUP_COUNT][2] = {{0}}, gen[GENDER_COUNT][2] = {{0}};
    long assigned = 0;
    double travel = 0;
    for (int i = 0; i < s->nparticipants; i++) {
        const Participant *p = &s->participants[i];
        int in = is_assigned(plan, i);
        assigned += in;
        grp[p->group][in ? 0 : 1]++;
        gen[p->gender][in ? 0 : 1]++;
        if (in) {
            home_in[p->home]++;
            track_in[plan->cohorts[plan->assignments[i].cohort].track]++;
            travel += plan->assignments[i].cost;
        } else {
            home_out[p->home]++;
        }
    }
    long ncohorts = 0, ngroups = 0;
    for (int c = 0; c < plan->ncohorts; c++) {
        const PlanCohort *pc = &plan->cohorts[c];
        int n = sizes ? sizes[c] : pc->participants;
        if (pc->groups <= 0 && n <= 0)
            continue;
        ncohorts++;
        ngroups += pc->host >= 0 ? pc->groups : 0;
        track_cohorts[pc->track]++;
    }

    set(&b, root, "scenario", json_string(s->name ? s->name : ""));
    set(&b, root, "variant", s->variant ? json_string(s->variant) : json_null());
    set(&b, root, "status", json_string(plan_status_names[plan->status]));
    set(&b, root, "value", real_or_null(plan->value));
    set(&b, root, "cost", real_or_null(plan->cost));
    set(&b, root, "bound", real_or_null(plan->bound));
    set(&b, root, "gap", real_or_null(plan->gap));
    set(&b, root, "assigned", json_integer(assigned));
    set(&b, root, "unassigned", json_integer(s->nparticipants - assigned));
    set(&b, root, "seconds", real_or_null(plan->seconds));

    json_t *by = json_object();
    for (int g = 0; g < GROUP_COUNT; g++)
        set(&b, by, group_names[g], counts(grp[g][0], grp[g][1]));
    set(&b, root, "by_group", by);
    by = json_object();
    for (int g = 0; g < GENDER_COUNT; g++)
        set(&b, by, gender_names[g], counts(gen[g][0], gen[g][1]));
    set(&b, root, "by_gender", by);
    by = json_object();
    for (int m = 0; m < s->nmunicipalities; m++)
        if (home_in[m] + home_out[m] > 0)
            set(&b, by, s->municipalities[m].code, counts(home_in[m], home_out[m]));
    set(&b, root, "by_home", by);

    /* extras */
    set(&b, root, "hosting_cost", real_or_null(plan->hosting_cost));
    set(&b, root, "travel_cost", real_or_null(travel));
    set(&b, root, "cost_bound", real_or_null(plan->cost_bound));
    set(&b, root, "cost_gap", real_or_null(plan->cost_gap));
    set(&b, root, "participants", json_integer(s->nparticipants));
    set(&b, root, "cooperation", json_boolean(s->cooperation));
    set(&b, root, "start", json_string(s->start));
    set(&b, root, "weeks", json_integer(s->weeks));
    char date[11];
    if (date_add_days(s->start, 7L * s->weeks - 1, date) != 0) /* the last Sunday */
        date[0] = '\0';
    set(&b, root, "end", json_string(date));
    set(&b, root, "cohorts", json_integer(ncohorts));
    set(&b, root, "groups", json_integer(ngroups));
    by = json_object();
    for (int t = 0; t < s->ntracks; t++) {
        json_t *o = json_object();
        set(&b, o, "assigned", json_integer(track_in[t]));
        set(&b, o, "cohorts", json_integer(track_cohorts[t]));
        set(&b, by, s->tracks[t].id, o);
    }
    set(&b, root, "by_track", by);
    double gross = 0, net = 0;
    for (int r = 0; st && r < st->nrows; r++) {
        if (st->rows[r].kind == SETTLEMENT_GROSS)
            gross += st->rows[r].amount;
        else
            net += st->rows[r].amount;
    }
    json_t *so = json_object();
    set(&b, so, "gross", json_real(gross));
    set(&b, so, "net", json_real(net));
    set(&b, root, "settlement", so);
    json_t *dates = json_array();
    for (int w = 1; dates && w <= s->weeks; w++) {
        scenario_week_date(s, w, date);
        if (json_array_append_new(dates, json_string(date)) != 0)
            b.failed = 1;
    }
    set(&b, root, "week_dates", dates);
    /* names, so a plan directory reads on its own (samplan report) */
    json_t *names = json_object(), *mnames = json_object(), *tnames = json_object();
    for (int m = 0; mnames && m < s->nmunicipalities; m++)
        set(&b, mnames, s->municipalities[m].code, json_string(s->municipalities[m].name));
    for (int t = 0; tnames && t < s->ntracks; t++)
        set(&b, tnames, s->tracks[t].id, json_string(s->tracks[t].name));
    set(&b, names, "municipalities", mnames);
    set(&b, names, "tracks", tnames);
    set(&b, root, "names", names);

done:
    free(home_in);
    free(home_out);
    free(track_in);
    free(track_cohorts);
    if (b.failed) {
        json_decref(root);
        return NULL;
    }
    return root;
}

/* jansson prints reals with "%.17g" (4.9 becomes 4.9000000000000004), so
 * the tree is printed here with the shortest round-tripping reals; scalars
 * other than reals, and all strings, are still encoded by jansson. */
static int dump_value(const json_t *v, FILE *f, int depth)
{
    if (json_is_real(v)) {
        char buf[SP_NUMBER_BUF];
        return fputs(sp_format_real(json_real_value(v), buf), f) == EOF ? -1 : 0;
    }
    if (json_is_object(v) || json_is_array(v)) {
        int obj = json_is_object(v);
        size_t n = obj ? json_object_size(v) : json_array_size(v);
        if (n == 0)
            return fputs(obj ? "{}" : "[]", f) == EOF ? -1 : 0;
        putc(obj ? '{' : '[', f);
        size_t k = 0;
        const char *key;
        json_t *item;
        void *it = obj ? json_object_iter((json_t *)v) : NULL;
        for (k = 0; k < n; k++) {
            fprintf(f, "%s\n%*s", k ? "," : "", 2 * (depth + 1), "");
            if (obj) {
                key = json_object_iter_key(it);
                item = json_object_iter_value(it);
                it = json_object_iter_next((json_t *)v, it);
                json_t *ks = json_string(key);
                int bad = !ks || dump_value(ks, f, depth + 1) != 0;
                json_decref(ks);
                if (bad)
                    return -1;
                fputs(": ", f);
            } else {
                item = json_array_get(v, k);
            }
            if (dump_value(item, f, depth + 1) != 0)
                return -1;
        }
        fprintf(f, "\n%*s%c", 2 * depth, "", obj ? '}' : ']');
        return ferror(f) ? -1 : 0;
    }
    char *text = json_dumps(v, JSON_ENCODE_ANY);
    if (!text)
        return -1;
    int rc = fputs(text, f) == EOF ? -1 : 0;
    free(text);
    return rc;
}

int summary_json_dump(const json_t *summary, FILE *f)
{
    if (dump_value(summary, f, 0) != 0)
        return -1;
    return putc('\n', f) == EOF ? -1 : 0;
}
