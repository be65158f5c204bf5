/*
 * qfi-fault: qfi's TCG plugin. Flips bits in guest RAM and registers at an exact
 * instruction count or PC, logs one JSON line per injection, and takes new rules at run
 * time over a UNIX socket. The contract is plugin/README.md.
 *
 * Instruction counting costs no C call per instruction: each vCPU has a scoreboard
 * counter `rem` (instructions left to its next deadline) that every translated block
 * decrements by its length with an inline op, plus a conditional callback when the block
 * starts within QFI_MARGIN instructions of the deadline. While every deadline is far away
 * that is all a block carries. When one comes within reach the translations are flushed
 * and the next blocks also get a conditional callback per instruction (rem equal to that
 * instruction's offset), which fires the rule just before the deadline instruction; once
 * no deadline is close they are flushed back. Rule changes from the control thread are
 * picked up when a vCPU checks in (at least every QFI_CHECKIN instructions) or wakes up.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "control.h"
#include "prng.h"
#include "qfi.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

struct qfi_state qfi;

static const char *socket_path;

/* ---- locking ---- */

void qfi_lock(void)
{
    pthread_mutex_lock(&qfi.lock);
    qfi.lock_owner = pthread_self();
    qfi.lock_held = true;
}

void qfi_unlock(void)
{
    qfi.lock_held = false;
    pthread_mutex_unlock(&qfi.lock);
}

static bool lock_held_by_me(void)
{
    return __atomic_load_n(&qfi.lock_held, __ATOMIC_RELAXED) &&
           pthread_equal(qfi.lock_owner, pthread_self());
}

void qfi_verbose(const char *fmt, ...)
{
    char msg[512];
    va_list ap;

    if (!qfi.verbose) {
        return;
    }
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof(msg) - 1, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return;
    }
    size_t len = strlen(msg);
    msg[len] = '\n';
    msg[len + 1] = '\0';
    qemu_plugin_outs(msg);
}

/* ---- per-vCPU counting ---- */

/*
 * Two levels of instrumentation (see the file comment):
 *  far:  each block gets "if rem < n + QFI_MARGIN: on_far_block()" and "rem -= n" first;
 *  near: the same, plus "if rem == i + 1 - n: on_near_insn()" before its i-th instruction.
 * Blocks are far while every deadline is far away; when one comes within reach, qfi-fault
 * flushes the translations (qemu_plugin_reset) so the following blocks are near, and
 * flushes back once no deadline is close. Blocks holding a pc-trigger instruction are
 * always near. Both levels count the same way (a block counts its n instructions when it
 * starts), so a count does not depend on which level ran.
 */
#define QFI_MARGIN 1024                       /* > the most instructions in a block */
#define QFI_CHECKIN (1 << 20)                 /* a vCPU checks in at least this often */
#define QFI_FAR_DISTANCE (UINT64_C(1) << 22)  /* back to far blocks past this distance */
#define QFI_MAX_BLOCK 512                     /* TCG_MAX_INSNS */

/* What a callback knows about its instruction; allocated at translation. */
struct qfi_insn {
    uint64_t vaddr;
    uint16_t idx;   /* index in its block */
    uint16_t n;     /* instructions in its block */
    uint8_t size;
};

/*
 * Userdata of the near blocks translated since the last flush, freed when the code cache
 * is flushed. Each translating thread fills its own chunk; the chunk list has a lock.
 */
#define QFI_ARENA_ITEMS 4096
struct qfi_arena {
    struct qfi_arena *next;
    size_t used;
    struct qfi_insn items[QFI_ARENA_ITEMS];
};
static struct qfi_arena *arena_all;
static unsigned arena_gen;
static pthread_mutex_t arena_lock = PTHREAD_MUTEX_INITIALIZER;
static __thread struct qfi_arena *arena_mine;
static __thread unsigned arena_mine_gen;

static struct qfi_insn *arena_new(void)
{
    unsigned gen = __atomic_load_n(&arena_gen, __ATOMIC_ACQUIRE);

    if (!arena_mine || arena_mine_gen != gen || arena_mine->used == QFI_ARENA_ITEMS) {
        struct qfi_arena *a = malloc(sizeof(*a));
        if (!a) {
            return NULL;
        }
        a->used = 0;
        pthread_mutex_lock(&arena_lock);
        a->next = arena_all;
        arena_all = a;
        pthread_mutex_unlock(&arena_lock);
        arena_mine = a;
        arena_mine_gen = gen;
    }
    return &arena_mine->items[arena_mine->used++];
}

/* Only while no vCPU translates or runs (the flush callback). */
static void arena_free_all(void)
{
    pthread_mutex_lock(&arena_lock);
    while (arena_all) {
        struct qfi_arena *next = arena_all->next;
        free(arena_all);
        arena_all = next;
    }
    __atomic_store_n(&arena_gen, arena_gen + 1, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&arena_lock);
}

/* a + b, stopping at UINT64_MAX (a deadline that far away never comes). */
static uint64_t sat_add(uint64_t a, uint64_t b)
{
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static int64_t rem_of(unsigned vcpu)
{
    return (int64_t)(qemu_plugin_u64_get(qfi.rem, vcpu) - QFI_BIAS);
}

/* Instructions counted so far on this vCPU (vCPU thread). */
static uint64_t counted_now(unsigned vcpu)
{
    return qfi.vcpus[vcpu].target - (uint64_t)rem_of(vcpu);
}

uint64_t qfi_icount(unsigned vcpu)
{
    struct qfi_vcpu *v = &qfi.vcpus[vcpu];
    unsigned s1, s2;
    uint64_t target;
    int64_t rem;

    if (!__atomic_load_n(&v->ready, __ATOMIC_ACQUIRE)) {
        return 0;
    }
    do {
        s1 = __atomic_load_n(&v->seq, __ATOMIC_ACQUIRE);
        target = __atomic_load_n(&v->target, __ATOMIC_RELAXED);
        rem = rem_of(vcpu);
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        s2 = __atomic_load_n(&v->seq, __ATOMIC_RELAXED);
    } while (s1 != s2 || (s1 & 1));
    return target - (uint64_t)rem;
}

/* Points the counter at instruction target, given what is counted now (vCPU thread). */
static void set_counter(unsigned vcpu, uint64_t counted, uint64_t target)
{
    struct qfi_vcpu *v = &qfi.vcpus[vcpu];

    __atomic_store_n(&v->seq, v->seq + 1, __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    qemu_plugin_u64_set(qfi.rem, vcpu, QFI_BIAS + (target - counted));
    __atomic_store_n(&v->target, target, __ATOMIC_RELAXED);
    __atomic_store_n(&v->seq, v->seq + 1, __ATOMIC_RELEASE);
}

/* The earliest deadline armed on vcpu (lock held). */
static bool next_deadline(unsigned vcpu, uint64_t *out)
{
    bool any = false;

    for (size_t i = 0; i < qfi.nrules; i++) {
        const struct qfi_rule_state *s = qfi.rules[i];
        if (!s->done && s->armed && s->dl_cpu == vcpu && (!any || s->deadline < *out)) {
            *out = s->deadline;
            any = true;
        }
    }
    return any;
}

/*
 * Runs the counter toward the earliest deadline, or the next check-in (lock held). A
 * deadline already passed gives a negative distance: the next block start fires it late.
 */
static void reschedule(unsigned vcpu, uint64_t counted)
{
    uint64_t t = counted + QFI_CHECKIN, d;

    if (next_deadline(vcpu, &d) && d < t) {
        t = d;
    }
    set_counter(vcpu, counted, t);
}

/*
 * Arms the rules waiting for this vCPU's count (lock held). boundary: the count at the end
 * of the current block, so every new deadline is at or after the next block start.
 */
static void pickups(unsigned vcpu, uint64_t boundary)
{
    for (size_t i = 0; i < qfi.nrules; i++) {
        struct qfi_rule_state *s = qfi.rules[i];
        if (!s->pickup || s->done || s->r.cpu != vcpu ||
            (s->r.trigger == QFI_TRIG_MARKER && !s->marker_hit)) {
            continue;
        }
        s->pickup = false;
        s->armed = true;
        s->dl_cpu = vcpu;
        if (s->r.insn_relative) {
            s->deadline = sat_add(boundary, sat_add(s->r.insn, 1)); /* N after the boundary */
        } else {
            s->deadline = s->r.insn > boundary ? s->r.insn : boundary + 1;
        }
        qfi_verbose("qfi-fault: vCPU %u armed %s for instruction %" PRIu64, vcpu, s->r.id,
                    s->deadline);
    }
}

/*
 * Chooses far or near blocks after the deadlines changed (lock held). end: the count at the
 * end of the current block. Returns true when the translations must be flushed.
 */
static bool choose_level(unsigned vcpu, uint64_t end)
{
    bool near = __atomic_load_n(&qfi.near, __ATOMIC_RELAXED);
    bool want = false, reset;
    uint64_t d;

    if (!near) {
        want = next_deadline(vcpu, &d) && d <= end + 2 * QFI_MARGIN;
    } else {
        for (unsigned v = 0; v < qfi.max_vcpus && !want; v++) {
            if (!__atomic_load_n(&qfi.vcpus[v].ready, __ATOMIC_ACQUIRE)) {
                continue;
            }
            uint64_t at = v == vcpu ? end : qfi_icount(v);
            want = next_deadline(v, &d) && d <= at + QFI_FAR_DISTANCE;
        }
    }
    reset = want != near;
    if (reset) {
        __atomic_store_n(&qfi.near, want, __ATOMIC_RELEASE);
        qfi_verbose("qfi-fault: vCPU %u at %" PRIu64 ": %s blocks", vcpu, end,
                    want ? "near (per-instruction)" : "far (per-block)");
    }
    if (qfi.retranslate) {
        qfi.retranslate = false;
        reset = true;
    }
    return reset;
}

/*
 * One chance for rule s to fire before instruction cur (lock held). Returns true when the
 * rule asks to skip the instruction.
 */
static bool opportunity(struct qfi_rule_state *s, unsigned vcpu, uint64_t cur, uint64_t pc,
                        unsigned size)
{
    bool fire = true;
    bool skip = false;

    if (s->r.repeat == QFI_REP_RATE) {
        fire = qfi_prng_below(&s->prng, 1000) < s->r.rate;
    }
    if (fire) {
        skip = qfi_inject(s, vcpu, cur - 1, pc, size);
        s->fires++;
        if (s->r.count && s->fires >= s->r.count) {
            s->done = true;
        }
        if (s->r.repeat == QFI_REP_ONCE) {
            s->done = true;
        }
    }
    if (s->done) {
        s->armed = false;
    } else if (s->r.repeat != QFI_REP_ONCE) {
        s->armed = true;
        s->dl_cpu = vcpu;
        s->deadline = sat_add(cur, s->r.period);
    }
    return skip;
}

/* Fires the rules due at or before instruction cur (lock held); skips go last. */
static bool fire_due(unsigned vcpu, uint64_t cur, uint64_t pc, unsigned size)
{
    bool skip = false;

    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < qfi.nrules; i++) {
            struct qfi_rule_state *s = qfi.rules[i];
            if (s->done || !s->armed || s->dl_cpu != vcpu || s->deadline > cur ||
                (s->r.action == QFI_ACT_SKIP) != (pass == 1)) {
                continue;
            }
            skip |= opportunity(s, vcpu, cur, pc, size);
        }
    }
    return skip;
}

QFI_CB_RESET(on_reset_done);
static bool rebuild_pcs(void);

/* After a callback: flush if the level changed, skip the instruction if a rule said so. */
static void finish(bool reset, bool skip, uint64_t next_pc)
{
    if (reset) {
        QFI_RESET(qfi.id, on_reset_done);
    }
    if (skip) {
#if QFI_HAVE_SET_PC
        qemu_plugin_set_pc(next_pc);
#else
        (void)next_pc;
#endif
    }
}

/*
 * A block starts within reach of a deadline or a check-in. n: its length (a far block
 * passes 0: at most QFI_MAX_BLOCK); near: its instructions have their own checks.
 */
static void block_start(unsigned vcpu, uint64_t pc, unsigned size, unsigned n, bool near)
{
    bool skip = false, reset;

    qfi_lock();
    int64_t r = rem_of(vcpu);
    uint64_t counted = qfi.vcpus[vcpu].target - (uint64_t)r;
    uint64_t end = counted + (n ? n : QFI_MAX_BLOCK);
    if (__atomic_exchange_n(&qfi.vcpus[vcpu].pending, false, __ATOMIC_ACQ_REL)) {
        pickups(vcpu, end);
    }
    /* Due now (or missed in a block cut short); a near block fires r == 1 itself. */
    if (r <= 0 || (r == 1 && !near)) {
        skip = fire_due(vcpu, counted + 1, pc, size);
    }
    reschedule(vcpu, counted);
    reset = choose_level(vcpu, end);
    qfi_unlock();
    /* A far block does not know its first instruction's size: it cannot skip it. */
    finish(reset, skip && size, pc + size);
}

/* A far block starts within reach: udata is its address. */
static void on_far_block(unsigned int vcpu, void *udata)
{
    block_start(vcpu, (uint64_t)(uintptr_t)udata, 0, 0, false);
}

/* A near block starts within reach: udata describes its first instruction. */
static void on_near_block(unsigned int vcpu, void *udata)
{
    const struct qfi_insn *in = udata;
    block_start(vcpu, in->vaddr, in->size, in->n, true);
}

/* The deadline is the instruction at udata, inside a near block. */
static void on_near_insn(unsigned int vcpu, void *udata)
{
    const struct qfi_insn *in = udata;
    bool skip, reset;

    qfi_lock();
    uint64_t counted = counted_now(vcpu); /* includes the whole block */
    uint64_t cur = counted - in->n + in->idx + 1;
    if (__atomic_exchange_n(&qfi.vcpus[vcpu].pending, false, __ATOMIC_ACQ_REL)) {
        pickups(vcpu, counted);
    }
    skip = fire_due(vcpu, cur, in->vaddr, in->size);
    reschedule(vcpu, counted);
    reset = choose_level(vcpu, counted);
    qfi_unlock();
    finish(reset, skip, in->vaddr + in->size);
}

/* The instruction at udata has a pc trigger. */
static void on_pc(unsigned int vcpu, void *udata)
{
    const struct qfi_insn *in = udata;
    bool skip = false, changed = false, reset = false;

    qfi_lock();
    uint64_t counted = counted_now(vcpu);
    uint64_t cur = counted - in->n + in->idx + 1;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < qfi.nrules; i++) {
            struct qfi_rule_state *s = qfi.rules[i];
            if (s->done || s->r.trigger != QFI_TRIG_PC || s->pc_reached ||
                s->r.pc != in->vaddr || (s->r.has_cpu && s->r.cpu != vcpu) ||
                (s->r.action == QFI_ACT_SKIP) != (pass == 1)) {
                continue;
            }
            if (++s->pc_seen < s->r.pc_hit) {
                continue;
            }
            s->pc_reached = true;
            changed = true;
            skip |= opportunity(s, vcpu, cur, in->vaddr, in->size);
        }
    }
    if (changed) {
        rebuild_pcs(); /* blocks translated from now on need not watch this address */
        reschedule(vcpu, counted);
        reset = choose_level(vcpu, counted);
    }
    qfi_unlock();
    finish(reset, skip, in->vaddr + in->size);
}

/* A vCPU leaves idle: pick up rules added while it slept. */
QFI_CB_VCPU_RESUME(on_vcpu_resume)
{
    bool reset = false;

    if (vcpu_index >= qfi.max_vcpus ||
        !__atomic_load_n(&qfi.vcpus[vcpu_index].ready, __ATOMIC_ACQUIRE) ||
        !__atomic_exchange_n(&qfi.vcpus[vcpu_index].pending, false, __ATOMIC_ACQ_REL)) {
        return;
    }
    qfi_lock();
    uint64_t counted = counted_now(vcpu_index);
    pickups(vcpu_index, counted);
    reschedule(vcpu_index, counted);
    reset = choose_level(vcpu_index, counted);
    qfi_unlock();
    finish(reset, false, 0);
}

static bool pc_wanted(uint64_t pc)
{
    size_t lo = 0, hi = qfi.npcs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (qfi.pcs[mid] < pc) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < qfi.npcs && qfi.pcs[lo] == pc;
}

static struct qfi_insn *describe(struct qemu_plugin_insn *insn, size_t idx, size_t n)
{
    struct qfi_insn *in = arena_new();
    if (in) {
        in->vaddr = qemu_plugin_insn_vaddr(insn);
        in->idx = (uint16_t)idx;
        in->n = (uint16_t)n;
        in->size = (uint8_t)qemu_plugin_insn_size(insn);
    }
    return in;
}

static void on_tb_trans(struct qemu_plugin_tb *tb)
{
    size_t n = qemu_plugin_tb_n_insns(tb);
    bool near = __atomic_load_n(&qfi.near, __ATOMIC_ACQUIRE);
    bool pcs = __atomic_load_n(&qfi.npcs, __ATOMIC_ACQUIRE) > 0;
    enum qemu_plugin_cb_flags flags =
        __atomic_load_n(&qfi.skip_flags, __ATOMIC_ACQUIRE) ? QFI_FLAGS_SKIP
                                                            : QEMU_PLUGIN_CB_RW_REGS;
    struct qfi_insn *first = NULL;

    if (n == 0 || n > QFI_MAX_BLOCK) {
        return;
    }
    if (pcs) {
        qfi_lock();
        for (size_t i = 0; i < n && !near; i++) {
            near = pc_wanted(qemu_plugin_insn_vaddr(qemu_plugin_tb_get_insn(tb, i)));
        }
    }
    if (near) {
        first = describe(qemu_plugin_tb_get_insn(tb, 0), 0, n);
        if (!first) {
            near = false; /* out of memory: count, without per-instruction checks */
        }
    }
    if (near) {
        qemu_plugin_register_vcpu_tb_exec_cond_cb(tb, on_near_block, flags, QEMU_PLUGIN_COND_LT,
                                                  qfi.rem, QFI_BIAS + n + QFI_MARGIN, first);
    } else {
        qemu_plugin_register_vcpu_tb_exec_cond_cb(tb, on_far_block, flags, QEMU_PLUGIN_COND_LT,
                                                  qfi.rem, QFI_BIAS + n + QFI_MARGIN,
                                                  (void *)(uintptr_t)qemu_plugin_tb_vaddr(tb));
    }
    qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(tb, QEMU_PLUGIN_INLINE_ADD_U64, qfi.rem,
                                                      (uint64_t)0 - n);
    for (size_t i = 0; i < n && (near || pcs); i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        bool pc = pcs && pc_wanted(qemu_plugin_insn_vaddr(insn));
        struct qfi_insn *in = i == 0 && first ? first : NULL;
        if (!in && (near || pc)) {
            in = describe(insn, i, n);
            if (!in) {
                break;
            }
        }
        if (near) {
            qemu_plugin_register_vcpu_insn_exec_cond_cb(insn, on_near_insn, flags,
                                                        QEMU_PLUGIN_COND_EQ, qfi.rem,
                                                        QFI_BIAS + i + 1 - n, in);
        }
        if (pc) {
            qemu_plugin_register_vcpu_insn_exec_cb(insn, on_pc, flags, in);
        }
    }
    if (pcs) {
        qfi_unlock();
    }
}

static void on_tb_trans_udata(struct qemu_plugin_tb *tb, void *udata)
{
    (void)udata;
    on_tb_trans(tb);
}

static void on_tb_trans_id(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    on_tb_trans(tb);
}

/* The code cache was flushed: no block refers to the userdata any more. */
QFI_CB_FLUSH(on_flush)
{
    arena_free_all();
}

QFI_CB_VCPU_INIT(on_vcpu_init)
{
    if (vcpu_index >= qfi.max_vcpus) {
        return; /* cannot happen: max_vcpus bounds cpu_index */
    }
    struct qfi_vcpu *v = &qfi.vcpus[vcpu_index];
    GArray *regs = qemu_plugin_get_registers();

    qfi_lock();
    v->regs = regs;
    v->target = 0;
    qemu_plugin_u64_set(qfi.rem, vcpu_index, QFI_BIAS);
    __atomic_store_n(&v->ready, true, __ATOMIC_RELEASE);
    reschedule(vcpu_index, 0);
    qfi_unlock();
    if (qfi.verbose && regs) {
        char line[400];
        size_t len = 0;
        line[0] = '\0';
        for (guint i = 0; i < regs->len; i++) {
            qemu_plugin_reg_descriptor *d = &g_array_index(regs, qemu_plugin_reg_descriptor, i);
            int w = snprintf(line + len, sizeof(line) - len, " %s", d->name);
            if (w < 0 || (size_t)w >= sizeof(line) - len) {
                qfi_verbose("qfi-fault: vCPU %u registers:%s", vcpu_index, line);
                snprintf(line, sizeof(line), " %s", d->name);
                len = strlen(line);
            } else {
                len += (size_t)w;
            }
        }
        qfi_verbose("qfi-fault: vCPU %u registers:%s", vcpu_index, line);
    }
}

QFI_CB_ATEXIT(on_atexit)
{
    bool mine = lock_held_by_me();

    /* A vCPU can exit QEMU inside our own callback (an MMIO write): do not wait for it. */
    if (!mine) {
        qfi_lock();
    }
    if (qfi.log) {
        fflush(qfi.log);
        fclose(qfi.log);
        qfi.log = NULL;
    }
    if (!mine) {
        qfi_unlock();
        qfi_control_stop();
    } else if (socket_path) {
        unlink(socket_path);
    }
}

static void register_callbacks(qemu_plugin_id_t id)
{
    QFI_REGISTER_VCPU_INIT(id, on_vcpu_init);
    QFI_REGISTER_VCPU_RESUME(id, on_vcpu_resume);
    qfi_register_tb_trans(id, on_tb_trans_udata, on_tb_trans_id);
    QFI_REGISTER_FLUSH(id, on_flush);
    QFI_REGISTER_ATEXIT(id, on_atexit);
}

QFI_CB_RESET(on_reset_done)
{
    /* qemu_plugin_reset dropped every callback (and flushed the blocks): put them back. */
    register_callbacks(qfi.id);
}

/* ---- rule table ---- */

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Rebuilds the pc set; returns true when it gained an address (lock held). */
static bool rebuild_pcs(void)
{
    size_t n = 0;
    uint64_t *pcs = NULL;
    bool gained = false;

    for (size_t i = 0; i < qfi.nrules; i++) {
        const struct qfi_rule_state *s = qfi.rules[i];
        n += (s->r.trigger == QFI_TRIG_PC && !s->done && !s->pc_reached);
    }
    if (n) {
        pcs = malloc(n * sizeof(*pcs));
        if (!pcs) {
            return false; /* keep the old set */
        }
        n = 0;
        for (size_t i = 0; i < qfi.nrules; i++) {
            const struct qfi_rule_state *s = qfi.rules[i];
            if (s->r.trigger == QFI_TRIG_PC && !s->done && !s->pc_reached) {
                pcs[n++] = s->r.pc;
            }
        }
        qsort(pcs, n, sizeof(*pcs), cmp_u64);
        size_t u = 0;
        for (size_t i = 0; i < n; i++) {
            if (u == 0 || pcs[u - 1] != pcs[i]) {
                pcs[u++] = pcs[i];
            }
        }
        n = u;
        for (size_t i = 0; i < n; i++) {
            if (!pc_wanted(pcs[i])) {
                gained = true;
            }
        }
    }
    free(qfi.pcs);
    qfi.pcs = pcs;
    __atomic_store_n(&qfi.npcs, n, __ATOMIC_RELEASE);
    return gained;
}

static bool marker_seen(const char *name)
{
    for (size_t i = 0; i < qfi.nmarkers; i++) {
        if (strcmp(qfi.markers[i], name) == 0) {
            return true;
        }
    }
    return false;
}

int qfi_add_rule(const struct qfi_rule *r, bool at_load, char *err, size_t errlen)
{
    struct qfi_rule_state *s;

    for (size_t i = 0; i < qfi.nrules; i++) {
        if (strcmp(qfi.rules[i]->r.id, r->id) == 0) {
            snprintf(err, errlen, "duplicate rule id %s", r->id);
            return -1;
        }
    }
    if (r->cpu >= qfi.max_vcpus) {
        snprintf(err, errlen, "rule %s: cpu %u does not exist (the machine has %u vCPU%s)", r->id,
                 r->cpu, qfi.max_vcpus, qfi.max_vcpus == 1 ? "" : "s");
        return -1;
    }
    if (r->action == QFI_ACT_SKIP && !QFI_HAVE_SET_PC) {
        snprintf(err, errlen,
                 "rule %s: action skip needs plugin API 6 (QEMU 11.0 or later); qfi-fault is "
                 "built for API %d",
                 r->id, QFI_API);
        return -1;
    }
    if (qfi.nrules == qfi.cap) {
        size_t cap = qfi.cap ? qfi.cap * 2 : 16;
        void *p = realloc(qfi.rules, cap * sizeof(*qfi.rules));
        if (!p) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        qfi.rules = p;
        qfi.cap = cap;
    }
    s = calloc(1, sizeof(*s));
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    s->r = *r;
    s->prng = qfi_prng_seed(qfi.seed, r->id);
    switch (r->trigger) {
    case QFI_TRIG_INSN:
        if (at_load) {
            /* Counted from the vCPU's start: +N is N instructions after instruction 0. */
            s->armed = true;
            s->dl_cpu = r->cpu;
            s->deadline = r->insn_relative ? sat_add(r->insn, 1) : r->insn;
        } else {
            s->pickup = true;
        }
        break;
    case QFI_TRIG_MARKER:
        s->pickup = true;
        s->marker_hit = marker_seen(r->marker);
        break;
    case QFI_TRIG_PC:
    case QFI_TRIG_NONE:
        break;
    }
    qfi.rules[qfi.nrules++] = s;
    if (r->trigger == QFI_TRIG_PC && rebuild_pcs() && !at_load) {
        qfi.retranslate = true;
    }
    if (r->action == QFI_ACT_SKIP && !qfi.skip_flags) {
        __atomic_store_n(&qfi.skip_flags, true, __ATOMIC_RELEASE);
        if (!at_load) {
            qfi.retranslate = true;
        }
    }
    return 0;
}

void qfi_remove_rule_at(size_t i)
{
    bool pc = qfi.rules[i]->r.trigger == QFI_TRIG_PC;
    free(qfi.rules[i]);
    memmove(&qfi.rules[i], &qfi.rules[i + 1], (qfi.nrules - i - 1) * sizeof(*qfi.rules));
    qfi.nrules--;
    if (pc) {
        rebuild_pcs();
    }
}

void qfi_poke_all(void)
{
    for (unsigned i = 0; i < qfi.max_vcpus; i++) {
        __atomic_store_n(&qfi.vcpus[i].pending, true, __ATOMIC_RELEASE);
    }
}

int qfi_report_marker(const char *name)
{
    int armed = 0;

    if (!marker_seen(name)) {
        char **m = realloc(qfi.markers, (qfi.nmarkers + 1) * sizeof(*m));
        size_t len = strlen(name) + 1;
        char *copy = malloc(len);
        if (copy) {
            memcpy(copy, name, len);
        }
        if (m && copy) {
            qfi.markers = m;
            qfi.markers[qfi.nmarkers++] = copy;
        } else {
            if (m) {
                qfi.markers = m;
            }
            free(copy);
        }
    }
    for (size_t i = 0; i < qfi.nrules; i++) {
        struct qfi_rule_state *s = qfi.rules[i];
        if (s->r.trigger == QFI_TRIG_MARKER && !s->done && !s->marker_hit &&
            strcmp(s->r.marker, name) == 0) {
            s->marker_hit = true;
            armed++;
        }
    }
    return armed;
}

/* ---- install ---- */

static bool target_is_big_endian(const char *t)
{
    static const char *const be[] = { "s390x", "m68k", "hppa", "sparc", "sparc64", "mips",
                                      "mips64", "or1k", "ppc", "ppc64" };
    for (size_t i = 0; t && i < sizeof(be) / sizeof(be[0]); i++) {
        if (strcmp(t, be[i]) == 0) {
            return true;
        }
    }
    return false;
}

static int load_rules_file(const char *path)
{
    char line[QFI_LINE_MAX + 2];
    char err[QFI_ERR_MAX];
    struct qfi_rule *r;
    unsigned lineno = 0;
    FILE *f = fopen(path, "r");

    if (!f) {
        fprintf(stderr, "qfi-fault: cannot read rules file %s: %s\n", path, strerror(errno));
        return -1;
    }
    r = malloc(sizeof(*r));
    if (!r) {
        fclose(f);
        fprintf(stderr, "qfi-fault: out of memory\n");
        return -1;
    }
    while (fgets(line, sizeof(line), f)) {
        size_t len = strlen(line);
        lineno++;
        if (len == sizeof(line) - 1 && line[len - 1] != '\n') {
            fprintf(stderr, "qfi-fault: rules file %s line %u: longer than %d characters\n", path,
                    lineno, QFI_LINE_MAX - 1);
            goto fail;
        }
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) {
            line[--len] = '\0';
        }
        if (qfi_rule_is_blank(line)) {
            continue;
        }
        if (qfi_rule_parse(line, r, err, sizeof(err)) < 0 ||
            qfi_add_rule(r, true, err, sizeof(err)) < 0) {
            fprintf(stderr, "qfi-fault: bad rule in %s line %u: %s: \"%s\"\n", path, lineno, err,
                    line);
            goto fail;
        }
    }
    if (ferror(f)) {
        fprintf(stderr, "qfi-fault: cannot read rules file %s: %s\n", path, strerror(errno));
        goto fail;
    }
    free(r);
    fclose(f);
    return 0;
fail:
    free(r);
    fclose(f);
    return -1;
}

static int bad_arg(const char *arg, const char *why)
{
    fprintf(stderr, "qfi-fault: bad argument \"%s\": %s\n", arg, why);
    return -1;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info,
                                           int argc, char **argv)
{
    const char *log_path = NULL, *rules_path = NULL;
    bool seen_seed = false, seen_verbose = false;
    char err[QFI_ERR_MAX];
    pthread_mutexattr_t attr;

    if (info->version.cur != QFI_API) {
        fprintf(stderr,
                "qfi-fault: built for QEMU plugin API %d but this QEMU provides API %d "
                "(minimum %d): rebuild qfi-fault against this QEMU's qemu-plugin.h "
                "(qfi-fault supports APIs 5 to 7)\n",
                QFI_API, info->version.cur, info->version.min);
        return -1;
    }
    if (!info->system_emulation) {
        fprintf(stderr, "qfi-fault: needs system emulation (qemu-system-*), not user mode\n");
        return -1;
    }

    memset(&qfi, 0, sizeof(qfi));
    qfi.id = id;
    qfi.api_cur = info->version.cur;
    qfi.big_endian = target_is_big_endian(info->target_name);
    qfi.max_vcpus = info->system.max_vcpus > 0 ? (unsigned)info->system.max_vcpus : 1;

    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *eq = strchr(a, '=');
        if (!eq || eq == a) {
            return bad_arg(a, "expected key=value");
        }
        size_t klen = (size_t)(eq - a);
        const char *v = eq + 1;
        char why[160];
#define KEY(k) (klen == strlen(k) && strncmp(a, k, klen) == 0)
        if (KEY("log") || KEY("rules") || KEY("socket")) {
            const char **slot = KEY("log") ? &log_path : KEY("rules") ? &rules_path
                                                                       : &socket_path;
            if (*slot) {
                snprintf(why, sizeof(why), "%.*s is given twice", (int)klen, a);
                return bad_arg(a, why);
            }
            if (!*v) {
                snprintf(why, sizeof(why), "%.*s needs a path", (int)klen, a);
                return bad_arg(a, why);
            }
            *slot = v;
        } else if (KEY("seed")) {
            if (seen_seed) {
                return bad_arg(a, "seed is given twice");
            }
            if (qfi_parse_dec(v, strlen(v), &qfi.seed) < 0) {
                return bad_arg(a, "seed must be an unsigned decimal number");
            }
            seen_seed = true;
        } else if (KEY("verbose")) {
            if (seen_verbose) {
                return bad_arg(a, "verbose is given twice");
            }
            if (strcmp(v, "on") == 0) {
                qfi.verbose = true;
            } else if (strcmp(v, "off") != 0) {
                return bad_arg(a, "verbose must be on or off");
            }
            seen_verbose = true;
        } else {
            snprintf(why, sizeof(why), "unknown key %.*s (expected log, rules, socket, seed or verbose)",
                     (int)(klen > 64 ? 64 : klen), a);
            return bad_arg(a, why);
        }
#undef KEY
    }
    if (!log_path) {
        fprintf(stderr, "qfi-fault: missing argument log=PATH (the injection log)\n");
        return -1;
    }

    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&qfi.lock, &attr);
    pthread_mutexattr_destroy(&attr);

    qfi.vcpus = calloc(qfi.max_vcpus, sizeof(*qfi.vcpus));
    if (!qfi.vcpus) {
        fprintf(stderr, "qfi-fault: out of memory\n");
        return -1;
    }
    if (rules_path && load_rules_file(rules_path) < 0) {
        return -1;
    }
    qfi.log = fopen(log_path, "w");
    if (!qfi.log) {
        fprintf(stderr, "qfi-fault: cannot write log %s: %s\n", log_path, strerror(errno));
        return -1;
    }
    qfi.sb = qemu_plugin_scoreboard_new(sizeof(uint64_t));
    qfi.rem = qemu_plugin_scoreboard_u64(qfi.sb);
    if (socket_path &&
        qfi_control_start(socket_path, qfi_handle_request, NULL, err, sizeof(err)) < 0) {
        fprintf(stderr, "qfi-fault: %s\n", err);
        fclose(qfi.log);
        qfi.log = NULL;
        return -1;
    }

    /* Start with near blocks when a deadline comes before the first check could see it. */
    for (size_t i = 0; i < qfi.nrules; i++) {
        const struct qfi_rule_state *s = qfi.rules[i];
        if (s->armed && s->deadline <= 2 * QFI_MARGIN) {
            qfi.near = true;
        }
    }
    register_callbacks(id);
    qfi_verbose("qfi-fault: API %d, %zu rule%s, seed %" PRIu64 "%s%s", QFI_API, qfi.nrules,
                qfi.nrules == 1 ? "" : "s", qfi.seed, socket_path ? ", socket " : "",
                socket_path ? socket_path : "");
    return 0;
}
