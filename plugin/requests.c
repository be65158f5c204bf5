/*
 * qfi-fault's control requests (plugin/README.md, "Control socket"): one flat JSON object
 * in, one JSON line out. Runs on the control thread; the rule table is shared with the
 * vCPUs under qfi.lock, held only while the table changes (never during socket I/O).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "jsonmini.h"
#include "qfi.h"

static char *error_reply(const char *msg)
{
    struct qfi_buf b;
    qfi_buf_init(&b);
    qfi_buf_puts(&b, "{\"ok\":false,\"error\":");
    qfi_buf_json_str(&b, msg);
    qfi_buf_puts(&b, "}");
    return b.oom ? (qfi_buf_free(&b), NULL) : qfi_buf_take(&b);
}

static char *ok_reply(const char *rest)
{
    struct qfi_buf b;
    qfi_buf_init(&b);
    qfi_buf_puts(&b, "{\"ok\":true");
    qfi_buf_puts(&b, rest);
    qfi_buf_puts(&b, "}");
    return b.oom ? (qfi_buf_free(&b), NULL) : qfi_buf_take(&b);
}

/* Checks that o has only the given keys (besides cmd); returns an error reply or NULL. */
static char *check_keys(const struct qfi_json_obj *o, const char *cmd, const char *const *keys)
{
    for (size_t i = 0; i < o->n; i++) {
        const char *k = o->f[i].key;
        bool ok = strcmp(k, "cmd") == 0;
        for (const char *const *p = keys; !ok && *p; p++) {
            ok = strcmp(k, *p) == 0;
        }
        if (!ok) {
            char msg[160];
            snprintf(msg, sizeof(msg), "unknown key \"%.64s\" for %s", k, cmd);
            return error_reply(msg);
        }
    }
    return NULL;
}

/* The string field key, or NULL with *reply set. */
static const char *need_string(const struct qfi_json_obj *o, const char *cmd, const char *key,
                               char **reply)
{
    const struct qfi_json_field *f = qfi_json_get(o, key);
    if (!f || f->type != QFI_JSON_STRING) {
        char msg[128];
        snprintf(msg, sizeof(msg), "%s needs \"%s\" as a string", cmd, key);
        *reply = error_reply(msg);
        return NULL;
    }
    return f->str;
}

static char *cmd_add(const struct qfi_json_obj *o)
{
    static const char *const keys[] = { "rule", NULL };
    char *reply = check_keys(o, "add", keys);
    char err[QFI_ERR_MAX];
    struct qfi_rule *r;
    const char *text;

    if (reply) {
        return reply;
    }
    text = need_string(o, "add", "rule", &reply);
    if (!text) {
        return reply;
    }
    if (strchr(text, '\n')) {
        return error_reply("a rule is one line");
    }
    r = malloc(sizeof(*r));
    if (!r) {
        return NULL;
    }
    if (qfi_rule_parse(text, r, err, sizeof(err)) < 0) {
        free(r);
        return error_reply(err);
    }
    qfi_lock();
    int rc = qfi_add_rule(r, false, err, sizeof(err));
    if (rc == 0) {
        qfi_poke_all();
    }
    qfi_unlock();
    if (rc < 0) {
        free(r);
        return error_reply(err);
    }
    struct qfi_buf b;
    qfi_buf_init(&b);
    qfi_buf_puts(&b, ",\"id\":");
    qfi_buf_json_str(&b, r->id);
    free(r);
    reply = b.oom ? NULL : ok_reply(b.p);
    qfi_buf_free(&b);
    return reply;
}

static char *cmd_list(const struct qfi_json_obj *o)
{
    static const char *const keys[] = { NULL };
    char *reply = check_keys(o, "list", keys);
    struct qfi_buf b;

    if (reply) {
        return reply;
    }
    qfi_buf_init(&b);
    qfi_buf_puts(&b, "{\"ok\":true,\"rules\":[");
    qfi_lock();
    for (size_t i = 0; i < qfi.nrules; i++) {
        const struct qfi_rule_state *s = qfi.rules[i];
        qfi_buf_puts(&b, i ? ",{\"id\":" : "{\"id\":");
        qfi_buf_json_str(&b, s->r.id);
        qfi_buf_printf(&b, ",\"fires\":%" PRIu64 ",\"done\":%s,\"rule\":", s->fires,
                       s->done ? "true" : "false");
        qfi_buf_json_str(&b, s->r.text);
        qfi_buf_puts(&b, "}");
    }
    qfi_unlock();
    qfi_buf_puts(&b, "]}");
    if (b.oom) {
        qfi_buf_free(&b);
        return NULL;
    }
    return qfi_buf_take(&b);
}

static char *cmd_remove(const struct qfi_json_obj *o)
{
    static const char *const keys[] = { "id", NULL };
    char *reply = check_keys(o, "remove", keys);
    const char *id;
    bool found = false;

    if (reply) {
        return reply;
    }
    id = need_string(o, "remove", "id", &reply);
    if (!id) {
        return reply;
    }
    qfi_lock();
    for (size_t i = 0; i < qfi.nrules; i++) {
        if (strcmp(qfi.rules[i]->r.id, id) == 0) {
            qfi_remove_rule_at(i);
            found = true;
            break;
        }
    }
    if (found) {
        qfi_poke_all();
    }
    qfi_unlock();
    if (!found) {
        char msg[96];
        snprintf(msg, sizeof(msg), "no rule with id \"%.40s\"", id);
        return error_reply(msg);
    }
    return ok_reply("");
}

static char *cmd_clear(const struct qfi_json_obj *o)
{
    static const char *const keys[] = { NULL };
    char *reply = check_keys(o, "clear", keys);
    char rest[48];
    size_t n;

    if (reply) {
        return reply;
    }
    qfi_lock();
    n = qfi.nrules;
    while (qfi.nrules > 0) {
        qfi_remove_rule_at(qfi.nrules - 1);
    }
    qfi_poke_all();
    qfi_unlock();
    snprintf(rest, sizeof(rest), ",\"removed\":%zu", n);
    return ok_reply(rest);
}

static char *cmd_marker(const struct qfi_json_obj *o)
{
    static const char *const keys[] = { "name", NULL };
    char *reply = check_keys(o, "marker", keys);
    const char *name;
    char rest[48];
    int armed;

    if (reply) {
        return reply;
    }
    name = need_string(o, "marker", "name", &reply);
    if (!name) {
        return reply;
    }
    if (!qfi_valid_name(name, strlen(name))) {
        return error_reply("a marker name is 1-32 of [A-Za-z0-9_.-]");
    }
    qfi_lock();
    armed = qfi_report_marker(name);
    qfi_poke_all();
    qfi_unlock();
    snprintf(rest, sizeof(rest), ",\"armed\":%d", armed);
    return ok_reply(rest);
}

static char *cmd_status(const struct qfi_json_obj *o)
{
    static const char *const keys[] = { NULL };
    char *reply = check_keys(o, "status", keys);
    struct qfi_buf b;
    int n = qemu_plugin_num_vcpus();

    if (reply) {
        return reply;
    }
    if (n < 0 || (unsigned)n > qfi.max_vcpus) {
        n = (int)qfi.max_vcpus;
    }
    qfi_buf_init(&b);
    qfi_buf_puts(&b, "{\"ok\":true,\"icount\":[");
    for (int i = 0; i < n; i++) {
        qfi_buf_printf(&b, "%s%" PRIu64, i ? "," : "", qfi_icount((unsigned)i));
    }
    qfi_buf_printf(&b, "],\"api\":%d}", QFI_API);
    if (b.oom) {
        qfi_buf_free(&b);
        return NULL;
    }
    return qfi_buf_take(&b);
}

char *qfi_handle_request(const char *line, size_t len, void *opaque)
{
    struct qfi_json_obj o;
    char err[160];
    char *reply;
    const struct qfi_json_field *cmd;

    (void)opaque;
    if (qfi_json_parse_object(line, len, &o, err, sizeof(err)) < 0) {
        char msg[200];
        snprintf(msg, sizeof(msg), "malformed request: %s", err);
        qfi_json_obj_free(&o);
        return error_reply(msg);
    }
    cmd = qfi_json_get(&o, "cmd");
    if (!cmd || cmd->type != QFI_JSON_STRING) {
        reply = error_reply("a request needs \"cmd\" as a string");
    } else if (strcmp(cmd->str, "add") == 0) {
        reply = cmd_add(&o);
    } else if (strcmp(cmd->str, "list") == 0) {
        reply = cmd_list(&o);
    } else if (strcmp(cmd->str, "remove") == 0) {
        reply = cmd_remove(&o);
    } else if (strcmp(cmd->str, "clear") == 0) {
        reply = cmd_clear(&o);
    } else if (strcmp(cmd->str, "marker") == 0) {
        reply = cmd_marker(&o);
    } else if (strcmp(cmd->str, "status") == 0) {
        reply = cmd_status(&o);
    } else {
        char msg[128];
        snprintf(msg, sizeof(msg),
                 "unknown cmd \"%.40s\" (expected add, list, remove, clear, marker or status)",
                 cmd->str);
        reply = error_reply(msg);
    }
    qfi_json_obj_free(&o);
    return reply;
}
