/*
 * qfi-fault's control socket thread (plugin/README.md, "Control socket").
 */
#define _GNU_SOURCE
#include "control.h"
#include "jsonmini.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#define MAX_CLIENTS 16

struct client {
    int fd;
    char *buf;
    size_t len;
    bool discarding; /* skipping the rest of an overlong line */
};

static struct {
    bool running;
    pthread_t thread;
    int listen_fd;
    int wake[2];
    char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
    dev_t dev;
    ino_t ino;
    qfi_control_handler handler;
    void *opaque;
    struct client clients[MAX_CLIENTS];
    size_t nclients;
} ctl = { .listen_fd = -1, .wake = { -1, -1 } };

static void send_all(struct client *c, const char *s, size_t n)
{
    while (n > 0 && c->fd >= 0) {
        ssize_t w = send(c->fd, s, n, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            /* Gone or stuck (SO_SNDTIMEO): drop the connection, keep serving others. */
            close(c->fd);
            c->fd = -1;
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}

static void reply(struct client *c, const char *text)
{
    if (!text) {
        text = "{\"ok\":false,\"error\":\"out of memory\"}";
    }
    send_all(c, text, strlen(text));
    send_all(c, "\n", 1);
}

static void reply_error(struct client *c, const char *msg)
{
    struct qfi_buf b;
    qfi_buf_init(&b);
    qfi_buf_puts(&b, "{\"ok\":false,\"error\":");
    qfi_buf_json_str(&b, msg);
    qfi_buf_puts(&b, "}");
    char *s = qfi_buf_take(&b);
    reply(c, b.oom ? NULL : s);
    free(s);
}

static void handle_line(struct client *c, char *line, size_t len)
{
    while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' ' || line[len - 1] == '\t')) {
        len--;
    }
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t')) {
        i++;
    }
    if (i == len) {
        return; /* blank line: not a request */
    }
    line[len] = '\0';
    char *out = ctl.handler(line, len, ctl.opaque);
    reply(c, out);
    free(out);
}

static void client_input(struct client *c, const char *data, size_t n)
{
    size_t i = 0;

    while (i < n && c->fd >= 0) {
        const char *nl = memchr(data + i, '\n', n - i);
        size_t chunk = nl ? (size_t)(nl - (data + i)) : n - i;

        if (c->discarding) {
            if (nl) {
                c->discarding = false;
            }
        } else if (c->len + chunk > QFI_CONTROL_LINE_MAX) {
            char msg[96];
            snprintf(msg, sizeof(msg), "request longer than %d bytes", QFI_CONTROL_LINE_MAX);
            reply_error(c, msg);
            c->len = 0;
            c->discarding = !nl;
        } else {
            memcpy(c->buf + c->len, data + i, chunk);
            c->len += chunk;
            if (nl) {
                handle_line(c, c->buf, c->len);
                c->len = 0;
            }
        }
        i += chunk + (nl ? 1 : 0);
    }
}

static void drop_closed_clients(void)
{
    size_t j = 0;
    for (size_t i = 0; i < ctl.nclients; i++) {
        if (ctl.clients[i].fd >= 0) {
            ctl.clients[j++] = ctl.clients[i];
        } else {
            free(ctl.clients[i].buf);
        }
    }
    ctl.nclients = j;
}

static void accept_client(void)
{
    int fd = accept4(ctl.listen_fd, NULL, NULL, SOCK_CLOEXEC);
    if (fd < 0) {
        return;
    }
    if (ctl.nclients == MAX_CLIENTS) {
        close(fd);
        return;
    }
    struct timeval tv = { .tv_sec = 2, .tv_usec = 0 };
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
    char *buf = malloc(QFI_CONTROL_LINE_MAX + 1);
    if (!buf) {
        close(fd);
        return;
    }
    ctl.clients[ctl.nclients++] = (struct client){ .fd = fd, .buf = buf };
}

static void *control_main(void *arg)
{
    (void)arg;
    struct pollfd fds[2 + MAX_CLIENTS];
    char data[4096];

    for (;;) {
        size_t nfds = 0;
        fds[nfds++] = (struct pollfd){ .fd = ctl.wake[0], .events = POLLIN };
        fds[nfds++] = (struct pollfd){ .fd = ctl.listen_fd, .events = POLLIN };
        for (size_t i = 0; i < ctl.nclients; i++) {
            fds[nfds++] = (struct pollfd){ .fd = ctl.clients[i].fd, .events = POLLIN };
        }
        int n = poll(fds, nfds, -1);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        if (fds[0].revents) {
            break;
        }
        for (size_t i = 0; i < ctl.nclients; i++) {
            struct client *c = &ctl.clients[i];
            short ev = fds[2 + i].revents;
            if (!ev) {
                continue;
            }
            ssize_t r = read(c->fd, data, sizeof(data));
            if (r < 0 && (errno == EINTR || errno == EAGAIN)) {
                continue;
            }
            if (r <= 0) {
                close(c->fd);
                c->fd = -1;
                continue;
            }
            client_input(c, data, (size_t)r);
        }
        drop_closed_clients();
        if (fds[1].revents & POLLIN) {
            accept_client();
        }
    }
    return NULL;
}

/* A socket at path that nobody listens on is stale: remove it. */
static int clear_stale(const char *path, char *err, size_t errlen)
{
    struct stat st;
    if (lstat(path, &st) < 0) {
        return 0;
    }
    if (!S_ISSOCK(st.st_mode)) {
        snprintf(err, errlen, "socket path %s exists and is not a socket", path);
        return -1;
    }
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        snprintf(err, errlen, "socket: %s", strerror(errno));
        return -1;
    }
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    memcpy(sa.sun_path, path, strlen(path) + 1);
    int rc = connect(fd, (struct sockaddr *)&sa, sizeof(sa));
    close(fd);
    if (rc == 0) {
        snprintf(err, errlen, "another process listens on socket %s", path);
        return -1;
    }
    unlink(path);
    return 0;
}

int qfi_control_start(const char *path, qfi_control_handler handler, void *opaque, char *err,
                      size_t errlen)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    sigset_t all, old;
    struct stat st;

    if (ctl.running) {
        snprintf(err, errlen, "control socket already started");
        return -1;
    }
    if (strlen(path) == 0 || strlen(path) >= sizeof(sa.sun_path)) {
        snprintf(err, errlen, "socket path \"%s\" must be 1 to %zu bytes long", path,
                 sizeof(sa.sun_path) - 1);
        return -1;
    }
    if (clear_stale(path, err, errlen) < 0) {
        return -1;
    }
    memcpy(sa.sun_path, path, strlen(path) + 1);
    ctl.listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (ctl.listen_fd < 0) {
        snprintf(err, errlen, "socket: %s", strerror(errno));
        return -1;
    }
    if (bind(ctl.listen_fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
        listen(ctl.listen_fd, 8) < 0 || stat(path, &st) < 0) {
        snprintf(err, errlen, "cannot listen on socket %s: %s", path, strerror(errno));
        close(ctl.listen_fd);
        ctl.listen_fd = -1;
        return -1;
    }
    ctl.dev = st.st_dev;
    ctl.ino = st.st_ino;
    if (pipe2(ctl.wake, O_CLOEXEC) < 0) {
        snprintf(err, errlen, "pipe: %s", strerror(errno));
        close(ctl.listen_fd);
        ctl.listen_fd = -1;
        unlink(path);
        return -1;
    }
    memcpy(ctl.path, path, strlen(path) + 1);
    ctl.handler = handler;
    ctl.opaque = opaque;
    ctl.nclients = 0;

    /* The thread takes no signals: QEMU's own threads handle them. */
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int rc = pthread_create(&ctl.thread, NULL, control_main, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) {
        snprintf(err, errlen, "cannot start the control thread: %s", strerror(rc));
        close(ctl.listen_fd);
        close(ctl.wake[0]);
        close(ctl.wake[1]);
        ctl.listen_fd = ctl.wake[0] = ctl.wake[1] = -1;
        unlink(path);
        return -1;
    }
    ctl.running = true;
    return 0;
}

void qfi_control_stop(void)
{
    struct stat st;

    if (!ctl.running) {
        return;
    }
    ctl.running = false;
    ssize_t w;
    do {
        w = write(ctl.wake[1], "x", 1);
    } while (w < 0 && errno == EINTR);
    pthread_join(ctl.thread, NULL);
    for (size_t i = 0; i < ctl.nclients; i++) {
        if (ctl.clients[i].fd >= 0) {
            close(ctl.clients[i].fd);
        }
        free(ctl.clients[i].buf);
    }
    ctl.nclients = 0;
    close(ctl.listen_fd);
    close(ctl.wake[0]);
    close(ctl.wake[1]);
    ctl.listen_fd = ctl.wake[0] = ctl.wake[1] = -1;
    /* Remove the socket only if it is still the one we created. */
    if (stat(ctl.path, &st) == 0 && st.st_dev == ctl.dev && st.st_ino == ctl.ino) {
        unlink(ctl.path);
    }
}
