// TEST DOUBLE of XSched 1.2.0's xserver: `fake-xserver <policy> <port>`. It serves the
// real GET /xqueues shape and writes XSched-shaped INFO lines on stderr, but schedules
// nothing and has no IPC channel. Tests play the workers through a side channel the real
// xserver does not have:
//   POST /__double/clients {"pid":1234,"cmdline":"...","priority":1,"queues":1,
//                            "skipPriorityLine":false,"skipQueueLine":false}
//     -> "client process 1234 connected", "XQueue (0x...) from process 1234 created",
//        "set priority 1 for XQueue 0x..." (one per queue), and the queues in /xqueues.
// Knobs (environment): FAKE_XSERVER_EXIT_AFTER_MS=n  exit with status 1 after n ms,
//   FAKE_XSERVER_READY_DELAY_MS=n  listen only after n ms,
//   FAKE_XSERVER_IGNORE_SIGINT=1 / FAKE_XSERVER_IGNORE_SIGTERM=1  to test escalation.
// Compiled (test/doubles/compiled.ts) because the unit tests start it about 16 times a run.
// One thread, one poll() loop: signals arrive through a self-pipe, timers are poll timeouts.
// Each response carries Content-Length and closes its connection, so no client ever waits
// on a kept-alive socket of this double.

// Its headers are each included here directly, as compiled.ts hashes only the headers the
// .cpp itself includes.
#include "fake-xserver-json.hpp"
#include "js-semantics.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <string>
#include <vector>

namespace {

int signalPipe[2];

// `[XSCHED INFO @ T 42 @ 12:00:00.123000]`, local time with the millisecond as microseconds,
// written at once: tests read the log while the double runs.
void log(const char* level, const std::string& message) {
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  tm local{};
  localtime_r(&now.tv_sec, &local);
  char prefix[96];
  std::snprintf(prefix, sizeof prefix, "[XSCHED %s @ T %ld @ %02d:%02d:%02d.%03ld000] ", level, static_cast<long>(getpid()),
                local.tm_hour, local.tm_min, local.tm_sec, now.tv_nsec / 1000000);
  std::string line = prefix + message + "\n";
  for (size_t done = 0; done < line.size();) {
    ssize_t n = write(STDERR_FILENO, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return;  // nowhere left to report it
    done += static_cast<size_t>(n);
  }
}

[[noreturn]] void failCall(const char* call, const std::string& what) {
  std::string message = std::string(call) + " " + what + ": " + std::strerror(errno);
  log("ERRO", message + " (double)");
  std::exit(1);
}

struct Process { double pid; std::string cmdline; };
struct XQueue { uint64_t handle; double pid, level, threshold, batchSize; };
std::vector<Process> processes;
std::vector<XQueue> xqueues;
uint64_t nextHandle = 0x7f3a00001000ULL;

std::string hex(uint64_t value) {
  char text[24];
  std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(value));
  return text;
}

void addClient(std::map<std::string, Value>& body) {
  double pid = toNumber(body["pid"]);
  std::string cmdline = toText(body["cmdline"], "fake-worker " + js::number(pid));
  processes.push_back({pid, cmdline});
  log("INFO", "client process " + js::number(pid) + " connected, cmdline: " + cmdline);
  auto numberOr = [&](const char* name, double fallback) { return body[name].present() ? toNumber(body[name]) : fallback; };
  for (double i = 0; i < numberOr("queues", 1); i++) {
    uint64_t handle = nextHandle;
    nextHandle += 0x100;
    // Emitted as a raw 64-bit JSON number, as jsoncpp writes it.
    xqueues.push_back({handle, pid, numberOr("level", 1), numberOr("threshold", 16), numberOr("batch_size", 8)});
    if (!truthy(body["skipQueueLine"])) log("INFO", "XQueue (" + hex(handle) + ") from process " + js::number(pid) + " created");
    if (!truthy(body["skipPriorityLine"])) log("INFO", "set priority " + js::number(numberOr("priority", 0)) + " for XQueue " + hex(handle));
  }
}

std::string xqueuesBody() {
  std::string out = "{\"processes\":[";
  for (size_t i = 0; i < processes.size(); i++)
    out += (i ? "," : "") + std::string("{\"pid\":") + js::json_number(processes[i].pid) + ",\"cmdline\":" + js::quote(processes[i].cmdline) + "}";
  out += "],\"xqueues\":[";
  for (size_t i = 0; i < xqueues.size(); i++) {
    const XQueue& q = xqueues[i];
    out += (i ? "," : "") + std::string("{\"batch_size\":") + js::number(q.batchSize) + ",\"device\":" + std::to_string(0x10de0000ULL + 1) +
           ",\"handle\":" + std::to_string(q.handle) + ",\"level\":" + js::number(q.level) + ",\"pid\":" + js::number(q.pid) +
           ",\"ready\":true,\"suspended\":false,\"threshold\":" + js::number(q.threshold) + "}";
  }
  return out + "]}";
}

// Decodes a chunked body; false while it is incomplete (or malformed, which ends the same way).
bool dechunk(const std::string& raw, std::string& body) {
  for (size_t at = 0;;) {
    size_t line = raw.find("\r\n", at);
    if (line == std::string::npos) return false;
    size_t size = std::strtoul(raw.substr(at, line - at).c_str(), nullptr, 16);
    if (size == 0) return raw.find("\r\n", line + 2) != std::string::npos;
    if (raw.size() < line + 2 + size + 2) return false;
    body += raw.substr(line + 2, size);
    at = line + 2 + size + 2;
  }
}

// The response once `in` holds a whole request, else an empty string (read more).
std::string respond(const std::string& in) {
  size_t headEnd = in.find("\r\n\r\n");
  if (headEnd == std::string::npos) return "";
  std::string head = in.substr(0, headEnd), raw = in.substr(headEnd + 4), body;
  size_t lineEnd = head.find("\r\n");
  std::string requestLine = head.substr(0, lineEnd);
  std::string headers = (lineEnd == std::string::npos ? "" : head.substr(lineEnd)) + "\r\n";
  for (char& c : headers) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));  // names are case-free
  auto header = [&headers](const std::string& name) {
    size_t at = headers.find("\r\n" + name + ":");
    size_t from = at == std::string::npos ? headers.size() : headers.find_first_not_of(" \t", at + name.size() + 3);
    return from >= headers.size() ? std::string() : headers.substr(from, headers.find_first_of(" \t\r", from) - from);
  };
  size_t length = std::strtoul(header("content-length").c_str(), nullptr, 10);
  if (header("transfer-encoding") == "chunked" ? !dechunk(raw, body) : raw.size() < length) return "";
  if (body.empty()) body = raw.substr(0, length);
  std::string status = "404 Not Found", content;
  if (requestLine.rfind("GET /xqueues ", 0) == 0) {
    status = "200 OK";
    content = xqueuesBody();
  } else if (requestLine.rfind("POST /__double/clients ", 0) == 0) {
    std::map<std::string, Value> fields;
    if (BodyParser(body).parse(fields)) {
      addClient(fields);
      status = "200 OK";
      content = "{\"info\":\"success\"}";
    } else {
      log("ERRO", "POST /__double/clients: the body is not a flat JSON object (double)");
      status = "400 Bad Request";
    }
  }
  std::string type = content.empty() ? "" : "Content-Type: application/json\r\n";
  return "HTTP/1.1 " + status + "\r\n" + type + "Content-Length: " + std::to_string(content.size()) + "\r\nConnection: close\r\n\r\n" + content;
}

void onSignal(int signo) {
  int saved = errno;
  char byte = static_cast<char>(signo);
  if (write(signalPipe[1], &byte, 1) < 0) {}  // a full pipe already wakes the loop
  errno = saved;
}

void handle(int signo) {
  struct sigaction action {};
  action.sa_handler = onSignal;
  sigemptyset(&action.sa_mask);
  if (sigaction(signo, &action, nullptr) != 0) failCall("sigaction", strsignal(signo));
}

// Milliseconds as Node's setTimeout takes them: NaN, below 1 or above 2^31-1 become 1.
long delayMs(const char* text) {
  double ms = toNumber(Value{Value::String, 0, text == nullptr ? "" : text});
  return std::isnan(ms) || ms < 1 || ms > 2147483647 ? 1 : static_cast<long>(ms);
}

long long nowMs() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec * 1000LL + now.tv_nsec / 1000000;
}

bool envIs(const char* name, const char* value) {
  const char* set = std::getenv(name);
  return set != nullptr && std::strcmp(set, value) == 0;
}

int listenOn(long port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) failCall("socket", "AF_INET");
  int on = 1;
  if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0) failCall("setsockopt", "SO_REUSEADDR");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_ANY);  // the real xserver's listen("0.0.0.0"); the suite's preload narrows it
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) failCall("bind", "0.0.0.0:" + std::to_string(port));
  if (listen(fd, 511) != 0) failCall("listen", "0.0.0.0:" + std::to_string(port));
  return fd;
}

}  // namespace

int main(int argc, char** argv) {
  static const char* const policies[] = {"HPF", "HHPF", "CHPF", "UP", "PUP", "SPUP", "KEDF", "LAX", "AWF", "CFS", "MLFQ"};
  std::string policy = argc > 1 ? argv[1] : "HPF";
  std::string portText = argc > 2 ? argv[2] : "50000";
  tzset();
  bool known = false;
  for (const char* name : policies) known = known || policy == name;
  if (!known) {
    log("ERRO", "invalid policy name " + policy + " @ server.cpp:24");
    return 1;
  }
  char* rest = nullptr;
  long port = std::strtol(portText.c_str(), &rest, 10);
  if (portText.empty() || *rest != '\0' || port < 0 || port > 65535) {
    log("ERRO", "invalid port " + portText + " (double)");
    return 1;
  }
  log("INFO", "scheduler created with policy " + policy);

  signal(SIGPIPE, SIG_IGN);
  // Non-blocking: a signal handler must never wait on a full pipe.
  if (pipe2(signalPipe, O_NONBLOCK | O_CLOEXEC) != 0) failCall("pipe2", "for signals");
  handle(SIGINT);
  handle(SIGQUIT);
  if (envIs("FAKE_XSERVER_IGNORE_SIGTERM", "1")) handle(SIGTERM);

  long long start = nowMs();
  long long readyAt = start + delayMs(std::getenv("FAKE_XSERVER_READY_DELAY_MS"));
  const char* exitAfter = std::getenv("FAKE_XSERVER_EXIT_AFTER_MS");
  long long exitAt = exitAfter == nullptr ? -1 : start + delayMs(exitAfter);
  int listener = -1;
  std::map<int, std::string> connections;  // each open connection's request bytes so far
  for (;;) {
    long long now = nowMs();
    // The two timers fire in deadline order, the listen first on a tie, as Node runs them.
    if (listener < 0 && now >= readyAt && (exitAt < 0 || readyAt <= exitAt)) {
      log("INFO", "HTTP server listening on port " + std::to_string(port));
      log("INFO", "events receiver started");
      listener = listenOn(port);
    }
    if (exitAt >= 0 && now >= exitAt) {
      log("ERRO", "fake failure requested by FAKE_XSERVER_EXIT_AFTER_MS @ server.cpp:1");
      return 1;
    }
    long long next = listener < 0 ? readyAt : -1;
    if (exitAt >= 0 && (next < 0 || exitAt < next)) next = exitAt;
    int timeout = next < 0 ? -1 : static_cast<int>(std::max(0LL, next - now));

    std::vector<pollfd> fds{{signalPipe[0], POLLIN, 0}, {listener, POLLIN, 0}};
    for (const auto& entry : connections) fds.push_back({entry.first, POLLIN, 0});
    if (poll(fds.data(), fds.size(), timeout) < 0) {
      if (errno == EINTR) continue;
      failCall("poll", "");
    }
    if (fds[0].revents & POLLIN) {
      char signo = 0;
      if (read(signalPipe[0], &signo, 1) != 1) failCall("read", "the signal pipe");
      if (signo == SIGINT && envIs("FAKE_XSERVER_IGNORE_SIGINT", "1")) log("INFO", "SIGINT ignored (double)");
      else if (signo == SIGTERM) log("INFO", "SIGTERM ignored (double)");
      else return 0;  // SIGINT or SIGQUIT: a graceful stop
    }
    if (fds[1].revents & POLLIN) {
      int client = accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
      if (client >= 0) connections[client];
      else if (errno != EINTR && errno != ECONNABORTED && errno != EAGAIN) failCall("accept4", "");
    }
    for (size_t i = 2; i < fds.size(); i++) {
      if (fds[i].revents == 0) continue;
      int fd = fds[i].fd;
      char chunk[8192];
      ssize_t n = read(fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      std::string response;
      if (n > 0) {
        connections[fd].append(chunk, static_cast<size_t>(n));
        response = respond(connections[fd]);
        if (response.empty() && connections[fd].size() < (1 << 20)) continue;  // wait for the rest
      }
      for (size_t done = 0; done < response.size();) {
        ssize_t sent = send(fd, response.data() + done, response.size() - done, MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR) continue;
        if (sent < 0) break;  // the client left: nothing to answer
        done += static_cast<size_t>(sent);
      }
      shutdown(fd, SHUT_WR);
      close(fd);
      connections.erase(fd);
    }
  }
}
