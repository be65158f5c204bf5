/*
 * qfi-fault's shared state: the rule table, per-vCPU instruction counting, the log.
 * qfi-fault.c owns it; actions.c carries out injections; requests.c answers the socket.
 */
#ifndef QFI_H
#define QFI_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "compat.h"
#include "rules.h"

/*
 * Instruction counting (qfi-fault.c): each vCPU has a scoreboard counter `rem`, biased by
 * QFI_BIAS so that a deadline already passed reads as a small value instead of wrapping.
 * rem - QFI_BIAS = target - counted, where counted is the instructions the vCPU has counted
 * (a block counts all its instructions when it starts) and target the number of the
 * instruction the counter runs toward: the next deadline, or a periodic check-in.
 */
#define QFI_BIAS (UINT64_C(1) << 62)

struct qfi_vcpu {
    uint64_t target;       /* written by the vCPU thread only, under seq (a seqlock) */
    unsigned seq;
    bool ready;            /* vcpu_init ran */
    bool pending;          /* rules changed: pick them up at the next check-in (atomic) */
    GArray *regs;          /* qemu_plugin_reg_descriptor, from qemu_plugin_get_registers() */
};

struct qfi_rule_state {
    struct qfi_rule r;
    uint64_t fires;
    bool done;             /* will not fire again */
    bool armed;            /* has a deadline */
    unsigned dl_cpu;       /* the vCPU the deadline counts on */
    uint64_t deadline;     /* fire just before this instruction (numbered from 1) starts */
    bool pickup;           /* a vCPU must arm it from its current count (runtime add, marker) */
    bool marker_hit;       /* marker trigger: its marker was reported */
    uint64_t pc_seen;      /* pc trigger: executions seen */
    bool pc_reached;       /* pc trigger: the K-th execution happened */
    uint64_t prng;
};

struct qfi_state {
    qemu_plugin_id_t id;
    pthread_mutex_t lock;      /* recursive; guards everything below except the atomics */
    pthread_t lock_owner;
    bool lock_held;

    struct qfi_rule_state **rules;
    size_t nrules, cap;

    struct qemu_plugin_scoreboard *sb;
    qemu_plugin_u64 rem;
    struct qfi_vcpu *vcpus;
    unsigned max_vcpus;

    uint64_t *pcs;             /* sorted pc-trigger addresses still waiting for their K-th hit */
    size_t npcs;               /* also read atomically by the translator */
    bool near;                 /* translate blocks with per-instruction checks (atomic) */
    bool retranslate;          /* instrumentation is stale: reset (flush) from a vCPU */
    bool skip_flags;           /* translate with QFI_FLAGS_SKIP (a skip rule exists) */

    char **markers;            /* markers reported so far */
    size_t nmarkers;

    FILE *log;
    uint64_t seed;
    bool verbose;
    bool big_endian;           /* the target's register byte order */
    int api_cur;               /* info->version.cur */
};

extern struct qfi_state qfi;

void qfi_lock(void);
void qfi_unlock(void);

/* Diagnostics through qemu_plugin_outs, only with verbose=on. */
void qfi_verbose(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Adds a parsed rule (lock held). at_load: from the rules file, before any vCPU runs.
 * Returns 0 or -1 with a message in err.
 */
int qfi_add_rule(const struct qfi_rule *r, bool at_load, char *err, size_t errlen);
/* Removes the rule at index i (lock held). */
void qfi_remove_rule_at(size_t i);
/* Asks every vCPU to pick up rule changes (lock held or not). */
void qfi_poke_all(void);
/* Instructions vCPU i has started so far (any thread; approximate while it runs). */
uint64_t qfi_icount(unsigned vcpu);

/*
 * Carries out one injection of rule s on vcpu (lock held, vCPU context) and writes its log
 * line. icount: instructions executed before; pc/size: the next instruction.
 * Returns true when the rule asks to skip that instruction (the caller calls set_pc).
 */
bool qfi_inject(struct qfi_rule_state *s, unsigned vcpu, uint64_t icount, uint64_t pc,
                unsigned size);

/* Records a reported marker and marks the rules waiting for it; returns how many (lock held). */
int qfi_report_marker(const char *name);

/* The control-socket handler (requests.c). */
char *qfi_handle_request(const char *line, size_t len, void *opaque);

#endif
