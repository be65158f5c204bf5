/*
 * What differs between the plugin API versions qfi-fault builds against (plugin/README.md):
 *   5 (QEMU 10.1, 10.2): memory/register writes; register r/w return int.
 *   6 (QEMU 11.0): register r/w return bool; qemu_plugin_set_pc (skip).
 *   7 (QEMU 11.1): callbacks take userdata instead of qemu_plugin_id_t.
 * Every callback qfi-fault registers is declared through the macros below.
 */
#ifndef QFI_COMPAT_H
#define QFI_COMPAT_H

#include <qemu-plugin.h>

#if !defined(QEMU_PLUGIN_VERSION) || QEMU_PLUGIN_VERSION < 5 || QEMU_PLUGIN_VERSION > 7
#error "qfi-fault builds against QEMU plugin API 5, 6 or 7 (QEMU 10.1 to 11.1)"
#endif

#define QFI_API QEMU_PLUGIN_VERSION

#define QFI_UNUSED __attribute__((unused))

/* skip needs qemu_plugin_set_pc. */
#define QFI_HAVE_SET_PC (QFI_API >= 6)

#if QFI_API >= 7
#define QFI_CB_VCPU_INIT(name) static void name(unsigned int vcpu_index, void *qfi_udata QFI_UNUSED)
#define QFI_CB_ATEXIT(name) static void name(void *qfi_udata QFI_UNUSED)
#define QFI_CB_VCPU_RESUME(name) static void name(unsigned int vcpu_index, void *qfi_udata QFI_UNUSED)
#define QFI_CB_FLUSH(name) static void name(void *qfi_udata QFI_UNUSED)
#define QFI_CB_RESET(name) static void name(void *qfi_udata QFI_UNUSED)
#define QFI_REGISTER_VCPU_INIT(id, cb) qemu_plugin_register_vcpu_init_cb((id), (cb), NULL)
#define QFI_REGISTER_ATEXIT(id, cb) qemu_plugin_register_atexit_cb((id), (cb), NULL)
#define QFI_REGISTER_VCPU_RESUME(id, cb) qemu_plugin_register_vcpu_resume_cb((id), (cb), NULL)
#define QFI_REGISTER_FLUSH(id, cb) qemu_plugin_register_flush_cb((id), (cb), NULL)
#define QFI_RESET(id, cb) qemu_plugin_reset((id), (cb), NULL)
#else
#define QFI_CB_VCPU_INIT(name) static void name(qemu_plugin_id_t qfi_id QFI_UNUSED, unsigned int vcpu_index)
#define QFI_CB_ATEXIT(name) static void name(qemu_plugin_id_t qfi_id QFI_UNUSED, void *qfi_udata QFI_UNUSED)
#define QFI_CB_VCPU_RESUME(name) static void name(qemu_plugin_id_t qfi_id QFI_UNUSED, unsigned int vcpu_index)
#define QFI_CB_FLUSH(name) static void name(qemu_plugin_id_t qfi_id QFI_UNUSED)
#define QFI_CB_RESET(name) static void name(qemu_plugin_id_t qfi_id QFI_UNUSED)
#define QFI_REGISTER_VCPU_INIT(id, cb) qemu_plugin_register_vcpu_init_cb((id), (cb))
#define QFI_REGISTER_ATEXIT(id, cb) qemu_plugin_register_atexit_cb((id), (cb), NULL)
#define QFI_REGISTER_VCPU_RESUME(id, cb) qemu_plugin_register_vcpu_resume_cb((id), (cb))
#define QFI_REGISTER_FLUSH(id, cb) qemu_plugin_register_flush_cb((id), (cb))
#define QFI_RESET(id, cb) qemu_plugin_reset((id), (cb))
#endif

/*
 * The translation callback. API 7 gives it userdata instead of the plugin id; in the
 * 11.1 development series it was the last callback to change, so both shapes are
 * accepted there (picked by the header's typedef, without a warning-prone cast).
 */
typedef void (*qfi_tb_trans_udata_t)(struct qemu_plugin_tb *tb, void *userdata);
typedef void (*qfi_tb_trans_id_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qfi_any_fn_t)(void);

static inline void qfi_register_tb_trans(qemu_plugin_id_t id, qfi_tb_trans_udata_t with_udata,
                                         qfi_tb_trans_id_t with_id)
{
#if QFI_API >= 7
    qfi_any_fn_t reg = (qfi_any_fn_t)qemu_plugin_register_vcpu_tb_trans_cb;
    if (_Generic((qemu_plugin_vcpu_tb_trans_cb_t)0, qfi_tb_trans_udata_t: 1, default: 0)) {
        ((void (*)(qemu_plugin_id_t, qfi_tb_trans_udata_t, void *))reg)(id, with_udata, NULL);
    } else {
        ((void (*)(qemu_plugin_id_t, qfi_tb_trans_id_t))reg)(id, with_id);
    }
#else
    (void)with_udata;
    qemu_plugin_register_vcpu_tb_trans_cb(id, with_id);
#endif
}

/* Register reads and writes: true on success (API 5 returns a byte count, -1 on error). */
static inline bool qfi_read_register(struct qemu_plugin_register *h, GByteArray *buf)
{
    g_byte_array_set_size(buf, 0);
#if QFI_API >= 6
    return qemu_plugin_read_register(h, buf) && buf->len > 0;
#else
    return qemu_plugin_read_register(h, buf) > 0 && buf->len > 0;
#endif
}

static inline bool qfi_write_register(struct qemu_plugin_register *h, GByteArray *buf)
{
#if QFI_API >= 6
    return qemu_plugin_write_register(h, buf);
#else
    return qemu_plugin_write_register(h, buf) > 0;
#endif
}

/* Callback flags for callbacks that may inject: RW_REGS, plus the PC for skip (API 6+). */
#if QFI_HAVE_SET_PC
#define QFI_FLAGS_SKIP QEMU_PLUGIN_CB_RW_REGS_PC
#else
#define QFI_FLAGS_SKIP QEMU_PLUGIN_CB_RW_REGS
#endif

#endif
