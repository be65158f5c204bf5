/*
 * qfi-fault's control socket: a thread that listens on a UNIX socket, reads
 * newline-delimited requests and writes one reply line per request
 * (plugin/README.md, "Control socket"). POSIX only: the requests are handed to a
 * handler supplied by the plugin.
 */
#ifndef QFI_CONTROL_H
#define QFI_CONTROL_H

#include <stddef.h>

/*
 * Handles one request line (without its newline, NUL-terminated). Returns the reply
 * without a newline, malloc'd (the control thread frees it), or NULL when out of memory.
 * Called on the control thread only.
 */
typedef char *(*qfi_control_handler)(const char *line, size_t len, void *opaque);

/* The longest request line; a longer one gets {"ok":false,...} and is skipped. */
#define QFI_CONTROL_LINE_MAX 65536

/*
 * Binds path (a stale socket there is replaced; any other file is an error) and starts
 * the thread. Returns 0, or -1 with a message in err.
 */
int qfi_control_start(const char *path, qfi_control_handler handler, void *opaque, char *err,
                      size_t errlen);

/* Stops the thread, closes every connection and removes the socket file. Idempotent. */
void qfi_control_stop(void);

#endif
