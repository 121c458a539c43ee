/*
 * CPU test of preload/loopback_bind.c, run by ctest with LD_PRELOAD set to the library
 * (cmake/XspLoopbackBind.cmake): a listening socket bound to 0.0.0.0 (and [::]) ends up
 * on 127.0.0.1 (::1); a connection to it through every non-loopback address of this
 * host is refused while loopback works; an explicitly bound non-loopback address is
 * left alone and reachable (so a refusal is the binding's doing, not a firewall's).
 * Exit 77 (ctest: skipped) only when the host has no non-loopback address at all.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int failures;

static void check(int ok, const char *what) {
  printf("%s: %s\n", ok ? "ok" : "FAIL", what);
  if (!ok) failures++;
}

static socklen_t length_of(int family) {
  return family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
}

/* Listens on `address` (port 0); returns the fd and fills `bound` from getsockname. */
static int listen_on(const struct sockaddr_storage *address, struct sockaddr_storage *bound) {
  int fd = socket(address->ss_family, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  socklen_t length = sizeof *bound;
  if (bind(fd, (const struct sockaddr *)address, length_of(address->ss_family)) != 0 || listen(fd, 4) != 0 ||
      getsockname(fd, (struct sockaddr *)bound, &length) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

static unsigned short port_of(const struct sockaddr_storage *a) {
  return ntohs(a->ss_family == AF_INET ? ((const struct sockaddr_in *)a)->sin_port : ((const struct sockaddr_in6 *)a)->sin6_port);
}

/* 0 when a TCP connection to `target` with `port` succeeds, else the errno. */
static int connect_errno(struct sockaddr_storage target, unsigned short port) {
  if (target.ss_family == AF_INET) ((struct sockaddr_in *)&target)->sin_port = htons(port);
  else ((struct sockaddr_in6 *)&target)->sin6_port = htons(port);
  int fd = socket(target.ss_family, SOCK_STREAM, 0);
  if (fd < 0) return errno;
  int result = connect(fd, (const struct sockaddr *)&target, length_of(target.ss_family)) == 0 ? 0 : errno;
  close(fd);
  return result;
}

static void describe(const struct sockaddr_storage *a, char *text, size_t size) {
  const void *raw = a->ss_family == AF_INET ? (const void *)&((const struct sockaddr_in *)a)->sin_addr
                                            : (const void *)&((const struct sockaddr_in6 *)a)->sin6_addr;
  inet_ntop(a->ss_family, raw, text, (socklen_t)size);
}

static int is_usable_external(const struct sockaddr *a) {
  if (a->sa_family == AF_INET) return ((const struct sockaddr_in *)a)->sin_addr.s_addr != htonl(INADDR_LOOPBACK) &&
                                      (ntohl(((const struct sockaddr_in *)a)->sin_addr.s_addr) >> 24) != 127;
  if (a->sa_family != AF_INET6) return 0;
  const struct in6_addr *v6 = &((const struct sockaddr_in6 *)a)->sin6_addr;
  return !IN6_IS_ADDR_LOOPBACK(v6) && !IN6_IS_ADDR_LINKLOCAL(v6); /* link-local needs a scope id */
}

static void test_family(int family, const struct ifaddrs *addresses, int *externals) {
  struct sockaddr_storage wildcard = {0}, bound = {0}, loopback = {0};
  wildcard.ss_family = family;
  loopback.ss_family = family;
  if (family == AF_INET) ((struct sockaddr_in *)&loopback)->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  else ((struct sockaddr_in6 *)&loopback)->sin6_addr = in6addr_loopback;
  int server = listen_on(&wildcard, &bound);
  char text[INET6_ADDRSTRLEN], what[256];
  if (server < 0) {
    printf("skip: no %s socket can listen here (%s)\n", family == AF_INET ? "IPv4" : "IPv6", strerror(errno));
    return;
  }
  describe(&bound, text, sizeof text);
  snprintf(what, sizeof what, "a bind to the %s wildcard listens on %s", family == AF_INET ? "IPv4" : "IPv6", text);
  check(strcmp(text, family == AF_INET ? "127.0.0.1" : "::1") == 0, what);
  check(connect_errno(loopback, port_of(&bound)) == 0, "loopback reaches it");
  for (const struct ifaddrs *entry = addresses; entry != NULL; entry = entry->ifa_next) {
    if (entry->ifa_addr == NULL || entry->ifa_addr->sa_family != family || !is_usable_external(entry->ifa_addr)) continue;
    struct sockaddr_storage external = {0};
    memcpy(&external, entry->ifa_addr, length_of(family));
    describe(&external, text, sizeof text);
    int refused = connect_errno(external, port_of(&bound));
    snprintf(what, sizeof what, "%s (%s) is refused: %s", text, entry->ifa_name, refused ? strerror(refused) : "it connected");
    check(refused == ECONNREFUSED, what);
    struct sockaddr_storage explicit_bound = {0};
    int control = listen_on(&external, &explicit_bound);
    snprintf(what, sizeof what, "an explicit bind to %s is left alone and reachable", text);
    check(control >= 0 && connect_errno(external, port_of(&explicit_bound)) == 0, what);
    if (control >= 0) close(control);
    ++*externals;
  }
  close(server);
}

int main(void) {
  struct ifaddrs *addresses = NULL;
  if (getifaddrs(&addresses) != 0) {
    perror("getifaddrs");
    return 1;
  }
  int externals = 0;
  test_family(AF_INET, addresses, &externals);
  test_family(AF_INET6, addresses, &externals);
  freeifaddrs(addresses);
  if (failures > 0) return 1;
  if (externals == 0) {
    printf("skip: this host has no non-loopback address to try; only the loopback rewrite was checked\n");
    return 77;
  }
  return 0;
}
