/*
 * qfi-fault's actions: writes to guest-physical RAM and to registers, read back for the
 * injection log (plugin/README.md, "Injection log").
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "jsonmini.h"
#include "prng.h"
#include "qfi.h"

static const char *hwaddr_error(enum qemu_plugin_hwaddr_operation_result r)
{
    switch (r) {
    case QEMU_PLUGIN_HWADDR_OPERATION_OK:
        return "ok";
    case QEMU_PLUGIN_HWADDR_OPERATION_DEVICE_ERROR:
        return "device error";
    case QEMU_PLUGIN_HWADDR_OPERATION_ACCESS_DENIED:
        return "access denied";
    case QEMU_PLUGIN_HWADDR_OPERATION_INVALID_ADDRESS:
        return "invalid address";
    case QEMU_PLUGIN_HWADDR_OPERATION_INVALID_ADDRESS_SPACE:
        return "invalid address space";
    case QEMU_PLUGIN_HWADDR_OPERATION_ERROR:
    default:
        return "error";
    }
}

static void log_head(struct qfi_buf *b, const struct qfi_rule_state *s, unsigned vcpu,
                     uint64_t icount, uint64_t pc, const char *kind)
{
    qfi_buf_puts(b, "{\"rule\":");
    qfi_buf_json_str(b, s->r.id);
    qfi_buf_printf(b, ",\"vcpu\":%u,\"icount\":%" PRIu64 ",\"pc\":\"0x%" PRIx64 "\",\"kind\":\"%s\"",
                   vcpu, icount, pc, kind);
}

static void log_write(struct qfi_buf *b)
{
    qfi_buf_puts(b, "}\n");
    if (qfi.log && !b->oom) {
        fputs(b->p, qfi.log);
        fflush(qfi.log);
    }
    qfi_buf_free(b);
}

/* Little-endian value of n <= 8 bytes, as 0x with 2n digits. */
static void put_le_value(struct qfi_buf *b, const uint8_t *p, size_t n)
{
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        v |= (uint64_t)p[i] << (8 * i);
    }
    qfi_buf_printf(b, "\"0x%0*" PRIx64 "\"", (int)(2 * n), v);
}

/* Bytes in address order, as 0x followed by two digits per byte. */
static void put_bytes(struct qfi_buf *b, const uint8_t *p, size_t n)
{
    qfi_buf_puts(b, "\"0x");
    for (size_t i = 0; i < n; i++) {
        qfi_buf_printf(b, "%02x", p[i]);
    }
    qfi_buf_puts(b, "\"");
}

/*
 * flip-ram, flip-ram-random, write-ram: read len bytes at addr, apply, write, read back.
 * xor_mask: flip (little-endian mask over len <= 8 bytes); else write data.
 */
static void ram_inject(const struct qfi_rule_state *s, unsigned vcpu, uint64_t icount,
                       uint64_t pc, uint64_t addr, size_t len, bool flip, uint64_t mask,
                       const uint8_t *data)
{
    struct qfi_buf b;
    GByteArray *buf = g_byte_array_new();
    uint8_t before[QFI_BYTES_MAX];
    enum qemu_plugin_hwaddr_operation_result res;
    bool as_value = flip; /* flips print little-endian numbers; write-ram prints bytes */

    qfi_buf_init(&b);
    log_head(&b, s, vcpu, icount, pc, "ram");
    qfi_buf_printf(&b, ",\"addr\":\"0x%" PRIx64 "\",\"width\":%zu", addr, len);

    res = qemu_plugin_read_memory_hwaddr(addr, buf, len);
    if (res != QEMU_PLUGIN_HWADDR_OPERATION_OK || buf->len != len) {
        qfi_buf_printf(&b, ",\"error\":\"read failed: %s\"", hwaddr_error(res));
        goto out;
    }
    memcpy(before, buf->data, len);
    qfi_buf_puts(&b, ",\"before\":");
    if (as_value) {
        put_le_value(&b, before, len);
    } else {
        put_bytes(&b, before, len);
    }
    for (size_t i = 0; i < len; i++) {
        buf->data[i] = flip ? (uint8_t)(before[i] ^ (uint8_t)(mask >> (8 * i))) : data[i];
    }
    res = qemu_plugin_write_memory_hwaddr(addr, buf);
    if (res != QEMU_PLUGIN_HWADDR_OPERATION_OK) {
        qfi_buf_printf(&b, ",\"error\":\"write failed: %s\"", hwaddr_error(res));
        goto out;
    }
    res = qemu_plugin_read_memory_hwaddr(addr, buf, len);
    if (res != QEMU_PLUGIN_HWADDR_OPERATION_OK || buf->len != len) {
        qfi_buf_printf(&b, ",\"error\":\"read-back failed: %s\"", hwaddr_error(res));
        goto out;
    }
    qfi_buf_puts(&b, ",\"after\":");
    if (as_value) {
        put_le_value(&b, buf->data, len);
    } else {
        put_bytes(&b, buf->data, len);
    }
out:
    g_byte_array_free(buf, TRUE);
    log_write(&b);
}

/* A register value as the smallest hex number, in the target's byte order. */
static void put_reg_value(struct qfi_buf *b, const uint8_t *p, size_t n)
{
    bool started = false;
    qfi_buf_puts(b, "\"0x");
    for (size_t k = 0; k < n; k++) {
        uint8_t byte = qfi.big_endian ? p[k] : p[n - 1 - k];
        if (!started) {
            if (byte == 0 && k + 1 < n) {
                continue;
            }
            qfi_buf_printf(b, "%x", byte);
            started = true;
        } else {
            qfi_buf_printf(b, "%02x", byte);
        }
    }
    qfi_buf_puts(b, "\"");
}

static struct qemu_plugin_register *find_register(unsigned vcpu, const char *name)
{
    GArray *regs = qfi.vcpus[vcpu].regs;
    if (!regs) {
        return NULL;
    }
    for (guint i = 0; i < regs->len; i++) {
        qemu_plugin_reg_descriptor *d = &g_array_index(regs, qemu_plugin_reg_descriptor, i);
        if (d->name && strcmp(d->name, name) == 0) {
            return d->handle;
        }
    }
    return NULL;
}

static void reg_inject(const struct qfi_rule_state *s, unsigned vcpu, uint64_t icount,
                       uint64_t pc)
{
    struct qfi_buf b;
    GByteArray *buf = g_byte_array_new();
    struct qemu_plugin_register *h = find_register(vcpu, s->r.reg);
    bool set = s->r.action == QFI_ACT_SET_REG;
    uint64_t bits = set ? s->r.value : s->r.mask;

    qfi_buf_init(&b);
    log_head(&b, s, vcpu, icount, pc, "reg");
    qfi_buf_puts(&b, ",\"reg\":");
    qfi_buf_json_str(&b, s->r.reg);
    if (!h) {
        qfi_buf_puts(&b, ",\"error\":\"unknown register\"");
        goto out;
    }
    if (!qfi_read_register(h, buf)) {
        qfi_buf_puts(&b, ",\"error\":\"read failed\"");
        goto out;
    }
    size_t n = buf->len;
    qfi_buf_puts(&b, ",\"before\":");
    put_reg_value(&b, buf->data, n);
    if (n < 8 && (bits >> (8 * n)) != 0) {
        qfi_buf_printf(&b, ",\"error\":\"%s 0x%" PRIx64 " does not fit the %zu-byte register\"",
                       set ? "value" : "mask", bits, n);
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        size_t k = qfi.big_endian ? n - 1 - i : i; /* k: byte holding bits 8i..8i+7 */
        uint8_t part = i < 8 ? (uint8_t)(bits >> (8 * i)) : 0;
        buf->data[k] = set ? part : (uint8_t)(buf->data[k] ^ part);
    }
    if (!qfi_write_register(h, buf)) {
        qfi_buf_puts(&b, ",\"error\":\"write failed\"");
        goto out;
    }
    if (!qfi_read_register(h, buf)) {
        qfi_buf_puts(&b, ",\"error\":\"read-back failed\"");
        goto out;
    }
    qfi_buf_puts(&b, ",\"after\":");
    put_reg_value(&b, buf->data, buf->len);
out:
    g_byte_array_free(buf, TRUE);
    log_write(&b);
}

bool qfi_inject(struct qfi_rule_state *s, unsigned vcpu, uint64_t icount, uint64_t pc,
                unsigned size)
{
    const struct qfi_rule *r = &s->r;

    switch (r->action) {
    case QFI_ACT_FLIP_RAM:
        ram_inject(s, vcpu, icount, pc, r->addr, r->width, true, r->mask, NULL);
        return false;
    case QFI_ACT_WRITE_RAM:
        ram_inject(s, vcpu, icount, pc, r->addr, r->nbytes, false, 0, r->bytes);
        return false;
    case QFI_ACT_FLIP_RAM_RANDOM: {
        uint64_t total = 0, off, addr = 0, mask;
        for (size_t i = 0; i < r->nranges; i++) {
            total += r->ranges[i].end - r->ranges[i].start;
        }
        off = total ? qfi_prng_below(&s->prng, total) : 0;
        for (size_t i = 0; i < r->nranges; i++) {
            uint64_t size_i = r->ranges[i].end - r->ranges[i].start;
            if (off < size_i) {
                addr = r->ranges[i].start + off;
                break;
            }
            off -= size_i;
        }
        mask = r->has_mask ? r->mask : (uint64_t)1 << qfi_prng_below(&s->prng, 8);
        ram_inject(s, vcpu, icount, pc, addr, 1, true, mask, NULL);
        return false;
    }
    case QFI_ACT_FLIP_REG:
    case QFI_ACT_SET_REG:
        reg_inject(s, vcpu, icount, pc);
        return false;
    case QFI_ACT_SKIP: {
        struct qfi_buf b;
        qfi_buf_init(&b);
        log_head(&b, s, vcpu, icount, pc, "skip");
        if (!QFI_HAVE_SET_PC || size == 0) {
            /* size 0: the deadline was met at the start of a block that has no
             * per-instruction checks (only when it came up too fast to switch). */
            qfi_buf_puts(&b, ",\"error\":\"cannot skip this instruction\"");
            log_write(&b);
            return false;
        }
        qfi_buf_printf(&b, ",\"next\":\"0x%" PRIx64 "\"", pc + size);
        log_write(&b);
        return true;
    }
    case QFI_ACT_NONE:
        break;
    }
    return false;
}
