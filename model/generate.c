/*
 * generate.c — the preset-independent half of the scenario generator:
 * text buffers, the splitmix64 PRNG, apportionment, and writers for the
 * tables every preset shares (municipalities, tracks, modules, participant
 * rows). Determinism rules (see generate.h): no rand(), no locale-dependent
 * or platform-dependent formatting, no iteration over hash tables; doubles
 * only where the operations are exactly specified by IEEE 754.
 */
#include "generate.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- text buffers ---------------------------------------------------- */

static int genbuf_reserve(GenBuf *b, size_t extra)
{
    if (b->failed)
        return -1;
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 1024;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = 1;
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

void genbuf_printf(GenBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if (genbuf_reserve(b, (size_t)n) != 0)
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void genbuf_puts(GenBuf *b, const char *s)
{
    size_t n = strlen(s);
    if (genbuf_reserve(b, n) != 0)
        return;
    memcpy(b->data + b->len, s, n + 1);
    b->len += n;
}

void genbuf_csv(GenBuf *b, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        genbuf_puts(b, s);
        return;
    }
    genbuf_puts(b, "\"");
    for (const char *c = s; *c; c++) {
        char two[3] = {*c, *c == '"' ? '"' : '\0', '\0'};
        genbuf_puts(b, two);
    }
    genbuf_puts(b, "\"");
}

void genbuf_release(GenBuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

GenBuf *gen_file(GenOutput *out, const char *name)
{
    if (out->failed)
        return NULL;
    if (out->nfiles == out->cap) {
        int cap = out->cap ? out->cap * 2 : 16;
        GenFile *f = realloc(out->files, (size_t)cap * sizeof *f);
        if (!f) {
            out->failed = 1;
            return NULL;
        }
        out->files = f;
        out->cap = cap;
    }
    GenFile *f = &out->files[out->nfiles];
    memset(f, 0, sizeof *f);
    f->name = strdup(name);
    if (!f->name) {
        out->failed = 1;
        return NULL;
    }
    out->nfiles++;
    return &f->text;
}

const GenFile *gen_find(const GenOutput *out, const char *name)
{
    for (int i = 0; i < out->nfiles; i++)
        if (strcmp(out->files[i].name, name) == 0)
            return &out->files[i];
    return NULL;
}

void gen_output_release(GenOutput *out)
{
    for (int i = 0; i < out->nfiles; i++) {
        free(out->files[i].name);
        genbuf_release(&out->files[i].text);
    }
    free(out->files);
    out->files = NULL;
    out->nfiles = out->cap = 0;
    out->failed = 0;
}

/* ---- PRNG ------------------------------------------------------------ */

void rng_seed(Rng *r, uint64_t seed, const char *salt)
{
    /* FNV-1a of the salt, so each preset and purpose gets its own stream. */
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *c = (const unsigned char *)salt; *c; c++) {
        h ^= *c;
        h *= 1099511628211ULL;
    }
    r->state = seed ^ h;
}

uint64_t rng_next(Rng *r)
{
    uint64_t z = (r->state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

double rng_uniform(Rng *r)
{
    return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

int rng_below(Rng *r, int n)
{
    /* Lemire-free modulo with rejection: exact and portable. */
    uint64_t un = (uint64_t)n;
    uint64_t limit = UINT64_MAX - UINT64_MAX % un;
    uint64_t x;
    do
        x = rng_next(r);
    while (x >= limit);
    return (int)(x % un);
}

int rng_weighted(Rng *r, const double *w, int n)
{
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += w[i];
    double x = rng_uniform(r) * sum;
    int last = 0;
    for (int i = 0; i < n; i++) {
        if (w[i] <= 0)
            continue;
        last = i;
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return last;
}

/* ---- apportionment --------------------------------------------------- */

void gen_apportion(const double *w, int n, long total, long *out)
{
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += w[i];
    long given = 0;
    double *rem = malloc((size_t)(n > 0 ? n : 1) * sizeof *rem);
    for (int i = 0; i < n; i++) {
        double q = sum > 0 ? (double)total * w[i] / sum : 0;
        out[i] = (long)q;
        given += out[i];
        if (rem)
            rem[i] = q - (double)out[i];
    }
    while (given < total && n > 0) {
        int best = 0;
        if (rem) {
            for (int i = 1; i < n; i++)
                if (rem[i] > rem[best])
                    best = i;
            rem[best] = -1; /* each index at most once per round */
            int any = 0;
            for (int i = 0; i < n; i++)
                any |= rem[i] >= 0;
            if (!any)
                for (int i = 0; i < n; i++)
                    rem[i] = w[i] > 0 ? 0 : -1;
        } else {
            best = (int)(given % n);
        }
        out[best]++;
        given++;
    }
    free(rem);
}

/* ---- shared tables --------------------------------------------------- */

const MunicipalityRow *municipality_row(const char *code)
{
    int lo = 0, hi = municipality_row_count - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(municipality_rows[mid].code, code);
        if (c == 0)
            return &municipality_rows[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return NULL;
}

void gen_municipalities(GenOutput *out, const char *const *codes, int n)
{
    GenBuf *b = gen_file(out, "municipalities.csv");
    if (!b)
        return;
    genbuf_puts(b, GEN_HDR_MUNICIPALITIES);
    for (int i = 0; i < n; i++) {
        const MunicipalityRow *m = municipality_row(codes[i]);
        if (!m) {
            out->failed = 1; /* a preset bug; caught by the tests */
            return;
        }
        genbuf_printf(b, "%s,", m->code);
        genbuf_csv(b, m->name);
        genbuf_printf(b, ",%.4f,%.4f,", m->lat, m->lon);
        genbuf_csv(b, m->county);
        genbuf_printf(b, ",%ld\n", m->population);
    }
}

void gen_tracks(GenOutput *out, const GenTrack *tracks, int n)
{
    GenBuf *b = gen_file(out, "tracks.csv");
    if (!b)
        return;
    genbuf_puts(b, GEN_HDR_TRACKS);
    for (int i = 0; i < n; i++) {
        const GenTrack *t = &tracks[i];
        genbuf_printf(b, "%s,", t->id);
        genbuf_csv(b, t->name);
        genbuf_printf(b, ",%d,%d,%d,%d\n", t->min_group, t->max_group, t->start_every,
                      t->first_start);
    }
    b = gen_file(out, "modules.csv");
    if (!b)
        return;
    genbuf_puts(b, GEN_HDR_MODULES);
    for (int i = 0; i < n; i++) {
        const GenTrack *t = &tracks[i];
        for (int k = 0; k < GEN_MAX_MODULES && t->modules[k].name; k++) {
            const GenModule *m = &t->modules[k];
            genbuf_printf(b, "%s,%d,", t->id, k + 1);
            genbuf_csv(b, m->name);
            if (strcmp(m->kind, "course") == 0)
                genbuf_printf(b, ",course,%d,%ld\n", m->weeks, m->group_cost);
            else
                genbuf_printf(b, ",placement,%d,\n", m->weeks);
        }
    }
}

void gen_participant_row(GenBuf *b, long index, long total, const GenPerson *p)
{
    int width = 4;
    for (long t = total; t >= 10000; t /= 10)
        width++;
    genbuf_printf(b, "P%0*ld,%s,%s,%s,%s,", width, index, p->home, p->group, p->gender, p->prefs);
    if (p->earliest > 0)
        genbuf_printf(b, "%d", p->earliest);
    genbuf_puts(b, ",");
    if (p->latest > 0)
        genbuf_printf(b, "%d", p->latest);
    genbuf_puts(b, ",");
    if (p->max_minutes > 0)
        genbuf_printf(b, "%d", p->max_minutes);
    genbuf_printf(b, ",%d,", p->can_relocate ? 1 : 0);
    if (p->priority > 0)
        genbuf_printf(b, "%d", p->priority);
    genbuf_puts(b, "\n");
}

void gen_prefs(Rng *r, const GenTrack *tracks, const double *w, const unsigned char *allowed,
               int n, int maxlen, double p_more, char buf[256])
{
    double ww[32];
    if (n > 32)
        n = 32;
    int avail = 0;
    for (int i = 0; i < n; i++) {
        ww[i] = (!allowed || allowed[i]) ? w[i] : 0;
        avail += ww[i] > 0;
    }
    buf[0] = '\0';
    size_t len = 0;
    for (int k = 0; k < maxlen && avail > 0; k++) {
        if (k > 0 && rng_uniform(r) >= p_more)
            break;
        int t = rng_weighted(r, ww, n);
        size_t idlen = strlen(tracks[t].id);
        if (len + idlen + 2 > 256)
            break;
        if (k > 0)
            buf[len++] = ';';
        memcpy(buf + len, tracks[t].id, idlen + 1);
        len += idlen;
        ww[t] = 0;
        avail--;
    }
}

int gen_earliest(Rng *r, const int *choices, int n)
{
    return choices[rng_below(r, n)];
}

int gen_scale(int base, long participants, long default_participants)
{
    if (default_participants <= 0 || participants == default_participants)
        return base;
    long v = ((long)base * participants + default_participants - 1) / default_participants;
    if (v < 1)
        v = 1;
    if (v > 100000)
        v = 100000;
    return (int)v;
}

static long count_rows(const GenOutput *out, const char *name)
{
    const GenFile *f = gen_find(out, name);
    if (!f || !f->text.data)
        return 0;
    long lines = 0;
    for (size_t i = 0; i < f->text.len; i++)
        lines += f->text.data[i] == '\n';
    return lines > 0 ? lines - 1 : 0;
}

void gen_readme_footer(GenBuf *b, const char *preset, const GenParams *params,
                       const GenOutput *out)
{
    genbuf_printf(b,
                  "\n## How this directory was made\n\n"
                  "Generated, byte for byte, by\n\n"
                  "    samplan generate --preset %s --participants %ld --seed %llu -o scenarios/%s\n\n"
                  "Do not edit the files by hand: change model/preset_*.c and regenerate\n"
                  "(add `--force` to overwrite). Sizes:\n\n"
                  "| table | rows |\n|---|---:|\n",
                  preset, params->participants, (unsigned long long)params->seed, preset);
    for (int i = 0; i < out->nfiles; i++) {
        const char *n = out->files[i].name;
        size_t l = strlen(n);
        if (l > 4 && strcmp(n + l - 4, ".csv") == 0)
            genbuf_printf(b, "| %s | %ld |\n", n, count_rows(out, n));
    }
}

/* ---- presets --------------------------------------------------------- */

const Preset *const generate_presets[] = {
    &preset_sikt_inland, &preset_norra_vastmanland, &preset_kronoberg, &preset_lysekil,
    &preset_skelleftea_norsjo, &preset_national, NULL,
};

const Preset *generate_find_preset(const char *name)
{
    for (int i = 0; generate_presets[i]; i++)
        if (strcmp(generate_presets[i]->name, name) == 0)
            return generate_presets[i];
    return NULL;
}

/* A preset's README describes the shipped scenario: its participant count
 * and its solved results. Generated with other sizes or seeds, the
 * directory's README said so without a word that those figures are not
 * its own (independent audit, twenty-second session): a note at the top
 * now says which figures hold. Returns 0, or −1 on out-of-memory. */
static int note_not_shipped(GenOutput *o, const Preset *p, const GenParams *gp)
{
    if (gp->participants == p->default_participants && gp->seed == 1)
        return 0;
    for (int i = 0; i < o->nfiles; i++) {
        if (strcmp(o->files[i].name, "README.md") != 0)
            continue;
        GenBuf nb = {0};
        genbuf_printf(&nb,
                      "> **Generated with %ld participants and seed %llu**, not as shipped (%ld participants,\n"
                      "> seed 1). The participant counts and results below describe the shipped\n"
                      "> scenario, not this one: `samplan validate` and `samplan solve` this directory\n"
                      "> for its own. The table at the end counts this directory's rows.\n\n",
                      gp->participants, (unsigned long long)gp->seed, p->default_participants);
        if (o->files[i].text.data)
            genbuf_puts(&nb, o->files[i].text.data);
        if (nb.failed) {
            free(nb.data);
            return -1;
        }
        free(o->files[i].text.data);
        o->files[i].text = nb;
    }
    return 0;
}

int generate_scenario(const Preset *p, const GenParams *params, GenOutput *out)
{
    GenParams gp = *params;
    if (gp.participants <= 0)
        gp.participants = p->default_participants;
    GenOutput o = GENOUTPUT_INIT;
    int rc = p->build(&gp, &o);
    if (rc != 0 || o.failed) {
        gen_output_release(&o);
        return -1;
    }
    for (int i = 0; i < o.nfiles; i++)
        if (o.files[i].text.failed) {
            gen_output_release(&o);
            return -1;
        }
    if (note_not_shipped(&o, p, &gp)) {
        gen_output_release(&o);
        return -1;
    }
    *out = o;
    return 0;
}

/* ---- participants spread by weight ------------------------------------ */

const char *const gen_group_names[4] = {"youth", "newcomer", "longterm", "other"};

void gen_people(GenOutput *out, Rng *r, const GenPeople *spec, long n)
{
    GenBuf *b = gen_file(out, "participants.csv");
    if (!b)
        return;
    genbuf_puts(b, GEN_HDR_PARTICIPANTS);
    long *per = calloc((size_t)spec->nmuni, sizeof *per);
    if (!per) {
        out->failed = 1;
        return;
    }
    gen_apportion(spec->muni_weight, spec->nmuni, n, per);
    long index = 0;
    for (int m = 0; m < spec->nmuni; m++) {
        for (long k = 0; k < per[m]; k++) {
            int g = rng_weighted(r, spec->group_w, 4);
            char prefs[256];
            const double *tw = spec->muni_track_w
                                   ? spec->muni_track_w + (size_t)m * (size_t)spec->ntracks
                                   : spec->track_w;
            gen_prefs(r, spec->tracks, tw, NULL, spec->ntracks, spec->maxlen,
                      spec->p_more, prefs);
            /* Drawn in this order (initialiser expressions are unsequenced). */
            const char *gender = rng_uniform(r) < spec->man_share[g] ? "man" : "woman";
            int earliest = gen_earliest(r, spec->earliest, spec->nearliest);
            int relocate = rng_uniform(r) < spec->relocate[g];
            int priority = rng_uniform(r) < spec->priority2[g] ? 2 : 0;
            GenPerson p = {
                .home = spec->codes[m],
                .group = gen_group_names[g],
                .gender = gender,
                .prefs = prefs,
                .earliest = earliest,
                .latest = spec->window > 0 ? earliest + spec->window - 1 : 0,
                .max_minutes = 0,
                .can_relocate = relocate,
                .priority = priority,
            };
            gen_participant_row(b, ++index, n, &p);
        }
    }
    free(per);
}
