/*
 * libxsp-loopback-bind.so: an LD_PRELOAD library the suite loads into the xserver only
 * (perf/lib/run/xsched/loopback-preload.ts). XSched 1.2.0's xserver serves its HTTP
 * control API, unauthenticated, with httplib's listen("0.0.0.0", port)
 * (service/server/src/server.cpp); this rewrites a bind() of an AF_INET socket to
 * INADDR_ANY into 127.0.0.1, and of an AF_INET6 socket to in6addr_any into ::1, so
 * only this host can reach the API while the suite runs it.
 *
 * Limits (docs/security.md): it acts only in processes started with it, and only on
 * bind() calls that go through the dynamic linker. A statically linked xserver, or one
 * that issues the bind system call itself, is not covered; the suite therefore checks
 * the listening socket afterwards (/proc/<pid>/net/tcp) and refuses to run otherwise.
 * Explicit addresses other than the wildcard are left alone.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

typedef int (*bind_fn)(int, const struct sockaddr *, socklen_t);

static bind_fn real_bind(void) {
  static bind_fn resolved;
  if (resolved == NULL) resolved = (bind_fn)dlsym(RTLD_NEXT, "bind");
  return resolved;
}

int bind(int fd, const struct sockaddr *address, socklen_t length) {
  bind_fn next = real_bind();
  if (next == NULL) {
    errno = ENOSYS;
    return -1;
  }
  if (address != NULL && address->sa_family == AF_INET && length >= (socklen_t)sizeof(struct sockaddr_in)) {
    struct sockaddr_in copy;
    memcpy(&copy, address, sizeof copy);
    if (copy.sin_addr.s_addr == htonl(INADDR_ANY)) {
      copy.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      return next(fd, (const struct sockaddr *)&copy, sizeof copy);
    }
  } else if (address != NULL && address->sa_family == AF_INET6 && length >= (socklen_t)sizeof(struct sockaddr_in6)) {
    struct sockaddr_in6 copy;
    memcpy(&copy, address, sizeof copy);
    if (memcmp(&copy.sin6_addr, &in6addr_any, sizeof copy.sin6_addr) == 0) {
      copy.sin6_addr = in6addr_loopback;
      return next(fd, (const struct sockaddr *)&copy, sizeof copy);
    }
  }
  return next(fd, address, length);
}
